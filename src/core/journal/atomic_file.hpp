#pragma once
/// Whole-file writes that never leave a half-written file: temp file, fsync, rename.
#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string_view>

namespace microstep {

/// Writes `content` to a temporary file beside `path`, fsyncs it, renames it over `path` and
/// fsyncs the directory. On failure the temporary file is removed, `path` is left as it was,
/// and an io Failure names the path. The file gets `mode` when given, else an existing
/// file's permissions, else those the umask leaves of 0666, as any new file.
void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           std::optional<mode_t> mode = std::nullopt);

/// Is `file_name` the temporary file of a write_file_atomically of the file named `name`
/// (".NAME.tmp-" and six characters)? With `name` empty: of any file. A process killed
/// between its write and its rename leaves one behind.
bool is_atomic_write_temp(std::string_view file_name, std::string_view name = {});

/// Removes what interrupted writes of `path` left beside it. Only safe when no other write
/// of `path` can be under way (for a goal file: under the journal's lock). A file that
/// cannot be removed is left: it is reported by `check` and ignored by everything else.
void remove_interrupted_writes(const std::filesystem::path& path);

}  // namespace microstep
