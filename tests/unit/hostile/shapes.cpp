// Hostile-input catalogue, part 2: wrong types and duplicates in responses,
// error bodies and the ContinuousBackupsDescription; 1,000,000-deep nesting
// in every reader; and a 100 MB string under the default and a raised limit.

#include <array>
#include <chrono>
#include <string>

#include "hostile.hpp"

using namespace ddbexport;
using namespace ddbexport::hostile;
using namespace std::string_literals;

TEST_CASE("hostile: wrong JSON types in a response, member by member (W-TYPE)") {
  const std::string_view strings[] = {"ExportArn", "ExportManifest", "TableArn", "TableId", "ClientToken", "S3Bucket",
                                      "S3BucketOwner", "S3Prefix", "S3SseKmsKeyId", "FailureCode", "FailureMessage",
                                      "ExportStatus", "S3SseAlgorithm", "ExportFormat", "ExportType"};
  for (const auto member : strings) {
    const std::string body = R"({"ExportDescription":{")"s + std::string(member) + R"(":12})";
    response_fails(body + "}", {rule_id::w_type, body.find(":12") + 1, "ExportDescription." + std::string(member),
                                "NUMBER_VALUE cannot be converted to String"});
    const std::string obj = R"({"ExportDescription":{")"s + std::string(member) + R"(":{}}})";
    response_fails(obj, {rule_id::w_type, obj.size() - 4, "ExportDescription." + std::string(member),
                         "Start of structure or map found where not expected"});
  }
  for (const std::string_view member : {"StartTime", "EndTime", "ExportTime"}) {
    const std::string body = R"({"ExportDescription":{")"s + std::string(member) + R"(":"1700000000"}})";
    response_fails(body, {rule_id::w_type, body.find("\"17"), "ExportDescription." + std::string(member),
                          "STRING_VALUE can not be converted to milliseconds since epoch"});
  }
  for (const std::string_view member : {"BilledSizeBytes", "ItemCount"}) {
    const std::string body = R"({"ExportDescription":{")"s + std::string(member) + R"(":null,")" + std::string(member) + R"(":1}})";
    response_fails(body, {rule_id::w_dupkey, body.rfind("\"" + std::string(member)), "ExportDescription." + std::string(member)});
  }
  response_fails(R"({"ExportDescription":"x"})", {rule_id::w_type, 21, "ExportDescription", "Unexpected field type"});
  const std::string_view ies = R"({"ExportDescription":{"IncrementalExportSpecification":[]}})";
  response_fails(ies, {rule_id::w_type, ies.find("[]"), "ExportDescription.IncrementalExportSpecification"});
  // A request member inside a response is still typed: FilterSpecification.
  const std::string_view filter = R"({"ExportDescription":{"FilterSpecification":{"FilterExpression":true}}})";
  response_fails(filter, {rule_id::w_type, filter.find("true"), "ExportDescription.FilterSpecification.FilterExpression",
                  "TRUE_VALUE cannot be converted to String"});
}

TEST_CASE("hostile: wrong types and duplicates in a ContinuousBackupsDescription") {
  backups_fail(R"({"ContinuousBackupsStatus":1})", {rule_id::w_type, 27, "ContinuousBackupsStatus"});
  backups_fail(R"({"PointInTimeRecoveryDescription":[]})", {rule_id::w_type, 34, "PointInTimeRecoveryDescription"});
  backups_fail(R"({"PointInTimeRecoveryDescription":{"RecoveryPeriodInDays":1.5}})",
               {rule_id::w_type, 58, "PointInTimeRecoveryDescription.RecoveryPeriodInDays"});
  backups_fail(R"({"PointInTimeRecoveryDescription":{"RecoveryPeriodInDays":"35"}})",
               {rule_id::w_type, 58, "PointInTimeRecoveryDescription.RecoveryPeriodInDays"});
  const std::string_view dup = R"({"ContinuousBackupsStatus":"ENABLED","ContinuousBackupsStatus":"DISABLED"})";
  backups_fail(dup, {rule_id::w_dupkey, dup.rfind("\"Cont"), "ContinuousBackupsStatus"});
}

TEST_CASE("hostile: error bodies (WIRE.md §7, §8)") {
  const auto err = [](std::string_view body) { return json::read_error(400, body); };
  // Not JSON: a parse error with the reader's diagnostic, whatever the status.
  for (const std::string_view body : {" ", "<html>Bad Gateway</html>", "{", "{\"__type\":\"x\"", "\xEF\xBB\xBF{}", "[]", "null"}) {
    CAPTURE(body);
    const auto r = err(body);
    CHECK(r.parse_error);
    REQUIRE(r.problem.has_value());
    CHECK(info(r.problem->rule).stage == stage::deserialize);
    CHECK(r.code == "Unknown");
    CHECK(r.message == "UnknownError");
  }
  // Wrong member types are parse errors too, with their path.
  const auto type5 = err(R"({"__type":5,"message":"m"})");
  CHECK(type5.parse_error);
  CHECK(type5.problem->rule == rule_id::w_type);
  CHECK(path_text(type5.problem->path) == "__type");
  CHECK(type5.problem->offset == 10);
  const auto msg = err(R"({"__type":"x#TableNotFoundException","message":{"a":1}})");
  CHECK(msg.parse_error);
  CHECK(path_text(msg.problem->path) == "message");
  const auto code = err(R"({"Code":[]})");
  CHECK(code.parse_error);
  // Duplicates, invalid UTF-8 and deep nesting in ignored members are still refused.
  const auto dup = err(R"({"__type":"a","__type":"b"})");
  CHECK(dup.parse_error);
  CHECK(dup.problem->rule == rule_id::w_dupkey);
  CHECK(dup.problem->offset == 14);
  const auto utf = err("{\"__type\":\"TableNotFoundException\",\"Extra\":\"\xC0\x80\"}");
  CHECK(utf.parse_error);
  CHECK(utf.problem->rule == rule_id::w_json);
  const std::string deep = R"({"Extra":)" + std::string(1'000'000, '[');
  const auto d = err(deep);
  CHECK(d.parse_error);
  CHECK(d.problem->rule == rule_id::w_limit);
  CHECK(d.problem->offset == 9 + 127);
  // ERR-BODY for each of them.
  std::vector<diagnostic> findings;
  container_sink sink{findings};
  json::check_error_body(dup, sink);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == rule_id::err_body);
}

namespace {
/// `depth` copies of `open`, then nothing: the reader must stop at its limit.
std::string nest(std::string_view prefix, std::string_view open, std::size_t depth) {
  std::string b(prefix);
  b.reserve(b.size() + open.size() * depth);
  for (std::size_t i = 0; i < depth; ++i) b += open;
  return b;
}
}  // namespace

TEST_CASE("hostile: 1,000,000-deep nesting in every reader stops at the depth limit (W-LIMIT)") {
  constexpr std::size_t million = 1'000'000;
  // Raised body limit: the bodies are megabytes, and the depth must be what stops them.
  constexpr json::read_limits big{.max_body_bytes = std::size_t{64} << 20};
  const auto start = std::chrono::steady_clock::now();
  SUBCASE("objects in an unknown request member") {
    const std::string b = nest(R"({"Extra":)", R"({"a":)", million);
    request_fails(b, {rule_id::w_limit, 9 + 127 * 5, "Extra.a.a"}, big);
  }
  SUBCASE("AttributeValue lists") {
    const std::string prefix = R"({"FilterSpecification":{"ExpressionAttributeValues":{":v":)";
    const std::string b = nest(prefix, R"({"L":[)", million);
    request_fails(b, {rule_id::w_limit, prefix.size() + 62 * 6 + 5, "FilterSpecification.ExpressionAttributeValues.:v"}, big);
  }
  SUBCASE("AttributeValue maps") {
    const std::string prefix = R"({"FilterSpecification":{"ExpressionAttributeValues":{":v":)";
    const std::string b = nest(prefix, R"({"M":{"k":)", million);
    const auto o = read_request(b, big);
    REQUIRE_FALSE(o.result.ok());
    CHECK(o.result.error->rule == rule_id::w_limit);
    CHECK(o.result.error->detail == "nesting deeper than 128");
    const auto small = read_request(b);
    REQUIRE_FALSE(small.result.ok());
    CHECK(small.result.error->offset == json::default_max_body_bytes);  // the size limit comes first
  }
  SUBCASE("a response") {
    // The description is level 2, so the 127th '[' is level 129.
    const std::string prefix = R"({"ExportDescription":{"DestinationType":)";
    const std::string b = nest(prefix, "[", million);
    response_fails(b, {rule_id::w_limit, prefix.size() + 126, "ExportDescription.DestinationType"}, big);
  }
  SUBCASE("a ContinuousBackupsDescription") {
    const std::string b = nest(R"({"Extra":)", "[", million);
    backups_fail(b, {rule_id::w_limit, 9 + 127, "Extra"}, big);
  }
  SUBCASE("a raised depth limit is capped where the parser's stack is safe") {
    const std::string b = nest(R"({"Extra":)", "[", million);
    const auto o = read_request(b, {.max_body_bytes = std::size_t{16} << 20, .max_depth = million * 10});
    REQUIRE_FALSE(o.result.ok());
    CHECK(o.result.error->rule == rule_id::w_limit);
  }
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("hostile: a 100 MB string, under the default limit and a raised one") {
  // Built once; the string has no escapes, so a successful read views the
  // body and the reader's storage stays small.
  static const std::string body = [] {
    std::string b = R"({"S3Prefix":")";
    b.append(std::size_t{100} << 20, 'p');
    b += R"("})";
    return b;
  }();
  alignas(std::max_align_t) static std::array<std::byte, 1 << 16> storage_bytes;
  SUBCASE("default limit: W-LIMIT at the first byte past 1 MiB") {
    json::arena storage{storage_bytes};
    export_request r;
    const auto result = json::read_request(body, r, storage);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error->rule == rule_id::w_limit);
    CHECK(result.error->offset == json::default_max_body_bytes);
    CHECK(path_text(result.error->path).empty());
    CHECK(result.error->detail == "body larger than 1048576 bytes");
  }
  SUBCASE("raised limit: read, viewed in place, validated") {
    json::arena storage{storage_bytes};
    export_request r;
    const auto result = json::read_request(body, r, storage, {.max_body_bytes = body.size()});
    REQUIRE(result.ok());
    REQUIRE(r.s3_prefix.has_value());
    CHECK(r.s3_prefix->size() == std::size_t{100} << 20);
    CHECK(r.s3_prefix->data() == body.data() + 13);
    // The validator counts its length: S-PREFIX-LEN (over 1024) among the rest.
    collect_sink<16> sink;
    (void)validate(r, sink);
    CHECK(sink.has(rule_id::s_prefix_len));
  }
  SUBCASE("one byte over a raised limit") {
    json::arena storage{storage_bytes};
    export_request r;
    const auto result = json::read_request(body, r, storage, {.max_body_bytes = body.size() - 1});
    REQUIRE_FALSE(result.ok());
    CHECK(result.error->rule == rule_id::w_limit);
    CHECK(result.error->offset == body.size() - 1);
  }
}
