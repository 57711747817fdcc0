// Stage I: the "Invalid Request: ..." couplings of RULES.md §3.2, §3.5 (KMS)
// and §3.8 (FilterSpecification, R-AV-DEPTH), and the filter-size advice.

#include "validation_helpers.hpp"
#include "fixtures.hpp"

#include <string>

using namespace ddbexport;
using namespace ddbexport::test;

namespace {

constexpr std::string_view validation = "ValidationException";
constexpr std::string_view kms_pattern =
    "^(arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key/[a-zA-Z0-9-]+|alias/[a-zA-Z0-9:/_-]+)|alias/[a-zA-Z0-9:/_-]+|"
    "[a-zA-Z0-9-]+)$";

export_request with_kms_key(std::optional<s3_sse_algorithm_value> algorithm, std::string_view key) {
  export_request r = full_request();
  r.s3_sse_algorithm = algorithm;
  r.s3_sse_kms_key_id = key;
  return r;
}

}  // namespace

TEST_CASE("R-INC-SPEC-REQ: INCREMENTAL_EXPORT without a specification") {
  export_request r = full_request();
  r.export_type = export_type::incremental_export;
  const auto o = validate_all(r, every_fact_context());
  check_rejected(o, rule_id::r_inc_spec_req, "ExportType", validation,
                 "Invalid Request: Incremental Export Specification expected when export type is set as Incremental "
                 "Export");
  CHECK(o.rules() == "R-INC-SPEC-REQ");
  CHECK(validate_all(r).unchecked() == "R-TABLEARN-ACCOUNT R-OWNER-XACCT");  // nothing of stages P, W
}

TEST_CASE("R-INC-SPEC-FULL: a specification with FULL_EXPORT (space before the comma)") {
  export_request r = incremental_request(now - 1h, now - 30min);
  r.export_type = export_type::full_export;
  const auto o = validate_all(r, every_fact_context());
  check_rejected(o, rule_id::r_inc_spec_full, "IncrementalExportSpecification", validation,
                 "Invalid Request: When Export Type is Full Export , Incremental Export Specification should not be "
                 "provided");
  CHECK(o.rules() == "R-INC-SPEC-FULL");
}

TEST_CASE("R-INC-SPEC-NOTYPE: a specification without ExportType; the type is not inferred") {
  export_request r = incremental_request(now - 1h, now - 30min);
  r.export_type.reset();
  const auto o = validate_all(r, every_fact_context());
  check_rejected(o, rule_id::r_inc_spec_notype, "IncrementalExportSpecification", validation,
                 "Invalid Request: Export Type expected to be Incremental Export when incremental export specification "
                 "is provided");
  CHECK(o.rules() == "R-INC-SPEC-NOTYPE");
  // Still a full export for the other rules: R-PITR-REQ applies, the incremental window does not.
  CHECK(validate_all(r).unchecked() == "R-TABLEARN-ACCOUNT R-PITR-REQ R-OWNER-XACCT");
}

TEST_CASE("R-INC-FROM-REQ: incremental with '{}' or only ExportViewType") {
  const std::string message = "Invalid Request: ExportFromTime must be provided in IncrementalExportSpecification";
  export_request empty_spec = full_request();
  empty_spec.export_type = export_type::incremental_export;
  empty_spec.incremental_export_specification = incremental_export_specification{};
  export_request view_only = empty_spec;
  view_only.incremental_export_specification->export_view_type = export_view_type::new_image;
  export_request to_only = empty_spec;
  to_only.incremental_export_specification->export_to_time = now - 1min;

  for (const export_request* r : {&empty_spec, &view_only, &to_only}) {
    const auto o = validate_all(*r, every_fact_context());
    check_rejected(o, rule_id::r_inc_from_req, "IncrementalExportSpecification.ExportFromTime", validation, message);
    CHECK(o.rules() == "R-INC-FROM-REQ");
    // No F: the window rules do not apply, so they are not unchecked either.
    CHECK(validate_all(*r).unchecked() == "R-TABLEARN-ACCOUNT R-OWNER-XACCT");
  }
}

TEST_CASE("R-KMSID-NEEDS-KMS: a key id with S3SseAlgorithm absent or AES256") {
  const std::string message = "Invalid Request: KMS Key Id is not supported for this encryption type";
  for (const auto& algorithm : {std::optional<s3_sse_algorithm_value>{}, std::optional<s3_sse_algorithm_value>{
                                                                              s3_sse_algorithm::aes256}}) {
    const auto o = validate_all(with_kms_key(algorithm, "alias/aws/s3"), every_fact_context());
    check_rejected(o, rule_id::r_kmsid_needs_kms, "S3SseKmsKeyId", validation, message);
    CHECK(o.rules() == "R-KMSID-NEEDS-KMS");
  }
  check_accepted(validate_all(with_kms_key(s3_sse_algorithm::kms, "alias/aws/s3"), every_fact_context()));
  // KMS without a key id is valid.
  export_request kms_only = full_request();
  kms_only.s3_sse_algorithm = s3_sse_algorithm::kms;
  check_accepted(validate_all(kms_only, every_fact_context()));
}

TEST_CASE("R-KMSID-FORMAT: key ids, key ARNs, aliases and alias ARNs match P") {
  for (std::string_view key : {
           "1234abcd-12ab-34cd-56ef-1234567890ab",
           "mrk-1234abcd12ab34cd56ef1234567890ab",
           "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
           "arn:aws-cn:kms:cn-north-1:123456789012:key/abc",
           "arn:aws-us-gov:kms:us-gov-west-1:123456789012:alias/my/key",
           "alias/aws/s3",
           "alias/my_key:v2",
           "arn:aws:kms:us-east-1:123456789012:alias/my-key",
       }) {
    CAPTURE(std::string(key));
    check_accepted(validate_all(with_kms_key(s3_sse_algorithm::kms, key), every_fact_context()));
  }
}

TEST_CASE("R-KMSID-FORMAT: anything else fails with the item syntax after 'Invalid Request: '") {
  for (std::string_view junk : {
           "not a key!",
           "key_with_underscore",
           "alias/",
           "alias/aws/s3 ",
           "key/1234",
           "arn:aws:kms:us-east-1:12345678901:key/abc",   // 11-digit account
           "arn:aws:kms:US-EAST-1:123456789012:key/abc",  // uppercase region
           "arn:aws:kms::123456789012:key/abc",           // empty region
           "arn:aws:kms:us-east-1:123456789012:key/",     // empty key
           "arn:aws:kms:us-east-1:123456789012:key/a/b",  // '/' in a key
           "arn:aws:s3:::my-bucket",
           "ARN:aws:kms:us-east-1:123456789012:key/abc",
           "cl\xC3\xA9",
       }) {
    CAPTURE(std::string(junk));
    const auto o = validate_all(with_kms_key(s3_sse_algorithm::kms, junk), every_fact_context());
    check_rejected(o, rule_id::r_kmsid_format, "S3SseKmsKeyId", validation,
                   "Invalid Request: 1 validation error detected: Value '" + std::string(junk) +
                       "' at 's3SseKmsKeyId' failed to satisfy constraint: Member must satisfy regular expression "
                       "pattern: " +
                       std::string(kms_pattern));
    CHECK(o.rules() == "R-KMSID-FORMAT");
    CHECK(o.result.shape_items == 0);  // its own ValidationException, never merged into stage S
  }
}

TEST_CASE("R-FILTER-EMPTY: a FilterSpecification with none of its five members") {
  export_request r = full_request();
  r.filter_specification = filter_specification{};
  const auto o = validate_all(r, every_fact_context());
  check_rejected(o, rule_id::r_filter_empty, "FilterSpecification", validation,
                 "Invalid Request: Invalid FilterSpecification: The specification can not be empty");
  CHECK(o.rules() == "R-FILTER-EMPTY");

  // An empty map is a present member.
  r.filter_specification->expression_attribute_values = std::span<const attribute_entry>{};
  check_accepted(validate_all(r, every_fact_context()));
}

TEST_CASE("R-FILTER-EMPTY: filters apply to incremental exports too") {
  export_request r = incremental_request(now - 1h, now - 30min);
  r.filter_specification = filter_specification{};
  CHECK(validate_all(r, every_fact_context()).rules() == "R-FILTER-EMPTY");
}

TEST_CASE("R-FILTER-EXPR-SIZE: 4096 bytes pass, 4097 warn; bytes are UTF-8 bytes") {
  const std::string at_limit = repeat("a", 4096);
  const std::string over = repeat("a", 4097);
  const std::string accents = repeat("é", 2049);  // 2049 code points, 4098 bytes

  export_request r = full_request();
  r.filter_specification = filter_specification{.filter_expression = at_limit};
  const auto ok = validate_all(r, every_fact_context());
  check_accepted(ok);
  CHECK(ok.rules().empty());

  r.filter_specification = filter_specification{
      .filter_expression = over, .projection_expression = accents, .key_condition_expression = over};
  const auto o = validate_all(r, every_fact_context());
  check_accepted(o);  // advice only
  CHECK(o.rules() == "R-FILTER-EXPR-SIZE R-FILTER-EXPR-SIZE R-FILTER-EXPR-SIZE");
  CHECK(o.result.warnings == 3);
  REQUIRE(o.diags.size() == 3);
  CHECK(path_of(o.diags[0]) == "FilterSpecification.FilterExpression");
  CHECK(message_of(o.diags[0]) == "FilterExpression is 4097 bytes; expressions are limited to 4 KB");
  CHECK(path_of(o.diags[1]) == "FilterSpecification.ProjectionExpression");
  CHECK(message_of(o.diags[1]) == "ProjectionExpression is 4098 bytes; expressions are limited to 4 KB");
  check_reported(o, rule_id::r_filter_expr_size, "FilterSpecification.FilterExpression", "",
                 "FilterExpression is 4097 bytes; expressions are limited to 4 KB");
  CHECK(path_of(o.diags[2]) == "FilterSpecification.KeyConditionExpression");
  CHECK(message_of(o.diags[2]) == "KeyConditionExpression is 4097 bytes; expressions are limited to 4 KB");
}

TEST_CASE("R-KMSID-NEEDS-KMS, R-INC-SPEC-REQ, R-FILTER-EMPTY: stage I reports each, in wire order") {
  export_request r = with_kms_key(std::nullopt, "alias/aws/s3");
  r.export_type = export_type::incremental_export;
  r.filter_specification = filter_specification{};
  const auto o = validate_all(r, every_fact_context());
  CHECK(o.rules() == "R-KMSID-NEEDS-KMS R-INC-SPEC-REQ R-FILTER-EMPTY");
  CHECK(o.result.violations == 3);
  CHECK(o.error_body == "Invalid Request: KMS Key Id is not supported for this encryption type");
}

TEST_CASE("R-AV-DEPTH: 32 levels of L and M pass, 33 fail with the service's text") {
  for (const auto s : {deep_value::shape::list, deep_value::shape::map, deep_value::shape::alternating}) {
    const deep_value fits{max_attribute_depth, s};
    const deep_value too_deep{max_attribute_depth + 1, s};
    export_request r = full_request();
    r.filter_specification = filter_specification{.filter_expression = "a = :deep",
                                                  .expression_attribute_values = fits.as_values()};
    check_accepted(validate_all(r, every_fact_context()));
    r.filter_specification->expression_attribute_values = too_deep.as_values();
    const auto o = validate_all(r, every_fact_context());
    check_rejected(o, rule_id::r_av_depth, "FilterSpecification.ExpressionAttributeValues.:deep", validation,
                   "Nesting Levels have exceeded supported limits");
    CHECK(o.rules() == "R-AV-DEPTH");
  }
}

TEST_CASE("R-AV-DEPTH: 10^6 levels of L or of M are a diagnostic, not a stack overflow") {
  for (const auto s : {deep_value::shape::list, deep_value::shape::map}) {
    const deep_value deep{1'000'000, s};
    export_request r = full_request();
    r.filter_specification = filter_specification{.expression_attribute_values = deep.as_values()};
    const auto o = validate_all(r, every_fact_context());
    check_rejected(o, rule_id::r_av_depth, "FilterSpecification.ExpressionAttributeValues.:deep", validation,
                   "Nesting Levels have exceeded supported limits");
  }
}

TEST_CASE("R-AV-DEPTH, R-FILTER-EMPTY: stage I after the other couplings, each entry on its own") {
  const deep_value deep{40, deep_value::shape::alternating};
  const attribute_entry values[] = {{":ok", attribute_value::string("x")}, deep.as_values()[0]};
  export_request r = full_request();
  r.s3_sse_kms_key_id = "alias/aws/s3";
  r.filter_specification = filter_specification{.expression_attribute_values = values};
  const auto o = validate_all(r, every_fact_context());
  CHECK(o.rules() == "R-KMSID-NEEDS-KMS R-AV-DEPTH");
  CHECK(o.result.first_error->rule == rule_id::r_kmsid_needs_kms);
}
