#pragma once
/// Questions the import tests ask of an import plan, and where their fixture files are.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "core/interop/import_apply.hpp"

namespace microstep::test {

/// The plan's goal `id`, or null when the plan has none.
inline const Goal* find_goal(const ImportPlan& plan, const std::string& id) {
  for (const auto& g : plan.goals)
    if (g.id == id) return &g;
  return nullptr;
}

/// The plan's check-ins of goal `id`, in the plan's order.
inline std::vector<Event> events_of(const ImportPlan& plan, const std::string& id) {
  std::vector<Event> out;
  for (const auto& e : plan.events)
    if (e.goal == id) out.push_back(e);
  return out;
}

/// Whether one of `messages` contains `part`.
inline bool mentions(const std::vector<std::string>& messages, const std::string& part) {
  return std::any_of(messages.begin(), messages.end(),
                     [&](const std::string& m) { return m.find(part) != std::string::npos; });
}

/// tests/fixtures/NAME in the source tree.
inline std::filesystem::path fixture(const char* name) {
  return std::filesystem::path(MICROSTEP_SOURCE_DATADIR).parent_path() / "tests" / "fixtures" / name;
}

}  // namespace microstep::test
