// libFuzzer target for the manifest reader: any bytes through
// ReadManifestText and DecodeManifest must neither crash nor hang, and every
// reported position must lie inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kron/manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  kron::ReadResult r = kron::ReadManifestText(text, "fuzz");
  // An upper bound on the line count: libyaml also breaks lines at a lone CR
  // and at NEL, LS and PS (whose UTF-8 forms end in 0x85, 0xA8, 0xA9).
  int lines = 1;
  for (unsigned char c : text) lines += c == '\n' || c == '\r' || c == 0x85 || c == 0xA8 || c == 0xA9;
  for (const kron::ReadIssue& e : r.errors)
    if (e.pos.line < 0 || e.pos.line > lines + 1) std::abort();
  for (const kron::Document& d : r.documents) {
    kron::DecodeResult m = kron::DecodeManifest(d);
    if (m.manifest) kron::ApplyDefaults(*m.manifest);
  }
  return 0;
}
