// ValidateManifestText: the whole `kron validate` pipeline for one file, so
// the CLI and the WASM build report the same things.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "kron/manifest.h"
#include "kron/validation.h"

namespace kron {

std::string ReportItem::ToString() const {
  std::string out = absl::StrCat(file, ":", pos.line > 0 ? pos.line : 1, ":");
  if (unreadable && pos.column > 0) absl::StrAppend(&out, pos.column, ":");
  absl::StrAppend(&out, " ");
  if (severity == Severity::kWarning) absl::StrAppend(&out, "warning: ");
  if (!object.empty()) absl::StrAppend(&out, object, ": ");
  if (!field.empty()) absl::StrAppend(&out, field, ": ");
  absl::StrAppend(&out, message);
  return out;
}

namespace {

// `Kind/name` from the raw document, for documents that did not decode.
std::string RawLabel(const Node& root) {
  if (!root.is_map()) return "";
  const Node* kind = root.Find("kind");
  const Node* meta = root.Find("metadata");
  const Node* name = meta && meta->is_map() ? meta->Find("name") : nullptr;
  if (!kind || kind->type != Node::Type::kString) return "";
  return absl::StrCat(kind->text, "/", name && name->type == Node::Type::kString ? name->text : "");
}

}  // namespace

ValidationReport ValidateManifestText(absl::string_view text, absl::string_view file,
                                      const TimeZones& zones, const ValidationOptions& options) {
  ValidationReport report;
  ReadResult read = ReadManifestText(text, file);
  // Items are grouped by the line their document starts on, so syntax errors
  // and findings come out in file order.
  std::vector<std::pair<int, ReportItem>> keyed;
  for (const ReadIssue& e : read.errors) {
    ReportItem item{e.file, e.pos, "", Severity::kError, "", e.message, true};
    keyed.emplace_back(e.pos.line, std::move(item));
    report.unreadable = true;
  }
  for (const Document& doc : read.documents) {
    const int key = doc.root.pos.line;
    DecodeResult decoded = DecodeManifest(doc);
    const std::string raw_label = RawLabel(doc.root);
    for (const ReadIssue& e : decoded.errors) {
      ReportItem item{e.file, e.pos, raw_label, Severity::kError, "", e.message, !decoded.unsupported_kind};
      keyed.emplace_back(key, std::move(item));
      if (decoded.unsupported_kind) report.invalid = true;
      else report.unreadable = true;
    }
    if (!decoded.manifest) continue;
    Manifest& m = *decoded.manifest;
    ApplyDefaults(m);
    const std::string label = m.label();
    for (const auto& [path, pos] : decoded.unknown_fields) {
      keyed.emplace_back(key, ReportItem{doc.file, pos, label, Severity::kError, "",
                                         absl::StrCat("strict decoding error: unknown field \"", path, "\""),
                                         false});
      report.invalid = true;
    }
    for (Finding& f : Validate(m, zones, options)) {
      if (f.severity == Severity::kError) report.invalid = true;
      keyed.emplace_back(key, ReportItem{doc.file, f.pos.known() ? f.pos : m.pos, label, f.severity,
                                         std::move(f.field), std::move(f.message), false});
    }
    report.manifests.push_back(std::move(m));
  }
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [key, item] : keyed) report.items.push_back(std::move(item));
  return report;
}

}  // namespace kron
