// The fleet: structure-of-arrays CronJobs, the schedule intern table, the name
// index and the enumeration queries. The due queue is in fleet_queue.cc.
#include "kron/fleet.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <queue>

#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "kron/fire_times.h"
#include "kron/names.h"

namespace kron {
namespace {

constexpr uint32_t kEmptyIndex = UINT32_MAX;
constexpr uint32_t kTombIndex = UINT32_MAX - 1;

// strings.Contains(schedule, "TZ") (formatSchedule) for the short texts
// schedules are, without a library call per CronJob.
bool MentionsTz(absl::string_view s) {
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i] == 'Z' && s[i - 1] == 'T') return true;
  }
  return false;
}

template <typename T>
size_t CapacityBytes(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

}  // namespace

absl::string_view ConcurrencyPolicyName(ConcurrencyPolicy p) {
  switch (p) {
    case ConcurrencyPolicy::kAllow: return "Allow";
    case ConcurrencyPolicy::kForbid: return "Forbid";
    case ConcurrencyPolicy::kReplace: return "Replace";
  }
  return "Allow";
}

Fleet::Fleet(const TimeZones& zones) : zones_(&zones) { index_.assign(1024, kEmptyIndex); }

void Fleet::StoreActive(uint32_t id, int64_t active) {
  const int64_t v = std::clamp<int64_t>(active, 0, UINT16_MAX);
  if (v < kBigActive) {
    if (active_[id] == kBigActive) big_active_.erase(id);
    active_[id] = uint8_t(v);
  } else {
    active_[id] = kBigActive;
    big_active_[id] = uint16_t(v);
  }
}

void Fleet::EraseSideTables(uint32_t id) {
  const uint8_t f = flags_[id];
  if (f & kHasDeadline) (f & kBigDeadline) ? void(big_deadline_.erase(id)) : void(deadline_.erase(id));
  if (f & kBigEarliest) big_earliest_.erase(id);
  if (active_[id] == kBigActive) big_active_.erase(id);
  flags_[id] = 0;
  active_[id] = 0;
}

void Fleet::SetEarliest(uint32_t id, int64_t t, uint8_t* flags) {
  if (t >= 0 && t <= int64_t(UINT32_MAX)) {
    earliest_[id] = uint32_t(t);
    if (*flags & kBigEarliest) {
      big_earliest_.erase(id);
      *flags &= ~kBigEarliest;
    }
  } else {
    earliest_[id] = 0;
    big_earliest_[id] = t;
    *flags |= kBigEarliest;
  }
}
Fleet::~Fleet() = default;

// --- Schedules ---------------------------------------------------------------

absl::StatusOr<uint32_t> Fleet::Intern(absl::string_view schedule,
                                       std::optional<absl::string_view> time_zone) {
  // formatSchedule (pkg/controller/cronjob/utils.go): a schedule that mentions
  // TZ is taken as is; otherwise spec.timeZone becomes a `TZ=` prefix. A zone
  // that does not load makes the controller refuse the CronJob (UnknownTimeZone
  // in syncCronJob), so the fleet refuses it too.
  scratch_.clear();
  const bool prefixed = time_zone && !MentionsTz(schedule);
  if (prefixed) {
    scratch_.append("TZ=");
    scratch_.append(time_zone->data(), time_zone->size());
    scratch_.push_back(' ');
  }
  scratch_.append(schedule.data(), schedule.size());
  // A known text skips the zone lookup: it parsed, so its TZ= zone loaded, and
  // that zone is spec.timeZone when the name has no space (the parser reads
  // the name up to the first space).
  const auto known = by_text_.find(absl::string_view(scratch_));
  if (known != by_text_.end() && (!prefixed || time_zone->find(' ') == absl::string_view::npos)) {
    return texts_[*known].sched;
  }
  if (prefixed) {
    absl::StatusOr<const Zone*> zone = zones_->Find(*time_zone);
    if (!zone.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("spec.timeZone: ", zone.status().message()));
    }
    if (known != by_text_.end()) return texts_[*known].sched;
  }

  absl::StatusOr<Schedule> parsed = ParseStandard(scratch_, *zones_);
  if (!parsed.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("spec.schedule: ", parsed.status().message()));
  }
  // Second level: the compiled meaning, so spellings of one schedule share.
  const uint32_t text = uint32_t(texts_.size());
  uint32_t index;
  if (auto it = by_meaning_.find(&*parsed); it != by_meaning_.end()) {
    index = *it;
  } else {
    index = uint32_t(schedules_.size());
    schedules_.push_back(*parsed);
    text_of_.push_back(text);
    refs_.push_back(0);
    by_meaning_.insert(index);
  }
  texts_.push_back({uint32_t(text_arena_.size()), uint32_t(scratch_.size()), index});
  text_arena_.append(scratch_);
  by_text_.insert(text);
  return index;
}

// `@every D` fires at after + D in every zone: one schedule for all zones, so
// the due queue groups CronJobs of equal phase whatever their timeZone. Cron
// schedules are equal when their bit sets, star flags and zone are.
size_t Fleet::MeaningHash::operator()(const Schedule* s) const {
  if (s->kind() == Schedule::Kind::kEvery) return absl::HashOf(1, s->every_seconds());
  const CronFields& f = s->fields();
  return absl::HashOf(0, &s->zone(), f.minute, f.hour, f.dom, f.month, f.dow, f.dom_star,
                      f.dow_star);
}

bool Fleet::MeaningEq::Same(const Schedule* a, const Schedule* b) {
  if (a->kind() != b->kind()) return false;
  if (a->kind() == Schedule::Kind::kEvery) return a->every_seconds() == b->every_seconds();
  return &a->zone() == &b->zone() && a->fields() == b->fields();
}

// --- Names -------------------------------------------------------------------

uint64_t Fleet::NameHash(absl::string_view ns, absl::string_view name) const {
  return absl::Hash<std::pair<absl::string_view, absl::string_view>>()({ns, name});
}

void Fleet::StoreName(uint32_t id, absl::string_view ns, absl::string_view name) {
  name_off_[id] = uint32_t(arena_.size());
  ns_len_[id] = uint8_t(ns.size());
  name_len_[id] = uint8_t(name.size());
  arena_.append(ns.data(), ns.size());
  arena_.append(name.data(), name.size());
}

absl::string_view Fleet::name_space(CronJobId id) const {
  return absl::string_view(arena_.data() + name_off_[id], ns_len_[id]);
}

absl::string_view Fleet::name(CronJobId id) const {
  return absl::string_view(arena_.data() + name_off_[id] + ns_len_[id], name_len_[id]);
}

CronJobId Fleet::Find(absl::string_view ns, absl::string_view name) const {
  return Probe(NameHash(ns, name), ns, name, nullptr);
}

CronJobId Fleet::Probe(uint64_t hash, absl::string_view ns, absl::string_view name,
                       size_t* insert_at) const {
  const size_t size = index_.size();
  size_t tomb = SIZE_MAX;
  for (size_t i = IndexSlot(hash);; i = i + 1 == size ? 0 : i + 1) {
    const uint32_t e = index_[i];
    if (e == kEmptyIndex) {
      if (insert_at != nullptr) *insert_at = tomb != SIZE_MAX ? tomb : i;
      return kNoCronJob;
    }
    if (e == kTombIndex) {
      if (tomb == SIZE_MAX) tomb = i;
    } else if (name_len_[e] == name.size() && ns_len_[e] == ns.size() &&
               this->name(e) == name && name_space(e) == ns) {
      return e;
    }
  }
}

void Fleet::IndexErase(uint32_t id) {
  const size_t size = index_.size();
  for (size_t i = IndexSlot(NameHash(name_space(id), name(id)));; i = i + 1 == size ? 0 : i + 1) {
    if (index_[i] == id) {
      index_[i] = kTombIndex;
      return;
    }
    if (index_[i] == kEmptyIndex) return;
  }
}

void Fleet::IndexGrow(size_t min_size) {
  size_t size = std::max(index_.size(), min_size);
  while ((live_ + 1) * 2 > size) size *= 2;  // after a rebuild at most half full
  index_.assign(size, kEmptyIndex);
  index_used_ = 0;
  for (uint32_t id = 0; id < sched_.size(); ++id) {
    if (sched_[id] == kFree) continue;
    size_t i = IndexSlot(NameHash(name_space(id), name(id)));
    while (index_[i] != kEmptyIndex) i = i + 1 == size ? 0 : i + 1;
    index_[i] = id;
    ++index_used_;
  }
}

void Fleet::MaybeCompactArena() {
  if (arena_garbage_ < (size_t{1} << 20) || arena_garbage_ * 2 < arena_.size()) return;
  std::string fresh;
  fresh.reserve(arena_.size() - arena_garbage_);
  for (uint32_t id = 0; id < sched_.size(); ++id) {
    if (sched_[id] == kFree) continue;
    const uint32_t off = uint32_t(fresh.size());
    fresh.append(arena_.data() + name_off_[id], size_t(ns_len_[id]) + name_len_[id]);
    name_off_[id] = off;
  }
  arena_ = std::move(fresh);
  arena_garbage_ = 0;
}

// --- Slots -------------------------------------------------------------------

void Fleet::Reserve(size_t n) {
  sched_.reserve(n);
  name_off_.reserve(n);
  ns_len_.reserve(n);
  name_len_.reserve(n);
  earliest_.reserve(n);
  flags_.reserve(n);
  active_.reserve(n);
  bucket_.reserve(n);
  pos_.reserve(n);
  // At most 4/5 full for n (the index grows at 7/8); any size will do.
  const size_t size = n + n / 4 + 1;  // (7/8 would save 0.4 B but slow misses)
  if (size > index_.size()) IndexGrow(size);
}

void Fleet::Prefetch(const CronJobRecord& cj) const {
  __builtin_prefetch(&index_[IndexSlot(NameHash(cj.name_space, cj.name))]);
  // The text Intern looks up (formatSchedule's), built on the stack.
  char text[256];
  absl::string_view key = cj.schedule;
  if (cj.time_zone && !MentionsTz(cj.schedule)) {
    const size_t n = 3 + cj.time_zone->size() + 1 + cj.schedule.size();
    if (n > sizeof text) return;
    std::memcpy(text, "TZ=", 3);
    std::memcpy(text + 3, cj.time_zone->data(), cj.time_zone->size());
    text[3 + cj.time_zone->size()] = ' ';
    std::memcpy(text + 4 + cj.time_zone->size(), cj.schedule.data(), cj.schedule.size());
    key = absl::string_view(text, n);
  }
  by_text_.prefetch(key);
}

uint32_t Fleet::NewSlot() {
  if (!free_slots_.empty()) {
    const uint32_t id = free_slots_.back();
    free_slots_.pop_back();
    return id;
  }
  const uint32_t id = uint32_t(sched_.size());
  sched_.push_back(kFree);
  name_off_.push_back(0);
  ns_len_.push_back(0);
  name_len_.push_back(0);
  earliest_.push_back(0);
  flags_.push_back(0);
  active_.push_back(0);
  bucket_.push_back(kNone);
  pos_.push_back(0);
  return id;
}

absl::StatusOr<CronJobId> Fleet::Upsert(const CronJobRecord& cj, bool* replaced) {
  if (cj.name.empty()) return absl::InvalidArgumentError("metadata.name: required");
  if (cj.name.size() > 255) {
    return absl::InvalidArgumentError("metadata.name: longer than 255 bytes");
  }
  if (cj.name_space.size() > 255) {
    return absl::InvalidArgumentError("metadata.namespace: longer than 255 bytes");
  }
  if (arena_.size() + cj.name.size() + cj.name_space.size() > UINT32_MAX) {
    return absl::ResourceExhaustedError("name arena full (4 GiB)");
  }
  absl::StatusOr<uint32_t> sched = Intern(cj.schedule, cj.time_zone);
  if (!sched.ok()) return sched.status();

  // One hash and one probe both find the name and place a new one.
  const uint64_t hash = NameHash(cj.name_space, cj.name);
  size_t slot = 0;
  uint32_t id = Probe(hash, cj.name_space, cj.name, &slot);
  if (replaced != nullptr) *replaced = id != kNoCronJob;
  if (id != kNoCronJob) {
    Dequeue(id);
    --refs_[sched_[id]];
    EraseSideTables(id);
  } else {
    if ((index_used_ + 1) * 8 > index_.size() * 7) {
      IndexGrow();
      Probe(hash, cj.name_space, cj.name, &slot);
    }
    id = NewSlot();
    StoreName(id, cj.name_space, cj.name);
    sched_[id] = *sched;
    if (index_[slot] == kEmptyIndex) ++index_used_;
    index_[slot] = id;
    ++live_;
  }
  sched_[id] = *sched;
  ++refs_[*sched];
  uint8_t flags = uint8_t(uint8_t(cj.concurrency) << kPolicyShift);
  if (cj.suspend) flags |= kSuspend;
  if (cj.last_schedule_time) {
    flags |= kHasLast;
    SetEarliest(id, cj.last_schedule_time->unix_seconds(), &flags);
  } else {
    SetEarliest(id, cj.creation_timestamp.unix_seconds(), &flags);
  }
  if (cj.starting_deadline_seconds) {
    flags |= kHasDeadline;
    if (*cj.starting_deadline_seconds > 0) flags |= kDeadlinePos;
    const int64_t d = *cj.starting_deadline_seconds;
    if (d >= INT32_MIN && d <= INT32_MAX) {
      deadline_[id] = int32_t(d);
    } else {
      flags |= kBigDeadline;
      big_deadline_[id] = d;
    }
  }
  flags_[id] = flags;
  StoreActive(id, cj.active);
  Enqueue(id);
  return id;
}

bool Fleet::Remove(CronJobId id) {
  if (!contains(id)) return false;
  Dequeue(id);
  IndexErase(id);
  --refs_[sched_[id]];
  sched_[id] = kFree;
  EraseSideTables(id);
  arena_garbage_ += size_t(ns_len_[id]) + name_len_[id];
  free_slots_.push_back(id);
  --live_;
  MaybeCompactArena();
  return true;
}

bool Fleet::SetSuspend(CronJobId id, bool suspend) {
  if (!contains(id)) return false;
  if (suspended(id) == suspend) return true;
  Dequeue(id);
  flags_[id] = suspend ? (flags_[id] | kSuspend) : (flags_[id] & ~kSuspend);
  Enqueue(id);  // resuming: the controller recomputes from lastScheduleTime
  return true;
}

bool Fleet::SetActive(CronJobId id, int64_t active) {
  if (!contains(id)) return false;
  StoreActive(id, active);
  return true;
}

bool Fleet::JobFinished(CronJobId id) {
  if (!contains(id)) return false;
  if (active_[id] == kBigActive) {
    StoreActive(id, big_active_.at(id) - 1);
  } else if (active_[id] > 0) {
    --active_[id];
  }
  return true;
}

bool Fleet::SetLastScheduleTime(CronJobId id, Instant t) {
  if (!contains(id)) return false;
  Dequeue(id);
  uint8_t flags = flags_[id] | kHasLast;
  SetEarliest(id, t.unix_seconds(), &flags);
  flags_[id] = flags;
  Enqueue(id);
  return true;
}

std::optional<Instant> Fleet::last_schedule_time(CronJobId id) const {
  if (!(flags_[id] & kHasLast)) return std::nullopt;
  return Instant::FromUnixSeconds(Earliest(id));
}

std::optional<int64_t> Fleet::starting_deadline_seconds(CronJobId id) const {
  if (!(flags_[id] & kHasDeadline)) return std::nullopt;
  return Deadline(id);
}

size_t Fleet::JobName(CronJobId id, int64_t scheduled, char* out) const {
  const absl::string_view n = name(id);
  std::memcpy(out, n.data(), n.size());
  out[n.size()] = '-';
  const int64_t minutes = TimeHashInMinutes(Instant::FromUnixSeconds(scheduled));
  char* end = std::to_chars(out + n.size() + 1, out + n.size() + 22, minutes).ptr;
  return size_t(end - out);
}

std::string Fleet::JobName(CronJobId id, int64_t scheduled) const {
  char buf[256 + 24];
  return std::string(buf, JobName(id, scheduled, buf));
}

// --- Queries -----------------------------------------------------------------

void Fleet::NextAll(Instant after, absl::Span<int64_t> out, bool skip_suspended) const {
  std::vector<int64_t> per(schedules_.size(), kNoFire);
  for (size_t s = 0; s < schedules_.size(); ++s) {
    if (refs_[s] == 0) continue;
    if (std::optional<Instant> next = Next(schedules_[s], after)) per[s] = next->unix_seconds();
  }
  const size_t n = std::min(out.size(), sched_.size());
  const uint32_t* sched = sched_.data();
  const uint8_t* flags = flags_.data();
  const uint8_t skip = skip_suspended ? kSuspend : 0;
  for (size_t id = 0; id < n; ++id) {
    const uint32_t s = sched[id];
    out[id] = (s == kFree || (flags[id] & skip)) ? kNoFire : per[s];
  }
}

void Fleet::MembersBySchedule(bool include_suspended, std::vector<uint32_t>& offsets,
                              std::vector<uint32_t>& ids) const {
  offsets.assign(schedules_.size() + 1, 0);
  for (uint32_t id = 0; id < sched_.size(); ++id) {
    if (sched_[id] == kFree || (!include_suspended && (flags_[id] & kSuspend))) continue;
    ++offsets[sched_[id] + 1];
  }
  for (size_t s = 0; s < schedules_.size(); ++s) offsets[s + 1] += offsets[s];
  ids.resize(offsets.back());
  std::vector<uint32_t> fill(offsets.begin(), offsets.end() - 1);
  for (uint32_t id = 0; id < sched_.size(); ++id) {
    if (sched_[id] == kFree || (!include_suspended && (flags_[id] & kSuspend))) continue;
    ids[fill[sched_[id]]++] = id;
  }
}

void Fleet::FiresBetween(Instant from, Instant to,
                         absl::FunctionRef<void(Instant, CronJobId)> emit,
                         bool include_suspended) const {
  if (!(from < to)) return;
  std::vector<uint32_t> offsets, ids;
  MembersBySchedule(include_suspended, offsets, ids);
  // Min-heap over (next fire, schedule): one enumeration per distinct schedule.
  using Entry = std::pair<int64_t, uint32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
  for (uint32_t s = 0; s < schedules_.size(); ++s) {
    if (offsets[s] == offsets[s + 1]) continue;
    std::optional<Instant> f = Next(schedules_[s], from - 1);
    if (f && *f < to) heap.push({f->unix_seconds(), s});
  }
  while (!heap.empty()) {
    const auto [t, s] = heap.top();
    heap.pop();
    const Instant at = Instant::FromUnixSeconds(t);
    for (uint32_t k = offsets[s]; k < offsets[s + 1]; ++k) emit(at, ids[k]);
    std::optional<Instant> f = Next(schedules_[s], at);
    if (f && *f < to) heap.push({f->unix_seconds(), s});
  }
}

MinuteHistogram Fleet::StartsPerMinute(Instant from, Instant to, size_t top) const {
  MinuteHistogram h;
  h.start = Instant::FromUnixSeconds(from.unix_minutes() * 60);
  if (!(from < to)) return h;
  const int64_t minutes = (to.unix_seconds() - h.start.unix_seconds() + 59) / 60;
  h.starts.assign(size_t(minutes), 0);
  std::vector<uint32_t> count(schedules_.size(), 0);
  for (uint32_t id = 0; id < sched_.size(); ++id) {
    if (sched_[id] != kFree && !(flags_[id] & kSuspend)) ++count[sched_[id]];
  }
  for (uint32_t s = 0; s < schedules_.size(); ++s) {
    if (count[s] == 0) continue;
    for (std::optional<Instant> f = Next(schedules_[s], from - 1); f && *f < to;
         f = Next(schedules_[s], *f)) {
      h.starts[size_t((f->unix_seconds() - h.start.unix_seconds()) / 60)] += count[s];
      h.total += count[s];
    }
  }
  std::vector<uint32_t> order;
  for (uint32_t i = 0; i < h.starts.size(); ++i) {
    if (h.starts[i] > 0) order.push_back(i);
  }
  const size_t k = std::min(top, order.size());
  std::partial_sort(order.begin(), order.begin() + k, order.end(), [&](uint32_t a, uint32_t b) {
    return h.starts[a] != h.starts[b] ? h.starts[a] > h.starts[b] : a < b;
  });
  for (size_t i = 0; i < k; ++i) {
    h.top.push_back({h.start + int64_t(order[i]) * 60, h.starts[order[i]]});
  }
  return h;
}

FleetStats Fleet::Stats() const {
  FleetStats s;
  s.cronjobs = live_;
  for (uint32_t r : refs_) s.schedules += r > 0;
  s.slot_bytes = CapacityBytes(sched_) + CapacityBytes(name_off_) + CapacityBytes(ns_len_) +
                 CapacityBytes(name_len_) + CapacityBytes(earliest_) + CapacityBytes(flags_) +
                 CapacityBytes(active_) + CapacityBytes(free_slots_) +
                 deadline_.capacity() * (sizeof(std::pair<uint32_t, int32_t>) + 1) +
                 (big_deadline_.capacity() + big_earliest_.capacity()) *
                     (sizeof(std::pair<uint32_t, int64_t>) + 1) +
                 big_active_.capacity() * (sizeof(std::pair<uint32_t, uint16_t>) + 1);
  s.queue_bytes = CapacityBytes(bucket_) + CapacityBytes(pos_) + CapacityBytes(heap_) +
                  CapacityBytes(buckets_) + CapacityBytes(pending_) +
                  CapacityBytes(free_buckets_) + bucket_of_.capacity() * (sizeof(uint32_t) + 1);
  for (const Bucket& b : buckets_) s.queue_bytes += CapacityBytes(b.members);
  s.index_bytes = CapacityBytes(index_);
  s.name_bytes = arena_.capacity();
  s.schedule_bytes = CapacityBytes(schedules_) + CapacityBytes(refs_) + CapacityBytes(text_of_) +
                     CapacityBytes(texts_) + text_arena_.capacity() +
                     (by_text_.capacity() + by_meaning_.capacity()) * (sizeof(uint32_t) + 1);
  return s;
}

// --- Sharding ----------------------------------------------------------------

uint32_t ShardOf(absl::string_view name_space, absl::string_view name, uint32_t shards) {
  if (shards <= 1) return 0;
  // FNV-1a 64 over `namespace/name`: fixed constants, so every replica and
  // every kron release agrees.
  uint64_t h = 0xcbf29ce484222325ull;
  auto mix = [&h](absl::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 0x100000001b3ull;
    }
  };
  mix(name_space);
  mix("/");
  mix(name);
  // Jump consistent hash.
  int64_t b = -1, j = 0;
  while (j < int64_t(shards)) {
    b = j;
    h = h * 2862933555777941757ull + 1;
    j = int64_t(double(b + 1) * (double(int64_t{1} << 31) / double((h >> 33) + 1)));
  }
  return uint32_t(b);
}

}  // namespace kron
