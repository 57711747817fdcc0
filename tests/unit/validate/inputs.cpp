// DescribeExport's and ListExports' inputs (SERVICE.md §5, §6): their stage D
// through json::read, their shape checks through validate(), and the error
// bodies a server answers with, byte for byte as SERVICE.md §8 gives them.

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/detail/crc32.hpp"
#include "ddbexport/json/json.hpp"
#include "ddbexport/validate/validate.hpp"

using namespace ddbexport;

namespace {

template <class Input>
struct checked_input {
  std::unique_ptr<json::owning_arena> storage{};
  Input value{};
  json::read_result read{};
  validation_result result{};
  std::vector<diagnostic> diags{};
  std::string report_body{};  ///< the validation report's `error`
  std::string wire_body{};    ///< what a server sends (SERVICE.md V-ERRBODY)
};

template <class Input>
checked_input<Input> check(std::string_view body) {
  checked_input<Input> c;
  c.storage = std::make_unique<json::owning_arena>(body.size());
  c.read = json::read(body, c.value, *c.storage);
  container_output report{c.report_body};
  container_output wire{c.wire_body};
  if (!c.read.ok()) {
    json::write_error_body(c.read, report);
    json::write_error_body(c.read, wire, json::message_member::as_service);
    return c;
  }
  container_sink sink{c.diags};
  c.result = validate(c.value, shape_context{}, sink);
  json::write_error_body(c.value, shape_context{}, c.result, report);
  json::write_error_body(c.value, shape_context{}, c.result, wire, json::message_member::as_service);
  return c;
}

std::string validation_body(std::string_view message) {
  return R"({"__type":"com.amazon.coral.validate#ValidationException","message":")" + std::string(message) + "\"}";
}

constexpr std::string_view table = "arn:aws:dynamodb:us-east-1:123456789012:table/orders";

}  // namespace

TEST_CASE("V-DESC-SHAPE: ExportArn is required, 37 to 1024 characters, path exportArn") {
  auto c = check<describe_export_request>("{}");
  CHECK(c.wire_body == validation_body("1 validation error detected: Value null at 'exportArn' failed to satisfy "
                                       "constraint: Member must not be null"));
  REQUIRE(c.diags.size() == 1);
  CHECK(c.diags[0].rule == rule_id::v_desc_shape);

  c = check<describe_export_request>(R"({"ExportArn":"arn:short"})");
  CHECK(c.wire_body == validation_body("1 validation error detected: Value 'arn:short' at 'exportArn' failed to "
                                       "satisfy constraint: Member must have length greater than or equal to 37"));
  const std::string long_arn(1025, 'a');
  c = check<describe_export_request>(R"({"ExportArn":")" + long_arn + "\"}");
  CHECK(c.wire_body == validation_body("1 validation error detected: Value '" + long_arn +
                                       "' at 'exportArn' failed to satisfy constraint: Member must have length less "
                                       "than or equal to 1024"));
  // Lengths count code points: 37 two-byte characters pass.
  std::string accented;
  for (int i = 0; i < 37; ++i) accented += "\xC3\xA9";
  c = check<describe_export_request>(R"({"ExportArn":")" + accented + "\"}");
  CHECK(c.result.valid());
  CHECK(c.wire_body.empty());
}

TEST_CASE("V-DESC-SHAPE: stage D of a string member follows RULES.md's W- rules") {
  auto c = check<describe_export_request>(R"({"ExportArn":5})");
  REQUIRE_FALSE(c.read.ok());
  CHECK(c.read.error->rule == rule_id::w_type);
  CHECK(c.wire_body ==
        R"({"__type":"com.amazon.coral.service#SerializationException","Message":"NUMBER_VALUE cannot be converted to String"})");
  CHECK(c.report_body ==
        R"({"__type":"com.amazon.coral.service#SerializationException","message":"NUMBER_VALUE cannot be converted to String"})");
  // W-JSON, W-LIMIT and W-DUPKEY answer without a text: no member on the wire, '' in the report.
  c = check<describe_export_request>(R"({"ExportArn":"a","ExportArn":"b"})");
  CHECK(c.read.error->rule == rule_id::w_dupkey);
  CHECK(c.wire_body == R"({"__type":"com.amazon.coral.service#SerializationException"})");
  CHECK(c.report_body == R"({"__type":"com.amazon.coral.service#SerializationException","message":""})");
  c = check<describe_export_request>("[]");
  CHECK(c.read.error->rule == rule_id::w_json);
  CHECK(c.wire_body == R"({"__type":"com.amazon.coral.service#SerializationException"})");
}

TEST_CASE("V-LIST-SHAPE: SERVICE.md E7, tableArn then maxResults in one ValidationException") {
  const auto c = check<list_exports_request>(R"({"TableArn":"","MaxResults":26})");
  const std::string expected =
      R"({"__type":"com.amazon.coral.validate#ValidationException","message":"2 validation errors detected: )"
      R"(Value '' at 'tableArn' failed to satisfy constraint: Member must have length greater than or equal to 1; )"
      R"(Value '26' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 25"})";
  CHECK(c.wire_body == expected);
  CHECK(c.wire_body.size() == 310);
  CHECK(detail::crc32(c.wire_body) == 3414424625u);
  CHECK(c.result.shape_items == 2);
  REQUIRE(c.diags.size() == 2);
  CHECK(c.diags[0].rule == rule_id::v_list_shape);
  CHECK(c.diags[1].rule == rule_id::v_list_shape);
}

TEST_CASE("V-LIST-SHAPE: MaxResults is floored before the range check, and quoted floored") {
  const auto item = [](std::string_view number) {
    const auto c = check<list_exports_request>(R"({"MaxResults":)" + std::string(number) + "}");
    REQUIRE(c.read.ok());
    return c.wire_body;
  };
  const auto range_body = [](std::string_view value, std::string_view constraint) {
    return validation_body("1 validation error detected: Value '" + std::string(value) +
                           "' at 'maxResults' failed to satisfy constraint: Member must have value " +
                           std::string(constraint));
  };
  CHECK(item("26.9") == range_body("26", "less than or equal to 25"));
  CHECK(item("2.6e1") == range_body("26", "less than or equal to 25"));
  CHECK(item("-0.5") == range_body("-1", "greater than or equal to 1"));
  CHECK(item("-0") == range_body("0", "greater than or equal to 1"));
  CHECK(item("0.99") == range_body("0", "greater than or equal to 1"));
  CHECK(item("25.999").empty());
  CHECK(item("1E0").empty());
  CHECK(item("1").empty());
  CHECK(item("-2147483648") == range_body("-2147483648", "greater than or equal to 1"));
  auto c = check<list_exports_request>(R"({"MaxResults":7.5,"NextToken":"t"})");
  CHECK(*c.value.max_results == 7);
}

TEST_CASE("V-LIST-SHAPE: MaxResults' stage D texts are Coral's Integer texts (SERVICE.md §6)") {
  const auto serialization = [](std::string_view body) {
    const auto c = check<list_exports_request>(body);
    REQUIRE_FALSE(c.read.ok());
    CHECK(c.read.error->rule == rule_id::w_type);
    return c.wire_body;
  };
  const auto with_text = [](std::string_view text) {
    return R"({"__type":"com.amazon.coral.service#SerializationException","Message":")" + std::string(text) + "\"}";
  };
  CHECK(serialization(R"({"MaxResults":"5"})") == with_text("STRING_VALUE cannot be converted to Integer"));
  CHECK(serialization(R"({"MaxResults":true})") == with_text("TRUE_VALUE cannot be converted to Integer"));
  CHECK(serialization(R"({"MaxResults":false})") == with_text("FALSE_VALUE cannot be converted to Integer"));
  CHECK(serialization(R"({"MaxResults":[1]})") == with_text("Unrecognized collection type class java.lang.Integer"));
  CHECK(serialization(R"({"MaxResults":{}})") == with_text("Start of structure or map found where not expected"));
  // Infinite after rounding, or outside int32 after flooring.
  for (const auto* number : {"1e400", "-1e400", "2147483648", "2147483648.5", "-2147483649", "1e10", "99999999999999999999"})
    CHECK(serialization(R"({"MaxResults":)" + std::string(number) + "}") ==
          with_text("NUMBER_VALUE cannot be converted to Integer"));
  // A tiny number rounds to zero.
  const auto c = check<list_exports_request>(R"({"MaxResults":-1e-400})");
  REQUIRE(c.read.ok());
  CHECK(*c.value.max_results == 0);
}

TEST_CASE("V-LIST-SHAPE: TableArn and NextToken are strings; a valid input has no error body") {
  auto c = check<list_exports_request>(R"({"TableArn":")" + std::string(table) + R"(","MaxResults":25,"NextToken":""})");
  CHECK(c.result.valid());
  CHECK(c.wire_body.empty());
  CHECK(*c.value.next_token == "");
  c = check<list_exports_request>(R"({"NextToken":1})");
  CHECK(c.wire_body ==
        R"({"__type":"com.amazon.coral.service#SerializationException","Message":"NUMBER_VALUE cannot be converted to String"})");
  // Unknown members are ignored, with W-UNKNOWN for whoever listens.
  json::owning_arena storage{64};
  list_exports_request value;
  std::vector<diagnostic> warnings;
  container_sink sink{warnings};
  REQUIRE(json::read(R"({"Limit":3})", value, storage, sink).ok());
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].rule == rule_id::w_unknown);
}
