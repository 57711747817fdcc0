// Reading into caller storage and writing into a buffer allocate nothing at
// all. Part of the no-alloc executable, which links the suite's one counting
// operator new (support/counting_new.cpp).
#include "ddbexport/json/reader.hpp"
#include "ddbexport/json/writer.hpp"
#include "ddbexport/validate/sinks.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <string_view>

#include "counting_new.hpp"

using namespace ddbexport;
using ddbexport::test::allocations;

TEST_CASE("read_request with caller storage and write_request to a buffer allocate nothing") {
  constexpr std::string_view body =
      R"({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/T","S3Bucket":"b","ExportTime":1.5620543552385E9,)"
      R"("ClientToken":"t\u00e9","S3Prefix":"a\nb","Unknown":{"x":[1,2,{"y":null}]},)"
      R"("IncrementalExportSpecification":{"ExportFromTime":1,"ExportViewType":"NEW_IMAGE"},)"
      R"("FilterSpecification":{"FilterExpression":"#a = :v","ExpressionAttributeNames":{"#a":"x","10":"y","2":"z"},)"
      R"("ExpressionAttributeValues":{":v":{"M":{"k":{"L":[{"B":"AAF="},{"SS":["a","b"]},{"NULL":true}]}}},)"
      R"(":w":{"BS":["AAE="]}}}})";
  alignas(std::max_align_t) static std::array<std::byte, 16384> storage_bytes;
  static std::array<char, 4096> output_bytes;
  collect_sink<8> warnings;

  const std::size_t before = allocations();
  json::arena storage{storage_bytes};
  export_request request;
  const auto result = json::read_request(body, request, storage, json::read_limits{}, warnings);
  buffer_output out{output_bytes};
  json::write_request(request, out);
  const std::size_t after = allocations();

  REQUIRE(result.ok());
  CHECK(after == before);
  CHECK_FALSE(out.overflowed());
  CHECK(warnings.size() == 2);  // W-UNKNOWN and R-ET-GRAN
  CHECK(out.view().find(R"("ExpressionAttributeNames":{"2":"z","10":"y","#a":"x"})") != std::string_view::npos);
  CHECK(out.view().find(R"({"B":"AAE="})") != std::string_view::npos);
}

TEST_CASE("hostile input allocates nothing either") {
  alignas(std::max_align_t) static std::array<std::byte, 65536> storage_bytes;
  std::array<char, 2000> deep{};
  deep.fill('[');
  for (std::size_t i = 0; i < 5; ++i) deep[i] = R"({"X":)"[i];
  const std::string_view hostile[] = {R"({"Extra":{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9,"a":0}})",
                                      R"({"ExportTime":1e400})", std::string_view{deep.data(), deep.size()}};
  for (auto body : hostile) {
    const std::size_t before = allocations();
    json::arena storage{storage_bytes};
    export_request request;
    const auto result = json::read_request(body, request, storage);
    CHECK(allocations() == before);
    CHECK_FALSE(result.ok());
  }
}
