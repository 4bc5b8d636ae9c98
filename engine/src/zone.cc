// zone.cc — Zone (flat transition tables answering like Go's time.Location)
// and TimeZones (the system tz database, compiled lazily).
//
// How Go 1.19 answers an offset (src/time/zoneinfo.go, Location.lookup), and
// so what kron reproduces:
//   * before the first transition of the TZif file: the zone picked by
//     Location.lookupFirstZone (not necessarily the file's first entry);
//   * between transitions: the TZif transition table;
//   * from the file's last transition on: the footer's POSIX TZ rule, evaluated
//     by tzset within the UTC calendar year (posix_tz.cc).
// Transitions come from date/tz (which reads the same TZif files); the first
// zone and the footer come from a small read of the TZif file itself, because
// date/tz exposes neither (date/tz gives the earliest period as its own choice
// of zone, which is not always Go's).
#include "kron/zone.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "date/tz.h"
#include "posix_tz.h"
#include <sys/stat.h>

namespace kron {
namespace {

using internal::PosixOffsetAt;
using internal::PosixRuleDate;
using internal::PosixTz;

constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

// The rule is expanded into the table up to the end of this year; later
// instants are answered from the rule directly.
constexpr int64_t kLastTableYear = 2400;

constexpr char kZoneinfoDir[] = "/usr/share/zoneinfo/";

}  // namespace

namespace {

// Converts between the header's compact rule date and the parser's.
PosixRuleDate Expand(char kind, int16_t a, int16_t b, int16_t c, int32_t time) {
  PosixRuleDate r;
  r.kind = static_cast<PosixRuleDate::Kind>(kind);
  r.month = a;
  r.week = b;
  r.day = c;
  r.time = time;
  return r;
}

struct Breakpoint {
  int64_t at;
  int32_t offset;
  bool is_dst;
};

// The instants within UTC years [y0, y1] at which Go's tzset answer may change
// (the rule's two transitions and each year start, since tzset evaluates per
// UTC year), with the answer from each.
void RuleBreakpoints(const PosixTz& tz, int64_t y0, int64_t y1, std::vector<Breakpoint>& out) {
  for (int64_t y = y0; y <= y1; ++y) {
    const int64_t start = internal::UtcYearStart(y);
    const int64_t next = internal::UtcYearStart(y + 1);
    int64_t cand[3] = {start, start + internal::PosixRuleTime(y, tz.start, tz.std_offset),
                       start + internal::PosixRuleTime(y, tz.end, tz.dst_offset)};
    std::sort(std::begin(cand), std::end(cand));
    for (int64_t c : cand) {
      if (c < start || c >= next) continue;
      if (!out.empty() && out.back().at >= c) continue;
      internal::PosixOffset o = PosixOffsetAt(tz, c);
      out.push_back({c, o.offset, o.is_dst});
    }
  }
}

}  // namespace

Zone Zone::Fixed(std::string name, int32_t offset) {
  Zone z;
  z.name_ = std::move(name);
  z.offset_ = {offset};
  z.is_dst_ = {0};
  return z;
}

absl::StatusOr<Zone> Zone::FromTransitions(std::string name, std::vector<int64_t> transitions,
                                           std::vector<int32_t> offsets, std::vector<bool> is_dst,
                                           absl::string_view tail_rule) {
  if (offsets.size() != transitions.size() + 1 || is_dst.size() != offsets.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("zone ", name, ": need one offset and DST flag more than transitions"));
  }
  for (size_t i = 1; i < transitions.size(); ++i) {
    if (transitions[i] <= transitions[i - 1]) {
      return absl::InvalidArgumentError(
          absl::StrCat("zone ", name, ": transitions not strictly ascending at index ", i));
    }
  }
  std::optional<PosixTz> rule;
  if (!tail_rule.empty()) rule = internal::ParsePosixTz(tail_rule);

  std::vector<Breakpoint> points;
  points.reserve(transitions.size() + 2 * 400);
  for (size_t i = 0; i < transitions.size(); ++i) {
    points.push_back({transitions[i], offsets[i + 1], static_cast<bool>(is_dst[i + 1])});
  }
  int32_t first_offset = offsets[0];
  bool first_dst = is_dst[0];

  Zone z;
  z.name_ = std::move(name);
  // Go's lookup hands every instant at or after the last transition to the
  // rule (when the rule parses; otherwise the last zone stays forever).
  if (rule) {
    if (points.empty()) {
      // No table at all: the rule decides for every instant. Expand it from
      // year 1; earlier instants keep year 1's first answer.
      std::vector<Breakpoint> r;
      RuleBreakpoints(*rule, 1, kLastTableYear, r);
      first_offset = r.front().offset;
      first_dst = r.front().is_dst;
      points.assign(r.begin() + 1, r.end());
    } else {
      const int64_t last = points.back().at;
      internal::PosixOffset o = PosixOffsetAt(*rule, last);
      points.back().offset = o.offset;
      points.back().is_dst = o.is_dst;
      if (rule->has_dst) {
        std::vector<Breakpoint> r;
        RuleBreakpoints(*rule, internal::UtcYearOf(last), kLastTableYear, r);
        for (const Breakpoint& b : r) {
          if (b.at > last) points.push_back(b);
        }
      }
    }
    if (rule->has_dst) {
      z.has_rule_ = true;
      z.std_offset_ = rule->std_offset;
      z.dst_offset_ = rule->dst_offset;
      auto pack = [](const PosixRuleDate& d) {
        return RuleDate{static_cast<char>(d.kind), static_cast<int16_t>(d.month),
                        static_cast<int16_t>(d.week), static_cast<int16_t>(d.day), d.time};
      };
      z.rule_start_ = pack(rule->start);
      z.rule_end_ = pack(rule->end);
      z.table_end_ = internal::UtcYearStart(kLastTableYear + 1);
    }
  }

  // Keep only transitions that change the offset or the DST flag.
  z.offset_.push_back(first_offset);
  z.is_dst_.push_back(first_dst);
  for (const Breakpoint& b : points) {
    if (b.offset == z.offset_.back() && b.is_dst == static_cast<bool>(z.is_dst_.back())) continue;
    z.at_.push_back(b.at);
    z.offset_.push_back(b.offset);
    z.is_dst_.push_back(b.is_dst);
  }
  z.at_.shrink_to_fit();
  z.offset_.shrink_to_fit();
  z.is_dst_.shrink_to_fit();
  return z;
}

Zone::Period Zone::PeriodAt(Instant t) const {
  const int64_t s = t.unix_seconds();
  const size_t idx = std::upper_bound(at_.begin(), at_.end(), s) - at_.begin();
  if (has_rule_ && idx == at_.size()) return RulePeriod(s);
  return Period{idx == 0 ? kMin : at_[idx - 1], idx == at_.size() ? kMax : at_[idx], offset_[idx],
                is_dst_[idx] != 0};
}

// Beyond the table: evaluate the rule around `unix_seconds` (no allocation: at most
// three years of breakpoints).
Zone::Period Zone::RulePeriod(int64_t unix_seconds) const {
  PosixTz tz;
  tz.has_dst = true;
  tz.std_offset = std_offset_;
  tz.dst_offset = dst_offset_;
  tz.start = Expand(rule_start_.kind, rule_start_.a, rule_start_.b, rule_start_.c, rule_start_.time);
  tz.end = Expand(rule_end_.kind, rule_end_.a, rule_end_.b, rule_end_.c, rule_end_.time);
  const int64_t y = internal::UtcYearOf(unix_seconds);
  Breakpoint pts[9];
  int n = 0;
  for (int64_t yy = y - 1; yy <= y + 1; ++yy) {
    const int64_t start = internal::UtcYearStart(yy);
    const int64_t next = internal::UtcYearStart(yy + 1);
    int64_t cand[3] = {start, start + internal::PosixRuleTime(yy, tz.start, tz.std_offset),
                       start + internal::PosixRuleTime(yy, tz.end, tz.dst_offset)};
    std::sort(std::begin(cand), std::end(cand));
    for (int64_t c : cand) {
      if (c < start || c >= next || (n > 0 && pts[n - 1].at >= c)) continue;
      internal::PosixOffset o = PosixOffsetAt(tz, c);
      pts[n++] = {c, o.offset, o.is_dst};
    }
  }
  int i = 0;
  while (i + 1 < n && pts[i + 1].at <= unix_seconds) ++i;
  auto same = [&](int a, int b) {
    return pts[a].offset == pts[b].offset && pts[a].is_dst == pts[b].is_dst;
  };
  int lo = i, hi = i;
  while (lo > 0 && same(lo - 1, i)) --lo;
  while (hi + 1 < n && same(hi + 1, i)) ++hi;
  const int64_t start = (lo == 0 && at_.empty() == false) ? std::max(pts[0].at, at_.back()) : pts[lo].at;
  const int64_t end = hi + 1 < n ? pts[hi + 1].at : kMax;
  return Period{start, end, pts[i].offset, pts[i].is_dst};
}

Instant Zone::FromLocal(LocalSeconds local) const {
  // Go's time.Date (src/time/time.go): look the reading up as if it were UTC,
  // subtract that offset, and if the result falls outside the period found,
  // look up again there. Both cases equal L - off(L - off(L)).
  const int64_t l = local.time_since_epoch().count();
  const int32_t o1 = OffsetAt(Instant::FromUnixSeconds(l));
  const int32_t o2 = OffsetAt(Instant::FromUnixSeconds(l - o1));
  return Instant::FromUnixSeconds(l - o2);
}

// ---------------------------------------------------------------------------
// TimeZones

namespace {

// A TZif file (RFC 8536) as Go reads it: the 64-bit block when there is one,
// leap-second records ignored. For listed zones kron takes the transitions
// from date/tz and only the first zone and the footer from here; files date/tz
// does not list (right/..., Factory, posixrules) are compiled from this alone.
struct Tzif {
  int32_t first_offset = 0;  // Go's zone before the first transition
  bool first_is_dst = false;
  std::vector<int64_t> at;
  std::vector<int32_t> offsets;  // at.size() + 1, offsets[0] = first_offset
  std::vector<bool> is_dst;
  std::string footer;
};

// Go's text for a file that is not TZif (src/time/zoneinfo_read.go).
constexpr char kMalformed[] = "malformed time zone information";

uint32_t Be32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

[[maybe_unused]] absl::StatusOr<Tzif> ReadTzif(const std::string& data) {
  auto bad = [] { return absl::NotFoundError(kMalformed); };
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  const size_t size = data.size();
  struct Counts {
    uint32_t isut, isstd, leap, time, type, chars;
  };
  auto header = [&](size_t at, Counts& c) -> bool {
    if (at + 44 > size || std::memcmp(p + at, "TZif", 4) != 0) return false;
    const unsigned char* h = p + at + 20;
    c = {Be32(h), Be32(h + 4), Be32(h + 8), Be32(h + 12), Be32(h + 16), Be32(h + 20)};
    return true;
  };
  Counts c;
  if (!header(0, c)) return bad();
  const int version = p[4] == 0 ? 1 : p[4] - '0';
  size_t at = 44;
  int tsize = 4;
  if (version >= 2) {
    // Skip the 32-bit block; Go reads the 64-bit one.
    at += size_t{c.time} * 5 + size_t{c.type} * 6 + c.chars + size_t{c.leap} * 8 + c.isstd + c.isut;
    if (!header(at, c)) return bad();
    at += 44;
    tsize = 8;
  }
  const size_t tx_at = at;
  const size_t idx_at = tx_at + size_t{c.time} * tsize;
  const size_t type_at = idx_at + c.time;
  const size_t end =
      type_at + size_t{c.type} * 6 + c.chars + size_t{c.leap} * (tsize + 4) + c.isstd + c.isut;
  if (end > size || c.type == 0) return bad();

  struct Type {
    int32_t off;
    bool dst;
  };
  std::vector<Type> types(c.type);
  for (uint32_t i = 0; i < c.type; ++i) {
    const unsigned char* t = p + type_at + 6 * i;
    types[i] = {static_cast<int32_t>(Be32(t)), t[4] != 0};
  }
  Tzif x;
  std::vector<uint8_t> idx(p + idx_at, p + idx_at + c.time);
  for (uint32_t i = 0; i < c.time; ++i) {
    if (idx[i] >= c.type) return bad();
    const unsigned char* q = p + tx_at + size_t{i} * tsize;
    const int64_t t = tsize == 8 ? static_cast<int64_t>((uint64_t{Be32(q)} << 32) | Be32(q + 4))
                                 : static_cast<int64_t>(static_cast<int32_t>(Be32(q)));
    x.at.push_back(t);
    x.offsets.push_back(types[idx[i]].off);
    x.is_dst.push_back(types[idx[i]].dst);
  }

  // Go's Location.lookupFirstZone (src/time/zoneinfo.go): zone 0 unless a
  // transition uses it; then the last standard zone before the first
  // transition's zone if that one is DST; then the first standard zone.
  size_t first = 0;
  if (std::find(idx.begin(), idx.end(), 0) != idx.end()) {
    bool found = false;
    if (!idx.empty() && types[idx[0]].dst) {
      for (int zi = static_cast<int>(idx[0]) - 1; zi >= 0 && !found; --zi) {
        if (!types[zi].dst) first = zi, found = true;
      }
    }
    for (size_t zi = 0; zi < types.size() && !found; ++zi) {
      if (!types[zi].dst) first = zi, found = true;
    }
  }
  x.first_offset = types[first].off;
  x.first_is_dst = types[first].dst;
  x.offsets.insert(x.offsets.begin(), x.first_offset);
  x.is_dst.insert(x.is_dst.begin(), x.first_is_dst);
  if (version >= 2 && end < size && p[end] == '\n') {
    const size_t nl = data.find('\n', end + 1);
    if (nl != std::string::npos) x.footer = data.substr(end + 1, nl - end - 1);
  }
  return x;
}

std::string TzdataVersion(const std::string& fallback) {
  // date/tz in OS mode reports "unknown"; tzdata.zi starts with "# version 2025b".
  std::ifstream in(absl::StrCat(kZoneinfoDir, "tzdata.zi"));
  std::string line;
  while (in && std::getline(in, line)) {
    absl::string_view v = line;
    if (absl::ConsumePrefix(&v, "# version ")) return std::string(absl::StripAsciiWhitespace(v));
    if (!absl::StartsWith(v, "#")) break;
  }
  return fallback;
}

#ifndef KRON_TZ_TEXT_DIR
// Reads /usr/share/zoneinfo/<name> as Go's loadTzinfoFromDirOrZip does, with
// Go's error texts: the errno text for directories ("is a directory", "not a
// directory"), "malformed time zone information" for files that are not TZif.
absl::StatusOr<Tzif> LoadTzifFile(absl::string_view name) {
  const std::string path = absl::StrCat(kZoneinfoDir, name);
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOTDIR) return absl::NotFoundError("not a directory");
    return absl::NotFoundError(absl::StrCat("unknown time zone ", name));
  }
  if (S_ISDIR(st.st_mode)) return absl::NotFoundError("is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("unknown time zone ", name));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ReadTzif(ss.str());
}
#else   // KRON_TZ_TEXT_DIR
// The WebAssembly module has no TZif files. date/tz reads the IANA text files
// in KRON_TZ_TEXT_DIR, and scripts/tzdata-expand.py wrote there, from the
// host's TZif files at build time, what zone.cc needs of them for each name:
//   name \t first_offset \t first_is_dst \t last_transition|- \t footer
// The Tzif returned has only the last transition in `at`: where date/tz's
// transitions stop and the footer takes over, as in the native build.
absl::StatusOr<Tzif> LoadTzifFile(absl::string_view name) {
  constexpr char kPath[] = KRON_TZ_TEXT_DIR "/tzif-extras";
  std::ifstream in(kPath, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<absl::string_view> f = absl::StrSplit(line, '\t');
    if (f.size() != 5 || f[0] != name) continue;
    Tzif x;
    int dst = 0;
    int64_t last = 0;
    if (!absl::SimpleAtoi(f[1], &x.first_offset) || !absl::SimpleAtoi(f[2], &dst) ||
        !(f[3] == "-" || absl::SimpleAtoi(f[3], &last))) {
      return absl::NotFoundError(kMalformed);
    }
    x.first_is_dst = dst != 0;
    x.offsets.push_back(x.first_offset);
    x.is_dst.push_back(x.first_is_dst);
    if (f[3] != "-") {
      x.at.push_back(last);
      x.offsets.push_back(x.first_offset);  // unused: listed zones take date/tz's
      x.is_dst.push_back(x.first_is_dst);
    }
    x.footer = std::string(f[4]);
    return x;
  }
  return absl::NotFoundError(absl::StrCat("unknown time zone ", name));
}
#endif  // KRON_TZ_TEXT_DIR

absl::StatusOr<Zone> CompileSystemZone(const std::string& name, bool listed) {
  absl::StatusOr<Tzif> tzif = LoadTzifFile(name);
  if (!tzif.ok()) return tzif.status();
  if (!listed) {
    // A file date/tz does not list but Go loads (right/..., Factory,
    // posixrules, America//New_York): the file's own table.
    return Zone::FromTransitions(name, std::move(tzif->at), std::move(tzif->offsets),
                                 std::move(tzif->is_dst), tzif->footer);
  }
  std::vector<int64_t> at;
  std::vector<int32_t> offsets;
  std::vector<bool> dst;
  try {
    const date::time_zone* tz = date::locate_zone(name);
    using date::sys_seconds;
    // date/tz's transitions up to the file's last one, the footer after it.
    // In OS mode they are the file's own; in text mode (wasm) date/tz computes
    // them from the rules without end, so the stop matters there.
    const int64_t stop = tzif->at.empty() ? kMin : tzif->at.back() + 1;
    date::sys_info info = tz->get_info(sys_seconds(std::chrono::seconds(kMinUnixSeconds * 8)));
    // Go's zone before the first transition, not date/tz's (see top).
    offsets.push_back(tzif->first_offset);
    dst.push_back(tzif->first_is_dst);
    while (info.end.time_since_epoch().count() < stop) {
      const sys_seconds t = info.end;
      info = tz->get_info(t);
      at.push_back(t.time_since_epoch().count());
      offsets.push_back(static_cast<int32_t>(info.offset.count()));
      dst.push_back(info.save != std::chrono::minutes(0));
    }
  } catch (const std::exception&) {
    return absl::NotFoundError(absl::StrCat("unknown time zone ", name));
  }
  return Zone::FromTransitions(name, std::move(at), std::move(offsets), std::move(dst),
                               tzif->footer);
}

}  // namespace

absl::StatusOr<std::unique_ptr<TimeZones>> TimeZones::LoadSystem() {
  std::unique_ptr<TimeZones> zones(new TimeZones());
  try {
    const date::tzdb& db = date::get_tzdb();
    for (const date::time_zone& z : db.zones) {
      // "localtime" is this machine's own setting (a link to /etc/localtime),
      // not a tz database name.
      if (z.name() == "localtime") continue;
      zones->names_.push_back(z.name());
    }
#if !USE_OS_TZDB
    for (const date::time_zone_link& l : db.links) zones->names_.push_back(l.name());
#endif
    zones->version_ = TzdataVersion(db.version);
  } catch (const std::exception& e) {
    return absl::UnavailableError(absl::StrCat("cannot load the tz database: ", e.what()));
  }
  std::sort(zones->names_.begin(), zones->names_.end());
  zones->names_.erase(std::unique(zones->names_.begin(), zones->names_.end()), zones->names_.end());
  zones->utc_ = std::make_unique<Zone>(Zone::Fixed("UTC", 0));
  return zones;
}

absl::StatusOr<const Zone*> TimeZones::Find(absl::string_view name) const {
  // Go 1.19 time.LoadLocation (src/time/zoneinfo.go).
  if (name.empty() || name == "UTC") return utc_.get();
  // "Local" is the process's zone; the controller runs in UTC containers.
  if (name == "Local") return utc_.get();
  if (absl::StrContains(name, "..") || name[0] == '/' || name[0] == '\\') {
    return absl::InvalidArgumentError("time: invalid location name");
  }
  absl::MutexLock lock(&mu_);
  if (auto it = compiled_.find(name); it != compiled_.end()) return it->second.get();
  // Like Go, any TZif file under the zoneinfo directory is a zone, listed or not.
  const bool listed = std::binary_search(names_.begin(), names_.end(), name);
  absl::StatusOr<Zone> z = CompileSystemZone(std::string(name), listed);
  if (!z.ok()) return z.status();
  auto [it, inserted] = compiled_.emplace(std::string(name), std::make_unique<Zone>(*std::move(z)));
  return it->second.get();
}

}  // namespace kron
