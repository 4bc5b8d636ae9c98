// Bulk CronJob JSON into a Fleet: a bracket scanner finds each record (List
// item or NDJSON line), simdjson On-Demand reads only the needed fields of it,
// so one bad record never hides the others. The scanner classifies 64 bytes at
// a time (quotes, brackets; strings found with a prefix XOR of the quote bits)
// and falls back to a byte loop only in blocks with a backslash, so it costs a
// fraction of what parsing the record does.
#include "kron/fleet_ingest.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/strings/str_cat.h"
#include "simdjson.h"

namespace kron {
namespace {

namespace od = simdjson::ondemand;
static_assert(kIngestPadding == simdjson::SIMDJSON_PADDING);

absl::string_view ToAbsl(std::string_view s) { return absl::string_view(s.data(), s.size()); }

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

const char* SkipSpace(const char* p, const char* end) {
  while (p < end && IsSpace(*p)) ++p;
  return p;
}

// Past the closing quote of the string opening at p, or nullptr.
const char* SkipString(const char* p, const char* end) {
  const char* q = p + 1;
  for (;;) {
    q = static_cast<const char*>(std::memchr(q, '"', size_t(end - q)));
    if (q == nullptr) return nullptr;
    const char* b = q;
    while (b > p + 1 && b[-1] == '\\') --b;
    if ((q - b) % 2 == 0) return q + 1;
    ++q;
  }
}

// Bit i set where byte i of the 64 at p is a quote, a backslash, an opening
// or a closing bracket. Reads all 64 bytes (the caller guarantees them).
struct BlockMasks {
  uint64_t quote = 0, backslash = 0, open = 0, close = 0;
};

BlockMasks Classify(const char* p) {
  BlockMasks m;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  const __m128i open = _mm_set1_epi8('{'), close = _mm_set1_epi8('}');
  const __m128i fold = _mm_set1_epi8(0x20);  // '[' | 0x20 == '{', ']' | 0x20 == '}'
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    const __m128i folded = _mm_or_si128(v, fold);
    const int shift = 16 * k;
    m.quote |= uint64_t(uint32_t(_mm_movemask_epi8(_mm_cmpeq_epi8(v, quote)))) << shift;
    m.backslash |= uint64_t(uint32_t(_mm_movemask_epi8(_mm_cmpeq_epi8(v, backslash)))) << shift;
    m.open |= uint64_t(uint32_t(_mm_movemask_epi8(_mm_cmpeq_epi8(folded, open)))) << shift;
    m.close |= uint64_t(uint32_t(_mm_movemask_epi8(_mm_cmpeq_epi8(folded, close)))) << shift;
  }
#else
  for (int i = 0; i < 64; ++i) {
    const uint64_t bit = uint64_t{1} << i;
    switch (p[i]) {
      case '"': m.quote |= bit; break;
      case '\\': m.backslash |= bit; break;
      case '{': case '[': m.open |= bit; break;
      case '}': case ']': m.close |= bit; break;
      default: break;
    }
  }
#endif
  return m;
}

// Bit i = XOR of bits 0..i: with the quote bits, "inside a string".
uint64_t PrefixXor(uint64_t x) {
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
}

// Past the object or array opening at p, or nullptr when it never closes
// before `end`. Reads up to 63 bytes past `end` (the padding). The rules are
// SkipString's and a depth count of brackets outside strings; a block with a
// backslash (or right after one) takes them byte by byte, every other block
// at once: with no escapes there, every quote opens or closes a string.
// With kStrict, a backslash outside a string fails too: stage 1 takes it as
// an escape wherever it is (so `\"` there opens no string), and this scanner
// does not follow it there.
template <bool kStrict = false>
const char* SkipContainer(const char* p, const char* end) {
  int64_t depth = 0;
  bool in_string = false;       // at the start of the block
  bool after_backslash = false; // the byte before the block is a backslash
  for (const char* b = p; b < end; b += 64) {
    const size_t n = std::min<size_t>(64, size_t(end - b));
    const uint64_t valid = n == 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1;
    const BlockMasks m = Classify(b);
    if ((m.backslash & valid) != 0 || after_backslash) {
      for (size_t i = 0; i < n; ++i) {
        const char c = b[i];
        if (in_string) {
          if (c == '"') {
            const char* s = b + i;  // the run of backslashes before it ends
            while (s[-1] == '\\') --s;  // at the opening quote at the latest
            if ((b + i - s) % 2 == 0) in_string = false;
          }
        } else if (c == '"') {
          in_string = true;
        } else if (kStrict && c == '\\') {
          return nullptr;
        } else if (c == '{' || c == '[') {
          ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
          return b + i + 1;
        }
      }
      after_backslash = (m.backslash >> 63) & 1;
      continue;
    }
    const uint64_t inside = PrefixXor(m.quote & valid) ^ (in_string ? ~uint64_t{0} : 0);
    const uint64_t opens = m.open & ~inside & valid;
    const uint64_t closes = m.close & ~inside & valid;
    const int close_count = std::popcount(closes);
    if (depth > close_count) {
      depth += std::popcount(opens) - close_count;  // cannot reach 0 in this block
    } else {
      for (uint64_t bits = opens | closes; bits != 0; bits &= bits - 1) {
        const int i = std::countr_zero(bits);
        if ((opens >> i) & 1) {
          ++depth;
        } else if (--depth == 0) {
          return b + i + 1;
        }
      }
    }
    in_string = inside >> 63;
    after_backslash = false;
  }
  return nullptr;
}

// Past the JSON value starting at p (brackets balanced, strings skipped), or
// nullptr when it never ends. Grammar inside is simdjson's business.
const char* SkipValue(const char* p, const char* end) {
  if (p >= end) return nullptr;
  if (*p == '"') return SkipString(p, end);
  if (*p == '{' || *p == '[') return SkipContainer(p, end);
  while (p < end && *p != ',' && *p != '}' && *p != ']' && !IsSpace(*p)) ++p;
  return p;
}

// The fields of one record, viewing the input or the parser's string buffer.
struct Fields {
  std::string_view name, name_space, creation, schedule, time_zone, policy, last, kind;
  bool has_name = false, has_creation = false, has_schedule = false, has_time_zone = false;
  bool has_policy = false, has_last = false, has_kind = false;
  bool suspend = false;
  std::optional<int64_t> deadline;
  int64_t active = 0;
  // Strings as views of the input (a document stream reuses its string
  // buffer per document): any read that cannot be one (an escape) fails, and
  // the record is read again on its own. `limit` bounds the input.
  bool raw = false;
  const char* limit = nullptr;
};

std::string JsonError(simdjson::error_code e) {
  return absl::StrCat("JSON: ", simdjson::error_message(e));
}

bool IsNull(od::value& v) {
  od::json_type t;
  return !v.type().get(t) && t == od::json_type::null;
}

// Reads a string field; nullopt-like `false` with a message on a wrong type.
bool GetString(od::value& v, std::string_view* out, const char* field, const Fields& f,
               std::string* error) {
  if (f.raw) {
    od::raw_json_string raw;
    if (v.get_raw_json_string().get(raw)) return *error = "not a string", false;
    // Stage 1 checked the string, so its closing quote is there; without a
    // backslash its bytes are its value.
    const char* b = raw.raw();
    const char* q = b;
    while (q < f.limit && *q != '"' && *q != '\\') ++q;
    if (q == f.limit || *q != '"') return *error = "escaped string", false;
    *out = std::string_view(b, size_t(q - b));
    return true;
  }
  simdjson::error_code e = v.get_string().get(*out);
  if (!e) return true;
  *error = e == simdjson::INCORRECT_TYPE ? absl::StrCat(field, ": expected string")
                                         : JsonError(e);
  return false;
}

// Walks the members of an object, calling on_field(key, value) for each and
// stopping at the first false. `type_error` is the message for a non-object.
// One walk serves the record and its metadata, spec and status.
template <typename OnField>
bool ForEachField(simdjson::simdjson_result<od::object> result, const char* type_error,
                  std::string* error, OnField&& on_field) {
  od::object obj;
  if (simdjson::error_code e = std::move(result).get(obj)) {
    *error = e == simdjson::INCORRECT_TYPE ? std::string(type_error) : JsonError(e);
    return false;
  }
  for (auto field_result : obj) {
    if (simdjson::error_code e = field_result.error()) return *error = JsonError(e), false;
    od::field field = std::move(field_result).value_unsafe();
    if (!on_field(field.key(), field.value())) return false;
  }
  return true;
}

bool ReadMetadata(od::value v, Fields& f, std::string* error) {
  return ForEachField(v.get_object(), "metadata: expected object", error,
                      [&](od::raw_json_string key, od::value value) {
    if (key == "name") {
      if (!GetString(value, &f.name, "metadata.name", f, error)) return false;
      f.has_name = true;
    } else if (key == "namespace") {
      if (!GetString(value, &f.name_space, "metadata.namespace", f, error)) return false;
    } else if (key == "creationTimestamp") {
      if (IsNull(value)) return true;
      if (!GetString(value, &f.creation, "metadata.creationTimestamp", f, error)) return false;
      f.has_creation = true;
    }
    return true;
  });
}

bool ReadSpec(od::value v, Fields& f, std::string* error) {
  return ForEachField(v.get_object(), "spec: expected object", error,
                      [&](od::raw_json_string key, od::value value) {
    if (key == "schedule") {
      if (!GetString(value, &f.schedule, "spec.schedule", f, error)) return false;
      f.has_schedule = true;
    } else if (key == "timeZone") {
      if (IsNull(value)) return true;
      if (!GetString(value, &f.time_zone, "spec.timeZone", f, error)) return false;
      f.has_time_zone = true;
    } else if (key == "suspend") {
      if (IsNull(value)) return true;
      if (simdjson::error_code e = value.get_bool().get(f.suspend)) {
        *error = e == simdjson::INCORRECT_TYPE ? "spec.suspend: expected boolean" : JsonError(e);
        return false;
      }
    } else if (key == "concurrencyPolicy") {
      if (IsNull(value)) return true;
      if (!GetString(value, &f.policy, "spec.concurrencyPolicy", f, error)) return false;
      f.has_policy = true;
    } else if (key == "startingDeadlineSeconds") {
      if (IsNull(value)) return true;
      int64_t d;
      if (simdjson::error_code e = value.get_int64().get(d)) {
        *error = e == simdjson::INCORRECT_TYPE || e == simdjson::NUMBER_ERROR
                     ? "spec.startingDeadlineSeconds: expected integer"
                     : JsonError(e);
        return false;
      }
      f.deadline = d;
    }
    return true;
  });
}

bool ReadStatus(od::value v, Fields& f, std::string* error) {
  if (IsNull(v)) return true;
  return ForEachField(v.get_object(), "status: expected object", error,
                      [&](od::raw_json_string key, od::value value) {
    if (key == "lastScheduleTime") {
      if (IsNull(value)) return true;
      if (!GetString(value, &f.last, "status.lastScheduleTime", f, error)) return false;
      f.has_last = true;
    } else if (key == "active") {
      if (IsNull(value)) return true;
      od::array array;
      size_t n = 0;
      if (simdjson::error_code e = value.get_array().get(array)) {
        *error = e == simdjson::INCORRECT_TYPE ? "status.active: expected array" : JsonError(e);
        return false;
      }
      if (simdjson::error_code e = array.count_elements().get(n)) {
        return *error = JsonError(e), false;
      }
      f.active = int64_t(n);
    }
    return true;
  });
}

template <typename Document>
bool ReadRecord(Document& doc, Fields& f, std::string* error) {
  return ForEachField(doc.get_object(), "expected a CronJob object", error,
                      [&](od::raw_json_string key, od::value value) {
    if (key == "metadata") return ReadMetadata(value, f, error);
    if (key == "spec") return ReadSpec(value, f, error);
    if (key == "status") return ReadStatus(value, f, error);
    if (key == "kind") {
      if (!GetString(value, &f.kind, "kind", f, error)) return false;
      f.has_kind = true;
    }
    return true;
  });
}

// YYYY-MM-DDTHH:MM:SSZ, what the API server writes (metav1.Time is RFC 3339
// in UTC, whole seconds); nullopt for anything else (ParseInstant judges it).
std::optional<Instant> CanonicalInstant(absl::string_view t) {
  if (t.size() != 20 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' ||
      t[16] != ':' || t[19] != 'Z') {
    return std::nullopt;
  }
  int v[6];
  static constexpr int kAt[6] = {0, 5, 8, 11, 14, 17};
  for (int k = 0; k < 6; ++k) {
    const int width = k == 0 ? 4 : 2;
    int x = 0;
    for (int i = 0; i < width; ++i) {
      const unsigned d = unsigned(t[size_t(kAt[k] + i)]) - '0';
      if (d > 9) return std::nullopt;
      x = x * 10 + int(d);
    }
    v[k] = x;
  }
  const int year = v[0], month = v[1], day = v[2];
  if (year < 1 || month < 1 || month > 12 || day < 1 || v[3] > 23 || v[4] > 59 || v[5] > 59) {
    return std::nullopt;
  }
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day > kDays[month - 1] + (month == 2 && leap)) return std::nullopt;
  // Days since 1970-01-01 of a proleptic Gregorian date: count from March, so
  // that the leap day ends a year (eras of 400 years are 146097 days).
  const int y = year - (month <= 2);
  const int era = y / 400;  // y >= 0: years 0001..9999
  const int yoe = y - era * 400;
  const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const int64_t days = int64_t(era) * 146097 + doe - 719468;
  return Instant::FromUnixSeconds(days * 86400 + v[3] * 3600 + v[4] * 60 + v[5]);
}

absl::StatusOr<Instant> ReadInstant(absl::string_view text) {
  if (std::optional<Instant> t = CanonicalInstant(text)) return *t;
  return ParseInstant(text);
}

// Records go through a two-slot pipeline: record k is parsed (into its slot's
// own parser, whose string buffer its views use) and its fleet lookups are
// prefetched, then record k - 1 is stored. The cache misses of the name index
// and the schedule table, which dominate insertion into a large fleet, then
// overlap the parse of the next record. Order is kept: records are stored and
// errors reported in input order.
// NDJSON goes to simdjson in streams of whole lines of about this many bytes
// (input and structural index stay in L2), in batches of at least this size.
constexpr size_t kStreamBlock = 64 << 10;
constexpr size_t kStreamBatch = 128 << 10;

class Loader {
 public:
  Loader(Fleet& fleet, const IngestOptions& options, IngestReport& report)
      : fleet_(fleet), options_(options), report_(report), reserve_(fleet.size() == 0) {}

  // Records seen before the fleet is sized from them.
  static constexpr size_t kSample = 64;

  // Into an empty fleet: room for all records, estimated from the mean size of
  // the first kSample (`sampled` bytes of `total`), plus 1/32 because
  // growing past a reservation doubles the arrays. Saves the index rebuilds
  // and keeps its probes short.
  void Reserve(size_t sampled, size_t total) {
    if (!reserve_ || sampled == 0) return;
    reserve_ = false;
    const size_t n = size_t(double(kSample) * double(total) / double(sampled));
    fleet_.Reserve(n + n / 32 + kSample);
  }

  // One record [p, p + len) with `capacity` readable bytes from p.
  void Record(const char* p, size_t len, size_t capacity, size_t position) {
    Slot& s = slots_[next_];
    s.position = position;
    s.error.clear();
    s.ok = Parse(s, p, len, capacity);
    Commit();
  }

  // Reads a document of a stream into the next slot without storing it:
  // false when the record must be read on its own instead (any JSON or type
  // error, an escaped string). Commit() then takes it, or Record() replaces it.
  template <typename Document>
  bool Stage(Document& doc, size_t position, const char* limit) {
    Slot& s = slots_[next_];
    s.position = position;
    s.error.clear();
    Fields f;
    f.raw = true;
    f.limit = limit;
    if (!ReadRecord(doc, f, &s.error)) return false;
    s.error.clear();
    s.ok = Convert(f, s.record, &s.error);
    return true;
  }

  // Fields already read (views of the input) into the next slot; Commit() takes it.
  void StageFields(const Fields& f, size_t position) {
    Slot& s = slots_[next_];
    s.position = position;
    s.error.clear();
    s.ok = Convert(f, s.record, &s.error);
  }

  // Takes the record in the next slot, prefetches what storing it reads, and
  // stores the one before it.
  void Commit() {
    ++report_.records;
    Slot& s = slots_[next_];
    next_ ^= 1;
    if (s.ok) fleet_.Prefetch(s.record);
    Store(slots_[next_]);
    s.pending = true;
  }

  void CountBad(size_t position, absl::string_view error) {
    Flush();
    ++report_.records;
    Fail(position, error);
  }

  // Stores the record still in the pipeline (call at the end).
  void Flush() { Store(slots_[next_ ^ 1]); }

  od::parser& stream_parser() { return stream_parser_; }

 private:
  struct Slot {
    od::parser parser;
    CronJobRecord record;
    size_t position = 0;
    bool ok = false;
    bool pending = false;
    std::string error;
  };

  void Fail(size_t position, absl::string_view error) {
    const std::string where = report_.format == IngestFormat::kList
                                  ? absl::StrCat("items[", position, "]: ")
                                  : absl::StrCat("line ", position, ": ");
    report_.errors.push_back({position, absl::StrCat(where, error)});
  }

  void Store(Slot& s) {
    if (!s.pending) return;
    s.pending = false;
    if (!s.ok) return Fail(s.position, s.error);
    bool existed = false;
    absl::StatusOr<CronJobId> id = fleet_.Upsert(s.record, &existed);
    if (!id.ok()) return Fail(s.position, id.status().message());
    ++report_.loaded;
    if (existed) ++report_.replaced;
  }

  bool Parse(Slot& s, const char* p, size_t len, size_t capacity) {
    od::document doc;
    if (simdjson::error_code e = s.parser.iterate(p, len, capacity).get(doc)) {
      s.error = JsonError(e);
      return false;
    }
    Fields f;
    return ReadRecord(doc, f, &s.error) && Convert(f, s.record, &s.error);
  }

  // Checks the fields of a record and fills `r` (views of the same bytes);
  // false with *error set when it is bad.
  bool Convert(const Fields& f, CronJobRecord& r, std::string* error) const {
    if (f.has_kind && f.kind != "CronJob") {
      *error = absl::StrCat("kind: expected CronJob, got ", ToAbsl(f.kind));
      return false;
    }
    if (!f.has_name || f.name.empty()) return *error = "metadata.name: required", false;
    if (!f.has_schedule) return *error = "spec.schedule: required", false;
    r = CronJobRecord();
    r.name = ToAbsl(f.name);
    r.name_space = ToAbsl(f.name_space);
    r.schedule = ToAbsl(f.schedule);
    if (f.has_time_zone) r.time_zone = ToAbsl(f.time_zone);
    r.suspend = f.suspend;
    if (f.has_policy) {
      if (f.policy == "Allow") {
        r.concurrency = ConcurrencyPolicy::kAllow;
      } else if (f.policy == "Forbid") {
        r.concurrency = ConcurrencyPolicy::kForbid;
      } else if (f.policy == "Replace") {
        r.concurrency = ConcurrencyPolicy::kReplace;
      } else {
        // The API server's NotSupported text (apimachinery field/errors.go).
        *error = absl::StrCat("spec.concurrencyPolicy: Unsupported value: \"", ToAbsl(f.policy),
                              "\": supported values: \"Allow\", \"Forbid\", \"Replace\"");
        return false;
      }
    }
    r.starting_deadline_seconds = f.deadline;
    r.active = f.active;
    r.creation_timestamp = options_.default_creation_timestamp;
    if (f.has_creation) {
      absl::StatusOr<Instant> t = ReadInstant(ToAbsl(f.creation));
      if (!t.ok()) {
        *error = absl::StrCat("metadata.creationTimestamp: ", t.status().message());
        return false;
      }
      r.creation_timestamp = *t;
    }
    if (f.has_last) {
      absl::StatusOr<Instant> t = ReadInstant(ToAbsl(f.last));
      if (!t.ok()) {
        *error = absl::StrCat("status.lastScheduleTime: ", t.status().message());
        return false;
      }
      r.last_schedule_time = *t;
    }
    return true;
  }

  Fleet& fleet_;
  const IngestOptions& options_;
  IngestReport& report_;
  bool reserve_;
  Slot slots_[2];
  int next_ = 0;  // the slot the next record goes to
  od::parser stream_parser_;
};

void ReadItems(Loader& loader, const char* p, const char* end, const char* buffer_end) {
  // p is just past '['.
  const char* const first = p;
  size_t index = 0;
  for (;;) {
    if (index == Loader::kSample) loader.Reserve(size_t(p - first), size_t(end - first));
    p = SkipSpace(p, end);
    if (p >= end || *p == ']') return;
    const char* stop = SkipValue(p, end);
    if (stop == nullptr) {
      loader.CountBad(index, "JSON: unterminated value (the rest of the input is lost)");
      return;
    }
    loader.Record(p, size_t(stop - p), size_t(buffer_end - p), index);
    ++index;
    p = SkipSpace(stop, end);
    if (p < end && *p == ',') {
      ++p;
      continue;
    }
    if (p < end && *p == ']') return;
    loader.CountBad(index, "JSON: expected ',' or ']' after the previous item");
    return;
  }
}

// A List: finds `items` among the top-level members.
absl::Status ReadList(Loader& loader, const char* p, const char* end, const char* buffer_end) {
  p = SkipSpace(p, end);
  if (p < end && *p == '[') {
    ReadItems(loader, p + 1, end, buffer_end);
    return absl::OkStatus();
  }
  if (p >= end || *p != '{') return absl::InvalidArgumentError("not a JSON List or NDJSON");
  ++p;
  for (;;) {
    p = SkipSpace(p, end);
    if (p < end && *p == '}') return absl::OkStatus();
    if (p >= end || *p != '"') return absl::InvalidArgumentError("List: malformed object");
    const char* key_end = SkipString(p, end);
    if (key_end == nullptr) return absl::InvalidArgumentError("List: malformed key");
    const absl::string_view key(p + 1, size_t(key_end - p - 2));
    p = SkipSpace(key_end, end);
    if (p >= end || *p != ':') return absl::InvalidArgumentError("List: expected ':'");
    p = SkipSpace(p + 1, end);
    if (key == "items" && p < end && *p == '[') {
      ReadItems(loader, p + 1, end, buffer_end);
      // The items are the point; whatever trails them is not read.
      return absl::OkStatus();
    }
    p = SkipValue(p, end);
    if (p == nullptr) return absl::InvalidArgumentError("List: unterminated value");
    p = SkipSpace(p, end);
    if (p < end && *p == ',') ++p;
  }
}

// An NDJSON line: [begin, stop) from its first non-space byte to its newline.
struct Line {
  const char* begin;
  const char* stop;
  size_t number;
  bool trailing;  // something follows the object on its line
};

// --- The NDJSON fast path -------------------------------------------------
// A line of plain JSON (the common case) is read without simdjson: the walk
// below accepts a line only when simdjson's reading of it (stage 1 over its
// block, then the On-Demand walk of ReadRecord with raw strings) would accept
// it with the same fields, and gives up on anything else, which then goes the
// simdjson way and gets its exact error. Stage 1 checks what the walk checks
// in its place: UTF-8 (validate_utf8, the same checker) and closed strings;
// it rejects control bytes in strings, and the walk gives up on any control
// byte. On-Demand checks the grammar of the objects it walks (metadata, spec,
// status and the record) and the values it reads; the walk checks the same
// and gives up where On-Demand would fail. Values On-Demand skips (the
// jobTemplate, ...) it checks for balanced brackets only, token by token;
// the walk skips them with the block scanner under the same rules, so a bad
// literal such as `tru` inside the jobTemplate loads, as it did.

// Whether [p, end) has no control byte; *high when it has a byte >= 0x80.
// A running unsigned minimum and OR of the bytes, judged once at the end.
bool PlainBytes(const char* p, const char* end, bool* high) {
#if defined(__SSE2__)
  if (end - p >= 16) {
    __m128i low = _mm_set1_epi8(-1), any = _mm_setzero_si128();
    for (; p + 16 <= end; p += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      low = _mm_min_epu8(low, v);
      any = _mm_or_si128(any, v);
    }
    // The last bytes again, in one load that ends at `end`.
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(end - 16));
    low = _mm_min_epu8(low, v);
    any = _mm_or_si128(any, v);
    *high = _mm_movemask_epi8(any) != 0;
    // No byte below 0x20: min(low, 0x1f) is 0x1f everywhere.
    const __m128i floor = _mm_set1_epi8(0x1f);
    return _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(low, floor), floor)) == 0xffff;
  }
#endif
  unsigned any_high = 0, any_ctrl = 0;
  for (; p < end; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    any_high |= c & 0x80;
    any_ctrl |= c < 0x20;
  }
  *high = any_high != 0;
  return any_ctrl == 0;
}

// The first '"' or '\\' in [p, end), or end. Reads 16 bytes at a time: the
// input's padding covers the last ones.
const char* FindQuoteOrBackslash(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  for (; p < end; p += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const uint32_t m = uint32_t(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash))));
    if (m != 0) return std::min(p + std::countr_zero(m), end);
  }
  return end;
#else
  while (p < end && *p != '"' && *p != '\\') ++p;
  return p;
#endif
}

// s == lit, with the length a constant (so no call to memcmp).
template <size_t N>
bool Is(std::string_view s, const char (&lit)[N]) {
  return s.size() == N - 1 && std::memcmp(s.data(), lit, N - 1) == 0;
}

// What stage 1 makes a token of its own (besides strings).
bool IsStructuralOrSpace(char c) {
  switch (c) {
    case '{': case '}': case '[': case ']': case ',': case ':': case '"':
    case ' ': case '\t': case '\n': case '\r':
      return true;
    default:
      return false;
  }
}

// Past the scalar token at p: stage 1 ends one at a structural byte, a quote
// or a space.
const char* ScalarEnd(const char* p, const char* end) {
  while (p < end && !IsStructuralOrSpace(*p)) ++p;
  return p;
}

// Skips one value at p the way On-Demand skips it (one token, or a
// container by its brackets); false at anything that is not a value start.
bool FastSkip(const char*& p, const char* end) {
  const char* q;
  switch (*p) {
    case '"':
      q = FindQuoteOrBackslash(p + 1, end);
      if (q < end && *q == '"') {
        ++q;
      } else {
        q = SkipString(p, end);  // escapes (or no end)
      }
      break;
    case '{': case '[': q = SkipContainer<true>(p, end); break;
    default:
      if (IsStructuralOrSpace(*p)) return false;
      q = ScalarEnd(p, end);
      break;
  }
  if (q == nullptr) return false;
  p = q;
  return true;
}

// A string value without escapes (what GetString in raw mode takes).
bool FastString(const char*& p, const char* end, std::string_view* out) {
  if (*p != '"') return false;
  const char* q = FindQuoteOrBackslash(p + 1, end);
  if (q >= end || *q != '"') return false;
  *out = std::string_view(p + 1, size_t(q - p - 1));
  p = q + 1;
  return true;
}

// The literal `word` as a whole token.
template <size_t N>
bool FastLiteral(const char*& p, const char* end, const char (&word)[N]) {
  const char* q = ScalarEnd(p, end);
  if (!Is(std::string_view(p, size_t(q - p)), word)) return false;
  p = q;
  return true;
}

// A null (IsNull's case): true and past it when the value is the token `null`.
bool FastNull(const char*& p, const char* end) {
  return *p == 'n' && FastLiteral(p, end, "null");
}

// An integer get_int64 takes as it is: 0 or -?[1-9][0-9]{0,17}.
bool FastInt(const char*& p, const char* end, int64_t* out) {
  const char* q = ScalarEnd(p, end);
  const char* d = p + (*p == '-');
  const size_t n = size_t(q - d);
  if (n == 0 || n > 18 || (*d == '0' && (n > 1 || d != p))) return false;
  int64_t v = 0;
  for (const char* c = d; c < q; ++c) {
    if (*c < '0' || *c > '9') return false;
    v = v * 10 + (*c - '0');
  }
  *out = d != p ? -v : v;
  p = q;
  return true;
}

// The members of the object at p ('{'), in order: on_field(key, p) reads or
// skips the value at p and leaves p past it. Keys with a backslash give up
// (On-Demand compares keys raw; none of those is one the walk wants, but
// being sure costs nothing).
template <typename OnField>
bool FastObject(const char*& p, const char* end, OnField&& on_field) {
  if (*p != '{') return false;
  p = SkipSpace(p + 1, end);
  if (p < end && *p == '}') return ++p, true;
  for (;;) {
    if (p >= end || *p != '"') return false;
    const char* k = p + 1;
    const char* q = FindQuoteOrBackslash(k, end);
    if (q >= end || *q != '"') return false;
    const std::string_view key(k, size_t(q - k));
    p = SkipSpace(q + 1, end);
    if (p >= end || *p != ':') return false;
    p = SkipSpace(p + 1, end);
    if (p >= end || !on_field(key, p)) return false;
    p = SkipSpace(p, end);
    if (p >= end) return false;
    if (*p == '}') return ++p, true;
    if (*p != ',') return false;
    p = SkipSpace(p + 1, end);
  }
}

bool FastMetadata(const char*& p, const char* end, Fields& f) {
  return FastObject(p, end, [&](std::string_view key, const char*& v) {
    if (Is(key, "name")) return f.has_name = FastString(v, end, &f.name);
    if (Is(key, "namespace")) return FastString(v, end, &f.name_space);
    if (Is(key, "creationTimestamp")) {
      if (FastNull(v, end)) return true;
      return f.has_creation = FastString(v, end, &f.creation);
    }
    return FastSkip(v, end);
  });
}

bool FastSpec(const char*& p, const char* end, Fields& f) {
  return FastObject(p, end, [&](std::string_view key, const char*& v) {
    if (Is(key, "schedule")) return f.has_schedule = FastString(v, end, &f.schedule);
    if (Is(key, "timeZone")) {
      if (FastNull(v, end)) return true;
      return f.has_time_zone = FastString(v, end, &f.time_zone);
    }
    if (Is(key, "suspend")) {
      if (FastNull(v, end)) return true;
      if (FastLiteral(v, end, "true")) return f.suspend = true;
      if (FastLiteral(v, end, "false")) {
        f.suspend = false;
        return true;
      }
      return false;
    }
    if (Is(key, "concurrencyPolicy")) {
      if (FastNull(v, end)) return true;
      return f.has_policy = FastString(v, end, &f.policy);
    }
    if (Is(key, "startingDeadlineSeconds")) {
      if (FastNull(v, end)) return true;
      int64_t d;
      if (!FastInt(v, end, &d)) return false;
      f.deadline = d;
      return true;
    }
    return FastSkip(v, end);
  });
}

bool FastActive(const char*& p, const char* end, int64_t* count) {
  if (*p != '[') return false;
  p = SkipSpace(p + 1, end);
  int64_t n = 0;
  if (p < end && *p == ']') return ++p, *count = 0, true;
  for (;;) {
    if (p >= end || !FastSkip(p, end)) return false;
    ++n;
    p = SkipSpace(p, end);
    if (p >= end) return false;
    if (*p == ']') return ++p, *count = n, true;
    if (*p != ',') return false;
    p = SkipSpace(p + 1, end);
  }
}

bool FastStatus(const char*& p, const char* end, Fields& f) {
  if (FastNull(p, end)) return true;
  return FastObject(p, end, [&](std::string_view key, const char*& v) {
    if (Is(key, "lastScheduleTime")) {
      if (FastNull(v, end)) return true;
      return f.has_last = FastString(v, end, &f.last);
    }
    if (Is(key, "active")) {
      if (FastNull(v, end)) return true;
      return FastActive(v, end, &f.active);
    }
    return FastSkip(v, end);
  });
}

// The record on [p, end) (a line from its first byte to its last non-space
// one); false to leave it to simdjson.
bool FastRecord(const char* p, const char* end, Fields& f) {
  bool high = false;
  if (!PlainBytes(p, end, &high)) return false;
  if (high && !simdjson::validate_utf8(p, size_t(end - p))) return false;
  if (!FastObject(p, end, [&](std::string_view key, const char*& v) {
        if (Is(key, "metadata")) return FastMetadata(v, end, f);
        if (Is(key, "spec")) return FastSpec(v, end, f);
        if (Is(key, "status")) return FastStatus(v, end, f);
        if (Is(key, "kind")) return f.has_kind = FastString(v, end, &f.kind);
        return FastSkip(v, end);
      })) {
    return false;
  }
  return p == end;
}

// Lines [i, m) with one simdjson document stream (stage 1 once for all of
// them), each document checked to be exactly its line: it must start where
// the line does, and the next one where the next line does. Whatever fails
// that or fails to read, and the stream's own errors, go back to one document
// per line. Returns the first line not handled (a new stream starts there).
size_t StreamLines(Loader& loader, const std::vector<Line>& lines, size_t i, size_t m,
                   const char* buffer_end) {
  const char* const begin = lines[i].begin;
  auto alone = [&](size_t j) {
    loader.Record(lines[j].begin, size_t(lines[j].stop - lines[j].begin),
                  size_t(buffer_end - lines[j].begin), lines[j].number);
  };
  auto all_alone = [&](size_t j) {
    for (; j < m; ++j) alone(j);
    return m;
  };
  const size_t len = size_t(lines[m - 1].stop - begin);
  od::parser& parser = loader.stream_parser();
#ifdef SIMDJSON_THREADS_ENABLED
  parser.threaded = false;  // one batch per stream, and no threads in the engine
#endif
  // One batch (stage 1 over all of it); a constant size spares reallocation.
  const size_t batch = std::max(kStreamBatch, std::bit_ceil(len));
  od::document_stream stream;
  if (parser.iterate_many(begin, len, batch).get(stream)) return all_alone(i);
  auto it = stream.begin();
  size_t j = i;
  bool staged = false;  // line j's document is staged, not yet committed
  for (;;) {
    if (!(it != stream.end())) {
      if (staged && j == m - 1) {
        loader.Commit();
        return m;
      }
      if (staged) alone(j);
      return staged ? j + 1 : all_alone(j);
    }
    auto result = *it;
    if (result.error()) {
      if (!staged) return all_alone(j);  // stage 1 failed: no document is trusted
      alone(j);
      return j + 1;
    }
    if (staged) {
      if (j + 1 == m || it.current_index() != size_t(lines[j + 1].begin - begin)) {
        alone(j);
        return j + 1;
      }
      loader.Commit();
      ++j;
    }
    od::document_reference doc = std::move(result).value_unsafe();
    if (!loader.Stage(doc, lines[j].number, buffer_end)) {
      alone(j);
      return j + 1;
    }
    staged = true;
    ++it;
  }
}

void ReadNdjson(Loader& loader, const char* p, const char* end, const char* buffer_end) {
  const char* const first = p;
  size_t line = 0;
  std::vector<Line> lines;
  while (p < end) {
    // A block of whole lines of about kStreamBlock bytes.
    lines.clear();
    const char* const block = p;
    while (p < end && size_t(p - block) < kStreamBlock) {
      if (line == Loader::kSample) loader.Reserve(size_t(p - first), size_t(end - first));
      ++line;
      const char* nl = static_cast<const char*>(std::memchr(p, '\n', size_t(end - p)));
      const char* stop = nl ? nl : end;
      const char* q = SkipSpace(p, stop);
      if (q < stop) {
        // One object per line: it must end the line (a cheap check; simdjson
        // judges the inside).
        const char* last = stop;
        while (last > q && IsSpace(last[-1])) --last;
        lines.push_back({q, stop, line, last[-1] != '}' && *q == '{'});
      }
      p = nl ? nl + 1 : end;
    }
    for (size_t i = 0; i < lines.size();) {
      if (lines[i].trailing) {
        loader.CountBad(lines[i].number, "JSON: trailing content after the object");
        ++i;
        continue;
      }
      size_t m = i;
      while (m < lines.size() && !lines[m].trailing) ++m;
      // Lines the fast path leaves go to simdjson in runs, in order.
      size_t run = i;
      for (size_t j = i; j < m; ++j) {
        const char* last = lines[j].stop;
        while (last > lines[j].begin && IsSpace(last[-1])) --last;
        Fields f;
        f.raw = true;
        if (!FastRecord(lines[j].begin, last, f)) continue;
        while (run < j) run = StreamLines(loader, lines, run, j, buffer_end);
        loader.StageFields(f, lines[j].number);
        loader.Commit();
        run = j + 1;
      }
      while (run < m) run = StreamLines(loader, lines, run, m, buffer_end);
      i = m;
    }
  }
}

// Whether the object at p has a top-level "items" key (scanning up to `end`,
// giving up at the first malformed member).
bool HasItemsKey(const char* p, const char* end) {
  const char* q = p + 1;
  while (q < end) {
    q = SkipSpace(q, end);
    if (q >= end || *q != '"') return false;
    const char* key_end = SkipString(q, end);
    if (key_end == nullptr) return false;
    if (absl::string_view(q + 1, size_t(key_end - q - 2)) == "items") return true;
    q = SkipSpace(key_end, end);
    if (q >= end || *q != ':') return false;
    q = SkipValue(SkipSpace(q + 1, end), end);
    if (q == nullptr) return false;
    q = SkipSpace(q, end);
    if (q < end && *q == ',') ++q;
  }
  return false;
}

// Auto: a List when the first value has a top-level `items` (or is an
// array); otherwise NDJSON.
IngestFormat Detect(const char* p, const char* end) {
  p = SkipSpace(p, end);
  if (p >= end || *p == '[') return IngestFormat::kList;
  return HasItemsKey(p, end) ? IngestFormat::kList : IngestFormat::kNdjson;
}

}  // namespace

absl::StatusOr<IngestReport> IngestJson(Fleet& fleet, absl::string_view json,
                                        const IngestOptions& options, bool padded) {
  std::unique_ptr<char[]> copy;
  const char* data = json.data();
  if (!padded) {
    copy.reset(new char[json.size() + kIngestPadding]);
    std::memcpy(copy.get(), json.data(), json.size());
    std::memset(copy.get() + json.size(), 0, kIngestPadding);
    data = copy.get();
  }
  const char* end = data + json.size();
  const char* buffer_end = end + kIngestPadding;
  const char* first = SkipSpace(data, end);
  if (first < end && *first != '{' && *first != '[') {
    return absl::InvalidArgumentError("not a JSON List or NDJSON of CronJobs");
  }
  IngestReport report;
  report.format = options.format == IngestFormat::kAuto ? Detect(data, end) : options.format;
  Loader loader(fleet, options, report);
  if (report.format == IngestFormat::kNdjson) {
    ReadNdjson(loader, data, end, buffer_end);
  } else {
    absl::Status s = ReadList(loader, data, end, buffer_end);
    if (!s.ok()) return s;
  }
  loader.Flush();
  return report;
}

}  // namespace kron
