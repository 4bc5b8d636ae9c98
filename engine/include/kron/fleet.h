// kron/fleet.h — millions of CronJobs in one process.
//
// A `Fleet` holds CronJobs as a structure of arrays, one slot per CronJob:
//
//   * each distinct (schedule, spec.timeZone) is compiled once and shared
//     (an intern table keyed by the text, then by the compiled fields, so
//     `0 * * * *` and `@hourly` in one zone are one schedule);
//   * `namespace/name` live in one arena, indexed by an open-addressing table
//     of slot numbers (no per-CronJob std::string);
//   * the controller state the CronJob controller reads: lastScheduleTime (or
//     creationTimestamp when there is none — the controller reads only one of
//     them), suspend, concurrencyPolicy, startingDeadlineSeconds and the
//     number of active Jobs.
// A CronJob costs 16 bytes of slot arrays (plus a side table for the 10 % or
// so with startingDeadlineSeconds), about 5 bytes of name index and, while the
// due queue runs, 12 bytes of queue membership (names excluded).
//
// Queries exploit sharing: `NextAll` computes kron::Next once per distinct
// schedule and scatters it; `FiresBetween` and `StartsPerMinute` enumerate
// each distinct schedule once and expand to its members.
//
// The due queue (`StartDueQueue`, `PopDue`) simulates the CronJob controller
// over the fleet: buckets of CronJobs sharing a schedule and a next fire time
// sit in a min-heap; a bucket is popped when the clock reaches its time, each
// member is synced as syncCronJob would (pkg/controller/cronjob/
// cronjob_controllerv2.go) and the bucket moves to the schedule's next fire.
// Members in step with their bucket take a proven shortcut (scheduled = the
// bucket's time); everything else goes through kron/controller.h
// (NextScheduleTime: only the most recent missed schedule runs, more than 100
// missed gives TooManyMissedTimes, startingDeadlineSeconds applies).
//
// Ids are slot numbers: stable while the CronJob lives, reused after Remove.
// A Fleet is not thread-safe; const queries may run concurrently with each
// other.
#ifndef KRON_FLEET_H_
#define KRON_FLEET_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "kron/instant.h"
#include "kron/schedule.h"
#include "kron/zone.h"

namespace kron {

// spec.concurrencyPolicy (batch/v1).
enum class ConcurrencyPolicy : uint8_t { kAllow = 0, kForbid = 1, kReplace = 2 };
absl::string_view ConcurrencyPolicyName(ConcurrencyPolicy p);

// The fields of a CronJob the fleet keeps. Views are copied on Upsert.
struct CronJobRecord {
  absl::string_view name_space;  // metadata.namespace
  absl::string_view name;        // metadata.name
  absl::string_view schedule;    // spec.schedule
  std::optional<absl::string_view> time_zone;  // spec.timeZone
  bool suspend = false;
  ConcurrencyPolicy concurrency = ConcurrencyPolicy::kAllow;
  std::optional<int64_t> starting_deadline_seconds;
  Instant creation_timestamp;
  std::optional<Instant> last_schedule_time;
  int64_t active = 0;  // len(status.active); kept saturated at 65535
};

using CronJobId = uint32_t;
inline constexpr CronJobId kNoCronJob = UINT32_MAX;
// "No fire time" in the int64 outputs (robfig's zero time; never a real answer).
inline constexpr int64_t kNoFire = INT64_MIN;

// One CronJob synced by the due queue.
struct DueEvent {
  enum Kind : uint8_t {
    kStarted = 0,        // a Job `<name>-<scheduled/60>` is created
    kAlreadyActive = 1,  // Forbid with active Jobs: JobAlreadyActive, nothing started
    kMissedDeadline = 2, // startingDeadlineSeconds passed: MissSchedule, nothing started
    kError = 3,          // the controller's schedule arithmetic failed (no Job)
  };
  int64_t scheduled;        // unix seconds of the scheduled time
  int64_t synced;           // the controller's clock at the sync (>= scheduled)
  CronJobId id;
  Kind kind;
  bool too_many_missed;     // Warning TooManyMissedTimes recorded in this sync
};

// Per-minute Job starts over a window, with the busiest minutes.
struct MinuteHistogram {
  Instant start;                 // first minute (floored to a minute)
  std::vector<uint32_t> starts;  // starts[i]: Jobs started in minute start + 60 i
  // The top minutes by starts (descending; ties by time), at most the requested count.
  std::vector<std::pair<Instant, uint32_t>> top;
  uint64_t total = 0;
};

// Sizes for reports and the memory target.
struct FleetStats {
  size_t cronjobs = 0;
  size_t schedules = 0;        // distinct compiled (schedule, zone)
  size_t slot_bytes = 0;       // per-CronJob arrays (capacity)
  size_t index_bytes = 0;      // name hash index
  size_t queue_bytes = 0;      // due queue membership, buckets and heap
  size_t name_bytes = 0;       // arena
  size_t schedule_bytes = 0;   // intern tables and compiled schedules
};

class Fleet {
 public:
  explicit Fleet(const TimeZones& zones);
  Fleet(const Fleet&) = delete;
  Fleet& operator=(const Fleet&) = delete;
  ~Fleet();

  // --- Mutation (amortised O(1) plus O(log buckets) when the queue runs) ---

  // Adds the CronJob, or replaces the one with the same namespace/name (its
  // id is kept). Errors (InvalidArgument), the CronJob is not stored:
  //   `spec.schedule: <robfig's text>`, `spec.timeZone: unknown time zone X`,
  //   `metadata.name: required`.
  // spec.timeZone follows formatSchedule (pkg/controller/cronjob/utils.go):
  // a schedule containing "TZ" is used as is; otherwise `TZ=<zone> <schedule>`.
  // `replaced` (optional) tells whether a CronJob of that name was there.
  absl::StatusOr<CronJobId> Upsert(const CronJobRecord& cj, bool* replaced = nullptr);
  // Removes; false when the id is not live.
  bool Remove(CronJobId id);
  bool SetSuspend(CronJobId id, bool suspend);
  bool SetActive(CronJobId id, int64_t active);
  // status.lastScheduleTime (the creationTimestamp is not kept once one is set).
  bool SetLastScheduleTime(CronJobId id, Instant t);

  // Room for n CronJobs (the slot arrays and the name index), so that growth
  // by doubling does not leave up to half of them unused.
  void Reserve(size_t n);
  // A hint for bulk loaders, no change of state: starts loading the memory an
  // Upsert of `cj` will read first (its name index slot, its schedule text's
  // table group), so that parsing the next record hides those cache misses.
  void Prefetch(const CronJobRecord& cj) const;

  CronJobId Find(absl::string_view name_space, absl::string_view name) const;
  bool contains(CronJobId id) const { return id < sched_.size() && sched_[id] != kFree; }
  size_t size() const { return live_; }
  // Ids are below this bound (the length the *All outputs need).
  size_t id_bound() const { return sched_.size(); }

  absl::string_view name_space(CronJobId id) const;
  absl::string_view name(CronJobId id) const;
  bool suspended(CronJobId id) const { return flags_[id] & kSuspend; }
  ConcurrencyPolicy concurrency(CronJobId id) const {
    return ConcurrencyPolicy((flags_[id] >> kPolicyShift) & 3);
  }
  int64_t active(CronJobId id) const { return active_[id] == kBigActive ? big_active_.at(id) : active_[id]; }
  std::optional<Instant> last_schedule_time(CronJobId id) const;
  std::optional<int64_t> starting_deadline_seconds(CronJobId id) const;
  const Schedule& schedule(CronJobId id) const { return schedules_[sched_[id]]; }
  uint32_t schedule_index(CronJobId id) const { return sched_[id]; }
  // The spec text handed to the parser (after formatSchedule) for the first
  // CronJob that used this schedule (spellings with one meaning share it).
  absl::string_view schedule_text(uint32_t schedule_index) const {
    return TextOf(text_of_[schedule_index]);
  }

  // `<name>-<scheduled unix seconds / 60>` (getJobName), written to `out`
  // (at least name length + 21 bytes); returns the length.
  size_t JobName(CronJobId id, int64_t scheduled, char* out) const;
  std::string JobName(CronJobId id, int64_t scheduled) const;

  // --- Queries ---

  // out[id] = kron::Next(schedule of id, after) in unix seconds, for every
  // live id (kNoFire for none and for free slots); one Next per distinct
  // schedule. out.size() must be >= id_bound(). Suspended CronJobs are
  // answered too (their schedule's answer) unless skip_suspended.
  void NextAll(Instant after, absl::Span<int64_t> out, bool skip_suspended = false) const;

  // Every fire in [from, to) of every non-suspended CronJob (with
  // include_suspended, of all), in time order; same-time fires by id.
  void FiresBetween(Instant from, Instant to, absl::FunctionRef<void(Instant, CronJobId)> emit,
                    bool include_suspended = false) const;

  // Schedule fires of non-suspended CronJobs per minute in [from, to), and
  // the `top` busiest minutes: the thundering-herd view.
  MinuteHistogram StartsPerMinute(Instant from, Instant to, size_t top) const;

  // --- Due queue ---

  struct DueOptions {
    // Count started Jobs as active (Allow/Forbid: +1, Replace: = 1) until
    // JobFinished; otherwise Jobs are taken to finish before the next fire and
    // the active count stays as ingested.
    bool track_active = false;
  };
  // (Re)builds the queue with the controller's clock at `clock`: each
  // non-suspended CronJob is due at Next(lastScheduleTime or creationTimestamp).
  void StartDueQueue(Instant clock, DueOptions options);
  void StartDueQueue(Instant clock) { StartDueQueue(clock, DueOptions()); }
  bool due_queue_running() const { return queue_running_; }
  Instant clock() const { return clock_; }
  // The controller was not running until `t`: nothing is synced in between;
  // what is due is synced at `t` (one catch-up per CronJob, by the
  // missed-schedule rules).
  void SkipTo(Instant t);
  // Syncs due CronJobs in time order up to and including `until`, writing at
  // most out.size() events; returns how many. Fewer than out.size() means
  // the queue has reached `until` (clock() == until). Each CronJob is synced
  // at max(its due time, the clock).
  size_t PopDue(Instant until, absl::Span<DueEvent> out);
  // The same, calling `emit` for each event (no buffer limit).
  void AdvanceTo(Instant until, absl::FunctionRef<void(const DueEvent&)> emit);
  // The earliest due time in the queue (kNoFire when empty).
  int64_t NextDue();
  // A Job of this CronJob finished (with track_active): active -= 1.
  bool JobFinished(CronJobId id);

  FleetStats Stats() const;

 private:
  static constexpr uint32_t kFree = UINT32_MAX;
  static constexpr uint32_t kNone = UINT32_MAX;
  enum : uint8_t {
    kSuspend = 1,
    kPolicyShift = 1,  // 2 bits
    kHasLast = 8,
    kHasDeadline = 16,   // the deadline lives in deadline_ (a side table)
    kDeadlinePos = 32,   // ... and is > 0 (what the in-step shortcut needs)
    kBigEarliest = 64,   // earliest lives in big_earliest_ (outside 1970..2106)
    kBigDeadline = 128,  // the deadline lives in big_deadline_ (outside int32)
  };
  static constexpr uint8_t kBigActive = 255;  // active_ value: see big_active_

  struct Bucket {
    uint32_t sched;
    int64_t key;     // when the members are due
    int64_t anchor;  // Next(anchor) == key; members whose earliest equals it are in step
    std::vector<uint32_t> members;
  };

  // Lookup keys for the sets below, which store only 4-byte indices and hash
  // what they point at (heterogeneous lookup).
  struct BucketKey {
    uint32_t sched;
    int64_t key;
  };
  struct BucketHash {
    using is_transparent = void;
    const std::vector<Bucket>* buckets;
    size_t operator()(BucketKey k) const { return absl::HashOf(k.sched, k.key); }
    size_t operator()(uint32_t b) const {
      return (*this)(BucketKey{(*buckets)[b].sched, (*buckets)[b].key});
    }
  };
  struct BucketEq {
    using is_transparent = void;
    const std::vector<Bucket>* buckets;
    BucketKey Of(uint32_t b) const { return {(*buckets)[b].sched, (*buckets)[b].key}; }
    static bool Same(BucketKey a, BucketKey b) { return a.sched == b.sched && a.key == b.key; }
    bool operator()(uint32_t a, uint32_t b) const { return a == b || Same(Of(a), Of(b)); }
    bool operator()(uint32_t a, BucketKey b) const { return Same(Of(a), b); }
    bool operator()(BucketKey a, uint32_t b) const { return Same(a, Of(b)); }
  };
  // Schedules by compiled meaning (see Intern).
  struct MeaningHash {
    using is_transparent = void;
    const std::vector<Schedule>* schedules;
    size_t operator()(const Schedule* s) const;
    size_t operator()(uint32_t i) const { return (*this)(&(*schedules)[i]); }
  };
  struct MeaningEq {
    using is_transparent = void;
    const std::vector<Schedule>* schedules;
    static bool Same(const Schedule* a, const Schedule* b);
    bool operator()(uint32_t a, uint32_t b) const {
      return a == b || Same(&(*schedules)[a], &(*schedules)[b]);
    }
    bool operator()(uint32_t a, const Schedule* b) const { return Same(&(*schedules)[a], b); }
    bool operator()(const Schedule* a, uint32_t b) const { return Same(a, &(*schedules)[b]); }
  };
  // Spec texts (after formatSchedule), in text_arena_.
  struct Text {
    uint32_t off, len, sched;
  };
  absl::string_view TextOf(uint32_t t) const {
    return absl::string_view(text_arena_.data() + texts_[t].off, texts_[t].len);
  }
  struct TextHash {
    using is_transparent = void;
    const Fleet* fleet;
    size_t operator()(absl::string_view s) const { return absl::HashOf(s); }
    size_t operator()(uint32_t t) const { return (*this)(fleet->TextOf(t)); }
  };
  struct TextEq {
    using is_transparent = void;
    const Fleet* fleet;
    bool operator()(uint32_t a, uint32_t b) const { return a == b || fleet->TextOf(a) == fleet->TextOf(b); }
    bool operator()(uint32_t a, absl::string_view b) const { return fleet->TextOf(a) == b; }
    bool operator()(absl::string_view a, uint32_t b) const { return a == fleet->TextOf(b); }
  };

  int64_t Earliest(uint32_t id) const {
    return (flags_[id] & kBigEarliest) ? big_earliest_.at(id) : int64_t(earliest_[id]);
  }
  // Stores t in earliest_ (or the side table) and fixes kBigEarliest in *flags.
  void SetEarliest(uint32_t id, int64_t t, uint8_t* flags);
  int64_t Deadline(uint32_t id) const {
    const uint8_t f = flags_[id];
    return !(f & kHasDeadline) ? 0 : (f & kBigDeadline) ? big_deadline_.at(id) : deadline_.at(id);
  }
  void StoreActive(uint32_t id, int64_t active);
  void EraseSideTables(uint32_t id);

  absl::StatusOr<uint32_t> Intern(absl::string_view schedule,
                                  std::optional<absl::string_view> time_zone);
  uint32_t NewSlot();
  void StoreName(uint32_t id, absl::string_view ns, absl::string_view name);
  uint64_t NameHash(absl::string_view ns, absl::string_view name) const;
  // The live id named ns/name (hash = NameHash(ns, name)), or kNoCronJob with
  // *insert_at (when not null) set to the index slot a new entry would take.
  CronJobId Probe(uint64_t hash, absl::string_view ns, absl::string_view name,
                  size_t* insert_at) const;
  void IndexErase(uint32_t id);
  void IndexGrow(size_t min_size = 0);
  void MaybeCompactArena();
  void Enqueue(uint32_t id);
  void Dequeue(uint32_t id);
  uint32_t BucketFor(uint32_t sched, int64_t key, int64_t anchor);
  void PushHeap(uint32_t bucket);
  // Pops and syncs one bucket; its events go to `direct` when they all fit
  // (*written of them), else to pending_.
  bool ProcessNextBucket(Instant until, absl::Span<DueEvent> direct, size_t* written);
  // Writes the event (if any) to *out and returns the new end.
  DueEvent* SyncMember(uint32_t id, const Bucket& b, int64_t now, int64_t* started, DueEvent* out);
  size_t IndexSlot(uint64_t hash) const { return size_t((unsigned __int128)hash * index_.size() >> 64); }
  // Members of each schedule (CSR) for the enumeration queries.
  void MembersBySchedule(bool include_suspended, std::vector<uint32_t>& offsets,
                         std::vector<uint32_t>& ids) const;

  const TimeZones* zones_;

  // Per-slot arrays.
  std::vector<uint32_t> sched_;      // schedule index, kFree when the slot is free
  std::vector<uint32_t> name_off_;   // arena offset of namespace then name
  std::vector<uint8_t> ns_len_;
  std::vector<uint8_t> name_len_;
  // lastScheduleTime if kHasLast, else creationTimestamp: unix seconds when
  // they fit 32 bits unsigned (1970..2106), else in big_earliest_.
  std::vector<uint32_t> earliest_;
  std::vector<uint8_t> flags_;
  std::vector<uint8_t> active_;  // len(status.active) below 255, else kBigActive
  std::vector<uint32_t> bucket_;     // due queue bucket or kNone
  std::vector<uint32_t> pos_;        // position in the bucket's members
  absl::flat_hash_map<uint32_t, int32_t> deadline_;      // startingDeadlineSeconds
  absl::flat_hash_map<uint32_t, int64_t> big_deadline_;
  absl::flat_hash_map<uint32_t, uint16_t> big_active_;   // saturated at 65535
  absl::flat_hash_map<uint32_t, int64_t> big_earliest_;
  std::vector<uint32_t> free_slots_;
  size_t live_ = 0;

  // Names.
  std::string arena_;
  size_t arena_garbage_ = 0;
  // Open addressing, linear probing over any size (the slot is the high half
  // of hash × size, so no power of two is needed); slot ids.
  std::vector<uint32_t> index_;
  size_t index_used_ = 0;        // live + tombstones

  // Schedules.
  std::vector<Schedule> schedules_;
  std::vector<uint32_t> text_of_;  // per schedule: the first text that compiled to it
  std::vector<uint32_t> refs_;
  std::string text_arena_;
  std::vector<Text> texts_;
  absl::flat_hash_set<uint32_t, TextHash, TextEq> by_text_{0, TextHash{this}, TextEq{this}};
  absl::flat_hash_set<uint32_t, MeaningHash, MeaningEq> by_meaning_{
      0, MeaningHash{&schedules_}, MeaningEq{&schedules_}};
  std::string scratch_;

  // Due queue.
  bool queue_running_ = false;
  DueOptions options_;
  Instant clock_;
  std::vector<Bucket> buckets_;
  std::vector<uint32_t> free_buckets_;
  std::vector<std::pair<int64_t, uint64_t>> heap_;  // (key, schedule << 32 | bucket)
  absl::flat_hash_set<uint32_t, BucketHash, BucketEq> bucket_of_{0, BucketHash{&buckets_},
                                                                 BucketEq{&buckets_}};
  std::vector<DueEvent> pending_;
  size_t pending_pos_ = 0;
};

// A stable shard for a CronJob: jump consistent hash (Lamport & Veach 2014)
// of FNV-1a 64 over `namespace/name`, in [0, shards). Moving from n to n + 1
// shards moves about 1/(n + 1) of the CronJobs. See docs/fleet.md.
uint32_t ShardOf(absl::string_view name_space, absl::string_view name, uint32_t shards);

}  // namespace kron

#endif  // KRON_FLEET_H_
