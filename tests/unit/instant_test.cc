// instant_test — RFC 3339 formatting and parsing.
#include "kron/instant.h"

#include "gtest/gtest.h"

namespace kron {
namespace {

Instant At(int64_t s) { return Instant::FromUnixSeconds(s); }

TEST(InstantTest, UnixMinutesFloor) {
  EXPECT_EQ(At(0).unix_minutes(), 0);
  EXPECT_EQ(At(59).unix_minutes(), 0);
  EXPECT_EQ(At(60).unix_minutes(), 1);
  EXPECT_EQ(At(-1).unix_minutes(), -1);
  EXPECT_EQ(At(-60).unix_minutes(), -1);
  EXPECT_EQ(At(-61).unix_minutes(), -2);
}

TEST(InstantTest, FormatUtc) {
  EXPECT_EQ(FormatRfc3339Utc(At(0)), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatRfc3339Utc(At(1767254400)), "2026-01-01T08:00:00Z");
  EXPECT_EQ(FormatRfc3339Utc(At(-1)), "1969-12-31T23:59:59Z");
  EXPECT_EQ(FormatRfc3339Utc(At(951782400)), "2000-02-29T00:00:00Z");
  EXPECT_EQ(FormatRfc3339Utc(At(kMinUnixSeconds)), "0001-01-01T00:00:00Z");
  EXPECT_EQ(FormatRfc3339Utc(At(kMaxUnixSeconds)), "9999-12-31T23:59:59Z");
}

TEST(InstantTest, FormatWithOffset) {
  // Go's time.RFC3339: Z for a zero offset, else ±hh:mm.
  EXPECT_EQ(FormatRfc3339(At(1767254400), 9 * 3600), "2026-01-01T17:00:00+09:00");
  EXPECT_EQ(FormatRfc3339(At(1767254400), -5 * 3600), "2026-01-01T03:00:00-05:00");
  EXPECT_EQ(FormatRfc3339(At(1767254400), 5 * 3600 + 1800), "2026-01-01T13:30:00+05:30");
  EXPECT_EQ(FormatRfc3339(At(1767254400), 0), "2026-01-01T08:00:00Z");
  // New York's LMT (-4:56:02): Go prints hours and minutes only.
  EXPECT_EQ(FormatRfc3339(At(-5364662400), -17762), "1799-12-31T19:03:58-04:56");
}

TEST(InstantTest, ParseForms) {
  EXPECT_EQ(*ParseInstant("2026-01-01T08:00:00Z"), At(1767254400));
  EXPECT_EQ(*ParseInstant("2026-01-01T17:00:00+09:00"), At(1767254400));
  EXPECT_EQ(*ParseInstant("2026-01-01T03:00:00-05:00"), At(1767254400));
  EXPECT_EQ(*ParseInstant("2026-01-01T08:00:00.999999999Z"), At(1767254400));  // fraction dropped
  EXPECT_EQ(*ParseInstant("2026-01-01t08:00:00z"), At(1767254400));
  EXPECT_EQ(*ParseInstant("@0"), At(0));
  EXPECT_EQ(*ParseInstant("@1767254400"), At(1767254400));
  EXPECT_EQ(*ParseInstant("@-86400"), At(-86400));
  EXPECT_EQ(*ParseInstant("0001-01-01T00:00:00Z"), At(kMinUnixSeconds));
  EXPECT_EQ(*ParseInstant("9999-12-31T23:59:59Z"), At(kMaxUnixSeconds));
  EXPECT_EQ(*ParseInstant("2024-02-29T00:00:00Z"), At(1709164800));
}

TEST(InstantTest, RoundTrip) {
  for (int64_t s : {kMinUnixSeconds, int64_t{-1}, int64_t{0}, int64_t{1767254400}, kMaxUnixSeconds}) {
    EXPECT_EQ(*ParseInstant(FormatRfc3339Utc(At(s))), At(s));
  }
  for (int32_t off : {-12 * 3600, -3600, 3600, 5 * 3600 + 2700, 14 * 3600}) {
    EXPECT_EQ(*ParseInstant(FormatRfc3339(At(1767254400), off)), At(1767254400)) << off;
  }
}

void ExpectError(absl::string_view text, absl::string_view fragment) {
  auto r = ParseInstant(text);
  ASSERT_FALSE(r.ok()) << text;
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument) << text;
  EXPECT_NE(r.status().message().find(fragment), absl::string_view::npos)
      << text << ": " << r.status().message();
}

TEST(InstantTest, ParseErrorsNamePosition) {
  ExpectError("", "position 0");
  ExpectError("2026-01-01", "position 10: expected 'T'");
  ExpectError("2026-01-01T08:00:00", "position 19: expected 'Z' or a UTC offset");
  ExpectError("2026-13-01T08:00:00Z", "position 5: month out of range");
  ExpectError("2026-02-29T08:00:00Z", "position 8: day out of range");
  ExpectError("2026-01-01T24:00:00Z", "position 11: hour out of range");
  ExpectError("2026-01-01T08:60:00Z", "position 14: minute out of range");
  ExpectError("2026-01-01T08:00:60Z", "position 17: second out of range");
  ExpectError("2026-01-01T08:00:00+0900", "position 22: expected ':'");
  ExpectError("2026-01-01T08:00:00Zjunk", "position 20: unexpected text");
  ExpectError("2026-01-01T08:00:00.Z", "position 20: expected digits");
  ExpectError("26-01-01T08:00:00Z", "position 2: expected 4-digit year");
  ExpectError("@", "position 1");
  ExpectError("@12x", "position 3");
  ExpectError("@", "expected unix seconds");
}

TEST(InstantTest, ParseRejectsOutOfRange) {
  ExpectError("0000-12-31T23:59:59Z", "year out of range");
  ExpectError("0001-01-01T00:00:00+01:00", "out of range");  // 0000-12-31T23:00Z
  ExpectError("9999-12-31T23:59:59-01:00", "out of range");  // year 10000 in UTC
  ExpectError("@253402300800", "out of range");
  ExpectError("@-62135596801", "out of range");
  ExpectError("@99999999999999999999999", "out of range");
}

}  // namespace
}  // namespace kron
