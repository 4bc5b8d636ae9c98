// JSON → Node through simdjson's On-Demand API. Positions come from the raw
// token of each value (a pointer into the input), so every node keeps its line
// and column.
//
// The input may be one value, a stream of values (NDJSON, as `kubectl get -o
// json --watch` or log pipelines print, or values simply concatenated). The
// stream is first cut into top-level values by a small bracket scanner and each
// value is parsed alone, so a truncated or broken value does not hide the
// others. When every value sits on its own line (NDJSON) the cut is by line,
// which also survives a line with unbalanced brackets.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "kron/manifest.h"
#include "manifest_internal.h"
#include "simdjson.h"

namespace kron::manifest_internal {
namespace {

namespace od = simdjson::ondemand;

const char* ErrorName(simdjson::error_code e) {
  switch (e) {
    case simdjson::CAPACITY: return "CAPACITY";
    case simdjson::MEMALLOC: return "MEMALLOC";
    case simdjson::TAPE_ERROR: return "TAPE_ERROR";
    case simdjson::DEPTH_ERROR: return "DEPTH_ERROR";
    case simdjson::STRING_ERROR: return "STRING_ERROR";
    case simdjson::T_ATOM_ERROR: return "T_ATOM_ERROR";
    case simdjson::F_ATOM_ERROR: return "F_ATOM_ERROR";
    case simdjson::N_ATOM_ERROR: return "N_ATOM_ERROR";
    case simdjson::NUMBER_ERROR: return "NUMBER_ERROR";
    case simdjson::UTF8_ERROR: return "UTF8_ERROR";
    case simdjson::EMPTY: return "EMPTY";
    case simdjson::UNESCAPED_CHARS: return "UNESCAPED_CHARS";
    case simdjson::UNCLOSED_STRING: return "UNCLOSED_STRING";
    case simdjson::INCORRECT_TYPE: return "INCORRECT_TYPE";
    case simdjson::NUMBER_OUT_OF_RANGE: return "NUMBER_OUT_OF_RANGE";
    case simdjson::INDEX_OUT_OF_BOUNDS: return "INDEX_OUT_OF_BOUNDS";
    case simdjson::NO_SUCH_FIELD: return "NO_SUCH_FIELD";
    case simdjson::OUT_OF_ORDER_ITERATION: return "OUT_OF_ORDER_ITERATION";
    case simdjson::INSUFFICIENT_PADDING: return "INSUFFICIENT_PADDING";
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT: return "INCOMPLETE_ARRAY_OR_OBJECT";
    case simdjson::SCALAR_DOCUMENT_AS_VALUE: return "SCALAR_DOCUMENT_AS_VALUE";
    case simdjson::OUT_OF_BOUNDS: return "OUT_OF_BOUNDS";
    case simdjson::TRAILING_CONTENT: return "TRAILING_CONTENT";
    default: return "JSON_ERROR";
  }
}

struct JsonError {
  simdjson::error_code code;
  size_t offset;  // in the chunk
};

// A number that is not an int64, as simdjson's get_double reads it (the same
// grammar, RFC 8259 section 6, the same errors, the nearest double) but through
// strtod, which the YAML reader links anyway: simdjson's own float parser
// brings ~11 KB of tables into the WebAssembly module.
simdjson::error_code ReadDouble(const std::string& text, double& out) {
  size_t i = 0;
  auto digits = [&] {
    const size_t start = i;
    while (i < text.size() && absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) ++i;
    return i > start;
  };
  if (i < text.size() && text[i] == '-') ++i;
  if (i == text.size() || !absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) {
    return simdjson::INCORRECT_TYPE;
  }
  if (text[i] == '0') {
    ++i;
  } else {
    digits();
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (!digits()) return simdjson::NUMBER_ERROR;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (!digits()) return simdjson::NUMBER_ERROR;
  }
  if (i != text.size()) return simdjson::NUMBER_ERROR;
  out = std::strtod(text.c_str(), nullptr);
  return std::isinf(out) ? simdjson::NUMBER_ERROR : simdjson::SUCCESS;
}

// Walks one value, storing each node's byte offset (in the chunk) in
// pos.column with pos.line = 0; ToLineColumn converts them afterwards.
class Walker {
 public:
  explicit Walker(const char* base) : base_(base) {}

  bool Value(od::value v, Node& out, int depth) {
    const std::string_view raw = v.raw_json_token();
    const size_t at = static_cast<size_t>(raw.data() - base_);
    last_ = at;
    out.pos = {0, static_cast<int>(at)};
    od::json_type t;
    if (auto e = v.type().get(t)) return Fail(e);
    switch (t) {
      case od::json_type::object: {
        if (depth >= kMaxDepth) return Fail(simdjson::DEPTH_ERROR);
        out.type = Node::Type::kMap;
        od::object obj;
        if (auto e = v.get_object().get(obj)) return Fail(e);
        for (auto field_result : obj) {
          od::field field;
          if (auto e = std::move(field_result).get(field)) return Fail(e);
          const size_t key_at = static_cast<size_t>(field.key().raw() - 1 - base_);
          last_ = key_at;
          std::string_view key;
          if (auto e = field.unescaped_key().get(key)) return Fail(e);
          Node::Entry entry{std::string(key), {0, static_cast<int>(key_at)}, Node()};
          if (!Value(field.value(), entry.value, depth + 1)) return false;
          out.entries.push_back(std::move(entry));
        }
        return true;
      }
      case od::json_type::array: {
        if (depth >= kMaxDepth) return Fail(simdjson::DEPTH_ERROR);
        out.type = Node::Type::kSeq;
        od::array arr;
        if (auto e = v.get_array().get(arr)) return Fail(e);
        for (auto item_result : arr) {
          od::value item;
          if (auto e = std::move(item_result).get(item)) return Fail(e);
          out.items.emplace_back();
          if (!Value(item, out.items.back(), depth + 1)) return false;
        }
        return true;
      }
      case od::json_type::string: {
        std::string_view s;
        if (auto e = v.get_string().get(s)) return Fail(e);
        out.type = Node::Type::kString;
        out.text = std::string(s);
        return true;
      }
      case od::json_type::boolean: {
        bool b;
        if (auto e = v.get_bool().get(b)) return Fail(e);
        out.type = Node::Type::kBool;
        out.boolean = b;
        out.text = b ? "true" : "false";
        return true;
      }
      case od::json_type::null: {
        bool is_null = false;
        if (auto e = v.is_null().get(is_null)) return Fail(e);
        if (!is_null) return Fail(simdjson::N_ATOM_ERROR);
        out.type = Node::Type::kNull;
        out.text = "null";
        return true;
      }
      case od::json_type::number: {
        out.text = std::string(absl::StripTrailingAsciiWhitespace(absl::string_view(raw.data(), raw.size())));
        int64_t i;
        if (!v.get_int64().get(i)) {
          out.type = Node::Type::kInt;
          out.integer = i;
          return true;
        }
        double d;
        if (auto e = ReadDouble(out.text, d)) return Fail(e);
        out.type = Node::Type::kFloat;
        out.number = d;
        return true;
      }
    }
    return Fail(simdjson::TAPE_ERROR);
  }

  bool Fail(simdjson::error_code e) {
    error_ = JsonError{e, last_};
    return false;
  }

  const JsonError& error() const { return error_; }

 private:
  const char* base_;
  size_t last_ = 0;
  JsonError error_{simdjson::SUCCESS, 0};
};

void ToLineColumn(Node& n, const LineIndex& index, size_t base) {
  n.pos = index.At(base + static_cast<size_t>(n.pos.column));
  for (Node& item : n.items) ToLineColumn(item, index, base);
  for (Node::Entry& e : n.entries) {
    e.key_pos = index.At(base + static_cast<size_t>(e.key_pos.column));
    ToLineColumn(e.value, index, base);
  }
}

struct Span {
  size_t begin;
  size_t end;
};

size_t SkipBlank(absl::string_view text, size_t pos) {
  while (pos < text.size() && absl::ascii_isspace(static_cast<unsigned char>(text[pos]))) ++pos;
  return pos;
}

// The end of the top-level value starting at `pos`: past its closing bracket,
// or at the end of the text when it never closes.
size_t ScanValue(absl::string_view text, size_t pos) {
  const char c = text[pos];
  if (c != '{' && c != '[') {
    if (c == '"') {
      for (size_t i = pos + 1; i < text.size(); ++i) {
        if (text[i] == '\\') ++i;
        else if (text[i] == '"') return i + 1;
      }
      return text.size();
    }
    while (pos < text.size() && !absl::ascii_isspace(static_cast<unsigned char>(text[pos])) &&
           text[pos] != '{' && text[pos] != '[')
      ++pos;
    return pos;
  }
  int depth = 0;
  bool in_string = false;
  for (size_t i = pos; i < text.size(); ++i) {
    const char ch = text[i];
    if (in_string) {
      if (ch == '\\') ++i;
      else if (ch == '"') in_string = false;
      continue;
    }
    if (ch == '"') in_string = true;
    else if (ch == '{' || ch == '[') ++depth;
    else if (ch == '}' || ch == ']') {
      if (--depth == 0) return i + 1;
    }
  }
  return text.size();
}

std::vector<Span> SplitValues(absl::string_view text) {
  std::vector<Span> spans;
  for (size_t pos = SkipBlank(text, 0); pos < text.size(); pos = SkipBlank(text, pos)) {
    const size_t end = ScanValue(text, pos);
    spans.push_back({pos, end});
    pos = end;
  }
  // NDJSON: values one per line. Recognised by a first value that sits on
  // its first line with more lines after it; then the cut is by line, so
  // that a line with a missing bracket does not swallow the lines after it.
  bool ndjson = false;
  if (!spans.empty()) {
    const Span& first = spans.front();
    const bool single_line =
        text.substr(first.begin, first.end - first.begin).find('\n') == absl::string_view::npos;
    const size_t eol = text.find('\n', first.end);
    ndjson = single_line && eol != absl::string_view::npos &&
             SkipBlank(text, first.end) > eol && SkipBlank(text, eol) < text.size();
  }
  if (!ndjson) return spans;
  std::vector<Span> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == absl::string_view::npos) eol = text.size();
    const size_t b = SkipBlank(text.substr(0, eol), pos);
    if (b < eol) lines.push_back({b, eol});
    pos = eol + 1;
  }
  return lines;
}

void ParseOne(absl::string_view text, Span span, absl::string_view file, const LineIndex& index,
              int doc_index, ReadResult& out) {
  absl::string_view chunk = text.substr(span.begin, span.end - span.begin);
  simdjson::padded_string padded(chunk.data(), chunk.size());
  od::parser parser;
  Walker walker(padded.data());
  auto fail = [&](simdjson::error_code code, size_t offset) {
    if (code == simdjson::INCOMPLETE_ARRAY_OR_OBJECT || code == simdjson::UNCLOSED_STRING ||
        code == simdjson::TAPE_ERROR) {
      // Truncated input: point at its end.
      size_t end = chunk.size();
      while (end > 0 && absl::ascii_isspace(static_cast<unsigned char>(chunk[end - 1]))) --end;
      if (code != simdjson::TAPE_ERROR || end == chunk.size() || offset == 0) offset = end;
    }
    out.errors.push_back({std::string(file), index.At(span.begin + offset),
                          absl::StrCat("json: ", ErrorName(code), ": ", simdjson::error_message(code))});
  };
  od::document doc;
  if (auto e = parser.iterate(padded).get(doc)) return fail(e, 0);
  od::json_type t;
  if (auto e = doc.type().get(t)) return fail(e, 0);
  if (t != od::json_type::object && t != od::json_type::array) {
    out.errors.push_back({std::string(file), index.At(span.begin),
                          "json: a manifest must be a JSON object"});
    return;
  }
  od::value root;
  if (auto e = doc.get_value().get(root)) return fail(e, 0);
  Document d{std::string(file), doc_index, Node()};
  if (!walker.Value(root, d.root, 0)) {
    const char* loc = nullptr;
    size_t offset = walker.error().offset;
    if (!doc.current_location().get(loc) && loc >= padded.data() &&
        loc <= padded.data() + chunk.size())
      offset = static_cast<size_t>(loc - padded.data());
    return fail(walker.error().code, offset);
  }
  ToLineColumn(d.root, index, span.begin);
  out.documents.push_back(std::move(d));
}

}  // namespace

void ReadJson(absl::string_view text, absl::string_view file, ReadResult& out) {
  const LineIndex index(text);
  int doc_index = 0;
  for (const Span& span : SplitValues(text)) ParseOne(text, span, file, index, doc_index++, out);
}

}  // namespace kron::manifest_internal
