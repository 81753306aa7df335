/// Fuzzes the journal settings, microstep.yaml: parse_settings_text.
///
/// Properties: parsing either gives settings within their ranges (a day start from 00:00 to
/// 23:59, a weekday index, non-empty celebrations) or throws a data Failure
/// "microstep.yaml:LINE: ..."; no other exception escapes; a document with an anchor or an
/// alias is never accepted.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <typeinfo>

#include "core/base/error.hpp"
#include "core/journal/settings.hpp"
#include "fuzz_check.hpp"
#include "yaml_events.hpp"

using namespace microstep;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string kPath = "microstep.yaml";
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Settings settings;
  try {
    settings = parse_settings_text(text, kPath);
  } catch (const Failure& f) {
    FUZZ_CHECK(f.code() == ExitCode::data, std::string("a failure that is not a data error: ") + f.what());
    FUZZ_CHECK(fuzz::starts_with_line_number(f.what(), kPath),
               std::string("an error without microstep.yaml:LINE: ") + f.what());
    return 0;
  } catch (const std::exception& e) {
    fuzz::fail(__FILE__, __LINE__, "only microstep::Failure escapes",
               std::string(typeid(e).name()) + ": " + e.what());
  } catch (...) {
    fuzz::fail(__FILE__, __LINE__, "only microstep::Failure escapes", "a non-std exception");
  }
  if (auto line = fuzz::first_anchor_or_alias(text))
    fuzz::fail(__FILE__, __LINE__, "anchors and aliases are refused",
               "accepted an anchor or alias on line " + std::to_string(*line));
  FUZZ_CHECK(settings.day_starts_at.count() >= 0 && settings.day_starts_at.count() < 24 * 60,
             "day_starts_at out of range: " + std::to_string(settings.day_starts_at.count()));
  FUZZ_CHECK(settings.week_starts < 7, "week_starts out of range");
  for (const auto& c : settings.celebrations) FUZZ_CHECK(!c.empty(), "an empty celebration accepted");
  return 0;
}
