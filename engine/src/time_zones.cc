// time_zones.cc — building zones: Zone::FromTransitions (a transition table
// plus a POSIX TZ rule, expanded into the table up to 2400) and TimeZones, the
// tz database compiled lazily, one zone at a time.
//
// Natively the inputs are the system's TZif files, read as Go reads them: the
// transitions come from date/tz (which reads the same files); Go's first zone
// (Location.lookupFirstZone) and the footer rule come from a small read of the
// file itself, because date/tz exposes neither. Built with
// KRON_ZONES_FROM_TABLE (the WebAssembly module) they come from a zone table
// made natively at build time (TimeZones::ExportTable), and neither date/tz's
// tz code nor any file is needed. Runs once per zone, so the WebAssembly build
// compiles this file for size (zone.cc holds the per-call lookups).
#include "kron/zone.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iterator>
#include <limits>
#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "posix_tz.h"
#ifndef KRON_ZONES_FROM_TABLE
#include <dirent.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "date/tz.h"
#endif

namespace kron {
namespace {

using internal::PosixBreakpoint;
using internal::PosixOffsetAt;
using internal::PosixRuleDate;
using internal::PosixTz;

constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

// The rule is expanded into the table up to the end of this year; later
// instants are answered from the rule directly (Zone::RulePeriod).
constexpr int64_t kLastTableYear = 2400;

#ifndef KRON_ZONES_FROM_TABLE
constexpr char kZoneinfoDir[] = "/usr/share/zoneinfo/";
#endif

// Go's tzset answers from each change point within UTC years [y0, y1].
void RuleBreakpoints(const PosixTz& tz, int64_t y0, int64_t y1, std::vector<PosixBreakpoint>& out) {
  for (int64_t y = y0; y <= y1; ++y) {
    PosixBreakpoint year[3];
    const int n = internal::PosixYearBreakpoints(tz, y, year);
    out.insert(out.end(), year, year + n);
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

  std::vector<PosixBreakpoint> points;
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
      std::vector<PosixBreakpoint> r;
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
        std::vector<PosixBreakpoint> r;
        RuleBreakpoints(*rule, internal::UtcYearOf(last), kLastTableYear, r);
        for (const PosixBreakpoint& b : r) {
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
  for (const PosixBreakpoint& b : points) {
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

namespace {

// What Zone::FromTransitions is given for one zone. Natively read from a TZif
// file (RFC 8536) as Go reads it — the 64-bit block when there is one,
// leap-second records ignored — or assembled from date/tz's transitions; in
// the table build, decoded from the zone table.
struct Tzif {
  int32_t first_offset = 0;  // Go's zone before the first transition
  bool first_is_dst = false;
  std::vector<int64_t> at;
  std::vector<int32_t> offsets;  // at.size() + 1, offsets[0] = first_offset
  std::vector<bool> is_dst;
  std::string footer;
};

// Go's texts (src/time/zoneinfo_read.go, and the errno texts of its open).
constexpr char kMalformed[] = "malformed time zone information";
constexpr char kIsDirectory[] = "is a directory";
constexpr char kNotDirectory[] = "not a directory";

absl::Status Unknown(absl::string_view name) {
  return absl::NotFoundError(absl::StrCat("unknown time zone ", name));
}

#ifndef KRON_ZONES_FROM_TABLE
uint32_t Be32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

absl::StatusOr<Tzif> ReadTzif(const std::string& data) {
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

// Reads /usr/share/zoneinfo/<name> as Go's loadTzinfoFromDirOrZip does, with
// Go's error texts: the errno text for directories ("is a directory", "not a
// directory"), "malformed time zone information" for files that are not TZif.
absl::StatusOr<Tzif> LoadTzifFile(absl::string_view name) {
  const std::string path = absl::StrCat(kZoneinfoDir, name);
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOTDIR) return absl::NotFoundError(kNotDirectory);
    return Unknown(name);
  }
  if (S_ISDIR(st.st_mode)) return absl::NotFoundError(kIsDirectory);
  std::ifstream in(path, std::ios::binary);
  if (!in) return Unknown(name);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ReadTzif(ss.str());
}

// The inputs of Zone::FromTransitions for a system zone.
absl::StatusOr<Tzif> SystemZoneInputs(const std::string& name, bool listed) {
  absl::StatusOr<Tzif> tzif = LoadTzifFile(name);
  if (!tzif.ok()) return tzif.status();
  // A file date/tz does not list but Go loads (right/..., Factory,
  // posixrules, America//New_York): the file's own table.
  if (!listed) return tzif;
  Tzif x;
  x.footer = std::move(tzif->footer);
  try {
    const date::time_zone* tz = date::locate_zone(name);
    using date::sys_seconds;
    // date/tz's transitions up to the file's last one, the footer after it
    // (in OS mode they are the file's own).
    const int64_t stop = tzif->at.empty() ? kMin : tzif->at.back() + 1;
    date::sys_info info = tz->get_info(sys_seconds(std::chrono::seconds(kMinUnixSeconds * 8)));
    // Go's zone before the first transition, not date/tz's (see top).
    x.first_offset = tzif->first_offset;
    x.first_is_dst = tzif->first_is_dst;
    x.offsets.push_back(tzif->first_offset);
    x.is_dst.push_back(tzif->first_is_dst);
    while (info.end.time_since_epoch().count() < stop) {
      const sys_seconds t = info.end;
      info = tz->get_info(t);
      x.at.push_back(t.time_since_epoch().count());
      x.offsets.push_back(static_cast<int32_t>(info.offset.count()));
      x.is_dst.push_back(info.save != std::chrono::minutes(0));
    }
  } catch (const std::exception&) {
    return Unknown(name);
  }
  return x;
}
#endif  // KRON_ZONES_FROM_TABLE

// --- The zone table ------------------------------------------------------------
//
// Binary, all integers LEB128 varints (signed ones zigzagged):
//   "kronzt1\n"  version(len, bytes)  n_records  { len, record }*
//   n_names  { shared_prefix, suffix(len, bytes), record * 4 + kind }*
// Names are sorted (byte order); kind: 0 a listed zone, 1 a zone not in
// names() (Factory, posixrules), 2 a directory, 3 a file that is not TZif.
// Names with identical inputs (links) share a record. A record:
//   footer(len, bytes)  n_types  { zigzag(offset) * 2 + is_dst }*  (type 0 is
//   the first zone)  n  { zigzag(delta of the transition time) }*n  { type }*n
//   tail: 0, or 1 and zigzag(last - at[n-1]): the footer's own changes in
//   (at[n-1], last] follow (a zone's rule-made years, 2037 in "fat" TZif
//   files, need not be stored).
// The inputs are canonical: transitions that change neither offset nor DST are
// dropped, except the last (where Go hands over to the footer), which
// FromTransitions would drop anyway.

constexpr absl::string_view kTableMagic = "kronzt1\n";
enum NameKind : uint8_t { kListed = 0, kUnlisted = 1, kDirectory = 2, kNotTzif = 3 };

void PutVarint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}
void PutSigned(std::string& out, int64_t v) {
  PutVarint(out, (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
}
void PutBytes(std::string& out, absl::string_view s) {
  PutVarint(out, s.size());
  out.append(s.data(), s.size());
}

// Reads a table; any overrun makes ok() false.
class TableReader {
 public:
  explicit TableReader(absl::string_view s) : s_(s) {}
  bool ok() const { return ok_; }
  size_t pos() const { return pos_; }
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= s_.size()) break;
      const uint8_t b = static_cast<uint8_t>(s_[pos_++]);
      v |= uint64_t{b & 0x7fu} << shift;
      if (!(b & 0x80)) return v;
    }
    ok_ = false;
    return 0;
  }
  int64_t Signed() {
    const uint64_t v = Varint();
    return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
  }
  absl::string_view Bytes() { return Take(Varint()); }
  absl::string_view Take(uint64_t n) {
    if (!ok_ || n > s_.size() - pos_) {
      ok_ = false;
      return {};
    }
    absl::string_view r = s_.substr(pos_, n);
    pos_ += n;
    return r;
  }

 private:
  absl::string_view s_;
  size_t pos_ = 0;
  bool ok_ = true;
};

// Drops the transitions FromTransitions would skip, but the last.
void Canonicalize(Tzif& x) {
  Tzif c;
  c.first_offset = x.offsets[0];
  c.first_is_dst = x.is_dst[0];
  c.offsets.push_back(x.offsets[0]);
  c.is_dst.push_back(x.is_dst[0]);
  for (size_t i = 0; i < x.at.size(); ++i) {
    const bool last = i + 1 == x.at.size();
    if (!last && x.offsets[i + 1] == c.offsets.back() && x.is_dst[i + 1] == c.is_dst.back()) continue;
    c.at.push_back(x.at[i]);
    c.offsets.push_back(x.offsets[i + 1]);
    c.is_dst.push_back(x.is_dst[i + 1]);
  }
  c.footer = std::move(x.footer);
  x = std::move(c);
}

// Appends the footer's changes of offset or DST in (x.at.back(), last] to x.
void AppendRuleTail(const PosixTz& rule, int64_t last, Tzif& x) {
  std::vector<PosixBreakpoint> r;
  RuleBreakpoints(rule, internal::UtcYearOf(x.at.back()), internal::UtcYearOf(last), r);
  const int64_t prev = x.at.back();
  for (const PosixBreakpoint& b : r) {
    if (b.at <= prev || b.at > last) continue;
    if (b.offset == x.offsets.back() && b.is_dst == x.is_dst.back()) continue;
    x.at.push_back(b.at);
    x.offsets.push_back(b.offset);
    x.is_dst.push_back(b.is_dst);
  }
}

bool SameInputs(const Tzif& a, const Tzif& b) {
  return a.at == b.at && a.offsets == b.offsets && a.is_dst == b.is_dst && a.footer == b.footer;
}

// Encodes canonical inputs, storing as few transitions as the footer allows.
std::string EncodeRecord(const Tzif& x) {
  size_t keep = x.at.size();
  std::optional<PosixTz> rule;
  if (!x.footer.empty()) rule = internal::ParsePosixTz(x.footer);
  if (rule && rule->has_dst && x.at.size() >= 2) {
    for (size_t k = 1; k + 1 < x.at.size(); ++k) {
      Tzif t;
      t.at.assign(x.at.begin(), x.at.begin() + k);
      t.offsets.assign(x.offsets.begin(), x.offsets.begin() + k + 1);
      t.is_dst.assign(x.is_dst.begin(), x.is_dst.begin() + k + 1);
      t.footer = x.footer;
      AppendRuleTail(*rule, x.at.back(), t);
      if (SameInputs(t, x)) {
        keep = k;
        break;
      }
    }
  }
  std::vector<std::pair<int32_t, bool>> types;
  std::vector<size_t> type_of;
  for (size_t i = 0; i < x.offsets.size(); ++i) {
    const std::pair<int32_t, bool> t{x.offsets[i], x.is_dst[i]};
    auto it = std::find(types.begin(), types.end(), t);
    type_of.push_back(it - types.begin());
    if (it == types.end()) types.push_back(t);
  }
  std::string out;
  PutBytes(out, x.footer);
  PutVarint(out, types.size());
  for (const auto& [off, dst] : types) {
    PutVarint(out, ((static_cast<uint64_t>(off) << 1) ^ static_cast<uint64_t>(int64_t{off} >> 63)) * 2 + dst);
  }
  PutVarint(out, keep);
  int64_t prev = 0;
  for (size_t i = 0; i < keep; ++i) {
    PutSigned(out, x.at[i] - prev);
    prev = x.at[i];
  }
  for (size_t i = 0; i < keep; ++i) PutVarint(out, type_of[i + 1]);
  if (keep < x.at.size()) {
    PutVarint(out, 1);
    PutSigned(out, x.at.back() - x.at[keep - 1]);
  } else {
    PutVarint(out, 0);
  }
  return out;
}

absl::StatusOr<Tzif> DecodeRecord(absl::string_view record) {
  const absl::Status bad = absl::InternalError("zone table: bad zone record");
  TableReader r(record);
  Tzif x;
  x.footer = std::string(r.Bytes());
  const uint64_t n_types = r.Varint();
  if (!r.ok() || n_types == 0 || n_types > record.size()) return bad;
  std::vector<std::pair<int32_t, bool>> types(n_types);
  for (auto& [off, dst] : types) {
    const uint64_t v = r.Varint();
    dst = v & 1;
    const uint64_t z = v >> 1;
    off = static_cast<int32_t>(static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1));
  }
  const uint64_t n = r.Varint();
  if (!r.ok() || n > record.size()) return bad;
  x.first_offset = types[0].first;
  x.first_is_dst = types[0].second;
  x.offsets.push_back(x.first_offset);
  x.is_dst.push_back(x.first_is_dst);
  int64_t t = 0;
  for (uint64_t i = 0; i < n; ++i) x.at.push_back(t += r.Signed());
  for (uint64_t i = 0; i < n; ++i) {
    const uint64_t type = r.Varint();
    if (type >= n_types) return bad;
    x.offsets.push_back(types[type].first);
    x.is_dst.push_back(types[type].second);
  }
  if (r.Varint() == 1) {
    const int64_t last = x.at.empty() ? 0 : x.at.back() + r.Signed();
    std::optional<PosixTz> rule = internal::ParsePosixTz(x.footer);
    if (x.at.empty() || !rule || !rule->has_dst) return bad;
    AppendRuleTail(*rule, last, x);
  }
  if (!r.ok() || r.pos() != record.size()) return bad;
  return x;
}

}  // namespace

// A zone table, decoded as far as names: records decode when a zone compiles.
struct TimeZones::Table {
  struct Entry {
    std::string name;
    uint32_t record;
    NameKind kind;
  };
  std::string bytes;
  std::vector<std::pair<size_t, size_t>> records;  // [offset, size) in bytes
  std::vector<Entry> entries;                      // sorted by name

  const Entry* Get(absl::string_view name) const {
    auto it = std::lower_bound(entries.begin(), entries.end(), name,
                               [](const Entry& e, absl::string_view n) { return e.name < n; });
    return it != entries.end() && it->name == name ? &*it : nullptr;
  }
  bool IsFile(absl::string_view name) const {
    const Entry* e = Get(name);
    return e != nullptr && e->kind != kDirectory;
  }
  bool IsDirectory(absl::string_view name) const {
    if (const Entry* e = Get(name)) return e->kind == kDirectory;
    const std::string prefix = absl::StrCat(name, "/");
    auto it = std::lower_bound(entries.begin(), entries.end(), prefix,
                               [](const Entry& e, const std::string& n) { return e.name < n; });
    return it != entries.end() && absl::StartsWith(it->name, prefix);
  }

  // What opening zoneinfo/<name> gives, as the native build sees it: the
  // zone's inputs, or Go's error text (stat's errno for path problems).
  absl::StatusOr<Tzif> Open(absl::string_view name) const {
    std::vector<absl::string_view> parts;
    for (absl::string_view p : absl::StrSplit(name, '/')) {
      if (!p.empty() && p != ".") parts.push_back(p);
    }
    const bool dir_syntax = absl::EndsWith(name, "/") || absl::EndsWith(name, "/.");
    if (parts.empty()) return absl::NotFoundError(kIsDirectory);
    std::string path;
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
      absl::StrAppend(&path, i ? "/" : "", parts[i]);
      if (IsFile(path)) return absl::NotFoundError(kNotDirectory);
      if (!IsDirectory(path)) return Unknown(name);
    }
    absl::StrAppend(&path, parts.size() > 1 ? "/" : "", parts.back());
    const Entry* e = Get(path);
    if (e != nullptr && e->kind != kDirectory) {
      if (dir_syntax) return absl::NotFoundError(kNotDirectory);
      if (e->kind == kNotTzif) return absl::NotFoundError(kMalformed);
      const auto [at, size] = records[e->record];
      return DecodeRecord(absl::string_view(bytes).substr(at, size));
    }
    if (IsDirectory(path)) return absl::NotFoundError(kIsDirectory);
    return Unknown(name);
  }
};

TimeZones::TimeZones() = default;
TimeZones::~TimeZones() = default;

#ifndef KRON_ZONES_FROM_TABLE
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
#else
// The table linked into the binary (wasm/CMakeLists.txt generates it from the
// native `kron zones --export-table`).
extern "C" const unsigned char kron_zone_table[];
extern "C" const unsigned long kron_zone_table_size;

absl::StatusOr<std::unique_ptr<TimeZones>> TimeZones::LoadSystem() {
  return FromTable(absl::string_view(reinterpret_cast<const char*>(kron_zone_table),
                                     kron_zone_table_size));
}
#endif

absl::StatusOr<std::string> TimeZones::ExportTable() const {
  if (table_) return table_->bytes;
#ifdef KRON_ZONES_FROM_TABLE
  return absl::UnimplementedError("no zone table");
#else
  struct Named {
    std::string name;
    NameKind kind;
    std::optional<Tzif> inputs;
  };
  std::vector<Named> all;
  for (const std::string& name : names_) {
    absl::StatusOr<Tzif> x = SystemZoneInputs(name, true);
    if (!x.ok()) return x.status();
    all.push_back({name, kListed, *std::move(x)});
  }
  // The rest of the directory's top level, as Go would open it.
  if (DIR* d = ::opendir(kZoneinfoDir)) {
    while (const dirent* e = ::readdir(d)) {
      const std::string name = e->d_name;
      if (name == "." || name == ".." || name == "localtime" ||
          std::binary_search(names_.begin(), names_.end(), name)) {
        continue;
      }
      absl::StatusOr<Tzif> x = LoadTzifFile(name);
      if (x.ok()) {
        all.push_back({name, kUnlisted, *std::move(x)});
      } else if (x.status().message() == kMalformed) {
        all.push_back({name, kNotTzif, std::nullopt});
      } else if (x.status().message() == kIsDirectory) {
        all.push_back({name, kDirectory, std::nullopt});
      }
    }
    ::closedir(d);
  }
  std::sort(all.begin(), all.end(), [](const Named& a, const Named& b) { return a.name < b.name; });

  std::vector<std::string> records;
  absl::node_hash_map<std::string, uint32_t> record_index;
  std::string names;
  PutVarint(names, all.size());
  absl::string_view prev;
  for (const Named& n : all) {
    uint32_t record = 0;
    if (n.inputs) {
      Tzif x = *n.inputs;
      Canonicalize(x);
      std::string rec = EncodeRecord(x);
      auto [it, inserted] = record_index.emplace(rec, static_cast<uint32_t>(records.size()));
      if (inserted) records.push_back(std::move(rec));
      record = it->second;
    }
    size_t shared = 0;
    while (shared < prev.size() && shared < n.name.size() && prev[shared] == n.name[shared]) ++shared;
    PutVarint(names, shared);
    PutBytes(names, absl::string_view(n.name).substr(shared));
    PutVarint(names, uint64_t{record} * 4 + n.kind);
    prev = n.name;
  }
  std::string out(kTableMagic);
  PutBytes(out, version_);
  PutVarint(out, records.size());
  for (const std::string& r : records) PutBytes(out, r);
  out += names;
  return out;
#endif
}

absl::StatusOr<std::unique_ptr<TimeZones>> TimeZones::FromTable(absl::string_view table) {
  const absl::Status bad = absl::InvalidArgumentError("not a kron zone table");
  if (!absl::StartsWith(table, kTableMagic)) return bad;
  auto t = std::make_unique<Table>();
  t->bytes = std::string(table);
  std::unique_ptr<TimeZones> zones(new TimeZones());
  TableReader r(t->bytes);
  r.Take(kTableMagic.size());
  zones->version_ = std::string(r.Bytes());
  const uint64_t n_records = r.Varint();
  if (!r.ok() || n_records > table.size()) return bad;
  for (uint64_t i = 0; i < n_records; ++i) {
    const uint64_t size = r.Varint();
    const size_t at = r.pos();
    r.Take(size);
    t->records.emplace_back(at, size);
  }
  const uint64_t n_names = r.Varint();
  if (!r.ok() || n_names > table.size()) return bad;
  std::string name;
  for (uint64_t i = 0; i < n_names; ++i) {
    const uint64_t shared = r.Varint();
    if (shared > name.size()) return bad;
    name.resize(shared);
    absl::StrAppend(&name, r.Bytes());
    const uint64_t v = r.Varint();
    if (!r.ok() || v / 4 >= std::max<uint64_t>(n_records, 1) ||
        (!t->entries.empty() && t->entries.back().name >= name)) {
      return bad;
    }
    const auto kind = static_cast<NameKind>(v % 4);
    if ((kind == kListed || kind == kUnlisted) && v / 4 >= n_records) return bad;
    t->entries.push_back({name, static_cast<uint32_t>(v / 4), kind});
    if (kind == kListed) zones->names_.push_back(name);
  }
  if (!r.ok() || r.pos() != table.size()) return bad;
  zones->table_ = std::move(t);
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
  // Go opens the file by name; a NUL byte makes open(2) fail with EINVAL,
  // whose text Go returns as is.
  if (absl::StrContains(name, absl::string_view("\0", 1))) {
    return absl::InvalidArgumentError("invalid argument");
  }
  absl::MutexLock lock(&mu_);
  if (auto it = compiled_.find(name); it != compiled_.end()) return it->second.get();
  absl::StatusOr<Tzif> inputs = Unknown(name);
  if (table_) {
    inputs = table_->Open(name);
  } else {
#ifndef KRON_ZONES_FROM_TABLE
    // Like Go, any TZif file under the zoneinfo directory is a zone, listed or not.
    const bool listed = std::binary_search(names_.begin(), names_.end(), name);
    inputs = SystemZoneInputs(std::string(name), listed);
#endif
  }
  if (!inputs.ok()) return inputs.status();
  absl::StatusOr<Zone> z = Zone::FromTransitions(std::string(name), std::move(inputs->at),
                                                 std::move(inputs->offsets),
                                                 std::move(inputs->is_dst), inputs->footer);
  if (!z.ok()) return z.status();
  auto [it, inserted] = compiled_.emplace(std::string(name), std::make_unique<Zone>(*std::move(z)));
  return it->second.get();
}

}  // namespace kron
