// The CronJob controller's time arithmetic (kron/controller.h).
// Tables: pkg/controller/cronjob/utils_test.go (TestMostRecentScheduleTime,
// TestNextScheduleTime, TestNextScheduleTimeDuration, TestGetJobFromTemplate2,
// and the older TestGetMostRecentScheduleTime), re-expressed here; plus
// hand-computed cases for time zones, formatSchedule and Go's zero time.
#include "kron/controller.h"

#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "kron/names.h"

namespace kron {
namespace {

constexpr int64_t kMin = 60;
constexpr int64_t kHour = 3600;
constexpr int64_t kDay = 24 * kHour;
// utils_test.go topOfTheHour(): 2016-05-19T10:00:00Z (a Thursday).
const Instant kTop = Instant::FromUnixSeconds(1463652000);
Instant After(int64_t seconds) { return kTop + seconds; }

class ControllerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto z = TimeZones::LoadSystem();
    ASSERT_TRUE(z.ok()) << z.status();
    zones_ = std::move(*z).release();
  }
  static void TearDownTestSuite() {
    delete zones_;
    zones_ = nullptr;
  }
  static Schedule Parse(absl::string_view spec) {
    absl::StatusOr<Schedule> s = ParseStandard(spec, *zones_);
    EXPECT_TRUE(s.ok()) << spec << ": " << s.status();
    return *s;
  }
  static TimeZones* zones_;
};
TimeZones* ControllerTest::zones_ = nullptr;

// --- TestMostRecentScheduleTime ---------------------------------------------

struct MostRecentCase {
  const char* name;
  const char* schedule;
  Instant creation;
  std::optional<Instant> last;
  std::optional<int64_t> deadline;
  bool include_sds;
  Instant now;
  Instant want_earliest;
  std::optional<Instant> want_recent;
  MissedSchedules want_missed;
  bool want_err;
};

TEST_F(ControllerTest, MostRecentScheduleTimeUpstreamTable) {
  const auto none = MissedSchedules::kNone;
  const auto few = MissedSchedules::kFew;
  const auto many = MissedSchedules::kMany;
  const std::vector<MostRecentCase> cases = {
      {"now before next schedule", "0 * * * *", kTop, {}, {}, false, After(30), kTop, {}, none,
       false},
      {"now just after next schedule", "0 * * * *", kTop, {}, {}, false, After(61 * kMin), kTop,
       After(60 * kMin), none, false},
      {"missed 5 schedules", "0 * * * *", After(10), {}, {}, false, After(301 * kMin), After(10),
       After(300 * kMin), few, false},
      {"complex schedule", "30 6-16/4 * * 1-5", kTop, After(30 * kMin), {}, false,
       After(kDay + 31 * kMin), After(30 * kMin), After(kDay + 30 * kMin), few, false},
      {"another complex schedule", "30 10,11,12 * * 1-5", kTop, After(30 * kMin), {}, false,
       After(30 * kHour + 30 * kMin), After(30 * kMin), {}, few, false},
      {"complex schedule with longer diff between executions", "30 6-16/4 * * 1-5", kTop,
       After(30 * kMin), {}, false, After(96 * kHour + 31 * kMin), After(30 * kMin),
       After(96 * kHour + 30 * kMin), few, false},
      {"complex schedule with shorter diff between executions", "30 6-16/4 * * 1-5", kTop, {},
       {}, false, After(kDay + 31 * kMin), kTop, After(kDay + 30 * kMin), few, false},
      {"@every schedule", "@every 1h", After(-59 * kMin), After(1 * kMin), 10, false,
       After(7 * kDay), After(1 * kMin), After(6 * kDay + 23 * kHour + 1 * kMin), many, false},
      {"rogue cronjob", "59 23 31 2 *", After(10), {}, {}, false, After(1 * kHour), After(10),
       {}, none, true},
      {"earliestTime being CreationTimestamp and LastScheduleTime", "0 * * * *", kTop, kTop, {},
       false, After(30), kTop, {}, none, false},
      {"earliestTime being LastScheduleTime", "*/5 * * * *", kTop, After(30 * kMin), {}, false,
       After(31 * kMin), After(30 * kMin), {}, none, false},
      {"earliestTime being LastScheduleTime (within StartingDeadlineSeconds)", "*/5 * * * *",
       kTop, After(30 * kMin), 60, false, After(31 * kMin), After(30 * kMin), {}, none, false},
      {"earliestTime being LastScheduleTime (outside StartingDeadlineSeconds)", "*/5 * * * *",
       kTop, After(30 * kMin), 60, true, After(32 * kMin), After(31 * kMin), {}, none, false},
  };
  for (const MostRecentCase& c : cases) {
    SCOPED_TRACE(c.name);
    Schedule s = Parse(c.schedule);
    CronJobTimes cj{c.creation, c.last, c.deadline};
    absl::StatusOr<MostRecentSchedule> got = MostRecentScheduleTime(cj, c.now, s, c.include_sds);
    if (c.want_err) {
      ASSERT_FALSE(got.ok());
      EXPECT_EQ(got.status().message(), "time difference between two schedules is less than 1 second");
      continue;
    }
    ASSERT_TRUE(got.ok()) << got.status();
    EXPECT_EQ(got->earliest, c.want_earliest);
    EXPECT_EQ(got->most_recent, c.want_recent);
    EXPECT_EQ(got->missed, c.want_missed);
  }
}

TEST_F(ControllerTest, MissedSchedulesNames) {
  EXPECT_EQ(MissedSchedulesName(MissedSchedules::kNone), "none");
  EXPECT_EQ(MissedSchedulesName(MissedSchedules::kFew), "few");
  EXPECT_EQ(MissedSchedulesName(MissedSchedules::kMany), "many");
}

// --- older TestGetMostRecentScheduleTime (getMostRecentScheduleTime) ---------
// Times and errors carry over; its miss counts belong to the older function
// (it counted 1 where the current one returns before estimating).

TEST_F(ControllerTest, OlderGetMostRecentScheduleTimeTable) {
  struct Case {
    const char* name;
    Instant earliest;
    Instant now;
    const char* schedule;
    std::optional<Instant> want;
    bool want_err;
    int64_t want_estimate;
  };
  const std::vector<Case> cases = {
      {"now before next schedule", kTop, After(30), "0 * * * *", {}, false, 0},
      {"now just after next schedule", kTop, After(61 * kMin), "0 * * * *", After(60 * kMin),
       false, 0},
      {"missed 5 schedules", After(10), After(301 * kMin), "0 * * * *", After(300 * kMin), false,
       5},
      {"rogue cronjob", After(10), After(1000000 * kHour), "59 23 31 2 *", {}, true, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    CronJobTimes cj{c.earliest, {}, {}};
    auto got = MostRecentScheduleTime(cj, c.now, Parse(c.schedule), false);
    ASSERT_EQ(got.ok(), !c.want_err) << got.status();
    if (!got.ok()) continue;
    EXPECT_EQ(got->most_recent, c.want);
    EXPECT_EQ(got->estimated_missed, c.want_estimate);
  }
}

// --- TestNextScheduleTime (cases share one CronJob, as upstream) ------------

TEST_F(ControllerTest, NextScheduleTimeUpstreamSequence) {
  const Schedule hourly = Parse("0 * * * ?");
  const Instant t1 = kTop;
  const Instant t2 = After(1 * kHour);
  CronJobTimes cj;
  {
    SCOPED_TRACE("Case 1: no known start times, and none needed yet");
    cj.creation_timestamp = t1 - 10 * kMin;
    auto got = NextScheduleTime(cj, t1 - 7 * kMin, hourly);
    ASSERT_TRUE(got.ok());
    EXPECT_FALSE(got->scheduled.has_value());
  }
  {
    SCOPED_TRACE("Case 2: no known start times, and one needed");
    auto got = NextScheduleTime(cj, t1 + 2, hourly);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(got->scheduled, t1);
  }
  {
    SCOPED_TRACE("Case 3: known LastScheduleTime, no start needed");
    cj.last_schedule_time = t1;
    auto got = NextScheduleTime(cj, t1 + 2 * kMin, hourly);
    ASSERT_TRUE(got.ok());
    EXPECT_FALSE(got->scheduled.has_value());
  }
  {
    SCOPED_TRACE("Case 4: known LastScheduleTime, a start needed");
    auto got = NextScheduleTime(cj, t2 + 5 * kMin, hourly);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(got->scheduled, t2);
  }
  {
    SCOPED_TRACE("Case 5: known LastScheduleTime, two starts needed");
    cj.creation_timestamp = t1 - 2 * kHour;
    cj.last_schedule_time = t1 - 1 * kHour;
    auto got = NextScheduleTime(cj, t2 + 5 * kMin, hourly);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(got->scheduled, t2);
    EXPECT_FALSE(got->too_many_missed_warning);
  }
  {
    SCOPED_TRACE("Case 6: now is way ahead of last start time, no deadline");
    auto got = NextScheduleTime(cj, t2 + 10 * kDay, hourly);
    ASSERT_TRUE(got.ok());
    ASSERT_TRUE(got->scheduled.has_value());
    // Hand-computed: 242 estimated misses (> 100) and the latest hour is now itself.
    EXPECT_EQ(*got->scheduled, t2 + 10 * kDay);
    EXPECT_TRUE(got->too_many_missed_warning);
  }
  {
    SCOPED_TRACE("Case 7: now is way ahead of last start time, short deadline");
    cj.starting_deadline_seconds = 2 * kHour;
    auto got = NextScheduleTime(cj, t2 + 10 * kDay, hourly);
    ASSERT_TRUE(got.ok());
    ASSERT_TRUE(got->scheduled.has_value());
    EXPECT_EQ(*got->scheduled, t2 + 10 * kDay);
    EXPECT_FALSE(got->too_many_missed_warning);  // only 2 estimated misses
  }
  {
    SCOPED_TRACE("Case 8: the error from mostRecentScheduleTime is passed up");
    cj.creation_timestamp = t1 + 10;
    cj.last_schedule_time.reset();
    auto got = NextScheduleTime(cj, After(1 * kHour), Parse("59 23 31 2 *"));
    ASSERT_FALSE(got.ok());
    EXPECT_EQ(got.status().message(), kScheduleTooDenseError);
  }
}

TEST_F(ControllerTest, TooManyMissedTimesEventText) {
  EXPECT_EQ(kTooManyMissedTimesReason, "TooManyMissedTimes");
  EXPECT_EQ(kTooManyMissedTimesMessage,
            "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check "
            "clock skew");
}

// --- TestNextScheduleTimeDuration -------------------------------------------

TEST_F(ControllerTest, NextScheduleTimeDurationUpstreamTable) {
  struct Case {
    const char* name;
    const char* schedule;
    std::optional<Instant> last;
    Instant now;
    absl::Duration want;
  };
  const absl::Duration delta = absl::Milliseconds(100);
  const std::vector<Case> cases = {
      {"complex schedule skipping weekend", "30 6-16/4 * * 1-5", After(30 * kMin),
       After(kDay + 31 * kMin), absl::Hours(3) + absl::Minutes(59) + delta},
      {"another complex schedule skipping weekend", "30 10,11,12 * * 1-5", After(30 * kMin),
       After(30 * kHour + 30 * kMin), absl::Hours(66) + delta},
      {"once a week cronjob, missed two runs", "0 12 * * 4", After(2 * kHour),
       After(19 * kDay + 1 * kHour + 30 * kMin), absl::Hours(48) + absl::Minutes(30) + delta},
      {"no previous run of a cronjob", "0 12 * * 5", {}, After(6 * kHour),
       absl::Hours(20) + delta},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    CronJobTimes cj{kTop, c.last, {}};
    absl::Duration got = NextScheduleTimeDuration(cj, c.now, Parse(c.schedule));
    EXPECT_GE(got, absl::ZeroDuration());
    EXPECT_EQ(got, c.want);
  }
  EXPECT_EQ(kNextScheduleDelta, absl::Milliseconds(100));
}

// --- TestGetJobFromTemplate2: name and scheduled-timestamp annotation -------

TEST_F(ControllerTest, GetJobFromTemplate2Annotation) {
  EXPECT_EQ(kCronJobScheduledTimestampAnnotation,
            "batch.kubernetes.io/cronjob-scheduled-timestamp");
  EXPECT_EQ(CronJobJobName("mycronjob", kTop), "mycronjob-24394200");
  struct Case {
    const char* name;
    std::optional<absl::string_view> tz;
    const char* want;
  };
  const std::vector<Case> cases = {
      {"UTC timezone", "UTC", "2016-05-19T10:00:00Z"},
      {"nil timezone", std::nullopt, "2016-05-19T10:00:00Z"},
      {"correct timezone (Europe/Rome, CEST)", "Europe/Rome", "2016-05-19T12:00:00+02:00"},
      {"empty timezone is UTC", "", "2016-05-19T10:00:00Z"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    absl::StatusOr<std::string> got = ScheduledTimestampAnnotation(kTop, c.tz, *zones_);
    ASSERT_TRUE(got.ok()) << got.status();
    EXPECT_EQ(*got, c.want);
  }
  // Winter time in Rome, and a zone west of UTC.
  EXPECT_EQ(*ScheduledTimestampAnnotation(Instant::FromUnixSeconds(1451606400), "Europe/Rome",
                                          *zones_),
            "2016-01-01T01:00:00+01:00");
  EXPECT_EQ(*ScheduledTimestampAnnotation(kTop, "America/New_York", *zones_),
            "2016-05-19T06:00:00-04:00");
  EXPECT_FALSE(ScheduledTimestampAnnotation(kTop, "Mars/Base", *zones_).ok());
}

// --- formatSchedule (cronjob_controllerv2.go) -------------------------------

TEST_F(ControllerTest, FormatSchedule) {
  FormattedSchedule a = FormatSchedule("0 9 * * *", "Europe/Rome", *zones_);
  EXPECT_EQ(a.spec, "TZ=Europe/Rome 0 9 * * *");
  EXPECT_FALSE(a.unsupported_schedule_warning.has_value());

  FormattedSchedule b = FormatSchedule("TZ=UTC 0 * * * *", "Europe/Rome", *zones_);
  EXPECT_EQ(b.spec, "TZ=UTC 0 * * * *");
  ASSERT_TRUE(b.unsupported_schedule_warning.has_value());
  EXPECT_EQ(*b.unsupported_schedule_warning,
            "CRON_TZ or TZ used in schedule \"TZ=UTC 0 * * * *\" is not officially supported, "
            "see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more "
            "details");
  EXPECT_EQ(kUnsupportedScheduleReason, "UnsupportedSchedule");

  // CRON_TZ contains "TZ" too; so does any schedule with those letters.
  EXPECT_TRUE(FormatSchedule("CRON_TZ=Asia/Seoul 0 8 * * *", std::nullopt, *zones_)
                  .unsupported_schedule_warning.has_value());

  FormattedSchedule c = FormatSchedule("0 * * * *", "Mars/Base", *zones_);
  EXPECT_EQ(c.spec, "0 * * * *");
  EXPECT_FALSE(c.unsupported_schedule_warning.has_value());

  EXPECT_EQ(FormatSchedule("*/1 * * * *", std::nullopt, *zones_).spec, "*/1 * * * *");
}

// --- Time zones through the whole chain (hand-computed) ---------------------

TEST_F(ControllerTest, TimeZoneScheduleEndToEnd) {
  // spec.timeZone Europe/Rome, 09:00 daily; 2016-05-19 09:00 CEST = 07:00Z.
  FormattedSchedule f = FormatSchedule("0 9 * * *", "Europe/Rome", *zones_);
  Schedule s = Parse(f.spec);
  CronJobTimes cj{Instant::FromUnixSeconds(1463652000 - 10 * kHour), {}, {}};  // 00:00Z
  auto got = NextScheduleTime(cj, Instant::FromUnixSeconds(1463652000 - 2 * kHour), s);
  ASSERT_TRUE(got.ok()) << got.status();
  ASSERT_TRUE(got->scheduled.has_value());
  EXPECT_EQ(*got->scheduled, Instant::FromUnixSeconds(1463641200));
  EXPECT_EQ(CronJobJobName("rome", *got->scheduled), "rome-24394020");
  EXPECT_EQ(*ScheduledTimestampAnnotation(*got->scheduled, "Europe/Rome", *zones_),
            "2016-05-19T09:00:00+02:00");
}

TEST_F(ControllerTest, TimeZoneScheduleSkipsSpringForwardGap) {
  // 02:30 does not exist in New York on 2016-03-13: robfig skips that day.
  Schedule s = Parse("TZ=America/New_York 30 2 * * *");
  CronJobTimes cj{Instant::FromUnixSeconds(1457784000), {}, {}};  // 2016-03-12T12:00Z
  auto got = MostRecentScheduleTime(cj, Instant::FromUnixSeconds(1457956800), s, false);
  ASSERT_TRUE(got.ok()) << got.status();
  // 2016-03-14 02:30 EDT = 06:30Z.
  EXPECT_EQ(got->most_recent, Instant::FromUnixSeconds(1457937000));
  EXPECT_EQ(got->missed, MissedSchedules::kNone);
}

// --- Go's zero time ----------------------------------------------------------

TEST_F(ControllerTest, ZeroTimeRogueScheduleDuration) {
  // Error -> the controller aims at Next(now), which is the zero time; then
  // zero + 100 ms − now saturates to the most negative time.Duration.
  CronJobTimes cj{After(10), {}, {}};
  absl::Duration d = NextScheduleTimeDuration(cj, After(kHour), Parse("59 23 31 2 *"));
  EXPECT_EQ(d, absl::Nanoseconds(std::numeric_limits<int64_t>::min()));
}

TEST_F(ControllerTest, ZeroTimeLeapDayRewalkNeverReturns) {
  // Feb 29 after 2096-03-01 is 2104 (2100 is not a leap year): more than five
  // years away, so t1 is the zero time, t2 = Next(zero) = 0004-02-29, and the
  // rewalk meets the zero time again: the controller would loop forever.
  Schedule s = Parse("0 0 29 2 *");
  CronJobTimes cj{Instant::FromUnixSeconds(3981398400), {}, {}};  // 2096-03-01
  auto got = MostRecentScheduleTime(cj, Instant::FromUnixSeconds(4007836800), s, false);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), absl::StatusCode::kOutOfRange);
}

}  // namespace
}  // namespace kron
