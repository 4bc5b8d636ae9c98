// str_concat.h (internal) — absl::StrCat for the names and messages the timeline builds
// per Job and pod, in one exactly-sized allocation. With libstdc++, StrCat
// sizes its result through the generic std::string::resize path
// (_M_replace_aux), which costs several times the copy itself.
#ifndef KRON_ENGINE_SRC_STR_CONCAT_H_
#define KRON_ENGINE_SRC_STR_CONCAT_H_

#include <algorithm>
#include <initializer_list>
#include <string>

#include "absl/strings/string_view.h"

namespace kron {

inline std::string Concat(std::initializer_list<absl::string_view> parts) {
  size_t size = 0;
  for (absl::string_view part : parts) size += part.size();
  std::string out(size, '\0');
  char* end = out.data();
  for (absl::string_view part : parts) end = std::copy(part.begin(), part.end(), end);
  return out;
}

}  // namespace kron

#endif  // KRON_ENGINE_SRC_STR_CONCAT_H_
