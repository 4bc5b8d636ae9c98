// Tests for the internal Go compatibility helpers: time.ParseDuration
// (go_duration.h) and strconv.Atoi / strconv.Quote / unicode.IsSpace /
// strings.TrimSpace (go_strconv.h). Expected values follow the Go 1.19
// sources (src/time/format.go, src/strconv/atoi.go, src/strconv/quote.go)
// and were worked out by hand, then confirmed against Go itself.
#include <cstdint>
#include <limits>
#include <string>

#include "../../engine/src/go_duration.h"
#include "../../engine/src/go_strconv.h"
#include "gtest/gtest.h"

namespace kron::go {
namespace {

constexpr int64_t kNs = 1;
constexpr int64_t kUs = 1000 * kNs;
constexpr int64_t kMs = 1000 * kUs;
constexpr int64_t kSec = 1000 * kMs;
constexpr int64_t kMin = 60 * kSec;
constexpr int64_t kHour = 60 * kMin;

struct DurationOk {
  const char* text;
  int64_t ns;
};

class ParseDurationOk : public testing::TestWithParam<DurationOk> {};

TEST_P(ParseDurationOk, MatchesGo) {
  absl::StatusOr<int64_t> d = ParseDuration(GetParam().text);
  ASSERT_TRUE(d.ok()) << GetParam().text << ": " << d.status();
  EXPECT_EQ(*d, GetParam().ns) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Go, ParseDurationOk,
    testing::Values(
        DurationOk{"0", 0}, DurationOk{"+0", 0}, DurationOk{"-0", 0}, DurationOk{"0s", 0},
        DurationOk{"5s", 5 * kSec}, DurationOk{"300ms", 300 * kMs},
        DurationOk{"-1.5h", -(kHour + 30 * kMin)}, DurationOk{"+1.5h", kHour + 30 * kMin},
        DurationOk{"1h30m", 90 * kMin}, DurationOk{"1h1h", 2 * kHour},
        DurationOk{"1ns", 1}, DurationOk{"1us", kUs},
        DurationOk{"1\xC2\xB5s", kUs},  // U+00B5 MICRO SIGN
        DurationOk{"1\xCE\xBCs", kUs},  // U+03BC GREEK SMALL LETTER MU
        DurationOk{".5s", kSec / 2}, DurationOk{"1.s", kSec},
        DurationOk{"1.5h2.25m", kHour + 30 * kMin + 2 * kMin + 15 * kSec},
        // Fractions go through float64 exactly as in Go.
        DurationOk{"1.0000000001s", kSec}, DurationOk{"0.000000001s", 1},
        DurationOk{"0.0000000001s", 0}, DurationOk{"1.9999999999s", 1999999999},
        DurationOk{"0.3333333333333333333h", 20 * kMin},
        // Fraction digits past uint64 precision are read and ignored.
        DurationOk{"0.123456789012345678901234567890h", 444444440444},
        // The limits of int64 nanoseconds.
        DurationOk{"9223372036854775807ns", std::numeric_limits<int64_t>::max()},
        DurationOk{"-9223372036854775808ns", std::numeric_limits<int64_t>::min()},
        DurationOk{"2562047h", 2562047 * kHour}));

struct DurationError {
  const char* text;
  const char* error;
};

class ParseDurationError : public testing::TestWithParam<DurationError> {};

TEST_P(ParseDurationError, GoText) {
  absl::StatusOr<int64_t> d = ParseDuration(GetParam().text);
  ASSERT_FALSE(d.ok()) << GetParam().text << " parsed as " << *d;
  EXPECT_EQ(d.status().message(), GetParam().error);
}

INSTANTIATE_TEST_SUITE_P(
    Go, ParseDurationError,
    testing::Values(
        DurationError{"", R"(time: invalid duration "")"},
        DurationError{"-", R"(time: invalid duration "-")"},
        DurationError{"s", R"(time: invalid duration "s")"},
        DurationError{".s", R"(time: invalid duration ".s")"},
        DurationError{"-.s", R"(time: invalid duration "-.s")"},
        DurationError{"5x5", R"(time: unknown unit "x" in duration "5x5")"},
        DurationError{"5x", R"(time: unknown unit "x" in duration "5x")"},
        DurationError{"5", R"(time: missing unit in duration "5")"},
        DurationError{"1h5", R"(time: missing unit in duration "1h5")"},
        DurationError{"5.5.5s", R"(time: missing unit in duration "5.5.5s")"},
        DurationError{"1h 2m", R"(time: unknown unit "h " in duration "1h 2m")"},
        DurationError{"3e5s", R"(time: unknown unit "e" in duration "3e5s")"},
        DurationError{"1S", R"(time: unknown unit "S" in duration "1S")"},
        DurationError{"5\"s", R"(time: unknown unit "\"s" in duration "5\"s")"},
        // time's quote escapes every byte of a non-ASCII rune.
        DurationError{"5\xC2\xB5", R"(time: unknown unit "\xc2\xb5" in duration "5\xc2\xb5")"},
        DurationError{"\xFFs", R"(time: invalid duration "\xffs")"},
        DurationError{"\t1s", R"(time: invalid duration "\x091s")"},
        DurationError{" 1s", R"(time: invalid duration " 1s")"},
        // Overflow.
        DurationError{"9223372036854775808ns", R"(time: invalid duration "9223372036854775808ns")"},
        DurationError{"-9223372036854775809ns", R"(time: invalid duration "-9223372036854775809ns")"},
        DurationError{"2562048h", R"(time: invalid duration "2562048h")"},
        DurationError{"2562047h1h", R"(time: invalid duration "2562047h1h")"},
        DurationError{"123456789012345678901234567890ns",
                      R"(time: invalid duration "123456789012345678901234567890ns")"}));

struct AtoiCase {
  const char* text;
  int64_t value;
  const char* error;  // empty when the text parses
};

class GoAtoi : public testing::TestWithParam<AtoiCase> {};

TEST_P(GoAtoi, MatchesGo) {
  absl::StatusOr<int64_t> n = Atoi(GetParam().text);
  if (*GetParam().error == '\0') {
    ASSERT_TRUE(n.ok()) << n.status();
    EXPECT_EQ(*n, GetParam().value);
  } else {
    ASSERT_FALSE(n.ok()) << *n;
    EXPECT_EQ(n.status().message(), GetParam().error);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Go, GoAtoi,
    testing::Values(
        AtoiCase{"5", 5, ""}, AtoiCase{"+5", 5, ""}, AtoiCase{"-5", -5, ""},
        AtoiCase{"-0", 0, ""}, AtoiCase{"007", 7, ""},
        AtoiCase{"9223372036854775807", std::numeric_limits<int64_t>::max(), ""},
        AtoiCase{"-9223372036854775808", std::numeric_limits<int64_t>::min(), ""},
        AtoiCase{"000000000000000000000000000042", 42, ""},
        AtoiCase{"", 0, R"(strconv.Atoi: parsing "": invalid syntax)"},
        AtoiCase{"+", 0, R"(strconv.Atoi: parsing "+": invalid syntax)"},
        AtoiCase{"-", 0, R"(strconv.Atoi: parsing "-": invalid syntax)"},
        AtoiCase{"+-5", 0, R"(strconv.Atoi: parsing "+-5": invalid syntax)"},
        AtoiCase{"a", 0, R"(strconv.Atoi: parsing "a": invalid syntax)"},
        AtoiCase{"1_000", 0, R"(strconv.Atoi: parsing "1_000": invalid syntax)"},
        AtoiCase{"0x10", 0, R"(strconv.Atoi: parsing "0x10": invalid syntax)"},
        AtoiCase{" 5", 0, R"(strconv.Atoi: parsing " 5": invalid syntax)"},
        AtoiCase{"9223372036854775808", 0,
                 R"(strconv.Atoi: parsing "9223372036854775808": value out of range)"},
        AtoiCase{"-9223372036854775809", 0,
                 R"(strconv.Atoi: parsing "-9223372036854775809": value out of range)"},
        AtoiCase{"18446744073709551616", 0,
                 R"(strconv.Atoi: parsing "18446744073709551616": value out of range)"},
        // Go stops at the first problem: overflow before the bad byte...
        AtoiCase{"99999999999999999999x", 0,
                 R"(strconv.Atoi: parsing "99999999999999999999x": value out of range)"},
        // ...or the bad byte before any overflow.
        AtoiCase{"9999999999999999999x", 0,
                 R"(strconv.Atoi: parsing "9999999999999999999x": invalid syntax)"}));

TEST(GoQuote, EscapesLikeStrconvQuote) {
  EXPECT_EQ(Quote(""), R"("")");
  EXPECT_EQ(Quote("abc"), R"("abc")");
  EXPECT_EQ(Quote("\"\\"), R"("\"\\")");
  EXPECT_EQ(Quote("\t\n\r\v\f\a\b"), R"("\t\n\r\v\f\a\b")");
  EXPECT_EQ(Quote(std::string("\x00\x1f\x7f", 3)), R"("\x00\x1f\x7f")");
  EXPECT_EQ(Quote("5\xFF"), R"("5\xff")");        // invalid byte
  EXPECT_EQ(Quote("\xC2"), R"("\xc2")");          // truncated sequence
  EXPECT_EQ(Quote("\xE2\x80\x8B"), R"("\u200b")");  // zero-width space: not printable
  EXPECT_EQ(Quote("\xC2\x85"), R"("\u0085")");    // NEL
  EXPECT_EQ(Quote("\xC2\xAD"), R"("\u00ad")");    // soft hyphen
  EXPECT_EQ(Quote("\xC2\xA0"), R"("\u00a0")");    // no-break space
  EXPECT_EQ(Quote("\xF3\xA0\x80\x81"), R"("\U000e0001")");  // language tag
  // Printable runes stay as UTF-8: é, U+FFFD, an emoji, CJK.
  EXPECT_EQ(Quote("\xC3\xA9\xEF\xBF\xBD\xF0\x9F\x98\x80\xE6\x97\xA5"),
            "\"\xC3\xA9\xEF\xBF\xBD\xF0\x9F\x98\x80\xE6\x97\xA5\"");
  // Surrogates and overlong forms are invalid UTF-8: byte escapes.
  EXPECT_EQ(Quote("\xED\xA0\x80"), R"("\xed\xa0\x80")");
  EXPECT_EQ(Quote("\xC0\xAF"), R"("\xc0\xaf")");
}

TEST(GoIsPrint, SpotChecks) {
  EXPECT_TRUE(IsPrint(' '));
  EXPECT_FALSE(IsPrint(0x7F));
  EXPECT_FALSE(IsPrint(0xA0));
  EXPECT_TRUE(IsPrint(0xA1));
  EXPECT_FALSE(IsPrint(0xAD));
  EXPECT_TRUE(IsPrint(0x100));
  EXPECT_FALSE(IsPrint(0x378));   // unassigned
  EXPECT_FALSE(IsPrint(0x2028));  // line separator
  EXPECT_FALSE(IsPrint(0x3000));  // ideographic space (Zs other than U+0020)
  EXPECT_TRUE(IsPrint(0x4E00));
  EXPECT_FALSE(IsPrint(0xD800));
  EXPECT_TRUE(IsPrint(0x1F600));
  EXPECT_FALSE(IsPrint(0x10FFFF));
}

TEST(GoSpace, UnicodeWhiteSpace) {
  for (char32_t r : {U'\t', U'\n', U'\v', U'\f', U'\r', U' ', char32_t{0x85}, char32_t{0xA0},
                     char32_t{0x1680}, char32_t{0x2000}, char32_t{0x200A}, char32_t{0x2028},
                     char32_t{0x2029}, char32_t{0x202F}, char32_t{0x205F}, char32_t{0x3000}}) {
    EXPECT_TRUE(IsSpace(r)) << static_cast<uint32_t>(r);
  }
  for (char32_t r : {U'a', char32_t{0}, char32_t{0x1C}, char32_t{0x200B}, char32_t{0x180E},
                     char32_t{0xFEFF}, kRuneError}) {
    EXPECT_FALSE(IsSpace(r)) << static_cast<uint32_t>(r);
  }
}

TEST(GoTrimSpace, TrimsUnicodeSpaceOnly) {
  EXPECT_EQ(TrimSpace("  a b \t"), "a b");
  EXPECT_EQ(TrimSpace("\xC2\xA0" "a" "\xE3\x80\x80"), "a");
  EXPECT_EQ(TrimSpace("\xE2\x80\x8B" "a"), "\xE2\x80\x8B" "a");  // U+200B is not a space
  EXPECT_EQ(TrimSpace("a\xC2"), "a\xC2");  // a dangling lead byte is not a space
  EXPECT_EQ(TrimSpace(" \xFF "), "\xFF");
  EXPECT_EQ(TrimSpace(" \t "), "");
  EXPECT_EQ(TrimSpace(""), "");
}

TEST(GoDecodeRune, MatchesUtf8Package) {
  auto decode = [](absl::string_view s) { return DecodeRune(s, 0); };
  EXPECT_EQ(decode("a").rune, U'a');
  EXPECT_EQ(decode("\xC2\xA0").rune, 0xA0u);
  EXPECT_EQ(decode("\xC2\xA0").width, 2);
  EXPECT_EQ(decode("\xE3\x80\x80").rune, 0x3000u);
  EXPECT_EQ(decode("\xF0\x9F\x98\x80").rune, 0x1F600u);
  for (absl::string_view bad : {"\x80", "\xC1\xBF", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xF0\x8F\xBF\xBF",
                                "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xE3\x80", "\xFF"}) {
    EXPECT_EQ(decode(bad).rune, kRuneError);
    EXPECT_EQ(decode(bad).width, 1);
  }
}

}  // namespace
}  // namespace kron::go
