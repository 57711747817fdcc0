#include "ddbexport/validate/response.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ddbexport/validate/messages.hpp"
#include "ddbexport/validate/sinks.hpp"
#include "fixtures.hpp"

using namespace ddbexport;

namespace {

constexpr std::string_view table = "arn:aws:dynamodb:us-east-1:123456789012:table/Music";
constexpr std::string_view arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Music/export/01683331200000-abcdef12";

export_description completed() {
  return export_description{
      .export_arn = arn,
      .export_status = export_status::completed,
      .start_time = from_epoch_ms(1683331200000),
      .end_time = from_epoch_ms(1683331300000),
      .export_manifest = "exports/AWSDynamoDB/01683331200000-abcdef12/manifest-summary.json",
      .table_arn = table,
      .table_id = "0123abcd-0123-4567-89ab-0123456789ab",
      .export_time = from_epoch_ms(1683331100000),
      .s3_bucket = "my-bucket",
      .s3_prefix = "exports",
      .s3_sse_algorithm = s3_sse_algorithm::aes256,
      .export_format = export_format::dynamodb_json,
      .billed_size_bytes = 2048,
      .item_count = 10,
  };
}

export_description incremental_completed() {
  auto d = completed();
  d.export_time.reset();
  d.export_type = export_type::incremental_export;
  d.billed_size_bytes = incremental_min_billed_bytes;
  d.incremental_export_specification = incremental_export_specification{
      .export_from_time = from_epoch_ms(1683331200000 - 3600000),
      .export_to_time = from_epoch_ms(1683331200000),
      .export_view_type = export_view_type::new_and_old_images,
  };
  return d;
}

struct checked {
  std::vector<diagnostic> diags;
  validation_result result;
  [[nodiscard]] std::vector<std::string> rules() const {
    std::vector<std::string> out;
    for (const auto& d : diags) out.emplace_back(to_string(d.rule));
    return out;
  }
  [[nodiscard]] std::string path(std::size_t i) const {
    std::string s;
    container_output o{s};
    diags.at(i).path.write(o);
    return s;
  }
};

checked check(const export_description& d, const export_request* request = nullptr) {
  checked c;
  container_sink sink{c.diags};
  c.result = validate_response(export_response{d}, sink, request);
  return c;
}

using rules = std::vector<std::string>;

}  // namespace

TEST_CASE("a consistent completed description passes every response check") {
  const auto c = check(completed());
  CHECK(c.result.valid());
  CHECK(c.rules().empty());
  CHECK(check(incremental_completed()).rules().empty());
}

TEST_CASE("R-DESC-PRESENT: a body without ExportDescription") {
  std::vector<diagnostic> diags;
  container_sink sink{diags};
  const auto result = validate_response(export_response{}, sink);
  CHECK_FALSE(result.valid());
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].rule == rule_id::r_desc_present);
  CHECK(error_name(diags[0].rule) == "ResponseCheck");
  std::string message;
  container_output out{message};
  write_message(diags[0], out);
  CHECK(message == "ExportDescription: R-DESC-PRESENT failed");
}

TEST_CASE("S-OUT-STATUS: missing or unknown status") {
  auto d = completed();
  d.export_status = export_status_value::from_text("PAUSED");
  auto c = check(d);
  CHECK(c.rules() == rules{"S-OUT-STATUS"});
  CHECK(c.path(0) == "ExportDescription.ExportStatus");
  d.export_status.reset();
  CHECK(check(d).rules() == rules{"S-OUT-STATUS"});
}

TEST_CASE("R-DESC-SHAPE: shared members keep the input's constraints, S3Prefix min 1") {
  auto d = completed();
  d.s3_prefix = "";
  d.export_manifest = "AWSDynamoDB/01683331200000-abcdef12/manifest-summary.json";
  auto c = check(d);
  CHECK(c.rules() == rules{"R-DESC-SHAPE"});
  CHECK(c.path(0) == "ExportDescription.S3Prefix");
  d = completed();
  d.s3_bucket_owner = "12345678901";
  CHECK(check(d).rules() == rules{"R-DESC-SHAPE"});
  d = completed();
  d.export_format = export_format_value::from_text("PARQUET");
  CHECK(check(d).rules() == rules{"R-DESC-SHAPE"});
}

TEST_CASE("S-OUT-ARN and R-EXPORTARN-SHAPE: length 37..1024 and table ARN + /export/ + id") {
  auto d = completed();
  d.export_arn = "arn:x/export/01683331200000-abcdef12";  // 36 characters
  auto c = check(d);
  CHECK(c.rules() == rules{"S-OUT-ARN", "R-EXPORTARN-SHAPE"});
  d = completed();
  d.export_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Other/export/01683331200000-abcdef12";
  CHECK(check(d).rules() == rules{"R-EXPORTARN-SHAPE"});
  d = completed();
  d.export_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Music/export/01683331200000-ABCDEF12";
  CHECK(check(d).rules() == rules{"R-EXPORTARN-SHAPE"});
}

TEST_CASE("R-EXPORTARN-TIME: the id's 14 digits are StartTime in ms") {
  auto d = completed();
  d.start_time = from_epoch_ms(1683331200001);
  CHECK(check(d).rules() == rules{"R-EXPORTARN-TIME"});
}

TEST_CASE("S-OUT-TABLEID: lowercase UUID") {
  auto d = completed();
  d.table_id = "0123ABCD-0123-4567-89ab-0123456789ab";
  CHECK(check(d).rules() == rules{"S-OUT-TABLEID"});
}

TEST_CASE("S-OUT-COUNTS: counts are not negative") {
  auto d = completed();
  d.item_count = -1;
  auto c = check(d);
  CHECK(c.rules() == rules{"S-OUT-COUNTS"});
  CHECK(c.path(0) == "ExportDescription.ItemCount");
  d = completed();
  d.billed_size_bytes = -5;
  CHECK(check(d).rules() == rules{"S-OUT-COUNTS"});
}

TEST_CASE("R-DESC-INPROGRESS: no end, manifest, counts or failure yet") {
  auto d = completed();
  d.export_status = export_status::in_progress;
  auto c = check(d);
  CHECK(c.rules() == rules{"R-DESC-INPROGRESS"});
  CHECK(c.path(0) == "ExportDescription.EndTime");
  d.end_time.reset();
  d.export_manifest.reset();
  d.item_count.reset();
  d.billed_size_bytes.reset();
  CHECK(check(d).rules().empty());
  d.table_id.reset();
  CHECK(check(d).rules() == rules{"R-DESC-INPROGRESS"});
}

TEST_CASE("R-DESC-COMPLETED: end, manifest and counts present, no failure") {
  auto d = completed();
  d.item_count.reset();
  CHECK(check(d).rules() == rules{"R-DESC-COMPLETED"});
  d = completed();
  d.failure_code = "S3AccessDenied";
  CHECK(check(d).rules() == rules{"R-DESC-COMPLETED"});
}

TEST_CASE("R-DESC-FAILED: a non-empty failure code and message, no items or manifest") {
  auto d = completed();
  d.export_status = export_status::failed;
  d.item_count.reset();
  d.export_manifest.reset();
  d.failure_code = "S3AccessDenied";
  d.failure_message = "Access Denied";
  CHECK(check(d).rules().empty());
  d.failure_code = "";
  CHECK(check(d).rules() == rules{"R-DESC-FAILED"});
  d.failure_code = "S3AccessDenied";
  d.item_count = 0;
  CHECK(check(d).rules() == rules{"R-DESC-FAILED"});
}

TEST_CASE("R-DESC-DEFAULTS: format, encryption and (incremental) view type are back-filled") {
  auto d = completed();
  d.s3_sse_algorithm.reset();
  auto c = check(d);
  CHECK(c.rules() == rules{"R-DESC-DEFAULTS"});
  CHECK(c.path(0) == "ExportDescription.S3SseAlgorithm");
  auto inc = incremental_completed();
  inc.incremental_export_specification->export_view_type.reset();
  c = check(inc);
  CHECK(c.rules() == rules{"R-DESC-DEFAULTS"});
  CHECK(c.path(0) == "ExportDescription.IncrementalExportSpecification.ExportViewType");
}

TEST_CASE("R-DESC-TIMES: EndTime is not before StartTime") {
  auto d = completed();
  d.end_time = from_epoch_ms(1683331199999);
  CHECK(check(d).rules() == rules{"R-DESC-TIMES"});
  d.end_time = d.start_time;
  CHECK(check(d).rules().empty());
}

TEST_CASE("R-DESC-EXPORTTIME: full exports have ExportTime <= StartTime; incremental none") {
  auto d = completed();
  d.export_time = from_epoch_ms(1683331200001);
  CHECK(check(d).rules() == rules{"R-DESC-EXPORTTIME"});
  d.export_time = d.start_time;
  CHECK(check(d).rules().empty());
  d.export_time.reset();
  CHECK(check(d).rules() == rules{"R-DESC-EXPORTTIME"});
  auto inc = incremental_completed();
  inc.export_time = inc.start_time;
  CHECK(check(inc).rules() == rules{"R-DESC-EXPORTTIME"});
}

TEST_CASE("R-DESC-INC: window 900..86400 s ending no later than StartTime") {
  auto inc = incremental_completed();
  auto& spec = *inc.incremental_export_specification;
  spec.export_from_time = from_epoch_ms(to_epoch_ms(*spec.export_to_time) - 899'999);
  CHECK(check(inc).rules() == rules{"R-DESC-INC"});
  spec.export_from_time = from_epoch_ms(to_epoch_ms(*spec.export_to_time) - 900'000);
  CHECK(check(inc).rules().empty());
  spec.export_from_time = from_epoch_ms(to_epoch_ms(*spec.export_to_time) - 86'400'000);
  CHECK(check(inc).rules().empty());
  spec.export_from_time = from_epoch_ms(to_epoch_ms(*spec.export_to_time) - 86'400'001);
  CHECK(check(inc).rules() == rules{"R-DESC-INC"});
  inc = incremental_completed();
  inc.export_type = export_type::full_export;
  CHECK(check(inc).rules() == rules{"R-DESC-INC"});
  inc = incremental_completed();
  inc.incremental_export_specification->export_to_time.reset();
  CHECK(check(inc).rules() == rules{"R-DESC-INC"});
}

TEST_CASE("R-INC-BILL: completed incremental exports bill at least 10,000,000 bytes") {
  auto inc = incremental_completed();
  inc.billed_size_bytes = incremental_min_billed_bytes - 1;
  CHECK(check(inc).rules() == rules{"R-INC-BILL"});
  inc.billed_size_bytes = incremental_min_billed_bytes;
  CHECK(check(inc).rules().empty());
}

TEST_CASE("R-DESC-MANIFEST: prefix joined with '/', AWSDynamoDB/<id>/manifest-summary.json") {
  auto d = completed();
  d.s3_prefix = "exports/";
  CHECK(check(d).rules().empty());
  d.s3_prefix.reset();
  CHECK(check(d).rules() == rules{"R-DESC-MANIFEST"});
  d.export_manifest = "AWSDynamoDB/01683331200000-abcdef12/manifest-summary.json";
  CHECK(check(d).rules().empty());
  d.export_manifest = "AWSDynamoDB/01683331200000-abcdef12/manifest-files.json";
  CHECK(check(d).rules() == rules{"R-DESC-MANIFEST"});
}

TEST_CASE("R-DESC-ECHO: the description echoes the request, defaults back-filled") {
  const export_request request{.table_arn = table, .s3_bucket = "my-bucket", .s3_prefix = "exports"};
  auto d = completed();
  d.export_time = d.start_time;  // defaulted ExportTime shows as StartTime
  CHECK(check(d, &request).rules().empty());
  CHECK(check(completed()).rules().empty());  // without the request the echo rule is skipped
  auto wrong = d;
  wrong.s3_bucket = "other-bucket";
  auto c = check(wrong, &request);
  CHECK(c.rules() == rules{"R-DESC-ECHO"});
  CHECK(c.path(0) == "ExportDescription.S3Bucket");
  wrong = d;
  wrong.export_format = export_format::ion;
  CHECK(check(wrong, &request).rules() == rules{"R-DESC-ECHO"});
  wrong = d;
  wrong.export_type = export_type::full_export;  // allowed: absent or FULL_EXPORT when not sent
  CHECK(check(wrong, &request).rules().empty());
}

TEST_CASE("R-DESC-SHAPE, R-DESC-ECHO: a description with a FilterSpecification nested 10^6 levels deep checks without recursion") {
  for (const auto s : {test::deep_value::shape::list, test::deep_value::shape::map}) {
    const test::deep_value deep{1'000'000, s};
    auto d = completed();
    d.filter_specification = filter_specification{.expression_attribute_values = deep.as_values()};
    const export_request request{.table_arn = table,
                                 .s3_bucket = "my-bucket",
                                 .export_time = d.export_time,
                                 .s3_prefix = "exports",
                                 .filter_specification = d.filter_specification};
    collect_sink<8> sink;
    const auto result = validate(export_response{d}, response_context{&request}, sink);
    CHECK(result.valid());
  }
}
