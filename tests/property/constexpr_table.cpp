// Compile time versus run time (issue 6): rapidcheck cannot generate inside a
// constant expression, so a fixed table of requests covering every stage is
// validated in a static_assert and again at run time, and the summaries must
// be equal. STYLE.md §2 item 9's middle layer (lexy's LEXY_VERIFY).

#include <array>
#include <chrono>
#include <cstddef>

#include <doctest/doctest.h>

#include "ddbexport/ddbexport.hpp"
#include "fixtures.hpp"

using namespace ddbexport;
using namespace std::chrono_literals;

namespace {

struct summary {
  bool valid = false;
  std::size_t violations = 0;
  std::size_t warnings = 0;
  rule_id first = rule_id::w_json;  ///< meaningful when !valid
  bool replay = false;
  std::size_t unchecked = 0;

  friend constexpr bool operator==(const summary&, const summary&) = default;
};

using test::now;
constexpr std::string_view arn = test::music_arn;

constexpr export_request earlier{.table_arn = arn, .s3_bucket = "my-export-bucket", .client_token = "tok-1"};
constexpr std::array<ledger_entry, 1> ledger_entries{{{earlier, "arn:earlier", std::nullopt}}};
constexpr span_ledger ledger{ledger_entries};

constexpr validation_context<> every_fact() { return test::every_fact_context(&ledger); }

constexpr export_request incremental(timestamp from, std::optional<timestamp> to) {
  return {.table_arn = arn, .s3_bucket = "my-export-bucket", .export_type = export_type::incremental_export,
          .incremental_export_specification = incremental_export_specification{.export_from_time = from, .export_to_time = to}};
}

constexpr string_entry long_name[] = {{"#n", "name"}};

/// One request per stage and several per rule family.
constexpr std::array<export_request, 20> table{{
    {.table_arn = arn, .s3_bucket = "my-export-bucket"},
    {.table_arn = arn, .s3_bucket = "my-export-bucket", .export_time = now - 1h, .client_token = "tok-2",
     .s3_prefix = "exports/", .s3_sse_algorithm = s3_sse_algorithm::kms, .s3_sse_kms_key_id = "alias/aws/s3",
     .export_format = export_format::ion},
    incremental(now - 2h, now - 1h),
    incremental(now - 2h, std::nullopt),
    {.s3_bucket = "b"},
    {.table_arn = "", .s3_bucket = "my bucket", .export_format = export_format_value::from_text("CSV")},
    {.table_arn = arn, .s3_bucket = "my-export-bucket", .client_token = "a$b", .s3_bucket_owner = "12345",
     .s3_prefix = ""},
    {.table_arn = arn, .s3_bucket = "my-export-bucket", .s3_sse_kms_key_id = "alias/k"},
    {.table_arn = arn, .s3_bucket = "my-export-bucket", .export_type = export_type::incremental_export},
    {.table_arn = arn, .s3_bucket = "my-export-bucket",
     .filter_specification = filter_specification{}},
    {.table_arn = arn, .s3_bucket = "my-export-bucket",
     .filter_specification = filter_specification{.expression_attribute_names = long_name}},
    {.table_arn = "Music", .s3_bucket = "my-export-bucket"},
    {.table_arn = "arn:aws:dynamodb:us-east-1:210987654321:table/Music", .s3_bucket = "my-export-bucket"},
    {.table_arn = arn, .s3_bucket = "my-export-bucket", .export_time = now + 5s},
    {.table_arn = arn, .s3_bucket = "my-export-bucket", .export_time = now - std::chrono::days{8}},
    {.table_arn = arn, .s3_bucket = "my-export-bucket", .export_time = now - 1s},
    incremental(now - 10min, now - 1min),
    incremental(now - 30h, now - 1h),
    {.table_arn = arn, .s3_bucket = "my-export-bucket", .client_token = "tok-1"},
    {.table_arn = arn, .s3_bucket = "my-export-bucket", .client_token = "tok-1", .s3_prefix = "changed"},
}};

constexpr summary summarize(const export_request& r) {
  const auto context = every_fact();
  count_sink counter;
  const validation_result result = validate(r, context, counter);
  summary s;
  s.valid = result.valid();
  s.violations = counter.violations();
  s.warnings = counter.warnings();
  if (result.first_error) s.first = result.first_error->rule;
  s.replay = result.replay_of.has_value();
  s.unchecked = result.unchecked.size();
  return s;
}

template <std::size_t... I>
constexpr std::array<summary, sizeof...(I)> summarize_all(std::index_sequence<I...>) {
  return {{summarize(table[I])...}};
}

constexpr auto at_compile_time = summarize_all(std::make_index_sequence<table.size()>{});

// Spot checks that pin what the table means.
static_assert(at_compile_time[0].valid && at_compile_time[0].violations == 0);
static_assert(at_compile_time[1].valid);
static_assert(at_compile_time[2].valid && at_compile_time[3].valid);
static_assert(at_compile_time[4].first == rule_id::s_tablearn_req);
static_assert(at_compile_time[5].violations == 3);
static_assert(at_compile_time[7].first == rule_id::r_kmsid_needs_kms);
static_assert(at_compile_time[8].first == rule_id::r_inc_spec_req);
static_assert(at_compile_time[9].first == rule_id::r_filter_empty);
static_assert(at_compile_time[10].valid);
static_assert(at_compile_time[11].first == rule_id::r_tablearn_notarn);
static_assert(at_compile_time[12].first == rule_id::r_tablearn_account);
static_assert(at_compile_time[13].first == rule_id::r_et_future);
static_assert(at_compile_time[14].first == rule_id::r_et_before_window);
static_assert(at_compile_time[15].first == rule_id::r_et_after_latest);
static_assert(at_compile_time[16].first == rule_id::r_inc_min);
static_assert(at_compile_time[17].first == rule_id::r_inc_max);
static_assert(at_compile_time[18].valid && at_compile_time[18].replay);
static_assert(at_compile_time[19].first == rule_id::r_token_conflict);

}  // namespace

TEST_CASE("compile-time and run-time validation agree on a fixed table of requests") {
  // `volatile` keeps the optimiser from folding the run-time calls.
  volatile std::size_t n = table.size();
  for (std::size_t i = 0; i < n; ++i) {
    CAPTURE(i);
    const summary at_run_time = summarize(table[i]);
    const summary& at_compile = at_compile_time[i];
    CAPTURE(at_run_time.valid);
    CAPTURE(at_compile.valid);
    CAPTURE(at_run_time.violations);
    CAPTURE(at_compile.violations);
    CAPTURE(at_run_time.warnings);
    CAPTURE(at_compile.warnings);
    CAPTURE(to_string(at_run_time.first));
    CAPTURE(to_string(at_compile.first));
    CAPTURE(at_run_time.unchecked);
    CAPTURE(at_compile.unchecked);
    CAPTURE(at_run_time.replay);
    CHECK(at_run_time == at_compile_time[i]);
  }
}
