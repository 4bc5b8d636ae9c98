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

struct Name {
  const char* text;
  uint64_t value;
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

// parser.go mustParseInt.
absl::StatusOr<uint64_t> MustParseInt(absl::string_view expr, const SpecText& text) {
  absl::StatusOr<int64_t> num = go::Atoi(expr);
  if (!num.ok()) {
    return text.Error(absl::StrCat("failed to parse int from ", expr, ": ", num.status().message()),
                      expr);
  }
  if (*num < 0) {
    return text.Error(absl::StrCat("negative number (", *num, ") not allowed: ", expr), expr);
  }
  return static_cast<uint64_t>(*num);
}

// parser.go parseIntOrName.
absl::StatusOr<uint64_t> ParseIntOrName(absl::string_view expr, const Bounds& r,
                                        const SpecText& text) {
  for (size_t i = 0; i < r.name_count; ++i) {
    if (LowerEquals(expr, r.names[i].text)) return r.names[i].value;
  }
  return MustParseInt(expr, text);
}

// strings.Split(s, sep) for a one-byte sep: the first `kKeep` parts and how
// many parts there are in all.
template <size_t kKeep>
struct Parts {
  std::array<absl::string_view, kKeep> part;
  size_t count = 0;
};
template <size_t kKeep>
Parts<kKeep> SplitOn(absl::string_view s, char sep) {
  Parts<kKeep> out;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    const size_t end = at == absl::string_view::npos ? s.size() : at;
    if (out.count < kKeep) out.part[out.count] = s.substr(start, end - start);
    ++out.count;
    if (at == absl::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

// parser.go getBits. Go shifts of 64 or more give 0; the callers only pass
// values within a field's bounds, but keep Go's rule anyway.
uint64_t ShiftLeft(uint64_t v, uint64_t n) { return n >= 64 ? 0 : v << n; }
uint64_t GetBits(uint64_t min, uint64_t max, uint64_t step) {
  if (step == 1) return ~ShiftLeft(~uint64_t{0}, max + 1) & ShiftLeft(~uint64_t{0}, min);
  uint64_t bits = 0;
  // step < 2^63 and max < 64, so i never wraps.
  for (uint64_t i = min; i <= max; i += step) bits |= ShiftLeft(1, i);
  return bits;
}

uint64_t All(const Bounds& r) { return GetBits(r.min, r.max, 1) | kStarBit; }

// parser.go getRange: number | number "-" number [ "/" number ].
absl::StatusOr<uint64_t> GetRange(absl::string_view expr, const Bounds& r, const SpecText& text) {
  const Parts<2> range_and_step = SplitOn<2>(expr, '/');
  const Parts<2> low_and_high = SplitOn<2>(range_and_step.part[0], '-');
  const bool single = low_and_high.count == 1;

  uint64_t start, end, step;
  uint64_t extra = 0;
  if (low_and_high.part[0] == "*" || low_and_high.part[0] == "?") {
    // robfig looks no further than the star: `*-5` and `*-x-y` mean `*`.
    start = r.min;
    end = r.max;
    extra = kStarBit;
  } else {
    absl::StatusOr<uint64_t> v = ParseIntOrName(low_and_high.part[0], r, text);
    if (!v.ok()) return v.status();
    start = *v;
    switch (low_and_high.count) {
      case 1:
        end = start;
        break;
      case 2: {
        absl::StatusOr<uint64_t> e = ParseIntOrName(low_and_high.part[1], r, text);
        if (!e.ok()) return e.status();
        end = *e;
        break;
      }
      default:
        return text.Error(absl::StrCat("too many hyphens: ", expr), expr);
    }
  }

  switch (range_and_step.count) {
    case 1:
      step = 1;
      break;
    case 2: {
      absl::StatusOr<uint64_t> s = MustParseInt(range_and_step.part[1], text);
      if (!s.ok()) return s.status();
      step = *s;
      if (single) end = r.max;  // `N/step` runs to the field's maximum
      if (step > 1) extra = 0;  // `*/1` keeps the star bit, `*/2` does not
      break;
    }
    default:
      return text.Error(absl::StrCat("too many slashes: ", expr), expr);
  }

  if (start < r.min) {
    return text.Error(
        absl::StrCat("beginning of range (", start, ") below minimum (", r.min, "): ", expr), expr);
  }
  if (end > r.max) {
    return text.Error(
        absl::StrCat("end of range (", end, ") above maximum (", r.max, "): ", expr), expr);
  }
  if (start > end) {
    return text.Error(
        absl::StrCat("beginning of range (", start, ") beyond end of range (", end, "): ", expr),
        expr);
  }
  if (step == 0) {
    return text.Error(absl::StrCat("step of range should be a positive number: ", expr), expr);
  }
  return GetBits(start, end, step) | extra;
}

// parser.go getField: a comma list of ranges; empty items are skipped.
absl::StatusOr<uint64_t> GetField(absl::string_view field, const Bounds& r, const SpecText& text) {
  uint64_t bits = 0;
  for (absl::string_view expr : absl::StrSplit(field, ',', absl::SkipEmpty())) {
    absl::StatusOr<uint64_t> b = GetRange(expr, r, text);
    if (!b.ok()) return b.status();
    bits |= *b;
  }
  return bits;
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
  for (int w = 0; w < 7; ++w) {
    uint32_t days = 0;
    for (int d = 1; d <= 31; ++d) {
      if (fields.dow >> ((w + d - 1) % 7) & 1) days |= uint32_t{1} << d;
    }
    s.dow_days_[w] = days;
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
    rest = go::TrimSpace(spec.substr(space));
  }

  if (absl::StartsWith(rest, "@")) return ParseDescriptor(rest, *zone, text);

  std::array<absl::string_view, 5> fields;
  if (const size_t count = Fields(rest, fields); count != 5) {
    std::vector<absl::string_view> all;
    Fields(rest, fields, &all);
    // Go's %s of a []string: "[a b c]".
    return text.WholeError(absl::StrCat("expected exactly 5 fields, found ", count, ": [",
                                        absl::StrJoin(all, " "), "]"));
  }

  const Bounds* bounds[5] = {&kMinutes, &kHours, &kDom, &kMonths, &kDow};
  uint64_t bits[5];
  for (int i = 0; i < 5; ++i) {
    absl::StatusOr<uint64_t> b = GetField(fields[i], *bounds[i], text);
    if (!b.ok()) return b.status();
    bits[i] = *b;
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
