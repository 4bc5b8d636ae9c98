// digits.h (internal) — zero-padded decimal numbers, printf's "%0Nd" without
// printf: the engine formats only clocks, dates and offsets, and absl::StrFormat's
// machinery (float conversion included) is ~21 KB of the WebAssembly module.
#ifndef KRON_ENGINE_DIGITS_H_
#define KRON_ENGINE_DIGITS_H_

#include <cstdint>
#include <string>

namespace kron::internal {

// Writes `value` in decimal at `p`, left-padded with zeros to `width` digits
// (a minus sign, when negative, comes before the padding and is not
// counted); returns the new end: at most 1 + max(width, 20) bytes.
inline char* PutPadded(char* p, int64_t value, int width) {
  uint64_t magnitude = value < 0 ? 0 - uint64_t(value) : uint64_t(value);
  if (value < 0) *p++ = '-';
  char digits[20];
  int n = 0;
  do {
    digits[n++] = char('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  for (int pad = width - n; pad > 0; --pad) *p++ = '0';
  while (n > 0) *p++ = digits[--n];
  return p;
}

// The same appended to `out`; `width` at most 20.
inline void AppendPadded(std::string& out, int64_t value, int width) {
  char buf[21];
  out.append(buf, PutPadded(buf, value, width));
}

// "HH:MM".
inline std::string FormatClock(int hour, int minute) {
  std::string out;
  AppendPadded(out, hour, 2);
  out.push_back(':');
  AppendPadded(out, minute, 2);
  return out;
}

}  // namespace kron::internal

#endif  // KRON_ENGINE_DIGITS_H_
