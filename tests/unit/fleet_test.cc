// The fleet against the single-CronJob engine: every answer of the fleet is
// recomputed one CronJob at a time with kron::Next / kron::NextScheduleTime
// (the per-CronJob path, no sharing) and must agree exactly.
#include "kron/fleet.h"

#include <algorithm>
#include <map>
#include <memory>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kron/controller.h"
#include "kron/fire_times.h"
#include "kron/fleet_synth.h"
#include "kron/names.h"
#include "kron/schedule.h"
#include "system_zones.h"

namespace kron {
namespace {

Instant At(absl::string_view rfc3339) { return *ParseInstant(rfc3339); }

// The spec the controller parses for one CronJob (formatSchedule), compiled alone.
Schedule CompileAlone(const SyntheticCronJob& cj) {
  std::string spec = cj.schedule;
  if (cj.time_zone && cj.schedule.find("TZ") == std::string::npos) {
    spec = absl::StrCat("TZ=", *cj.time_zone, " ", cj.schedule);
  }
  absl::StatusOr<Schedule> s = ParseStandard(spec, Zones());
  EXPECT_TRUE(s.ok()) << spec;
  return *s;
}

struct Built {
  std::unique_ptr<Fleet> fleet;
  std::vector<SyntheticCronJob> jobs;
  std::vector<CronJobId> ids;
};

Built Build(size_t n, uint64_t seed = 7) {
  Built b;
  b.fleet = std::make_unique<Fleet>(Zones());
  SyntheticFleet::Options o;
  o.seed = seed;
  SyntheticFleet synth(Zones(), o);
  b.jobs.resize(n);
  for (size_t i = 0; i < n; ++i) {
    synth.Get(i, &b.jobs[i]);
    absl::StatusOr<CronJobId> id = b.fleet->Upsert(b.jobs[i].record());
    EXPECT_TRUE(id.ok()) << id.status();
    b.ids.push_back(*id);
  }
  return b;
}

TEST(FleetTest, NextAllEqualsNextForEveryCronJobOf100k) {
  Built b = Build(100000);
  ASSERT_EQ(b.fleet->size(), 100000u);
  // Far fewer compiled schedules than CronJobs: the intern table shares.
  EXPECT_LT(b.fleet->Stats().schedules, 20000u);
  std::vector<int64_t> out(b.fleet->id_bound());
  // New Year, a US DST change day, and a time in the Lord Howe half-hour shift.
  for (Instant t : {At("2026-01-01T00:00:00Z"), At("2026-03-08T06:59:30Z"),
                    At("2026-04-04T15:00:00Z")}) {
    b.fleet->NextAll(t, absl::MakeSpan(out));
    std::map<std::string, Schedule> compiled;  // cache by text only to keep the test fast
    size_t mismatches = 0;
    for (size_t i = 0; i < b.jobs.size(); ++i) {
      const SyntheticCronJob& cj = b.jobs[i];
      const std::string key = absl::StrCat(cj.time_zone.value_or("-"), "|", cj.schedule);
      auto it = compiled.find(key);
      if (it == compiled.end()) it = compiled.emplace(key, CompileAlone(cj)).first;
      const std::optional<Instant> want = Next(it->second, t);
      const int64_t expect = want ? want->unix_seconds() : kNoFire;
      if (out[b.ids[i]] != expect && ++mismatches < 5) {
        ADD_FAILURE() << cj.schedule << " in " << cj.time_zone.value_or("UTC") << " after "
                      << FormatRfc3339Utc(t) << ": fleet " << out[b.ids[i]] << " vs " << expect;
      }
    }
    EXPECT_EQ(mismatches, 0u);
  }
}

TEST(FleetTest, NextAllSkipsSuspendedWhenAsked) {
  Fleet fleet(Zones());
  CronJobRecord r;
  r.name_space = "ns";
  r.name = "a";
  r.schedule = "*/5 * * * *";
  const CronJobId a = *fleet.Upsert(r);
  r.name = "b";
  r.suspend = true;
  const CronJobId b = *fleet.Upsert(r);
  std::vector<int64_t> out(fleet.id_bound());
  fleet.NextAll(At("2026-01-01T00:01:00Z"), absl::MakeSpan(out), /*skip_suspended=*/true);
  EXPECT_EQ(out[a], At("2026-01-01T00:05:00Z").unix_seconds());
  EXPECT_EQ(out[b], kNoFire);
}

// The reference: one CronJob at a time, the controller's functions applied at
// each time it would wake (its due time, or the clock for a catch-up).
struct RefEvent {
  int64_t synced, scheduled;
  CronJobId id;
  int kind;
  bool too_many;
  auto tie() const { return std::tie(id, synced, scheduled, kind, too_many); }
  bool operator<(const RefEvent& o) const { return tie() < o.tie(); }
  bool operator==(const RefEvent& o) const { return tie() == o.tie(); }
};

std::vector<RefEvent> SimulateAlone(const SyntheticCronJob& cj, CronJobId id, Instant start,
                                    Instant end) {
  std::vector<RefEvent> events;
  if (cj.suspend) return events;
  const Schedule s = CompileAlone(cj);
  CronJobTimes times;
  times.creation_timestamp = cj.creation_timestamp;
  times.last_schedule_time = cj.last_schedule_time;
  times.starting_deadline_seconds = cj.starting_deadline_seconds;
  std::optional<Instant> due =
      Next(s, cj.last_schedule_time.value_or(cj.creation_timestamp));
  Instant now = start;
  while (due) {
    now = std::max(*due, now);
    if (now > end) break;
    absl::StatusOr<NextSchedule> next = NextScheduleTime(times, now, s);
    if (!next.ok()) {
      events.push_back({now.unix_seconds(), now.unix_seconds(), id, DueEvent::kError, false});
    } else if (next->scheduled) {
      const Instant at = *next->scheduled;
      const bool too_many = next->too_many_missed_warning;
      if (cj.starting_deadline_seconds && at + *cj.starting_deadline_seconds < now) {
        events.push_back({now.unix_seconds(), at.unix_seconds(), id, DueEvent::kMissedDeadline,
                          too_many});
      } else if (cj.concurrency == ConcurrencyPolicy::kForbid && cj.active > 0) {
        events.push_back({now.unix_seconds(), at.unix_seconds(), id, DueEvent::kAlreadyActive,
                          too_many});
      } else {
        times.last_schedule_time = at;
        events.push_back(
            {now.unix_seconds(), at.unix_seconds(), id, DueEvent::kStarted, too_many});
      }
    }
    due = Next(s, now);
  }
  return events;
}

TEST(FleetTest, DueQueueOverAWeekEqualsEachCronJobAlone) {
  Built b = Build(3000, 11);
  const Instant start = At("2026-01-01T00:00:00Z");
  const Instant end = start + 7 * 86400;
  b.fleet->StartDueQueue(start);
  std::vector<RefEvent> got;
  std::vector<DueEvent> buffer(4096);
  int64_t last_synced = INT64_MIN;
  bool ordered = true;
  for (;;) {
    const size_t n = b.fleet->PopDue(end, absl::MakeSpan(buffer));
    for (size_t k = 0; k < n; ++k) {
      const DueEvent& e = buffer[k];
      ordered = ordered && e.synced >= last_synced && e.synced >= e.scheduled;
      last_synced = e.synced;
      got.push_back({e.synced, e.scheduled, e.id, e.kind, e.too_many_missed});
    }
    if (n < buffer.size()) break;
  }
  EXPECT_TRUE(ordered) << "events must come in clock order";
  EXPECT_EQ(b.fleet->clock(), end);

  std::vector<RefEvent> want;
  for (size_t i = 0; i < b.jobs.size(); ++i) {
    std::vector<RefEvent> one = SimulateAlone(b.jobs[i], b.ids[i], start, end);
    want.insert(want.end(), one.begin(), one.end());
  }
  std::sort(got.begin(), got.end());
  std::sort(want.begin(), want.end());
  EXPECT_GT(want.size(), 1'000'000u);  // a week of the mix: lots of fires
  if (got.size() != want.size()) {
    std::map<CronJobId, std::pair<size_t, size_t>> per;
    for (const RefEvent& e : got) ++per[e.id].first;
    for (const RefEvent& e : want) ++per[e.id].second;
    int shown = 0;
    for (const auto& [id, counts] : per) {
      if (counts.first == counts.second || ++shown > 5) continue;
      size_t i = std::find(b.ids.begin(), b.ids.end(), id) - b.ids.begin();
      const SyntheticCronJob& j = b.jobs[i];
      ADD_FAILURE() << "id " << id << " " << j.schedule << " tz " << j.time_zone.value_or("-")
                    << " last " << (j.last_schedule_time ? FormatRfc3339Utc(*j.last_schedule_time) : "-")
                    << " created " << FormatRfc3339Utc(j.creation_timestamp)
                    << " deadline " << j.starting_deadline_seconds.value_or(-1)
                    << ": queue " << counts.first << " alone " << counts.second;
    }
  }
  ASSERT_EQ(got.size(), want.size());
  size_t differences = 0;
  for (size_t k = 0; k < got.size(); ++k) {
    if (!(got[k] == want[k]) && ++differences < 5) {
      ADD_FAILURE() << "id " << got[k].id << " synced " << got[k].synced << " scheduled "
                    << got[k].scheduled << " kind " << got[k].kind << " vs id " << want[k].id
                    << " " << want[k].synced << " " << want[k].scheduled << " " << want[k].kind;
    }
  }
  EXPECT_EQ(differences, 0u);
  // The mix exercises the controller's other outcomes too.
  auto count = [&](int kind) {
    return std::count_if(got.begin(), got.end(), [&](const RefEvent& e) { return e.kind == kind; });
  };
  EXPECT_GT(count(DueEvent::kAlreadyActive), 0);
  EXPECT_GT(std::count_if(got.begin(), got.end(), [](const RefEvent& e) { return e.too_many; }), 0);
}

TEST(FleetTest, CatchUpRunsOnlyTheMostRecentMissedSchedule) {
  Fleet fleet(Zones());
  CronJobRecord r;
  r.name_space = "ns";
  r.schedule = "*/5 * * * *";
  r.creation_timestamp = At("2025-12-01T00:00:00Z");
  // 12 misses in an hour: few, the latest runs, no warning.
  r.name = "hour-behind";
  r.last_schedule_time = At("2026-01-01T09:00:00Z");
  const CronJobId hour = *fleet.Upsert(r);
  // Three days of misses: 864 > 100, TooManyMissedTimes, the latest still runs.
  r.name = "days-behind";
  r.last_schedule_time = At("2025-12-29T10:00:00Z");
  const CronJobId days = *fleet.Upsert(r);
  // With a 60 s starting deadline the controller looks back one minute only:
  // 10:00 is more than 60 s before 10:02, so nothing is due.
  r.name = "deadline";
  r.last_schedule_time = At("2026-01-01T09:00:00Z");
  r.starting_deadline_seconds = 60;
  const CronJobId deadline = *fleet.Upsert(r);

  fleet.StartDueQueue(At("2026-01-01T10:02:00Z"));
  std::vector<DueEvent> events;
  fleet.AdvanceTo(At("2026-01-01T10:02:00Z"), [&](const DueEvent& e) { events.push_back(e); });
  ASSERT_EQ(events.size(), 2u);
  std::sort(events.begin(), events.end(), [](auto& a, auto& b) { return a.id < b.id; });
  EXPECT_EQ(events[0].id, hour);
  EXPECT_EQ(events[0].kind, DueEvent::kStarted);
  EXPECT_EQ(events[0].scheduled, At("2026-01-01T10:00:00Z").unix_seconds());
  EXPECT_FALSE(events[0].too_many_missed);
  EXPECT_EQ(events[1].id, days);
  EXPECT_EQ(events[1].scheduled, At("2026-01-01T10:00:00Z").unix_seconds());
  EXPECT_TRUE(events[1].too_many_missed);
  EXPECT_EQ(fleet.JobName(days, events[1].scheduled),
            absl::StrCat("days-behind-", At("2026-01-01T10:00:00Z").unix_seconds() / 60));

  // Then all three run in step at 10:05.
  events.clear();
  fleet.AdvanceTo(At("2026-01-01T10:05:00Z"), [&](const DueEvent& e) { events.push_back(e); });
  ASSERT_EQ(events.size(), 3u);
  for (const DueEvent& e : events) {
    EXPECT_EQ(e.scheduled, At("2026-01-01T10:05:00Z").unix_seconds());
    EXPECT_EQ(e.kind, DueEvent::kStarted);
  }
  EXPECT_TRUE(fleet.last_schedule_time(deadline).has_value());
}

TEST(FleetTest, ForbidWithActiveJobAndTracking) {
  Fleet fleet(Zones());
  CronJobRecord r;
  r.name_space = "ns";
  r.name = "forbid";
  r.schedule = "0 * * * *";
  r.concurrency = ConcurrencyPolicy::kForbid;
  r.last_schedule_time = At("2026-01-01T00:00:00Z");
  const CronJobId id = *fleet.Upsert(r);
  Fleet::DueOptions options;
  options.track_active = true;
  fleet.StartDueQueue(At("2026-01-01T00:00:00Z"), options);
  std::vector<DueEvent> events;
  auto take = [&](const DueEvent& e) { events.push_back(e); };
  fleet.AdvanceTo(At("2026-01-01T02:00:00Z"), take);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, DueEvent::kStarted);        // 01:00 starts a Job
  EXPECT_EQ(events[1].kind, DueEvent::kAlreadyActive);  // 02:00: it is still running
  EXPECT_EQ(fleet.active(id), 1);
  fleet.JobFinished(id);
  events.clear();
  fleet.AdvanceTo(At("2026-01-01T03:00:00Z"), take);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, DueEvent::kStarted);
  EXPECT_EQ(events[0].scheduled, At("2026-01-01T03:00:00Z").unix_seconds());
}

TEST(FleetTest, SuspendResumeAndRemoveWhileRunning) {
  Fleet fleet(Zones());
  CronJobRecord r;
  r.name_space = "ns";
  r.name = "job";
  r.schedule = "*/10 * * * *";
  r.last_schedule_time = At("2026-01-01T00:00:00Z");
  const CronJobId id = *fleet.Upsert(r);
  r.name = "other";
  const CronJobId other = *fleet.Upsert(r);
  fleet.StartDueQueue(At("2026-01-01T00:00:00Z"));
  std::vector<DueEvent> events;
  auto take = [&](const DueEvent& e) { events.push_back(e); };
  fleet.SetSuspend(id, true);
  fleet.AdvanceTo(At("2026-01-01T00:35:00Z"), take);
  EXPECT_EQ(events.size(), 3u);  // only `other`: 00:10, 00:20, 00:30
  events.clear();
  // Resumed at 00:35: four missed (few); only 00:30 runs, right away.
  fleet.SetSuspend(id, false);
  fleet.AdvanceTo(At("2026-01-01T00:35:00Z"), take);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].id, id);
  EXPECT_EQ(events[0].scheduled, At("2026-01-01T00:30:00Z").unix_seconds());
  EXPECT_EQ(events[0].synced, At("2026-01-01T00:35:00Z").unix_seconds());
  events.clear();
  EXPECT_TRUE(fleet.Remove(other));
  EXPECT_FALSE(fleet.Remove(other));
  fleet.AdvanceTo(At("2026-01-01T00:40:00Z"), take);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].id, id);
  EXPECT_EQ(fleet.NextDue(), At("2026-01-01T00:50:00Z").unix_seconds());
}

TEST(FleetTest, UpsertFindRemoveAndIdReuse) {
  Fleet fleet(Zones());
  CronJobRecord r;
  r.schedule = "@hourly";
  std::vector<std::string> names;
  for (int i = 0; i < 5000; ++i) names.push_back(absl::StrCat("cj-", i));
  for (int i = 0; i < 5000; ++i) {
    r.name_space = i % 2 ? "odd" : "even";
    r.name = names[i];
    ASSERT_TRUE(fleet.Upsert(r).ok());
  }
  EXPECT_EQ(fleet.size(), 5000u);
  EXPECT_EQ(fleet.Stats().schedules, 1u);
  const CronJobId id = fleet.Find("odd", "cj-7");
  ASSERT_NE(id, kNoCronJob);
  EXPECT_EQ(fleet.name(id), "cj-7");
  EXPECT_EQ(fleet.name_space(id), "odd");
  EXPECT_EQ(fleet.Find("even", "cj-7"), kNoCronJob);
  // Same name again: replaced in place, new schedule.
  r.name_space = "odd";
  r.name = "cj-7";
  r.schedule = "0 * * * *";  // the same compiled schedule as @hourly
  EXPECT_EQ(*fleet.Upsert(r), id);
  EXPECT_EQ(fleet.size(), 5000u);
  EXPECT_EQ(fleet.Stats().schedules, 1u);
  r.schedule = "*/2 * * * *";
  EXPECT_EQ(*fleet.Upsert(r), id);
  EXPECT_EQ(fleet.Stats().schedules, 2u);
  for (int i = 0; i < 5000; i += 2) EXPECT_TRUE(fleet.Remove(fleet.Find("even", names[i])));
  EXPECT_EQ(fleet.size(), 2500u);
  EXPECT_EQ(fleet.Find("odd", "cj-7"), id);
  r.name_space = "new";
  r.name = "fresh";
  const CronJobId reused = *fleet.Upsert(r);
  EXPECT_LT(reused, 5000u);  // a freed slot
  EXPECT_EQ(fleet.Find("new", "fresh"), reused);
}

TEST(FleetTest, UpsertErrorsCarryFieldAndRobfigText) {
  Fleet fleet(Zones());
  CronJobRecord r;
  r.name_space = "ns";
  r.name = "bad";
  r.schedule = "0 0 * * 7";
  EXPECT_EQ(fleet.Upsert(r).status().message(),
            "spec.schedule: end of range (7) above maximum (6): 7");
  r.schedule = "0 0 * * *";
  r.time_zone = "Mars/Base";
  EXPECT_EQ(fleet.Upsert(r).status().message(), "spec.timeZone: unknown time zone Mars/Base");
  r.time_zone.reset();
  r.name = "";
  EXPECT_EQ(fleet.Upsert(r).status().message(), "metadata.name: required");
  EXPECT_EQ(fleet.size(), 0u);
}

TEST(FleetTest, TimeZoneBecomesATzPrefix) {
  Fleet fleet(Zones());
  CronJobRecord r;
  r.name_space = "ns";
  r.name = "tokyo";
  r.schedule = "0 9 * * *";
  r.time_zone = "Asia/Tokyo";
  const CronJobId id = *fleet.Upsert(r);
  EXPECT_EQ(fleet.schedule_text(fleet.schedule_index(id)), "TZ=Asia/Tokyo 0 9 * * *");
  std::vector<int64_t> out(fleet.id_bound());
  fleet.NextAll(At("2025-12-31T23:00:00Z"), absl::MakeSpan(out));
  EXPECT_EQ(out[id], At("2026-01-01T00:00:00Z").unix_seconds());  // 09:00 JST
}

TEST(FleetTest, JobNameIsNameDashMinutes) {
  Fleet fleet(Zones());
  CronJobRecord r;
  r.name_space = "default";
  r.name = "cronjob-test01";
  r.schedule = "0 8 * * *";
  const CronJobId id = *fleet.Upsert(r);
  // kron/names.h: cronjob-test01 at 2026-01-01T08:00:00Z.
  EXPECT_EQ(fleet.JobName(id, At("2026-01-01T08:00:00Z").unix_seconds()),
            "cronjob-test01-29454240");
}

TEST(FleetTest, FiresBetweenEqualsEnumeratingEachCronJob) {
  Built b = Build(2000, 3);
  const Instant from = At("2026-03-28T12:00:00Z");  // across Europe's DST change
  const Instant to = At("2026-03-29T12:00:00Z");
  std::vector<std::pair<int64_t, CronJobId>> got;
  b.fleet->FiresBetween(from, to, [&](Instant t, CronJobId id) {
    got.push_back({t.unix_seconds(), id});
  });
  EXPECT_TRUE(std::is_sorted(got.begin(), got.end(),
                             [](auto& x, auto& y) { return x.first < y.first; }));
  std::vector<std::pair<int64_t, CronJobId>> want;
  for (size_t i = 0; i < b.jobs.size(); ++i) {
    if (b.jobs[i].suspend) continue;
    const Schedule s = CompileAlone(b.jobs[i]);
    for (FireTimes it(s, from - 1); auto f = it.Next();) {
      if (!(*f < to)) break;
      want.push_back({f->unix_seconds(), b.ids[i]});
    }
  }
  std::sort(got.begin(), got.end());
  std::sort(want.begin(), want.end());
  EXPECT_EQ(got, want);
}

TEST(FleetTest, StartsPerMinuteCountsAndRanksMinutes) {
  Fleet fleet(Zones());
  CronJobRecord r;
  r.name_space = "ns";
  r.name = "five";
  r.schedule = "*/5 * * * *";
  ASSERT_TRUE(fleet.Upsert(r).ok());
  r.name = "hourly";
  r.schedule = "0 * * * *";
  ASSERT_TRUE(fleet.Upsert(r).ok());
  r.name = "hourly-too";
  r.schedule = "@hourly";
  ASSERT_TRUE(fleet.Upsert(r).ok());
  r.name = "suspended";
  r.suspend = true;
  ASSERT_TRUE(fleet.Upsert(r).ok());
  const MinuteHistogram h =
      fleet.StartsPerMinute(At("2026-01-01T00:00:00Z"), At("2026-01-01T01:00:00Z"), 3);
  ASSERT_EQ(h.starts.size(), 60u);
  EXPECT_EQ(h.starts[0], 3u);  // */5 and the two hourly ones
  EXPECT_EQ(h.starts[5], 1u);
  EXPECT_EQ(h.starts[1], 0u);
  EXPECT_EQ(h.total, 3u + 11u);
  ASSERT_EQ(h.top.size(), 3u);
  EXPECT_EQ(h.top[0], std::make_pair(At("2026-01-01T00:00:00Z"), 3u));
  EXPECT_EQ(h.top[1], std::make_pair(At("2026-01-01T00:05:00Z"), 1u));
  EXPECT_EQ(h.top[2], std::make_pair(At("2026-01-01T00:10:00Z"), 1u));
}

TEST(FleetTest, ShardOfIsStableAndMovesLittle) {
  EXPECT_EQ(ShardOf("ns", "a", 1), 0u);
  size_t moved = 0;
  for (int i = 0; i < 10000; ++i) {
    const std::string name = absl::StrCat("cj-", i);
    const uint32_t s8 = ShardOf("team", name, 8);
    const uint32_t s9 = ShardOf("team", name, 9);
    ASSERT_LT(s8, 8u);
    EXPECT_EQ(s8, ShardOf("team", name, 8));
    // Jump hash: growing the shard count only moves keys to the new shard.
    if (s8 != s9) {
      EXPECT_EQ(s9, 8u);
      ++moved;
    }
  }
  EXPECT_GT(moved, 700u);   // about 1/9 of 10000
  EXPECT_LT(moved, 1600u);
}

}  // namespace
}  // namespace kron
