// manifest_internal.h (internal) — the readers behind ReadManifestText.
#ifndef KRON_ENGINE_SRC_MANIFEST_INTERNAL_H_
#define KRON_ENGINE_SRC_MANIFEST_INTERNAL_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"
#include "kron/manifest.h"

namespace kron::manifest_internal {

// Documents nest at most this deep (fuzzed input must not exhaust the stack
// of the recursive walkers and destructors).
inline constexpr int kMaxDepth = 256;
// Alias expansion may create at most this many nodes per document (the
// "billion laughs" guard; go-yaml refuses with "excessive aliasing" too).
inline constexpr size_t kMaxNodesPerDocument = 1 << 20;

// Byte offset → 1-based line and column (columns count bytes).
class LineIndex {
 public:
  explicit LineIndex(absl::string_view text);
  SourcePos At(size_t offset) const;

 private:
  std::vector<size_t> starts_;
};

// YAML stream (libyaml). Appends documents and errors to `out`.
void ReadYaml(absl::string_view text, absl::string_view file, ReadResult& out);
// JSON: one value, NDJSON, or concatenated values (simdjson).
void ReadJson(absl::string_view text, absl::string_view file, ReadResult& out);

// How go-yaml v2 (sigs.k8s.io/yaml) types an untagged plain scalar; fills
// `node` (type and value) from `text`.
void ResolvePlainScalar(absl::string_view text, Node& node);

}  // namespace kron::manifest_internal

#endif  // KRON_ENGINE_SRC_MANIFEST_INTERNAL_H_
