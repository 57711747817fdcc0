// The ION reader token by token (ARTIFACTS.md §6.6.5): every spelling of an
// Ion int, float and timestamp is valid Ion without a DynamoDB type
// (A-ION-TYPE, named in the message); each near miss is outside Ion
// (A-ION-SYNTAX); string escapes, field names and the end of the line.
#include <doctest/doctest.h>

#include "ddbexport/artifacts/data_line.hpp"
#include "line_read.hpp"

namespace {
using namespace ddbexport::artifacts;

struct first_finding {
  std::string rule;  ///< "" when the line reads clean
  std::string message;
  std::uint64_t offset = 0;
};

first_finding read_ion(std::string_view line) {
  const artifacts_test::line_read r{line, artifacts_test::line_context(ddbexport::export_format::ion)};
  if (r.findings.all.empty()) return {};
  const auto& f = r.findings.all.front();
  return {std::string{id(f.rule)}, f.message, f.offset.value_or(0)};
}

constexpr std::string_view head = "$ion_1_0 {Item:{pk:\"x\",v:";
std::string item(std::string_view value) { return std::string{head} + std::string{value} + "}}"; }

TEST_CASE("A-ION-TYPE: every spelling of an Ion int, float and timestamp, named in the message, at the token") {
  const std::array<std::pair<std::string_view, std::vector<std::string_view>>, 3> valid{{
      {"the Ion int ", {"0", "-0", "12", "-12", "1_2_3", "0x0", "0XaB", "-0x1_f", "0b1_0", "0B1", "-0b0"}},
      {"the Ion float ", {"1e0", "1E+2", "1.e3", "1.5e-3", "0e0", "-0.0e0", "1_0.0_1e1_0", "0.e0", "-inf", "+inf"}},
      {"the Ion timestamp ",
       {"2007T", "2007-02T", "2007-02-23", "2007-02-23T", "2007-02-23T12:14Z", "2007-02-23T12:14:33Z",
        "2007-02-23T12:14:33.079Z", "2007-02-23T12:14+01:00", "2000-02-29", "2007-02-23T12:14:33-23:59", "0001-01-01"}},
  }};
  for (const auto& [what, tokens] : valid)
    for (const std::string_view token : tokens) {
      CAPTURE(token);
      const auto f = read_ion(item(token));
      CHECK(f.rule == "A-ION-TYPE");
      CHECK(f.message == "k line 1: " + std::string{what} + std::string{token} + " has no DynamoDB type");
      CHECK(f.offset == head.size());
    }
}

TEST_CASE("A-ION-SYNTAX: near misses of ints, floats and timestamps are no Ion at all") {
  for (const std::string_view token :
       {"0x", "0xG", "0b2", "0b", "1__2", "1_", "0x1_", "00", "-", "-x", "1.5e", "1e+", "1.5_e3", "1e1_", "1.e", "1ee1", "1.5.5",
        "2007-", "2007-13T", "2007-00T", "2007-02", "2007-02-30", "1900-02-29", "2007-02-23X", "2007-02-23T24:00Z",
        "2007-02-23T12:60Z", "2007-02-23T12:14", "2007-02-23T12:14:60Z", "2007-02-23T12:14:33.Z", "2007-02-23T12:14:33.5",
        "2007-02-23T12:14+24:00", "2007-02-23T12:14+01-00", "2007-02-23T12:14Zx", "0000-01-01", "2007-02T5", "2007-02-23T1",
        "2007-02-23T12-14Z", "2007-02-23T12:14:3Z", "2007-0a-23", "2007-02-2a", "2007-02-23T12:14+01:6a", "2007x"}) {
    CAPTURE(token);
    const auto f = read_ion(item(token));
    CHECK(f.rule == "A-ION-SYNTAX");
    CHECK(f.message == "k line 1: not an Ion line: the numeric token " + std::string{token} + " is not a decimal of the subset");
    CHECK(f.offset == head.size());
  }
}

TEST_CASE("A-ION-SYNTAX A-ION-TYPE: escapes, field names, comments and the end of the line") {
  const std::vector<std::pair<std::string, std::string>> cases{
      {item("\"\\x41\""), ""},
      {item("\"\\x4\""), "A-ION-SYNTAX"},
      {item("\"\\x4"), "A-ION-SYNTAX"},
      {std::string{head} + "\"\\", "A-ION-SYNTAX"},
      {item("\"\\ud83d\\ude00\""), ""},
      {item("\"\\ud800\\u0041\""), "A-ION-SYNTAX"},
      {item("\"\\ud800x\""), "A-ION-SYNTAX"},
      {item("\"\\ud800\\uzzzz\""), "A-ION-SYNTAX"},
      {item("\"\\udc00\""), "A-ION-SYNTAX"},
      {item("\"\\U0000D800\""), "A-ION-SYNTAX"},
      {item("\"\\U0001F600\""), ""},
      {item("\"\\u00e9\""), ""},
      {item("\"\xC3\""), "A-ION-SYNTAX"},
      {"$ion_1_0 {Item:{pk:\"x\",1.:2.}}", "A-ION-SYNTAX"},
      {"$ion_1_0 {Item:{pk:\"x\",/*c*/a:1.}}", "A-ION-SYNTAX"},
      {"$ion_1_0 {Item:{pk:\"x\",a 1.}}", "A-ION-SYNTAX"},
      {"$ion_1_0 {Item:{pk:\"x\",a:1. /*c*/}}", "A-ION-SYNTAX"},
      {"$ion_1_0 {Item:{pk:\"x\",a:1.", "A-ION-SYNTAX"},
      {"$ion_1_0 {Item:{pk:\"x\",a:", "A-ION-SYNTAX"},
      {"$ion_1_0 {Item:{pk:\"x\",a", "A-ION-SYNTAX"},
      {"$ion_1_0 {Item:{pk:\"x\",a:/*c*/1.}}", "A-ION-SYNTAX"},
      {"$ion_1_0 {Item:{pk:\"x\",a:}}", "A-ION-SYNTAX"},
      {"$ion_1_0 {Item:{pk:\"x\",a:{{AAE=}}}}", ""},
      {"$ion_1_0 {Item:{pk:\"x\",a:{{ AAE= }}}}", ""},
      {"$ion_1_0 {Item:{pk:\"x\",a:{{AAE=", "A-ION-SYNTAX"},
      {"$ion_1_0 {Item:{pk:\"x\",a:{{'''c'''}}}}", "A-ION-TYPE"},
      {"$ion_1_0 {Item:{pk:\"x\",a:x::{b:1.}}}", "A-ION-TYPE"},
      {"$ion_1_0 {Item:{pk:\"x\",a:'sym'}}", "A-ION-TYPE"},
      {"$ion_1_0 {Item:{pk:\"x\",'a':1.}}", ""},
      {"$ion_1_0 {Item:{pk:\"x\",\"a\":1.}}", ""},
      {"$ion_1_0 {Item:{pk:\"x\",true:1.}}", "A-ION-SYNTAX"},
      {"$ion_1_0 {Item:{pk:\"x\",nan:1.}}", "A-ION-SYNTAX"},
      {"$ion_1_0 {Item:{pk:\"x\",a::b:1.}}", "A-ION-SYNTAX"},
      {"$ion_1_0\t{Item:{pk:\"x\"}}", ""},
      {"$ion_1_0{Item:{pk:\"x\"}}", ""},
      {"$ion_1_0 {Item:{pk:\"x\"}} ", ""},
      {"$ion_1_0 {Item:{pk:\"x\"}} //c", "A-ION-SYNTAX"},
      {"$ion_1_0", "A-ION-SYNTAX"},
      {"$ion_1_0 ", "A-ION-SYNTAX"},
  };
  for (const auto& one : cases) {
    const std::string& line = one.first;  // CAPTURE's lambda takes no structured binding
    const std::string& rule_id = one.second;
    CAPTURE(line);
    const auto f = read_ion(line);
    CHECK_MESSAGE(f.rule == rule_id, f.message);
  }
}
}  // namespace
