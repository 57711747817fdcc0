// The golden files of the AWS SDK for JavaScript v3 (tests/golden/README.md):
// every request echoes byte for byte, every response echoes to the SDK's own
// rewrite, every error reads to the SDK's code, message, fault and modeled.
#include "ddbexport/json/error_body.hpp"
#include "ddbexport/json/reader.hpp"
#include "ddbexport/json/writer.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/json/detail/lexer.hpp"

#ifndef DDBEXPORT_GOLDEN_DIR
#error "DDBEXPORT_GOLDEN_DIR must name tests/golden"
#endif

using namespace ddbexport;

namespace {

std::vector<std::string> lines_of(const char* name) {
  std::ifstream in(std::string(DDBEXPORT_GOLDEN_DIR) + "/" + name, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open golden file " << name);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// Just enough JSON for the test files' own records: one object whose members
/// are strings, integers, booleans, or objects of strings.
struct record_value {
  std::string text;  // strings decoded; numbers and literals verbatim
  std::map<std::string, std::string> members;
};

std::map<std::string, record_value> parse_record(std::string_view line) {
  std::map<std::string, record_value> out;
  std::size_t pos = 0;
  const auto skip = [&] {
    while (pos < line.size() && detail::is_json_whitespace(line[pos])) ++pos;
  };
  const auto string = [&] {
    detail::string_token token;
    REQUIRE(detail::scan_string(line, pos, token) == detail::lex_error::none);
    std::string text(detail::decoded_size_bound(token), '\0');
    text.resize(detail::decode_string(line, token, text.data()));
    return text;
  };
  skip();
  REQUIRE(line[pos] == '{');
  ++pos;
  for (;;) {
    skip();
    if (line[pos] == '}') break;
    const std::string key = string();
    skip();
    REQUIRE(line[pos] == ':');
    ++pos;
    skip();
    record_value value;
    if (line[pos] == '"') {
      value.text = string();
    } else if (line[pos] == '{') {
      ++pos;
      for (;;) {
        skip();
        if (line[pos] == '}') {
          ++pos;
          break;
        }
        const std::string name = string();
        skip();
        ++pos;  // ':'
        skip();
        value.members[name] = string();
        skip();
        if (line[pos] == ',') ++pos;
      }
    } else {
      const std::size_t start = pos;
      while (pos < line.size() && line[pos] != ',' && line[pos] != '}') ++pos;
      value.text = std::string(line.substr(start, pos - start));
    }
    out[key] = value;
    skip();
    if (line[pos] == ',') ++pos;
  }
  return out;
}

}  // namespace

TEST_CASE("golden: every SDK request echoes byte for byte") {
  const auto requests = lines_of("requests.jsonl");
  CHECK(requests.size() == 365);
  std::size_t line_number = 0;
  for (const auto& body : requests) {
    ++line_number;
    CAPTURE(line_number);
    json::owning_arena storage{body.size()};
    export_request request;
    const auto result = json::read_request(body, request, storage);
    if (!result.ok()) {
      FAIL_CHECK(to_string(result.error->rule) << " " << result.error->detail << " at " << result.error->offset);
      continue;
    }
    std::string echo;
    container_output out{echo};
    json::write_request(request, out);
    CHECK(echo == body);
  }
}

TEST_CASE("golden: every response echoes to the SDK's canonical rewrite") {
  const auto responses = lines_of("responses.jsonl");
  const auto expected = lines_of("responses.expected.jsonl");
  REQUIRE(responses.size() == expected.size());
  CHECK(responses.size() == 123);
  for (std::size_t i = 0; i < responses.size(); ++i) {
    CAPTURE(i + 1);
    json::owning_arena storage{responses[i].size()};
    export_response response;
    const auto result = json::read_response(responses[i], response, storage);
    if (!result.ok()) {
      FAIL_CHECK(to_string(result.error->rule) << " " << result.error->detail << " at " << result.error->offset);
      continue;
    }
    std::string echo;
    container_output out{echo};
    json::write_response(response, out);
    CHECK(echo == expected[i]);
  }
}

TEST_CASE("golden: every error reads as the SDK reads it") {
  const auto errors = lines_of("errors.jsonl");
  const auto expected = lines_of("errors.expected.jsonl");
  REQUIRE(errors.size() == expected.size());
  CHECK(errors.size() == 62);
  for (std::size_t i = 0; i < errors.size(); ++i) {
    CAPTURE(i + 1);
    CAPTURE(errors[i]);
    const auto input = parse_record(errors[i]);
    const auto want = parse_record(expected[i]);
    std::optional<std::string> header;
    if (const auto h = input.find("headers"); h != input.end())
      for (const auto& [name, value] : h->second.members)
        if (detail::equals_ignoring_ascii_case(name, "x-amzn-errortype")) header = value;
    const int status = std::atoi(input.at("status").text.c_str());
    const auto reading = json::read_error(status, input.at("body").text,
                                          header ? std::optional<std::string_view>{*header} : std::nullopt);
    CHECK(reading.http_status == std::atoi(want.at("status").text.c_str()));
    if (want.count("parseError") != 0) {
      CHECK(reading.parse_error);
      CHECK(reading.problem.has_value());
      continue;
    }
    CHECK_FALSE(reading.parse_error);
    CHECK(reading.code == want.at("code").text);
    CHECK(reading.message == want.at("message").text);
    CHECK(to_string(reading.fault) == want.at("fault").text);
    CHECK(reading.modeled == (want.at("modeled").text == "true"));
  }
}
