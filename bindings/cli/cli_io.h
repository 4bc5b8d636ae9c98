// The CLI's input and output: whole-file reads and writes to stdout/stderr,
// nothing else. Natively these are C stdio; in the WebAssembly module (built
// without a file system) they are calls into the JS side (bindings/node's
// Kron.cli), which holds the files and collects the two output streams. No
// iostreams: they are the largest part of libc++ in the module.
#ifndef KRON_CLI_CLI_IO_H_
#define KRON_CLI_CLI_IO_H_

#include <string>

#include "absl/strings/string_view.h"

namespace kron::cli {

// The whole of file `path` into `out`; false when it cannot be opened or read
// (a missing file, a directory, a read error).
bool ReadFile(absl::string_view path, std::string& out);

// The whole of stdin into `out`; false on a read error.
bool ReadStdin(std::string& out);

// ReadStdin for "-", else ReadFile.
bool ReadInput(absl::string_view path, std::string& out);

// Bytes to stdout (fd 1) or stderr (fd 2).
void Write(int fd, absl::string_view bytes);

// printf-formatted text to fd 1 or 2.
void Printf(int fd, const char* format, ...) __attribute__((format(printf, 2, 3)));

// A command-line mistake: "kron COMMAND: PROBLEM" and the command's usage
// text on stderr; returns the exit code for it, 2.
int UsageError(absl::string_view command, absl::string_view problem, absl::string_view usage);

// Flushes stdout and stderr (natively; the module's writes are unbuffered).
void Flush();

}  // namespace kron::cli

#endif  // KRON_CLI_CLI_IO_H_
