#pragma once
/// The csv export: one stream, RFC 4180 quoting, LF line ends. Rows starting with '#' are
/// headers that name the columns of the rows of one record type that follow (readers find
/// columns by name; import_csv.hpp reads it back):
///
///   #microstep-export,1
///   #goal,id,goal,step,after,schedule,started,since,status,feeling,unit,minimum,minutes,at
///   goal,write-novel,Write a novel,Write one sentence,...
///   #version,goal,from,step,schedule,minimum,after          (a goal's earlier versions)
///   version,write-novel,2026-10-01,Write one word,daily,,
///   #event,day,written,event,goal,amount,note,truth
///   event,2026-10-26,2026-10-26T07:40:00+01:00,done,write-novel,,"First sentence, at last."
#include <string>
#include <vector>

#include "core/model/event.hpp"
#include "core/model/goal.hpp"

namespace microstep {

/// The goals (their earlier versions in #version rows, only when one has any) and `events`.
std::string export_csv(const std::vector<Goal>& goals, const std::vector<Event>& events);

}  // namespace microstep
