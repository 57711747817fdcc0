// Stage S: the Smithy shape constraints of RULES.md §3.1, each reported as its
// own "1 validation error detected: ..." item (§4).

#include "validation_helpers.hpp"

#include <string>

using namespace ddbexport;
using namespace ddbexport::test;

namespace {

constexpr std::string_view validation = "ValidationException";

/// §4's item text as a one-item message.
std::string one_item(std::string_view value, std::string_view path, std::string_view constraint) {
  return "1 validation error detected: Value " + std::string(value) + " at '" + std::string(path) +
         "' failed to satisfy constraint: " + std::string(constraint);
}
std::string quoted(std::string_view v) {
  // Appended rather than `"'" + std::string(v)`: g++ 12 at -O3 reports a
  // false -Wrestrict overlap in that operator+.
  std::string out;
  out.reserve(v.size() + 2);
  out += '\'';
  out += v;
  out += '\'';
  return out;
}

/// A TableArn whose table name is `n` repetitions of "é" (two bytes, one code point).
/// The 46-character prefix makes 978 repetitions exactly 1024 code points.
std::string arn_with_accents(std::size_t n) {
  return "arn:aws:dynamodb:us-east-1:123456789012:table/" + repeat("é", n);
}

}  // namespace

TEST_CASE("S-TABLEARN-REQ: an absent TableArn is the only item, and stage T is skipped") {
  export_request r = full_request();
  r.table_arn.reset();
  const auto o = validate_all(r, every_fact_context());
  check_rejected(o, rule_id::s_tablearn_req, "TableArn", validation,
                 one_item("null", "tableArn", "Member must not be null"));
  CHECK(o.rules() == "S-TABLEARN-REQ");

  // Without context, the rules reading TableArn are skipped, not unchecked.
  const auto bare = validate_all(r);
  CHECK_FALSE(bare.result.unchecked.contains(rule_id::r_tablearn_account));
  CHECK_FALSE(bare.result.unchecked.contains(rule_id::r_pitr_req));
}

TEST_CASE("S-TABLEARN-LEN: '' fails the minimum of 1") {
  export_request r = full_request();
  r.table_arn = "";
  const auto o = validate_all(r, every_fact_context());
  check_rejected(o, rule_id::s_tablearn_len, "TableArn", validation,
                 one_item("''", "tableArn", "Member must have length greater than or equal to 1"));
  CHECK(o.rules() == "S-TABLEARN-LEN");
}

TEST_CASE("S-TABLEARN-LEN: 1024 code points pass, 1025 fail (two-byte characters)") {
  const std::string at_limit = arn_with_accents(978);
  const std::string over = arn_with_accents(979);
  REQUIRE(at_limit.size() == 46 + 2 * 978);  // far more than 1024 bytes

  export_request r = full_request();
  r.table_arn = at_limit;
  // The length passes, so stage T runs and rejects the non-ASCII table name.
  CHECK(validate_all(r, every_fact_context()).rules() == "R-TABLEARN-NOTTABLE");

  r.table_arn = over;
  const auto o = validate_all(r, every_fact_context());
  check_rejected(o, rule_id::s_tablearn_len, "TableArn", validation,
                 one_item(quoted(over), "tableArn", "Member must have length less than or equal to 1024"));
  CHECK(o.rules() == "S-TABLEARN-LEN");  // stage T skipped
}

TEST_CASE("S-BUCKET-REQ: an absent S3Bucket is reported as null") {
  export_request r = full_request();
  r.s3_bucket.reset();
  const auto o = validate_all(r, every_fact_context());
  check_rejected(o, rule_id::s_bucket_req, "S3Bucket", validation,
                 one_item("null", "s3Bucket", "Member must not be null"));
  CHECK(o.rules() == "S-BUCKET-REQ");
}

TEST_CASE("S-BUCKET-LEN: 255 characters pass, 256 fail and skip the naming advice") {
  const std::string at_limit = repeat("a", 255);
  const std::string over = repeat("a", 256);
  export_request r = full_request();
  r.s3_bucket = at_limit;
  const auto ok = validate_all(r, every_fact_context());
  check_accepted(ok);
  CHECK(ok.rules() == "R-S3-NAMING-LEN");  // legal for the model, too long for S3

  r.s3_bucket = over;
  const auto o = validate_all(r, every_fact_context());
  check_rejected(o, rule_id::s_bucket_len, "S3Bucket", validation,
                 one_item(quoted(over), "s3Bucket", "Member must have length less than or equal to 255"));
  CHECK(o.rules() == "S-BUCKET-LEN");
}

TEST_CASE("S-BUCKET-PAT: the model's pattern needs two characters, alphanumeric ends, [.-\\w] inside") {
  const std::string pattern =
      "Member must satisfy regular expression pattern: ^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$";
  for (std::string_view bad : {"", "a", "my bucket", "-bucket", "bucket-", "bucket.", "b\xC3\xBC" "cket"}) {
    CAPTURE(std::string(bad));
    export_request r = full_request();
    r.s3_bucket = bad;
    const auto o = validate_all(r, every_fact_context());
    check_rejected(o, rule_id::s_bucket_pat, "S3Bucket", validation, one_item(quoted(bad), "s3Bucket", pattern));
    CHECK(o.rules() == "S-BUCKET-PAT");  // no naming advice for a bucket that failed stage S
  }
  for (std::string_view good : {"ab", "my-bucket", "My_Bucket.v2", "0a"}) {
    CAPTURE(std::string(good));
    export_request r = full_request();
    r.s3_bucket = good;
    CHECK_FALSE(validate_all(r, every_fact_context()).has(rule_id::s_bucket_pat));
  }
}

TEST_CASE("S-BUCKET-LEN, S-BUCKET-PAT: one member may fail a length and the pattern, length first") {
  const std::string bad = repeat("a", 255) + "-";
  export_request r = full_request();
  r.s3_bucket = bad;
  const auto o = validate_all(r, every_fact_context());
  CHECK(o.rules() == "S-BUCKET-LEN S-BUCKET-PAT");
  CHECK(o.result.shape_items == 2);
  CHECK(o.error_body ==
        "2 validation errors detected: Value '" + bad +
            "' at 's3Bucket' failed to satisfy constraint: Member must have length less than or equal to 255; Value '" +
            bad + "' at 's3Bucket' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                  "^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$");
}

TEST_CASE("S-TOKEN-PAT: '' and a '$' fail, and stage K is skipped") {
  for (std::string_view bad : {"", "abc$", "$"}) {
    CAPTURE(std::string(bad));
    export_request r = full_request();
    r.client_token = bad;
    const auto o = validate_all(r);  // no ledger: K would be unchecked if it ran
    check_rejected(o, rule_id::s_token_pat, "ClientToken", validation,
                   one_item(quoted(bad), "clientToken", "Member must satisfy regular expression pattern: ^[^\\$]+$"));
    CHECK_FALSE(o.result.unchecked.contains(rule_id::r_token_conflict));
    CHECK_FALSE(o.result.unchecked.contains(rule_id::r_token_replay));
  }
  export_request r = full_request();
  r.client_token = "a\nb \xC3\xA9";  // any code point but '$'
  check_accepted(validate_all(r, every_fact_context()));
}

TEST_CASE("S-OWNER-PAT: 11 and 13 digits fail, 12 pass") {
  const std::string pattern = "Member must satisfy regular expression pattern: ^[0-9]{12}$";
  for (std::string_view bad : {"12345678901", "1234567890123", "12345678901a", ""}) {
    CAPTURE(std::string(bad));
    export_request r = full_request();
    r.s3_bucket_owner = bad;
    const auto o = validate_all(r, every_fact_context());
    check_rejected(o, rule_id::s_owner_pat, "S3BucketOwner", validation, one_item(quoted(bad), "s3BucketOwner", pattern));
    CHECK(o.rules() == "S-OWNER-PAT");  // R-OWNER-MISMATCH skipped
    CHECK(o.result.unchecked.empty());
  }
  export_request r = full_request();
  r.s3_bucket_owner = "123456789012";
  check_accepted(validate_all(r, every_fact_context()));
}

TEST_CASE("S-PREFIX-LEN: '' fails (effective minimum 1); 1024 code points pass, 1025 fail") {
  export_request r = full_request();
  r.s3_prefix = "";
  check_rejected(validate_all(r, every_fact_context()), rule_id::s_prefix_len, "S3Prefix", validation,
                 one_item("''", "s3Prefix", "Member must have length greater than or equal to 1"));

  const std::string at_limit = repeat("é", 1024);
  r.s3_prefix = at_limit;
  check_accepted(validate_all(r, every_fact_context()));

  // An unpaired surrogate (WTF-8 ED A0 80) counts as one code point too.
  const std::string surrogates = repeat("\xED\xA0\x80", 1024);
  r.s3_prefix = surrogates;
  check_accepted(validate_all(r, every_fact_context()));
  const std::string surrogates_over = surrogates + "\xED\xA0\x80";
  r.s3_prefix = surrogates_over;
  CHECK(validate_all(r, every_fact_context()).rules() == "S-PREFIX-LEN");

  const std::string over = std::string{"/"}.append(repeat("é", 1024));  // not "/" + …: the same false -Wrestrict
  r.s3_prefix = over;
  const auto o = validate_all(r, every_fact_context());
  check_rejected(o, rule_id::s_prefix_len, "S3Prefix", validation,
                 one_item(quoted(over), "s3Prefix", "Member must have length less than or equal to 1024"));
  CHECK(o.rules() == "S-PREFIX-LEN");  // R-PREFIX-SLASH skipped for a prefix that failed stage S
}

TEST_CASE("S-SSE-ENUM: 'aws:kms' and '' fail; the KMS couplings are skipped") {
  for (std::string_view bad : {"aws:kms", "", "kms"}) {
    CAPTURE(std::string(bad));
    export_request r = full_request();
    r.s3_sse_algorithm = s3_sse_algorithm_value::from_text(bad);
    r.s3_sse_kms_key_id = "not a key!";
    const auto o = validate_all(r, every_fact_context());
    check_rejected(o, rule_id::s_sse_enum, "S3SseAlgorithm", validation,
                   one_item(quoted(bad), "s3SseAlgorithm", "Member must satisfy enum value set: [AES256, KMS]"));
    CHECK(o.rules() == "S-SSE-ENUM");
  }
}

TEST_CASE("S-KMSID-LEN: '' fails the minimum; 2048 characters pass, 2049 fail") {
  export_request r = full_request();
  r.s3_sse_algorithm = s3_sse_algorithm::kms;
  r.s3_sse_kms_key_id = "";
  check_rejected(validate_all(r, every_fact_context()), rule_id::s_kmsid_len, "S3SseKmsKeyId", validation,
                 one_item("''", "s3SseKmsKeyId", "Member must have length greater than or equal to 1"));

  const std::string at_limit = repeat("a", 2048);  // a key id matching P
  r.s3_sse_kms_key_id = at_limit;
  check_accepted(validate_all(r, every_fact_context()));

  const std::string over = repeat("a", 2049);
  r.s3_sse_kms_key_id = over;
  const auto o = validate_all(r, every_fact_context());
  check_rejected(o, rule_id::s_kmsid_len, "S3SseKmsKeyId", validation,
                 one_item(quoted(over), "s3SseKmsKeyId", "Member must have length less than or equal to 2048"));
  CHECK(o.rules() == "S-KMSID-LEN");
}

TEST_CASE("S-FMT-ENUM: 'CSV' fails with the observed order [ION, DYNAMODB_JSON]") {
  export_request r = full_request();
  r.export_format = export_format_value::from_text("CSV");
  check_rejected(validate_all(r, every_fact_context()), rule_id::s_fmt_enum, "ExportFormat", validation,
                 one_item("'CSV'", "exportFormat", "Member must satisfy enum value set: [ION, DYNAMODB_JSON]"));
  for (auto ok : {export_format::ion, export_format::dynamodb_json}) {
    r.export_format = ok;
    check_accepted(validate_all(r, every_fact_context()));
  }
}

TEST_CASE("S-TYPE-ENUM: an unknown ExportType fails and disables the couplings and the window") {
  export_request r = incremental_request(now - 1h, now - 2h);  // would fail R-INC-ORDER
  r.export_type = export_type_value::from_text("INCREMENTAL");
  r.export_time = from_epoch_seconds(-1);  // would fail R-ET-BEFORE-WINDOW, or warn R-ET-INC
  const auto o = validate_all(r, every_fact_context());
  check_rejected(o, rule_id::s_type_enum, "ExportType", validation,
                 one_item("'INCREMENTAL'", "exportType",
                          "Member must satisfy enum value set: [FULL_EXPORT, INCREMENTAL_EXPORT]"));
  CHECK(o.rules() == "S-TYPE-ENUM");

  // Neither full nor incremental: nothing of stages P and W is even unchecked.
  const auto bare = validate_all(r);
  CHECK(bare.rules() == "S-TYPE-ENUM");
  CHECK(bare.unchecked() == "R-TABLEARN-ACCOUNT R-OWNER-XACCT");
}

TEST_CASE("S-VIEW-ENUM: 'NEW_IMAGES' fails at the nested path") {
  export_request r = incremental_request(now - 1h, now - 30min);
  r.incremental_export_specification->export_view_type = export_view_type_value::from_text("NEW_IMAGES");
  const auto o = validate_all(r, every_fact_context());
  check_rejected(o, rule_id::s_view_enum, "IncrementalExportSpecification.ExportViewType", validation,
                 one_item("'NEW_IMAGES'", "incrementalExportSpecification.exportViewType",
                          "Member must satisfy enum value set: [NEW_IMAGE, NEW_AND_OLD_IMAGES]"));
  CHECK(o.rules() == "S-VIEW-ENUM");
  for (auto ok : {export_view_type::new_image, export_view_type::new_and_old_images}) {
    r.incremental_export_specification->export_view_type = ok;
    check_accepted(validate_all(r, every_fact_context()));
  }
}

TEST_CASE("S-FILTER-NAMES-LEN: a value of 65535 code points passes, 65536 fail; the path adds the key") {
  const std::string at_limit = repeat("é", 65535);
  const std::string over = repeat("é", 65536);
  const string_entry ok_names[] = {{"#n", at_limit}};
  const string_entry bad_names[] = {{"#n", over}};

  export_request r = full_request();
  r.filter_specification = filter_specification{.expression_attribute_names = std::span<const string_entry>{ok_names}};
  check_accepted(validate_all(r, every_fact_context()));

  r.filter_specification->expression_attribute_names = std::span<const string_entry>{bad_names};
  const auto o = validate_all(r, every_fact_context());
  check_rejected(o, rule_id::s_filter_names_len, "FilterSpecification.ExpressionAttributeNames.#n", validation,
                 one_item(quoted(over), "filterSpecification.expressionAttributeNames.#n",
                          "Member must have length less than or equal to 65535"));
  CHECK(o.rules() == "S-FILTER-NAMES-LEN");
}

TEST_CASE("S-FILTER-NAMES-LEN: map keys are reported in body order") {
  const std::string over = repeat("x", 65536);
  const string_entry names[] = {{"#b", over}, {"#ok", "fine"}, {"#a", over}};
  export_request r = full_request();
  r.filter_specification = filter_specification{.expression_attribute_names = std::span<const string_entry>{names}};
  const auto o = validate_all(r, every_fact_context());
  REQUIRE(o.diags.size() == 2);
  CHECK(path_of(o.diags[0]) == "FilterSpecification.ExpressionAttributeNames.#b");
  CHECK(path_of(o.diags[1]) == "FilterSpecification.ExpressionAttributeNames.#a");
  CHECK(o.error_body.starts_with("2 validation errors detected: Value '" + over +
                                 "' at 'filterSpecification.expressionAttributeNames.#b' failed"));
}
