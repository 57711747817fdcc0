// Walks tests/spec/RULES.md and tests/spec/SERVICE.md (copies of the
// normative spec kept in the repo, so a clean clone can run this) and checks
// that the rule catalogue is the spec: the same ids, each message template
// the text of the rule's message column, and some test case under tests/
// naming each id.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/validate/messages.hpp"
#include "ddbexport/validate/rules.hpp"

#ifndef DDBEXPORT_TESTS_DIR
#error "DDBEXPORT_TESTS_DIR must name the tests/ source directory"
#endif

using namespace ddbexport;

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

const std::string& rules_md() {
  static const std::string text = read_file(tests_dir / "spec" / "RULES.md");
  return text;
}
const std::string& service_md() {
  static const std::string text = read_file(tests_dir / "spec" / "SERVICE.md");
  return text;
}

std::set<std::string> ids_in(const std::string& text, const std::regex& pattern = rule_id_pattern) {
  std::set<std::string> ids;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it)
    ids.insert(it->str());
  return ids;
}

std::set<std::string> spec_ids() { return ids_in(rules_md()); }

/// The spans between backticks of one line.
std::vector<std::string> code_spans(const std::string& line) {
  std::vector<std::string> spans;
  for (std::size_t open = line.find('`'); open != std::string::npos; open = line.find('`', open)) {
    const std::size_t close = line.find('`', open + 1);
    if (close == std::string::npos) break;
    spans.push_back(line.substr(open + 1, close - open - 1));
    open = close + 1;
  }
  return spans;
}

/// The table row that defines `id`: the line starting `| <id> |`.
std::string row_of(const std::string& spec, std::string_view id) {
  std::istringstream lines{spec};
  const std::string lead = "| " + std::string(id) + " |";
  for (std::string line; std::getline(lines, line);)
    if (line.rfind(lead, 0) == 0) return line;
  return {};
}

/// The code span of the spec that directly follows `lead` in the text.
std::string span_after(const std::string& spec, std::string_view lead) {
  const auto at = spec.find(lead);
  REQUIRE_MESSAGE(at != std::string::npos, "the spec no longer says: " << lead);
  const auto open = spec.find('`', at + lead.size());
  const auto close = spec.find('`', open + 1);
  return spec.substr(open + 1, close - open - 1);
}

/// What RULES.md says rule `id`'s message is, for the kinds of row it has.
std::string spec_message(const rule_info& rule) {
  const std::string row = row_of(rules_md(), rule.id);
  REQUIRE_MESSAGE(!row.empty(), rule.id << " has no row of its own");
  const auto spans = code_spans(row);
  if (rule.id.substr(0, 12) == "R-S3-NAMING-") {
    // `S3Bucket '<b>' does not follow S3 bucket naming rules: <reason>`, the reason after the row's arrow.
    std::string general = span_after(rules_md(), "Message:");
    const std::string reason = code_spans(row.substr(row.find("\xE2\x86\x92"))).front();
    general.replace(general.find("<reason>"), 8, reason);
    return general;
  }
  if (const auto same = row.find("same text as "); same != std::string::npos) {
    const std::string other = row.substr(same + 13, row.find(' ', same + 13) - same - 13);
    return spec_message(info(*rule_from_string(other)));
  }
  for (const auto& span : spans)
    if (span == rule.message) return span;
  return spans.empty() ? std::string{} : spans.back();
}

/// Ids named in the names of the test cases of every .cpp file under tests/.
std::set<std::string> tested_ids(std::size_t& files_scanned) {
  const std::regex test_case{
      R"re(\b(?:TEST_CASE|TEST_CASE_FIXTURE|TEST_CASE_TEMPLATE|SCENARIO)\s*\(\s*(?:[A-Za-z_][\w:<>]*\s*,\s*)?"((?:[^"\\]|\\.)*)")re"};
  const std::regex any_id{R"(\b(S|R|W|ERR|V)-[A-Z0-9]+(-[A-Z0-9]+)*\b)"};
  std::set<std::string> ids;
  files_scanned = 0;
  for (const auto& entry : fs::recursive_directory_iterator(tests_dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".cpp") continue;
    ++files_scanned;
    const std::string text = read_file(entry.path());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), test_case); it != std::sregex_iterator(); ++it) {
      const auto named = ids_in((*it)[1].str(), any_id);
      ids.insert(named.begin(), named.end());
    }
  }
  return ids;
}

}  // namespace

TEST_CASE("RULES.md and rule_catalogue define the same ids") {
  const auto spec = spec_ids();
  std::set<std::string> catalogue;
  for (const auto& rule : rule_catalogue)
    if (rule.source == rule_source::rules) catalogue.emplace(rule.id);
  CHECK(spec.size() == catalogue.size());
  for (const auto& id : spec) CHECK_MESSAGE(catalogue.count(id) == 1, id << " is in RULES.md, not in rule_catalogue");
  for (const auto& id : catalogue) CHECK_MESSAGE(spec.count(id) == 1, id << " is in rule_catalogue, not in RULES.md");
}

TEST_CASE("the catalogue's SERVICE.md ids (V-DESC-SHAPE, V-LIST-SHAPE) are SERVICE.md's shape checks") {
  std::size_t service_rules = 0;
  for (const auto& rule : rule_catalogue) {
    if (rule.source != rule_source::service) continue;
    ++service_rules;
    CAPTURE(rule.id);
    const std::string row = row_of(service_md(), rule.id);
    REQUIRE_FALSE(row.empty());
    // Both answer with RULES.md §4's combined message, which is what a shape rule renders.
    CHECK(row.find("RULES") != std::string::npos);
    CHECK(rule.stage == stage::shape);
    CHECK(rule.error == error_kind::validation);
  }
  CHECK(service_rules == 2);
}

TEST_CASE("every message template is the text of its rule's message column") {
  std::size_t compared = 0;
  for (const auto& rule : rule_catalogue) {
    if (rule.source != rule_source::rules) continue;
    CAPTURE(rule.id);
    if (rule.stage == stage::response || rule.stage == stage::error_body) {
      // One message for all of §8's checks, and one for the error-body checks.
      CHECK(rules_md().find("message `" + std::string(rule.message) + "`") != std::string::npos);
      ++compared;
      continue;
    }
    if (rule.message.empty()) {
      // Shape rules render RULES.md §4's item; W-TYPE renders the Coral text of
      // its list; behaviour rules have no message.
      CHECK((rule.stage == stage::shape || rule.id == "W-TYPE" || rule.severity == severity::behaviour));
      continue;
    }
    CHECK(spec_message(rule) == rule.message);
    ++compared;
  }
  CHECK(compared > 50);
}

TEST_CASE("the shape item and its constraint texts are RULES.md §4's and SERVICE.md §6's") {
  const auto& rules = rules_md();
  CHECK(rules.find("`Value <V> at '<P>' failed to satisfy constraint: <C>`") != std::string::npos);
  CHECK(rules.find("`1 validation error detected: <item>`") != std::string::npos);
  CHECK(rules.find("`<N> validation errors detected: <item>; <item>…`") != std::string::npos);
  const std::map<constraint_kind, std::string> rules_form{
      {constraint_kind::not_null, "`Member must not be null`"},
      {constraint_kind::min_length, "`Member must have length greater than or equal to <min>`"},
      {constraint_kind::max_length, "`Member must have length less than or equal to <max>`"},
      {constraint_kind::pattern, "`Member must satisfy regular expression pattern: <pattern>`"},
      {constraint_kind::enum_set, "`Member must satisfy enum value set: [<a>, <b>]`"},
  };
  for (const auto& entry : rules_form) {
    // Not a structured binding: clang 14 cannot capture one in CAPTURE's lambda.
    const constraint_kind kind = entry.first;
    const std::string& form = entry.second;
    CAPTURE(form);
    CHECK(rules.find(form) != std::string::npos);
    // The code writes the text up to the placeholder, then the value (an enum's set brackets included).
    const std::size_t value_at = form.find_first_of("<[");
    CHECK(form.substr(1, value_at == std::string::npos ? form.size() - 2 : value_at - 1) ==
          std::string(detail::constraint_text(kind)));
  }
  for (const auto kind : {constraint_kind::min_value, constraint_kind::max_value}) {
    const std::string text{detail::constraint_text(kind)};
    CAPTURE(text);
    CHECK(service_md().find("`" + text) != std::string::npos);
  }
}

TEST_CASE("every rule id of RULES.md is named by a test case under tests/") {
  const auto spec = spec_ids();
  std::size_t files = 0;
  const auto tested = tested_ids(files);
  CHECK(files > 0);
  for (const auto& id : spec)
    if (tested.count(id) == 0) FAIL_CHECK(id << " has no test case naming it");
  for (const auto& rule : rule_catalogue)
    if (tested.count(std::string(rule.id)) == 0) FAIL_CHECK(rule.id << " has no test case naming it");
}
