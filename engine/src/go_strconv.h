// go_strconv.h (internal) — the pieces of Go's unicode/utf8, unicode,
// strings and strconv packages that robfig/cron's parser leans on, with Go's
// exact behaviour on odd input (invalid UTF-8, Unicode spaces) and Go's exact
// error texts. robfig's messages embed these texts, and kron reproduces them
// byte for byte.
#ifndef KRON_ENGINE_SRC_GO_STRCONV_H_
#define KRON_ENGINE_SRC_GO_STRCONV_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kron::go {

inline constexpr char32_t kRuneError = 0xFFFD;

// utf8.DecodeRuneInString on s[pos:]: the rune and its width in bytes. An
// invalid or truncated sequence decodes as (kRuneError, 1). `pos < s.size()`.
struct DecodedRune {
  char32_t rune;
  int width;
};
DecodedRune DecodeRune(absl::string_view s, size_t pos);

// unicode.IsSpace: ASCII \t \n \v \f \r and space, U+0085, U+00A0, and the
// Unicode White_Space runes above Latin-1.
bool IsSpace(char32_t r);

// strings.TrimSpace: drops leading and trailing runes for which IsSpace holds.
absl::string_view TrimSpace(absl::string_view s);

// strconv.IsPrint.
bool IsPrint(char32_t r);

// strconv.Quote: a double-quoted Go literal (printable runes kept as UTF-8).
std::string Quote(absl::string_view s);

// strconv.Atoi on a 64-bit platform. The error message is Go's, e.g.
// `strconv.Atoi: parsing "a": invalid syntax` or `... value out of range`.
absl::StatusOr<int64_t> Atoi(absl::string_view s);

}  // namespace kron::go

#endif  // KRON_ENGINE_SRC_GO_STRCONV_H_
