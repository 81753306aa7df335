#pragma once
/// The short celebration after every done (seed 002: celebrate every completion).
#include <string>
#include <vector>

namespace microstep {

/// Built-in celebrations, used when microstep.yaml lists none.
const std::vector<std::string>& default_celebrations();

/// One celebration from `configured` (or the defaults), varied by `seed` (say, the day number
/// plus the number of done days) so that the same run always prints the same one.
std::string pick_celebration(const std::vector<std::string>& configured, long seed);

}  // namespace microstep
