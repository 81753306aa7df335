#pragma once
/// Reading a json export (export_json.hpp) back. Members it does not know are ignored; a null
/// member is as good as absent. Numbers read as plain decimals (a writer may use an exponent:
/// 1e+09 is 1000000000).
#include <string>
#include <string_view>

#include "core/interop/import_apply.hpp"

namespace microstep {

/// The plan in `text`. Anything malformed, JSON that is not strictly JSON (json_reader.hpp)
/// included, is a data Failure "DISPLAY_PATH:LINE: ...", LINE being where the record in
/// question starts: an export is read whole or not at all.
ImportPlan parse_export_json(std::string_view text, const std::string& display_path);

}  // namespace microstep
