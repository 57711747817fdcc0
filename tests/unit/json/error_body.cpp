#include "ddbexport/json/error_body.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ddbexport/validate/sinks.hpp"

using namespace ddbexport;

namespace {
std::vector<diagnostic> checks_of(const json::error_reading& r) {
  std::vector<diagnostic> found;
  container_sink<std::vector<diagnostic>> sink{found};
  json::check_error_body(r, sink);
  return found;
}
std::string echo_of(const json::error_reading& r) {
  std::string text;
  container_output out{text};
  json::write_error_echo(r, out);
  return text;
}
}  // namespace

TEST_CASE("sanitize_error_code: WIRE.md §7's examples") {
  static_assert(json::sanitize_error_code("ns#TableNotFoundException") == "TableNotFoundException");
  static_assert(json::sanitize_error_code("TableNotFoundException:http://internal.amazon.com/coral/x") ==
                "TableNotFoundException");
  static_assert(json::sanitize_error_code("x#TableNotFoundException:http://x/") == "TableNotFoundException");
  static_assert(json::sanitize_error_code("TableNotFoundException,Other") == "TableNotFoundException");
  static_assert(json::sanitize_error_code("a#TableNotFoundException#b") == "TableNotFoundException");
  static_assert(json::sanitize_error_code("a:b#TableNotFoundException") == "a");
  static_assert(json::sanitize_error_code("ns#").empty());
  static_assert(json::sanitize_error_code("").empty());
  CHECK(json::sanitize_error_code("a,b:c#d") == "a");
}

TEST_CASE("read_error: code precedence and message fallbacks") {
  auto r = json::read_error(400, R"({"Code":"A","__type":"ns#B","code":"C"})", "D");
  CHECK(r.code == "B");
  CHECK(r.code_source == json::error_code_source::type_member);
  r = json::read_error(400, R"({"cOdE":null,"CODE":"X#ExportConflictException"})", "D");
  CHECK(r.code == "ExportConflictException");
  CHECK(r.code_source == json::error_code_source::code_member);
  CHECK(r.modeled);
  r = json::read_error(400, "", "D");
  CHECK(r.code == "D");
  CHECK(r.message == "UnknownError");
  r = json::read_error(503, "");
  CHECK(r.code == "Unknown");
  CHECK(r.fault == fault::server);
  r = json::read_error(400, R"({"__type":null,"message":"","Message":"upper"})");
  CHECK(r.code == "Unknown");
  CHECK(r.message == "upper");
  r = json::read_error(400, R"({"message":"esc \u00e9 \ud83d\ude00"})");
  CHECK(r.message == "esc \xC3\xA9 \xF0\x9F\x98\x80");
}

TEST_CASE("read_error: unreadable bodies") {
  const auto syntax = json::read_error(502, "Bad Gateway");
  CHECK(syntax.parse_error);
  CHECK(syntax.problem->rule == rule_id::w_json);
  CHECK(syntax.fault == fault::server);
  CHECK(json::read_error(400, "  ").parse_error);
  CHECK(json::read_error(400, "[]").parse_error);
  const auto type_not_string = json::read_error(400, R"({"__type":5,"message":"m"})");
  CHECK(type_not_string.parse_error);
  CHECK(type_not_string.problem->rule == rule_id::w_type);
  CHECK(type_not_string.problem->detail == "NUMBER_VALUE cannot be converted to String");
  CHECK(type_not_string.problem->offset == 10);
  CHECK(json::read_error(400, R"({"__type":"T","code":{}})").parse_error);
  CHECK(json::read_error(400, R"({"__type":"T","Message":["m"]})").problem->rule == rule_id::w_type);
  CHECK(json::read_error(400, R"({"__type":"T","message":"a","message":"b"})").problem->rule == rule_id::w_dupkey);
  CHECK_FALSE(json::read_error(400, R"({"__type":"T","message":null,"Extra":{"x":[1]}})").parse_error);
}

TEST_CASE("check_error_body: ERR-BODY, ERR-NAME, ERR-NS") {
  CHECK(checks_of(json::read_error(400, R"({"__type":"com.amazonaws.dynamodb.v20120810#TableNotFoundException","message":"m"})")).empty());
  CHECK(checks_of(json::read_error(400, R"({"__type":"com.amazon.coral.service#AccessDeniedException","Message":"m"})")).empty());
  CHECK(checks_of(json::read_error(400, R"({"__type":"TableNotFoundException"})")).empty());

  auto found = checks_of(json::read_error(400, "<html>"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == rule_id::err_body);

  found = checks_of(json::read_error(400, R"({"code":"TableNotFoundException","message":"m"})"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == rule_id::err_body);

  found = checks_of(json::read_error(400, R"({"__type":"com.amazonaws.dynamodb.v20120810#SomethingNewException"})"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == rule_id::err_name);
  CHECK(found[0].subject == "SomethingNewException");

  found = checks_of(json::read_error(400, R"({"__type":"aws.foo.bar#TableNotFoundException","message":"m"})"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == rule_id::err_ns);
  CHECK(found[0].subject == "aws.foo.bar");
  CHECK(found[0].detail == "com.amazonaws.dynamodb.v20120810");

  found = checks_of(json::read_error(400, R"({"__type":"com.amazonaws.dynamodb.v20120810#ValidationException"})"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == rule_id::err_ns);
}

TEST_CASE("write_error_echo: raw __type, else the code; message as read") {
  CHECK(echo_of(json::read_error(400, R"({"Message":"m\/","__type":"ns#X:y","Extra":1})")) ==
        R"({"__type":"ns#X:y","message":"m/"})");
  CHECK(echo_of(json::read_error(400, R"({"message":"m"})", "ExportConflictException:http://x")) ==
        R"({"__type":"ExportConflictException","message":"m"})");
  CHECK(echo_of(json::read_error(400, "")) == R"({"__type":"Unknown","message":"UnknownError"})");
}
