// ReadManifestText: picks the reader, expands Lists; and the small Node and
// FieldPositions helpers.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "kron/manifest.h"
#include "manifest_internal.h"

namespace kron {

const Node* Node::Find(absl::string_view key) const {
  const Node* found = nullptr;
  for (const Entry& e : entries)
    if (e.key == key) found = &e.value;
  return found;
}

const char* Node::TypeName() const {
  switch (type) {
    case Type::kNull: return "null";
    case Type::kBool: return "boolean";
    case Type::kInt: return "integer";
    case Type::kFloat: return "number";
    case Type::kString: return "string";
    case Type::kSeq: return "array";
    case Type::kMap: return "object";
  }
  return "value";
}

SourcePos FieldPositions::Find(absl::string_view path) const {
  while (true) {
    if (auto it = map_.find(path); it != map_.end()) return it->second;
    const size_t cut = path.find_last_of(".[");
    if (cut == absl::string_view::npos) return {};
    path = path.substr(0, cut);
  }
}

std::string Manifest::label() const { return absl::StrCat(kind_name(), "/", metadata().name); }

namespace manifest_internal {

LineIndex::LineIndex(absl::string_view text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts_.push_back(i + 1);
}

SourcePos LineIndex::At(size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const size_t line = static_cast<size_t>(it - starts_.begin());  // 1-based
  return {static_cast<int>(line), static_cast<int>(offset - starts_[line - 1]) + 1};
}

}  // namespace manifest_internal

namespace {

// `kind: List` (kubectl get -o json/yaml) and typed lists (`CronJobList`
// from the API) hold their objects in `items`; typed lists' items may omit
// apiVersion and kind, which the list implies.
void ExpandLists(ReadResult& result) {
  std::vector<Document> out;
  out.reserve(result.documents.size());
  for (Document& d : result.documents) {
    const Node* kind = d.root.Find("kind");
    const Node* items = d.root.Find("items");
    if (!kind || kind->type != Node::Type::kString || !absl::EndsWith(kind->text, "List") ||
        !items || items->type != Node::Type::kSeq) {
      out.push_back(std::move(d));
      continue;
    }
    const std::string item_kind = kind->text.substr(0, kind->text.size() - 4);
    const Node* api_version = d.root.Find("apiVersion");
    for (const Node& item : items->items) {
      Document doc{d.file, static_cast<int>(out.size()), item};
      if (doc.root.is_map() && !item_kind.empty()) {
        if (!doc.root.Find("kind")) {
          Node k;
          k.type = Node::Type::kString;
          k.text = item_kind;
          k.pos = item.pos;
          doc.root.entries.push_back({"kind", item.pos, std::move(k)});
        }
        if (!doc.root.Find("apiVersion") && api_version)
          doc.root.entries.push_back({"apiVersion", item.pos, *api_version});
      }
      out.push_back(std::move(doc));
    }
  }
  for (size_t i = 0; i < out.size(); ++i) out[i].index = static_cast<int>(i);
  result.documents = std::move(out);
}

}  // namespace

ReadResult ReadManifestText(absl::string_view text, absl::string_view file) {
  ReadResult result;
  // A UTF-8 byte order mark is allowed by both readers' users (editors add it).
  if (absl::StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  size_t first = 0;
  while (first < text.size() && absl::ascii_isspace(static_cast<unsigned char>(text[first]))) ++first;
  if (first < text.size() && (text[first] == '{' || text[first] == '['))
    manifest_internal::ReadJson(text, file, result);
  else
    manifest_internal::ReadYaml(text, file, result);
  ExpandLists(result);
  return result;
}

}  // namespace kron
