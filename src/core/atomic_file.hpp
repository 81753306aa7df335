#pragma once
/// Whole-file writes that never leave a half-written file: temp file, fsync, rename.
#include <filesystem>
#include <string_view>

namespace microstep {

/// Writes `content` to a temporary file beside `path`, fsyncs it, renames it over `path` and
/// fsyncs the directory. On failure the temporary file is removed, `path` is left as it was,
/// and an io Failure names the path. An existing file's permissions are kept.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace microstep
