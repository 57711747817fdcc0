// Stage T: TableArn and the table facts of RULES.md §3.7.

#include "validation_helpers.hpp"

#include <string>

using namespace ddbexport;
using namespace ddbexport::test;

namespace {

export_request for_table(std::string_view arn) {
  export_request r = full_request();
  r.table_arn = arn;
  return r;
}

/// A context in which every later TableArn rule would fail if it ran.
validation_context<> hostile_context() {
  auto c = every_fact_context();
  c.caller_account_id = other_account;
  c.bucket_owner_account_id = other_account;  // the caller's own bucket: no R-OWNER-XACCT
  c.table_exists = false;
  pitr_of(c).point_in_time_recovery_status = point_in_time_recovery_status::disabled;
  return c;
}

}  // namespace

TEST_CASE("R-TABLEARN-NOTARN: a bare name or a broken ARN; every other TableArn rule is skipped") {
  for (std::string_view bad : {
           "Music",
           "arn:aws:dynamodb:us-east-1:123456789012",  // five fields
           "urn:aws:dynamodb:us-east-1:123456789012:table/Music",
           "arn::dynamodb:us-east-1:123456789012:table/Music",   // empty partition
           "arn:aws::us-east-1:123456789012:table/Music",        // empty service
           "arn:aws:dynamodb:us-east-1:123456789012:",           // empty resource
           "arn:aws-moon:dynamodb:mars-1:123456789012",          // would also be a bad partition
       }) {
    CAPTURE(std::string(bad));
    const auto o = validate_all(for_table(bad), hostile_context());
    check_rejected(o, rule_id::r_tablearn_notarn, "TableArn", "ValidationException",
                   "One or more parameter values were invalid: tableArn is not a valid ARN");
    CHECK(o.rules() == "R-TABLEARN-NOTARN");
    // Skipped rules are not unchecked either.
    CHECK(validate_all(for_table(bad)).unchecked() == "R-OWNER-XACCT");
  }
}

TEST_CASE("R-TABLEARN-NOTTABLE: not a DynamoDB table ARN; ACCOUNT, EXISTS and PITR-REQ are skipped") {
  for (std::string_view bad : {
           "arn:aws:dynamodb:us-east-1:123456789012:table/Music/index/ByArtist",
           "arn:aws:dynamodb:us-east-1:123456789012:table/Music/stream/2024-01-01T00:00:00.000",
           "arn:aws:lambda:us-east-1:123456789012:table/Music",
           "arn:aws:dynamodb:us-east-1:12345678901:table/Music",
           "arn:aws:dynamodb:us-east-1:1234567890123:table/Music",
           "arn:aws:dynamodb:us-east-1:123456789012:Music",
           "arn:aws:dynamodb:us-east-1:123456789012:table/ab",  // names have 3..255 characters
           "arn:aws:dynamodb:us-east-1:123456789012:table/Mu:sic",
           "arn:aws:dynamodb:us-east-1:123456789012:table/Mu$ic",
       }) {
    CAPTURE(std::string(bad));
    const auto o = validate_all(for_table(bad), hostile_context());
    check_rejected(o, rule_id::r_tablearn_nottable, "TableArn", "ValidationException",
                   "Invalid Request: Table ARN is invalid.");
    CHECK(o.rules() == "R-TABLEARN-NOTTABLE");
    CHECK(validate_all(for_table(bad)).unchecked() == "R-OWNER-XACCT");
  }
  // An empty region is NOTTABLE; the partition advice still reads the ARN.
  const auto no_region = validate_all(for_table("arn:aws:dynamodb::123456789012:table/Music"), hostile_context());
  CHECK(no_region.rules() == "R-TABLEARN-NOTTABLE R-TABLEARN-PARTITION");
  // Names of 3 and 255 characters from [a-zA-Z0-9_.-] pass.
  const std::string longest = "arn:aws:dynamodb:us-east-1:123456789012:table/" + repeat("a", 254) + "_";
  check_accepted(validate_all(for_table("arn:aws:dynamodb:us-east-1:123456789012:table/a.-"), every_fact_context()));
  check_accepted(validate_all(for_table(longest), every_fact_context()));
  CHECK(validate_all(for_table(longest + "b"), every_fact_context()).rules() == "R-TABLEARN-NOTTABLE");
}

TEST_CASE("R-TABLEARN-PARTITION: every known partition with a fitting region passes") {
  for (std::string_view arn : {
           "arn:aws:dynamodb:us-east-1:123456789012:table/Music",
           "arn:aws:dynamodb:eu-west-3:123456789012:table/Music",
           "arn:aws:dynamodb:ap-southeast-2:123456789012:table/Music",
           "arn:aws:dynamodb:sa-east-1:123456789012:table/Music",
           "arn:aws:dynamodb:ca-central-1:123456789012:table/Music",
           "arn:aws:dynamodb:me-south-1:123456789012:table/Music",
           "arn:aws:dynamodb:af-south-1:123456789012:table/Music",
           "arn:aws:dynamodb:il-central-1:123456789012:table/Music",
           "arn:aws:dynamodb:mx-central-1:123456789012:table/Music",
           "arn:aws-cn:dynamodb:cn-northwest-1:123456789012:table/Music",
           "arn:aws-us-gov:dynamodb:us-gov-west-1:123456789012:table/Music",
           "arn:aws-iso:dynamodb:us-iso-east-1:123456789012:table/Music",
           "arn:aws-iso-b:dynamodb:us-isob-east-1:123456789012:table/Music",
           "arn:aws-iso-e:dynamodb:eu-isoe-west-1:123456789012:table/Music",
           "arn:aws-iso-f:dynamodb:us-isof-south-1:123456789012:table/Music",
           "arn:aws-eusc:dynamodb:eusc-de-east-1:123456789012:table/Music",
       }) {
    CAPTURE(std::string(arn));
    const auto o = validate_all(for_table(arn), every_fact_context());
    check_accepted(o);
    CHECK(o.rules().empty());
  }
}

TEST_CASE("R-TABLEARN-PARTITION: an unknown partition or a region of another partition is advice only") {
  struct bad_case {
    std::string_view arn, partition, region;
  };
  for (const auto& c : {
           bad_case{"arn:aws:dynamodb:cn-north-1:123456789012:table/Music", "aws", "cn-north-1"},
           bad_case{"arn:aws:dynamodb:us-gov-west-1:123456789012:table/Music", "aws", "us-gov-west-1"},
           bad_case{"arn:aws:dynamodb:us-east:123456789012:table/Music", "aws", "us-east"},
           bad_case{"arn:aws:dynamodb:US-EAST-1:123456789012:table/Music", "aws", "US-EAST-1"},
           bad_case{"arn:aws-cn:dynamodb:us-east-1:123456789012:table/Music", "aws-cn", "us-east-1"},
           bad_case{"arn:aws-iso:dynamodb:us-isob-east-1:123456789012:table/Music", "aws-iso", "us-isob-east-1"},
           bad_case{"arn:aws-moon:dynamodb:us-east-1:123456789012:table/Music", "aws-moon", "us-east-1"},
       }) {
    CAPTURE(std::string(c.arn));
    const auto o = validate_all(for_table(c.arn), every_fact_context());
    check_accepted(o);  // the service ignores the ARN's region
    CHECK(o.rules() == "R-TABLEARN-PARTITION");
    check_reported(o, rule_id::r_tablearn_partition, "TableArn", "",
                   "TableArn partition or region looks wrong: '" + std::string(c.partition) + "' / '" +
                       std::string(c.region) + "'");
  }
}

TEST_CASE("R-TABLEARN-ACCOUNT: the ARN's account must be the caller's") {
  auto ctx = every_fact_context();
  ctx.caller_account_id = other_account;
  ctx.bucket_owner_account_id = other_account;
  const auto o = validate_all(full_request(), ctx);
  check_rejected(o, rule_id::r_tablearn_account, "TableArn", "AccessDeniedException", "Access is denied");
  CHECK(o.rules() == "R-TABLEARN-ACCOUNT");

  ctx.caller_account_id.reset();
  const auto unknown = validate_all(full_request(), ctx);
  check_accepted(unknown);
  CHECK(unknown.unchecked() == "R-TABLEARN-ACCOUNT R-OWNER-XACCT");
}

TEST_CASE("R-TABLE-EXISTS: TableExists false; the message echoes the ARN as sent") {
  constexpr std::string_view arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/my.table-1";
  auto ctx = every_fact_context();
  ctx.table_exists = false;
  const auto o = validate_all(for_table(arn), ctx);
  check_rejected(o, rule_id::r_table_exists, "TableArn", "TableNotFoundException",
                 "Table not found: arn:aws:dynamodb:eu-west-1:123456789012:table/my.table-1");
  CHECK(o.rules() == "R-TABLE-EXISTS");
}

TEST_CASE("R-TABLE-EXISTS: an absent TableExists means true, so the rule is never unchecked") {
  auto ctx = every_fact_context();
  ctx.table_exists.reset();
  const auto o = validate_all(full_request(), ctx);
  check_accepted(o);
  CHECK(o.result.unchecked.empty());
  CHECK_FALSE(validate_all(full_request()).result.unchecked.contains(rule_id::r_table_exists));
}

TEST_CASE("R-TABLEARN-ACCOUNT, R-TABLE-EXISTS: both reported, the account decides the error") {
  auto ctx = every_fact_context();
  ctx.caller_account_id = other_account;
  ctx.bucket_owner_account_id = other_account;
  ctx.table_exists = false;
  const auto o = validate_all(full_request(), ctx);
  CHECK(o.rules() == "R-TABLEARN-ACCOUNT R-TABLE-EXISTS");
  CHECK(o.result.error() == error_kind::access_denied);
  CHECK(o.error_body == "Access is denied");
}
