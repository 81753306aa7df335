#pragma once
/// Reading a whole small file (a goal, the settings, the coaching rules) into memory.
#include <filesystem>
#include <string>

namespace microstep {

/// The bytes of `path`, unchanged. It is opened with O_NONBLOCK and checked with fstat(2)
/// before it is read: a FIFO, a device or a directory in its place is a data Failure
/// "DISPLAY:1: not a regular file but a FIFO..." (DISPLAY: `display`, else the path), never
/// waited on. A file that cannot be opened or read is an io Failure ("cannot read PATH").
std::string read_text_file(const std::filesystem::path& path, const std::string& display = {});

/// Everything from the descriptor's offset to the end of the file; an io Failure naming
/// `path` when a read fails.
std::string read_descriptor(int fd, const std::filesystem::path& path);

}  // namespace microstep
