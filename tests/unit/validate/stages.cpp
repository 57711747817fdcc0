// Evaluation order and the shape of a report (RULES.md §4, §5): the combined
// message, which stage's error wins, every violation listed, warnings for any
// request past stage D, and the `unchecked` set.

#include "validation_helpers.hpp"

#include <string>

using namespace ddbexport;
using namespace ddbexport::test;

TEST_CASE("S-TABLEARN-LEN, S-BUCKET-PAT, S-FMT-ENUM: the §4 example message, exactly") {
  // {"TableArn":"","S3Bucket":"my bucket","ExportFormat":"CSV"}
  const export_request r{
      .table_arn = "", .s3_bucket = "my bucket", .export_format = export_format_value::from_text("CSV")};
  const auto o = validate_all(r);
  CHECK(o.error_body ==
        "3 validation errors detected: Value '' at 'tableArn' failed to satisfy constraint: Member must have length "
        "greater than or equal to 1; Value 'my bucket' at 's3Bucket' failed to satisfy constraint: Member must "
        "satisfy regular expression pattern: ^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$; Value 'CSV' at 'exportFormat' "
        "failed to satisfy constraint: Member must satisfy enum value set: [ION, DYNAMODB_JSON]");
  CHECK(o.rules() == "S-TABLEARN-LEN S-BUCKET-PAT S-FMT-ENUM");
  CHECK(o.result.violations == 3);
  CHECK(o.result.shape_items == 3);
  CHECK(o.result.failed_stage == stage::shape);
  CHECK(o.result.error() == error_kind::validation);
  // Each violation carries its own one-item message; only the error combines them.
  REQUIRE(o.diags.size() == 3);
  CHECK(message_of(o.diags[1]) ==
        "1 validation error detected: Value 'my bucket' at 's3Bucket' failed to satisfy constraint: Member must "
        "satisfy regular expression pattern: ^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$");
  CHECK(to_string(o.result.first_error->rule) == "S-TABLEARN-LEN");
}

TEST_CASE("S-TABLEARN-REQ, S-BUCKET-REQ: an empty request has two not-null items") {
  const auto o = validate_all(export_request{});
  CHECK(o.error_body ==
        "2 validation errors detected: Value null at 'tableArn' failed to satisfy constraint: Member must not be "
        "null; Value null at 's3Bucket' failed to satisfy constraint: Member must not be null");
  CHECK(o.rules() == "S-TABLEARN-REQ S-BUCKET-REQ");
}

TEST_CASE("S-PREFIX-LEN, R-PITR-REQ: shape and PITR failures give the combined ValidationException") {
  auto ctx = every_fact_context();
  pitr_of(ctx).point_in_time_recovery_status = point_in_time_recovery_status::disabled;
  export_request r = full_request();
  r.s3_prefix = "";
  r.s3_sse_algorithm = s3_sse_algorithm_value::from_text("aws:kms");
  const auto o = validate_all(r, ctx);
  CHECK(o.rules() == "S-PREFIX-LEN S-SSE-ENUM R-PITR-REQ");  // every stage that can be evaluated
  CHECK(o.result.failed_stage == stage::shape);
  CHECK(o.result.error() == error_kind::validation);
  CHECK(o.error_body ==
        "2 validation errors detected: Value '' at 's3Prefix' failed to satisfy constraint: Member must have length "
        "greater than or equal to 1; Value 'aws:kms' at 's3SseAlgorithm' failed to satisfy constraint: Member must "
        "satisfy enum value set: [AES256, KMS]");
}

TEST_CASE("R-INC-FROM-REQ, R-TABLEARN-ACCOUNT: stage I before stage T") {
  auto ctx = every_fact_context();
  ctx.caller_account_id = other_account;
  ctx.bucket_owner_account_id = other_account;
  export_request r = full_request();
  r.export_type = export_type::incremental_export;
  r.incremental_export_specification = incremental_export_specification{};
  const auto o = validate_all(r, ctx);
  CHECK(o.rules() == "R-INC-FROM-REQ R-TABLEARN-ACCOUNT");
  CHECK(o.result.failed_stage == stage::invalid_request);
  CHECK(o.error_body == "Invalid Request: ExportFromTime must be provided in IncrementalExportSpecification");
}

TEST_CASE("R-TABLE-EXISTS, R-PITR-REQ, R-ET-FUTURE: T before P before W") {
  auto ctx = every_fact_context();
  ctx.table_exists = false;
  pitr_of(ctx).point_in_time_recovery_status = point_in_time_recovery_status::disabled;
  export_request r = full_request();
  r.export_time = now + 1h;
  auto o = validate_all(r, ctx);
  CHECK(o.rules() == "R-TABLE-EXISTS R-PITR-REQ R-ET-FUTURE");
  CHECK(o.result.error() == error_kind::table_not_found);

  ctx.table_exists = true;
  o = validate_all(r, ctx);
  CHECK(o.result.error() == error_kind::point_in_time_recovery_unavailable);
  CHECK(o.result.failed_stage == stage::pitr);

  pitr_of(ctx).point_in_time_recovery_status = point_in_time_recovery_status::enabled;
  o = validate_all(r, ctx);
  CHECK(o.result.error() == error_kind::invalid_export_time);
  CHECK(o.result.failed_stage == stage::time);
}

TEST_CASE("R-PITR-REQ-INC, R-INC-MIN: both reported, stage P decides") {
  auto ctx = every_fact_context();
  pitr_of(ctx).point_in_time_recovery_status = point_in_time_recovery_status::disabled;
  const auto o = validate_all(incremental_request(now - 1h, now - 1h + 1min), ctx);
  CHECK(o.rules() == "R-PITR-REQ-INC R-INC-MIN");
  CHECK(o.result.failed_stage == stage::pitr);
  CHECK(o.result.error() == error_kind::invalid_export_time);
}

TEST_CASE("R-OWNER-MISMATCH, R-PITR-REQ: warnings accompany an invalid request and never change the error") {
  auto ctx = every_fact_context();
  pitr_of(ctx).point_in_time_recovery_status = point_in_time_recovery_status::disabled;
  export_request r = full_request();
  r.s3_bucket = "My_Bucket";
  r.s3_prefix = "";
  r.s3_bucket_owner = other_account;
  const auto o = validate_all(r, ctx);
  // Violations first (stage order), then warnings. The bucket passed stage S, so it gets naming advice.
  CHECK(o.rules() == "S-PREFIX-LEN R-PITR-REQ R-S3-NAMING-CHARS R-OWNER-MISMATCH");
  CHECK(o.result.violations == 2);
  CHECK(o.result.warnings == 2);
  CHECK(o.result.error() == error_kind::validation);
}

TEST_CASE("R-S3-NAMING-CHARS, R-OWNER-MISMATCH: warnings alone leave the request valid") {
  export_request r = full_request();
  r.s3_bucket = "My_Bucket";
  r.s3_bucket_owner = other_account;
  const auto o = validate_all(r, every_fact_context());
  check_accepted(o);
  CHECK(o.result.warnings == 2);
}

TEST_CASE("R-TABLEARN-ACCOUNT, R-PITR-REQ, R-TOKEN-CONFLICT, R-OWNER-XACCT: what a bare full export leaves unchecked") {
  export_request r = full_request();
  r.client_token = "t";
  const auto o = validate_all(r);
  check_accepted(o);
  CHECK(o.unchecked() == "R-TABLEARN-ACCOUNT R-PITR-REQ R-TOKEN-CONFLICT R-OWNER-XACCT R-TOKEN-REPLAY");

  r.export_time = now;
  r.s3_bucket_owner = caller_account;
  CHECK(validate_all(r).unchecked() ==
        "R-TABLEARN-ACCOUNT R-PITR-REQ R-ET-FUTURE R-ET-BEFORE-WINDOW R-ET-AFTER-LATEST R-TOKEN-CONFLICT "
        "R-OWNER-MISMATCH R-TOKEN-REPLAY");
  CHECK(every_fact_context().previous_exports != nullptr);
  CHECK(validate_all(r, every_fact_context()).result.unchecked.empty());
}

TEST_CASE("R-PITR-REQ-INC, R-INC-FROM-START, R-INC-TO-FUTURE: what a bare incremental export leaves unchecked") {
  const auto o = validate_all(incremental_request(now - 1h));
  check_accepted(o);
  CHECK(o.unchecked() ==
        "R-TABLEARN-ACCOUNT R-PITR-REQ-INC R-INC-FROM-START R-INC-TO-FUTURE R-INC-ORDER R-INC-MIN R-INC-MAX "
        "R-OWNER-XACCT");
}

TEST_CASE("R-TABLEARN-NOTARN: skipped rules are neither reported nor unchecked") {
  auto ctx = every_fact_context();
  ctx.caller_account_id = other_account;
  ctx.bucket_owner_account_id = other_account;
  ctx.table_exists = false;
  pitr_of(ctx).point_in_time_recovery_status = point_in_time_recovery_status::disabled;
  export_request r = full_request();
  r.table_arn = "Music";
  r.export_time = now + 1h;  // still checked: ExportTime rules do not read TableArn
  const auto o = validate_all(r, ctx);
  CHECK(o.rules() == "R-TABLEARN-NOTARN R-ET-FUTURE");
  CHECK(o.result.failed_stage == stage::table);
}

TEST_CASE("R-TABLEARN-NOTTABLE, R-PITR-REQ-INC: the incremental PITR rule does not read TableArn, so it still runs") {
  // RULES.md §5 skips R-TABLEARN-ACCOUNT, R-TABLE-EXISTS and R-PITR-REQ after
  // R-TABLEARN-NOTTABLE; R-PITR-REQ-INC is not in that list and its message
  // names F, not the table (literal reading).
  auto ctx = every_fact_context();
  pitr_of(ctx).point_in_time_recovery_status = point_in_time_recovery_status::disabled;
  export_request r = incremental_request(now - 1h, now - 30min);
  r.table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Music/index/ByArtist";
  const auto o = validate_all(r, ctx);
  CHECK(o.rules() == "R-TABLEARN-NOTTABLE R-PITR-REQ-INC");
  CHECK(o.result.failed_stage == stage::table);
}
