// Compile-only: the validator runs in constant evaluation. Building this file
// with g++ and clang is the test.
#include <chrono>
#include <cstddef>
#include <string_view>

#include "ddbexport/validate/request.hpp"
#include "ddbexport/validate/sinks.hpp"
#include "fixtures.hpp"

namespace {
using namespace ddbexport;
using namespace std::chrono_literals;

using test::now;
constexpr std::string_view music = test::music_arn;
constexpr std::string_view earlier_arn =
    "arn:aws:dynamodb:us-east-1:123456789012:table/Music/export/01789990000000-0badcafe";

constexpr export_request good{.table_arn = music, .s3_bucket = "my-export-bucket", .client_token = "tok-1"};

constexpr ledger_entry entries[] = {{.request = good, .export_arn = earlier_arn}};
constexpr span_ledger ledger{entries};

// Every fact known, including a ledger.
constexpr validation_context<> context = test::every_fact_context(&ledger);

constexpr validation_result counted(const export_request& r, const validation_context<>& c) {
  count_sink sink;
  return validate(r, c, sink);
}

// A valid request passes, with and without context; with the ledger it replays.
static_assert(counted(good, context).valid());
static_assert(counted(good, context).unchecked.empty());
static_assert(counted(good, context).replay_of == earlier_arn);
static_assert(counted(good, {}).valid());
static_assert(counted(good, {}).unchecked.contains(rule_id::r_pitr_req));
static_assert(check_request(good));
static_assert(check_request(good, context));

// R-INC-MIN: a 14-minute window is rejected with the right rule, stage and error.
constexpr export_request too_short{
    .table_arn = music,
    .s3_bucket = "my-export-bucket",
    .export_type = export_type::incremental_export,
    .incremental_export_specification =
        incremental_export_specification{.export_from_time = now - 1h, .export_to_time = now - 1h + 14min},
};
constexpr bool rejects_too_short = [] {
  collect_sink<8> sink;
  const auto result = validate(too_short, context, sink);
  return !result.valid() && sink.size() == 1 && sink[0].rule == rule_id::r_inc_min &&
         result.failed_stage == stage::time && result.error() == error_kind::invalid_export_time;
}();
static_assert(rejects_too_short);
static_assert(!counted(too_short, {}).valid());  // no context needed: ExportToTime is given

// Messages render in constant evaluation too.
constexpr bool error_message_is(const export_request& r, const validation_context<>& c, std::string_view expected) {
  first_sink sink;
  const auto result = validate(r, c, sink);
  char text[512]{};
  buffer_output out{text};
  write_error_message(r, c, result, out);
  return !out.overflowed() && out.view() == expected;
}
static_assert(error_message_is(too_short, context,
                               "Difference between export period from time and export period to time is less than 15 "
                               "minutes"));
static_assert(error_message_is(
    export_request{.table_arn = "", .s3_bucket = "my bucket", .export_format = export_format_value::from_text("CSV")},
    {},
    "3 validation errors detected: Value '' at 'tableArn' failed to satisfy constraint: Member must have length "
    "greater than or equal to 1; Value 'my bucket' at 's3Bucket' failed to satisfy constraint: Member must satisfy "
    "regular expression pattern: ^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$; Value 'CSV' at 'exportFormat' failed to "
    "satisfy constraint: Member must satisfy enum value set: [ION, DYNAMODB_JSON]"));

// R-TOKEN-CONFLICT against the constexpr ledger.
constexpr export_request conflicting{
    .table_arn = music, .s3_bucket = "another-bucket", .client_token = "tok-1"};
constexpr bool conflicts = [] {
  first_sink sink;
  const auto result = validate(conflicting, context, sink);
  return sink.first() && sink.first()->rule == rule_id::r_token_conflict &&
         result.error() == error_kind::export_conflict && !result.replay_of;
}();
static_assert(conflicts);

}  // namespace
