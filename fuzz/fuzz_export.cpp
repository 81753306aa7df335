/// Fuzzes reading microstep's own exports back (`import --from microstep`): parse_export_json
/// (nlohmann-json's parser, made strict) and parse_export_csv (an RFC 4180 CSV reader).
/// The input's first byte picks the format (even: JSON, odd: CSV); the rest is the file.
///
/// Properties:
///  - reading either gives a plan or throws a data Failure "x.json:LINE: ..." (or x.csv); no
///    other exception escapes;
///  - what was read, exported again in the same format, reads back to the same goals and
///    check-ins (an export keeps every field of both).
#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <typeinfo>

#include "core/base/error.hpp"
#include "core/interop/export_csv.hpp"
#include "core/interop/export_json.hpp"
#include "core/interop/import_csv.hpp"
#include "core/interop/import_json.hpp"
#include "fuzz_check.hpp"

using namespace microstep;

namespace {

using Reader = ImportPlan (*)(std::string_view, const std::string&);

/// The plan in `text`, or nullopt when the reader refused it as it should.
std::optional<ImportPlan> read_export(Reader read, std::string_view text, const std::string& path) {
  try {
    return read(text, path);
  } catch (const Failure& f) {
    FUZZ_CHECK(f.code() == ExitCode::data, std::string("a failure that is not a data error: ") + f.what());
    FUZZ_CHECK(fuzz::starts_with_line_number(f.what(), path),
               "an error without " + path + ":LINE: " + f.what());
  } catch (const std::exception& e) {
    fuzz::fail(__FILE__, __LINE__, "only microstep::Failure escapes",
               std::string(typeid(e).name()) + ": " + e.what());
  } catch (...) {
    fuzz::fail(__FILE__, __LINE__, "only microstep::Failure escapes", "a non-std exception");
  }
  return std::nullopt;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool json = data[0] % 2 == 0;
  const std::string path = json ? "x.json" : "x.csv";
  const Reader read = json ? parse_export_json : parse_export_csv;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  std::optional<ImportPlan> plan = read_export(read, text, path);
  if (!plan) return 0;
  const std::string again = json ? export_json(plan->goals, plan->events) : export_csv(plan->goals, plan->events);
  std::optional<ImportPlan> reread = read_export(read, again, path);
  FUZZ_CHECK(reread.has_value(), "its own export of an accepted file was refused:\n" + again);
  FUZZ_CHECK(reread->goals == plan->goals, "the goals changed on a round trip:\n" + again);
  FUZZ_CHECK(reread->events == plan->events, "the check-ins changed on a round trip:\n" + again);
  return 0;
}
