#include "ddbexport/json/reader.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/json/writer.hpp"
#include "ddbexport/validate/sinks.hpp"

using namespace ddbexport;
using namespace std::string_literals;

namespace {

template <class T>
struct outcome {
  std::unique_ptr<json::owning_arena> storage;
  T value{};
  json::read_result result;
  std::vector<diagnostic> warnings;
};

outcome<export_request> read_request(std::string_view body, json::read_limits limits = {}) {
  outcome<export_request> o;
  o.storage = std::make_unique<json::owning_arena>(body.size());
  container_sink<std::vector<diagnostic>> sink{o.warnings};
  o.result = json::read_request(body, o.value, *o.storage, limits, sink);
  return o;
}

outcome<export_response> read_response(std::string_view body) {
  outcome<export_response> o;
  o.storage = std::make_unique<json::owning_arena>(body.size());
  o.result = json::read_response(body, o.value, *o.storage);
  return o;
}

std::string path_text(const field_path& path) {
  std::string text;
  container_output out{text};
  path.write(out);
  return text;
}

std::string request_json(const export_request& r) {
  std::string text;
  container_output out{text};
  json::write_request(r, out);
  return text;
}

/// The one stage-D diagnostic a body must produce.
struct expected_failure {
  rule_id rule;
  std::size_t offset;
  std::string_view path;
  std::string_view detail = {};
};

void check_fails(std::string_view body, const expected_failure& want, json::read_limits limits = {}) {
  CAPTURE(body);
  const auto o = read_request(body, limits);
  REQUIRE_FALSE(o.result.ok());
  const diagnostic& d = *o.result.error;
  CHECK(to_string(d.rule) == to_string(want.rule));
  CHECK(d.offset == want.offset);
  CHECK(path_text(d.path) == want.path);
  if (!want.detail.empty()) CHECK(d.detail == want.detail);
  CHECK(request_json(o.value) == "{}");  // nothing half-read is left behind
}

void check_response_fails(std::string_view body, const expected_failure& want) {
  CAPTURE(body);
  const auto o = read_response(body);
  REQUIRE_FALSE(o.result.ok());
  CHECK(to_string(o.result.error->rule) == to_string(want.rule));
  CHECK(o.result.error->offset == want.offset);
  CHECK(path_text(o.result.error->path) == want.path);
  if (!want.detail.empty()) CHECK(o.result.error->detail == want.detail);
}

std::string echo(std::string_view body) {
  CAPTURE(body);
  const auto o = read_request(body);
  if (!o.result.ok()) {
    FAIL_CHECK(to_string(o.result.error->rule) << ": " << o.result.error->detail);
    return {};
  }
  return request_json(o.value);
}

std::size_t at(std::string_view body, std::string_view needle) { return body.find(needle); }

}  // namespace

TEST_CASE("W-DUPKEY: a repeated member name at any depth") {
  SUBCASE("top level") {
    const std::string_view b = R"({"TableArn":"a","TableArn":"b"})";
    check_fails(b, {rule_id::w_dupkey, at(b, R"("TableArn":"b")"), "TableArn", "member appears more than once"});
    const auto o = read_request(b);
    CHECK(o.result.error->subject == "TableArn");
  }
  SUBCASE("null counts as a member too") {
    const std::string_view b = R"({"TableArn":null,"TableArn":"b"})";
    check_fails(b, {rule_id::w_dupkey, at(b, R"("TableArn":"b")"), "TableArn"});
  }
  SUBCASE("nested structure") {
    const std::string_view b = R"({"IncrementalExportSpecification":{"ExportToTime":1,"ExportToTime":2}})";
    check_fails(b, {rule_id::w_dupkey, at(b, R"("ExportToTime":2)"), "IncrementalExportSpecification.ExportToTime"});
  }
  SUBCASE("map keys, equal after unescaping") {
    const std::string_view b = R"({"FilterSpecification":{"ExpressionAttributeNames":{"#a":"x","#\u0061":"y"}}})";
    check_fails(b, {rule_id::w_dupkey, at(b, R"("#\u0061")"), "FilterSpecification.ExpressionAttributeNames.#a"});
  }
  SUBCASE("inside an AttributeValue map") {
    const std::string_view b =
        R"({"FilterSpecification":{"ExpressionAttributeValues":{":v":{"M":{"a":{"S":"x"},"a":{"S":"y"}}}}}})";
    check_fails(b, {rule_id::w_dupkey, at(b, R"("a":{"S":"y"})"), "FilterSpecification.ExpressionAttributeValues.:v"});
  }
  SUBCASE("an AttributeValue member") {
    const std::string_view b = R"({"FilterSpecification":{"ExpressionAttributeValues":{":v":{"S":"x","S":"y"}}}})";
    check_fails(b, {rule_id::w_dupkey, at(b, R"("S":"y")"), "FilterSpecification.ExpressionAttributeValues.:v"});
  }
  SUBCASE("inside a skipped unknown member") {
    const std::string_view b = R"({"Extra":{"y":[{"z":1,"z":2}]}})";
    check_fails(b, {rule_id::w_dupkey, at(b, R"("z":2)"), "Extra.y.z"});
  }
  SUBCASE("unknown members of a known structure") {
    const std::string_view b = R"({"Extra":1,"TableArn":"t","Extra":2})";
    check_fails(b, {rule_id::w_dupkey, at(b, R"("Extra":2)"), "Extra"});
  }
  SUBCASE("objects with many names use the hash index") {
    std::string b = R"({"Extra":{)";
    for (int i = 0; i < 2000; ++i) b += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
    const std::string ok = b.substr(0, b.size() - 1) + "}}";
    CHECK(read_request(ok).result.ok());
    const std::string dup = b + R"("k1234":0}})";
    check_fails(dup, {rule_id::w_dupkey, dup.rfind(R"("k1234")"), "Extra.k1234"});
  }
  SUBCASE("a large map with a duplicate far apart") {
    std::string b = R"({"FilterSpecification":{"ExpressionAttributeNames":{)";
    for (int i = 0; i < 3000; ++i) b += "\"#" + std::to_string(i) + "\":\"v\",";
    const std::string ok = b.substr(0, b.size() - 1) + "}}}";
    const auto o = read_request(ok);
    REQUIRE(o.result.ok());
    CHECK(o.value.filter_specification->expression_attribute_names->size() == 3000);
    CHECK((*o.value.filter_specification->expression_attribute_names)[2999].key == "#2999");
    const std::string dup = b + R"("#3":"w"}}})";
    check_fails(dup, {rule_id::w_dupkey, dup.rfind(R"("#3")"), "FilterSpecification.ExpressionAttributeNames.#3"});
  }
}

TEST_CASE("W-JSON: invalid UTF-8 in strings and names") {
  const std::string prefix = R"({"S3Prefix":"ab)";
  const std::size_t bad = prefix.size();
  const std::string variants[] = {
      "\xC0\xAF",          // overlong '/'
      "\xC1\xBF",          // overlong, C1
      "\xE0\x80\xAF",      // overlong three-byte
      "\xF0\x80\x80\xAF",  // overlong four-byte
      "\xED\xA0\x80",      // encoded surrogate U+D800
      "\xED\xBF\xBF",      // encoded surrogate U+DFFF
      "\xE2\x82",          // truncated before the quote
      "\x80",              // stray continuation byte
      "\xF5\x80\x80\x80",  // beyond U+10FFFF
      "\xF4\x90\x80\x80",  // U+110000
      "\xFF",
      "\xFE",
  };
  for (const auto& v : variants) {
    const std::string body = prefix + v + "\"}";
    check_fails(body, {rule_id::w_json, bad, "S3Prefix", "invalid UTF-8"});
  }
  SUBCASE("truncated at the end of the body") {
    const std::string body = prefix + "\xE2\x82";
    check_fails(body, {rule_id::w_json, bad, "S3Prefix", "invalid UTF-8"});
  }
  SUBCASE("in a member name") {
    const std::string body = "{\"T\xC0\x80\":1}";
    check_fails(body, {rule_id::w_json, 3, "", "invalid UTF-8"});
  }
  SUBCASE("valid UTF-8 of every length passes") {
    CHECK(echo("{\"S3Prefix\":\"\xC2\x80 \xE0\xA0\x80 \xED\x9F\xBF \xEE\x80\x80 \xF0\x90\x80\x80 \xF4\x8F\xBF\xBF\"}") ==
          "{\"S3Prefix\":\"\xC2\x80 \xE0\xA0\x80 \xED\x9F\xBF \xEE\x80\x80 \xF0\x90\x80\x80 \xF4\x8F\xBF\xBF\"}");
  }
}

TEST_CASE("W-JSON: text around the value") {
  check_fails("\xEF\xBB\xBF{}", {rule_id::w_json, 0, "", "byte order mark"});
  check_fails("{} x", {rule_id::w_json, 3, "", "trailing characters after the value"});
  check_fails("{}{}", {rule_id::w_json, 2, "", "trailing characters after the value"});
  check_fails("{}"s + '\0', {rule_id::w_json, 2, "", "trailing characters after the value"});
  check_fails("{}\xC2\xA0", {rule_id::w_json, 2, "", "trailing characters after the value"});
  check_fails("", {rule_id::w_json, 0, "", "empty body"});
  check_fails(" \r\n\t", {rule_id::w_json, 4, "", "empty body"});
  check_fails("[]", {rule_id::w_json, 0, "", "top level is not an object"});
  check_fails(" \"x\"", {rule_id::w_json, 1, "", "top level is not an object"});
  check_fails("null", {rule_id::w_json, 0, "", "top level is not an object"});
  CHECK(echo(" \t\r\n{ \"TableArn\" : \"t\" , \"S3Bucket\":\"b\" }\n ") == R"({"TableArn":"t","S3Bucket":"b"})");
}

TEST_CASE("W-JSON: malformed tokens") {
  check_fails(R"({"TableArn":"a)", {rule_id::w_json, 14, "TableArn", "unexpected end of the body"});
  check_fails(R"({"TableArn":"a\x"})", {rule_id::w_json, 14, "TableArn", "invalid escape sequence"});
  check_fails(R"({"TableArn":"\u12G4"})", {rule_id::w_json, 13, "TableArn", "invalid escape sequence"});
  check_fails("{\"TableArn\":\"a\tb\"}", {rule_id::w_json, 14, "TableArn", "unescaped control character in a string"});
  check_fails("{\"TableArn\":\"a\nb\"}", {rule_id::w_json, 14, "TableArn", "unescaped control character in a string"});
  check_fails(R"({"TableArn":"a",})", {rule_id::w_json, 16, "", "expected a member name"});
  check_fails(R"({"TableArn" "a"})", {rule_id::w_json, 12, "", "expected ':'"});
  check_fails(R"({"TableArn":"a" "S3Bucket":"b"})", {rule_id::w_json, 16, "", "expected ',' or '}'"});
  check_fails(R"({"Extra":[1 2]})", {rule_id::w_json, 12, "Extra", "expected ',' or ']'"});
  check_fails(R"({"Extra":tru})", {rule_id::w_json, 9, "Extra", "invalid literal"});
  check_fails(R"({"Extra":01})", {rule_id::w_json, 10, "", "expected ',' or '}'"});
  check_fails(R"({"Extra":1.})", {rule_id::w_json, 11, "Extra", "invalid number"});
  check_fails(R"({"Extra":-})", {rule_id::w_json, 10, "Extra", "invalid number"});
  check_fails(R"({"Extra":1e+})", {rule_id::w_json, 12, "Extra", "invalid number"});
  check_fails(R"({"Extra":+1})", {rule_id::w_json, 9, "Extra", "unexpected character"});
  check_fails(R"({"Extra":'x'})", {rule_id::w_json, 9, "Extra", "unexpected character"});
  check_fails(R"({"ExportTime":.5})", {rule_id::w_json, 14, "ExportTime", "unexpected character"});
}

TEST_CASE("W-LIMIT: nesting and size") {
  SUBCASE("1,000,000 '[' at the top is not an object, at once") {
    const std::string b(1'000'000, '[');
    check_fails(b, {rule_id::w_json, 0, "", "top level is not an object"});
  }
  SUBCASE("1,000,000 '[' in an unknown member stop at the depth limit") {
    const std::string b = R"({"Extra":)" + std::string(1'000'000, '[');
    const auto start = std::chrono::steady_clock::now();
    // The object is level 1; the 128th level is the 127th '['; the next one fails.
    check_fails(b, {rule_id::w_limit, 9 + 127, "Extra", "nesting deeper than 128"});
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
  }
  SUBCASE("deeply nested objects and AttributeValues") {
    std::string objects = R"({"Extra":)";
    for (int i = 0; i < 200; ++i) objects += R"({"a":)";
    check_fails(objects, {rule_id::w_limit, 9 + 127 * 5, "Extra.a.a"});
    std::string lists = R"({"FilterSpecification":{"ExpressionAttributeValues":{":v":)";
    const std::size_t first = lists.size();
    for (int i = 0; i < 100; ++i) lists += R"({"L":[)";
    // Levels 1-3 are the request, FilterSpecification and the map; each AttributeValue adds two.
    check_fails(lists, {rule_id::w_limit, first + 62 * 6 + 5, "FilterSpecification.ExpressionAttributeValues.:v"});
  }
  SUBCASE("exactly at the limit passes") {
    std::string b = R"({"Extra":)" + std::string(127, '[') + std::string(127, ']') + "}";
    CHECK(read_request(b).result.ok());
    check_fails(b, {rule_id::w_limit, 9 + 99, "Extra", "nesting deeper than the depth limit"}, {.max_depth = 100});
  }
  SUBCASE("32-level AttributeValues fit the default") {
    std::string b = R"({"FilterSpecification":{"ExpressionAttributeValues":{":v":)";
    for (int i = 0; i < 32; ++i) b += R"({"L":[)";
    b += R"({"NULL":true})";
    for (int i = 0; i < 32; ++i) b += "]}";
    b += "}}}";
    CHECK(read_request(b).result.ok());
    CHECK(echo(b) == b);
  }
  SUBCASE("body over the size limit") {
    const std::string big = R"({"S3Prefix":")" + std::string(1048576, 'x') + R"("})";
    check_fails(big, {rule_id::w_limit, 1048576, "", "body larger than 1048576 bytes"});
    check_fails(R"({"S3Prefix":"abc"})", {rule_id::w_limit, 10, "", "body larger than the size limit"},
                {.max_body_bytes = 10});
    const std::string fits = R"({"S3Prefix":")" + std::string(1048576 - 15, 'x') + R"("})";
    CHECK(fits.size() == 1048576);
    CHECK(read_request(fits).result.ok());
  }
  SUBCASE("caller storage too small") {
    std::array<std::byte, 64> small{};
    json::arena storage{small};
    export_request r;
    const auto result = json::read_request(R"({"S3Prefix":"a\nb","FilterSpecification":{"ExpressionAttributeNames":{"#a":"x","#b":"y","#c":"z"}}})", r, storage);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error->rule == rule_id::w_limit);
    CHECK(result.error->detail == "reader storage exhausted");
  }
}

TEST_CASE("W-TYPE: string and enum members") {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"true", "TRUE_VALUE cannot be converted to String"},
      {"false", "FALSE_VALUE cannot be converted to String"},
      {"5", "NUMBER_VALUE cannot be converted to String"},
      {"-0", "NUMBER_VALUE cannot be converted to String"},
      {"5.0", "DECIMAL_VALUE cannot be converted to String"},
      {"1e3", "DECIMAL_VALUE cannot be converted to String"},
      {"[\"a\"]", "Unrecognized collection type class java.lang.String"},
      {"{}", "Start of structure or map found where not expected"},
  };
  for (const auto& [value, text] : cases) {
    check_fails(R"({"TableArn":)"s + std::string(value) + "}", {rule_id::w_type, 12, "TableArn", text});
    check_fails(R"({"ExportFormat":)"s + std::string(value) + "}", {rule_id::w_type, 16, "ExportFormat", text});
  }
  check_fails(R"({"IncrementalExportSpecification":{"ExportViewType":1}})",
              {rule_id::w_type, 52, "IncrementalExportSpecification.ExportViewType",
               "NUMBER_VALUE cannot be converted to String"});
  check_fails(R"({"FilterSpecification":{"ExpressionAttributeNames":{"#a":false}}})",
              {rule_id::w_type, 57, "FilterSpecification.ExpressionAttributeNames.#a",
               "FALSE_VALUE cannot be converted to String"});
}

TEST_CASE("W-TYPE: timestamp members") {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"\"1.5\"", "STRING_VALUE can not be converted to milliseconds since epoch"},
      {"true", "TRUE_VALUE can not be converted to milliseconds since epoch"},
      {"false", "FALSE_VALUE can not be converted to milliseconds since epoch"},
      {"[1]", "Unrecognized collection type class java.util.Date"},
      {"{\"tag\":1,\"value\":5}", "Start of structure or map found where not expected"},
  };
  for (const auto& [value, text] : cases) {
    check_fails(R"({"ExportTime":)"s + std::string(value) + "}", {rule_id::w_type, 14, "ExportTime", text});
    check_fails(R"({"IncrementalExportSpecification":{"ExportFromTime":)"s + std::string(value) + "}}",
                {rule_id::w_type, 52, "IncrementalExportSpecification.ExportFromTime", text});
  }
}

TEST_CASE("W-TYPE: structures and maps") {
  constexpr std::string_view ies = "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.IncrementalExportSpecification";
  check_fails(R"({"IncrementalExportSpecification":5})", {rule_id::w_type, 34, "IncrementalExportSpecification", "Unexpected field type"});
  check_fails(R"({"IncrementalExportSpecification":"x"})", {rule_id::w_type, 34, "IncrementalExportSpecification", "Unexpected field type"});
  check_fails(R"({"IncrementalExportSpecification":true})", {rule_id::w_type, 34, "IncrementalExportSpecification", "Unexpected field type"});
  check_fails(R"({"IncrementalExportSpecification":[]})", {rule_id::w_type, 34, "IncrementalExportSpecification", ies});
  check_fails(R"({"FilterSpecification":[{}]})",
              {rule_id::w_type, 23, "FilterSpecification",
               "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.FilterSpecification"});
  check_fails(R"({"FilterSpecification":{"ExpressionAttributeNames":"x"}})",
              {rule_id::w_type, 51, "FilterSpecification.ExpressionAttributeNames", "Unexpected field type"});
  check_fails(R"({"FilterSpecification":{"ExpressionAttributeNames":[]}})",
              {rule_id::w_type, 51, "FilterSpecification.ExpressionAttributeNames",
               "Unrecognized collection type java.util.Map<java.lang.String, java.lang.String>"});
  check_fails(R"({"FilterSpecification":{"ExpressionAttributeValues":1.5}})",
              {rule_id::w_type, 52, "FilterSpecification.ExpressionAttributeValues", "Unexpected field type"});
  check_fails(R"({"FilterSpecification":{"ExpressionAttributeValues":[]}})",
              {rule_id::w_type, 52, "FilterSpecification.ExpressionAttributeValues",
               "Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>"});
  check_response_fails(R"({"ExportDescription":[]})",
                       {rule_id::w_type, 21, "ExportDescription",
                        "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.ExportDescription"});
  check_response_fails(R"({"ExportDescription":{"ExportStatus":["COMPLETED"]}})",
                       {rule_id::w_type, 37, "ExportDescription.ExportStatus",
                        "Unrecognized collection type class java.lang.String"});
}

TEST_CASE("W-TIME: timestamps out of range after rounding") {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"8640000000000.001", "DECIMAL_VALUE can not be converted to milliseconds since epoch"},
      {"-8640000000000.001", "DECIMAL_VALUE can not be converted to milliseconds since epoch"},
      {"8640000000001", "NUMBER_VALUE can not be converted to milliseconds since epoch"},
      {"1e400", "DECIMAL_VALUE can not be converted to milliseconds since epoch"},
      {"-1E400", "DECIMAL_VALUE can not be converted to milliseconds since epoch"},
      {"99999999999999999999999999", "NUMBER_VALUE can not be converted to milliseconds since epoch"},
      {"8.64000000000001e12", "DECIMAL_VALUE can not be converted to milliseconds since epoch"},
  };
  for (const auto& [value, text] : cases) {
    check_fails(R"({"ExportTime":)"s + std::string(value) + "}", {rule_id::w_time, 14, "ExportTime", text});
    const std::string body = R"({"ExportTime":)"s + std::string(value) + "}";
    const auto o = read_request(body);
    CHECK(o.result.error->subject == value);
  }
  CHECK(echo(R"({"ExportTime":8640000000000.0004})") == R"({"ExportTime":8640000000000})");
  CHECK(echo(R"({"ExportTime":-8640000000000})") == R"({"ExportTime":-8640000000000})");
  CHECK(echo(R"({"ExportTime":1e-400})") == R"({"ExportTime":0})");
  CHECK(echo(R"({"ExportTime":-1e-400})") == R"({"ExportTime":0})");
}

TEST_CASE("timestamps round as Math.round(x * 1000) (WIRE.md §5.3)") {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"1.4999", "1.5"},
      {"1.4994999", "1.499"},
      {"1.0005", "1.001"},
      {"0.5005", "0.5"},
      {"-1.0005", "-1"},
      {"-0.0005", "0"},
      {"0.0015", "0.002"},
      {"-0.0015", "-0.001"},
      {"1.5620543552385E9", "1562054355.239"},
      {"8640000000000.0004", "8640000000000"},
      {"8000000000000.001", "8000000000000.001"},
      {"1e3", "1000"},
      {"1.5E+3", "1500"},
      {"1E-3", "0.001"},
      {"1.562054355238E9", "1562054355.238"},
      {"-0", "0"},
      {"-0.0", "0"},
      {"0E0", "0"},
      {"123456789.123456789", "123456789.123"},
      // Beyond 2^51 ms the SDK's doubles move even three-digit fractions (checked with node):
      {"4479890288992.529", "4479890288992.53"},
      {"-4442261820053.262", "-4442261820053.261"},
      {"2251799813685.247", "2251799813685.247"},
  };
  for (const auto& [wire, canonical] : cases) {
    CHECK(echo(R"({"ExportTime":)"s + std::string(wire) + "}") == R"({"ExportTime":)"s + std::string(canonical) + "}");
  }
}

TEST_CASE("R-ET-GRAN: sub-millisecond digits are a warning, requests only") {
  std::vector<std::string> bodies;  // warnings view their body: keep each alive
  const auto grain = [&](std::string_view value) {
    bodies.push_back(R"({"IncrementalExportSpecification":{"ExportFromTime":)"s + std::string(value) + "}}");
    auto o = read_request(bodies.back());
    REQUIRE(o.result.ok());
    return o.warnings;
  };
  bodies.reserve(16);
  const auto w = grain("1.0005");
  REQUIRE(w.size() == 1);
  CHECK(w[0].rule == rule_id::r_et_gran);
  CHECK(path_text(w[0].path) == "IncrementalExportSpecification.ExportFromTime");
  CHECK(w[0].offset == 52);
  CHECK(w[0].subject == "1.0005");
  CHECK(grain("1.5E-4").size() == 1);
  CHECK(grain("1.00001e1").size() == 1);
  CHECK(grain("1.0001e1").empty());
  CHECK(grain("1.000000").empty());
  CHECK(grain("1234.5e-3").size() == 1);
  CHECK(grain("1234.5e-2").empty());
  CHECK(grain("1e-4").size() == 1);
  CHECK(grain("0.000e9").empty());
  CHECK(read_response(R"({"ExportDescription":{"StartTime":1.0005}})").result.ok());
}

TEST_CASE("W-TYPE: longs") {
  const auto count = [](std::string_view value) {
    return read_response(R"({"ExportDescription":{"ItemCount":)"s + std::string(value) + "}}");
  };
  CHECK(*count("9007199254740991").value.export_description->item_count == 9007199254740991);
  CHECK(*count("-9007199254740991").value.export_description->item_count == -9007199254740991);
  CHECK(*count("-0").value.export_description->item_count == 0);
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"9007199254740992", "NUMBER_VALUE cannot be converted to Long"},
      {"-9007199254740992", "NUMBER_VALUE cannot be converted to Long"},
      {"9223372036854775808", "NUMBER_VALUE cannot be converted to Long"},
      {"1.5", "DECIMAL_VALUE cannot be converted to Long"},
      {"1e3", "DECIMAL_VALUE cannot be converted to Long"},
      {"1.0", "DECIMAL_VALUE cannot be converted to Long"},
      {"\"5\"", "STRING_VALUE cannot be converted to Long"},
      {"true", "TRUE_VALUE cannot be converted to Long"},
      {"[5]", "Unrecognized collection type class java.lang.Long"},
  };
  for (const auto& [value, text] : cases)
    check_response_fails(R"({"ExportDescription":{"ItemCount":)"s + std::string(value) + "}}",
                         {rule_id::w_type, 34, "ExportDescription.ItemCount", text});
}

TEST_CASE("W-TYPE: malformed AttributeValues") {
  const std::string prefix = R"({"FilterSpecification":{"ExpressionAttributeValues":{":v":)";
  const auto fails_at = [&](std::string_view value, std::size_t offset_in_value,
                            std::string_view text = "Supplied AttributeValue is malformed") {
    check_fails(prefix + std::string(value) + "}}}",
                {rule_id::w_type, prefix.size() + offset_in_value, "FilterSpecification.ExpressionAttributeValues.:v", text});
  };
  fails_at(R"({})", 0);
  fails_at(R"({"NULL":null})", 0);
  fails_at(R"({"S":"a","N":"1"})", 9);
  fails_at(R"({"X":"a"})", 1);
  fails_at(R"({"s":"a"})", 1);
  fails_at(R"({"S":1})", 5);
  fails_at(R"({"S":["a"]})", 5);
  fails_at(R"({"N":null,"S":{}})", 14);
  fails_at(R"({"B":"AAE"})", 5);
  fails_at(R"({"B":"AA-_"})", 5);
  fails_at(R"({"B":"A==="})", 5);
  fails_at(R"({"B":"AA=A"})", 5);
  fails_at(R"({"B":"AA\nA"})", 5);
  fails_at(R"({"SS":"a"})", 6);
  fails_at(R"({"SS":[1]})", 7);
  fails_at(R"({"NS":["1",null]})", 11);
  fails_at(R"({"BS":["AA=="," "]})", 14);
  fails_at(R"({"L":[null]})", 6);
  fails_at(R"({"L":[5]})", 6, "Unexpected value type in payload");
  fails_at(R"({"L":["S"]})", 6, "Unexpected value type in payload");
  fails_at(R"({"L":[[]]})", 6, "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue");
  fails_at(R"({"L":{}})", 5);
  fails_at(R"({"M":{"a":null}})", 10);
  fails_at(R"({"M":[]})", 5);
  fails_at(R"({"M":{"a":{"M":{"b":{}}}}})", 20);
  fails_at(R"({"NULL":"true"})", 8);
  fails_at(R"({"BOOL":1})", 8);
  fails_at(R"("x")", 0, "Unexpected value type in payload");
  fails_at(R"(5)", 0, "Unexpected value type in payload");
  fails_at(R"([])", 0, "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue");
  SUBCASE("null members and null entries are absent") {
    const std::string b = prefix + R"({"S":"a","N":null},":n":null}}})";
    CHECK(echo(b) == R"({"FilterSpecification":{"ExpressionAttributeValues":{":v":{"S":"a"}}}})");
  }
}

TEST_CASE("AttributeValues read back as the SDK writes them") {
  const std::string_view b =
      R"({"FilterSpecification":{"ExpressionAttributeValues":{":s":{"S":"a\u0001é\ud800"},":n":{"N":"-1.5e3"},)"
      R"(":b":{"B":"AAF="},":bs":{"BS":["AAF=","","+/8="]},":ss":{"SS":["a","é"]},":ns":{"NS":[]},)"
      R"(":m":{"M":{"k\"":{"S":"v"},"7":{"N":"7"}}},":l":{"L":[{"S":"x"},{"NULL":true},{"L":[]}]},)"
      R"(":null":{"NULL":false},":t":{"BOOL":true},":e":{"B":"\u0041\u0041\u0045\u003d"}}}})";
  CHECK(echo(b) ==
        R"({"FilterSpecification":{"ExpressionAttributeValues":{":s":{"S":"a\u0001é\ud800"},":n":{"N":"-1.5e3"},)"
        R"(":b":{"B":"AAE="},":bs":{"BS":["AAE=","","+/8="]},":ss":{"SS":["a","é"]},":ns":{"NS":[]},)"
        R"(":m":{"M":{"7":{"N":"7"},"k\"":{"S":"v"}}},":l":{"L":[{"S":"x"},{"NULL":true},{"L":[]}]},)"
        R"(":null":{"NULL":false},":t":{"BOOL":true},":e":{"B":"AAE="}}}})");
  const auto o = read_request(b);
  const auto values = *o.value.filter_specification->expression_attribute_values;
  REQUIRE(values.size() == 11);
  CHECK(values[2].value.scalar == std::string_view("\x00\x01", 2));
  CHECK(values[7].value.list().size() == 3);
}

TEST_CASE("strings keep unpaired surrogates losslessly (WTF-8)") {
  CHECK(echo(R"({"S3Prefix":"\ud800"})") == R"({"S3Prefix":"\ud800"})");
  CHECK(echo(R"({"S3Prefix":"\uDBFF"})") == R"({"S3Prefix":"\udbff"})");
  CHECK(echo(R"({"S3Prefix":"\udfff\ud800x"})") == R"({"S3Prefix":"\udfff\ud800x"})");
  CHECK(echo(R"({"S3Prefix":"\ud83d\ude00"})") == "{\"S3Prefix\":\"\xF0\x9F\x98\x80\"}");
  CHECK(echo(R"({"S3Prefix":"\uD83D\uDE00\ud83d"})") == "{\"S3Prefix\":\"\xF0\x9F\x98\x80\\ud83d\"}");
  CHECK(echo(R"({"S3Prefix":"\/\u00E9\u00e9é\"\\\b\f\n\r\t\u0000\u001F\u007f"})") ==
        "{\"S3Prefix\":\"/\xC3\xA9\xC3\xA9\xC3\xA9\\\"\\\\\\b\\f\\n\\r\\t\\u0000\\u001f\x7f\"}");
  const auto o = read_request(R"({"S3Prefix":"\ud800"})");
  CHECK(*o.value.s3_prefix == "\xED\xA0\x80");
}

TEST_CASE("maps keep ECMAScript property order after parsing") {
  CHECK(echo(R"({"FilterSpecification":{"ExpressionAttributeNames":{"b":"1","10":"2","2":"3","01":"4","-1":"5","4294967295":"6","4294967294":"7"}}})") ==
        R"({"FilterSpecification":{"ExpressionAttributeNames":{"2":"3","10":"2","4294967294":"7","b":"1","01":"4","-1":"5","4294967295":"6"}}})");
}

TEST_CASE("strings without escapes view the body; escaped ones live in the arena") {
  const std::string body = R"({"TableArn":"plain","S3Prefix":"a\nb"})";
  const auto o = read_request(body);
  REQUIRE(o.result.ok());
  CHECK(o.value.table_arn->data() == body.data() + 13);
  CHECK(*o.value.s3_prefix == "a\nb");
  CHECK((o.value.s3_prefix->data() < body.data() || o.value.s3_prefix->data() >= body.data() + body.size()));
}

TEST_CASE("members: null is absent, names are case-sensitive, enums keep any text") {
  const auto o = read_request(
      R"({"TableArn":null,"tableArn":"x","ExportFormat":"aes256","ExportType":"","S3SseAlgorithm":"KMS","IncrementalExportSpecification":null})");
  REQUIRE(o.result.ok());
  CHECK_FALSE(o.value.table_arn.has_value());
  CHECK_FALSE(o.value.incremental_export_specification.has_value());
  CHECK(o.value.export_format->text() == "aes256");
  CHECK_FALSE(o.value.export_format->is_known());
  CHECK(o.value.export_type->text().empty());
  CHECK(o.value.s3_sse_algorithm->is(s3_sse_algorithm::kms));
  REQUIRE(o.warnings.size() == 1);
  CHECK(o.warnings[0].rule == rule_id::w_unknown);
  CHECK(o.warnings[0].subject == "tableArn");
}

TEST_CASE("W-UNKNOWN: every skipped unknown member of a request, with its path") {
  const std::string_view b =
      R"({"exportTime":1,"__type":"x","IncrementalExportSpecification":{"Foo":{"a":[1,{"b":null}]}},"FilterSpecification":{"Bar":null}})";
  const auto o = read_request(b);
  REQUIRE(o.result.ok());
  REQUIRE(o.warnings.size() == 4);
  CHECK(path_text(o.warnings[0].path) == "exportTime");
  CHECK(o.warnings[0].offset == 1);
  CHECK(path_text(o.warnings[1].path) == "__type");
  CHECK(path_text(o.warnings[2].path) == "IncrementalExportSpecification.Foo");
  CHECK(o.warnings[2].subject == "Foo");
  CHECK(path_text(o.warnings[3].path) == "FilterSpecification.Bar");
  CHECK(request_json(o.value) == R"({"IncrementalExportSpecification":{},"FilterSpecification":{}})");
}

TEST_CASE("responses ignore unknown members (R-DESC-EXTRA)") {
  const auto o = read_response(R"({"ExportDescription":{"ExportArn":"a","DestinationType":"S3","Junk":{"x":[1,2,{}]}},"Other":1})");
  REQUIRE(o.result.ok());
  CHECK(*o.value.export_description->export_arn == "a");
  check_response_fails(R"({"ExportDescription":{"Junk":{"x":1,"x":2}}})",
                       {rule_id::w_dupkey, 36, "ExportDescription.Junk.x"});
  CHECK(read_response("{}").result.ok());
  check_response_fails("", {rule_id::w_json, 0, "", "empty body"});
}

TEST_CASE("read_continuous_backups: the CLI's context object") {
  const std::string_view body =
      R"({"ContinuousBackupsStatus":"ENABLED","PointInTimeRecoveryDescription":{"PointInTimeRecoveryStatus":"ENABLED","RecoveryPeriodInDays":35,"EarliestRestorableDateTime":1.7E9,"LatestRestorableDateTime":1700086400.5}})";
  json::owning_arena storage{body.size()};
  continuous_backups_description d;
  REQUIRE(json::read_continuous_backups(body, d, storage).ok());
  CHECK(d.point_in_time_recovery_description->recovery_period_in_days == 35);
  CHECK(to_epoch_ms(*d.point_in_time_recovery_description->earliest_restorable_date_time) == 1'700'000'000'000);
  CHECK(to_epoch_ms(*d.point_in_time_recovery_description->latest_restorable_date_time) == 1'700'086'400'500);
  continuous_backups_description bad;
  const auto r = json::read_continuous_backups(R"({"PointInTimeRecoveryDescription":{"RecoveryPeriodInDays":2147483648}})", bad, storage);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error->detail == "NUMBER_VALUE cannot be converted to Integer");
}

TEST_CASE("the first violation in body text order wins") {
  // A type error early beats a syntax error later, and vice versa.
  check_fails(R"({"TableArn":1,"S3Bucket":"x)", {rule_id::w_type, 12, "TableArn"});
  check_fails(R"({"TableArn":"x,"S3Bucket":1})", {rule_id::w_json, 16, ""});
  check_fails(R"({"Extra":[1,2,3,{"a":1,"a":2}],"TableArn":5})", {rule_id::w_dupkey, 23, "Extra.a"});
}
