// zone_test — kron::Zone and kron::TimeZones against hand-computed answers
// (each also confirmed with Go 1.19's time package, which robfig/cron uses).
#include "kron/zone.h"

#include <chrono>

#include "gtest/gtest.h"

namespace kron {
namespace {

Instant At(int64_t unix) { return Instant::FromUnixSeconds(unix); }
Instant Utc(int y, unsigned m, unsigned d, int h = 0, int mi = 0, int s = 0) {
  const auto days = date::sys_days(date::year(y) / date::month(m) / date::day(d));
  return At(int64_t{days.time_since_epoch().count()} * 86400 + h * 3600 + mi * 60 + s);
}
LocalSeconds Local(int y, unsigned m, unsigned d, int h = 0, int mi = 0, int s = 0) {
  return LocalSeconds(std::chrono::seconds(Utc(y, m, d, h, mi, s).unix_seconds()));
}

class ZoneTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto z = TimeZones::LoadSystem();
    ASSERT_TRUE(z.ok()) << z.status();
    zones_ = z->release();
  }
  static const Zone& Get(const char* name) {
    auto z = zones_->Find(name);
    EXPECT_TRUE(z.ok()) << name << ": " << z.status();
    return **z;
  }
  static TimeZones* zones_;
};
TimeZones* ZoneTest::zones_ = nullptr;

TEST_F(ZoneTest, NewYorkTransitions2021) {
  const Zone& ny = Get("America/New_York");
  // DST starts on the second Sunday of March at 02:00 EST = 07:00Z.
  EXPECT_EQ(ny.OffsetAt(Utc(2021, 3, 14, 6, 59, 59)), -5 * 3600);
  EXPECT_EQ(ny.OffsetAt(Utc(2021, 3, 14, 7)), -4 * 3600);
  // ...and ends on the first Sunday of November at 02:00 EDT = 06:00Z.
  EXPECT_EQ(ny.OffsetAt(Utc(2021, 11, 7, 5, 59, 59)), -4 * 3600);
  EXPECT_EQ(ny.OffsetAt(Utc(2021, 11, 7, 6)), -5 * 3600);
  Zone::Period p = ny.PeriodAt(Utc(2021, 7, 1));
  EXPECT_EQ(p.start, Utc(2021, 3, 14, 7).unix_seconds());
  EXPECT_EQ(p.end, Utc(2021, 11, 7, 6).unix_seconds());
  EXPECT_TRUE(p.is_dst);
  EXPECT_FALSE(ny.PeriodAt(Utc(2021, 1, 1)).is_dst);
  // Before 1883-11-18 17:00 local mean time: LMT -4:56:02.
  EXPECT_EQ(ny.OffsetAt(Utc(1800, 1, 1)), -17762);
}

TEST_F(ZoneTest, BerlinTransitions2021) {
  const Zone& berlin = Get("Europe/Berlin");
  // EU rule: last Sunday of March/October at 01:00 UTC.
  EXPECT_EQ(berlin.OffsetAt(Utc(2021, 3, 28, 0, 59, 59)), 3600);
  EXPECT_EQ(berlin.OffsetAt(Utc(2021, 3, 28, 1)), 7200);
  EXPECT_EQ(berlin.OffsetAt(Utc(2021, 10, 31, 0, 59, 59)), 7200);
  EXPECT_EQ(berlin.OffsetAt(Utc(2021, 10, 31, 1)), 3600);
  EXPECT_EQ(berlin.OffsetAt(Utc(1800, 1, 1)), 3208);  // LMT +0:53:28
}

TEST_F(ZoneTest, LordHoweHalfHourDst) {
  const Zone& lh = Get("Australia/Lord_Howe");
  // +10:30 standard, +11 in summer; DST ends first Sunday of April at 02:00
  // local DST (= 2021-04-03 15:00Z).
  EXPECT_EQ(lh.OffsetAt(Utc(2021, 4, 3, 14, 59, 59)), 11 * 3600);
  EXPECT_EQ(lh.OffsetAt(Utc(2021, 4, 3, 15)), 10 * 3600 + 1800);
  EXPECT_EQ(lh.OffsetAt(Utc(2021, 7, 1)), 10 * 3600 + 1800);
  EXPECT_EQ(lh.OffsetAt(Utc(2022, 1, 1)), 11 * 3600);
  // The rule era: same answers in 2100.
  EXPECT_EQ(lh.OffsetAt(Utc(2100, 7, 1)), 10 * 3600 + 1800);
  EXPECT_EQ(lh.OffsetAt(Utc(2100, 1, 1)), 11 * 3600);
}

TEST_F(ZoneTest, DublinNegativeDst) {
  // tzdata models Irish winter time as the DST period (save -1h): GMT is
  // flagged is_dst and IST is standard. Go reports the same flags.
  const Zone& dublin = Get("Europe/Dublin");
  Zone::Period winter = dublin.PeriodAt(Utc(2021, 1, 15));
  EXPECT_EQ(winter.offset, 0);
  EXPECT_TRUE(winter.is_dst);
  Zone::Period summer = dublin.PeriodAt(Utc(2021, 7, 15));
  EXPECT_EQ(summer.offset, 3600);
  EXPECT_FALSE(summer.is_dst);
  // Footer IST-1GMT0,M10.5.0,M3.5.0/1 carries it on.
  EXPECT_EQ(dublin.OffsetAt(Utc(2050, 1, 15)), 0);
  EXPECT_TRUE(dublin.PeriodAt(Utc(2050, 1, 15)).is_dst);
  EXPECT_EQ(dublin.OffsetAt(Utc(2500, 7, 1)), 3600);
}

TEST_F(ZoneTest, Seoul) {
  const Zone& seoul = Get("Asia/Seoul");
  EXPECT_EQ(seoul.OffsetAt(Utc(1988, 5, 8, 12)), 10 * 3600);  // KDT, 1987–88 Olympics DST
  EXPECT_EQ(seoul.OffsetAt(Utc(2021, 5, 8, 12)), 9 * 3600);
  EXPECT_EQ(seoul.OffsetAt(Utc(1900, 1, 1)), 30472);  // LMT +8:27:52
  EXPECT_EQ(seoul.OffsetAt(Utc(2300, 5, 8)), 9 * 3600);
}

TEST_F(ZoneTest, ApiaSkipsDecember30_2011) {
  const Zone& apia = Get("Pacific/Apia");
  // Midnight starting 2011-12-30 at -10 (= 10:00Z) became 2011-12-31 00:00 at +14.
  EXPECT_EQ(apia.OffsetAt(Utc(2011, 12, 30, 9, 59, 59)), -10 * 3600);
  EXPECT_EQ(apia.OffsetAt(Utc(2011, 12, 30, 10)), 14 * 3600);
  // A reading on the skipped day lands a day later (Go: 2011-12-31T12:00+14:00).
  EXPECT_EQ(apia.FromLocal(Local(2011, 12, 30, 12)), Utc(2011, 12, 30, 22));
}

TEST_F(ZoneTest, KiritimatiSkipsDecember31_1994) {
  const Zone& k = Get("Pacific/Kiritimati");
  EXPECT_EQ(k.OffsetAt(Utc(1994, 12, 31, 9, 59, 59)), -10 * 3600);
  EXPECT_EQ(k.OffsetAt(Utc(1994, 12, 31, 10)), 14 * 3600);
  EXPECT_EQ(k.FromLocal(Local(1994, 12, 31, 12)), Utc(1994, 12, 31, 22));  // 1995-01-01 12:00+14
}

TEST_F(ZoneTest, FromLocalGapsAndOverlapsNorth) {
  const Zone& ny = Get("America/New_York");
  // Gap: 02:30 does not exist on 2021-03-14. Go answers 01:30 EST (06:30Z).
  EXPECT_EQ(ny.FromLocal(Local(2021, 3, 14, 2, 30)), Utc(2021, 3, 14, 6, 30));
  // Overlap: 01:30 happens twice on 2021-11-07. Go picks the first (EDT, 05:30Z).
  EXPECT_EQ(ny.FromLocal(Local(2021, 11, 7, 1, 30)), Utc(2021, 11, 7, 5, 30));
  // Ordinary readings.
  EXPECT_EQ(ny.FromLocal(Local(2021, 7, 1, 12)), Utc(2021, 7, 1, 16));
  EXPECT_EQ(ny.FromLocal(Local(2021, 1, 1, 12)), Utc(2021, 1, 1, 17));
  // In the rule era: the gap of 2100-03-14 also resolves to 01:30 EST.
  EXPECT_EQ(ny.FromLocal(Local(2100, 3, 14, 2, 30)), Utc(2100, 3, 14, 6, 30));

  const Zone& berlin = Get("Europe/Berlin");
  // Gap: Go answers 03:30 CEST (01:30Z) for 02:30 on 2021-03-28.
  EXPECT_EQ(berlin.FromLocal(Local(2021, 3, 28, 2, 30)), Utc(2021, 3, 28, 1, 30));
  // Overlap: Go picks the second 02:30 (CET, 01:30Z) on 2021-10-31.
  EXPECT_EQ(berlin.FromLocal(Local(2021, 10, 31, 2, 30)), Utc(2021, 10, 31, 1, 30));
}

TEST_F(ZoneTest, FromLocalGapsAndOverlapsSouth) {
  const Zone& sydney = Get("Australia/Sydney");
  // Gap 2021-10-03 02:00–03:00: Go answers 03:30 AEDT (16:30Z the day before).
  EXPECT_EQ(sydney.FromLocal(Local(2021, 10, 3, 2, 30)), Utc(2021, 10, 2, 16, 30));
  // Overlap 2021-04-04 02:00–03:00: Go picks the second (AEST, 16:30Z).
  EXPECT_EQ(sydney.FromLocal(Local(2021, 4, 4, 2, 30)), Utc(2021, 4, 3, 16, 30));

  const Zone& lh = Get("Australia/Lord_Howe");
  // 30-minute gap 02:00–02:30 on 2021-10-03: 02:15 becomes 02:45 +11.
  EXPECT_EQ(lh.FromLocal(Local(2021, 10, 3, 2, 15)), Utc(2021, 10, 2, 15, 45));
  // 30-minute overlap 01:30–02:00 on 2021-04-04: Go picks +10:30.
  EXPECT_EQ(lh.FromLocal(Local(2021, 4, 4, 1, 45)), Utc(2021, 4, 3, 15, 15));

  // Sao Paulo's old midnight gap (2018-11-04 00:00–01:00): 00:30 → 23:30 -03 the day before.
  EXPECT_EQ(Get("America/Sao_Paulo").FromLocal(Local(2018, 11, 4, 0, 30)), Utc(2018, 11, 4, 2, 30));
}

TEST_F(ZoneTest, RuleEraAfter2037) {
  const Zone& ny = Get("America/New_York");
  EXPECT_EQ(ny.OffsetAt(Utc(2040, 3, 11, 6, 59, 59)), -5 * 3600);
  EXPECT_EQ(ny.OffsetAt(Utc(2040, 3, 11, 7)), -4 * 3600);
  EXPECT_EQ(ny.OffsetAt(Utc(2399, 11, 7, 5, 59, 59)), -4 * 3600);
  EXPECT_EQ(ny.OffsetAt(Utc(2399, 11, 7, 6)), -5 * 3600);
  // Beyond the expanded table (after 2400) the rule answers directly.
  EXPECT_EQ(ny.OffsetAt(Utc(3000, 7, 1)), -4 * 3600);
  EXPECT_EQ(ny.OffsetAt(Utc(9999, 3, 14, 7)), -4 * 3600);
  EXPECT_EQ(ny.OffsetAt(Utc(9999, 3, 14, 6, 59, 59)), -5 * 3600);
  // 9999: second Sunday of March is the 14th; DST ends Sunday November 7.
  Zone::Period p = ny.PeriodAt(Utc(9999, 7, 1));
  EXPECT_EQ(p.start, Utc(9999, 3, 14, 7).unix_seconds());
  EXPECT_EQ(p.end, Utc(9999, 11, 7, 6).unix_seconds());
  EXPECT_EQ(Get("Australia/Sydney").OffsetAt(Utc(2500, 1, 1)), 11 * 3600);
  // Zones without DST have no rule to evaluate.
  EXPECT_EQ(Get("Asia/Tokyo").OffsetAt(Utc(5000, 1, 1)), 9 * 3600);
}

TEST_F(ZoneTest, PeriodsTileTheTimeline) {
  const Zone& ny = Get("America/New_York");
  int64_t t = Utc(1850, 1, 1).unix_seconds();
  int n = 0;
  while (t < Utc(2600, 1, 1).unix_seconds()) {
    Zone::Period p = ny.PeriodAt(At(t));
    ASSERT_LE(p.start, t);
    ASSERT_GT(p.end, t);
    Zone::Period next = ny.PeriodAt(At(p.end));
    ASSERT_EQ(next.start, p.end);
    ASSERT_TRUE(next.offset != p.offset || next.is_dst != p.is_dst) << p.end;
    t = p.end;
    ++n;
  }
  EXPECT_GT(n, 1000);
}

// ---------------------------------------------------------------------------
// Zone construction and POSIX TZ rules.

TEST(ZoneBuildTest, Fixed) {
  Zone utc = Zone::Fixed("UTC", 0);
  EXPECT_TRUE(utc.is_fixed());
  EXPECT_EQ(utc.name(), "UTC");
  Zone::Period p = utc.PeriodAt(At(123));
  EXPECT_EQ(p.offset, 0);
  EXPECT_EQ(p.start, INT64_MIN);
  EXPECT_EQ(p.end, INT64_MAX);
  Zone plus = Zone::Fixed("X", 5 * 3600 + 1800);
  EXPECT_EQ(plus.FromLocal(Local(2021, 1, 1, 5, 30)), Utc(2021, 1, 1));
}

TEST(ZoneBuildTest, DropsTransitionsThatChangeNothing) {
  auto z = Zone::FromTransitions("T", {100, 200, 300}, {0, 0, 3600, 3600}, {false, false, true, true},
                                 "");
  ASSERT_TRUE(z.ok()) << z.status();
  Zone::Period p = z->PeriodAt(At(150));
  EXPECT_EQ(p.start, INT64_MIN);
  EXPECT_EQ(p.end, 200);
  p = z->PeriodAt(At(250));
  EXPECT_EQ(p.start, 200);
  EXPECT_EQ(p.end, INT64_MAX);
  // A change of the DST flag alone is kept.
  z = Zone::FromTransitions("T", {100}, {0, 0}, {false, true}, "");
  ASSERT_TRUE(z.ok());
  EXPECT_EQ(z->PeriodAt(At(0)).end, 100);
}

TEST(ZoneBuildTest, RejectsInconsistentInput) {
  EXPECT_FALSE(Zone::FromTransitions("T", {1}, {0}, {false}, "").ok());
  EXPECT_FALSE(Zone::FromTransitions("T", {2, 1}, {0, 1, 2}, {false, false, false}, "").ok());
}

TEST(ZoneBuildTest, PosixRules) {
  const int64_t t2030 = Utc(2030, 1, 1).unix_seconds();
  auto make = [&](const char* rule) {
    auto z = Zone::FromTransitions("T", {t2030}, {0, 0}, {false, false}, rule);
    EXPECT_TRUE(z.ok()) << rule;
    return *std::move(z);
  };
  // US rule with implicit DST offset (std + 1h) and default 02:00.
  Zone us = make("EST5EDT,M3.2.0,M11.1.0");
  EXPECT_EQ(us.OffsetAt(Utc(2040, 3, 11, 6, 59, 59)), -5 * 3600);
  EXPECT_EQ(us.OffsetAt(Utc(2040, 3, 11, 7)), -4 * 3600);
  // "EST5EDT" alone takes tzcode's default US rule, as Go does.
  EXPECT_EQ(make("EST5EDT").OffsetAt(Utc(2040, 3, 11, 7)), -4 * 3600);
  // Quoted names, standard time only.
  Zone plus5 = make("<+05>-5");
  EXPECT_EQ(plus5.OffsetAt(Utc(2040, 7, 1)), 5 * 3600);
  EXPECT_EQ(plus5.OffsetAt(Utc(2029, 7, 1)), 0);  // the table still rules before
  // Negative transition times (Nuuk): M3.5.0/-1 is Saturday 23:00 local.
  Zone nuuk = make("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
  // 2040-03-25 is the last Sunday of March; -1h is Saturday 23:00 at -02
  // = 2040-03-25 01:00Z.
  EXPECT_EQ(nuuk.OffsetAt(Utc(2040, 3, 25, 0, 59, 59)), -2 * 3600);
  EXPECT_EQ(nuuk.OffsetAt(Utc(2040, 3, 25, 1)), -1 * 3600);
  // Times of 24h and beyond (Santiago): M9.1.6/24 is Sunday 00:00 after the first Saturday.
  Zone scl = make("<-04>4<-03>,M9.1.6/24,M4.1.6/24");
  // 2040-09-01 is a Saturday: DST starts 2040-09-02 00:00 -04 = 04:00Z.
  EXPECT_EQ(scl.OffsetAt(Utc(2040, 9, 2, 3, 59, 59)), -4 * 3600);
  EXPECT_EQ(scl.OffsetAt(Utc(2040, 9, 2, 4)), -3 * 3600);
  // Gaza's /50: 50 hours after the start of the 4th Thursday.
  Zone gaza = make("EET-2EEST,M3.4.4/50,M10.4.4/50");
  // 2040-03-22 is the 4th Thursday; +50h = Saturday 2040-03-24 02:00 EET = 00:00Z.
  EXPECT_EQ(gaza.OffsetAt(Utc(2040, 3, 23, 23, 59, 59)), 2 * 3600);
  EXPECT_EQ(gaza.OffsetAt(Utc(2040, 3, 24, 0)), 3 * 3600);
  // Julian days never count Feb 29 (J60 is always March 1); zero-based days
  // do (60 is March 1 in leap years, March 2 otherwise).
  Zone j = make("AAA0BBB,J60/0,J300/0");
  EXPECT_EQ(j.OffsetAt(Utc(2040, 2, 29, 23, 59, 59)), 0);
  EXPECT_EQ(j.OffsetAt(Utc(2040, 3, 1)), 3600);
  EXPECT_EQ(j.OffsetAt(Utc(2041, 2, 28, 23, 59, 59)), 0);
  EXPECT_EQ(j.OffsetAt(Utc(2041, 3, 1)), 3600);
  Zone n = make("AAA0BBB,60/0,300/0");
  EXPECT_EQ(n.OffsetAt(Utc(2040, 2, 29, 23, 59, 59)), 0);
  EXPECT_EQ(n.OffsetAt(Utc(2040, 3, 1)), 3600);
  EXPECT_EQ(n.OffsetAt(Utc(2041, 3, 1, 23, 59, 59)), 0);
  EXPECT_EQ(n.OffsetAt(Utc(2041, 3, 2)), 3600);
  // J300 in 2041 is October 27 (day 300 of a common year); 300 is October 28.
  // The end time is local daylight time: 00:00 at +1 is 23:00Z the day before.
  EXPECT_EQ(j.OffsetAt(Utc(2041, 10, 26, 22, 59, 59)), 3600);
  EXPECT_EQ(j.OffsetAt(Utc(2041, 10, 26, 23)), 0);
  EXPECT_EQ(n.OffsetAt(Utc(2041, 10, 27, 22, 59, 59)), 3600);
  EXPECT_EQ(n.OffsetAt(Utc(2041, 10, 27, 23)), 0);
  // Offsets with minutes and seconds.
  EXPECT_EQ(make("<+0530>-5:30").OffsetAt(Utc(2040, 1, 1)), 5 * 3600 + 1800);
  EXPECT_EQ(make("LMT-0:53:28").OffsetAt(Utc(2040, 1, 1)), 3208);
  // A rule Go cannot parse leaves the last zone in force.
  EXPECT_EQ(make("X5").OffsetAt(Utc(2040, 7, 1)), 0);
  EXPECT_EQ(make("EST5EDT,M13.1.0,M11.1.0").OffsetAt(Utc(2040, 7, 1)), 0);
}

TEST(ZoneBuildTest, SouthernRuleWithoutTransitions) {
  // No table at all: the rule decides everywhere.
  auto z = Zone::FromTransitions("T", {}, {0}, {false}, "AEST-10AEDT,M10.1.0,M4.1.0/3");
  ASSERT_TRUE(z.ok());
  EXPECT_EQ(z->OffsetAt(Utc(2021, 1, 1)), 11 * 3600);
  EXPECT_EQ(z->OffsetAt(Utc(2021, 7, 1)), 10 * 3600);
  EXPECT_EQ(z->OffsetAt(Utc(3021, 1, 1)), 11 * 3600);
  EXPECT_EQ(z->OffsetAt(Utc(3021, 7, 1)), 10 * 3600);
}

// ---------------------------------------------------------------------------
// TimeZones

TEST_F(ZoneTest, Version) {
  EXPECT_EQ(zones_->version(), "2025b");  // the tzdata installed (tzdata.zi)
}

TEST_F(ZoneTest, NamesSortedWithLinks) {
  const auto& names = zones_->names();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_TRUE(std::adjacent_find(names.begin(), names.end()) == names.end());
  for (const char* n : {"America/New_York", "US/Eastern", "Europe/Berlin", "UTC", "Etc/GMT+5"}) {
    EXPECT_TRUE(std::binary_search(names.begin(), names.end(), n)) << n;
  }
  EXPECT_GT(names.size(), 500u);
}

TEST_F(ZoneTest, FindSpecialNames) {
  for (const char* n : {"", "UTC", "Local"}) {
    auto z = zones_->Find(n);
    ASSERT_TRUE(z.ok()) << n;
    EXPECT_EQ(*z, &zones_->utc()) << n;
  }
  EXPECT_EQ(zones_->utc().name(), "UTC");
  // Etc/UTC is a zone of its own (Go names it so).
  auto etc = zones_->Find("Etc/UTC");
  ASSERT_TRUE(etc.ok());
  EXPECT_EQ((*etc)->name(), "Etc/UTC");
  EXPECT_EQ((*etc)->OffsetAt(Utc(2021, 1, 1)), 0);
}

TEST_F(ZoneTest, FindIsStable) {
  auto a = zones_->Find("Asia/Kolkata");
  auto b = zones_->Find("Asia/Kolkata");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  EXPECT_EQ((*a)->OffsetAt(Utc(2021, 1, 1)), 5 * 3600 + 1800);
  // A link compiles to the same offsets as its target.
  EXPECT_EQ((*zones_->Find("US/Eastern"))->OffsetAt(Utc(2021, 7, 1)), -4 * 3600);
}

TEST_F(ZoneTest, FindErrorsCarryGoTexts) {
  // src/time/zoneinfo.go and zoneinfo_read.go.
  for (const char* n : {"../etc/passwd", "America/../UTC", "/etc/localtime", "\\UTC"}) {
    auto z = zones_->Find(n);
    EXPECT_EQ(z.status().code(), absl::StatusCode::kInvalidArgument) << n;
    EXPECT_EQ(z.status().message(), "time: invalid location name") << n;
  }
  auto mars = zones_->Find("Mars/Base");
  EXPECT_EQ(mars.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(mars.status().message(), "unknown time zone Mars/Base");
  EXPECT_EQ(zones_->Find("america/new_york").status().message(),
            "unknown time zone america/new_york");  // names are case-sensitive
  EXPECT_EQ(zones_->Find("America").status().message(), "is a directory");
  EXPECT_EQ(zones_->Find("UTC/x").status().message(), "not a directory");
  EXPECT_EQ(zones_->Find("zone.tab").status().message(), "malformed time zone information");
}

}  // namespace
}  // namespace kron
