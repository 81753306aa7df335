#pragma once
/// Writing a file the person names (export -o, chart --svg), which may be anything: never
/// replacing what is not a regular file.
#include <filesystem>
#include <string_view>

namespace microstep {

/// A regular file, or none yet, is written atomically (write_file_atomically). A symbolic
/// link: what it leads to, the same way; the link stays. A FIFO or a character device
/// (/dev/null, a terminal) is opened and written to, never replaced: a FIFO, as the shell
/// opens one, once a process opens it to read. Anything else (a directory, a block device,
/// a socket) is refused. Every failure is an io Failure "cannot write PATH: why".
void write_output_file(const std::filesystem::path& path, std::string_view content);

}  // namespace microstep
