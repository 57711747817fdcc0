// Hostile-input catalogue, part 1: malformed JSON of every kind, invalid
// UTF-8, surrogates, NUL and numbers, each with the documented diagnostic
// (WIRE.md §8, RULES.md §3.1). Cases the wire layer's own tests already pin
// (tests/unit/json/reader.cpp) are not repeated here; this file covers the
// rest: other positions, other readers, and the forms a hostile peer sends.

#include <string>

#include "hostile.hpp"

using namespace ddbexport;
using namespace ddbexport::hostile;
using namespace std::string_literals;

TEST_CASE("hostile: JSON syntax a strict reader must refuse (W-JSON)") {
  struct row {
    std::string_view body;
    std::string_view at;  ///< where the diagnostic points (first occurrence)
    std::string_view path;
  };
  const row rows[] = {
      {R"({"TableArn":"a")", "", ""},                       // unterminated object: end of body
      {R"({"TableArn":})", "}", "TableArn"},                // missing value
      {R"({TableArn:"a"})", "TableArn", ""},                // unquoted name
      {R"({'TableArn':"a"})", "'", ""},                     // single quotes
      {R"({"TableArn":"a" // c
})", "/", ""},                                             // line comment
      {R"({/* c */"TableArn":"a"})", "/", ""},              // block comment
      {R"({"Extra":[1,]})", "]", "Extra"},                  // trailing comma in an array
      {R"({"Extra":[,1]})", ",", "Extra"},                  // leading comma
      {R"({"Extra":0x10})", "x10", ""},                       // hexadecimal
      {R"({"Extra":NaN})", "N", "Extra"},                   // NaN
      {R"({"Extra":Infinity})", "I", "Extra"},              // Infinity
      {R"({"Extra":-Infinity})", "I", "Extra"},             // -Infinity
      {R"({"Extra":nul})", "n", "Extra"},                   // truncated literal
      {R"({"Extra":True})", "T", "Extra"},                  // capitalised literal
      {R"({"Extra":--1})", "-1", "Extra"},                  // double sign
      {R"({"Extra":1e})", "}", "Extra"},                    // exponent without digits
      {R"({"Extra":"\u"})", "\\u", "Extra"},                // short \u escape
      {R"({"Extra":"\U0041"})", "\\U", "Extra"},            // upper-case \U
      {R"({"Extra":"\'"})", "\\'", "Extra"},                // \' is not JSON
      {R"({"Extra":"a"}})", "}}", ""},                      // one brace too many
      {R"({"Extra":{"a":1})", "", ""},                      // one brace too few
      {R"({"Extra":[}})", "}", "Extra"},                    // mismatched bracket
      {R"({"Extra" : : 1})", ": 1", "Extra"},                    // double colon
      {R"({"":1,})", "}", ""},                              // trailing comma in an object
  };
  for (const auto& r : rows) {
    CAPTURE(r.body);
    const auto o = read_request(r.body);
    REQUIRE_FALSE(o.result.ok());
    CHECK(to_string(o.result.error->rule) == "W-JSON");
    // An empty `at` means the end of the body.
    std::size_t want = r.at.empty() ? r.body.size() : r.body.find(r.at);
    if (r.at == "}}") want += 1;
    CHECK(o.result.error->offset == want);
    CHECK(path_text(o.result.error->path) == r.path);
  }
}

TEST_CASE("hostile: invalid UTF-8 outside string values (W-JSON)") {
  // Between tokens, in member names of unknown members and map keys, and in
  // AttributeValue strings: the reader checks every byte, not only values.
  request_fails("{\xC2\xA0\"TableArn\":\"a\"}", {rule_id::w_json, 1, ""});
  request_fails("{\"Extra\xFF\":1}", {rule_id::w_json, 7, "", "invalid UTF-8"});
  request_fails("{\"FilterSpecification\":{\"ExpressionAttributeNames\":{\"#\xC0\xAF\":\"x\"}}}",
                {rule_id::w_json, 54, "FilterSpecification.ExpressionAttributeNames", "invalid UTF-8"});
  const std::string av = "{\"FilterSpecification\":{\"ExpressionAttributeValues\":{\":v\":{\"SS\":[\"ok\",\"\xED\xB0\x80\"]}}}}";
  request_fails(av, {rule_id::w_json, av.find("\xED"), "FilterSpecification.ExpressionAttributeValues.:v", "invalid UTF-8"});
  // Overlong encodings of '"' and '\' cannot end a string or start an escape.
  request_fails("{\"S3Prefix\":\"\xC0\xA2\"}", {rule_id::w_json, 13, "S3Prefix", "invalid UTF-8"});
  request_fails("{\"S3Prefix\":\"\xC1\x9C\"}", {rule_id::w_json, 13, "S3Prefix", "invalid UTF-8"});
  request_fails("{\"S3Prefix\":\"\xE0\x80\xA2\"}", {rule_id::w_json, 13, "S3Prefix", "invalid UTF-8"});
  // A 4-byte sequence cut by the closing quote.
  request_fails("{\"S3Prefix\":\"\xF0\x9F\x98\"}", {rule_id::w_json, 13, "S3Prefix", "invalid UTF-8"});
}

TEST_CASE("hostile: surrogates, escaped and encoded") {
  // Escaped lone surrogates are text (WTF-8), anywhere a string may be,
  // including map keys and AttributeValues; they echo as escapes.
  CHECK(request_echo(R"({"FilterSpecification":{"ExpressionAttributeNames":{"\udc00":"\ud800"}}})") ==
        R"({"FilterSpecification":{"ExpressionAttributeNames":{"\udc00":"\ud800"}}})");
  CHECK(request_echo(R"({"FilterSpecification":{"ExpressionAttributeValues":{":v":{"SS":["\ud800\ud800","\udfff"]}}}})") ==
        R"({"FilterSpecification":{"ExpressionAttributeValues":{":v":{"SS":["\ud800\ud800","\udfff"]}}}})");
  // A low before a high is two lone surrogates; high+low is one character.
  CHECK(request_echo(R"({"ClientToken":"\udc00\ud800"})") == R"({"ClientToken":"\udc00\ud800"})");
  CHECK(request_echo(R"({"ClientToken":"\uD83D\uDE00"})") == "{\"ClientToken\":\"\xF0\x9F\x98\x80\"}");
  // So an escaped pair and the raw character are the same name: a duplicate.
  const std::string dup = "{\"FilterSpecification\":{\"ExpressionAttributeNames\":{\"\\ud83d\\ude00\":\"a\",\"\xF0\x9F\x98\x80\":\"b\"}}}";
  request_fails(dup, {rule_id::w_dupkey, dup.find("\xF0") - 1, "FilterSpecification.ExpressionAttributeNames.\xF0\x9F\x98\x80"});
  // Raw (encoded) surrogates are not UTF-8, in any position.
  request_fails("{\"ClientToken\":\"\xED\xA0\xBD\xED\xB8\x80\"}", {rule_id::w_json, 16, "ClientToken", "invalid UTF-8"});
  request_fails("{\"\xED\xA0\x80\":1}", {rule_id::w_json, 2, "", "invalid UTF-8"});
  // An escaped surrogate followed by a non-surrogate escape stays lone.
  CHECK(request_echo(R"({"S3Prefix":"\ud800\u0041"})") == R"({"S3Prefix":"\ud800A"})");
}

TEST_CASE("hostile: NUL, raw and escaped") {
  // Raw NUL is a control character inside a string and junk outside one.
  request_fails("{\"TableArn\":\"a\0b\"}"s, {rule_id::w_json, 14, "TableArn", "unescaped control character in a string"});
  request_fails("{\"Table\0Arn\":1}"s, {rule_id::w_json, 7, ""});
  request_fails("{\0\"TableArn\":\"a\"}"s, {rule_id::w_json, 1, ""});
  request_fails("\0{}"s, {rule_id::w_json, 0, ""});
  // Escaped NUL is an ordinary character: kept, counted, written back escaped.
  const auto o = read_request(R"({"TableArn":"a\u0000b","\u0000":1})");
  REQUIRE(o.result.ok());
  CHECK(*o.value.table_arn == "a\0b"s);
  REQUIRE(o.warnings.size() == 1);
  CHECK(o.warnings[0].rule == rule_id::w_unknown);
  CHECK(o.warnings[0].subject == "\0"s);
  CHECK(canonical(o.value) == R"({"TableArn":"a\u0000b"})");
  CHECK(request_echo(R"({"FilterSpecification":{"ExpressionAttributeNames":{"\u0000":"\u0000"}}})") ==
        R"({"FilterSpecification":{"ExpressionAttributeNames":{"\u0000":"\u0000"}}})");
}

TEST_CASE("hostile: numbers the SDK would mangle") {
  // Longs: 1e400, -0, fractions, huge digit strings, in a response.
  const auto count = [](std::string_view v) { return R"({"ExportDescription":{"ItemCount":)"s + std::string(v) + "}}"; };
  response_fails(count("1e400"), {rule_id::w_type, 34, "ExportDescription.ItemCount", "DECIMAL_VALUE cannot be converted to Long"});
  response_fails(count("-1E400"), {rule_id::w_type, 34, "ExportDescription.ItemCount", "DECIMAL_VALUE cannot be converted to Long"});
  response_fails(count(std::string(100000, '9')),
                 {rule_id::w_type, 34, "ExportDescription.ItemCount", "NUMBER_VALUE cannot be converted to Long"});
  response_fails(count("0.0"), {rule_id::w_type, 34, "ExportDescription.ItemCount", "DECIMAL_VALUE cannot be converted to Long"});
  CHECK(response_echo(count("-0")) == R"({"ExportDescription":{"ItemCount":0}})");
  // Timestamps: exponents that overflow any integer, subnormals, -0, and
  // 100,000 digits, on each timestamp member.
  const auto time = [](std::string_view member, std::string_view v) {
    return "{\"" + std::string(member) + "\":" + std::string(v) + "}";
  };
  request_fails(time("ExportTime", "1e99999999999999999999"),
                {rule_id::w_time, 14, "ExportTime", "DECIMAL_VALUE can not be converted to milliseconds since epoch"});
  request_fails(time("ExportTime", std::string(100000, '7')),
                {rule_id::w_time, 14, "ExportTime", "NUMBER_VALUE can not be converted to milliseconds since epoch"});
  request_fails(time("ExportTime", "1.7976931348623157e308"),
                {rule_id::w_time, 14, "ExportTime", "DECIMAL_VALUE can not be converted to milliseconds since epoch"});
  CHECK(request_echo(time("ExportTime", "1e-99999999999999999999")) == R"({"ExportTime":0})");
  CHECK(request_echo(time("ExportTime", "4.9e-324")) == R"({"ExportTime":0})");
  CHECK(request_echo(time("ExportTime", "-0.0e0")) == R"({"ExportTime":0})");
  CHECK(request_echo(time("ExportTime", "0." + std::string(100000, '0') + "1")) == R"({"ExportTime":0})");
  CHECK(request_echo(time("ExportTime", "1" + std::string(12, '0') + "." + std::string(1000, '0'))) ==
        R"({"ExportTime":1000000000000})");
  // Unknown members may hold any well-formed number: they are skipped.
  CHECK(request_echo(R"({"Extra":[1e400,-0,1e-400,123456789012345678901234567890]})") == "{}");
}

TEST_CASE("hostile: timestamps far outside the range, on every timestamp member") {
  const std::string_view far[] = {"1e20", "-1e20", "8640000000000.0005", "-8640000000001", "9.999e15"};
  for (const auto v : far) {
    const std::string from = R"({"IncrementalExportSpecification":{"ExportFromTime":)"s + std::string(v) + "}}";
    request_fails(from, {rule_id::w_time, 52, "IncrementalExportSpecification.ExportFromTime"});
    const std::string to = R"({"IncrementalExportSpecification":{"ExportToTime":)"s + std::string(v) + "}}";
    request_fails(to, {rule_id::w_time, 50, "IncrementalExportSpecification.ExportToTime"});
    for (const std::string_view member : {"StartTime", "EndTime", "ExportTime"}) {
      const std::string body = R"({"ExportDescription":{")"s + std::string(member) + "\":" + std::string(v) + "}}";
      response_fails(body, {rule_id::w_time, body.find(v), "ExportDescription." + std::string(member)});
    }
    const std::string pitr =
        R"({"PointInTimeRecoveryDescription":{"LatestRestorableDateTime":)"s + std::string(v) + "}}";
    backups_fail(pitr, {rule_id::w_time, pitr.find(v), "PointInTimeRecoveryDescription.LatestRestorableDateTime"});
  }
  // The edges themselves are in range, on the same members.
  CHECK(request_echo(R"({"IncrementalExportSpecification":{"ExportFromTime":-8640000000000,"ExportToTime":8640000000000}})") ==
        R"({"IncrementalExportSpecification":{"ExportFromTime":-8640000000000,"ExportToTime":8640000000000}})");
  CHECK(request_echo(R"({"ExportTime":8640000000000.0004})") == R"({"ExportTime":8640000000000})");
  // 0.0004999 s is past half the double's spacing at 8.64e12 (2^-11 s): the
  // nearest double is 8640000000000.000977, which rounds to 8640000000000001
  // ms, out of range (as Math.round(x * 1000) gives in the SDK).
  request_fails(R"({"ExportTime":8640000000000.0004999})",
                {rule_id::w_time, 14, "ExportTime", "DECIMAL_VALUE can not be converted to milliseconds since epoch"});
}
