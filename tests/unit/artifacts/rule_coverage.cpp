// ARTIFACTS.md (a copy kept next to these tests) against the rule catalogue:
// the same ids, severities and message templates, cell by cell; and every id
// named by a test case under tests/.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "ddbexport/artifacts/rules.hpp"
#include "support.hpp"

namespace {
namespace art = ddbexport::artifacts;
using artifacts_test::read_file;
using artifacts_test::tests_dir;

struct spec_row {
  std::string id, severity, message;
};

/// The rows of §7 and §9's tables: `| A-… | path | when | Sev | message |`.
std::vector<spec_row> spec_rows() {
  std::vector<spec_row> rows;
  std::istringstream in{read_file(tests_dir / "spec" / "ARTIFACTS.md")};
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("| A-")) continue;
    std::vector<std::string> cells;
    std::size_t at = 1;
    for (std::size_t bar; (bar = line.find(" | ", at)) != std::string::npos; at = bar + 3) cells.push_back(line.substr(at, bar - at));
    cells.push_back(line.substr(at, line.rfind(" |") - at));
    REQUIRE(cells.size() == 5);
    // The message cell: backticked templates joined by ` / `.
    std::string message;
    const std::regex quoted{"`([^`]*)`"};
    for (auto it = std::sregex_iterator(cells[4].begin(), cells[4].end(), quoted); it != std::sregex_iterator(); ++it)
      message += (message.empty() ? "" : "|") + (*it)[1].str();
    std::string id = cells[0];
    id.erase(0, id.find_first_not_of(' '));
    rows.push_back({id, cells[3], message});
  }
  return rows;
}

std::string severity_cell(const art::rule_info& r) {
  if (r.warning_when_incremental) return "E+C full, W+C incremental";
  return std::string{r.severity == art::severity::error ? "E" : "W"} + (r.needs_context ? "+C" : "");
}

TEST_CASE("ARTIFACTS.md and the rule catalogue agree on every id, severity and message") {
  const auto rows = spec_rows();
  CHECK(rows.size() == art::rule_catalogue.size());
  std::set<std::string> seen;
  for (const auto& row : rows) {
    CAPTURE(row.id);
    const auto r = art::rule_named(row.id);
    REQUIRE(r.has_value());
    CHECK(seen.insert(row.id).second);
    CHECK(severity_cell(art::info(*r)) == row.severity);
    CHECK(std::string{art::info(*r).message} == row.message);
  }
  // Catalogue order is the spec's table order.
  for (std::size_t i = 0; i < rows.size() && i < art::rule_catalogue.size(); ++i)
    CHECK(rows[i].id == art::rule_catalogue[i].id);
}

TEST_CASE("every A- id of ARTIFACTS.md is named by a test case under tests/") {
  const std::regex test_case{R"re(\bTEST_CASE\s*\(\s*"((?:[^"\\]|\\.)*)")re"};
  const std::regex id{R"(\bA-[A-Z0-9]+(-[A-Z0-9]+)*\b)"};
  std::set<std::string> named;
  const auto root = tests_dir.parent_path().parent_path();
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".cpp") continue;
    ++files;
    const std::string text = read_file(entry.path());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), test_case); it != std::sregex_iterator(); ++it) {
      const std::string name = (*it)[1].str();
      for (auto m = std::sregex_iterator(name.begin(), name.end(), id); m != std::sregex_iterator(); ++m) named.insert(m->str());
    }
  }
  CHECK(files > 0);
  for (const auto& row : spec_rows()) CHECK_MESSAGE(named.count(row.id) == 1, row.id << " is named by no test case");
}

TEST_CASE("format_message fills placeholders, keeps unknown ones as prose, picks alternatives") {
  std::string out;
  ddbexport::container_output<std::string> o{out};
  const art::message_arg args[] = {{"m", "s3Prefix"}, {"version", "2020-06-30"}};
  art::format_message(art::rule::sum_members, args, o, 1);
  CHECK(out == "s3Prefix does not belong to version 2020-06-30");
  out.clear();
  art::format_message(art::rule::sum_type, args, o, 1);
  CHECK(out == "s3Prefix must be a string or null");
  out.clear();
  const art::message_arg key[] = {{"v", "k"}, {"D′", "d/"}, {"ext", ".ion.gz"}};
  art::format_message(art::rule::files_key, key, o);
  CHECK(out == "dataFileS3Key k is not d/<26 base32 characters>.ion.gz");
}
}  // namespace
