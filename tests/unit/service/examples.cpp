// SERVICE.md §8: the worked examples E1–E7, byte for byte (status,
// Content-Length, x-amz-crc32, body), in the order the spec tells them.

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "fixtures.hpp"

using namespace service_test;

namespace {

constexpr std::string_view e1_request =
    R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders","S3Bucket":"ddb-exports-demo","ClientToken":"6c1f0a52-9d3e-4b7a-8f21-3c5d7e9a0b14"})j";
constexpr std::string_view e1_answer =
    R"j({"ExportDescription":{"ExportArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/01792000000500-34353637","ExportStatus":"IN_PROGRESS","StartTime":1792000000.5,"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders","TableId":"0b5e7c1d-92f4-4a3b-8e6d-5c4f3a2b1e0d","ExportTime":1792000000.5,"ClientToken":"6c1f0a52-9d3e-4b7a-8f21-3c5d7e9a0b14","S3Bucket":"ddb-exports-demo","S3SseAlgorithm":"AES256","ExportFormat":"DYNAMODB_JSON"}})j";
constexpr std::string_view e2_request =
    R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders","S3Bucket":"ddb-exports-demo","ClientToken":"e2b7c9d1-4f6a-4c3e-9b8d-0a1f2e3d4c5b","S3Prefix":"exports/orders","ExportType":"INCREMENTAL_EXPORT","IncrementalExportSpecification":{"ExportFromTime":1791999000}})j";
constexpr std::string_view e2_answer =
    R"j({"ExportDescription":{"ExportArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/01792000300250-34353637","ExportStatus":"IN_PROGRESS","StartTime":1792000300.25,"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders","TableId":"0b5e7c1d-92f4-4a3b-8e6d-5c4f3a2b1e0d","ClientToken":"e2b7c9d1-4f6a-4c3e-9b8d-0a1f2e3d4c5b","S3Bucket":"ddb-exports-demo","S3Prefix":"exports/orders","S3SseAlgorithm":"AES256","ExportFormat":"DYNAMODB_JSON","ExportType":"INCREMENTAL_EXPORT","IncrementalExportSpecification":{"ExportFromTime":1791999000,"ExportToTime":1792000300,"ExportViewType":"NEW_AND_OLD_IMAGES"}}})j";
constexpr std::string_view e3_answer =
    R"j({"ExportDescription":{"ExportArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/01792000000500-34353637","ExportStatus":"COMPLETED","StartTime":1792000000.5,"EndTime":1792000153.25,"ExportManifest":"AWSDynamoDB/01792000000500-34353637/manifest-summary.json","TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders","TableId":"0b5e7c1d-92f4-4a3b-8e6d-5c4f3a2b1e0d","ExportTime":1792000000.5,"ClientToken":"6c1f0a52-9d3e-4b7a-8f21-3c5d7e9a0b14","S3Bucket":"ddb-exports-demo","S3SseAlgorithm":"AES256","ExportFormat":"DYNAMODB_JSON","BilledSizeBytes":348160,"ItemCount":1200}})j";
constexpr std::string_view e4_request =
    R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders-v2","S3Bucket":"no-such-bucket-4711","ClientToken":"91d4f3a2-5b6c-4e7d-8f90-a1b2c3d4e5f6"})j";
constexpr std::string_view e4_answer =
    R"j({"ExportDescription":{"ExportArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders-v2/export/01792000200000-34353637","ExportStatus":"FAILED","StartTime":1792000200,"EndTime":1792000211.125,"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders-v2","TableId":"7a9d2e4f-1c3b-4d5e-a6f7-8b9c0d1e2f3a","ExportTime":1792000200,"ClientToken":"91d4f3a2-5b6c-4e7d-8f90-a1b2c3d4e5f6","S3Bucket":"no-such-bucket-4711","S3SseAlgorithm":"AES256","FailureCode":"S3NoSuchBucket","FailureMessage":"The specified bucket does not exist (Service: Amazon S3; Status Code: 404; Error Code: NoSuchBucket; Request ID: STUVWXYZ01234567; S3 Extended Request ID: UFFSU1RVVldYWVpbXF1eX2BhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4SFhoc=; Proxy: null)","ExportFormat":"DYNAMODB_JSON"}})j";

constexpr std::string_view arn_a = "arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/01792000000500-34353637";
constexpr std::string_view arn_b = "arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/01792000300250-34353637";
constexpr std::string_view arn_c =
    "arn:aws:dynamodb:us-east-1:123456789012:table/orders-v2/export/01792000200000-34353637";
constexpr std::string_view request_id = "0123456789ABCDEFGHIJKLMNOPQRSTUV0123456789ABCDEFGHIJ";

void check_answer(const answer& a, int status, std::size_t length, std::uint32_t crc, std::string_view body) {
  CHECK(a.status == status);
  CHECK(a.body == body);
  CHECK(a.body.size() == length);
  CHECK(a.crc32 == crc);
  CHECK(header_of(a, "Content-Length") == std::to_string(length));
  CHECK(header_of(a, "x-amz-crc32") == std::to_string(crc));
  CHECK(header_of(a, "x-amzn-RequestId") == std::string{request_id});
  CHECK(header_of(a, "Content-Type") == std::string{"application/x-amz-json-1.0"});
}

std::string describe_body(std::string_view arn) { return R"j({"ExportArn":")j" + std::string{arn} + R"j("})j"; }

}  // namespace

TEST_CASE("E1 V-EXP-CREATE V-EXP-RECORD V-REQID V-CRC V-HEADERS: a new full export") {
  endpoint e;
  const answer a = e.call("ExportTableToPointInTime", e1_request, 1792000000500);
  check_answer(a, 200, 456, 3473897124u, e1_answer);
  CHECK(a.recorded_export_arn == std::string{arn_a});
  CHECK(e.store.size() == 1);
  CHECK(e.last_drawn == 56);  // 52 request-id bytes, then 4 export-id bytes
}

TEST_CASE("E2 V-EXP-CREATE: incremental, with the defaults back-filled") {
  endpoint e;
  const answer a = e.call("ExportTableToPointInTime", e2_request, 1792000300250);
  check_answer(a, 200, 620, 3787316501u, e2_answer);
  REQUIRE_FALSE(complete(e.store, arn_b, from_epoch_ms(1792000400000), 0, 0));
  bool seen = false;
  e.store.find_by_arn(arn_b, [&](const export_record& r) {
    seen = true;
    CHECK(r.description.export_manifest == std::optional<std::string_view>{
                                               "exports/orders/AWSDynamoDB/01792000300250-34353637/manifest-summary.json"});
    CHECK(r.description.billed_size_bytes >= 10000000);
  });
  CHECK(seen);
}

TEST_CASE("E3 V-EXP-REPLAY V-LIFE-COMPLETE: completion, then a replay that stores nothing") {
  endpoint e;
  check_answer(e.call("ExportTableToPointInTime", e1_request, 1792000000500), 200, 456, 3473897124u, e1_answer);
  REQUIRE_FALSE(complete(e.store, arn_a, from_epoch_ms(1792000153250), 1200, 348160));
  const answer replay = e.call("ExportTableToPointInTime", e1_request, 1792000400000);
  check_answer(replay, 200, 597, 3964673191u, e3_answer);
  CHECK_FALSE(replay.recorded_export_arn);
  CHECK(e.store.size() == 1);
  CHECK(e.last_drawn == 52);  // no export-id bytes for a replay
  check_answer(e.call("DescribeExport", describe_body(arn_a), 1792000400001), 200, 597, 3964673191u, e3_answer);
}

TEST_CASE("E4 V-LIFE-FAIL V-FAIL-MESSAGE V-DESC-OK: a failed export") {
  endpoint e;
  const answer created = e.call("ExportTableToPointInTime", e4_request, 1792000200000);
  REQUIRE(created.status == 200);
  counting_bytes helper{0x40};
  std::string message;
  container_output<std::string> out{message};
  write_failure_message(failure_cause::no_such_bucket, {}, helper, out);
  CHECK(helper.drawn == 72);
  REQUIRE_FALSE(fail(e.store, arn_c, from_epoch_ms(1792000211125), "S3NoSuchBucket", message));
  check_answer(e.call("DescribeExport", describe_body(arn_c), 1792000300000), 200, 777, 1396327004u, e4_answer);
}

TEST_CASE("E5 V-DESC-NOTFOUND V-DESC-RESOURCE V-DESC-ACCESS V-DESC-REGION: DescribeExport errors") {
  endpoint e;
  check_answer(e.call("ExportTableToPointInTime", e1_request, 1792000000500), 200, 456, 3473897124u, e1_answer);
  struct row {
    std::string_view arn;
    std::size_t length;
    std::uint32_t crc;
    std::string_view body;
  };
  const row rows[] = {
      {"arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/01792000000500-deadbeef", 201, 3694293218u,
       R"j({"__type":"com.amazonaws.dynamodb.v20120810#ExportNotFoundException","message":"Export not found: Export not found: arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/01792000000500-deadbeef"})j"},
      {"arn:aws:dynamodb:us-east-1:123456789012:table/orders", 89, 1385714698u,
       R"j({"__type":"com.amazon.coral.validate#ValidationException","message":"Invalid Export ARN"})j"},
      {"arn:aws:dynamodb:us-east-1:210987654321:table/orders/export/01792000000500-34353637", 88, 784354264u,
       R"j({"__type":"com.amazon.coral.service#AccessDeniedException","Message":"Access is denied"})j"},
      {"arn:aws:dynamodb:us-west-2:123456789012:table/orders/export/01792000000500-34353637", 118, 500209792u,
       R"j({"__type":"com.amazonaws.dynamodb.v20120810#ExportNotFoundException","message":"Export not found: Invalid export arn"})j"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.arn);
    check_answer(e.call("DescribeExport", describe_body(r.arn), 1792000400000), 400, r.length, r.crc, r.body);
  }
}

TEST_CASE("E6 V-LIST-ORDER V-LIST-PAGE V-LIST-SUMMARY V-LIST-OUT V-LIST-SCOPE: a paged listing") {
  endpoint e;
  check_answer(e.call("ExportTableToPointInTime", e1_request, 1792000000500), 200, 456, 3473897124u, e1_answer);
  check_answer(e.call("ExportTableToPointInTime", e2_request, 1792000300250), 200, 620, 3787316501u, e2_answer);
  REQUIRE_FALSE(complete(e.store, arn_a, from_epoch_ms(1792000153250), 1200, 348160));
  REQUIRE(e.call("ExportTableToPointInTime", e4_request, 1792000200000).status == 200);
  counting_bytes helper{0x40};
  std::string message;
  container_output<std::string> out{message};
  write_failure_message(failure_cause::no_such_bucket, {}, helper, out);
  REQUIRE_FALSE(fail(e.store, arn_c, from_epoch_ms(1792000211125), "S3NoSuchBucket", message));

  constexpr std::int64_t now = 1792000500000;
  constexpr std::string_view token = "6f72646572732f6578706f72742f30313739323030303030303530302d3334333533363337";
  check_answer(
      e.call("ListExports", R"j({"MaxResults":2})j", now), 200, 427, 1945162616u,
      R"j({"ExportSummaries":[{"ExportArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/01792000300250-34353637","ExportStatus":"IN_PROGRESS","ExportType":"INCREMENTAL_EXPORT"},{"ExportArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/01792000000500-34353637","ExportStatus":"COMPLETED","ExportType":"FULL_EXPORT"}],"NextToken":"6f72646572732f6578706f72742f30313739323030303030303530302d3334333533363337"})j");
  check_answer(
      e.call("ListExports", R"j({"MaxResults":2,"NextToken":")j" + std::string{token} + R"j("})j", now), 200, 175,
      3884708632u,
      R"j({"ExportSummaries":[{"ExportArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders-v2/export/01792000200000-34353637","ExportStatus":"FAILED","ExportType":"FULL_EXPORT"}]})j");
  check_answer(e.call("ListExports",
                      R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders-v2","NextToken":")j" +
                          std::string{token} + R"j("})j",
                      now),
               200, 22, 3102986012u, R"j({"ExportSummaries":[]})j");
  e.tables.ids.erase(std::string{orders_arn});  // DeleteTable
  check_answer(e.call("ListExports", R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders"})j", now),
               200, 22, 3102986012u, R"j({"ExportSummaries":[]})j");
}

TEST_CASE("E7 V-LIST-TOKEN V-LIST-SHAPE V-TARGET: front-end and listing errors") {
  endpoint e;
  check_answer(e.call("ListExports", R"j({"NextToken":"zz"})j", 1792000500000), 400, 121, 4271062615u,
               R"j({"__type":"com.amazon.coral.validate#ValidationException","message":"Invalid Request: Provided nextToken is invalid: zz"})j");
  check_answer(
      e.call("ListExports", R"j({"TableArn":"","MaxResults":26})j", 1792000500000), 400, 310, 3414424625u,
      R"j({"__type":"com.amazon.coral.validate#ValidationException","message":"2 validation errors detected: Value '' at 'tableArn' failed to satisfy constraint: Member must have length greater than or equal to 1; Value '26' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 25"})j");
  check_answer(e.call("ListExport", "{}", 1792000500000), 400, 63, 1368724161u,
               R"j({"__type":"com.amazon.coral.service#UnknownOperationException"})j");
}
