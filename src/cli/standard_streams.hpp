#pragma once
/// Standard input, output and error: open before anything else, and every write to standard
/// output checked.
#include <string_view>

namespace microstep::cli {

/// Before anything else: a closed standard input or error is opened on /dev/null, so that no
/// file microstep opens takes its number (and receives what is printed to it, or is read as
/// input). A closed standard output is an io Failure, "standard output is closed; nothing
/// done": the command's output would be lost, and it fails before it writes anything.
void open_standard_streams();

/// Writes `text` to standard output and flushes it. A failed write is an io Failure "cannot
/// write to standard output: why" (exit 4). A reader that went away (EPIPE, when SIGPIPE is
/// ignored; otherwise SIGPIPE ends the process, status 141) ends the command quietly, exit 0.
void write_standard_output(std::string_view text);

/// Flushes what others (CLI11's help) wrote to std::cout, as write_standard_output checks it:
/// returns `code`, or 4 after printing why the write failed, or 0 for a reader gone away.
int finish_standard_output(int code);

}  // namespace microstep::cli
