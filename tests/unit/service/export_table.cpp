// SERVICE.md §3: ExportTableToPointInTime's verdict, the new export's
// description and record, replays, and §1.2's usage errors.

#include <doctest/doctest.h>

#include <atomic>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "fixtures.hpp"

using namespace service_test;

namespace {

constexpr std::int64_t t0 = 1792000000500;
const std::string full_request =
    R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders","S3Bucket":"ddb-exports-demo","ClientToken":"tok-1"})j";

std::string with(std::string_view members) {
  return R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders","S3Bucket":"ddb-exports-demo")j" +
         std::string{members} + "}";
}

std::string description_of(endpoint& e, std::string_view arn) {
  std::string text;
  e.store.find_by_arn(arn, [&](const export_record& r) {
    container_output<std::string> out{text};
    json::write(r.description, out);
  });
  return text;
}

std::string usage_of(endpoint& e, std::string_view body, std::int64_t now = t0) {
  auto h = e.send("POST", {{"Content-Type", "application/x-amz-json-1.0"}, {"X-Amz-Target", "DynamoDB_20120810.ExportTableToPointInTime"}},
                  body, now);
  REQUIRE_FALSE(h.answer);
  REQUIRE(h.usage);
  return endpoint::usage_text(h);
}

}  // namespace

TEST_CASE("V-TABLE-LOOKUP: the TableArn is resolved exactly; another region's ARN is not found") {
  endpoint e;
  const answer a = e.call("ExportTableToPointInTime",
                          R"j({"TableArn":"arn:aws:dynamodb:us-west-2:123456789012:table/orders","S3Bucket":"b-1"})j", t0);
  CHECK(a.status == 400);
  CHECK(a.body ==
        R"j({"__type":"com.amazonaws.dynamodb.v20120810#TableNotFoundException","message":"Table not found: arn:aws:dynamodb:us-west-2:123456789012:table/orders"})j");
  CHECK(e.call("ExportTableToPointInTime",
               R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/Orders","S3Bucket":"b-1"})j", t0)
            .status == 400);
  CHECK(e.store.size() == 0);
}

TEST_CASE("V-EXP-VERDICT: the first failing stage answers; warnings never change the answer") {
  endpoint e;
  CHECK(e.call("ExportTableToPointInTime", R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders"})j", t0)
            .body ==
        R"j({"__type":"com.amazon.coral.validate#ValidationException","message":"1 validation error detected: Value null at 's3Bucket' failed to satisfy constraint: Member must not be null"})j");
  CHECK(e.call("ExportTableToPointInTime", with(R"j(,"S3SseKmsKeyId":"k")j"), t0).body ==
        R"j({"__type":"com.amazon.coral.validate#ValidationException","message":"Invalid Request: KMS Key Id is not supported for this encryption type"})j");
  CHECK(e.call("ExportTableToPointInTime",
               R"j({"TableArn":"arn:aws:dynamodb:us-east-1:999999999999:table/orders","S3Bucket":"b-1"})j", t0)
            .body == R"j({"__type":"com.amazon.coral.service#AccessDeniedException","Message":"Access is denied"})j");
  e.tables.pitr_status = point_in_time_recovery_status::disabled;
  CHECK(e.call("ExportTableToPointInTime", full_request, t0).body ==
        R"j({"__type":"com.amazonaws.dynamodb.v20120810#PointInTimeRecoveryUnavailableException","message":"Point in time recovery is not enabled for table 'orders'"})j");
  e.tables.pitr_status = point_in_time_recovery_status::enabled;
  CHECK(e.call("ExportTableToPointInTime", with(R"j(,"ExportTime":1792000000.6)j"), t0).body ==
        R"j({"__type":"com.amazonaws.dynamodb.v20120810#InvalidExportTimeException","message":"Export Time is invalid"})j");
  CHECK(e.store.size() == 0);
  // Advice and async warnings (an uppercase bucket, a foreign owner) leave it accepted.
  e.facts.buckets["Bad-Bucket"] = bucket_facts{"111111111111", false};
  const answer warned = e.call("ExportTableToPointInTime", R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders","S3Bucket":"Bad-Bucket","S3Prefix":"/x"})j", t0);
  CHECK(warned.status == 200);
  // A conflicting reuse of the token is ExportConflictException.
  REQUIRE(e.call("ExportTableToPointInTime", full_request, t0).status == 200);
  CHECK(e.call("ExportTableToPointInTime", with(R"j(,"ClientToken":"tok-1","ExportFormat":"ION")j"), t0 + 1).body ==
        R"j({"__type":"com.amazonaws.dynamodb.v20120810#ExportConflictException","message":"Export conflict: Duplicate request detected with conflicting parameters"})j");
}

TEST_CASE("V-EXP-VERDICT: PreviousExports reads CompletedAt as stored when the request is handled") {
  endpoint e;
  const answer first = e.call("ExportTableToPointInTime", full_request, t0);
  REQUIRE(first.recorded_export_arn);
  // In progress: a replay however late.
  CHECK(e.call("ExportTableToPointInTime", full_request, t0 + 100LL * 86400000).body == first.body);
  // Completed just before: the 8-hour window starts at CompletedAt, inclusive.
  REQUIRE_FALSE(complete(e.store, *first.recorded_export_arn, from_epoch_ms(t0 + 1000), 0, 0));
  const answer inside = e.call("ExportTableToPointInTime", full_request, t0 + 1000 + 28800000);
  CHECK_FALSE(inside.recorded_export_arn);
  const answer after = e.call("ExportTableToPointInTime", full_request, t0 + 1000 + 28800001);
  REQUIRE(after.recorded_export_arn);
  CHECK(*after.recorded_export_arn != *first.recorded_export_arn);
  CHECK(e.store.size() == 2);
}

TEST_CASE("V-EXP-CREATE: every member sent is echoed, the defaults back-filled, in model order") {
  endpoint e;
  e.tables.with_latest = true;
  const answer a = e.call(
      "ExportTableToPointInTime",
      with(R"j(,"ExportTime":1791950000.123,"ClientToken":"t","S3BucketOwner":"123456789012","S3Prefix":"p/","S3SseAlgorithm":"KMS","S3SseKmsKeyId":"alias/aws/s3","ExportFormat":"ION","ExportType":"FULL_EXPORT","FilterSpecification":{"FilterExpression":"#a = :v","ExpressionAttributeNames":{"#a":"a"},"ExpressionAttributeValues":{":v":{"N":"1"}}},"Unknown":1)j"),
      t0);
  CHECK(a.status == 200);
  CHECK(a.body ==
        R"j({"ExportDescription":{"ExportArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/01792000000500-34353637","ExportStatus":"IN_PROGRESS","StartTime":1792000000.5,"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders","TableId":"0b5e7c1d-92f4-4a3b-8e6d-5c4f3a2b1e0d","ExportTime":1791950000.123,"ClientToken":"t","S3Bucket":"ddb-exports-demo","S3BucketOwner":"123456789012","S3Prefix":"p/","S3SseAlgorithm":"KMS","S3SseKmsKeyId":"alias/aws/s3","ExportFormat":"ION","ExportType":"FULL_EXPORT","FilterSpecification":{"FilterExpression":"#a = :v","ExpressionAttributeNames":{"#a":"a"},"ExpressionAttributeValues":{":v":{"N":"1"}}}}})j");
}

TEST_CASE("V-EXP-CREATE: an incremental export has no ExportTime, even if sent, and all three IES members") {
  endpoint e;
  const answer a = e.call(
      "ExportTableToPointInTime",
      with(R"j(,"ExportTime":1791950000,"ExportType":"INCREMENTAL_EXPORT","IncrementalExportSpecification":{"ExportViewType":"NEW_IMAGE","ExportToTime":1792000000,"ExportFromTime":1.7919991E9})j"),
      t0);
  CHECK(a.body ==
        R"j({"ExportDescription":{"ExportArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/01792000000500-34353637","ExportStatus":"IN_PROGRESS","StartTime":1792000000.5,"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders","TableId":"0b5e7c1d-92f4-4a3b-8e6d-5c4f3a2b1e0d","S3Bucket":"ddb-exports-demo","S3SseAlgorithm":"AES256","ExportFormat":"DYNAMODB_JSON","ExportType":"INCREMENTAL_EXPORT","IncrementalExportSpecification":{"ExportFromTime":1791999100,"ExportToTime":1792000000,"ExportViewType":"NEW_IMAGE"}}})j");
}

TEST_CASE("V-EXP-CREATE: no ClientToken, no ClientToken in the description; a taken ExportArn draws 4 more bytes") {
  endpoint e;
  const std::string no_token = with("");
  const answer first = e.call("ExportTableToPointInTime", no_token, t0);
  CHECK(first.body.find("ClientToken") == std::string::npos);
  CHECK(first.recorded_export_arn == std::string{"arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/01792000000500-34353637"});
  // Same Now, same bytes again: the id is taken, so the next 4 bytes are drawn.
  const answer second = e.call("ExportTableToPointInTime", no_token, t0);
  CHECK(second.recorded_export_arn == std::string{"arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/01792000000500-38393a3b"});
  CHECK(e.last_drawn == 60);
  CHECK(e.store.size() == 2);
}

TEST_CASE("V-EXP-CREATE: usage errors for Now outside 14 digits, an ExportArn over 1024, a bad or missing TableId") {
  endpoint e;
  CHECK(usage_of(e, full_request, 100'000'000'000'000).find("Now is outside") != std::string::npos);
  const std::string long_arn = "arn:aws:dynamodb:" + std::string(980, 'r') + ":123456789012:table/orders";
  e.tables.ids[long_arn] = std::string{orders_id};
  e.region = std::string(980, 'r');
  CHECK(usage_of(e, R"j({"TableArn":")j" + long_arn + R"j(","S3Bucket":"b-1"})j")
            .find("longer than 1024") != std::string::npos);
  e.region = "us-east-1";
  e.tables.ids[std::string{orders_arn}] = "0B5E7C1D-92F4-4A3B-8E6D-5C4F3A2B1E0D";
  CHECK(usage_of(e, full_request).find("TableId is not a lowercase UUID") != std::string::npos);
  struct no_id_tables {
    std::optional<table_facts> find(std::string_view) const {
      point_in_time_recovery_description pitr;
      pitr.point_in_time_recovery_status = point_in_time_recovery_status::enabled;
      return table_facts{std::nullopt, continuous_backups_description{std::nullopt, pitr}};
    }
  } tables;
  counting_bytes random;
  service_context<no_id_tables, counting_bytes> context{from_epoch_ms(t0), &random, "us-east-1", {}, "123456789012", &tables};
  const http_header headers[] = {{"Content-Type", "application/json"},
                                 {"X-Amz-Target", "DynamoDB_20120810.ExportTableToPointInTime"}};
  const auto h = handle(http_request{"POST", headers, full_request}, context, e.store);
  REQUIRE(h.usage);
  CHECK(h.usage->problem == usage_problem::missing_fact);
  CHECK(e.store.size() == 0);
}

TEST_CASE("V-EXP-RECORD: the record holds the request as sent, the description, CompletedAt null") {
  endpoint e;
  const answer a = e.call("ExportTableToPointInTime", with(R"j(,"ClientToken":"t","S3SseAlgorithm":"AES256")j"), t0);
  REQUIRE(a.recorded_export_arn);
  bool found = false;
  e.store.find_by_arn(*a.recorded_export_arn, [&](const export_record& r) {
    found = true;
    CHECK(r.scope == store_scope{"123456789012", "us-east-1"});
    CHECK(r.request.s3_sse_algorithm == s3_sse_algorithm_value{s3_sse_algorithm::aes256});  // present, as sent
    CHECK_FALSE(r.request.export_format);                                                // absent, as sent
    CHECK_FALSE(r.request.export_time);
    CHECK_FALSE(r.completed_at);
    CHECK(r.description.export_format == export_format_value{export_format::dynamodb_json});
  });
  CHECK(found);
  CHECK(a.body == "{\"ExportDescription\":" + description_of(e, *a.recorded_export_arn) + "}");
}

TEST_CASE("V-EXP-REPLAY: the current description, whatever its status, byte-identical to DescribeExport") {
  endpoint e;
  const answer first = e.call("ExportTableToPointInTime", full_request, t0);
  REQUIRE(first.recorded_export_arn);
  const std::string arn = *first.recorded_export_arn;
  CHECK(e.call("ExportTableToPointInTime", full_request, t0 + 5).body == first.body);
  REQUIRE_FALSE(fail(e.store, arn, from_epoch_ms(t0 + 9000), "S3AccessDenied", "Access Denied"));
  const answer replay = e.call("ExportTableToPointInTime", full_request, t0 + 10000);
  CHECK(replay.body.find(R"j("ExportStatus":"FAILED")j") != std::string::npos);
  CHECK(replay.body == e.call("DescribeExport", R"j({"ExportArn":")j" + arn + "\"}", t0 + 10000).body);
  CHECK(e.last_drawn == 52);
  CHECK(e.store.size() == 1);
}

TEST_CASE("V-STORE-READONLY: rejected requests and replays leave the store as it was; a failed request reserves no token") {
  endpoint e;
  e.tables.pitr_status = point_in_time_recovery_status::disabled;
  CHECK(e.call("ExportTableToPointInTime", full_request, t0).status == 400);
  CHECK(e.store.size() == 0);
  e.tables.pitr_status = point_in_time_recovery_status::enabled;
  // The same token, a different request: new, since the failed one reserved nothing.
  const answer ok = e.call("ExportTableToPointInTime", with(R"j(,"ClientToken":"tok-1","S3Prefix":"p")j"), t0);
  CHECK(ok.recorded_export_arn);
  const std::string before = description_of(e, *ok.recorded_export_arn);
  CHECK(e.call("ExportTableToPointInTime", with(R"j(,"ClientToken":"tok-1","S3Prefix":"p")j"), t0 + 1).status == 200);
  CHECK(e.call("ExportTableToPointInTime", with(R"j(,"ClientToken":"tok-1")j"), t0 + 2).status == 400);
  CHECK(e.call("DescribeExport", R"j({"ExportArn":")j" + *ok.recorded_export_arn + "\"}", t0 + 3).status == 200);
  CHECK(e.call("ListExports", "{}", t0 + 4).status == 200);
  CHECK(e.store.size() == 1);
  CHECK(description_of(e, *ok.recorded_export_arn) == before);
}

TEST_CASE("V-STORE-ATOMIC: identical concurrent requests make one export; tokens are scoped per account and region") {
  endpoint e;
  std::vector<std::string> arns(16);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < arns.size(); ++i)
    threads.emplace_back([&, i] {
      counting_bytes random{static_cast<std::uint8_t>(i * 7)};
      example_context context{from_epoch_ms(t0), &random, "us-east-1", {}, "123456789012", &e.tables, &e.facts};
      const http_header headers[] = {{"Content-Type", "application/x-amz-json-1.0"},
                                     {"X-Amz-Target", "DynamoDB_20120810.ExportTableToPointInTime"}};
      const auto h = handle(http_request{"POST", headers, full_request}, context, e.store);
      if (h.answer) {
        const auto at = h.answer->body.find("\"ExportArn\":\"");
        arns[i] = h.answer->body.substr(at + 13, h.answer->body.find('"', at + 13) - at - 13);
      }
    });
  for (auto& t : threads) t.join();
  CHECK(e.store.size() == 1);
  for (const auto& arn : arns) CHECK(arn == arns[0]);
  // The same token in another region is new there; in another account too.
  e.tables.ids["arn:aws:dynamodb:us-west-2:123456789012:table/orders"] = std::string{orders_id};
  e.region = "us-west-2";
  CHECK(e.call("ExportTableToPointInTime",
               R"j({"TableArn":"arn:aws:dynamodb:us-west-2:123456789012:table/orders","S3Bucket":"ddb-exports-demo","ClientToken":"tok-1"})j",
               t0)
            .recorded_export_arn);
  CHECK(e.store.size() == 2);
}

TEST_CASE("V-EXP-VERDICT §1.2: an unchecked rule that could change the answer is a usage error, later ones are not") {
  endpoint e;
  e.tables.pitr_status.reset();
  CHECK(usage_of(e, full_request).find("R-PITR-REQ") != std::string::npos);
  // Behind TableNotFoundException the PITR rule cannot change the answer.
  CHECK(e.call("ExportTableToPointInTime",
               R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/nope","S3Bucket":"b-1"})j", t0)
            .status == 400);
  // Nor behind a stage-S error.
  CHECK(e.call("ExportTableToPointInTime", R"j({"TableArn":"x"})j", t0).status == 400);
  e.tables.pitr_status = point_in_time_recovery_status::enabled;
  e.tables.with_latest = false;
  CHECK(usage_of(e, with(R"j(,"ExportTime":1792000000)j")).find("R-ET-AFTER-LATEST") != std::string::npos);
  // R-ET-FUTURE answers before it; without ExportTime it does not apply.
  CHECK(e.call("ExportTableToPointInTime", with(R"j(,"ExportTime":1792000001)j"), t0).status == 400);
  CHECK(e.call("ExportTableToPointInTime", with(""), t0).status == 200);
  // Missing context facts.
  counting_bytes random;
  example_context context{std::nullopt, &random, "us-east-1", {}, "123456789012", &e.tables, &e.facts};
  const http_header headers[] = {{"Content-Type", "application/json"},
                                 {"X-Amz-Target", "DynamoDB_20120810.ExportTableToPointInTime"}};
  const http_request request{"POST", headers, full_request};
  CHECK(handle(request, context, e.store).usage->detail == "Now");
  context.now = from_epoch_ms(t0);
  context.caller_account_id.reset();
  CHECK(handle(request, context, e.store).usage->detail == "CallerAccountId");
  context.caller_account_id = "123456789012";
  context.tables = nullptr;
  CHECK(handle(request, context, e.store).usage->detail == "the table lookup");
  context.random = nullptr;
  CHECK(handle(request, context, e.store).usage->detail == "Random");
}

TEST_CASE("§1.2: a host's 500 InternalServerError for a usage error") {
  counting_bytes random;
  const http_header headers[] = {{"Content-Type", "application/x-amz-json-1.0"}};
  const answer a = internal_error_answer(http_request{"POST", headers, "{}"},
                                         usage_error{usage_problem::missing_fact, "Now"}, random);
  CHECK(a.status == 500);
  CHECK(a.body ==
        R"j({"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error: a context fact is missing: Now"})j");
  CHECK(a.content_type == "application/x-amz-json-1.0");
}

TEST_CASE("§1.2 usage errors: each problem has its own text, then the detail, then the rule") {
  std::set<std::string_view> texts;
  for (auto p = usage_problem::missing_fact;; p = static_cast<usage_problem>(static_cast<int>(p) + 1)) {
    const std::string_view text = to_string(p);
    CHECK_MESSAGE(!text.empty(), "usage_problem " << static_cast<int>(p) << " has no text");
    CHECK_MESSAGE(texts.insert(text).second, text << " names two problems");
    if (p == usage_problem::library_bug) break;
  }
  CHECK(texts.size() == 11);
  const auto shown = [](const usage_error& e) {
    std::string text;
    container_output<std::string> out{text};
    e.write(out);
    return text;
  };
  CHECK(shown({usage_problem::store_failed, {}, std::nullopt}) == "the store write failed");
  CHECK(shown({usage_problem::missing_fact, "the table lookup", std::nullopt}) == "a context fact is missing: the table lookup");
  CHECK(shown({usage_problem::unchecked_rule, "why", rule_id::r_pitr_req}) ==
        "a rule that could change the answer is unchecked: why (R-PITR-REQ)");
  CHECK(shown({usage_problem::export_id_exhausted, {}, rule_id::r_pitr_req}) == "no unused export id could be drawn (R-PITR-REQ)");
}
