#include "cli_io.h"

#include <cstdarg>
#include <cstdio>
#include <string>

#include "absl/strings/str_cat.h"

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>

// The JS side (Module.kronIo, set by bindings/node/src/index.js):
//   open(kind, path) → byte count of stdin (kind 0) or of file `path`
//     (kind 1), -1 when there is none; the bytes wait for take(heap, dest);
//   write(fd, bytes) → appends a chunk to stdout or stderr.
// Without kronIo (a bare module) there is no input and output is dropped.
EM_JS(int, kron_io_open, (int kind, const char* path, int len), {
  const io = Module.kronIo;
  return io ? io.open(kind, kind ? UTF8ToString(path, len) : "") : -1;
});
EM_JS(void, kron_io_take, (char* dest), { Module.kronIo.take(HEAPU8, dest); });
EM_JS(void, kron_io_write, (int fd, const char* p, int len), {
  const io = Module.kronIo;
  if (io) io.write(fd, HEAPU8.subarray(p, p + len));
});
#endif

namespace kron::cli {

#ifdef __EMSCRIPTEN__

namespace {
bool Open(int kind, absl::string_view path, std::string& out) {
  const int n = kron_io_open(kind, path.data(), static_cast<int>(path.size()));
  if (n < 0) return false;
  out.resize(static_cast<size_t>(n));
  if (n > 0) kron_io_take(out.data());
  return true;
}
}  // namespace

bool ReadFile(absl::string_view path, std::string& out) { return Open(1, path, out); }
bool ReadStdin(std::string& out) { return Open(0, {}, out); }

void Write(int fd, absl::string_view bytes) {
  if (!bytes.empty()) kron_io_write(fd, bytes.data(), static_cast<int>(bytes.size()));
}

void Flush() {}

#else  // native

namespace {
bool ReadAll(std::FILE* f, std::string& out) {
  out.clear();
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  return !std::ferror(f);
}
}  // namespace

bool ReadFile(absl::string_view path, std::string& out) {
  std::FILE* f = std::fopen(std::string(path).c_str(), "rb");
  if (f == nullptr) return false;
  const bool ok = ReadAll(f, out);
  std::fclose(f);
  return ok;
}

bool ReadStdin(std::string& out) { return ReadAll(stdin, out); }

void Write(int fd, absl::string_view bytes) {
  std::fwrite(bytes.data(), 1, bytes.size(), fd == 2 ? stderr : stdout);
}

void Flush() {
  std::fflush(stdout);
  std::fflush(stderr);
}

#endif

bool ReadInput(absl::string_view path, std::string& out) {
  return path == "-" ? ReadStdin(out) : ReadFile(path, out);
}

void Printf(int fd, const char* format, ...) {
  char small[512];
  va_list args;
  va_start(args, format);
  va_list again;
  va_copy(again, args);
  const int n = std::vsnprintf(small, sizeof small, format, args);
  va_end(args);
  if (n < 0) {
    va_end(again);
    return;
  }
  if (static_cast<size_t>(n) < sizeof small) {
    va_end(again);
    Write(fd, absl::string_view(small, static_cast<size_t>(n)));
    return;
  }
  std::string big(static_cast<size_t>(n) + 1, '\0');
  std::vsnprintf(big.data(), big.size(), format, again);
  va_end(again);
  big.pop_back();
  Write(fd, big);
}

int UsageError(absl::string_view command, absl::string_view problem, absl::string_view usage) {
  Write(2, absl::StrCat("kron ", command, ": ", problem, "\n", usage));
  return 2;
}

}  // namespace kron::cli
