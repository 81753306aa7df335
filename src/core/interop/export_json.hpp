#pragma once
/// The json export, one line (import_json.hpp reads it back):
///
///   {"format": "microstep-export", "version": 1, "goals": [goal objects as in microstep(1)
///   JSON OUTPUT, with history], "events": [{"day", "written", "event", "goal", "amount",
///   "note", "truth"}]}
#include <string>
#include <vector>

#include "core/model/event.hpp"
#include "core/model/goal.hpp"

namespace microstep {

std::string export_json(const std::vector<Goal>& goals, const std::vector<Event>& events);

}  // namespace microstep
