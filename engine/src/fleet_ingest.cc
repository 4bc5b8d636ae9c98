// Bulk CronJob JSON into a Fleet: a light bracket scanner finds each record
// (List item or NDJSON line), simdjson On-Demand reads only the needed fields
// of it, so one bad record never hides the others.
#include "kron/fleet_ingest.h"

#include <cstring>
#include <memory>
#include <optional>

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

// Past the JSON value starting at p (brackets balanced, strings skipped), or
// nullptr when it never ends. Grammar inside is simdjson's business.
const char* SkipValue(const char* p, const char* end) {
  if (p >= end) return nullptr;
  if (*p == '"') return SkipString(p, end);
  if (*p != '{' && *p != '[') {
    while (p < end && *p != ',' && *p != '}' && *p != ']' && !IsSpace(*p)) ++p;
    return p;
  }
  int depth = 0;
  while (p < end) {
    switch (*p) {
      case '"':
        p = SkipString(p, end);
        if (p == nullptr) return nullptr;
        continue;
      case '{':
      case '[':
        ++depth;
        break;
      case '}':
      case ']':
        if (--depth == 0) return p + 1;
        break;
      default:
        break;
    }
    ++p;
  }
  return nullptr;
}

// The fields of one record, viewing the input or the parser's string buffer.
struct Fields {
  std::string_view name, name_space, creation, schedule, time_zone, policy, last, kind;
  bool has_name = false, has_creation = false, has_schedule = false, has_time_zone = false;
  bool has_policy = false, has_last = false, has_kind = false;
  bool suspend = false;
  std::optional<int64_t> deadline;
  int64_t active = 0;
};

std::string JsonError(simdjson::error_code e) {
  return absl::StrCat("JSON: ", simdjson::error_message(e));
}

bool IsNull(od::value& v) {
  od::json_type t;
  return !v.type().get(t) && t == od::json_type::null;
}

// Reads a string field; nullopt-like `false` with a message on a wrong type.
bool GetString(od::value& v, std::string_view* out, const char* field, std::string* error) {
  simdjson::error_code e = v.get_string().get(*out);
  if (!e) return true;
  *error = e == simdjson::INCORRECT_TYPE ? absl::StrCat(field, ": expected string")
                                         : JsonError(e);
  return false;
}

bool ReadMetadata(od::value v, Fields& f, std::string* error) {
  od::object obj;
  if (simdjson::error_code e = v.get_object().get(obj)) {
    *error = e == simdjson::INCORRECT_TYPE ? "metadata: expected object" : JsonError(e);
    return false;
  }
  for (auto field_result : obj) {
    if (simdjson::error_code e = field_result.error()) return *error = JsonError(e), false;
    od::field field = std::move(field_result).value_unsafe();
    const od::raw_json_string key = field.key();
    od::value value = field.value();
    if (key == "name") {
      if (!GetString(value, &f.name, "metadata.name", error)) return false;
      f.has_name = true;
    } else if (key == "namespace") {
      if (!GetString(value, &f.name_space, "metadata.namespace", error)) return false;
    } else if (key == "creationTimestamp") {
      if (IsNull(value)) continue;
      if (!GetString(value, &f.creation, "metadata.creationTimestamp", error)) return false;
      f.has_creation = true;
    }
  }
  return true;
}

bool ReadSpec(od::value v, Fields& f, std::string* error) {
  od::object obj;
  if (simdjson::error_code e = v.get_object().get(obj)) {
    *error = e == simdjson::INCORRECT_TYPE ? "spec: expected object" : JsonError(e);
    return false;
  }
  for (auto field_result : obj) {
    if (simdjson::error_code e = field_result.error()) return *error = JsonError(e), false;
    od::field field = std::move(field_result).value_unsafe();
    const od::raw_json_string key = field.key();
    od::value value = field.value();
    if (key == "schedule") {
      if (!GetString(value, &f.schedule, "spec.schedule", error)) return false;
      f.has_schedule = true;
    } else if (key == "timeZone") {
      if (IsNull(value)) continue;
      if (!GetString(value, &f.time_zone, "spec.timeZone", error)) return false;
      f.has_time_zone = true;
    } else if (key == "suspend") {
      if (IsNull(value)) continue;
      if (simdjson::error_code e = value.get_bool().get(f.suspend)) {
        *error = e == simdjson::INCORRECT_TYPE ? "spec.suspend: expected boolean" : JsonError(e);
        return false;
      }
    } else if (key == "concurrencyPolicy") {
      if (IsNull(value)) continue;
      if (!GetString(value, &f.policy, "spec.concurrencyPolicy", error)) return false;
      f.has_policy = true;
    } else if (key == "startingDeadlineSeconds") {
      if (IsNull(value)) continue;
      int64_t d;
      if (simdjson::error_code e = value.get_int64().get(d)) {
        *error = e == simdjson::INCORRECT_TYPE || e == simdjson::NUMBER_ERROR
                     ? "spec.startingDeadlineSeconds: expected integer"
                     : JsonError(e);
        return false;
      }
      f.deadline = d;
    }
  }
  return true;
}

bool ReadStatus(od::value v, Fields& f, std::string* error) {
  if (IsNull(v)) return true;
  od::object obj;
  if (simdjson::error_code e = v.get_object().get(obj)) {
    *error = e == simdjson::INCORRECT_TYPE ? "status: expected object" : JsonError(e);
    return false;
  }
  for (auto field_result : obj) {
    if (simdjson::error_code e = field_result.error()) return *error = JsonError(e), false;
    od::field field = std::move(field_result).value_unsafe();
    const od::raw_json_string key = field.key();
    od::value value = field.value();
    if (key == "lastScheduleTime") {
      if (IsNull(value)) continue;
      if (!GetString(value, &f.last, "status.lastScheduleTime", error)) return false;
      f.has_last = true;
    } else if (key == "active") {
      if (IsNull(value)) continue;
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
  }
  return true;
}

bool ReadRecord(od::document& doc, Fields& f, std::string* error) {
  od::object obj;
  if (simdjson::error_code e = doc.get_object().get(obj)) {
    *error = e == simdjson::INCORRECT_TYPE ? "expected a CronJob object" : JsonError(e);
    return false;
  }
  for (auto field_result : obj) {
    if (simdjson::error_code e = field_result.error()) return *error = JsonError(e), false;
    od::field field = std::move(field_result).value_unsafe();
    const od::raw_json_string key = field.key();
    if (key == "metadata") {
      if (!ReadMetadata(field.value(), f, error)) return false;
    } else if (key == "spec") {
      if (!ReadSpec(field.value(), f, error)) return false;
    } else if (key == "status") {
      if (!ReadStatus(field.value(), f, error)) return false;
    } else if (key == "kind") {
      od::value value = field.value();
      if (!GetString(value, &f.kind, "kind", error)) return false;
      f.has_kind = true;
    }
  }
  return true;
}

class Loader {
 public:
  Loader(Fleet& fleet, const IngestOptions& options, IngestReport& report)
      : fleet_(fleet), options_(options), report_(report) {}

  // One record [p, p + len) with `capacity` readable bytes from p.
  void Record(const char* p, size_t len, size_t capacity, size_t position) {
    ++report_.records;
    std::string error;
    if (Load(p, len, capacity, &error)) return;
    Fail(position, error);
  }

  void CountBad(size_t position, absl::string_view error) {
    ++report_.records;
    Fail(position, error);
  }

  void Fail(size_t position, absl::string_view error) {
    const std::string where = report_.format == IngestFormat::kList
                                  ? absl::StrCat("items[", position, "]: ")
                                  : absl::StrCat("line ", position, ": ");
    report_.errors.push_back({position, absl::StrCat(where, error)});
  }

 private:
  bool Load(const char* p, size_t len, size_t capacity, std::string* error) {
    od::document doc;
    if (simdjson::error_code e = parser_.iterate(p, len, capacity).get(doc)) {
      *error = JsonError(e);
      return false;
    }
    Fields f;
    if (!ReadRecord(doc, f, error)) return false;
    if (f.has_kind && f.kind != "CronJob") {
      *error = absl::StrCat("kind: expected CronJob, got ", ToAbsl(f.kind));
      return false;
    }
    if (!f.has_name || f.name.empty()) return *error = "metadata.name: required", false;
    if (!f.has_schedule) return *error = "spec.schedule: required", false;
    CronJobRecord r;
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
      absl::StatusOr<Instant> t = ParseInstant(ToAbsl(f.creation));
      if (!t.ok()) {
        *error = absl::StrCat("metadata.creationTimestamp: ", t.status().message());
        return false;
      }
      r.creation_timestamp = *t;
    }
    if (f.has_last) {
      absl::StatusOr<Instant> t = ParseInstant(ToAbsl(f.last));
      if (!t.ok()) {
        *error = absl::StrCat("status.lastScheduleTime: ", t.status().message());
        return false;
      }
      r.last_schedule_time = *t;
    }
    bool existed = false;
    absl::StatusOr<CronJobId> id = fleet_.Upsert(r, &existed);
    if (!id.ok()) {
      *error = std::string(id.status().message());
      return false;
    }
    ++report_.loaded;
    if (existed) ++report_.replaced;
    return true;
  }

  Fleet& fleet_;
  const IngestOptions& options_;
  IngestReport& report_;
  od::parser parser_;
};

void ReadItems(Loader& loader, const char* p, const char* end, const char* buffer_end) {
  // p is just past '['.
  size_t index = 0;
  for (;;) {
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

void ReadNdjson(Loader& loader, const char* p, const char* end, const char* buffer_end) {
  size_t line = 0;
  while (p < end) {
    ++line;
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', size_t(end - p)));
    const char* stop = nl ? nl : end;
    const char* q = SkipSpace(p, stop);
    if (q < stop) {
      // One object per line: it must end the line (a cheap check; simdjson
      // judges the inside).
      const char* last = stop;
      while (last > q && IsSpace(last[-1])) --last;
      if (last[-1] != '}' && *q == '{') {
        loader.CountBad(line, "JSON: trailing content after the object");
      } else {
        loader.Record(q, size_t(stop - q), size_t(buffer_end - q), line);
      }
    }
    p = nl ? nl + 1 : end;
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
  return report;
}

}  // namespace kron
