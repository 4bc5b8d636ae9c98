// schedule.cc — robfig/cron v3.0.1 `ParseStandard` (parser.go, spec.go,
// constantdelay.go), reimplemented so that every accepted spec compiles to
// robfig's bit sets and every rejected one carries robfig's error text.
//
// Go behaviours reproduced on purpose:
//  * fields are split by strings.Fields (any Unicode space, UTF-8 decoded);
//    the items of a field by strings.FieldsFunc on ',' (empty items vanish,
//    so a field of only commas matches nothing and is not an error);
//  * `/` and `-` split with strings.Split (empty parts kept), and the
//    checks run in robfig's order, so the first error is robfig's;
//  * numbers go through strconv.Atoi (leading + allowed, int64 range);
//  * month and weekday names are compared after strings.ToLower (Unicode).
#include "kron/schedule.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/cord.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "go_duration.h"
#include "go_strconv.h"

namespace kron {
namespace {

// Payload key for the error span; the value is "<begin>,<end>" in decimal.
constexpr absl::string_view kSpanTypeUrl = "type.kron.dev/kron.ScheduleErrorSpan";

// spec.go: robfig marks a `*`/`?` range with the top bit.
constexpr uint64_t kStarBit = uint64_t{1} << 63;

constexpr uint32_t Pack3(const char* s) {
  return uint32_t(uint8_t(s[0])) << 16 | uint32_t(uint8_t(s[1])) << 8 | uint8_t(s[2]);
}
struct Name {
  constexpr Name(const char* t, uint64_t v) : text(t), value(v), packed(Pack3(t)) {}
  const char* text;
  uint64_t value;
  uint32_t packed;  // the three letters in one word, for the ASCII path
};
constexpr Name kMonthNames[] = {{"jan", 1}, {"feb", 2},  {"mar", 3},  {"apr", 4},
                                {"may", 5}, {"jun", 6},  {"jul", 7},  {"aug", 8},
                                {"sep", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};
constexpr Name kDowNames[] = {{"sun", 0}, {"mon", 1}, {"tue", 2}, {"wed", 3},
                              {"thu", 4}, {"fri", 5}, {"sat", 6}};

// spec.go `bounds`.
struct Bounds {
  uint64_t min, max;
  const Name* names;
  size_t name_count;
};
constexpr Bounds kMinutes{0, 59, nullptr, 0};
constexpr Bounds kHours{0, 23, nullptr, 0};
constexpr Bounds kDom{1, 31, nullptr, 0};
constexpr Bounds kMonths{1, 12, kMonthNames, 12};
constexpr Bounds kDow{0, 6, kDowNames, 7};

// Where in the original spec a piece of it lies (all pieces are views of it).
class SpecText {
 public:
  explicit SpecText(absl::string_view spec) : spec_(spec) {}
  int Begin(absl::string_view part) const { return static_cast<int>(part.data() - spec_.data()); }
  int End(absl::string_view part) const { return Begin(part) + static_cast<int>(part.size()); }

  absl::Status Error(std::string message, absl::string_view part) const {
    return Error(std::move(message), Begin(part), End(part));
  }
  absl::Status Error(std::string message, int begin, int end) const {
    absl::Status status = absl::InvalidArgumentError(std::move(message));
    status.SetPayload(kSpanTypeUrl, absl::Cord(absl::StrCat(begin, ",", end)));
    return status;
  }
  absl::Status WholeError(std::string message) const {
    return Error(std::move(message), 0, static_cast<int>(spec_.size()));
  }

 private:
  absl::string_view spec_;
};

// strings.ToLower(expr) == name, for a three-letter ASCII name. Besides ASCII
// letters, only U+0130 (İ → i) and U+212A (Kelvin sign → k) lower-case to
// ASCII under Go's simple case mapping.
bool LowerEquals(absl::string_view expr, const char* name) {
  size_t n = 0;
  for (size_t pos = 0; pos < expr.size();) {
    const go::DecodedRune d = go::DecodeRune(expr, pos);
    pos += d.width;
    char32_t r = d.rune;
    if (r >= 'A' && r <= 'Z') r += 'a' - 'A';
    if (r == 0x130) r = 'i';
    if (r == 0x212A) r = 'k';
    if (n >= 3 || r != static_cast<unsigned char>(name[n])) return false;
    ++n;
  }
  return n == 3;
}

// The three ASCII letters of `expr` lower-cased and packed into one word, or
// 0 when `expr` is not three ASCII letters (its non-ASCII spellings take
// LowerEquals).
uint32_t PackLower3(absl::string_view expr) {
  if (expr.size() != 3) return 0;
  uint32_t packed = 0;
  for (char c : expr) {
    const auto b = static_cast<unsigned char>(c | 0x20);
    if (b < 'a' || b > 'z') return 0;
    packed = packed << 8 | b;
  }
  return packed;
}

// parser.go mustParseInt. The error is built only when there is one.
absl::Status MustParseIntError(absl::string_view expr, const SpecText& text) {
  absl::StatusOr<int64_t> num = go::Atoi(expr);
  if (!num.ok()) {
    return text.Error(absl::StrCat("failed to parse int from ", expr, ": ", num.status().message()),
                      expr);
  }
  return text.Error(absl::StrCat("negative number (", *num, ") not allowed: ", expr), expr);
}
bool MustParseInt(absl::string_view expr, const SpecText& text, uint64_t& out,
                  absl::Status& error) {
  // Fast path: plain decimal digits that cannot overflow int64.
  if (!expr.empty() && expr.size() <= 18) {
    uint64_t n = 0;
    bool digits = true;
    for (char c : expr) {
      const unsigned d = static_cast<unsigned char>(c) - '0';
      if (d > 9) {
        digits = false;
        break;
      }
      n = n * 10 + d;
    }
    if (digits) {
      out = n;
      return true;
    }
  }
  // Signs, huge numbers and errors: strconv.Atoi as Go has it.
  absl::StatusOr<int64_t> num = go::Atoi(expr);
  if (num.ok() && *num >= 0) {
    out = static_cast<uint64_t>(*num);
    return true;
  }
  error = MustParseIntError(expr, text);
  return false;
}

// parser.go parseIntOrName.
bool ParseIntOrName(absl::string_view expr, const Bounds& r, bool ascii, const SpecText& text,
                    uint64_t& out, absl::Status& error) {
  if (r.name_count != 0) {
    if (ascii) {
      if (const uint32_t packed = PackLower3(expr); packed != 0) {
        for (size_t i = 0; i < r.name_count; ++i) {
          if (packed == r.names[i].packed) {
            out = r.names[i].value;
            return true;
          }
        }
      }
    } else {
      for (size_t i = 0; i < r.name_count; ++i) {
        if (LowerEquals(expr, r.names[i].text)) {
          out = r.names[i].value;
          return true;
        }
      }
    }
  }
  return MustParseInt(expr, text, out, error);
}

// parser.go getBits. Go shifts of 64 or more give 0; the callers only pass
// values within a field's bounds, but keep Go's rule anyway.
uint64_t ShiftLeft(uint64_t v, uint64_t n) { return n >= 64 ? 0 : v << n; }
// kMultiples[s]: bits 0, s, 2s, … below 64.
constexpr std::array<uint64_t, 64> kMultiples = [] {
  std::array<uint64_t, 64> m{};
  for (int s = 1; s < 64; ++s) {
    for (int i = 0; i < 64; i += s) m[s] |= uint64_t{1} << i;
  }
  return m;
}();
uint64_t GetBits(uint64_t min, uint64_t max, uint64_t step) {
  const uint64_t range = ~ShiftLeft(~uint64_t{0}, max + 1) & ShiftLeft(~uint64_t{0}, min);
  if (step >= 64) return ShiftLeft(1, min) & range;  // one value, or none past bit 63
  return ShiftLeft(kMultiples[step], min) & range;
}

uint64_t All(const Bounds& r) { return GetBits(r.min, r.max, 1) | kStarBit; }

// string_view::find(char) is out of line in Debian's Abseil and the pieces
// searched here are a few bytes long: a plain loop is several times cheaper.
size_t FindChar(absl::string_view s, char c, size_t from = 0) {
  for (size_t i = from; i < s.size(); ++i) {
    if (s[i] == c) return i;
  }
  return absl::string_view::npos;
}

// parser.go getRange: number | number "-" number [ "/" number ].
// strings.Split on '/' and '-' is done by hand: only the first two parts and
// whether there are more matter.
bool GetRange(absl::string_view expr, const Bounds& r, bool ascii, const SpecText& text,
              uint64_t& out, absl::Status& error) {
  const size_t slash = FindChar(expr, '/');
  const absl::string_view range = expr.substr(0, slash);
  const size_t hyphen = FindChar(range, '-');
  const absl::string_view low = range.substr(0, hyphen);

  uint64_t start, end, step;
  uint64_t extra = 0;
  if (low.size() == 1 && (low[0] == '*' || low[0] == '?')) {
    // robfig looks no further than the star: `*-5` and `*-x-y` mean `*`.
    start = r.min;
    end = r.max;
    extra = kStarBit;
  } else {
    if (!ParseIntOrName(low, r, ascii, text, start, error)) return false;
    if (hyphen == absl::string_view::npos) {
      end = start;
    } else {
      const absl::string_view high = range.substr(hyphen + 1);
      // Three or more parts: robfig reports the hyphens without reading the second.
      if (FindChar(high, '-') != absl::string_view::npos) {
        error = text.Error(absl::StrCat("too many hyphens: ", expr), expr);
        return false;
      }
      if (!ParseIntOrName(high, r, ascii, text, end, error)) return false;
    }
  }

  if (slash == absl::string_view::npos) {
    step = 1;
  } else {
    const absl::string_view rest = expr.substr(slash + 1);
    const size_t slash2 = FindChar(rest, '/');
    if (slash2 != absl::string_view::npos) {
      error = text.Error(absl::StrCat("too many slashes: ", expr), expr);
      return false;
    }
    if (!MustParseInt(rest, text, step, error)) return false;
    if (hyphen == absl::string_view::npos) end = r.max;  // `N/step` runs to the field's maximum
    if (step > 1) extra = 0;  // `*/1` keeps the star bit, `*/2` does not
  }

  if (start < r.min) {
    error = text.Error(
        absl::StrCat("beginning of range (", start, ") below minimum (", r.min, "): ", expr), expr);
    return false;
  }
  if (end > r.max) {
    error = text.Error(
        absl::StrCat("end of range (", end, ") above maximum (", r.max, "): ", expr), expr);
    return false;
  }
  if (start > end) {
    error = text.Error(
        absl::StrCat("beginning of range (", start, ") beyond end of range (", end, "): ", expr),
        expr);
    return false;
  }
  if (step == 0) {
    error = text.Error(absl::StrCat("step of range should be a positive number: ", expr), expr);
    return false;
  }
  out = GetBits(start, end, step) | extra;
  return true;
}

// A value of the fast path: one to three digits, or (in a field with names)
// three ASCII letters. Anything else — signs, long numbers, other text — is
// left to GetRange.
bool FastValue(const char*& p, const char* end, const Bounds& r, uint64_t& out) {
  if (p == end) return false;
  unsigned d = static_cast<unsigned char>(*p) - '0';
  if (d <= 9) {
    uint64_t v = d;
    const char* const limit = p + 3 < end ? p + 3 : end;
    for (++p; p != limit && (d = static_cast<unsigned char>(*p) - '0') <= 9; ++p) v = v * 10 + d;
    if (p != end && static_cast<unsigned>(static_cast<unsigned char>(*p) - '0') <= 9) return false;
    out = v;
    return true;
  }
  if (r.name_count == 0 || end - p < 3) return false;
  if (end - p > 3 && p[3] != '-' && p[3] != '/') return false;
  const uint32_t packed = PackLower3(absl::string_view(p, 3));
  if (packed == 0) return false;
  for (size_t i = 0; i < r.name_count; ++i) {
    if (packed == r.names[i].packed) {
      out = r.names[i].value;
      p += 3;
      return true;
    }
  }
  return false;
}

// getRange for the everyday shapes of an ASCII item — `*`, `?`, `N`, `N-M`,
// with an optional `/S` — that are within bounds. Returns false, having
// decided nothing, for anything else (including every error), which GetRange
// then handles exactly.
bool FastRange(const char* p, const char* end, const Bounds& r, uint64_t& out) {
  uint64_t start, last, step = 1, extra = 0;
  bool single = false;
  if (*p == '*' || *p == '?') {
    ++p;
    start = r.min;
    last = r.max;
    extra = kStarBit;
  } else {
    if (!FastValue(p, end, r, start)) return false;
    last = start;
    single = true;
    if (p != end && *p == '-') {
      ++p;
      if (!FastValue(p, end, r, last)) return false;
      single = false;
    }
  }
  if (p != end) {
    if (*p != '/') return false;
    ++p;
    if (p == end || static_cast<unsigned>(static_cast<unsigned char>(*p) - '0') > 9) return false;
    const char* const step_begin = p;
    if (!FastValue(p, end, kMinutes, step)) return false;  // digits only (no names)
    if (p != end || p == step_begin) return false;
    if (single) last = r.max;
    if (step > 1) extra = 0;
  }
  if (start < r.min || last > r.max || start > last || step == 0) return false;
  out = GetBits(start, last, step) | extra;
  return true;
}

// parser.go getField: a comma list of ranges; empty items are skipped.
bool GetField(absl::string_view field, const Bounds& r, bool ascii, const SpecText& text,
              uint64_t& bits, absl::Status& error) {
  bits = 0;
  const char* p = field.data();
  const char* const end = p + field.size();
  while (p <= end) {
    const char* item_end = p;
    while (item_end != end && *item_end != ',') ++item_end;
    if (item_end != p) {
      uint64_t b;
      if (!(ascii && FastRange(p, item_end, r, b)) &&
          !GetRange(absl::string_view(p, static_cast<size_t>(item_end - p)), r, ascii, text, b,
                    error)) {
        return false;
      }
      bits |= b;
    }
    p = item_end + 1;
  }
  return true;
}

// strings.Fields: the runs of non-space runes. Stores up to out.size() fields
// and returns how many there are.
template <size_t N>
size_t Fields(absl::string_view s, std::array<absl::string_view, N>& out,
              std::vector<absl::string_view>* all = nullptr) {
  size_t count = 0;
  size_t field_start = 0;
  bool in_field = false;
  for (size_t pos = 0; pos <= s.size();) {
    bool space = true;
    int width = 1;
    if (pos < s.size()) {
      const go::DecodedRune d = go::DecodeRune(s, pos);
      space = go::IsSpace(d.rune);
      width = d.width;
    }
    if (!space && !in_field) {
      in_field = true;
      field_start = pos;
    } else if (space && in_field) {
      in_field = false;
      const absl::string_view f = s.substr(field_start, pos - field_start);
      if (count < N) out[count] = f;
      if (all != nullptr) all->push_back(f);
      ++count;
    }
    pos += width;
  }
  return count;
}

// unicode.IsSpace for one ASCII byte.
bool IsAsciiSpace(char c) {
  constexpr uint64_t kSpaces = uint64_t{1} << ' ' | 0x3E00;  // ' ', '\t' … '\r'
  const auto u = static_cast<unsigned char>(c);
  return u <= ' ' && (kSpaces >> u & 1) != 0;
}

// strings.Fields for ASCII text, which is all strings.Fields does there.
template <size_t N>
size_t AsciiFields(absl::string_view s, std::array<absl::string_view, N>& out) {
  size_t count = 0;
  const char* p = s.data();
  const char* const end = p + s.size();
  while (true) {
    while (p != end && IsAsciiSpace(*p)) ++p;
    if (p == end) return count;
    const char* const begin = p;
    while (p != end && !IsAsciiSpace(*p)) ++p;
    if (count < N) out[count] = absl::string_view(begin, static_cast<size_t>(p - begin));
    ++count;
  }
}

bool IsAscii(absl::string_view s) {
  uint64_t high = 0;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    high |= word;
  }
  for (; i < s.size(); ++i) high |= static_cast<unsigned char>(s[i]);
  return (high & 0x8080808080808080u) == 0;
}

// strings.TrimSpace.
absl::string_view TrimSpace(absl::string_view s, bool ascii) {
  if (!ascii) return go::TrimSpace(s);
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

CronFields FromBits(uint64_t minute, uint64_t hour, uint64_t dom, uint64_t month, uint64_t dow) {
  CronFields f;
  f.minute = minute & ~kStarBit;
  f.hour = static_cast<uint32_t>(hour);
  f.dom = static_cast<uint32_t>(dom);
  f.month = static_cast<uint16_t>(month);
  f.dow = static_cast<uint8_t>(dow);
  f.dom_star = (dom & kStarBit) != 0;
  f.dow_star = (dow & kStarBit) != 0;
  return f;
}

// parser.go parseDescriptor. `descriptor` is matched exactly (no trimming).
absl::StatusOr<Schedule> ParseDescriptor(absl::string_view descriptor, const Zone& zone,
                                         const SpecText& text) {
  if (descriptor == "@yearly" || descriptor == "@annually") {
    return Schedule::Cron(FromBits(1, 1, 1 << kDom.min, 1 << kMonths.min, All(kDow)), zone);
  }
  if (descriptor == "@monthly") {
    return Schedule::Cron(FromBits(1, 1, 1 << kDom.min, All(kMonths), All(kDow)), zone);
  }
  if (descriptor == "@weekly") {
    return Schedule::Cron(FromBits(1, 1, All(kDom), All(kMonths), 1 << kDow.min), zone);
  }
  if (descriptor == "@daily" || descriptor == "@midnight") {
    return Schedule::Cron(FromBits(1, 1, All(kDom), All(kMonths), All(kDow)), zone);
  }
  if (descriptor == "@hourly") {
    return Schedule::Cron(FromBits(1, All(kHours), All(kDom), All(kMonths), All(kDow)), zone);
  }
  constexpr absl::string_view kEvery = "@every ";
  if (absl::StartsWith(descriptor, kEvery)) {
    const absl::string_view duration = descriptor.substr(kEvery.size());
    absl::StatusOr<int64_t> ns = go::ParseDuration(duration);
    if (!ns.ok()) {
      // Underline the duration; an empty one has nothing to underline, so
      // the whole descriptor is marked instead.
      return text.Error(
          absl::StrCat("failed to parse duration ", descriptor, ": ", ns.status().message()),
          duration.empty() ? descriptor : duration);
    }
    return Schedule::Every(*ns, zone);
  }
  return text.Error(absl::StrCat("unrecognized descriptor: ", descriptor), descriptor);
}

}  // namespace

Schedule Schedule::Cron(const CronFields& fields, const Zone& zone) {
  Schedule s;
  s.kind_ = Kind::kCron;
  s.fields_ = fields;
  s.zone_ = &zone;
  // Day d of a month whose 1st is weekday w falls on weekday (w + d - 1) % 7:
  // the week of days 1–7 is `dow` rotated right by w, shifted to bit 1, and
  // it repeats every 7 days.
  const uint32_t dow = fields.dow & 0x7f;
  for (int w = 0; w < 7; ++w) {
    const uint64_t week = ((dow >> w) | (dow << (7 - w))) & 0x7f;
    constexpr uint64_t kEveryWeek = 1 | 1 << 7 | 1 << 14 | 1 << 21 | 1 << 28;
    s.dow_days_[w] = static_cast<uint32_t>((week << 1) * kEveryWeek) & 0xfffffffeu;
  }
  return s;
}

Schedule Schedule::Every(int64_t delay_nanoseconds, const Zone& zone) {
  // constantdelay.go Every: at least a second, whole seconds only.
  constexpr int64_t kSecond = 1000 * 1000 * 1000;
  Schedule s;
  s.kind_ = Kind::kEvery;
  s.every_seconds_ = delay_nanoseconds < kSecond ? 1 : delay_nanoseconds / kSecond;
  s.zone_ = &zone;
  return s;
}

absl::StatusOr<Schedule> ParseStandard(absl::string_view spec, const TimeZones& zones) {
  const SpecText text(spec);
  if (spec.empty()) return text.WholeError("empty spec string");
  // ASCII specs (nearly all) take byte-wise paths for spaces and names; the
  // Go rune-wise ones are exact for any text.
  const bool ascii = IsAscii(spec);

  // parser.go Parse: an optional TZ=/CRON_TZ= prefix names the location.
  const Zone* zone = &zones.utc();
  absl::string_view rest = spec;
  if (absl::StartsWith(spec, "TZ=") || absl::StartsWith(spec, "CRON_TZ=")) {
    const size_t space = spec.find(' ');
    if (space == absl::string_view::npos) {
      // robfig slices spec[eq+1:-1] here and panics.
      return text.WholeError(absl::StrCat(
          spec, ": a time zone prefix must be followed by a space and a schedule"));
    }
    const size_t eq = spec.find('=');
    const absl::string_view name = spec.substr(eq + 1, space - eq - 1);
    absl::StatusOr<const Zone*> found = zones.Find(name);
    if (!found.ok()) {
      return text.Error(
          absl::StrCat("provided bad location ", name, ": ", found.status().message()), name);
    }
    zone = *found;
    rest = TrimSpace(spec.substr(space), ascii);
  }

  if (!rest.empty() && rest[0] == '@') return ParseDescriptor(rest, *zone, text);

  std::array<absl::string_view, 5> fields;
  if (const size_t count = ascii ? AsciiFields(rest, fields) : Fields(rest, fields); count != 5) {
    std::vector<absl::string_view> all;
    Fields(rest, fields, &all);
    // Go's %s of a []string: "[a b c]".
    return text.WholeError(absl::StrCat("expected exactly 5 fields, found ", count, ": [",
                                        absl::StrJoin(all, " "), "]"));
  }

  static constexpr const Bounds* kBounds[5] = {&kMinutes, &kHours, &kDom, &kMonths, &kDow};
  uint64_t bits[5];
  absl::Status error;
  for (int i = 0; i < 5; ++i) {
    if (!GetField(fields[i], *kBounds[i], ascii, text, bits[i], error)) return error;
  }
  return Schedule::Cron(FromBits(bits[0], bits[1], bits[2], bits[3], bits[4]), *zone);
}

std::optional<SourceSpan> ScheduleErrorSpan(const absl::Status& status) {
  auto payload = status.GetPayload(kSpanTypeUrl);  // absl::optional<absl::Cord>
  if (!payload) return std::nullopt;
  const std::string flat(*payload);
  std::pair<absl::string_view, absl::string_view> parts = absl::StrSplit(flat, ',');
  SourceSpan span;
  if (!absl::SimpleAtoi(parts.first, &span.begin) || !absl::SimpleAtoi(parts.second, &span.end)) {
    return std::nullopt;
  }
  return span;
}

}  // namespace kron
