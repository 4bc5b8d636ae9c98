// YAML → Node, through libyaml's event parser (the one place YAML is read).
//
// Kubernetes reads YAML with sigs.k8s.io/yaml, i.e. go-yaml v2 followed by a
// conversion to JSON; the typing of plain scalars below follows go-yaml v2's
// resolve.go (YAML 1.1 booleans, base prefixes, `~`), and timestamps stay
// strings as go-yaml v2 leaves them when decoding into interface{}.
//
// libyaml cannot resume after an error, so the stream is first cut at its
// document markers (`---`, `...` at the start of a line) and each piece is
// parsed alone: a broken document does not hide the ones after it.
#include <yaml.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "kron/manifest.h"
#include "manifest_internal.h"

namespace kron::manifest_internal {
namespace {

bool IsMarkerLine(absl::string_view line, absl::string_view marker) {
  if (line.substr(0, 3) != marker) return false;
  return line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r';
}

struct Chunk {
  size_t begin;
  size_t end;
  int first_line;  // 0-based line of `begin` in the whole text
};

// Pieces that each hold at most one document: a new piece starts at every
// `---` line, and after every `...` line.
std::vector<Chunk> SplitDocuments(absl::string_view text) {
  std::vector<Chunk> chunks;
  size_t begin = 0;
  int begin_line = 0;
  size_t pos = 0;
  int line = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == absl::string_view::npos) eol = text.size();
    absl::string_view l = text.substr(pos, eol - pos);
    const size_t next = eol < text.size() ? eol + 1 : eol;
    if (IsMarkerLine(l, "---") && pos > begin) {
      chunks.push_back({begin, pos, begin_line});
      begin = pos;
      begin_line = line;
    } else if (IsMarkerLine(l, "...")) {
      chunks.push_back({begin, next, begin_line});
      begin = next;
      begin_line = line + 1;
    }
    pos = next;
    ++line;
  }
  if (begin < text.size()) chunks.push_back({begin, text.size(), begin_line});
  return chunks;
}

// go-yaml v2 resolve.go: the plain scalars that are not strings.
bool IsYamlBool(absl::string_view s, bool& value) {
  static constexpr absl::string_view kTrue[] = {"y", "Y", "yes", "Yes", "YES", "true",
                                                "True", "TRUE", "on", "On", "ON"};
  static constexpr absl::string_view kFalse[] = {"n", "N", "no", "No", "NO", "false",
                                                 "False", "FALSE", "off", "Off", "OFF"};
  for (absl::string_view t : kTrue)
    if (s == t) return value = true, true;
  for (absl::string_view f : kFalse)
    if (s == f) return value = false, true;
  return false;
}

// Go's strconv.ParseInt(s, 0, 64) (after go-yaml removed the underscores).
bool ParseGoInt(absl::string_view s, int64_t& out) {
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return false;
  int base = 10;
  if (s.size() > 1 && s[0] == '0') {
    const char p = absl::ascii_tolower(s[1]);
    if (p == 'x') base = 16, s.remove_prefix(2);
    else if (p == 'o') base = 8, s.remove_prefix(2);
    else if (p == 'b') base = 2, s.remove_prefix(2);
    else base = 8, s.remove_prefix(1);
    if (s.empty()) return false;
  }
  unsigned __int128 v = 0;
  for (char c : s) {
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
    else return false;
    if (d >= base) return false;
    v = v * base + d;
    if (v > (static_cast<unsigned __int128>(1) << 64)) return false;
  }
  if (neg) {
    if (v > static_cast<unsigned __int128>(std::numeric_limits<int64_t>::max()) + 1) return false;
    out = static_cast<int64_t>(-static_cast<__int128>(v));
  } else {
    if (v > static_cast<unsigned __int128>(std::numeric_limits<int64_t>::max())) return false;
    out = static_cast<int64_t>(v);
  }
  return true;
}

// go-yaml v2's yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool IsYamlStyleFloat(absl::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < s.size() && absl::ascii_isdigit(s[i])) ++i;
    return i - start;
  };
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (digits() == 0) return false;
  } else {
    if (digits() == 0) return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      digits();
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

}  // namespace

void ResolvePlainScalar(absl::string_view s, Node& node) {
  node.text = std::string(s);
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") {
    node.type = Node::Type::kNull;
    return;
  }
  if (IsYamlBool(s, node.boolean)) {
    node.type = Node::Type::kBool;
    return;
  }
  if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf" || s == "+.Inf" || s == "+.INF") {
    node.type = Node::Type::kFloat;
    node.number = std::numeric_limits<double>::infinity();
    return;
  }
  if (s == "-.inf" || s == "-.Inf" || s == "-.INF") {
    node.type = Node::Type::kFloat;
    node.number = -std::numeric_limits<double>::infinity();
    return;
  }
  if (s == ".nan" || s == ".NaN" || s == ".NAN") {
    node.type = Node::Type::kFloat;
    node.number = std::nan("");
    return;
  }
  const char c = s[0];
  if (c == '+' || c == '-' || c == '.' || absl::ascii_isdigit(c)) {
    const std::string plain = absl::StrReplaceAll(s, {{"_", ""}});
    if (ParseGoInt(plain, node.integer)) {
      node.type = Node::Type::kInt;
      return;
    }
    if (IsYamlStyleFloat(plain)) {
      node.type = Node::Type::kFloat;
      node.number = std::strtod(plain.c_str(), nullptr);
      return;
    }
    // An integer beyond int64 (go-yaml keeps it as uint64 or float64).
    bool all_digits = !plain.empty();
    for (char d : absl::string_view(plain).substr(plain[0] == '+' || plain[0] == '-')) all_digits &= absl::ascii_isdigit(d) != 0;
    if (all_digits) {
      node.type = Node::Type::kFloat;
      node.number = std::strtod(plain.c_str(), nullptr);
      return;
    }
  }
  node.type = Node::Type::kString;
}

namespace {

size_t CountNodes(const Node& n) {
  size_t count = 1;
  for (const Node& item : n.items) count += CountNodes(item);
  for (const Node::Entry& e : n.entries) count += CountNodes(e.value);
  return count;
}

struct Frame {
  Node node;
  std::string anchor;
  bool have_key = false;
  Node key;
  bool key_is_merge = false;
  std::vector<Node> merges;  // values of `<<` keys, applied when the map ends
};

class ChunkParser {
 public:
  ChunkParser(absl::string_view text, int line_offset, absl::string_view file, ReadResult& out,
              int& doc_counter)
      : text_(text), line_offset_(line_offset), file_(file), out_(out), doc_counter_(doc_counter) {}

  void Run() {
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
      Fail({line_offset_ + 1, 1}, "cannot initialise the YAML parser");
      return;
    }
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text_.data()),
                                 text_.size());
    bool done = false;
    while (!done) {
      yaml_event_t event;
      if (!yaml_parser_parse(&parser, &event)) {
        ReportParserError(parser);
        break;
      }
      done = event.type == YAML_STREAM_END_EVENT;
      const bool ok = Handle(event);
      yaml_event_delete(&event);
      if (!ok) break;
    }
    yaml_parser_delete(&parser);
  }

 private:
  SourcePos Pos(const yaml_mark_t& m) const {
    return {static_cast<int>(m.line) + line_offset_ + 1, static_cast<int>(m.column) + 1};
  }

  void Fail(SourcePos pos, std::string message) {
    out_.errors.push_back({std::string(file_), pos, std::move(message)});
    ++doc_counter_;
    stack_.clear();
  }

  void ReportParserError(const yaml_parser_t& p) {
    std::string problem = p.problem ? p.problem : "unknown YAML error";
    if (p.error == YAML_READER_ERROR) {
      // The reader reports a byte offset; find the line it is on.
      LineIndex index(text_);
      SourcePos pos = index.At(p.problem_offset);
      pos.line += line_offset_;
      Fail(pos, absl::StrCat("yaml: ", problem));
      return;
    }
    std::string message = absl::StrCat("yaml: ", problem);
    if (p.context) {
      const SourcePos c = Pos(p.context_mark);
      absl::StrAppend(&message, " (", p.context, " at line ", c.line, ", column ", c.column, ")");
    }
    Fail(Pos(p.problem_mark), std::move(message));
  }

  // Adds a finished node to its parent (or finishes the document).
  bool Attach(Node node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      have_root_ = true;
      return true;
    }
    Frame& parent = stack_.back();
    if (parent.node.type == Node::Type::kSeq) {
      parent.node.items.push_back(std::move(node));
      return true;
    }
    if (!parent.have_key) {
      if (node.type == Node::Type::kSeq || node.type == Node::Type::kMap) {
        Fail(node.pos, "yaml: a mapping key must be a scalar, not a sequence or mapping");
        return false;
      }
      parent.key_is_merge = last_plain_ && node.type == Node::Type::kString && node.text == "<<";
      parent.key = std::move(node);
      parent.have_key = true;
      return true;
    }
    parent.have_key = false;
    if (parent.key_is_merge) {
      parent.merges.push_back(std::move(node));
      return true;
    }
    parent.node.entries.push_back({parent.key.text, parent.key.pos, std::move(node)});
    return true;
  }

  bool Remember(const std::string& anchor, const Node& node) {
    if (!anchor.empty()) anchors_[anchor] = node;
    return true;
  }

  bool Count(size_t n, SourcePos pos) {
    nodes_ += n;
    if (nodes_ > kMaxNodesPerDocument) {
      Fail(pos, "yaml: document contains excessive aliasing");
      return false;
    }
    return true;
  }

  static void ApplyMerges(Frame& f) {
    std::vector<Node::Entry> merged;
    auto has = [&](const std::string& key) {
      for (const Node::Entry& e : f.node.entries)
        if (e.key == key) return true;
      for (const Node::Entry& e : merged)
        if (e.key == key) return true;
      return false;
    };
    auto merge_map = [&](const Node& m) {
      for (const Node::Entry& e : m.entries)
        if (!has(e.key)) merged.push_back(e);
    };
    for (const Node& m : f.merges) {
      if (m.type == Node::Type::kMap) merge_map(m);
      if (m.type == Node::Type::kSeq)
        for (const Node& item : m.items)
          if (item.type == Node::Type::kMap) merge_map(item);
    }
    for (Node::Entry& e : merged) f.node.entries.push_back(std::move(e));
  }

  bool Handle(const yaml_event_t& ev) {
    switch (ev.type) {
      case YAML_DOCUMENT_START_EVENT:
        stack_.clear();
        anchors_.clear();
        have_root_ = false;
        nodes_ = 0;
        return true;
      case YAML_DOCUMENT_END_EVENT:
        if (have_root_ && root_.type != Node::Type::kNull) {
          out_.documents.push_back({std::string(file_), doc_counter_, std::move(root_)});
          ++doc_counter_;
        }
        have_root_ = false;
        return true;
      case YAML_SCALAR_EVENT: {
        if (!Count(1, Pos(ev.start_mark))) return false;
        Node n;
        n.pos = Pos(ev.start_mark);
        const auto& s = ev.data.scalar;
        absl::string_view value(reinterpret_cast<const char*>(s.value), s.length);
        const char* tag = reinterpret_cast<const char*>(s.tag);
        const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE;
        if (tag && (std::strcmp(tag, YAML_STR_TAG) == 0 || std::strcmp(tag, "!") == 0 ||
                    std::strcmp(tag, "tag:yaml.org,2002:binary") == 0)) {
          n.type = Node::Type::kString;
          n.text = std::string(value);
        } else if (plain || (tag && std::strncmp(tag, "tag:yaml.org,2002:", 18) == 0)) {
          ResolvePlainScalar(value, n);
        } else {
          n.type = Node::Type::kString;
          n.text = std::string(value);
        }
        if (s.anchor) Remember(reinterpret_cast<const char*>(s.anchor), n);
        // Only an untagged plain `<<` is a merge key.
        last_plain_ = plain && !tag;
        return Attach(std::move(n));
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        if (!Count(1, Pos(ev.start_mark))) return false;
        if (static_cast<int>(stack_.size()) >= kMaxDepth) {
          Fail(Pos(ev.start_mark), absl::StrCat("yaml: document nests deeper than ", kMaxDepth, " levels"));
          return false;
        }
        Frame f;
        f.node.pos = Pos(ev.start_mark);
        const bool seq = ev.type == YAML_SEQUENCE_START_EVENT;
        f.node.type = seq ? Node::Type::kSeq : Node::Type::kMap;
        const yaml_char_t* anchor = seq ? ev.data.sequence_start.anchor : ev.data.mapping_start.anchor;
        if (anchor) f.anchor = reinterpret_cast<const char*>(anchor);
        stack_.push_back(std::move(f));
        return true;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: {
        Frame f = std::move(stack_.back());
        stack_.pop_back();
        if (!f.merges.empty()) ApplyMerges(f);
        Remember(f.anchor, f.node);
        last_plain_ = false;
        return Attach(std::move(f.node));
      }
      case YAML_ALIAS_EVENT: {
        const std::string name = reinterpret_cast<const char*>(ev.data.alias.anchor);
        auto it = anchors_.find(name);
        if (it == anchors_.end()) {
          Fail(Pos(ev.start_mark), absl::StrCat("yaml: unknown anchor '", name, "' referenced"));
          return false;
        }
        if (!Count(CountNodes(it->second), Pos(ev.start_mark))) return false;
        last_plain_ = false;
        Node copy = it->second;
        return Attach(std::move(copy));
      }
      default:
        return true;
    }
  }

  absl::string_view text_;
  int line_offset_;
  absl::string_view file_;
  ReadResult& out_;
  int& doc_counter_;
  std::vector<Frame> stack_;
  absl::flat_hash_map<std::string, Node> anchors_;
  Node root_;
  bool have_root_ = false;
  bool last_plain_ = false;
  size_t nodes_ = 0;
};

}  // namespace

void ReadYaml(absl::string_view text, absl::string_view file, ReadResult& out) {
  int doc_counter = 0;
  for (const Chunk& c : SplitDocuments(text)) {
    ChunkParser(text.substr(c.begin, c.end - c.begin), c.first_line, file, out, doc_counter).Run();
  }
}

}  // namespace kron::manifest_internal
