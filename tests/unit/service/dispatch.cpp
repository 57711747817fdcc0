// SERVICE.md §2: the order of handling (V-DISPATCH), the headers of every
// answer (V-HEADERS, V-REQID, V-CRC) and the error bodies (V-ERRBODY).

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fixtures.hpp"

using namespace service_test;

namespace {

constexpr std::string_view amz = "application/x-amz-json-1.0";
constexpr std::string_view list_target = "DynamoDB_20120810.ListExports";
constexpr std::string_view serialization = R"j({"__type":"com.amazon.coral.service#SerializationException"})j";
constexpr std::string_view unknown_operation = R"j({"__type":"com.amazon.coral.service#UnknownOperationException"})j";
constexpr std::int64_t now = 1792000500000;

answer send(endpoint& e, std::string_view method, std::vector<http_header> headers, std::string_view body) {
  auto h = e.send(method, std::move(headers), body, now);
  REQUIRE(h.answer);
  return std::move(*h.answer);
}

void check_404(const answer& a) {
  CHECK(a.status == 404);
  CHECK(a.body == "<UnknownOperationException/>\n");
  CHECK(a.body.size() == 29);
  CHECK(a.crc32 == 3552371480u);
  CHECK_FALSE(header_of(a, "Content-Type"));
  CHECK(header_of(a, "Content-Length") == "29");
}

}  // namespace

TEST_CASE("V-METHOD: a method other than POST gets the 404 page, a GET the health answer") {
  endpoint e;
  for (std::string_view method : {"PUT", "DELETE", "HEAD", "OPTIONS", "post", "PATCH"}) {
    CAPTURE(method);
    check_404(send(e, method, {{"Content-Type", amz}, {"X-Amz-Target", list_target}}, "{}"));
  }
  const answer health = send(e, "GET", {}, "");
  CHECK(health.status == 200);
  CHECK(health.body == "healthy: dynamodb.us-east-1.amazonaws.com ");
  CHECK(health.body.size() == 42);
  CHECK(health.crc32 == 3128867991u);
  CHECK(header_of(health, "Content-Type") == "application/json");  // no request media type
  CHECK(send(e, "GET", {{"content-type", amz}}, "").content_type == amz);
  e.region = "eu-west-1";
  CHECK(send(e, "GET", {}, "").body == "healthy: dynamodb.eu-west-1.amazonaws.com ");
}

TEST_CASE("V-CTYPE: the media type before ';', trimmed, compared exactly") {
  endpoint e;
  for (std::string_view bad : {"Application/JSON", "application/x-amz-json-1.1", "text/plain", "", "application/jsonx",
                               "application/ json"}) {
    CAPTURE(bad);
    check_404(send(e, "POST", {{"Content-Type", bad}, {"X-Amz-Target", list_target}}, "{}"));
  }
  check_404(send(e, "POST", {{"X-Amz-Target", list_target}}, "{}"));  // missing
  for (std::string_view good : {"application/json;charset=x", " application/json ; x=y", "application/x-amz-json-1.0",
                                "\tapplication/x-amz-json-1.0;"}) {
    CAPTURE(good);
    const answer a = send(e, "POST", {{"Content-Type", good}, {"X-Amz-Target", list_target}}, "{}");
    CHECK(a.status == 200);
    CHECK(a.body == R"j({"ExportSummaries":[]})j");
  }
  // An empty body is not judged by its media type: it reaches V-EMPTY.
  const answer empty = send(e, "POST", {{"X-Amz-Target", list_target}}, "");
  CHECK(empty.status == 400);
  CHECK(empty.body == serialization);
}

TEST_CASE("V-HEADERS: Content-Type follows the request's media type; every answer has the four headers") {
  endpoint e;
  const answer json = send(e, "POST", {{"Content-Type", "application/json; charset=utf-8"}, {"X-Amz-Target", list_target}}, "{}");
  CHECK(header_of(json, "Content-Type") == "application/json");
  const answer amz_answer = send(e, "POST", {{"CONTENT-TYPE", "application/x-amz-json-1.0;v=1"}, {"X-Amz-Target", list_target}}, "{}");
  CHECK(header_of(amz_answer, "Content-Type") == std::string{amz});
  const answer error = send(e, "POST", {{"Content-Type", amz}, {"X-Amz-Target", "nope"}}, "{}");
  std::vector<std::string> names;
  error.for_each_header([&](std::string_view n, std::string_view) { names.emplace_back(n); });
  CHECK(names == std::vector<std::string>{"Content-Type", "Content-Length", "x-amzn-RequestId", "x-amz-crc32"});
  CHECK(header_of(error, "Content-Length") == "63");
}

TEST_CASE("V-REQID: 52 base32hex characters, b & 0x1F of the first 52 bytes drawn") {
  endpoint e;
  const answer a = send(e, "POST", {{"Content-Type", amz}, {"X-Amz-Target", list_target}}, "{}");
  CHECK(a.request_id_text() == "0123456789ABCDEFGHIJKLMNOPQRSTUV0123456789ABCDEFGHIJ");
  std::array<std::uint8_t, request_id_size> bytes{};
  bytes.fill(0xFF);
  bytes[1] = 0x20;
  const auto id = service::detail::request_id_from(bytes);
  CHECK(std::string_view{id.data(), 3} == "V0V");
  for (char c : id) CHECK(((c >= '0' && c <= '9') || (c >= 'A' && c <= 'V')));
}

TEST_CASE("V-CRC: x-amz-crc32 is zlib's CRC-32 of the body, unsigned decimal") {
  static_assert(ddbexport::detail::crc32("{}") == 2745614147u);
  endpoint e;
  const answer a = send(e, "POST", {{"Content-Type", amz}, {"X-Amz-Target", list_target}}, "{}");
  CHECK(a.crc32 == ddbexport::detail::crc32(a.body));
  CHECK(header_of(a, "x-amz-crc32") == std::to_string(3102986012u));
}

TEST_CASE("V-CRC: the folding path (64 bytes and more) and the table path agree with a bitwise CRC-32") {
  const auto bitwise = [](std::string_view bytes) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (const char ch : bytes) {
      c ^= static_cast<unsigned char>(ch);
      for (int k = 0; k < 8; ++k) c = (c & 1u) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    return ~c;
  };
  std::string text;
  std::uint32_t state = 12345;
  for (std::size_t size = 0; size <= 1100; ++size) {
    CAPTURE(size);
    const std::uint32_t expected = bitwise(text);
    CHECK(ddbexport::detail::crc32(text) == expected);
    // Any split point: a chunk below 64 bytes, then one above, and the reverse.
    const std::size_t cut = (size * 7) % (size + 1);
    const std::string_view all{text};
    CHECK(ddbexport::detail::crc32_update(ddbexport::detail::crc32_update(0, all.substr(0, cut)), all.substr(cut)) ==
          expected);
    state = state * 1103515245u + 12345u;
    text.push_back(static_cast<char>(state >> 16));
  }
}

TEST_CASE("V-SYNTAX: only JSON-text in UTF-8 passes; depth, duplicates and a non-object top wait for step 7") {
  endpoint e;
  const auto post = [&](std::string_view body, std::string_view target = list_target) {
    return send(e, "POST", {{"Content-Type", amz}, {"X-Amz-Target", target}}, body);
  };
  for (std::string_view bad : {"{", "\xEF\xBB\xBF{}", "{\"a\":\"\xC0\xAF\"}", "{}x", "nul", "{\"a\":01}", "[1,]",
                               "{\"a\" 1}", "'x'", "{\"a\":\"\x01\"}"}) {
    CAPTURE(bad);
    const answer a = post(bad, "DynamoDB_20120810.Nope");  // a bad target too: syntax answers first
    CHECK(a.status == 400);
    CHECK(a.body == serialization);
    CHECK(a.body.size() == 60);
    CHECK(a.crc32 == 3948637019u);
    // A good target: the reader refuses the body, and V-SYNTAX still gives the answer.
    CHECK(post(bad).body == serialization);
  }
  // Valid JSON-text that is no request: step 4 still runs, then step 7 rejects it.
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  for (std::string_view text : {std::string_view{"[1]"}, std::string_view{"\"x\""}, std::string_view{"12"},
                                std::string_view{deep}, std::string_view{"{\"a\":1,\"a\":2}"}}) {
    CHECK(post(text, "DynamoDB_20120810.Nope").body == unknown_operation);
    CHECK(post(text).body == serialization);
  }
  CHECK(service::detail::is_json_text(" {\"a\":[1,-2.5e3,true,false,null,{\"b\":{}}],\"c\":[]} "));
  CHECK_FALSE(service::detail::is_json_text(""));
  CHECK_FALSE(service::detail::is_json_text(std::string(5000, '[') + std::string(4999, ']')));
}

TEST_CASE("V-SYNTAX: a body over 16 MiB gets 413 with an empty body, and the connection closes") {
  endpoint e;
  const std::string big(max_body_bytes + 1, ' ');
  const answer a = send(e, "POST", {{"Content-Type", amz}, {"X-Amz-Target", list_target}}, big);
  CHECK(a.status == 413);
  CHECK(a.body.empty());
  CHECK(a.close_connection);
  CHECK(header_of(a, "Content-Length") == "0");
  CHECK(header_of(a, "x-amz-crc32") == "0");
  CHECK(header_of(a, "x-amzn-RequestId"));
  // A host that stopped reading says so; the media type is still judged first.
  http_header headers[] = {{"Content-Type", amz}};
  counting_bytes random;
  example_context context;
  context.random = &random;
  context.region = "us-east-1";
  http_request partial{"POST", headers, "{\"Ta", true};
  CHECK(handle(partial, context, e.store).answer->status == 413);
  headers[0].value = "text/plain";
  CHECK(handle(partial, context, e.store).answer->status == 404);
  // Exactly 16 MiB is not over the limit (it is JSON, so it reaches the reader's W-LIMIT).
  std::string at_limit(max_body_bytes, ' ');
  at_limit[0] = '{';
  at_limit[max_body_bytes - 1] = '}';
  CHECK(send(e, "POST", {{"Content-Type", amz}, {"X-Amz-Target", list_target}}, at_limit).body == serialization);
}

TEST_CASE("V-TARGET: header name in any case, value exact, one of the three operations") {
  endpoint e;
  for (std::string_view bad : {"DynamoDB_20120810.ListExport", "dynamodb_20120810.ListExports",
                               "DynamoDB_20120810.listExports", "DynamoDB_20120810.ListExports ", "ListExports",
                               "DynamoDB_20120810.Scan", "DynamoDB_20111205.ListExports", ""}) {
    CAPTURE(bad);
    const answer a = send(e, "POST", {{"Content-Type", amz}, {"X-Amz-Target", bad}}, "{}");
    CHECK(a.status == 400);
    CHECK(a.body == unknown_operation);
    CHECK(a.crc32 == 1368724161u);
  }
  CHECK(send(e, "POST", {{"Content-Type", amz}}, "{}").body == unknown_operation);
  CHECK(send(e, "POST", {{"Content-Type", amz}, {"x-amz-target", list_target}}, "{}").status == 200);
  CHECK(send(e, "POST", {{"Content-Type", amz}, {"X-AMZ-TARGET", list_target}}, "{}").status == 200);
}

TEST_CASE("V-EMPTY: an empty body with a known target is a SerializationException") {
  endpoint e;
  for (std::string_view op : {"ExportTableToPointInTime", "DescribeExport", "ListExports"}) {
    const answer a = send(e, "POST", {{"X-Amz-Target", "DynamoDB_20120810." + std::string{op}}}, "");
    CHECK(a.status == 400);
    CHECK(a.body == serialization);
  }
  // Step 4 before step 6: an empty body with an unknown target is UnknownOperationException.
  CHECK(send(e, "POST", {{"X-Amz-Target", "x"}}, "").body == unknown_operation);
}

TEST_CASE("V-DISPATCH: the first failing step answers, in order 1, 2, 3, 4, 6, 7") {
  endpoint e;
  // 1 before 2: a PUT with a bad media type is the 404 page either way; a GET is healthy whatever it carries.
  CHECK(send(e, "GET", {{"Content-Type", "text/plain"}, {"X-Amz-Target", "x"}}, "not json").status == 200);
  // 2 before 3: bad media type and bad JSON.
  check_404(send(e, "POST", {{"Content-Type", "text/plain"}, {"X-Amz-Target", "x"}}, "not json"));
  // 3 before 4: bad JSON and bad target.
  CHECK(send(e, "POST", {{"Content-Type", amz}, {"X-Amz-Target", "x"}}, "not json").body == serialization);
  // 4 before 7: a good body, a bad target.
  CHECK(send(e, "POST", {{"Content-Type", amz}, {"X-Amz-Target", "x"}}, "{}").body == unknown_operation);
  // 7: the operation's own answer.
  CHECK(send(e, "POST", {{"Content-Type", amz}, {"X-Amz-Target", list_target}}, "{}").status == 200);
  CHECK(e.store.size() == 0);
}

TEST_CASE("V-ERRBODY: Message for com.amazon.coral.service with a text, none without, message elsewhere") {
  using json::message_member;
  CHECK(json::service_message_member("com.amazon.coral.service", true) == message_member::Message);
  CHECK(json::service_message_member("com.amazon.coral.service", false) == message_member::none);
  CHECK(json::service_message_member("com.amazon.coral.validate", true) == message_member::message);
  CHECK(json::service_message_member("com.amazonaws.dynamodb.v20120810", true) == message_member::message);
  CHECK(json::service_message_member("com.amazon.coral.availability", true) == message_member::message);
  endpoint e;
  // W-TYPE carries its Coral text, spelled Message.
  const answer typed = e.call("ListExports", R"j({"TableArn":7})j", now);
  CHECK(typed.body ==
        R"j({"__type":"com.amazon.coral.service#SerializationException","Message":"NUMBER_VALUE cannot be converted to String"})j");
  const answer timed = e.call("ExportTableToPointInTime", R"j({"ExportTime":"x"})j", now);
  CHECK(timed.body ==
        R"j({"__type":"com.amazon.coral.service#SerializationException","Message":"STRING_VALUE can not be converted to milliseconds since epoch"})j");
  // W-DUPKEY and W-LIMIT carry none.
  CHECK(e.call("DescribeExport", R"j({"ExportArn":"a","ExportArn":"b"})j", now).body == serialization);
  CHECK(e.call("DescribeExport", "{\"X\":" + std::string(200, '[') + std::string(200, ']') + "}", now).body ==
        serialization);
  // Escaping happens in the body writer: a quote in a message is escaped once.
  std::string body;
  container_output<std::string> out{body};
  write_error_body(error_kind::validation, "a\"b", out);
  CHECK(body == R"j({"__type":"com.amazon.coral.validate#ValidationException","message":"a\"b"})j");
}
