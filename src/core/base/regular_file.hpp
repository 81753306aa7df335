#pragma once
/// Opening a journal file without ever waiting on it: a FIFO or a device in its place (or
/// behind a symbolic link) would block a plain open(2) or read(2) forever, so it is opened
/// with O_NONBLOCK, checked with fstat(2), and refused unless it is a regular file.
#include <sys/stat.h>
#include <sys/types.h>

#include <filesystem>
#include <string>

#include "core/base/descriptor.hpp"

namespace microstep {

/// open(2) of `path` with `flags` plus O_CLOEXEC and O_NONBLOCK (taken off again, once the
/// file is known to be regular, when it is opened for writing). When open(2) fails, the
/// Descriptor holds -1 and errno says why; a file that is not regular is a data Failure
/// "DISPLAY:1: not a regular file (a FIFO)...", and is closed at once.
Descriptor open_regular_file(const std::filesystem::path& path, int flags, const std::string& display,
                             mode_t mode = 0666);
/// The same, with the open file's fstat(2) in `info` (its size, for a reader).
Descriptor open_regular_file(const std::filesystem::path& path, int flags, const std::string& display, mode_t mode,
                             struct stat& info);

/// "a FIFO", "a directory", "a character device"...: what a file of this st_mode is, for messages.
std::string file_kind(mode_t mode);

}  // namespace microstep
