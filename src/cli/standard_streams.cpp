#include "cli/standard_streams.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

#include "core/base/error.hpp"

namespace microstep::cli {

namespace {

bool is_open(int fd) { return ::fcntl(fd, F_GETFD) != -1 || errno != EBADF; }

/// Flushes std::cout; the errno of the failed write (set since the caller cleared it), or 0.
int flush_cout() {
  std::cout.flush();
  if (std::cout) return 0;
  return errno ? errno : EIO;
}

[[noreturn]] void fail(int error) {
  // A reader that went away is no failure of ours: the output was not wanted any more.
  if (error == EPIPE) throw Failure(ExitCode::ok, "");
  throw io_error(std::string("cannot write to standard output: ") + std::strerror(error));
}

}  // namespace

void open_standard_streams() {
  const bool output_open = is_open(STDOUT_FILENO);
  // In order: open(2) takes the lowest free number, the closed one.
  for (int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO})
    if (!is_open(fd)) ::open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY);
  if (!output_open) throw io_error("standard output is closed; nothing done");
}

void write_standard_output(std::string_view text) {
  errno = 0;
  std::cout << text;
  if (int error = flush_cout()) fail(error);
}

int finish_standard_output(int code) {
  try {
    if (int error = flush_cout()) fail(error);
  } catch (const Failure& failure) {
    if (*failure.what()) std::cerr << "microstep: " << failure.what() << "\n";
    return static_cast<int>(failure.code());
  }
  return code;
}

}  // namespace microstep::cli
