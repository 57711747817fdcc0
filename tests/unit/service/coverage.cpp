// Every V- id of SERVICE.md (tests/spec/SERVICE.md, a copy of the normative
// spec kept in the repo) is named by some test case under tests/.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#ifndef DDBEXPORT_TESTS_DIR
#error "DDBEXPORT_TESTS_DIR must name the tests/ source directory"
#endif

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in{path, std::ios::binary};
  REQUIRE_MESSAGE(in.good(), "cannot read " << path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// V- ids, leaving out group wildcards such as `V-LIFE-*`.
std::set<std::string> ids_in(const std::string& text) {
  static const std::regex id{R"(\bV-[A-Z0-9]+(-[A-Z0-9]+)*\b(?!-\*))"};
  std::set<std::string> ids;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), id); it != std::sregex_iterator(); ++it)
    ids.insert(it->str());
  return ids;
}

}  // namespace

TEST_CASE("every V- id of SERVICE.md is named by a test case under tests/") {
  const fs::path tests{DDBEXPORT_TESTS_DIR};
  const auto spec = ids_in(read_file(tests / "spec" / "SERVICE.md"));
  CHECK(spec.size() == 39);  // as of this copy of the spec
  const std::regex test_case{R"re(\bTEST_CASE\s*\(\s*"((?:[^"\\]|\\.)*)")re"};
  std::set<std::string> named;
  for (const auto& entry : fs::recursive_directory_iterator(tests)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".cpp") continue;
    const std::string text = read_file(entry.path());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), test_case); it != std::sregex_iterator(); ++it) {
      const auto ids = ids_in((*it)[1].str());
      named.insert(ids.begin(), ids.end());
    }
  }
  for (const auto& id : spec) CHECK_MESSAGE(named.count(id) == 1, id << " is named by no test case");
  for (const auto& id : named) CHECK_MESSAGE(spec.count(id) == 1, id << " is named by a test but not in SERVICE.md");
}
