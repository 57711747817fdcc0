// SERVICE.md §4: the lifecycle (V-LIFE-*) and async failures (V-FAIL-*).

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "fixtures.hpp"

using namespace service_test;

namespace {

constexpr std::int64_t t0 = 1792000000500;

std::string create(endpoint& e, std::string_view extra = "", std::int64_t now = t0) {
  const answer a = e.call("ExportTableToPointInTime",
                          R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders","S3Bucket":"ddb-exports-demo")j" +
                              std::string{extra} + "}",
                          now);
  REQUIRE(a.recorded_export_arn);
  return *a.recorded_export_arn;
}

export_record copy_of(endpoint& e, std::string_view arn, std::string& storage) {
  // The record's views die with the callback: keep its description as text.
  export_record copy;
  e.store.find_by_arn(arn, [&](const export_record& r) {
    container_output<std::string> out{storage};
    json::write(r.description, out);
    copy.completed_at = r.completed_at;
  });
  return copy;
}

std::string message(failure_cause cause, std::string_view subject, std::uint8_t first = 0x40) {
  counting_bytes random{first};
  std::string text;
  container_output<std::string> out{text};
  write_failure_message(cause, subject, random, out);
  CHECK(random.drawn == 72);
  return text;
}

}  // namespace

TEST_CASE("V-LIFE-STATES: IN_PROGRESS ends once; unknown, terminal, early EndTime, negative counts, empty code are usage errors") {
  endpoint e;
  const std::string arn = create(e);
  CHECK(complete(e.store, "arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/0", from_epoch_ms(t0), 0, 0)->problem ==
        usage_problem::unknown_export);
  CHECK(complete(e.store, arn, from_epoch_ms(t0 - 1), 0, 0)->problem == usage_problem::end_before_start);
  CHECK(complete(e.store, arn, from_epoch_ms(t0), -1, 0)->problem == usage_problem::negative_count);
  CHECK(complete(e.store, arn, from_epoch_ms(t0), 0, -1)->problem == usage_problem::negative_count);
  CHECK(fail(e.store, arn, from_epoch_ms(t0), "", "x")->problem == usage_problem::empty_failure_code);
  std::string before;
  copy_of(e, arn, before);
  CHECK(before.find("IN_PROGRESS") != std::string::npos);
  REQUIRE_FALSE(complete(e.store, arn, from_epoch_ms(t0), 0, 0));  // EndTime = StartTime is allowed
  std::string after;
  copy_of(e, arn, after);
  CHECK(complete(e.store, arn, from_epoch_ms(t0 + 5), 1, 1)->problem == usage_problem::terminal_export);
  CHECK(fail(e.store, arn, from_epoch_ms(t0 + 5), "S3AccessDenied", "x")->problem == usage_problem::terminal_export);
  std::string later;
  copy_of(e, arn, later);
  CHECK(later == after);  // a terminal record never changes
  const std::string failed = create(e, R"j(,"ClientToken":"x")j", t0 + 1);
  REQUIRE_FALSE(fail(e.store, failed, from_epoch_ms(t0 + 2), "S3NoSuchBucket", "m"));
  CHECK(complete(e.store, failed, from_epoch_ms(t0 + 3), 0, 0)->problem == usage_problem::terminal_export);
  CHECK(e.call("ListExports", "{}", t0 + 4).body.find("PENDING") == std::string::npos);
}

TEST_CASE("V-LIFE-COMPLETE: EndTime, ExportManifest under J(S3Prefix), BilledSizeBytes, ItemCount; CompletedAt = EndTime") {
  endpoint e;
  const std::string plain = create(e);
  const std::string slash = create(e, R"j(,"S3Prefix":"a/b/")j", t0 + 1);
  const std::string bare = create(e, R"j(,"S3Prefix":"a/b")j", t0 + 2);
  for (const auto& arn : {plain, slash, bare}) REQUIRE_FALSE(complete(e.store, arn, from_epoch_ms(t0 + 9000), 7, 123));
  std::string text;
  CHECK(copy_of(e, plain, text).completed_at == from_epoch_ms(t0 + 9000));
  CHECK(text.find(R"j("ExportStatus":"COMPLETED","StartTime":1792000000.5,"EndTime":1792000009.5,"ExportManifest":"AWSDynamoDB/01792000000500-34353637/manifest-summary.json")j") !=
        std::string::npos);
  CHECK(text.ends_with(R"j("BilledSizeBytes":123,"ItemCount":7})j"));
  std::string with_slash;
  copy_of(e, slash, with_slash);
  CHECK(with_slash.find(R"j("ExportManifest":"a/b/AWSDynamoDB/01792000000501-34353637/manifest-summary.json")j") != std::string::npos);
  std::string without_slash;
  copy_of(e, bare, without_slash);
  CHECK(without_slash.find(R"j("ExportManifest":"a/b/AWSDynamoDB/01792000000502-34353637/manifest-summary.json")j") != std::string::npos);
  CHECK(without_slash.find("FailureCode") == std::string::npos);
}

TEST_CASE("V-LIFE-BILL: an incremental export bills at least 10000000 bytes, a full one what it is given") {
  endpoint e;
  const std::string full = create(e);
  const std::string inc = create(
      e, R"j(,"ExportType":"INCREMENTAL_EXPORT","IncrementalExportSpecification":{"ExportFromTime":1791999000})j", t0 + 1);
  const std::string big = create(
      e, R"j(,"ExportType":"INCREMENTAL_EXPORT","IncrementalExportSpecification":{"ExportFromTime":1791999000}, "ClientToken":"b")j",
      t0 + 2);
  REQUIRE_FALSE(complete(e.store, full, from_epoch_ms(t0 + 10), 0, 0));
  REQUIRE_FALSE(complete(e.store, inc, from_epoch_ms(t0 + 10), 0, 0));
  REQUIRE_FALSE(complete(e.store, big, from_epoch_ms(t0 + 10), 5, 20000000));
  std::string text;
  copy_of(e, full, text);
  CHECK(text.ends_with(R"j("BilledSizeBytes":0,"ItemCount":0})j"));
  text.clear();
  copy_of(e, inc, text);
  CHECK(text.find(R"j("BilledSizeBytes":10000000,"ItemCount":0)j") != std::string::npos);
  text.clear();
  copy_of(e, big, text);
  CHECK(text.find(R"j("BilledSizeBytes":20000000,"ItemCount":5)j") != std::string::npos);
}

TEST_CASE("V-LIFE-FAIL: FailureCode, FailureMessage and EndTime; no ItemCount, ExportManifest or BilledSizeBytes") {
  endpoint e;
  const std::string arn = create(e);
  REQUIRE_FALSE(fail(e.store, arn, from_epoch_ms(t0 + 11125), "S3AccessDenied", "Access Denied"));
  std::string text;
  CHECK(copy_of(e, arn, text).completed_at == from_epoch_ms(t0 + 11125));
  CHECK(text.find(R"j("ExportStatus":"FAILED","StartTime":1792000000.5,"EndTime":1792000011.625,)j") != std::string::npos);
  CHECK(text.find(R"j("FailureCode":"S3AccessDenied","FailureMessage":"Access Denied","ExportFormat":"DYNAMODB_JSON"})j") !=
        std::string::npos);
  for (std::string_view absent : {"ItemCount", "ExportManifest", "BilledSizeBytes"}) CHECK(text.find(absent) == std::string::npos);
}

TEST_CASE("V-FAIL-CODES V-FAIL-MESSAGE: the SDK-for-Java S3 error strings, rid from b mod 36, xid base64 of 56 bytes") {
  CHECK(failure_code(failure_cause::no_such_bucket) == "S3NoSuchBucket");
  CHECK(failure_code(failure_cause::access_denied) == "S3AccessDenied");
  CHECK(failure_code(failure_cause::kms_key_in_region) == "KmsNotFoundException");
  CHECK(failure_code(failure_cause::kms_key_missing) == "KmsNotFoundException");
  constexpr std::string_view tail =
      "; Request ID: STUVWXYZ01234567; S3 Extended Request ID: "
      "UFFSU1RVVldYWVpbXF1eX2BhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4SFhoc=; Proxy: null)";
  CHECK(message(failure_cause::no_such_bucket, {}) ==
        "The specified bucket does not exist (Service: Amazon S3; Status Code: 404; Error Code: NoSuchBucket" + std::string{tail});
  CHECK(message(failure_cause::access_denied, {}) ==
        "Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied" + std::string{tail});
  CHECK(message(failure_cause::kms_key_in_region, "eu-west-1") ==
        "Invalid arn eu-west-1 (Service: Amazon S3; Status Code: 400; Error Code: KMS.NotFoundException" + std::string{tail});
  CHECK(message(failure_cause::kms_key_missing, "alias/gone") ==
        "Key 'alias/gone' does not exist (Service: Amazon S3; Status Code: 400; Error Code: KMS.NotFoundException" +
            std::string{tail});
  // Another random source: the id alphabet and the lengths hold.
  const std::string other = message(failure_cause::access_denied, {}, 0xD7);
  const auto rid = other.substr(other.find("Request ID: ") + 12, 16);
  for (char c : rid) CHECK(((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')));
  const auto xid_at = other.find("Extended Request ID: ") + 21;
  const auto xid = other.substr(xid_at, other.find(';', xid_at) - xid_at);
  CHECK(xid.size() == 76);
  CHECK(xid.back() == '=');
  CHECK(xid[74] != '=');
}

TEST_CASE("V-FAIL-PREDICT: missing bucket, then access denied, then the KMS key, from warnings and host facts") {
  const auto predict = [](std::string_view body, const example_facts& facts) {
    json::owning_arena storage{body.size()};
    export_request request;
    REQUIRE(json::read(body, request, storage).ok());
    const auto p = predict_failure(request, "us-east-1", std::optional<std::string_view>{"123456789012"}, &facts);
    return p ? std::string{p->code()} + (p->subject.empty() ? "" : " " + std::string{p->subject}) : std::string{"none"};
  };
  const std::string base = R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders","S3Bucket":")j";
  example_facts facts;
  CHECK(predict(base + R"j(ok-bucket"})j", facts) == "none");
  // Naming rules beyond the pattern: uppercase, '..', reserved prefix; whatever the fact says.
  facts.buckets["Upper-Case"] = bucket_facts{std::nullopt, false};
  CHECK(predict(base + R"j(Upper-Case"})j", facts) == "S3NoSuchBucket");
  CHECK(predict(base + R"j(a..b"})j", facts) == "S3NoSuchBucket");
  CHECK(predict(base + R"j(xn--bucket"})j", facts) == "S3NoSuchBucket");
  facts.buckets["gone"] = bucket_facts{std::nullopt, true};
  CHECK(predict(base + R"j(gone","S3BucketOwner":"999999999999"})j", facts) == "S3NoSuchBucket");
  // Owner: a mismatch, or a foreign bucket without S3BucketOwner.
  facts.buckets["theirs"] = bucket_facts{"999999999999", false};
  CHECK(predict(base + R"j(theirs"})j", facts) == "S3AccessDenied");
  CHECK(predict(base + R"j(theirs","S3BucketOwner":"111111111111"})j", facts) == "S3AccessDenied");
  CHECK(predict(base + R"j(theirs","S3BucketOwner":"999999999999"})j", facts) == "none");
  facts.buckets["mine"] = bucket_facts{"123456789012", false};
  CHECK(predict(base + R"j(mine","S3BucketOwner":"210987654321","S3SseAlgorithm":"KMS","S3SseKmsKeyId":"k"})j", facts) ==
        "S3AccessDenied");
  // KMS: a listed key as sent (fifth form), or a key ARN of another region (fourth form).
  facts.missing_keys = {"alias/gone", "arn:aws:kms:eu-west-1:123456789012:key/listed"};
  const std::string kms = base + R"j(mine","S3SseAlgorithm":"KMS","S3SseKmsKeyId":")j";
  CHECK(predict(kms + R"j(alias/gone"})j", facts) == "KmsNotFoundException alias/gone");
  CHECK(predict(kms + R"j(alias/here"})j", facts) == "none");
  CHECK(predict(kms + R"j(arn:aws:kms:eu-west-1:123456789012:key/abc"})j", facts) == "KmsNotFoundException eu-west-1");
  CHECK(predict(kms + R"j(arn:aws:kms:us-east-1:123456789012:alias/abc"})j", facts) == "none");
  CHECK(predict(kms + R"j(arn:aws:kms:eu-west-1:123456789012:key/listed"})j", facts) ==
        "KmsNotFoundException arn:aws:kms:eu-west-1:123456789012:key/listed");
  // Without facts only the naming rules and the key's region can speak.
  json::owning_arena storage{64};
  export_request request;
  // The request views its body: the body outlives it.
  const std::string body = base + R"j(Bad"})j";
  REQUIRE(json::read(body, request, storage).ok());
  CHECK(predict_failure<no_destination_facts>(request, "us-east-1", std::nullopt, nullptr)->cause ==
        failure_cause::no_such_bucket);
}
