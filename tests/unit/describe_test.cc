// Tests for kron::DescribeSchedule, DayMatching and ExplainDayMatching. The
// expected sentences are written by hand from robfig/cron v3's rules (the
// star bit of spec.go, getRange's `N/step`, the descriptors of parser.go).
#include <memory>
#include <ostream>
#include <string>

#include "absl/status/statusor.h"
#include "gtest/gtest.h"
#include "kron/describe.h"
#include "kron/schedule.h"
#include "kron/zone.h"
#include "system_zones.h"

namespace kron {
namespace {

Schedule Parse(absl::string_view spec) {
  absl::StatusOr<Schedule> s = ParseStandard(spec, Zones());
  EXPECT_TRUE(s.ok()) << spec << ": " << s.status();
  if (!s.ok()) std::abort();
  return *s;
}

struct Case {
  const char* spec;
  const char* sentence;
  friend void PrintTo(const Case& c, std::ostream* os) { *os << c.spec; }
};
class Describe : public testing::TestWithParam<Case> {};
TEST_P(Describe, Sentence) {
  EXPECT_EQ(DescribeSchedule(Parse(GetParam().spec)), GetParam().sentence) << GetParam().spec;
}

INSTANTIATE_TEST_SUITE_P(
    Table, Describe,
    testing::Values(
        // The examples.
        Case{"TZ=Asia/Seoul 0 */6 * * 1-5",
             "At minute 0 past every 6th hour, on Monday through Friday, in Asia/Seoul"},
        Case{"*/5 * * * *", "Every 5 minutes"}, Case{"30 2 * * *", "At 02:30"},
        Case{"0 9 1,15 * MON", "At 09:00, on day 1 and 15 of the month, or on Monday"},
        Case{"@every 90s", "Every 1m30s, counted from the previous run (not aligned to the clock)"},
        Case{"0 0 30 2 *", "At 00:00 on February 30 \xE2\x80\x94 never fires"},
        // Minutes alone.
        Case{"* * * * *", "Every minute"}, Case{"*/1 * * * *", "Every minute"},
        Case{"0-59/2 * * * *", "Every 2 minutes"}, Case{"*/15 * * * *", "Every 15 minutes"},
        Case{"*/30 * * * *", "Every 30 minutes"},
        // `*/7` restarts each hour (…, 49, 56, 0): not a 7-minute cadence.
        Case{"*/7 * * * *", "At every 7th minute from 0 through 56 past every hour"},
        Case{"5/15 * * * *", "At every 15th minute from 5 through 50 past every hour"},
        Case{"1-59/2 * * * *", "At every 2nd minute from 1 through 59 past every hour"},
        Case{"0 * * * *", "At minute 0 past every hour"},
        Case{"0 0-23 * * *", "At minute 0 past every hour"},
        // robfig's TestField list: 1,3,5,7 is one progression.
        Case{"1,5-7/2,3 * * * *", "At every 2nd minute from 1 through 7 past every hour"},
        Case{"0,10-20,30-50/5 * * * *",
             "At minute 0, 10 through 20 and every 5th from 30 through 50 past every hour"},
        Case{"0,2-5 * * * *", "At minute 0 and 2 through 5 past every hour"},
        // Minutes and hours.
        Case{"0 9,17 * * *", "At 09:00 and 17:00"},
        Case{"0,30 9,17 * * *", "At 09:00, 09:30, 17:00 and 17:30"},
        Case{"0,30 9,12,17 * * *", "Every 30 minutes past hour 9, 12 and 17"},
        Case{"0 */12 * * *", "At 00:00 and 12:00"},
        Case{"30 9-17 * * 1-5",
             "At minute 30 past every hour from 9 through 17, on Monday through Friday"},
        Case{"* 9 * * *", "Every minute from 09:00 through 09:59"},
        Case{"* 9-10 * * *", "Every minute from 09:00 through 10:59"},
        Case{"*/5 9-17 * * *", "Every 5 minutes from 09:00 through 17:55"},
        Case{"*/10 */2 * * *", "Every 10 minutes past every 2nd hour"},
        Case{"* */3 * * *", "Every minute past every 3rd hour"},
        Case{"0 */5 * * *", "At minute 0 past every 5th hour from 0 through 20"},
        Case{"23 0-20/2 * * *", "At minute 23 past every 2nd hour from 0 through 20"},
        Case{"59 23 31 12 *", "At 23:59 on December 31"},
        // Descriptors (parser.go parseDescriptor's bit sets).
        Case{"@hourly", "At minute 0 past every hour"}, Case{"@daily", "At 00:00"},
        Case{"@midnight", "At 00:00"}, Case{"@weekly", "At 00:00, on Sunday"},
        Case{"@monthly", "At 00:00, on day 1 of the month"},
        Case{"@yearly", "At 00:00 on January 1"}, Case{"@annually", "At 00:00 on January 1"},
        // Day of month only (day of week is a star: AND).
        Case{"0 0 1-7 * *", "At 00:00, on day 1 through 7 of the month"},
        Case{"0 0 1-5,10 * *", "At 00:00, on day 1 through 5 and 10 of the month"},
        Case{"0 0 */2 * *", "At 00:00, on every 2nd day of the month from 1 through 31"},
        Case{"0 0 1 * */1", "At 00:00, on day 1 of the month"},
        Case{"* * 1 * *", "Every minute, on day 1 of the month"},
        Case{"0 0 31 * ?", "At 00:00, on day 31 of the month"},
        // Day of week only.
        Case{"0 0 * * SAT,SUN", "At 00:00, on Sunday and Saturday"},
        Case{"0 0 * * mon,wed,fri", "At 00:00, on Monday, Wednesday and Friday"},
        Case{"0 0 * * */2", "At 00:00, on Sunday, Tuesday, Thursday and Saturday"},
        Case{"0 0 * * 1,3-5", "At 00:00, on Monday and Wednesday through Friday"},
        Case{"0 0 * * 0-6", "At 00:00"}, Case{"0 0 ? * ?", "At 00:00"},
        // Both restricted: robfig ORs.
        Case{"0 0 1 * 1-5", "At 00:00, on day 1 of the month, or on Monday through Friday"},
        Case{"0 0 */2 * 1",
             "At 00:00, on every 2nd day of the month from 1 through 31, or on Monday"},
        Case{"0 0 1-31 * 1",
             "At 00:00, on every day of the month, or on Monday (that is, every day)"},
        Case{"0 9 1 JAN,JUL MON",
             "At 09:00, in January and July, on day 1 of the month, or on Monday"},
        Case{"0 0 , * 1", "At 00:00, on Monday"},
        // Months.
        Case{"0 12 * JAN-JUN *", "At 12:00, in January through June"},
        Case{"0 12 * */3 *", "At 12:00, in January, April, July and October"},
        Case{"0 0 * 2-3,5,11-12 *", "At 00:00, in February, March, May, November and December"},
        Case{"0 0 1 may-AUG/2 *", "At 00:00, on day 1 of the month, in May and July"},
        // Never fires.
        Case{"0 0 29 2 *", "At 00:00 on February 29"},
        Case{"0 0 31 2,4 *",
             "At 00:00, on day 31 of the month, in February and April \xE2\x80\x94 never fires"},
        Case{", * * * *", "Never fires: the minute field selects no value"},
        Case{"0 , * * *", "Never fires: the hour field selects no value"},
        Case{"0 0 * , *", "Never fires: the month field selects no value"},
        Case{"0 0 , * *", "Never fires: the day-of-month field selects no value"},
        Case{"0 0 * * ,", "Never fires: the day-of-week field selects no value"},
        Case{"0 0 , * ,", "Never fires: neither day field selects a value"},
        // Zones: named unless UTC.
        Case{"TZ=UTC 0 0 * * *", "At 00:00"},
        Case{"CRON_TZ=America/New_York 30 2 * * *", "At 02:30, in America/New_York"},
        Case{"TZ=Etc/UTC 30 2 * * *", "At 02:30, in Etc/UTC"},
        Case{"TZ=Europe/Berlin 0 0 30 2 *",
             "At 00:00 on February 30, in Europe/Berlin \xE2\x80\x94 never fires"},
        // @every: whole seconds, at least one (constantdelay.go).
        Case{"@every 500ms", "Every 1s, counted from the previous run (not aligned to the clock)"},
        Case{"@every 1h30m", "Every 1h30m, counted from the previous run (not aligned to the clock)"},
        Case{"@every 3605s",
             "Every 1h0m5s, counted from the previous run (not aligned to the clock)"},
        Case{"TZ=Asia/Tokyo @every 1h",
             "Every 1h, counted from the previous run (not aligned to the clock; the zone "
             "Asia/Tokyo has no effect)"}));

TEST(Describe, NameUtcWhenAsked) {
  EXPECT_EQ(DescribeSchedule(Parse("30 2 * * *"), {.name_utc = true}), "At 02:30, in UTC");
  EXPECT_EQ(DescribeSchedule(Parse("TZ=Asia/Seoul 30 2 * * *"), {.name_utc = true}),
            "At 02:30, in Asia/Seoul");
}

TEST(Describe, BuiltFromFieldsNotText) {
  // Bits handed straight to Schedule::Cron: only the bits matter.
  CronFields f;
  f.minute = uint64_t{1} << 45;
  f.hour = uint32_t{1} << 6;
  f.dom = ~uint32_t{0} & ~uint32_t{1};
  f.month = 0x1ffe;
  f.dow = 0x3e;  // Monday–Friday
  f.dom_star = true;
  EXPECT_EQ(DescribeSchedule(Schedule::Cron(f, Zones().utc())),
            "At 06:45, on Monday through Friday");
}

TEST(DayMatching, StarBitDecides) {
  struct M {
    const char* spec;
    DayMatch want;
  };
  for (const M& m : {M{"0 0 * * *", DayMatch::kAnd}, M{"0 0 1 * *", DayMatch::kAnd},
                     M{"0 0 * * 1", DayMatch::kAnd}, M{"0 0 */1 * 1", DayMatch::kAnd},
                     M{"0 0 ? * 1", DayMatch::kAnd}, M{"0 0 1,* * 1", DayMatch::kAnd},
                     M{"0 0 1 * 1", DayMatch::kOr}, M{"0 0 */2 * 1", DayMatch::kOr},
                     M{"0 0 1-31 * 1", DayMatch::kOr}, M{"0 0 1 * 0-6", DayMatch::kOr},
                     M{"@weekly", DayMatch::kAnd}, M{"@every 1h", DayMatch::kAnd}}) {
    EXPECT_EQ(DayMatching(Parse(m.spec)), m.want) << m.spec;
  }
}

TEST(DayMatching, Explanations) {
  EXPECT_EQ(ExplainDayMatching(Parse("0 0 * * *")),
            "Neither day field is restricted (both are *, ? or */1), so every day matches.");
  EXPECT_EQ(ExplainDayMatching(Parse("0 0 * * 1-5")),
            "The day-of-month field is unrestricted (*, ? or */1), so robfig/cron requires both "
            "fields to match and only the day of week decides (it would OR them only if neither "
            "field had such an item).");
  EXPECT_EQ(ExplainDayMatching(Parse("0 0 1 * ?")),
            "The day-of-week field is unrestricted (*, ? or */1), so robfig/cron requires both "
            "fields to match and only the day of month decides (it would OR them only if neither "
            "field had such an item).");
  EXPECT_EQ(ExplainDayMatching(Parse("0 9 1,15 * MON")),
            "Both day fields are restricted, so robfig/cron fires on a day when EITHER the day of "
            "month OR the day of week matches (Vixie cron ORs here too; only *, ? and */1 make a "
            "field unrestricted, so 1-31 or 0-6 counts as a restriction).");
  // `*/2`: a restriction for robfig, unrestricted for Vixie (leading `*`).
  EXPECT_EQ(ExplainDayMatching(Parse("0 0 */2 * 1")),
            "Both day fields are restricted, so robfig/cron fires on a day when EITHER the day of "
            "month OR the day of week matches (if a field was written */N, note that Vixie cron, "
            "which treats any field starting with * as unrestricted, would require BOTH to match; "
            "robfig counts only *, ? and */1 as unrestricted).");
  EXPECT_EQ(ExplainDayMatching(Parse("0 0 1-31 * 1")),
            "Both day fields are restricted, so robfig/cron fires on a day when EITHER the day of "
            "month OR the day of week matches (Vixie cron ORs here too; only *, ? and */1 make a "
            "field unrestricted, so 1-31 or 0-6 counts as a restriction), and since one field "
            "already covers every day, every day matches.");
  EXPECT_EQ(ExplainDayMatching(Parse("@every 5m")),
            "An @every schedule does not look at days: it fires a fixed interval after the "
            "previous run.");
}

}  // namespace
}  // namespace kron
