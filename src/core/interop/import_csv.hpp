#pragma once
/// Reading a csv export (export_csv.hpp) back: columns are found by name from each record
/// type's header row, so they may come in any order; unknown columns are ignored, and rows of
/// an unknown record type are listed as not carried.
#include <string>
#include <string_view>

#include "core/interop/import_apply.hpp"

namespace microstep {

/// The plan in `text`. Anything malformed is a data Failure "DISPLAY_PATH:LINE: ...": an
/// export is read whole or not at all.
ImportPlan parse_export_csv(std::string_view text, const std::string& display_path);

}  // namespace microstep
