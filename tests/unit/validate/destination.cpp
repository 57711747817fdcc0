// Warnings about the S3 destination (RULES.md §3.5): the bucket naming
// advice, a leading '/' in S3Prefix, and the bucket-owner async failures.

#include "validation_helpers.hpp"

#include <string>

using namespace ddbexport;
using namespace ddbexport::test;

namespace {

outcome for_bucket(std::string_view name) {
  export_request r = full_request();
  r.s3_bucket = name;
  return validate_all(r, every_fact_context());
}

/// Each name draws exactly `rule`, as advice with the given reason.
void check_naming(rule_id rule, std::initializer_list<std::string_view> names, std::string_view reason) {
  for (std::string_view name : names) {
    CAPTURE(std::string(name));
    const auto o = for_bucket(name);
    check_accepted(o);  // advice never fails a request
    CHECK(o.rules() == to_string(rule));
    CHECK(o.result.warnings == 1);
    check_reported(o, rule, "S3Bucket", "",
                   "S3Bucket '" + std::string(name) + "' does not follow S3 bucket naming rules: " + std::string(reason));
  }
}

void check_clean(std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    CAPTURE(std::string(name));
    const auto o = for_bucket(name);
    check_accepted(o);
    CHECK(o.rules().empty());
  }
}

}  // namespace

TEST_CASE("R-S3-NAMING-LEN: 3 to 63 characters") {
  check_naming(rule_id::r_s3_naming_len, {"ab", "a1", repeat("a", 64)}, "length must be 3 to 63");
  check_clean({"abc", repeat("a", 63)});
}

TEST_CASE("R-S3-NAMING-CHARS: only lowercase letters, digits, '.' and '-', reported once") {
  check_naming(rule_id::r_s3_naming_chars, {"My-Bucket", "my_bucket", "MY_BUCKET"},
               "only lowercase letters, digits, '.' and '-' are allowed");
  check_clean({"my.bucket-2"});
}

TEST_CASE("R-S3-NAMING-DOTS: two adjacent periods") {
  check_naming(rule_id::r_s3_naming_dots, {"my..bucket", "a...b"}, "two adjacent periods");
}

TEST_CASE("R-S3-NAMING-IP: formatted as an IPv4 address") {
  check_naming(rule_id::r_s3_naming_ip, {"192.168.5.4", "1.2.3.4", "999.999.999.999"}, "formatted as an IP address");
  check_clean({"192.168.5", "1234.1.1.1", "1.2.3.4.5", "1.2.3.a4"});
}

TEST_CASE("R-S3-NAMING-PREFIX: xn--, sthree-, amzn-s3-demo-") {
  check_naming(rule_id::r_s3_naming_prefix, {"xn--bucket", "sthree-bucket", "amzn-s3-demo-bucket"}, "reserved prefix");
  check_clean({"xn-bucket", "sthree", "amzn-s3-bucket"});
}

TEST_CASE("R-S3-NAMING-SUFFIX: -s3alias, --ol-s3, .mrap, --x-s3") {
  check_naming(rule_id::r_s3_naming_suffix, {"bucket-s3alias", "bucket--ol-s3", "bucket.mrap", "bucket--x-s3"},
               "reserved suffix");
  check_clean({"bucket-s3alia", "bucket-ol-s3", "bucket-mrap"});
}

TEST_CASE("R-S3-NAMING-DOTS, R-S3-NAMING-PREFIX, R-S3-NAMING-SUFFIX: several reasons, in rule order") {
  const auto o = for_bucket("xn--a..b-s3alias");
  check_accepted(o);
  CHECK(o.rules() == "R-S3-NAMING-DOTS R-S3-NAMING-PREFIX R-S3-NAMING-SUFFIX");
}

TEST_CASE("R-PREFIX-SLASH: a prefix starting with '/'") {
  export_request r = full_request();
  r.s3_prefix = "/exports";
  const auto o = validate_all(r, every_fact_context());
  check_accepted(o);
  CHECK(o.rules() == "R-PREFIX-SLASH");
  check_reported(o, rule_id::r_prefix_slash, "S3Prefix", "", "S3Prefix starts with '/'; object keys will begin with '/'");
  r.s3_prefix = "exports/";
  CHECK(validate_all(r, every_fact_context()).rules().empty());
}

TEST_CASE("R-OWNER-MISMATCH: S3BucketOwner is not the bucket's owner (async S3AccessDenied)") {
  export_request r = full_request();
  r.s3_bucket_owner = other_account;
  const auto o = validate_all(r, every_fact_context());
  check_accepted(o);  // accepted; the export later ends FAILED
  CHECK(o.rules() == "R-OWNER-MISMATCH");
  CHECK(o.result.warnings == 1);
  check_reported(o, rule_id::r_owner_mismatch, "S3BucketOwner", "S3AccessDenied",
                 "S3BucketOwner 210987654321 does not own bucket 'my-export-bucket'");
  CHECK(o.find(rule_id::r_owner_mismatch)->severity() == severity::async);

  r.s3_bucket_owner = caller_account;
  CHECK(validate_all(r, every_fact_context()).rules().empty());
}

TEST_CASE("R-OWNER-MISMATCH: unchecked without BucketOwnerAccountId; R-OWNER-XACCT does not apply") {
  export_request r = full_request();
  r.s3_bucket_owner = other_account;
  auto ctx = every_fact_context();
  ctx.bucket_owner_account_id.reset();
  ctx.caller_account_id.reset();
  const auto o = validate_all(r, ctx);
  check_accepted(o);
  CHECK(o.rules().empty());
  CHECK(o.unchecked() == "R-TABLEARN-ACCOUNT R-OWNER-MISMATCH");
}

TEST_CASE("R-OWNER-XACCT: a bucket in another account needs S3BucketOwner (async S3AccessDenied)") {
  auto ctx = every_fact_context();
  ctx.bucket_owner_account_id = other_account;
  const auto o = validate_all(full_request(), ctx);
  check_accepted(o);
  CHECK(o.rules() == "R-OWNER-XACCT");
  check_reported(o, rule_id::r_owner_xacct, "S3BucketOwner", "S3AccessDenied",
                 "Bucket 'my-export-bucket' is in account 210987654321; S3BucketOwner is required");

  export_request named = full_request();
  named.s3_bucket_owner = other_account;
  CHECK(validate_all(named, ctx).rules().empty());
}

TEST_CASE("R-OWNER-XACCT: unchecked when either account is unknown") {
  auto no_bucket_owner = every_fact_context();
  no_bucket_owner.bucket_owner_account_id.reset();
  CHECK(validate_all(full_request(), no_bucket_owner).unchecked() == "R-OWNER-XACCT");
  auto no_caller = every_fact_context();
  no_caller.caller_account_id.reset();
  no_caller.bucket_owner_account_id = other_account;
  const auto o = validate_all(full_request(), no_caller);
  CHECK(o.rules().empty());
  CHECK(o.unchecked() == "R-TABLEARN-ACCOUNT R-OWNER-XACCT");
}
