// The wire of DescribeExport and ListExports (SERVICE.md §5, §6) through the
// same json::read and json::write as every other shape: the bodies of
// SERVICE.md §8's worked examples, byte for byte, with their CRC-32.

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>

#include "ddbexport/detail/crc32.hpp"
#include "ddbexport/json/json.hpp"
#include "ddbexport/request_equality.hpp"

using namespace ddbexport;

namespace {

template <class T>
std::string written(const T& value) {
  std::string text;
  container_output out{text};
  REQUIRE(json::write(value, out).ok());
  return text;
}

/// Reads `body` into `value` with storage that outlives the test's use of it.
template <class T>
std::unique_ptr<json::owning_arena> read_into(std::string_view body, T& value) {
  auto storage = std::make_unique<json::owning_arena>(body.size());
  const auto result = json::read(body, value, *storage);
  INFO("read of ", body);
  REQUIRE(result.ok());
  return storage;
}

constexpr std::string_view e1_description =
    R"({"ExportDescription":{"ExportArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/01792000000500-34353637",)"
    R"("ExportStatus":"IN_PROGRESS","StartTime":1792000000.5,"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders",)"
    R"("TableId":"0b5e7c1d-92f4-4a3b-8e6d-5c4f3a2b1e0d","ExportTime":1792000000.5,"ClientToken":"6c1f0a52-9d3e-4b7a-8f21-3c5d7e9a0b14",)"
    R"("S3Bucket":"ddb-exports-demo","S3SseAlgorithm":"AES256","ExportFormat":"DYNAMODB_JSON"}})";

constexpr std::string_view e6_page_1 =
    R"({"ExportSummaries":[{"ExportArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/01792000300250-34353637",)"
    R"("ExportStatus":"IN_PROGRESS","ExportType":"INCREMENTAL_EXPORT"},{"ExportArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/01792000000500-34353637",)"
    R"("ExportStatus":"COMPLETED","ExportType":"FULL_EXPORT"}],"NextToken":"6f72646572732f6578706f72742f30313739323030303030303530302d3334333533363337"})";

}  // namespace

TEST_CASE("DescribeExportOutput: SERVICE.md E1's description is written byte for byte") {
  describe_export_response response;
  const auto storage = read_into(e1_description, response);
  const std::string body = written(response);
  CHECK(body == e1_description);
  CHECK(body.size() == 456);
  CHECK(detail::crc32(body) == 3473897124u);
  // The same description answers ExportTableToPointInTime, through its own shape.
  const export_response created{response.export_description};
  CHECK(written(created) == body);
  CHECK(written(describe_export_response{}) == "{}");
}

TEST_CASE("ListExportsOutput: SERVICE.md E6's pages, a list of structures in the arena") {
  list_exports_response page;
  const auto storage = read_into(e6_page_1, page);
  REQUIRE(page.export_summaries.has_value());
  REQUIRE(page.export_summaries->size() == 2);
  CHECK((*page.export_summaries)[0].export_status == export_status::in_progress);
  CHECK((*page.export_summaries)[1].export_type == export_type::full_export);
  const std::string body = written(page);
  CHECK(body == e6_page_1);
  CHECK(body.size() == 427);
  CHECK(detail::crc32(body) == 1945162616u);

  // V-LIST-OUT: an empty page still carries its (empty) list.
  const list_exports_response empty{.export_summaries = std::span<const export_summary>{}};
  CHECK(written(empty) == R"({"ExportSummaries":[]})");
  CHECK(detail::crc32(written(empty)) == 3102986012u);

  // Values built in code write the same way, in model order.
  const export_summary summaries[] = {
      {.export_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders-v2/export/01792000200000-34353637",
       .export_status = export_status::failed,
       .export_type = export_type::full_export}};
  const list_exports_response page_2{.export_summaries = summaries};
  const std::string second = written(page_2);
  CHECK(second.size() == 175);
  CHECK(detail::crc32(second) == 3884708632u);
}

TEST_CASE("ListExportsOutput: the reader is as strict as for any shape (W-TYPE, W-DUPKEY)") {
  json::owning_arena storage{256};
  list_exports_response page;
  auto r = json::read(R"({"ExportSummaries":{}})", page, storage);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error->rule == rule_id::w_type);
  CHECK(r.error->detail == "Start of structure or map found where not expected");
  r = json::read(R"({"ExportSummaries":[1]})", page, storage);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error->detail == "Unexpected field type");
  r = json::read(R"({"ExportSummaries":[[]]})", page, storage);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error->detail == "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.ExportSummary");
  r = json::read(R"({"ExportSummaries":[{"ExportArn":"a","ExportArn":"b"}]})", page, storage);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error->rule == rule_id::w_dupkey);
  // Unknown members are dropped at any depth; null elements are dropped as the SDK drops them.
  REQUIRE(json::read(R"({"ExportSummaries":[null,{"ExportArn":"a","X":1}],"Y":{}})", page, storage).ok());
  REQUIRE(page.export_summaries->size() == 1);
  CHECK(written(page) == R"({"ExportSummaries":[{"ExportArn":"a"}]})");
}

TEST_CASE("DescribeExportInput and ListExportsInput round-trip through json::read and json::write") {
  describe_export_request describe;
  const auto a = read_into(R"({"ExportArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/x"})", describe);
  CHECK(written(describe) == R"({"ExportArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/x"})");
  list_exports_request list;
  const auto b = read_into(R"({"NextToken":"zz","MaxResults":2,"TableArn":"t"})", list);
  CHECK(written(list) == R"({"TableArn":"t","MaxResults":2,"NextToken":"zz"})");
  const std::string canonical = written(list);
  list_exports_request again;
  const auto c = read_into(canonical, again);
  CHECK(same_value(list, again));
}
