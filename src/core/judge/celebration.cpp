#include "core/judge/celebration.hpp"

namespace microstep {

const std::vector<std::string>& default_celebrations() {
  static const std::vector<std::string> list{
      "Done. That counts.",
      "Nice. One more link in the chain.",
      "Yes! Small step, real progress.",
      "Done: you showed up today.",
      "That's a win. Enjoy it for a second.",
      "Another vote for the person you are becoming.",
      "Checked. Tiny, and it adds up.",
  };
  return list;
}

std::string pick_celebration(const std::vector<std::string>& configured, long seed) {
  const auto& list = configured.empty() ? default_celebrations() : configured;
  long n = static_cast<long>(list.size());
  return list[static_cast<size_t>(((seed % n) + n) % n)];
}

}  // namespace microstep
