#pragma once
/// The names of the commands each entry of kCommands (commands.hpp) sets up, in the same
/// order: main builds only the command a line names (cli/setup_commands.cpp). An end-to-end
/// test checks them against `microstep --help`.
#include <array>
#include <string_view>

namespace microstep::cli {

inline constexpr std::array<std::string_view, 2> kCommandNames[] = {
    {"init"},    {"plan"},  {"add"},    {"done"},     {"mood"},          {"skip"},  {"undo"},
    {"pause", "resume"},    {"list"},   {"today"},    {"stats"},         {"calendar"}, {"chart"},
    {"set"},     {"suggest"}, {"shrink", "grow"},     {"review"},        {"share"}, {"due", "remind"},
    {"evidence"}, {"log"},  {"import"}, {"export"},   {"edit"},          {"check"}, {"help"},
};

}  // namespace microstep::cli
