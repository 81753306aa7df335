#pragma once
/// Reading a whole small file (a goal, the settings, the coaching rules) into memory.
#include <filesystem>
#include <string>

namespace microstep {

/// The bytes of `path`, unchanged; an io Failure ("cannot read PATH") when it cannot be read.
std::string read_text_file(const std::filesystem::path& path);

}  // namespace microstep
