// The sinks see one stream of diagnostics: collecting all, keeping the first
// violation, or counting must agree, and the validation_result must not depend
// on which sink was used.

#include "validation_helpers.hpp"

#include "ddbexport/validate/validate.hpp"

#include <string>
#include <vector>

using namespace ddbexport;
using namespace ddbexport::test;

namespace {

struct sample {
  std::string name;
  export_request request;
  validation_context<> context;
};

const ledger_entry earlier[] = {
    {.request = {.table_arn = music_arn, .s3_bucket = bucket, .client_token = "tok"},
     .export_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Music/export/01789990000000-0badcafe"},
};
const span_ledger earlier_ledger{earlier};

std::vector<sample> batch() {
  std::vector<sample> s;
  s.push_back({"valid, full context", full_request(), every_fact_context()});
  s.push_back({"§4 example, no context",
               {.table_arn = "", .s3_bucket = "my bucket", .export_format = export_format_value::from_text("CSV")},
               {}});
  {
    sample x{"shape, PITR and warnings", full_request(), every_fact_context()};
    x.request.s3_bucket = "My_Bucket";
    x.request.s3_prefix = "";
    x.request.s3_bucket_owner = other_account;
    pitr_of(x.context).point_in_time_recovery_status = point_in_time_recovery_status::disabled;
    s.push_back(x);
  }
  {
    sample x{"warnings only", full_request(), every_fact_context()};
    x.request.s3_bucket = "xn--a..b-s3alias";
    x.request.s3_prefix = "/p";
    x.context.bucket_owner_account_id = other_account;
    s.push_back(x);
  }
  {
    sample x{"incremental window and token conflict", incremental_request(now - 1h, now - 1h + 1min),
             every_fact_context()};
    x.request.client_token = "tok";
    x.context.previous_exports = &earlier_ledger;
    s.push_back(x);
  }
  {
    sample x{"replay", full_request(), every_fact_context()};
    x.request.client_token = "tok";
    x.context.previous_exports = &earlier_ledger;
    s.push_back(x);
  }
  {
    sample x{"not an ARN, future ExportTime, stage I", full_request(), every_fact_context()};
    x.request.table_arn = "Music";
    x.request.export_time = now + 1h;
    x.request.s3_sse_kms_key_id = "alias/aws/s3";
    x.request.filter_specification = filter_specification{};
    s.push_back(x);
  }
  s.push_back({"incremental, no context", incremental_request(now - 1h), {}});
  return s;
}

bool same_diagnostic(const diagnostic& a, const diagnostic& b) {
  return a.rule == b.rule && a.path == b.path && a.subject == b.subject && a.number == b.number &&
         a.detail == b.detail && a.constraint == b.constraint;
}

void check_same_result(const validation_result& a, const validation_result& b) {
  CHECK(a.violations == b.violations);
  CHECK(a.warnings == b.warnings);
  CHECK(a.failed_stage == b.failed_stage);
  CHECK(a.first_error.has_value() == b.first_error.has_value());
  if (a.first_error && b.first_error) CHECK(same_diagnostic(*a.first_error, *b.first_error));
  CHECK(a.shape_items == b.shape_items);
  CHECK(ids_of(a.unchecked) == ids_of(b.unchecked));
  CHECK(a.replay_of == b.replay_of);
}

}  // namespace

TEST_CASE("collect_sink, first_sink and count_sink agree with collecting everything") {
  for (const auto& s : batch()) {
    CAPTURE(s.name);
    std::vector<diagnostic> all;
    container_sink everything{all};
    const auto reference = validate(s.request, s.context, everything);

    std::size_t violations = 0;
    const diagnostic* first_violation = nullptr;
    for (const auto& d : all) {
      if (!d.is_violation()) continue;
      ++violations;
      if (!first_violation) first_violation = &d;
    }
    CHECK(reference.violations == violations);
    CHECK(reference.warnings == all.size() - violations);

    collect_sink<64> collected;
    check_same_result(validate(s.request, s.context, collected), reference);
    REQUIRE(collected.size() == all.size());
    CHECK(collected.dropped() == 0);
    for (std::size_t i = 0; i < all.size(); ++i) CHECK(same_diagnostic(collected[i], all[i]));

    first_sink first;
    check_same_result(validate(s.request, s.context, first), reference);
    REQUIRE(first.first().has_value() == (first_violation != nullptr));
    if (first_violation) {
      CHECK(same_diagnostic(*first.first(), *first_violation));
      CHECK(same_diagnostic(*first.first(), *reference.first_error));
    }

    count_sink counted;
    check_same_result(validate(s.request, s.context, counted), reference);
    CHECK(counted.violations() == violations);
    CHECK(counted.warnings() == all.size() - violations);
  }
}

TEST_CASE("collect_sink counts what it cannot hold") {
  const export_request r{
      .table_arn = "", .s3_bucket = "my bucket", .export_format = export_format_value::from_text("CSV")};
  collect_sink<2> small;
  const auto result = validate(r, small);
  CHECK(small.size() == 2);
  CHECK(small.dropped() == 1);
  CHECK(result.violations == 3);
  CHECK(small.has(rule_id::s_bucket_pat));
  CHECK_FALSE(small.has(rule_id::s_fmt_enum));
}

TEST_CASE("R-DESC-SHAPE, S-OUT-STATUS: a response's result is the same through first_sink and count_sink") {
  // Regression: the response checks used to count through the sink, so a
  // first_sink (which stops at the first violation) made the result say 1
  // where a count_sink said 3.
  const export_response response{export_description{
      .export_status = export_status_value::from_text("DONE"),
      .table_arn = "",
      .export_format = export_format::dynamodb_json,
  }};
  std::vector<diagnostic> all;
  container_sink everything{all};
  const auto reference = validate(response, response_context{}, everything);
  REQUIRE(all.size() >= 3);
  CHECK(reference.violations == all.size());
  CHECK(reference.failed_stage == stage::response);
  CHECK(reference.first_error->rule == rule_id::s_out_status);

  first_sink first;
  const auto stopped = validate(response, response_context{}, first);
  check_same_result(stopped, reference);
  CHECK(first.first()->rule == rule_id::s_out_status);
  count_sink counted;
  check_same_result(validate(response, response_context{}, counted), reference);
  CHECK(counted.violations() == all.size());
}

TEST_CASE("ERR-BODY, ERR-NAME, V-LIST-SHAPE: error-body and input checks count the same through every sink") {
  error_reading reading;
  reading.code = "NoSuchThing";
  reading.message = "x";
  std::vector<diagnostic> all;
  container_sink everything{all};
  const auto reference = validate(reading, error_body_context{}, everything);
  CHECK(all.size() == 2);  // ERR-BODY (no __type), ERR-NAME (advice)
  CHECK(reference.violations == 1);
  CHECK(reference.warnings == 1);
  first_sink first;
  check_same_result(validate(reading, error_body_context{}, first), reference);
  count_sink counted;
  check_same_result(validate(reading, error_body_context{}, counted), reference);

  const list_exports_request input{.table_arn = "", .max_results = 0};
  std::vector<diagnostic> items;
  container_sink items_sink{items};
  const auto shape = validate(input, shape_context{}, items_sink);
  CHECK(items.size() == 2);
  CHECK(shape.shape_items == 2);
  first_sink first_item;
  check_same_result(validate(input, shape_context{}, first_item), shape);
}
