// go_duration.cc — time.ParseDuration as Go 1.19 implements it
// (src/time/format.go), reimplemented with the same overflow rules and the
// same floating-point rounding for fractions.
#include "go_duration.h"

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace kron::go {
namespace {

constexpr uint64_t kTwo63 = uint64_t{1} << 63;

// time's own quote(): unlike strconv.Quote it escapes every byte of a
// non-ASCII or control rune, so it is a byte-wise rule.
std::string TimeQuote(absl::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (char ch : s) {
    const auto b = static_cast<unsigned char>(ch);
    if (b >= 0x80 || b < 0x20) {
      out += "\\x";
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
    } else {
      if (b == '"' || b == '\\') out += '\\';
      out += ch;
    }
  }
  out += '"';
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

uint64_t UnitNanos(absl::string_view u) {
  if (u == "ns") return 1;
  if (u == "us" || u == "\xC2\xB5s" /* U+00B5 micro sign */ || u == "\xCE\xBCs" /* U+03BC mu */) {
    return 1000;
  }
  if (u == "ms") return 1000 * 1000;
  if (u == "s") return 1000 * 1000 * 1000;
  if (u == "m") return uint64_t{60} * 1000 * 1000 * 1000;
  if (u == "h") return uint64_t{3600} * 1000 * 1000 * 1000;
  return 0;
}

}  // namespace

absl::StatusOr<int64_t> ParseDuration(absl::string_view orig) {
  auto invalid = [&] {
    return absl::InvalidArgumentError(absl::StrCat("time: invalid duration ", TimeQuote(orig)));
  };
  absl::string_view s = orig;
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return 0;
  if (s.empty()) return invalid();

  uint64_t total = 0;
  while (!s.empty()) {
    if (!(s[0] == '.' || IsDigit(s[0]))) return invalid();

    // Integer part; Go rejects it as soon as it passes 2^63.
    uint64_t v = 0;
    size_t i = 0;
    for (; i < s.size() && IsDigit(s[i]); ++i) {
      if (v > kTwo63 / 10) return invalid();
      v = v * 10 + static_cast<uint64_t>(s[i] - '0');
      if (v > kTwo63) return invalid();
    }
    const bool pre = i > 0;
    s.remove_prefix(i);

    // Fraction: digits past what fits are read but ignored.
    uint64_t f = 0;
    double scale = 1;
    bool post = false;
    if (!s.empty() && s[0] == '.') {
      s.remove_prefix(1);
      bool overflow = false;
      size_t j = 0;
      for (; j < s.size() && IsDigit(s[j]); ++j) {
        if (overflow) continue;
        if (f > (kTwo63 - 1) / 10) {
          overflow = true;
          continue;
        }
        const uint64_t y = f * 10 + static_cast<uint64_t>(s[j] - '0');
        if (y > kTwo63) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = j > 0;
      s.remove_prefix(j);
    }
    if (!pre && !post) return invalid();

    // Unit: everything up to the next digit or '.'.
    size_t k = 0;
    while (k < s.size() && !(s[k] == '.' || IsDigit(s[k]))) ++k;
    if (k == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("time: missing unit in duration ", TimeQuote(orig)));
    }
    const absl::string_view unit_text = s.substr(0, k);
    s.remove_prefix(k);
    const uint64_t unit = UnitNanos(unit_text);
    if (unit == 0) {
      return absl::InvalidArgumentError(absl::StrCat("time: unknown unit ", TimeQuote(unit_text),
                                                     " in duration ", TimeQuote(orig)));
    }
    if (v > kTwo63 / unit) return invalid();
    v *= unit;
    if (f > 0) {
      // Same double arithmetic as Go, so fractions round identically.
      v += static_cast<uint64_t>(static_cast<double>(f) *
                                 (static_cast<double>(unit) / scale));
      if (v > kTwo63) return invalid();
    }
    total += v;
    if (total > kTwo63) return invalid();
  }
  if (neg) return static_cast<int64_t>(0 - total);  // -2^63 stays -2^63, as in Go
  if (total > kTwo63 - 1) return invalid();
  return static_cast<int64_t>(total);
}

}  // namespace kron::go
