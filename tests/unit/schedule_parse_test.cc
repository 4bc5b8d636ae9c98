// Tests for kron::ParseStandard against robfig/cron v3.0.1: the vectors of
// robfig's parser_test.go and spec_test.go that apply to ParseStandard
// (TestRange, TestField, TestAll, TestBits, TestParseScheduleErrors,
// TestParseSchedule, TestStandardSpecSchedule, TestErrors, TestSlash0NoHang),
// re-expressed as whole specs, then hand-written cases for every error text
// robfig produces and the span kron attaches to it. Expected texts follow
// robfig's parser.go format strings and Go's strconv/time error texts.
#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "gtest/gtest.h"
#include "kron/schedule.h"
#include "kron/zone.h"
#include "system_zones.h"

namespace kron {
namespace {

absl::StatusOr<Schedule> Parse(absl::string_view spec) { return ParseStandard(spec, Zones()); }

// Bit i for each listed i.
template <typename T = uint64_t>
T Bits(std::initializer_list<int> values) {
  T bits = 0;
  for (int v : values) bits |= T{1} << v;
  return bits;
}
uint64_t BitRange(int lo, int hi) {
  uint64_t bits = 0;
  for (int v = lo; v <= hi; ++v) bits |= uint64_t{1} << v;
  return bits;
}

// robfig's all(): every value of the field, with the star bit.
CronFields EveryMinute() {
  CronFields f;
  f.minute = BitRange(0, 59);
  f.hour = static_cast<uint32_t>(BitRange(0, 23));
  f.dom = static_cast<uint32_t>(BitRange(1, 31));
  f.month = static_cast<uint16_t>(BitRange(1, 12));
  f.dow = static_cast<uint8_t>(BitRange(0, 6));
  f.dom_star = true;
  f.dow_star = true;
  return f;
}

CronFields ParseFields(absl::string_view spec) {
  absl::StatusOr<Schedule> s = Parse(spec);
  EXPECT_TRUE(s.ok()) << "'" << spec << "': " << s.status();
  if (!s.ok()) return {};
  EXPECT_EQ(s->kind(), Schedule::Kind::kCron) << spec;
  return s->fields();
}

// --- parser_test.go TestAll: `*` in each field is the whole range + star. ---
TEST(ParseStandard, AllStarsIsRobfigAll) {
  const CronFields f = ParseFields("* * * * *");
  EXPECT_EQ(f.minute, 0xfffffffffffffffu);
  EXPECT_EQ(f.hour, 0xffffffu);
  EXPECT_EQ(f.dom, 0xfffffffeu);
  EXPECT_EQ(f.month, 0x1ffe);
  EXPECT_EQ(f.dow, 0x7f);
  EXPECT_TRUE(f.dom_star);
  EXPECT_TRUE(f.dow_star);
  EXPECT_TRUE(f.days_and());
  EXPECT_EQ(f, EveryMinute());
}

// --- parser_test.go TestRange / TestField / TestBits, in the minute field
// (bounds 0–59) unless the vector needs other bounds. ---
struct FieldCase {
  const char* spec;
  uint64_t minute;
};
class MinuteField : public testing::TestWithParam<FieldCase> {};
TEST_P(MinuteField, Bits) { EXPECT_EQ(ParseFields(GetParam().spec).minute, GetParam().minute); }
INSTANTIATE_TEST_SUITE_P(
    RobfigVectors, MinuteField,
    testing::Values(
        // TestRange
        FieldCase{"5 * * * *", Bits({5})}, FieldCase{"0 * * * *", Bits({0})},
        FieldCase{"7 * * * *", Bits({7})}, FieldCase{"5-5 * * * *", Bits({5})},
        FieldCase{"5-6 * * * *", Bits({5, 6})}, FieldCase{"5-7 * * * *", Bits({5, 6, 7})},
        FieldCase{"5-6/2 * * * *", Bits({5})}, FieldCase{"5-7/2 * * * *", Bits({5, 7})},
        FieldCase{"5-7/1 * * * *", Bits({5, 6, 7})},
        // TestField
        FieldCase{"5,6 * * * *", Bits({5, 6})}, FieldCase{"5,6,7 * * * *", Bits({5, 6, 7})},
        FieldCase{"1,5-7/2,3 * * * *", Bits({1, 3, 5, 7})},
        // TestBits
        FieldCase{"0-0 * * * *", 0x1}, FieldCase{"1-1 * * * *", 0x2},
        FieldCase{"1-5/2 * * * *", 0x2a}, FieldCase{"1-4/2 * * * *", 0xa},
        // `N/step` runs to the maximum.
        FieldCase{"50/3 * * * *", Bits({50, 53, 56, 59})},
        FieldCase{"*/15 * * * *", Bits({0, 15, 30, 45})},
        FieldCase{"59 * * * *", Bits({59})},
        // Steps larger than the range, up to int64's maximum.
        FieldCase{"7/60 * * * *", Bits({7})},
        FieldCase{"0-59/9223372036854775807 * * * *", Bits({0})},
        // Atoi accepts a sign and leading zeros.
        FieldCase{"+5 * * * *", Bits({5})}, FieldCase{"0/+20 * * * *", Bits({0, 20, 40})},
        FieldCase{"0005 * * * *", Bits({5})},
        // robfig reads no further than a leading star.
        FieldCase{"*-5 * * * *", BitRange(0, 59)}, FieldCase{"*-x-y * * * *", BitRange(0, 59)},
        // Empty comma items vanish; a field of only commas matches nothing.
        FieldCase{",5,,6, * * * *", Bits({5, 6})}, FieldCase{", * * * *", 0},
        FieldCase{",,, * * * *", 0}));

// --- TestRange's `*` with bounds 1–3 and `*/2`: month and day fields. ---
TEST(ParseStandard, StarAndStepInDayFields) {
  CronFields f = ParseFields("0 0 * */2 *");
  EXPECT_EQ(f.month, Bits<uint16_t>({1, 3, 5, 7, 9, 11}));
  EXPECT_TRUE(f.dom_star);
  f = ParseFields("0 0 */2 * *");
  EXPECT_EQ(f.dom, Bits<uint32_t>({1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31}));
  EXPECT_FALSE(f.dom_star);  // a step above 1 drops the star bit
  EXPECT_TRUE(f.dow_star);
}

// --- The star bit: which forms keep robfig's AND of the day fields. ---
TEST(ParseStandard, StarBit) {
  struct Case {
    const char* spec;
    bool dom_star, dow_star;
  };
  for (const Case& c : {Case{"0 0 * * *", true, true}, Case{"0 0 ? * ?", true, true},
                        Case{"0 0 */1 * 1", true, false}, Case{"0 0 */01 * 1", true, false},
                        Case{"0 0 1 * */1", false, true}, Case{"0 0 */2 * 1", false, false},
                        Case{"0 0 1-31 * 0-6", false, false}, Case{"0 0 ?/1 * ?/2", true, false},
                        Case{"0 0 *,1 * 5", true, false}, Case{"0 0 1,* * 5", true, false},
                        Case{"0 0 1 * *", false, true}, Case{"0 0 *-3 * 1", true, false}}) {
    const CronFields f = ParseFields(c.spec);
    EXPECT_EQ(f.dom_star, c.dom_star) << c.spec;
    EXPECT_EQ(f.dow_star, c.dow_star) << c.spec;
  }
}

TEST(ParseStandard, NamesAnyCase) {
  CronFields f = ParseFields("0 0 1 JAN,feb,Mar,aPR * ");
  EXPECT_EQ(f.month, Bits<uint16_t>({1, 2, 3, 4}));
  f = ParseFields("0 0 1 may-AUG/2 *");
  EXPECT_EQ(f.month, Bits<uint16_t>({5, 7}));
  f = ParseFields("0 0 * sep-dec sun,MON,Tue,wED,thu,FRI,sat");
  EXPECT_EQ(f.month, Bits<uint16_t>({9, 10, 11, 12}));
  EXPECT_EQ(f.dow, 0x7f);
  EXPECT_FALSE(f.dow_star);
  // strings.ToLower maps U+0130 (İ) to 'i', so robfig reads "FRİ" as Friday.
  f = ParseFields("0 0 * * FR\xC4\xB0");
  EXPECT_EQ(f.dow, Bits<uint8_t>({5}));
  // Names only in their own fields, numbers everywhere.
  f = ParseFields("0 0 * 1-12 0-6");
  EXPECT_EQ(f.month, 0x1ffe);
}

TEST(ParseStandard, WhitespaceIsGoUnicodeSpace) {
  const CronFields want = ParseFields("1 2 3 4 5");
  // Tabs, newlines, CR, VT, FF, NEL, NBSP, U+1680, U+2000..U+200A, U+2028,
  // U+2029, U+202F, U+205F, U+3000 all separate fields.
  for (const char* spec :
       {"1\t2\n3\r4\v5", "\f1 2 3 4 5\n", "1\xC2\x85" "2\xC2\xA0" "3\xE1\x9A\x80" "4\xE2\x80\x80" "5",
        "1\xE2\x80\x8A" "2\xE2\x80\xA8" "3\xE2\x80\xA9" "4\xE2\x80\xAF" "5\xE2\x81\x9F",
        "\xE3\x80\x80" "1   2  3 4 5\xE3\x80\x80"}) {
    EXPECT_EQ(ParseFields(spec), want) << spec;
  }
}

// --- parser_test.go TestParseSchedule / TestStandardSpecSchedule. ---
TEST(ParseStandard, RobfigSchedules) {
  CronFields every5 = EveryMinute();
  every5.minute = Bits({5});

  absl::StatusOr<Schedule> s = Parse("5 * * * *");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->fields(), every5);
  EXPECT_EQ(&s->zone(), &Zones().utc());  // no prefix: the controller's zone, UTC

  s = Parse("CRON_TZ=UTC  5 * * * *");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->fields(), every5);
  EXPECT_EQ(s->zone().name(), "UTC");

  s = Parse("@every 5m");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->kind(), Schedule::Kind::kEvery);
  EXPECT_EQ(s->every_seconds(), 300);

  CronFields midnight = EveryMinute();
  midnight.minute = 1;
  midnight.hour = 1;
  for (const char* spec : {"@midnight", "@daily", "TZ=UTC  @midnight"}) {
    EXPECT_EQ(ParseFields(spec), midnight) << spec;
  }

  CronFields annual = midnight;
  annual.dom = Bits<uint32_t>({1});
  annual.month = Bits<uint16_t>({1});
  annual.dom_star = false;
  EXPECT_EQ(ParseFields("@yearly"), annual);
  EXPECT_EQ(ParseFields("@annually"), annual);

  CronFields monthly = annual;
  monthly.month = 0x1ffe;
  EXPECT_EQ(ParseFields("@monthly"), monthly);

  CronFields weekly = midnight;
  weekly.dow = 1;
  weekly.dow_star = false;
  EXPECT_EQ(ParseFields("@weekly"), weekly);
  EXPECT_TRUE(weekly.days_and());

  CronFields hourly = EveryMinute();
  hourly.minute = 1;
  EXPECT_EQ(ParseFields("@hourly"), hourly);
}

TEST(ParseStandard, ZonePrefix) {
  absl::StatusOr<Schedule> s = Parse("TZ=Asia/Tokyo @midnight");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->zone().name(), "Asia/Tokyo");

  s = Parse("CRON_TZ=America/New_York 0 9 * * 1-5");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->zone().name(), "America/New_York");
  EXPECT_EQ(s->fields().hour, Bits<uint32_t>({9}));

  // Go's LoadLocation("") is UTC; the rest is TrimSpace'd (Unicode spaces).
  s = Parse("TZ= 0 0 * * *");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->zone().name(), "UTC");
  s = Parse("CRON_TZ=UTC \xE3\x80\x80@weekly\xC2\xA0\t");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->fields().dow, 1);

  // A zone with @every parses (and must be a valid zone) though robfig ignores it.
  s = Parse("TZ=Asia/Tokyo @every 1h");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->every_seconds(), 3600);
}

TEST(ParseStandard, EveryRoundsLikeRobfig) {
  struct Case {
    const char* spec;
    int64_t seconds;
  };
  for (const Case& c :
       {Case{"@every 1s", 1}, Case{"@every 500ms", 1}, Case{"@every 0", 1}, Case{"@every -5m", 1},
        Case{"@every 1.9s", 1}, Case{"@every 90m", 5400}, Case{"@every 1h0.5s", 3600},
        Case{"@every 2562047h", int64_t{2562047} * 3600},
        Case{"@every -9223372036854775808ns", 1}}) {
    absl::StatusOr<Schedule> s = Parse(c.spec);
    ASSERT_TRUE(s.ok()) << c.spec << ": " << s.status();
    EXPECT_EQ(s->kind(), Schedule::Kind::kEvery) << c.spec;
    EXPECT_EQ(s->every_seconds(), c.seconds) << c.spec;
  }
}

TEST(Schedule, EveryTakesNanoseconds) {
  const Zone& utc = Zones().utc();
  EXPECT_EQ(Schedule::Every(0, utc).every_seconds(), 1);
  EXPECT_EQ(Schedule::Every(-1, utc).every_seconds(), 1);
  EXPECT_EQ(Schedule::Every(999'999'999, utc).every_seconds(), 1);
  EXPECT_EQ(Schedule::Every(1'000'000'000, utc).every_seconds(), 1);
  EXPECT_EQ(Schedule::Every(2'999'999'999, utc).every_seconds(), 2);
  EXPECT_EQ(Schedule::Every(INT64_MAX, utc).every_seconds(), INT64_MAX / 1'000'000'000);
}

TEST(Schedule, DowDaysTable) {
  // Mondays and Fridays. If the 1st is a Sunday (w = 0), Mondays are 2, 9,
  // 16, 23, 30 and Fridays 6, 13, 20, 27.
  CronFields f = EveryMinute();
  f.dow = Bits<uint8_t>({1, 5});
  const Schedule s = Schedule::Cron(f, Zones().utc());
  EXPECT_EQ(s.dow_days(0), Bits<uint32_t>({2, 9, 16, 23, 30, 6, 13, 20, 27}));
  // If the 1st is a Saturday (w = 6): Mondays 3, 10, 17, 24, 31; Fridays 7, 14, 21, 28.
  EXPECT_EQ(s.dow_days(6), Bits<uint32_t>({3, 10, 17, 24, 31, 7, 14, 21, 28}));
  // Every weekday → days 1..31 whatever the first.
  for (int w = 0; w < 7; ++w) {
    EXPECT_EQ(ParseFields("0 0 * * *").dow, 0x7f);
    EXPECT_EQ(Parse("0 0 * * *")->dow_days(w), 0xfffffffeu) << w;
    EXPECT_EQ(Parse("0 0 , * ,")->dow_days(w), 0u) << w;
  }
  // Exhaustive against the definition.
  for (int mask = 0; mask < 128; ++mask) {
    f.dow = static_cast<uint8_t>(mask);
    const Schedule t = Schedule::Cron(f, Zones().utc());
    for (int w = 0; w < 7; ++w) {
      for (int d = 1; d <= 31; ++d) {
        EXPECT_EQ((t.dow_days(w) >> d) & 1, static_cast<uint32_t>((mask >> ((w + d - 1) % 7)) & 1));
      }
      EXPECT_EQ(t.dow_days(w) & 1, 0u);
    }
  }
}

// --- Errors: robfig's exact text and kron's span. ---
struct ErrorCase {
  const char* spec;
  const char* message;
  int begin, end;
};
class ParseError : public testing::TestWithParam<ErrorCase> {};

TEST_P(ParseError, RobfigTextAndSpan) {
  const ErrorCase& c = GetParam();
  absl::StatusOr<Schedule> s = Parse(c.spec);
  ASSERT_FALSE(s.ok()) << "'" << c.spec << "' parsed";
  EXPECT_EQ(s.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.status().message(), c.message);
  const std::optional<SourceSpan> span = ScheduleErrorSpan(s.status());
  ASSERT_TRUE(span.has_value());
  EXPECT_EQ(*span, (SourceSpan{c.begin, c.end})) << span->begin << "," << span->end;
}

INSTANTIATE_TEST_SUITE_P(
    Robfig, ParseError,
    testing::Values(
        // parser_test.go TestParseScheduleErrors / TestStandardSpecSchedule.
        ErrorCase{"", "empty spec string", 0, 0},
        ErrorCase{"* * * *", "expected exactly 5 fields, found 4: [* * * *]", 0, 7},
        ErrorCase{"5 j * * *",
                  R"(failed to parse int from j: strconv.Atoi: parsing "j": invalid syntax)", 2, 3},
        ErrorCase{"@every Xm", R"(failed to parse duration @every Xm: time: invalid duration "Xm")",
                  7, 9},
        ErrorCase{"@unrecognized", "unrecognized descriptor: @unrecognized", 0, 13},
        // spec_test.go TestErrors and TestSlash0NoHang.
        ErrorCase{"xyz", "expected exactly 5 fields, found 1: [xyz]", 0, 3},
        ErrorCase{"60 0 * * *", "end of range (60) above maximum (59): 60", 0, 2},
        ErrorCase{"0 60 * * *", "end of range (60) above maximum (23): 60", 2, 4},
        ErrorCase{"0 0 * * XYZ",
                  R"(failed to parse int from XYZ: strconv.Atoi: parsing "XYZ": invalid syntax)", 8,
                  11},
        ErrorCase{"TZ=America/New_York 15/0 * * * *",
                  "step of range should be a positive number: 15/0", 20, 24}));

INSTANTIATE_TEST_SUITE_P(
    EveryText, ParseError,
    testing::Values(
        // Field count: Go's %s of the []string from strings.Fields.
        ErrorCase{"* * * * * *", "expected exactly 5 fields, found 6: [* * * * * *]", 0, 11},
        ErrorCase{"   ", "expected exactly 5 fields, found 0: []", 0, 3},
        ErrorCase{"\t1\xC2\xA0" "2\xE2\x80\x8B 3 ", "expected exactly 5 fields, found 3: [1 2\xE2\x80\x8B 3]",
                  0, 11},
        // No trimming without a zone prefix: a leading space makes it a field list.
        ErrorCase{" @daily", "expected exactly 5 fields, found 1: [@daily]", 0, 7},
        ErrorCase{"TZ=UTC ", "expected exactly 5 fields, found 0: []", 0, 7},
        // Bounds, in robfig's order of checks.
        ErrorCase{"0 0 * * 7", "end of range (7) above maximum (6): 7", 8, 9},
        ErrorCase{"0 0 0 * *", "beginning of range (0) below minimum (1): 0", 4, 5},
        ErrorCase{"0 0 1 0-3 *", "beginning of range (0) below minimum (1): 0-3", 6, 9},
        ErrorCase{"0 0 1 13 *", "end of range (13) above maximum (12): 13", 6, 8},
        ErrorCase{"0 5-3 * * *", "beginning of range (5) beyond end of range (3): 5-3", 2, 5},
        ErrorCase{"70/5 * * * *", "beginning of range (70) beyond end of range (59): 70/5", 0, 4},
        ErrorCase{"1,2,70 * * * *", "end of range (70) above maximum (59): 70", 4, 6},
        ErrorCase{"0 0 * * SAT-SUN", "beginning of range (6) beyond end of range (0): SAT-SUN", 8,
                  15},
        ErrorCase{"*/0 * * * *", "step of range should be a positive number: */0", 0, 3},
        ErrorCase{"0 0 1/0 * *", "step of range should be a positive number: 1/0", 4, 7},
        ErrorCase{"0-99/0 * * * *", "end of range (99) above maximum (59): 0-99/0", 0, 6},
        ErrorCase{"9223372036854775807 * * * *",
                  "end of range (9223372036854775807) above maximum (59): 9223372036854775807", 0,
                  19},
        // Hyphens and slashes.
        ErrorCase{"5--5 * * * *", "too many hyphens: 5--5", 0, 4},
        ErrorCase{"0 1-2-3 * * *", "too many hyphens: 1-2-3", 2, 7},
        ErrorCase{"*//2 * * * *", "too many slashes: *//2", 0, 4},
        ErrorCase{"0 0 1/2/3 * *", "too many slashes: 1/2/3", 4, 9},
        // A bad number is reported before a surplus hyphen or slash.
        ErrorCase{"x--5 * * * *",
                  R"(failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax)", 0, 1},
        // Numbers: Atoi's texts, then robfig's negative check.
        ErrorCase{"*/-12 * * * *", "negative number (-12) not allowed: -12", 2, 5},
        ErrorCase{"-5 * * * *",
                  R"(failed to parse int from : strconv.Atoi: parsing "": invalid syntax)", 0, 0},
        ErrorCase{"5- * * * *",
                  R"(failed to parse int from : strconv.Atoi: parsing "": invalid syntax)", 2, 2},
        ErrorCase{"5/ * * * *",
                  R"(failed to parse int from : strconv.Atoi: parsing "": invalid syntax)", 2, 2},
        ErrorCase{"0 5-x/2 * * *",
                  R"(failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax)", 4, 5},
        ErrorCase{"0 0 1 JANUARY *",
                  R"(failed to parse int from JANUARY: strconv.Atoi: parsing "JANUARY": invalid syntax)",
                  6, 13},
        ErrorCase{"0 0 sun * *",
                  R"(failed to parse int from sun: strconv.Atoi: parsing "sun": invalid syntax)", 4, 7},
        ErrorCase{"99999999999999999999 * * * *",
                  R"(failed to parse int from 99999999999999999999: strconv.Atoi: parsing "99999999999999999999": value out of range)",
                  0, 20},
        ErrorCase{"*/9223372036854775808 * * * *",
                  R"(failed to parse int from 9223372036854775808: strconv.Atoi: parsing "9223372036854775808": value out of range)",
                  2, 21},
        // Raw bytes in robfig's part, Go escapes inside strconv's quotes.
        ErrorCase{"5\xE2\x80\x8B * * * *",
                  "failed to parse int from 5\xE2\x80\x8B: strconv.Atoi: parsing \"5\\u200b\": invalid syntax",
                  0, 4},
        ErrorCase{"5\xFF * * * *",
                  "failed to parse int from 5\xFF: strconv.Atoi: parsing \"5\\xff\": invalid syntax", 0,
                  2},
        // Descriptors are matched exactly.
        ErrorCase{"@daily ", "unrecognized descriptor: @daily ", 0, 7},
        ErrorCase{"@DAILY", "unrecognized descriptor: @DAILY", 0, 6},
        ErrorCase{"@every", "unrecognized descriptor: @every", 0, 6},
        ErrorCase{"CRON_TZ=UTC  @reboot ", "unrecognized descriptor: @reboot", 13, 20},
        ErrorCase{"@every ", R"(failed to parse duration @every : time: invalid duration "")", 0, 7},
        ErrorCase{"@every 5", R"(failed to parse duration @every 5: time: missing unit in duration "5")",
                  7, 8},
        ErrorCase{"@every 5x",
                  R"(failed to parse duration @every 5x: time: unknown unit "x" in duration "5x")", 7,
                  9},
        ErrorCase{"@every 1h 2m",
                  R"(failed to parse duration @every 1h 2m: time: unknown unit "h " in duration "1h 2m")",
                  7, 12},
        ErrorCase{"@every  1h", R"(failed to parse duration @every  1h: time: invalid duration " 1h")",
                  7, 10},
        ErrorCase{"@every 9999999999h",
                  R"(failed to parse duration @every 9999999999h: time: invalid duration "9999999999h")",
                  7, 18},
        ErrorCase{"TZ=UTC  @every 1y ",
                  R"(failed to parse duration @every 1y: time: unknown unit "y" in duration "1y")", 15,
                  17},
        // Zone prefixes.
        ErrorCase{"TZ=Mars/Base * * * * *",
                  "provided bad location Mars/Base: unknown time zone Mars/Base", 3, 12},
        ErrorCase{"CRON_TZ=../etc/passwd * * * * *",
                  "provided bad location ../etc/passwd: time: invalid location name", 8, 21},
        // Where robfig panics (no space after the prefix), kron explains.
        ErrorCase{"TZ=UTC", "TZ=UTC: a time zone prefix must be followed by a space and a schedule", 0,
                  6},
        ErrorCase{"CRON_TZ=Asia/Tokyo\t0\t0\t*\t*\t*",
                  "CRON_TZ=Asia/Tokyo\t0\t0\t*\t*\t*: a time zone prefix must be followed by a space "
                  "and a schedule",
                  0, 28}));

TEST(ScheduleErrorSpan, AbsentForOtherStatuses) {
  EXPECT_FALSE(ScheduleErrorSpan(absl::OkStatus()).has_value());
  EXPECT_FALSE(ScheduleErrorSpan(absl::InvalidArgumentError("x")).has_value());
}

TEST(ParseStandard, FirstFieldErrorWins) {
  // robfig parses minute, hour, dom, month, dow in order and stops at the first error.
  absl::StatusOr<Schedule> s = Parse("0 24 0 13 7");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().message(), "end of range (24) above maximum (23): 24");
}

}  // namespace
}  // namespace kron
