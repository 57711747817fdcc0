// The ION reader's subset (ARTIFACTS.md §6.6.5) and writer (§6.6.3, §6.6.4).
#include <doctest/doctest.h>

#include "ddbexport/artifacts/data_line.hpp"
#include "line_read.hpp"

namespace {
using namespace ddbexport::artifacts;

struct outcome {
  std::string rule;  ///< "" when the line reads clean
  std::string json;  ///< the line as DYNAMODB_JSON when it does
  std::uint64_t offset = 0;
};

outcome read_ion(std::string_view line) {
  const artifacts_test::line_read r{line, artifacts_test::line_context(ddbexport::export_format::ion)};
  outcome o;
  if (!r.findings.all.empty()) {
    o.rule = std::string{id(r.findings.all.front().rule)};
    o.offset = r.findings.all.front().offset.value_or(0);
    return o;
  }
  ddbexport::container_output<std::string> w{o.json};
  CHECK(write_data_line(r.line, {}, w));
  return o;
}

std::string item(std::string_view value) { return "$ion_1_0 {Item:{pk:\"x\",v:" + std::string{value} + "}}"; }
std::string json_item(std::string_view av) { return "{\"Item\":{\"pk\":{\"S\":\"x\"},\"v\":" + std::string{av} + "}}\n"; }

TEST_CASE("A-ION-SYNTAX: outside the subset, valid Ion or not") {
  for (std::string line : {std::string{"{Item:{}}"}, std::string{"$ion_1_0x {Item:{}}"}, std::string{"$ion_1_0 [1.]"},
                           std::string{"$ion_1_0 {Item:{}} {Item:{}}"}, std::string{"$ion_1_0 {Item:{}}//c"},
                           std::string{"$ion_1_0 {Item:{a:1.,}}"}, std::string{"$ion_1_0 {Item:{a::b:1.}}"},
                           std::string{"$ion_1_0 {Item:{null:1.}}"}, std::string{"$ion_1_0 {Item:{a:1.}"},
                           item("'''long'''"), item("1_000.5"), item("01."), item("+1."), item("5e"), item("\"open"),
                           item("\"\\q\""), item("\"\\ud800\""), item("\"\\udc00\\ud800\""), item("\"\\U00110000\""),
                           item("\"tab\there\""), item("{{AAE}}"), item("{{AA*=}}"), item("{{AAE="), item("/*c*/1."),
                           item("[1.,]"), item("[1. 2.]"), item(std::string(200, '[') + std::string(200, ']'))}) {
    CAPTURE(line);
    CHECK(read_ion(line).rule == "A-ION-SYNTAX");
  }
}

TEST_CASE("A-ION-TYPE: valid Ion without a DynamoDB type") {
  for (std::string value : {"1", "-1", "1_000", "0x1F", "0b101", "1e0", "-1.5E-3", "nan", "+inf", "-inf", "2007-02-23T",
                            "2007T", "2007-02-23T12:14:33.079-08:00", "2007-02-23", "QuietRoom", "'a symbol'", "null.string",
                            "{{\"clob\"}}", "(a b)", "$dynamodb_XS::[\"a\"]", "$dynamodb_SS::$dynamodb_SS::[\"a\"]",
                            "$dynamodb_SS::\"a\"", "$dynamodb_SS::[1.]", "$dynamodb_NS::[\"1\"]", "$dynamodb_BS::[{{}},1.]",
                            "$12", "{$12:1.}", "{a:1.,a:2.}"}) {
    CAPTURE(value);
    CHECK(read_ion(item(value)).rule == "A-ION-TYPE");
  }
}

TEST_CASE("A-ION-SYNTAX A-ION-TYPE: the first problem met, at its offset") {
  const auto type_first = read_ion("$ion_1_0 {Item:{a:1,b:\"x}}");
  CHECK(type_first.rule == "A-ION-TYPE");
  CHECK(type_first.offset == 18);
  const auto syntax_first = read_ion("$ion_1_0 {Item:{a:\"x,b:1}}");
  CHECK(syntax_first.rule == "A-ION-SYNTAX");
  CHECK(syntax_first.offset == 18);
  CHECK(read_ion("$ion_1_0 {Item:{a:$dynamodb_SS::1, b:\"x}}").rule == "A-ION-TYPE");
}

TEST_CASE("A-ION-SYNTAX: what the subset accepts decodes to DynamoDB JSON") {
  const std::pair<std::string, std::string> accepted[] = {
      {item("null.null"), json_item("{\"NULL\":true}")},
      {item("-0."), json_item("{\"N\":\"0\"}")},
      {item("10d-1"), json_item("{\"N\":\"1\"}")},
      {item("1.0D+2"), json_item("{\"N\":\"100\"}")},
      {item("'$dynamodb_SS' :: [\"b\", \"a\"]"), json_item("{\"SS\":[\"b\",\"a\"]}")},
      {item("\"\\x41\\u00e9\\U0001F600\\ud83d\\ude00\\0\\a\\v\\?\\'\\/\""),
       json_item("{\"S\":\"Aé😀😀\\u0000\\u0007\\u000b?'/\"}")},
      {item("{{ A A E = }}"), json_item("{\"B\":\"AAE=\"}")},
      {item("{{}}"), json_item("{\"B\":\"\"}")},
      {"$ion_1_0\t{\v\"Item\"\f:\r{'pk':\"x\"}}", "{\"Item\":{\"pk\":{\"S\":\"x\"}}}\n"},
      {item("[true,false,null,[],{}]"),
       json_item("{\"L\":[{\"BOOL\":true},{\"BOOL\":false},{\"NULL\":true},{\"L\":[]},{\"M\":{}}]}")},
  };
  for (const auto& pair : accepted) {
    CAPTURE(pair.first);
    const auto o = read_ion(pair.first);
    CHECK(o.rule == "");
    CHECK(o.json == pair.second);
  }
}

TEST_CASE("A-AV: ION values are checked after decoding (empty set, repeats, limits)") {
  CHECK(read_ion(item("$dynamodb_SS::[]")).rule == "A-AV");
  CHECK(read_ion(item("$dynamodb_NS::[1.,1.0]")).rule == "A-AV");
  CHECK(read_ion(item("$dynamodb_BS::[{{AAE=}},{{AAF=}}]")).rule == "A-AV");
  CHECK(read_ion(item("1d126")).rule == "A-AV");
  CHECK(read_ion(item("1234567890123456789012345678901234567890.")).rule == "A-AV");
}

std::string ion_of(std::string_view json_line) {
  const artifacts_test::line_read r{json_line, artifacts_test::line_context()};
  REQUIRE(r.findings.all.empty());
  std::string text;
  ddbexport::container_output<std::string> w{text};
  if (!write_data_line(r.line, {ddbexport::export_format::ion, false}, w)) return "refused";
  return text;
}

TEST_CASE("A-ION-TYPE: the writer's escapes, field names and refusals (§6.6.4)") {
  CHECK(ion_of("{\"Item\":{\"pk\":{\"S\":\"\\u0000\\u0001\\u0007\\b\\t\\n\\u000b\\f\\r\\u001f\\u007f\\u0080\\u009f\\u00a0\\u2028\\\"'\\\\\"}}}") ==
        "$ion_1_0 {Item:{pk:\"\\0\\x01\\a\\b\\t\\n\\v\\f\\r\\x1f\\x7f\\x80\\x9f\u00a0\u2028\\\"'\\\\\"}}\n");
  CHECK(ion_of("{\"Item\":{\"ok_$1\":{\"N\":\"1\"},\"$1\":{\"N\":\"1\"},\"true\":{\"N\":\"1\"},\"nan\":{\"N\":\"1\"},\"a'\\\"\":{\"M\":{\"\":{\"N\":\"1\"}}}}}") ==
        "$ion_1_0 {Item:{ok_$1:1.,'$1':1.,'true':1.,'nan':1.,'a\\'\"':{'':1.}}}\n");
  // A string with an unpaired surrogate cannot be Ion text: the writer refuses it.
  const ddbexport::attribute_entry lone[] = {{"pk", ddbexport::attribute_value::string("\xED\xA0\x80")}};
  data_line l;
  l.item = lone;
  std::string text;
  ddbexport::container_output<std::string> w{text};
  CHECK_FALSE(write_data_line(l, {ddbexport::export_format::ion, false}, w));
  text.clear();
  CHECK(write_data_line(l, {}, w));  // JSON writes it as \ud800 (WIRE.md §4.1)
  CHECK(text == "{\"Item\":{\"pk\":{\"S\":\"\\ud800\"}}}\n");
}
}  // namespace
