// Fire times against robfig/cron v3's published vectors (spec_test.go, the
// cases expressible in the 5-field standard grammar), answers computed by the
// real robfig/cron v3.0.1 for DST cases in several zones, the seed's facts,
// and the fast path against the step-by-step replay.
#include "kron/fire_times.h"

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "kron/instant.h"
#include "kron/schedule.h"
#include "kron/zone.h"

namespace kron {
namespace {

class FireTimesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { zones_ = TimeZones::LoadSystem()->release(); }

  static Schedule Parse(const std::string& spec) {
    absl::StatusOr<Schedule> s = ParseStandard(spec, *zones_);
    EXPECT_TRUE(s.ok()) << spec << ": " << s.status();
    return *s;
  }
  static Instant At(const std::string& rfc3339) {
    absl::StatusOr<Instant> t = ParseInstant(rfc3339);
    EXPECT_TRUE(t.ok()) << rfc3339 << ": " << t.status();
    return *t;
  }
  static std::string NextOf(const std::string& spec, const std::string& after) {
    std::optional<Instant> n = Next(Parse(spec), At(after));
    return n ? FormatRfc3339Utc(*n) : "none";
  }

  static TimeZones* zones_;
};
TimeZones* FireTimesTest::zones_ = nullptr;

// spec_test.go TestActivation: whether the time is a fire time.
TEST_F(FireTimesTest, RobfigActivation) {
  struct Case {
    const char* time;
    const char* spec;
    bool fires;
  };
  const Case cases[] = {
      {"2012-07-09T15:00:00Z", "0/15 * * * *", true},
      {"2012-07-09T15:45:00Z", "0/15 * * * *", true},
      {"2012-07-09T15:40:00Z", "0/15 * * * *", false},
      {"2012-07-09T15:05:00Z", "5/15 * * * *", true},
      {"2012-07-09T15:20:00Z", "5/15 * * * *", true},
      {"2012-07-09T15:50:00Z", "5/15 * * * *", true},
      {"2012-07-15T15:00:00Z", "0/15 * * Jul *", true},
      {"2012-07-15T15:00:00Z", "0/15 * * Jun *", false},
      {"2012-07-15T08:30:00Z", "30 08 ? Jul Sun", true},
      {"2012-07-15T08:30:00Z", "30 08 15 Jul ?", true},
      {"2012-07-16T08:30:00Z", "30 08 ? Jul Sun", false},
      {"2012-07-16T08:30:00Z", "30 08 15 Jul ?", false},
      {"2012-07-09T15:00:00Z", "@hourly", true},
      {"2012-07-09T15:04:00Z", "@hourly", false},
      {"2012-07-09T15:00:00Z", "@daily", false},
      {"2012-07-09T00:00:00Z", "@daily", true},
      {"2012-07-09T00:00:00Z", "@weekly", false},
      {"2012-07-08T00:00:00Z", "@weekly", true},
      {"2012-07-08T01:00:00Z", "@weekly", false},
      {"2012-07-08T00:00:00Z", "@monthly", false},
      {"2012-07-01T00:00:00Z", "@monthly", true},
      // Both day fields restricted: either may match.
      {"2012-07-15T00:00:00Z", "* * 1,15 * Sun", true},
      {"2012-06-15T00:00:00Z", "* * 1,15 * Sun", true},
      {"2012-08-01T00:00:00Z", "* * 1,15 * Sun", true},
      {"2012-07-15T00:00:00Z", "* * */10 * Sun", true},
      // One day field starred: both must match.
      {"2012-07-15T00:00:00Z", "* * * * Mon", false},
      {"2012-07-09T00:00:00Z", "* * 1,15 * *", false},
      {"2012-07-15T00:00:00Z", "* * 1,15 * *", true},
      {"2012-07-15T00:00:00Z", "* * */2 * Sun", true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Matches(Parse(c.spec), At(c.time)), c.fires) << c.spec << " at " << c.time;
  }
}

// spec_test.go TestNext, the cases whose seconds field is 0.
TEST_F(FireTimesTest, RobfigNext) {
  struct Case {
    const char* after;
    const char* spec;
    const char* next;
  };
  const Case cases[] = {
      {"2012-07-09T14:45:00Z", "0/15 * * * *", "2012-07-09T15:00:00Z"},
      {"2012-07-09T14:59:00Z", "0/15 * * * *", "2012-07-09T15:00:00Z"},
      {"2012-07-09T14:59:59Z", "0/15 * * * *", "2012-07-09T15:00:00Z"},
      {"2012-07-09T15:45:00Z", "20-35/15 * * * *", "2012-07-09T16:20:00Z"},
      {"2012-07-09T23:46:00Z", "*/15 * * * *", "2012-07-10T00:00:00Z"},
      {"2012-07-09T23:45:00Z", "20-35/15 * * * *", "2012-07-10T00:20:00Z"},
      {"2012-07-09T23:35:00Z", "0 0 9 Apr-Oct ?", "2012-08-09T00:00:00Z"},
      {"2012-07-09T23:35:00Z", "0 0 */5 Apr,Aug,Oct Mon", "2012-08-01T00:00:00Z"},
      {"2012-07-09T23:35:00Z", "0 0 */5 Oct Mon", "2012-10-01T00:00:00Z"},
      {"2012-07-09T23:35:00Z", "0 0 * Feb Mon", "2013-02-04T00:00:00Z"},
      {"2012-07-09T23:35:00Z", "0 0 * Feb Mon/2", "2013-02-01T00:00:00Z"},
      {"2012-12-31T23:59:45Z", "* * * * *", "2013-01-01T00:00:00Z"},
      {"2012-07-09T23:35:00Z", "0 0 29 Feb ?", "2016-02-29T00:00:00Z"},
      // New York: 2am EST -> 3am EDT, and back.
      {"2012-03-11T05:00:00Z", "TZ=America/New_York 30 2 11 Mar ?", "2013-03-11T06:30:00Z"},
      {"2012-03-11T05:00:00Z", "TZ=America/New_York 0 * * * ?", "2012-03-11T06:00:00Z"},
      {"2012-03-11T06:00:00Z", "TZ=America/New_York 0 * * * ?", "2012-03-11T07:00:00Z"},
      {"2012-03-11T07:00:00Z", "CRON_TZ=America/New_York 0 * * * ?", "2012-03-11T08:00:00Z"},
      {"2012-03-11T05:00:00Z", "TZ=America/New_York 0 1 * * ?", "2012-03-11T06:00:00Z"},
      {"2012-03-11T06:00:00Z", "TZ=America/New_York 0 1 * * ?", "2012-03-12T05:00:00Z"},
      {"2012-03-11T05:00:00Z", "TZ=America/New_York 0 2 * * ?", "2012-03-12T06:00:00Z"},
      {"2012-11-04T04:00:00Z", "TZ=America/New_York 30 2 04 Nov ?", "2012-11-04T07:30:00Z"},
      {"2012-11-04T05:45:00Z", "TZ=America/New_York 30 1 04 Nov ?", "2012-11-04T06:30:00Z"},
      {"2012-11-04T04:00:00Z", "TZ=America/New_York 0 * * * ?", "2012-11-04T05:00:00Z"},
      {"2012-11-04T05:00:00Z", "TZ=America/New_York 0 * * * ?", "2012-11-04T06:00:00Z"},
      {"2012-11-04T06:00:00Z", "TZ=America/New_York 0 * * * ?", "2012-11-04T07:00:00Z"},
      {"2012-11-04T04:00:00Z", "TZ=America/New_York 0 1 * * ?", "2012-11-04T05:00:00Z"},
      {"2012-11-04T05:00:00Z", "TZ=America/New_York 0 1 * * ?", "2012-11-04T06:00:00Z"},
      {"2012-11-04T06:00:00Z", "TZ=America/New_York 0 1 * * ?", "2012-11-05T06:00:00Z"},
      {"2012-11-04T04:00:00Z", "TZ=America/New_York 0 2 * * ?", "2012-11-04T07:00:00Z"},
      {"2012-11-04T07:00:00Z", "TZ=America/New_York 0 2 * * ?", "2012-11-05T07:00:00Z"},
      {"2012-11-04T04:00:00Z", "TZ=America/New_York 0 3 * * ?", "2012-11-04T08:00:00Z"},
      {"2012-11-04T08:00:00Z", "TZ=America/New_York 0 3 * * ?", "2012-11-05T08:00:00Z"},
      {"2012-07-09T23:35:00Z", "0 0 30 Feb ?", "none"},
      {"2012-07-09T23:35:00Z", "0 0 31 Apr ?", "none"},
      {"2012-11-04T04:00:00Z", "TZ=America/New_York 0 3 3 * ?", "2012-12-03T08:00:00Z"},
      // Sao Paulo, where DST started at midnight (robfig issue 157).
      {"2018-10-17T09:00:00Z", "TZ=America/Sao_Paulo 0 9 10 * ?", "2018-11-10T11:00:00Z"},
      {"2018-02-14T10:00:00Z", "TZ=America/Sao_Paulo 0 9 22 * ?", "2018-02-22T12:00:00Z"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(NextOf(c.spec, c.after), c.next) << c.spec << " after " << c.after;
  }
}

// Answers of robfig/cron v3.0.1 itself (Go 1.19, tzdata 2025b), two fires each.
TEST_F(FireTimesTest, DaylightSavingInSeveralZones) {
  struct Case {
    const char* spec;
    const char* after;
    int64_t first, second;
  };
  const Case cases[] = {
      // Lord Howe: 30-minute DST. 01:30 repeats when DST ends: fires twice.
      {"TZ=Australia/Lord_Howe 30 1 * * *", "2024-04-06T00:00:00Z", 1712413800, 1712415600},
      {"TZ=Australia/Lord_Howe 45 1 * * *", "2024-04-06T12:00:00Z", 1712414700, 1712416500},
      // 02:15 does not exist when DST starts (02:00 -> 02:30): skipped that day.
      {"TZ=Australia/Lord_Howe 15 2 * * *", "2024-10-05T00:00:00Z", 1728227700, 1728314100},
      {"TZ=Australia/Lord_Howe 0 * * * *", "2024-10-05T15:00:00Z", 1728144000, 1728147600},
      // Dublin: tzdata's negative DST (IST is standard, GMT the "saving").
      {"TZ=Europe/Dublin 30 1 * * *", "2024-10-26T12:00:00Z", 1729989000, 1729992600},
      {"TZ=Europe/Dublin 30 1 * * *", "2024-03-30T12:00:00Z", 1711931400, 1712017800},
      {"TZ=Europe/Berlin 30 2 * * *", "2024-03-30T12:00:00Z", 1711931400, 1712017800},
      {"TZ=Europe/Berlin 30 2 * * *", "2024-10-26T12:00:00Z", 1729989000, 1729992600},
      {"TZ=America/New_York 30 2 * * *", "2024-03-09T12:00:00Z", 1710138600, 1710225000},
      {"TZ=Asia/Seoul 0 9 * * 1-5", "2026-01-01T00:00:00Z", 1767312000, 1767571200},
      // After 2037 the zone's POSIX rule decides.
      {"TZ=America/New_York 0 2 * * *", "2040-03-10T00:00:00Z", 2214975600, 2215144800},
      {"TZ=America/New_York 0 1 * * *", "2040-11-04T00:00:00Z", 2235618000, 2235621600},
  };
  for (const Case& c : cases) {
    const Schedule s = Parse(c.spec);
    FireTimes fires(s, At(c.after));
    std::optional<Instant> a = fires.Next(), b = fires.Next();
    ASSERT_TRUE(a && b) << c.spec;
    EXPECT_EQ(a->unix_seconds(), c.first) << c.spec << " after " << c.after;
    EXPECT_EQ(b->unix_seconds(), c.second) << c.spec << " after " << c.after;
  }
}

// robfig gives up after the fifth year: Feb 29 2100 does not exist, so from
// March 2096 the next Feb 29 (2104) is out of reach.
TEST_F(FireTimesTest, FiveYearHorizon) {
  EXPECT_EQ(NextOf("0 0 29 2 *", "2096-03-01T00:00:00Z"), "none");
  EXPECT_EQ(NextOf("0 0 29 2 *", "2097-03-01T00:00:00Z"), "none");
  EXPECT_EQ(NextOf("0 0 29 2 *", "2023-03-01T00:00:00Z"), "2024-02-29T00:00:00Z");
  // The horizon is the end of year+5 of the start, in the zone.
  EXPECT_EQ(NextOf("0 0 1 1 *", "2020-12-31T23:59:59Z"), "2021-01-01T00:00:00Z");
}

// Where a DST gap swallows midnight on the 1st of a month, robfig's first
// reset lands off midnight and its walk keeps the shifted clock: whole months
// or years are skipped. Answers of robfig/cron v3.0.1.
TEST_F(FireTimesTest, GapAtMidnightOfTheFirst) {
  EXPECT_EQ(Next(Parse("TZ=Europe/Moscow @yearly"), Instant::FromUnixSeconds(451536594))->unix_seconds(),
            504910800);  // 1986-01-01, not 1985-01-01
  EXPECT_FALSE(Next(Parse("TZ=America/Asuncion @yearly"), Instant::FromUnixSeconds(339429599)));
  EXPECT_EQ(Next(Parse("TZ=America/Managua 0 0 30 2 1"), Instant::FromUnixSeconds(726070395))->unix_seconds(),
            760597200);
  // Kathmandu moved from +05:30 to +05:45 at 1986-01-01 00:00: midnight became 00:15.
  EXPECT_FALSE(Next(Parse("CRON_TZ=Asia/Katmandu 0 0 29-31 2 *"), Instant::FromUnixSeconds(505159226)));
  const Schedule asuncion = Parse("TZ=America/Asuncion 1 1 15-16 ?/2 *");
  FireTimes fires(asuncion, Instant::FromUnixSeconds(812758705));
  EXPECT_EQ(fires.Next()->unix_seconds(), 819000060);
  EXPECT_EQ(fires.Next()->unix_seconds(), 821678460);
}

// The seed: a */1 CronJob from 07:59:30Z fires at 08:00:00Z, minute 29454240.
TEST_F(FireTimesTest, SeedEveryMinute) {
  const Schedule s = Parse("*/1 * * * *");
  FireTimes fires(s, At("2026-01-01T07:59:30Z"));
  EXPECT_EQ(fires.Next()->unix_seconds(), 29454240 * 60);
  EXPECT_EQ(fires.Next()->unix_seconds(), 29454241 * 60);
}

TEST_F(FireTimesTest, EveryIsAConstantDelay) {
  EXPECT_EQ(NextOf("@every 90s", "2026-01-01T00:00:00Z"), "2026-01-01T00:01:30Z");
  EXPECT_EQ(NextOf("@every 1h30m", "2026-01-01T00:00:10Z"), "2026-01-01T01:30:10Z");
  EXPECT_EQ(NextOf("@every 500ms", "2026-01-01T00:00:00Z"), "2026-01-01T00:00:01Z");
  EXPECT_EQ(NextOf("TZ=Asia/Seoul @every 1m", "2026-01-01T00:00:00Z"), "2026-01-01T00:01:00Z");
}

// robfig loops forever where a zone skipped a calendar day; kron resumes at
// the first day that exists.
TEST_F(FireTimesTest, SkippedCalendarDaysTerminate) {
  // Apia jumped from 2011-12-29 24:00 (-10) to 2011-12-31 00:00 (+14).
  EXPECT_EQ(NextOf("TZ=Pacific/Apia 0 12 * * *", "2011-12-29T22:00:00Z"), "2011-12-30T22:00:00Z");
  EXPECT_EQ(NextOf("TZ=Pacific/Apia 0 12 30 12 *", "2011-06-01T00:00:00Z"), "2012-12-29T22:00:00Z");
  // Kiritimati skipped 1994-12-31.
  EXPECT_EQ(NextOf("TZ=Pacific/Kiritimati 0 0 31 12 *", "1994-06-01T00:00:00Z"), "1995-12-30T10:00:00Z");
}

TEST_F(FireTimesTest, PrevAndMatches) {
  const Schedule s = Parse("0 9 * * 1-5");
  EXPECT_EQ(FormatRfc3339Utc(*Prev(s, At("2026-01-05T09:00:00Z"))), "2026-01-02T09:00:00Z");
  EXPECT_EQ(FormatRfc3339Utc(*Prev(s, At("2026-01-05T09:00:01Z"))), "2026-01-05T09:00:00Z");
  EXPECT_TRUE(Matches(s, At("2026-01-05T09:00:00Z")));
  EXPECT_FALSE(Matches(s, At("2026-01-04T09:00:00Z")));  // a Sunday
  EXPECT_FALSE(Prev(Parse("0 0 30 2 *"), At("2026-01-01T00:00:00Z")));
  // The repeated hour fires twice, so both are previous fire times in turn.
  const Schedule ny = Parse("TZ=America/New_York 0 1 * * *");
  EXPECT_EQ(Prev(ny, At("2012-11-04T06:00:01Z"))->unix_seconds(), At("2012-11-04T06:00:00Z").unix_seconds());
  EXPECT_EQ(Prev(ny, At("2012-11-04T06:00:00Z"))->unix_seconds(), At("2012-11-04T05:00:00Z").unix_seconds());
}

TEST_F(FireTimesTest, CanEverFire) {
  EXPECT_TRUE(CanEverFire(Parse("0 0 29 2 *")));
  EXPECT_FALSE(CanEverFire(Parse("0 0 30 2 *")));
  EXPECT_FALSE(CanEverFire(Parse("0 0 31 4,6,9,11 *")));
  EXPECT_TRUE(CanEverFire(Parse("0 0 31 4,6,9,11 1")));  // OR rule: Mondays still fire
  EXPECT_TRUE(CanEverFire(Parse("0 0 31 4,6,9,11,12 *")));
  EXPECT_TRUE(CanEverFire(Parse("@every 5m")));
  // robfig splits a field on commas and drops the empty pieces: "," selects nothing.
  EXPECT_FALSE(CanEverFire(Parse(", * ? * SUN")));
  EXPECT_FALSE(CanEverFire(Parse("0 , * * *")));
  EXPECT_FALSE(CanEverFire(Parse("0 0 1 , *")));
  EXPECT_TRUE(CanEverFire(Parse("30 0 2 * ,")));   // OR rule, no weekday: the 2nd still fires
  EXPECT_FALSE(CanEverFire(Parse("30 0 * * ,")));  // AND rule (dom *), no weekday
  EXPECT_EQ(NextOf("30 0 2 * ,", "2026-11-27T22:00:00Z"), "2026-12-02T00:30:00Z");
  // robfig v3.0.1 returns the zero time for each (checked with the oracle).
  EXPECT_EQ(NextOf(", * ? * SUN", "2026-11-27T22:00:00Z"), "none");
  EXPECT_EQ(NextOf("0 , * * *", "2026-11-27T22:00:00Z"), "none");
  EXPECT_EQ(NextOf("TZ=Europe/Berlin 5 0 , * *", "2026-03-27T22:00:00Z"), "none");
}

// The calendar search and the step-by-step replay must agree everywhere,
// transitions included.
TEST_F(FireTimesTest, CalendarSearchAgreesWithReplay) {
  const char* specs[] = {"*/5 * * * *",   "0 * * * *",      "30 2 * * *",     "0 0 * * *",
                         "15 1,2,3 * * *", "0 0 1 * *",      "0 0 29 2 *",     "0 12 * * 0",
                         "0 0 13 * 5",     "*/7 */3 * * *",  "0 0 31 * *",     "59 23 * * 6",
                         "0 0 1 1 *",      "45 0 * * *",     "0 0-5 * * 1-5",  "0 0 30 2 *"};
  const char* zone_names[] = {"",
                              "America/New_York",
                              "Europe/Berlin",
                              "Australia/Lord_Howe",
                              "Europe/Dublin",
                              "America/Sao_Paulo",
                              "America/Havana",
                              "Asia/Tehran",
                              "Pacific/Chatham",
                              "Antarctica/Troll",
                              "Africa/Casablanca",
                              "America/Santiago",
                              "Africa/Monrovia",
                              "Europe/Amsterdam",
                              "Europe/Moscow",
                              "America/Asuncion",
                              "Asia/Kathmandu"};
  std::mt19937_64 rng(20260101);
  // Instants from 1900 to 2100.
  std::uniform_int_distribution<int64_t> when(-2208988800, 4102444800);
  int compared = 0;
  for (const char* zone : zone_names) {
    for (const char* spec : specs) {
      const Schedule s = Parse(zone[0] ? std::string("TZ=") + zone + " " + spec : spec);
      for (int i = 0; i < 60; ++i) {
        const Instant t = Instant::FromUnixSeconds(when(rng));
        ASSERT_EQ(Next(s, t), NextByReplay(s, t)) << spec << " in " << zone << " after "
                                                   << t.unix_seconds();
        ++compared;
      }
    }
  }
  // Around each zone's transitions, where the two paths differ in approach.
  for (const char* zone : zone_names) {
    if (!zone[0]) continue;
    const Zone& z = **zones_->Find(zone);
    for (int64_t t = -2208988800; t < 4102444800;) {
      const Zone::Period p = z.PeriodAt(Instant::FromUnixSeconds(t));
      if (p.end == INT64_MAX) break;
      for (const char* spec : specs) {
        const Schedule s = Parse(std::string("TZ=") + zone + " " + spec);
        for (int64_t d : {-3 * 86400, -86400, -7200, -1800, -1, 0, 1800, 3600, 86400, 10 * 86400, 25 * 86400}) {
          const Instant at = Instant::FromUnixSeconds(p.end + d);
          ASSERT_EQ(Next(s, at), NextByReplay(s, at)) << spec << " in " << zone << " after "
                                                       << at.unix_seconds();
          ++compared;
        }
      }
      t = p.end + 150 * 86400;  // about one transition in two; both directions over the years
    }
  }
  EXPECT_GT(compared, 10000);
}

}  // namespace
}  // namespace kron
