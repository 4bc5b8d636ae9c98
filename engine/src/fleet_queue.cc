// The fleet's due queue: the CronJob controller simulated over the whole fleet.
//
// Buckets group CronJobs with one schedule and one due time; a min-heap orders
// buckets by (due time, schedule). Popping a bucket syncs its members at
// now = max(due time, clock) the way syncCronJob does
// (pkg/controller/cronjob/cronjob_controllerv2.go) and requeues the bucket at
// the schedule's next fire after now, which is where nextScheduleTimeDuration
// sends every member of it whatever its own outcome (utils.go): all members
// share the schedule, so a bucket never splits.
#include <algorithm>
#include <functional>

#include "kron/controller.h"
#include "kron/fire_times.h"
#include "kron/fleet.h"

namespace kron {
namespace {

// time.Time.Add(time.Second * time.Duration(d)).Before(now) with Go's
// wrapping int64 multiplication (cronjob_controllerv2.go, the tooLate check).
bool TooLate(int64_t scheduled, int64_t deadline, int64_t now) {
  const int64_t ns = int64_t(uint64_t(deadline) * 1000000000ull);
  const __int128 when = __int128(scheduled) * 1000000000 + ns;
  return when < __int128(now) * 1000000000;
}

}  // namespace

void Fleet::StartDueQueue(Instant clock, DueOptions options) {
  queue_running_ = true;
  options_ = options;
  clock_ = clock;
  buckets_.clear();
  free_buckets_.clear();
  heap_.clear();
  bucket_of_.clear();
  pending_.clear();
  pending_pos_ = 0;
  std::fill(bucket_.begin(), bucket_.end(), kNone);
  for (uint32_t id = 0; id < sched_.size(); ++id) Enqueue(id);
  // Members in id order: the sync then walks the slot arrays forward.
  for (Bucket& b : buckets_) {
    std::sort(b.members.begin(), b.members.end());
    for (uint32_t k = 0; k < b.members.size(); ++k) pos_[b.members[k]] = k;
    b.members.shrink_to_fit();
  }
  // Buckets are only created by mutations from now on (they never split):
  // drop the slack that growth by doubling left.
  buckets_.shrink_to_fit();
  heap_.shrink_to_fit();
  bucket_of_.rehash(0);
}

void Fleet::SkipTo(Instant t) {
  if (clock_ < t) clock_ = t;
}

void Fleet::PushHeap(uint32_t b) {
  // Heap entries carry the schedule in the high half of the tie-breaker so
  // that same-time buckets come out by schedule index, independent of bucket ids.
  heap_.push_back({buckets_[b].key, uint64_t(buckets_[b].sched) << 32 | b});
  std::push_heap(heap_.begin(), heap_.end(), std::greater<>());
}

uint32_t Fleet::BucketFor(uint32_t sched, int64_t key, int64_t anchor) {
  if (auto it = bucket_of_.find(BucketKey{sched, key}); it != bucket_of_.end()) return *it;
  uint32_t b;
  if (!free_buckets_.empty()) {
    b = free_buckets_.back();
    free_buckets_.pop_back();
  } else {
    b = uint32_t(buckets_.size());
    buckets_.emplace_back();
  }
  Bucket& bucket = buckets_[b];
  bucket.sched = sched;
  bucket.key = key;
  bucket.anchor = anchor;
  bucket.members.clear();
  bucket_of_.insert(b);
  PushHeap(b);
  return b;
}

void Fleet::Enqueue(uint32_t id) {
  if (!queue_running_ || sched_[id] == kFree || (flags_[id] & kSuspend)) return;
  // The controller's first look: due at Next(lastScheduleTime or creation);
  // when that is already past, at the clock (the catch-up sync).
  const int64_t earliest = Earliest(id);
  const std::optional<Instant> key =
      Next(schedules_[sched_[id]], Instant::FromUnixSeconds(earliest));
  if (!key) return;  // never fires again: the controller never starts a Job
  const uint32_t b = BucketFor(sched_[id], key->unix_seconds(), earliest);
  bucket_[id] = b;
  pos_[id] = uint32_t(buckets_[b].members.size());
  buckets_[b].members.push_back(id);
}

void Fleet::Dequeue(uint32_t id) {
  const uint32_t b = bucket_[id];
  if (b == kNone) return;
  std::vector<uint32_t>& m = buckets_[b].members;
  const uint32_t last = m.back();
  m[pos_[id]] = last;
  pos_[last] = pos_[id];
  m.pop_back();
  bucket_[id] = kNone;
}

DueEvent* Fleet::SyncMember(uint32_t id, const Bucket& b, int64_t now, int64_t* started,
                            DueEvent* out) {
  uint8_t flags = flags_[id];
  const bool has_deadline = flags & kHasDeadline;
  int64_t scheduled;
  bool too_many = false;
  // b.anchor is compared as stored: an anchor outside 32 bits never matches a
  // stored value (the slow path below is exact either way).
  if (now == b.key && !(flags & kBigEarliest) && int64_t(earliest_[id]) == b.anchor &&
      (!has_deadline ||
       ((flags & kDeadlinePos) && schedules_[b.sched].kind() == Schedule::Kind::kCron))) {
    // In step: Next(earliest) == now, Next(now) > now, so mostRecentScheduleTime
    // answers `now` with nothing missed. A positive deadline raises earliest
    // to now - deadline, still before the same calendar fire, and is not too
    // late. Not so for @every, whose Next moves with its argument: there the
    // raised earliest pushes t1 past now (the controller then starts nothing).
    scheduled = now;
  } else {
    const int64_t deadline = Deadline(id);
    const int64_t earliest = Earliest(id);
    CronJobTimes times;
    times.creation_timestamp = Instant::FromUnixSeconds(earliest);
    if (flags & kHasLast) times.last_schedule_time = Instant::FromUnixSeconds(earliest);
    if (has_deadline) times.starting_deadline_seconds = deadline;
    absl::StatusOr<NextSchedule> next =
        NextScheduleTime(times, Instant::FromUnixSeconds(now), schedules_[b.sched]);
    if (!next.ok()) {
      *out = {now, now, id, DueEvent::kError, false};
      return out + 1;
    }
    if (!next->scheduled) return out;  // no unmet start time
    scheduled = next->scheduled->unix_seconds();
    too_many = next->too_many_missed_warning;
    if (has_deadline && TooLate(scheduled, deadline, now)) {
      *out = {scheduled, now, id, DueEvent::kMissedDeadline, too_many};
      return out + 1;
    }
  }
  const ConcurrencyPolicy policy = ConcurrencyPolicy((flags >> kPolicyShift) & 3);
  if (policy == ConcurrencyPolicy::kForbid && active_[id] > 0) {
    *out = {scheduled, now, id, DueEvent::kAlreadyActive, too_many};
    return out + 1;
  }
  if (options_.track_active) {
    if (policy == ConcurrencyPolicy::kReplace) {
      StoreActive(id, 1);
    } else if (active_[id] < kBigActive - 1) {
      ++active_[id];
    } else {
      StoreActive(id, active(id) + 1);  // saturates at 65535
    }
  }
  flags |= kHasLast;
  SetEarliest(id, scheduled, &flags);
  flags_[id] = flags;
  *started = scheduled;
  *out = {scheduled, now, id, DueEvent::kStarted, too_many};
  return out + 1;
}

bool Fleet::ProcessNextBucket(Instant until, absl::Span<DueEvent> direct, size_t* written) {
  *written = 0;
  const auto later = std::greater<>();
  while (!heap_.empty()) {
    const uint32_t b = uint32_t(heap_.front().second);
    const int64_t key = heap_.front().first;
    if (buckets_[b].members.empty()) {
      std::pop_heap(heap_.begin(), heap_.end(), later);
      heap_.pop_back();
      bucket_of_.erase(BucketKey{buckets_[b].sched, key});
      free_buckets_.push_back(b);
      continue;
    }
    const int64_t now = std::max(key, clock_.unix_seconds());
    if (now > until.unix_seconds()) return false;
    std::pop_heap(heap_.begin(), heap_.end(), later);
    heap_.pop_back();
    const uint32_t sched = buckets_[b].sched;
    bucket_of_.erase(BucketKey{sched, key});
    clock_ = Instant::FromUnixSeconds(now);
    int64_t started = kNoFire;
    {
      const Bucket& bucket = buckets_[b];
      const uint32_t* m = bucket.members.data();
      const size_t count = bucket.members.size();
      // At most one event per member: straight into the caller's buffer when
      // they all fit, else into pending_.
      DueEvent* out;
      if (count <= direct.size()) {
        out = direct.data();
      } else {
        pending_.resize(count);
        pending_pos_ = 0;
        out = pending_.data();
      }
      DueEvent* const first = out;
      // Members are scattered over the slot arrays: fetch ahead.
      constexpr size_t kAhead = 16;
      for (size_t k = 0; k < count; ++k) {
        if (k + kAhead < count) {
          const uint32_t ahead = m[k + kAhead];
          __builtin_prefetch(&earliest_[ahead], 1);
          __builtin_prefetch(&flags_[ahead], 1);
          __builtin_prefetch(&active_[ahead], 0);
        }
        out = SyncMember(m[k], bucket, now, &started, out);
      }
      if (first == direct.data()) {
        *written = size_t(out - first);
      } else {
        pending_.resize(size_t(out - first));
      }
    }
    // Requeue where nextScheduleTimeDuration sends every member: Next(now).
    const std::optional<Instant> next = Next(schedules_[sched], clock_);
    Bucket& bucket = buckets_[b];
    if (!next) {
      for (uint32_t id : bucket.members) bucket_[id] = kNone;
      bucket.members.clear();
      free_buckets_.push_back(b);
      return true;
    }
    const int64_t next_key = next->unix_seconds();
    // The anchor must satisfy Next(anchor) == next_key; the started time does
    // whenever it was the last fire not after now.
    int64_t anchor = now;
    if (started != kNoFire && started != now) {
      const std::optional<Instant> check =
          Next(schedules_[sched], Instant::FromUnixSeconds(started));
      if (check && check->unix_seconds() == next_key) anchor = started;
    }
    if (auto it = bucket_of_.find(BucketKey{sched, next_key}); it != bucket_of_.end()) {
      // Another bucket of this schedule is due then: merge into it.
      const uint32_t into = *it;
      for (uint32_t id : buckets_[b].members) {
        bucket_[id] = into;
        pos_[id] = uint32_t(buckets_[into].members.size());
        buckets_[into].members.push_back(id);
      }
      buckets_[b].members.clear();
      free_buckets_.push_back(b);
    } else {
      bucket.key = next_key;
      bucket.anchor = anchor;
      bucket_of_.insert(b);
      PushHeap(b);
    }
    return true;
  }
  return false;
}

size_t Fleet::PopDue(Instant until, absl::Span<DueEvent> out) {
  size_t n = 0;
  for (;;) {
    const size_t take = std::min(out.size() - n, pending_.size() - pending_pos_);
    std::copy_n(pending_.begin() + pending_pos_, take, out.begin() + n);
    n += take;
    pending_pos_ += take;
    if (n == out.size()) return n;
    size_t written;
    if (!ProcessNextBucket(until, out.subspan(n), &written)) {
      if (clock_ < until) clock_ = until;
      return n;
    }
    n += written;
  }
}

void Fleet::AdvanceTo(Instant until, absl::FunctionRef<void(const DueEvent&)> emit) {
  for (;;) {
    while (pending_pos_ < pending_.size()) emit(pending_[pending_pos_++]);
    size_t written;
    if (!ProcessNextBucket(until, absl::Span<DueEvent>(), &written)) {
      if (clock_ < until) clock_ = until;
      return;
    }
  }
}

int64_t Fleet::NextDue() {
  const auto later = std::greater<>();
  while (!heap_.empty()) {
    const uint32_t b = uint32_t(heap_.front().second);
    if (!buckets_[b].members.empty()) return std::max(heap_.front().first, clock_.unix_seconds());
    bucket_of_.erase(BucketKey{buckets_[b].sched, heap_.front().first});
    std::pop_heap(heap_.begin(), heap_.end(), later);
    heap_.pop_back();
    free_buckets_.push_back(b);
  }
  return kNoFire;
}

}  // namespace kron
