#include "ddbexport/json/writer.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>

#include "ddbexport/json/detail/plain_text.hpp"
#include "ddbexport/json/error_body.hpp"
#include "ddbexport/json/reader.hpp"
#include "fixtures.hpp"

using namespace ddbexport;

namespace {

template <class T, class F>
std::string written(const T& value, F&& write) {
  std::string text;
  container_output out{text};
  write(value, out);
  return text;
}

std::string request_json(const export_request& r) {
  return written(r, [](const auto& v, auto& out) { json::write_request(v, out); });
}

// ---- compile time: the writer runs in constant evaluation ---------------------

constexpr std::string_view sample_bytes{"\x00\x01\x02\xff", 4};
constexpr std::string_view sample_set[] = {"x", "\xc3\xa9"};
constexpr attribute_value sample_list[] = {attribute_value::string("x"), attribute_value::null()};
constexpr attribute_entry sample_inner[] = {{"b", attribute_value::number("1")},
                                            {"10", attribute_value::boolean(false)},
                                            {"2", attribute_value::list_of(sample_list)}};
constexpr attribute_entry sample_values[] = {{":b", attribute_value::binary(sample_bytes)},
                                             {":m", attribute_value::map_of(sample_inner)},
                                             {":s", attribute_value::set_of(attribute_kind::ss, sample_set)}};
constexpr string_entry sample_names[] = {{"#a", "a\"\\\x01/"}};

constexpr export_request sample_request{
    .table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/T",
    .s3_bucket = "b",
    .export_time = from_epoch_ms(1'577'836'800'010),
    .client_token = "t",
    .export_format = export_format::ion,
    .export_type = export_type_value::from_text("weird"),
    .incremental_export_specification = incremental_export_specification{.export_from_time = from_epoch_ms(-1)},
    .filter_specification =
        filter_specification{.filter_expression = "#a = :b",
                             .expression_attribute_names = sample_names,
                             .expression_attribute_values = sample_values},
};

constexpr std::string_view sample_wire =
    R"({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/T","S3Bucket":"b","ExportTime":1577836800.01,)"
    R"("ClientToken":"t","ExportFormat":"ION","ExportType":"weird",)"
    R"("IncrementalExportSpecification":{"ExportFromTime":-0.001},)"
    R"("FilterSpecification":{"FilterExpression":"#a = :b","ExpressionAttributeNames":{"#a":"a\"\\\u0001/"},)"
    R"("ExpressionAttributeValues":{":b":{"B":"AAEC/w=="},":m":{"M":{"2":{"L":[{"S":"x"},{"NULL":true}]},)"
    R"("10":{"BOOL":false},"b":{"N":"1"}}},":s":{"SS":["x","é"]}}}})";

struct fixed_text {
  std::array<char, 1024> chars{};
  std::size_t size = 0;
  bool overflowed = false;
  [[nodiscard]] constexpr std::string_view view() const { return {chars.data(), size}; }
};

constexpr fixed_text write_at_compile_time(const export_request& r) {
  fixed_text text;
  buffer_output out{text.chars};
  json::write_request(r, out);
  text.size = out.required();
  text.overflowed = out.overflowed();
  return text;
}

constexpr fixed_text sample_written = write_at_compile_time(sample_request);
static_assert(!sample_written.overflowed);
static_assert(sample_written.view() == sample_wire);

constexpr auto error_body_written = [] {
  fixed_text text;
  buffer_output out{text.chars};
  json::write_error_body("com.amazon.coral.service#SerializationException", "a\"b", out);
  text.size = out.required();
  return text;
}();
static_assert(error_body_written.view() ==
              R"({"__type":"com.amazon.coral.service#SerializationException","message":"a\"b"})");

}  // namespace

TEST_CASE("write_request: the compile-time sample also holds at run time") {
  CHECK(request_json(sample_request) == sample_wire);
}

TEST_CASE("write_request: empty request and empty structures") {
  CHECK(request_json({}) == "{}");
  const export_request r{.incremental_export_specification = incremental_export_specification{},
                         .filter_specification = filter_specification{.expression_attribute_names =
                                                                          std::span<const string_entry>{}}};
  CHECK(request_json(r) == R"({"IncrementalExportSpecification":{},"FilterSpecification":{"ExpressionAttributeNames":{}}})");
}

TEST_CASE("write_request: empty strings are values, absent members are left out") {
  const export_request r{.table_arn = "", .client_token = "", .s3_prefix = std::nullopt};
  CHECK(request_json(r) == R"({"TableArn":"","ClientToken":""})");
}

TEST_CASE("write_request: timestamps as ECMAScript String(t / 1000)") {
  const std::pair<std::int64_t, std::string_view> cases[] = {
      {0, "0"},           {1, "0.001"},       {-1, "-0.001"},
      {1500, "1.5"},      {-500, "-0.5"},     {-1500, "-1.5"},
      {1577836800010, "1577836800.01"},       {-62135596800000, "-62135596800"},
      {8639999999999999, "8639999999999.999"}, {-8640000000000000, "-8640000000000"}};
  for (const auto& c : cases) {
    CAPTURE(c.first);
    CHECK(request_json({.export_time = from_epoch_ms(c.first)}) == "{\"ExportTime\":" + std::string(c.second) + "}");
  }
}

TEST_CASE("write_request: strings escaped as JSON.stringify does") {
  const export_request r{.s3_prefix = "a\" \\ \x01 / \xc3\xa9 \xed\xa0\x80 \x7f <>&'\x08\x0c\n\r\t\x1f"};
  CHECK(request_json(r) == "{\"S3Prefix\":\"a\\\" \\\\ \\u0001 / \xc3\xa9 \\ud800 \x7f <>&'\\b\\f\\n\\r\\t\\u001f\"}");
}

TEST_CASE("write_request: the Rng overload fills only an absent ClientToken") {
  struct counting_bytes {
    using result_type = std::uint8_t;
    static constexpr result_type min() { return 0; }
    static constexpr result_type max() { return 255; }
    result_type next = 0;
    result_type operator()() { return next++; }
  };
  counting_bytes rng;
  std::string text;
  container_output out{text};
  const export_request absent{.table_arn = "t", .s3_bucket = "b", .s3_prefix = "p"};
  json::write_request(absent, out, rng);
  CHECK(text == R"({"TableArn":"t","S3Bucket":"b","ClientToken":"00010203-0405-4607-8809-0a0b0c0d0e0f","S3Prefix":"p"})");
  CHECK_FALSE(absent.client_token.has_value());

  text.clear();
  const export_request empty_token{.client_token = ""};
  json::write_request(empty_token, out, rng);
  CHECK(text == R"({"ClientToken":""})");

  text.clear();
  std::mt19937 engine{42};
  json::write_request(export_request{}, out, engine);
  REQUIRE(text.size() == std::string_view{R"({"ClientToken":""})"}.size() + 36);
  CHECK(text[16 + 14] == '4');  // the version digit
}

TEST_CASE("write_request: maps in ECMAScript property order") {
  const string_entry names[] = {{"b", "1"}, {"10", "2"}, {"2", "3"}, {"01", "4"},
                                {"-1", "5"}, {"4294967295", "6"}, {"4294967294", "7"}};
  const export_request r{.filter_specification = filter_specification{.expression_attribute_names = names}};
  CHECK(request_json(r) ==
        R"({"FilterSpecification":{"ExpressionAttributeNames":{"2":"3","10":"2","4294967294":"7","b":"1","01":"4","-1":"5","4294967295":"6"}}})");

  SUBCASE("already ordered maps go straight through") {
    const string_entry ordered[] = {{"0", "a"}, {"7", "b"}, {"x", "c"}, {"a", "d"}};
    const export_request o{.filter_specification = filter_specification{.expression_attribute_names = ordered}};
    CHECK(request_json(o) == R"({"FilterSpecification":{"ExpressionAttributeNames":{"0":"a","7":"b","x":"c","a":"d"}}})");
  }
  SUBCASE("equal index keys keep their stored order") {
    const string_entry twice[] = {{"x", "0"}, {"5", "a"}, {"1", "b"}, {"5", "c"}};
    const export_request o{.filter_specification = filter_specification{.expression_attribute_names = twice}};
    CHECK(request_json(o) == R"({"FilterSpecification":{"ExpressionAttributeNames":{"1":"b","5":"a","5":"c","x":"0"}}})");
  }
}

TEST_CASE("write_attribute_value: every kind, base64 canonical") {
  const auto av = [](const attribute_value& v) {
    std::string text;
    container_output out{text};
    json::write_attribute_value(v, out);
    return text;
  };
  CHECK(av(attribute_value::string("s")) == R"({"S":"s"})");
  CHECK(av(attribute_value::number("-1.5e3")) == R"({"N":"-1.5e3"})");
  CHECK(av(attribute_value::binary("")) == R"({"B":""})");
  CHECK(av(attribute_value::binary(std::string_view{"\x00", 1})) == R"({"B":"AA=="})");
  CHECK(av(attribute_value::binary(std::string_view{"\x00\x01", 2})) == R"({"B":"AAE="})");
  CHECK(av(attribute_value::binary("any carnal pleasure.")) == R"({"B":"YW55IGNhcm5hbCBwbGVhc3VyZS4="})");
  const std::string_view bins[] = {"\xfb\xff", ""};
  CHECK(av(attribute_value::set_of(attribute_kind::bs, bins)) == R"({"BS":["+/8=",""]})");
  const std::string_view nums[] = {"1", "2"};
  CHECK(av(attribute_value::set_of(attribute_kind::ns, nums)) == R"({"NS":["1","2"]})");
  CHECK(av(attribute_value::set_of(attribute_kind::ss, {})) == R"({"SS":[]})");
  CHECK(av(attribute_value::list_of({})) == R"({"L":[]})");
  CHECK(av(attribute_value::map_of({})) == R"({"M":{}})");
  CHECK(av(attribute_value::null()) == R"({"NULL":true})");
  CHECK(av(attribute_value::boolean(true)) == R"({"BOOL":true})");
  attribute_value null_false = attribute_value::null();
  null_false.flag = false;
  CHECK(av(null_false) == R"({"NULL":false})");
  // 200 bytes: base64 crosses the writer's 64-character block boundary.
  std::string long_bytes(200, '\x5a');
  std::string expected = R"({"B":")";
  for (int i = 0; i < 66; ++i) expected += "Wlpa";
  expected += R"(Wlo="})";
  CHECK(av(attribute_value::binary(long_bytes)) == expected);
}

TEST_CASE("write_response: ExportDescription in model order, longs plain") {
  export_response r{};
  CHECK(written(r, [](const auto& v, auto& out) { json::write_response(v, out); }) == "{}");
  r.export_description = export_description{.export_arn = "a",
                                            .export_status = export_status::completed,
                                            .start_time = from_epoch_ms(1000),
                                            .billed_size_bytes = 0,
                                            .item_count = 9007199254740991,
                                            .export_type = export_type::full_export};
  CHECK(written(r, [](const auto& v, auto& out) { json::write_response(v, out); }) ==
        R"({"ExportDescription":{"ExportArn":"a","ExportStatus":"COMPLETED","StartTime":1,"BilledSizeBytes":0,"ItemCount":9007199254740991,"ExportType":"FULL_EXPORT"}})");
  r.export_description = export_description{};
  CHECK(written(r, [](const auto& v, auto& out) { json::write_response(v, out); }) == R"({"ExportDescription":{}})");
}

TEST_CASE("write_continuous_backups: integers and epoch-second times") {
  const continuous_backups_description d{
      .continuous_backups_status = continuous_backups_status::enabled,
      .point_in_time_recovery_description = point_in_time_recovery_description{
          .point_in_time_recovery_status = point_in_time_recovery_status::enabled,
          .recovery_period_in_days = 35,
          .earliest_restorable_date_time = from_epoch_ms(1'700'000'000'500)}};
  CHECK(written(d, [](const auto& v, auto& out) { json::write_continuous_backups(v, out); }) ==
        R"({"ContinuousBackupsStatus":"ENABLED","PointInTimeRecoveryDescription":{"PointInTimeRecoveryStatus":"ENABLED","RecoveryPeriodInDays":35,"EarliestRestorableDateTime":1700000000.5}})");
}

TEST_CASE("write_error_body: the service's shape") {
  std::string text;
  container_output out{text};
  json::write_error_body("com.amazonaws.dynamodb.v20120810#TableNotFoundException", "Table not found: \xed\xb0\x80",
                         out);
  CHECK(text ==
        R"({"__type":"com.amazonaws.dynamodb.v20120810#TableNotFoundException","message":"Table not found: \udc00"})");
}

TEST_CASE("buffer_output: overflow is reported with the size needed") {
  std::array<char, 8> small{};
  buffer_output out{small};
  json::write_request(sample_request, out);
  CHECK(out.overflowed());
  CHECK(out.required() == sample_wire.size());
}

TEST_CASE("R-AV-DEPTH: json::write refuses 10^6 levels of L and of M, and writes nothing") {
  using test::deep_value;
  for (const auto s : {deep_value::shape::list, deep_value::shape::map}) {
    const deep_value deep{1'000'000, s};
    const export_request r{.table_arn = "t",
                           .filter_specification = filter_specification{.expression_attribute_values = deep.as_values()}};
    std::string text;
    container_output out{text};
    const auto result = json::write(r, out);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error->rule == rule_id::r_av_depth);
    std::string path;
    container_output path_out{path};
    result.error->path.write(path_out);
    CHECK(path == "FilterSpecification.ExpressionAttributeValues.:deep");
    CHECK(text.empty());
    // The same through the description of a response, and on its own.
    const export_response response{export_description{.filter_specification = r.filter_specification}};
    CHECK(json::write(response, out).error->rule == rule_id::r_av_depth);
    CHECK(json::write(deep.top(), out).error->rule == rule_id::r_av_depth);
    CHECK(text.empty());
    // The encoder itself stops at the bound when driven directly.
    counting_output counted;
    serialize<json::format>(r, counted);
    CHECK(counted.size() < 20 * max_walk_depth);
  }
}

TEST_CASE("R-AV-DEPTH: the writer's bound lies beyond what any reader takes back") {
  using test::deep_value;
  const deep_value deepest{max_walk_depth, deep_value::shape::alternating};
  std::string text;
  container_output out{text};
  REQUIRE(json::write(deepest.top(), out).ok());
  const deep_value beyond{max_walk_depth + 1, deep_value::shape::alternating};
  std::string refused;
  container_output refused_out{refused};
  CHECK_FALSE(json::write(beyond.top(), refused_out).ok());
  CHECK(refused.empty());
  // The deepest value a reader takes back (json::max_supported_depth levels
  // of JSON: 255 of AttributeValues here) writes, reads and writes again.
  const deep_value readable{(json::max_supported_depth - 2) / 2, deep_value::shape::list};
  const export_request r{.filter_specification = filter_specification{.expression_attribute_values = readable.as_values()}};
  std::string body;
  container_output body_out{body};
  REQUIRE(json::write(r, body_out).ok());
  json::owning_arena storage{body.size()};
  export_request back;
  REQUIRE(json::read(body, back, storage, json::read_limits{.max_depth = json::max_supported_depth}).ok());
  std::string again;
  container_output again_out{again};
  REQUIRE(json::write(back, again_out).ok());
  CHECK(again == body);
}

// The reader and the writer skip plain text with a vector scan (SSE2) at run
// time and a word scan in constant evaluation; both must stop at the byte a
// byte-by-byte scan stops at, for any start, length and special byte.
TEST_CASE("the plain-text scan stops where a byte-by-byte scan stops") {
  static_assert(detail::find_special_byte("0123456789abcdefghijklmnopqrstu\"", 0) == 31);
  static_assert(detail::find_special_byte("0123456789abcdefghijklmnopqrstuv", 3) == 32);
  static_assert(detail::find_special_byte("0123456789abcdef\x7f\x80", 0) == 17);
  std::mt19937 random{20261202};
  const std::array<char, 7> specials{'"', '\\', '\x00', '\x1f', '\x7f', '\x80', '\xff'};
  std::size_t mismatches = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text(random() % 80, 'a');
    for (char& c : text) c = static_cast<char>(0x20 + random() % 0x5f);  // printable ASCII, may hold '"' or '\\'
    if (!text.empty() && random() % 4 != 0) text[random() % text.size()] = specials[random() % specials.size()];
    const std::size_t start = random() % (text.size() + 1);
    std::size_t expected = start;
    while (expected < text.size() && detail::is_plain_json_byte(static_cast<unsigned char>(text[expected]))) ++expected;
    if (detail::find_special_byte(text, start) != expected) ++mismatches;
  }
  CHECK(mismatches == 0);
}
