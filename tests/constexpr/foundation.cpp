// Compile-only: every static_assert here runs in constant evaluation; building
// this file with g++ and clang is the test.
#include "ddbexport/arn.hpp"
#include "ddbexport/enums.hpp"
#include "ddbexport/members.hpp"
#include "ddbexport/request.hpp"
#include "ddbexport/timestamp.hpp"

namespace {
using namespace ddbexport;

constexpr export_request sample{
    .table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Music",
    .s3_bucket = "my-bucket",
    .export_time = from_epoch_seconds(1'700'000'000),
    .export_format = export_format::ion,
    .export_type = export_type::incremental_export,
    .incremental_export_specification =
        incremental_export_specification{.export_from_time = from_epoch_seconds(1'699'990'000)},
};
static_assert(sample.table_arn == "arn:aws:dynamodb:us-east-1:123456789012:table/Music");
static_assert(is_incremental(sample) && !is_full(sample));
static_assert(sample.export_format->known() == export_format::ion);
static_assert(!sample.client_token.has_value());

static_assert(to_wire(export_status::in_progress) == "IN_PROGRESS");
static_assert(from_wire<s3_sse_algorithm>("KMS") == s3_sse_algorithm::kms);
static_assert(!from_wire<export_view_type>("NEW_IMAGES"));
static_assert(!export_status_value::from_text("PAUSED").is_known());

constexpr auto music = table_arn::parse("arn:aws:dynamodb:eu-west-1:123456789012:table/Music");
static_assert(music && music->region == "eu-west-1" && music->table_name == "Music");
static_assert(!table_arn::parse("Music"));
static_assert(export_id::parse("01791506414432-abcdef12")->start_ms == 1791506414432);

constexpr bool formats(std::int64_t ms, std::string_view expected) {
  time_text_buffer buf;
  return format_epoch_seconds(from_epoch_ms(ms), buf) == expected;
}
static_assert(formats(1577836800010, "1577836800.01"));
static_assert(formats(-1500, "-1.5"));
static_assert(to_epoch_ms(*parse_epoch_seconds("1700000000.123")) == 1700000000123);

constexpr bool iso(std::int64_t ms, std::string_view expected) {
  time_text_buffer buf;
  return format_iso8601(from_epoch_ms(ms), buf) == expected;
}
static_assert(iso(1791506414432, "2026-10-09T00:40:14Z"));

constexpr int member_count() {
  int n = 0;
  for_each_member(sample, [&](std::string_view, const auto&) { ++n; });
  return n;
}
static_assert(member_count() == 12);
}  // namespace
