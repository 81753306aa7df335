#include "core/text_file.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

#include "core/error.hpp"

namespace microstep {

std::string read_text_file(const std::filesystem::path& path) {
  // A directory opens as a stream and reads as empty: it must not pass for an empty file.
  std::error_code ec;
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path, ec)) throw io_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw io_error("cannot read " + path.string());
  return text.str();
}

}  // namespace microstep
