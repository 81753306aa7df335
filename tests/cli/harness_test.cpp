/// Tests of the test tools themselves: the process harness and the JSON reader.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cli/harness.hpp"
#include "cli/json_reader.hpp"

namespace microstep::test {

TEST_CASE("harness: run_program captures stdout, stderr and the exit code") {
  SUBCASE("exit code and stdout") {
    auto r = run_program("sh", {"-c", "echo hi; exit 3"});
    CHECK(r.exit_code == 3);
    CHECK(r.out == "hi\n");
    CHECK(r.err.empty());
  }
  SUBCASE("stderr is kept apart") {
    auto r = run_program("sh", {"-c", "echo oops >&2"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err == "oops\n");
  }
  SUBCASE("arguments reach the program untouched, with no shell in between") {
    auto r = run_program("printf", {"[%s]", "a b", "$HOME", "*", ""});
    CHECK(r.out == "[a b][$HOME][*][]");
  }
  SUBCASE("a program that is not on PATH") {
    auto r = run_program("microstep-no-such-program", {});
    CHECK(r.exit_code == 127);
    CHECK(r.err.find("not found") != std::string::npos);
  }
  SUBCASE("a signal gives 128 + its number") {
    auto r = run_program("sh", {"-c", "kill -TERM $$"});
    CHECK(r.exit_code == 128 + 15);
  }
}

TEST_CASE("harness: stdin is fed and then closed") {
  SUBCASE("text") {
    auto r = run_program("cat", {}, {.stdin_text = "line one\nline two\n"});
    CHECK(r.out == "line one\nline two\n");
  }
  SUBCASE("empty stdin is at EOF at once") {
    auto r = run_program("cat", {});
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
  }
  SUBCASE("more than a pipe holds, both ways") {
    std::string big(1 << 20, 'x');
    auto r = run_program("cat", {}, {.stdin_text = big});
    CHECK(r.out.size() == big.size());
    CHECK(r.out == big);
  }
  SUBCASE("a child that ignores its stdin does not hang or kill us") {
    auto r = run_program("true", {}, {.stdin_text = std::string(1 << 20, 'x')});
    CHECK(r.exit_code == 0);
  }
}

TEST_CASE("harness: a run that exceeds its timeout is killed and reported") {
  auto r = run_program("sh", {"-c", "echo started; sleep 30"}, {.timeout_seconds = 1});
  CHECK(r.exit_code == -1);
  CHECK(r.err.find("timed out") != std::string::npos);
  CHECK(r.out == "started\n");
}

TEST_CASE("harness: the environment is clean and can be changed") {
  SUBCASE("defaults") {
    auto r = run_program("sh", {"-c", "echo \"$TZ|$LC_ALL|${NO_COLOR-unset}\""});
    CHECK(r.out == "UTC|C.UTF-8|unset\n");
  }
  SUBCASE("added, overridden and removed variables") {
    RunOptions o;
    o.env = {{"MICROSTEP_TODAY", "2026-11-22"}, {"TZ", "Asia/Tokyo"}, {"LC_ALL", kUnset}};
    auto r = run_program("sh", {"-c", "echo \"$MICROSTEP_TODAY|$TZ|${LC_ALL-unset}\""}, o);
    CHECK(r.out == "2026-11-22|Asia/Tokyo|unset\n");
  }
  SUBCASE("unset_env") {
    RunOptions o;
    o.unset_env = {"TZ"};
    auto r = run_program("sh", {"-c", "echo \"${TZ-unset}\""}, o);
    CHECK(r.out == "unset\n");
  }
}

TEST_CASE("harness: TempJournal") {
  std::string where;
  {
    TempJournal j;
    where = j.path();
    REQUIRE(!where.empty());
    CHECK(where.front() == '/');
    CHECK_FALSE(j.exists("goals/read.yaml"));
    j.write("goals/read.yaml", "id: read\n");
    CHECK(j.exists("goals/read.yaml"));
    CHECK(j.exists("goals"));
    CHECK(j.read("goals/read.yaml") == "id: read\n");
    CHECK_THROWS_AS(j.read("missing.txt"), std::runtime_error);

    SUBCASE("runs see the journal's environment and cwd") {
      auto r = j.run_program(
          "sh", {"-c", "echo \"$MICROSTEP_DIR|$HOME|$TZ|${MICROSTEP_NOW-unset}\"; pwd"});
      CHECK(r.out == j.path() + "|" + j.path() + "/home|UTC|unset\n" + j.path() + "\n");
    }
    SUBCASE("options still override the journal's environment and cwd") {
      RunOptions o;
      o.env = {{"MICROSTEP_DIR", "/elsewhere"}};
      o.cwd = "/";
      auto r = j.run_program("sh", {"-c", "echo \"$MICROSTEP_DIR\"; pwd"}, o);
      CHECK(r.out == "/elsewhere\n/\n");
    }
    SUBCASE("a read-only directory inside is still cleaned up") {
      j.write("locked/file", "x");
      auto r = j.run_program("chmod", {"0500", "locked"});
      CHECK(r.exit_code == 0);
    }
  }
  CHECK_FALSE(run_program("test", {"-e", where}).exit_code == 0);
}

TEST_CASE("harness: run_microstep runs the binary under test") {
  CHECK(run_program("test", {"-x", MICROSTEP_BINARY}).exit_code == 0);
}

TEST_CASE("harness: lines_of") {
  CHECK(lines_of("").empty());
  CHECK(lines_of("a\nb\n") == std::vector<std::string>{"a", "b"});
  CHECK(lines_of("a\nb") == std::vector<std::string>{"a", "b"});
  CHECK(lines_of("a\n\nb\n") == std::vector<std::string>{"a", "", "b"});
  CHECK(lines_of("\n") == std::vector<std::string>{""});
}

TEST_CASE("json: scalars") {
  CHECK(parse_json("null").is_null());
  CHECK(parse_json(" true ").as_bool());
  CHECK_FALSE(parse_json("false").as_bool());
  CHECK(parse_json("0").as_number() == 0);
  CHECK(parse_json("-12.5e1").as_number() == -125);
  CHECK(parse_json("3E-2").as_number() == doctest::Approx(0.03));
  CHECK(parse_json("\"hi\"").as_string() == "hi");
  CHECK_THROWS_AS(parse_json("\"hi\"").as_number(), std::runtime_error);
  CHECK_THROWS_AS(parse_json("1").as_string(), std::runtime_error);
}

TEST_CASE("json: nested objects and arrays") {
  auto j = parse_json(R"({"goals": [{"id": "read", "streak": {"current": 3, "unit": "day"}},
                                    {"id": "walk", "tags": []}], "zeta": null, "alpha": {}})");
  REQUIRE(j.is_object());
  CHECK(j.keys() == std::vector<std::string>{"goals", "zeta", "alpha"});
  CHECK(j.size() == 3);
  CHECK(j.has("zeta"));
  CHECK_FALSE(j.has("beta"));
  CHECK(j["zeta"].is_null());
  CHECK(j["alpha"].is_object());
  CHECK(j["alpha"].size() == 0);
  const Json& goals = j["goals"];
  REQUIRE(goals.is_array());
  REQUIRE(goals.size() == 2);
  CHECK(goals[0]["id"].as_string() == "read");
  CHECK(goals[0]["streak"]["current"].as_number() == 3);
  CHECK(goals[std::size_t{1}]["tags"].size() == 0);
  CHECK(goals[1u]["id"].as_string() == "walk");
}

TEST_CASE("json: missing keys and indexes throw, naming what was asked for") {
  auto j = parse_json(R"({"a": [1, 2]})");
  try {
    (void)j["streak"];
    FAIL("no exception");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()).find("streak") != std::string::npos);
  }
  CHECK_THROWS_AS((void)j["a"][2], std::runtime_error);
  CHECK_THROWS_AS((void)j["a"][-1], std::runtime_error);
  CHECK_THROWS_AS((void)j["a"]["x"], std::runtime_error);
  CHECK_THROWS_AS((void)j[0], std::runtime_error);
}

TEST_CASE("json: string escapes") {
  SUBCASE("simple escapes") {
    CHECK(parse_json(R"("a\"b\\c\/d\b\f\n\r\t")").as_string() == "a\"b\\c/d\b\f\n\r\t");
  }
  SUBCASE("\\u escapes become UTF-8") {
    CHECK(parse_json(R"("\u0041")").as_string() == "A");
    CHECK(parse_json(R"("\u00e9")").as_string() == "\xc3\xa9");
    CHECK(parse_json(R"("\u20AC")").as_string() == "\xe2\x82\xac");
    CHECK(parse_json(R"("\u0000")").as_string() == std::string(1, '\0'));
  }
  SUBCASE("surrogate pairs") {
    CHECK(parse_json(R"("\ud83d\ude00")").as_string() == "\xf0\x9f\x98\x80");
    CHECK(parse_json(R"("\uDBFF\uDFFF")").as_string() == "\xf4\x8f\xbf\xbf");
  }
  SUBCASE("raw UTF-8 is kept") {
    CHECK(parse_json("\"caf\xc3\xa9 \xf0\x9f\x98\x80\"").as_string() ==
          "caf\xc3\xa9 \xf0\x9f\x98\x80");
  }
}

namespace {

/// The line named by a parse error ("output:LINE: ..."), or 0 if there was no error.
long error_line(std::string_view text) {
  try {
    parse_json(text);
  } catch (const std::runtime_error& e) {
    std::string what = e.what();
    REQUIRE(what.starts_with("output:"));
    return std::stol(what.substr(7));
  }
  return 0;
}

}  // namespace

// The reader is nlohmann-json's parser (core/interop/json_reader.hpp, tested in depth in
// tests/unit/interop/json_reader_test.cpp): here, that what the tests read is strict JSON.
TEST_CASE("json: malformed input is refused, naming its line") {
  SUBCASE("structure") {
    CHECK(error_line("") == 1);
    CHECK(error_line("   ") == 1);
    CHECK(error_line("{") == 1);
    CHECK(error_line("[1,]") == 1);
    CHECK(error_line("[1 2]") == 1);
    CHECK(error_line("{\"a\" 1}") == 1);
    CHECK(error_line("{a: 1}") == 1);
    CHECK(error_line("{\"a\": 1,}") == 1);
    CHECK(error_line("1 2") == 1);
    CHECK(error_line("tru") == 1);
    CHECK(error_line("nul") == 1);
    CHECK(error_line("{\"a\": 1,\n \"a\": 2}") == 2);
    CHECK(error_line("[\n1,\n2\n]\n\nx") == 6);
    CHECK(error_line(std::string(300, '[') + std::string(300, ']')) == 1);
  }
  SUBCASE("numbers") {
    CHECK(error_line("01") == 1);
    CHECK(error_line("1.") == 1);
    CHECK(error_line(".5") == 1);
    CHECK(error_line("-") == 1);
    CHECK(error_line("+1") == 1);
    CHECK(error_line("1e") == 1);
    CHECK(error_line("1e400") == 1);
    CHECK(error_line("NaN") == 1);
  }
  SUBCASE("strings") {
    CHECK(error_line("\"abc") == 1);
    CHECK(error_line("\"a\tb\"") == 1);
    CHECK(error_line(R"("\x41")") == 1);
    CHECK(error_line(R"("\u12")") == 1);
    CHECK(error_line(R"("\ud83d")") == 1);
    CHECK(error_line(R"("\ud83d\u0041")") == 1);
    CHECK(error_line(R"("x\ude00")") == 1);
    CHECK(error_line("\"\xc3\"") == 1);
    CHECK(error_line("\"\xc0\xaf\"") == 1);
    CHECK(error_line("\"\xed\xa0\x80\"") == 1);
    CHECK(error_line("\"\xff\"") == 1);
  }
}

}  // namespace microstep::test
