#pragma once
/// Errors that travel up to main(), each with the exit code it maps to.
#include <stdexcept>
#include <string>

namespace microstep {

/// The documented exit codes (microstep(1), EXIT STATUS).
enum class ExitCode : int {
  ok = 0,
  condition = 1,  ///< ran fine, but a condition is not met (due: something is due)
  usage = 2,      ///< bad command line or an argument the journal refuses
  data = 3,       ///< bad data in the journal; the message names file:line
  io = 4,         ///< the file system failed us
};

/// A failure with a message for the person and an exit code for the shell.
class Failure : public std::runtime_error {
 public:
  Failure(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

inline Failure usage_error(const std::string& message) { return {ExitCode::usage, message}; }
inline Failure data_error(const std::string& message) { return {ExitCode::data, message}; }
inline Failure io_error(const std::string& message) { return {ExitCode::io, message}; }

}  // namespace microstep
