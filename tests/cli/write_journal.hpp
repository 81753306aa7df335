#pragma once
/// The journal the tests of bad input, of commands run at once and of hostile files start
/// from: the goal "write" (daily from 2026-11-01) and its log, the clock pinned to 2026-11-22.
#include <string>

#include "cli/harness.hpp"

namespace microstep::test {

inline const std::string kWriteGoal = "id: write\nstep: Write one sentence\nschedule: daily\nstarted: 2026-11-01\n";
/// One check-in of write, on 2026-11-20.
inline const std::string kWriteLine = "2026-11-20\t2026-11-20T08:00:00+00:00\tdone\twrite\t\t\n";
inline const RunOptions kPinned{.env = {{"MICROSTEP_TODAY", "2026-11-22"},
                                        {"MICROSTEP_NOW", "2026-11-22T09:00:00+00:00"}}};

/// Writes microstep.yaml, goals/write.yaml and checkins.log (holding `log`) into `j`.
inline void seed_write_journal(const TempJournal& j, const std::string& log) {
  j.write("microstep.yaml", "week_starts: monday\n");
  j.write("goals/write.yaml", kWriteGoal);
  j.write("checkins.log", log);
}

}  // namespace microstep::test
