// Walks tests/spec/RULES.md (a copy of the normative spec kept in the repo, so
// a clean clone can run this) and checks that every rule id it defines is in
// ddbexport::rule_catalogue, and that some test case under tests/ names it.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include "ddbexport/validate/rules.hpp"

#ifndef DDBEXPORT_TESTS_DIR
#error "DDBEXPORT_TESTS_DIR must name the tests/ source directory"
#endif

namespace {

namespace fs = std::filesystem;

const fs::path tests_dir{DDBEXPORT_TESTS_DIR};

const std::regex rule_id_pattern{R"(\b(S|R|W|ERR)-[A-Z0-9]+(-[A-Z0-9]+)*\b)"};

std::string read_file(const fs::path& path) {
  std::ifstream in{path, std::ios::binary};
  REQUIRE_MESSAGE(in.good(), "cannot read " << path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::set<std::string> ids_in(const std::string& text) {
  std::set<std::string> ids;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), rule_id_pattern); it != std::sregex_iterator(); ++it)
    ids.insert(it->str());
  return ids;
}

std::set<std::string> spec_ids() { return ids_in(read_file(tests_dir / "spec" / "RULES.md")); }

/// Ids named in the names of the test cases of every .cpp file under tests/.
std::set<std::string> tested_ids(std::size_t& files_scanned) {
  const std::regex test_case{
      R"re(\b(?:TEST_CASE|TEST_CASE_FIXTURE|TEST_CASE_TEMPLATE|SCENARIO)\s*\(\s*(?:[A-Za-z_][\w:<>]*\s*,\s*)?"((?:[^"\\]|\\.)*)")re"};
  std::set<std::string> ids;
  files_scanned = 0;
  for (const auto& entry : fs::recursive_directory_iterator(tests_dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".cpp") continue;
    ++files_scanned;
    const std::string text = read_file(entry.path());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), test_case); it != std::sregex_iterator(); ++it) {
      const auto named = ids_in((*it)[1].str());
      ids.insert(named.begin(), named.end());
    }
  }
  return ids;
}

}  // namespace

TEST_CASE("RULES.md and rule_catalogue define the same ids") {
  const auto spec = spec_ids();
  CHECK(spec.size() == ddbexport::rule_count);
  std::set<std::string> catalogue;
  for (const auto& rule : ddbexport::rule_catalogue) catalogue.emplace(rule.id);
  for (const auto& id : spec) CHECK_MESSAGE(catalogue.count(id) == 1, id << " is in RULES.md, not in rule_catalogue");
  for (const auto& id : catalogue) CHECK_MESSAGE(spec.count(id) == 1, id << " is in rule_catalogue, not in RULES.md");
}

TEST_CASE("every rule id of RULES.md is named by a test case under tests/") {
  const auto spec = spec_ids();
  std::size_t files = 0;
  const auto tested = tested_ids(files);
  CHECK(files > 0);
  for (const auto& id : spec)
    if (tested.count(id) == 0) FAIL_CHECK(id << " has no test case naming it");
}
