// Stages P and W: PITR, ExportTime and its window (RULES.md §3.3), the
// incremental window (§3.4), and the behaviour rules for defaulted times.
// `now` is 2026-09-21T14:13:20Z; every_fact_context()'s PITR window is
// [now - 7 days, now - 5 s].

#include "validation_helpers.hpp"

#include <string>

using namespace ddbexport;
using namespace ddbexport::test;

namespace {

constexpr std::string_view invalid_time = "InvalidExportTimeException";
constexpr std::string_view export_time_invalid = "Export Time is invalid";
constexpr std::string_view not_available = "Point in Time Recovery is not available for specified export time";
constexpr std::string_view ies_path = "IncrementalExportSpecification";
constexpr std::string_view less_than_15 =
    "Difference between export period from time and export period to time is less than 15 minutes";
constexpr std::string_view more_than_24 =
    "Difference between export period from time and export period to time is greater than 24 hours";

export_request at_time(timestamp export_time) {
  export_request r = full_request();
  r.export_time = export_time;
  return r;
}

validation_context<> with_pitr_status(point_in_time_recovery_status status) {
  auto c = every_fact_context();
  pitr_of(c).point_in_time_recovery_status = status;
  return c;
}

/// F two hours before now, T = F + span.
export_request spanning(std::chrono::milliseconds span) {
  const timestamp from = now - 2h;
  return incremental_request(from, from + span);
}

}  // namespace

// ---- stage P -------------------------------------------------------------

TEST_CASE("R-PITR-REQ: PITR disabled rejects every full export, with or without ExportTime") {
  const auto ctx = with_pitr_status(point_in_time_recovery_status::disabled);
  for (const export_request& r : {full_request(), at_time(now - 1h)}) {
    const auto o = validate_all(r, ctx);
    check_rejected(o, rule_id::r_pitr_req, "TableArn", "PointInTimeRecoveryUnavailableException",
                   "Point in time recovery is not enabled for table 'Music'");
    CHECK(o.rules() == "R-PITR-REQ");
  }
  export_request dotted = full_request();
  dotted.table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/my.table-1";
  CHECK(validate_all(dotted, ctx).error_body == "Point in time recovery is not enabled for table 'my.table-1'");
}

TEST_CASE("R-PITR-REQ: only PointInTimeRecoveryStatus decides; without it the rule is unchecked") {
  auto ctx = every_fact_context();
  ctx.continuous_backups->continuous_backups_status = continuous_backups_status::disabled;
  check_accepted(validate_all(full_request(), ctx));

  ctx = every_fact_context();
  pitr_of(ctx).point_in_time_recovery_status.reset();
  auto o = validate_all(full_request(), ctx);
  check_accepted(o);
  CHECK(o.unchecked() == "R-PITR-REQ");

  ctx.continuous_backups.reset();
  o = validate_all(full_request(), ctx);
  check_accepted(o);
  CHECK(o.unchecked() == "R-PITR-REQ");
}

TEST_CASE("R-PITR-REQ-INC: incremental with PITR disabled names the floor of F") {
  const auto o = validate_all(incremental_request(now - 1h + 999ms, now - 30min),
                              with_pitr_status(point_in_time_recovery_status::disabled));
  check_rejected(o, rule_id::r_pitr_req_inc, "IncrementalExportSpecification.ExportFromTime", invalid_time,
                 "Incremental export period from time cannot be less than the table creation time : "
                 "2026-09-21T13:13:20Z");
  CHECK(o.rules() == "R-PITR-REQ-INC");  // not R-PITR-REQ: that one is for full exports

  auto unknown = every_fact_context();
  pitr_of(unknown).point_in_time_recovery_status.reset();
  const auto u = validate_all(incremental_request(now - 1h, now - 30min), unknown);
  check_accepted(u);
  CHECK(u.unchecked() == "R-PITR-REQ-INC");
}

// ---- stage W, full exports ------------------------------------------------

TEST_CASE("R-ET-FUTURE: now + 5 s and now + 1 ms fail, ExportTime == now passes") {
  auto ctx = every_fact_context();
  pitr_of(ctx).latest_restorable_date_time = now;
  for (timestamp t : {now + 5s, now + 1ms}) {
    const auto o = validate_all(at_time(t), ctx);
    check_rejected(o, rule_id::r_et_future, "ExportTime", invalid_time, export_time_invalid);
    CHECK(o.rules() == "R-ET-FUTURE");  // R-ET-AFTER-LATEST yields to it
  }
  check_accepted(validate_all(at_time(now), ctx));
}

TEST_CASE("R-ET-FUTURE: unchecked without Now") {
  auto ctx = every_fact_context();
  ctx.now.reset();
  pitr_of(ctx).latest_restorable_date_time.reset();
  const auto o = validate_all(at_time(now + 1h), ctx);
  check_accepted(o);
  CHECK(o.unchecked() == "R-ET-FUTURE R-ET-AFTER-LATEST");
}

TEST_CASE("R-ET-BEFORE-WINDOW: EarliestRestorableDateTime - 1 ms fails, the earliest itself passes") {
  const auto o = validate_all(at_time(earliest - 1ms), every_fact_context());
  check_rejected(o, rule_id::r_et_before_window, "ExportTime", invalid_time, export_time_invalid);
  CHECK(o.rules() == "R-ET-BEFORE-WINDOW");
  CHECK(o.result.unchecked.empty());
  check_accepted(validate_all(at_time(earliest), every_fact_context()));
}

TEST_CASE("R-ET-BEFORE-WINDOW: without the earliest time, B = Now - RecoveryPeriodInDays, still unchecked") {
  auto ctx = every_fact_context();
  pitr_of(ctx).earliest_restorable_date_time.reset();
  for (int days : {35, 1}) {
    CAPTURE(days);
    pitr_of(ctx).recovery_period_in_days = days;
    const timestamp b = now - std::chrono::days{days};
    const auto o = validate_all(at_time(b - 1ms), ctx);
    check_rejected(o, rule_id::r_et_before_window, "ExportTime", invalid_time, export_time_invalid);
    CHECK(o.unchecked() == "R-ET-BEFORE-WINDOW");
    const auto inside = validate_all(at_time(b), ctx);
    check_accepted(inside);
    CHECK(inside.unchecked() == "R-ET-BEFORE-WINDOW");
  }
  // An unknown period is the default, 35 days.
  pitr_of(ctx).recovery_period_in_days.reset();
  CHECK(validate_all(at_time(now - std::chrono::days{35} - 1ms), ctx).rules() == "R-ET-BEFORE-WINDOW");
  check_accepted(validate_all(at_time(now - std::chrono::days{35}), ctx));
  // No PITR description at all: the same default.
  ctx.continuous_backups.reset();
  CHECK(validate_all(at_time(now - std::chrono::days{35} - 1ms), ctx).rules() == "R-ET-BEFORE-WINDOW");
}

TEST_CASE("R-ET-BEFORE-WINDOW: with nothing known, B = 2020-01-01T00:00:00Z") {
  const timestamp b = from_epoch_seconds(1'577'836'800);
  const auto o = validate_all(at_time(b - 1ms));
  check_rejected(o, rule_id::r_et_before_window, "ExportTime", invalid_time, export_time_invalid);
  CHECK(o.unchecked() == "R-TABLEARN-ACCOUNT R-PITR-REQ R-ET-FUTURE R-ET-BEFORE-WINDOW R-ET-AFTER-LATEST R-OWNER-XACCT");
  const auto inside = validate_all(at_time(b));
  check_accepted(inside);
  CHECK(inside.result.unchecked.contains(rule_id::r_et_before_window));
}

TEST_CASE("R-ET-BEFORE-WINDOW: ExportTime -1 fails without any context") {
  const auto o = validate_all(at_time(from_epoch_seconds(-1)));
  check_rejected(o, rule_id::r_et_before_window, "ExportTime", invalid_time, export_time_invalid);
  CHECK(o.rules() == "R-ET-BEFORE-WINDOW");
}

TEST_CASE("R-ET-AFTER-LATEST: past the latest restorable time but not in the future") {
  const auto o = validate_all(at_time(latest + 1ms), every_fact_context());
  check_rejected(o, rule_id::r_et_after_latest, "ExportTime", invalid_time, not_available);
  CHECK(o.rules() == "R-ET-AFTER-LATEST");
  check_accepted(validate_all(at_time(latest), every_fact_context()));
}

TEST_CASE("R-ET-AFTER-LATEST: without Now it is checked for any time, future included") {
  auto ctx = every_fact_context();
  ctx.now.reset();
  const auto o = validate_all(at_time(now + 1h), ctx);
  check_rejected(o, rule_id::r_et_after_latest, "ExportTime", invalid_time, not_available);
  CHECK(o.unchecked() == "R-ET-FUTURE");

  auto no_latest = every_fact_context();
  pitr_of(no_latest).latest_restorable_date_time.reset();
  const auto u = validate_all(at_time(now - 1s), no_latest);
  check_accepted(u);
  CHECK(u.unchecked() == "R-ET-AFTER-LATEST");
}

TEST_CASE("R-ET-DEFAULT: an absent ExportTime is never checked against the window") {
  // PITR enabled this very second: Now is neither after the latest restorable
  // time nor inside [earliest, latest], yet the export is accepted.
  auto ctx = every_fact_context();
  pitr_of(ctx).earliest_restorable_date_time = now;
  pitr_of(ctx).latest_restorable_date_time = now - 5s;
  const auto o = validate_all(full_request(), ctx);
  check_accepted(o);
  CHECK(o.rules().empty());
  // Without context the window rules do not even apply, so they are not unchecked.
  CHECK(validate_all(full_request()).unchecked() == "R-TABLEARN-ACCOUNT R-PITR-REQ R-OWNER-XACCT");
}

TEST_CASE("R-ET-INC: ExportTime on an incremental export is advice, and not checked against the window") {
  export_request r = incremental_request(now - 1h, now - 30min);
  r.export_time = from_epoch_seconds(-1);
  const auto o = validate_all(r, every_fact_context());
  check_accepted(o);
  CHECK(o.rules() == "R-ET-INC");
  check_reported(o, rule_id::r_et_inc, "ExportTime", "",
                 "ExportTime is not used by INCREMENTAL_EXPORT; use IncrementalExportSpecification");
  CHECK_FALSE(validate_all(at_time(now - 1h), every_fact_context()).has(rule_id::r_et_inc));
}

// ---- stage W, incremental exports ------------------------------------------

TEST_CASE("R-INC-FROM-START: F before the earliest restorable time; the floor of F is printed") {
  const auto o = validate_all(incremental_request(earliest - 1ms, earliest + 1h), every_fact_context());
  check_rejected(o, rule_id::r_inc_from_start, "IncrementalExportSpecification.ExportFromTime", invalid_time,
                 "Incremental export period from time cannot be less than the table creation time : "
                 "2026-09-14T14:13:19Z");
  CHECK(o.rules() == "R-INC-FROM-START");
  check_accepted(validate_all(incremental_request(earliest, earliest + 1h), every_fact_context()));
}

TEST_CASE("R-INC-FROM-START: B falls back like R-ET-BEFORE-WINDOW and stays unchecked") {
  auto ctx = every_fact_context();
  pitr_of(ctx).earliest_restorable_date_time.reset();
  pitr_of(ctx).recovery_period_in_days = 2;
  const timestamp b = now - std::chrono::days{2};
  const auto o = validate_all(incremental_request(b - 1ms, b + 1h), ctx);
  CHECK(o.rules() == "R-INC-FROM-START");
  CHECK(o.unchecked() == "R-INC-FROM-START");
  check_accepted(validate_all(incremental_request(b, b + 1h), ctx));

  // Nothing known: B = 2020-01-01T00:00:00Z.
  const timestamp y2020 = from_epoch_seconds(1'577'836'800);
  const auto bare = validate_all(incremental_request(y2020 - 1s, y2020 + 1h));
  CHECK(bare.rules() == "R-INC-FROM-START");
  CHECK(bare.error_body ==
        "Incremental export period from time cannot be less than the table creation time : 2019-12-31T23:59:59Z");
  CHECK(bare.unchecked() == "R-TABLEARN-ACCOUNT R-PITR-REQ-INC R-INC-FROM-START R-INC-TO-FUTURE R-OWNER-XACCT");
}

TEST_CASE("R-INC-FROM-START: runs before the 15-minute check and decides the error") {
  const auto o = validate_all(incremental_request(earliest - 1min, earliest + 1min), every_fact_context());
  CHECK(o.rules() == "R-INC-FROM-START R-INC-MIN");
  CHECK(o.result.first_error->rule == rule_id::r_inc_from_start);
}

TEST_CASE("R-INC-TO-FUTURE: ExportToTime after Now fails, == Now passes") {
  const auto o = validate_all(incremental_request(now - 1h, now + 1ms), every_fact_context());
  check_rejected(o, rule_id::r_inc_to_future, "IncrementalExportSpecification.ExportToTime", invalid_time,
                 "Incremental export period to time cannot be greater than the current time : 2026-09-21T14:13:20Z");
  CHECK(o.rules() == "R-INC-TO-FUTURE");
  check_accepted(validate_all(incremental_request(now - 1h, now), every_fact_context()));

  auto ctx = every_fact_context();
  ctx.now.reset();
  const auto u = validate_all(incremental_request(now - 1h, now + 1h), ctx);
  check_accepted(u);
  CHECK(u.unchecked() == "R-INC-TO-FUTURE");
}

TEST_CASE("R-INC-ORDER: F >= T fails and names F; no length check fires then") {
  const timestamp from = now - 2h;
  for (timestamp to : {from, from - 1ms, from - 25h}) {
    const auto o = validate_all(incremental_request(from, to), every_fact_context());
    check_rejected(o, rule_id::r_inc_order, ies_path, invalid_time,
                   "Incremental export period from time cannot be greater than or equal to the export period to time "
                   ": 2026-09-21T12:13:20Z");
    CHECK(o.rules() == "R-INC-ORDER");
  }
}

TEST_CASE("R-INC-MIN: 14:59.999 fails, 15:00.000 passes") {
  const auto o = validate_all(spanning(15min - 1ms), every_fact_context());
  check_rejected(o, rule_id::r_inc_min, ies_path, invalid_time, less_than_15);
  CHECK(o.rules() == "R-INC-MIN");
  check_accepted(validate_all(spanning(15min), every_fact_context()));
  CHECK(validate_all(spanning(1ms), every_fact_context()).rules() == "R-INC-MIN");
}

TEST_CASE("R-INC-MAX: 24:00:00.000 passes, 24:00:00.001 fails") {
  auto ctx = every_fact_context();
  const timestamp from = now - 25h;
  check_accepted(validate_all(incremental_request(from, from + 24h), ctx));
  const auto o = validate_all(incremental_request(from, from + 24h + 1ms), ctx);
  check_rejected(o, rule_id::r_inc_max, ies_path, invalid_time, more_than_24);
  CHECK(o.rules() == "R-INC-MAX");
}

TEST_CASE("R-INC-ORDER, R-INC-MIN, R-INC-MAX: evaluated without context when ExportToTime is given") {
  const timestamp from = from_epoch_seconds(1'700'000'000);
  CHECK(validate_all(incremental_request(from, from + 15min - 1ms)).rules() == "R-INC-MIN");
  CHECK(validate_all(incremental_request(from, from + 24h + 1ms)).rules() == "R-INC-MAX");
  CHECK(validate_all(incremental_request(from, from)).rules() == "R-INC-ORDER");
}

TEST_CASE("R-INC-TO-DEFAULT: an absent ExportToTime is floor(Now) in whole seconds") {
  // Now carries 750 ms: T = now, not now + 750 ms.
  auto ctx = every_fact_context();
  ctx.now = now + 750ms;
  const auto tight = validate_all(incremental_request(now - 15min + 500ms), ctx);  // 899.5 s, not 900.25 s
  check_rejected(tight, rule_id::r_inc_min, ies_path, invalid_time, less_than_15);
  check_accepted(validate_all(incremental_request(now - 15min), ctx));

  check_accepted(validate_all(incremental_request(now - 24h + 500ms), ctx));  // 23:59:59.5, not 24:00:00.25
  CHECK(validate_all(incremental_request(now - 24h - 1ms), ctx).rules() == "R-INC-MAX");

  const auto order = validate_all(incremental_request(now + 500ms), ctx);  // F > T, not a 250 ms span
  check_rejected(order, rule_id::r_inc_order, ies_path, invalid_time,
                 "Incremental export period from time cannot be greater than or equal to the export period to time "
                 ": 2026-09-21T14:13:20Z");
  CHECK(order.rules() == "R-INC-ORDER");
}

TEST_CASE("R-INC-TO-DEFAULT: without Now the rules needing the default are unchecked") {
  auto ctx = every_fact_context();
  ctx.now.reset();
  const auto o = validate_all(incremental_request(now - 1min), ctx);  // would fail R-INC-MIN
  check_accepted(o);
  CHECK(o.unchecked() == "R-INC-TO-FUTURE R-INC-ORDER R-INC-MIN R-INC-MAX");
}

TEST_CASE("R-INC-VIEW-DEFAULT: an absent ExportViewType is accepted and means NEW_AND_OLD_IMAGES") {
  static_assert(default_export_view_type == export_view_type::new_and_old_images);
  const export_request omitted = incremental_request(now - 1h, now - 30min);
  REQUIRE_FALSE(omitted.incremental_export_specification->export_view_type.has_value());
  const auto o = validate_all(omitted, every_fact_context());
  check_accepted(o);
  CHECK(o.rules().empty());
  // The default is applied by the service, not written into the request: sending
  // it explicitly is a different request for the ClientToken window (RULES.md §6).
  export_request explicit_default = omitted;
  explicit_default.incremental_export_specification->export_view_type = export_view_type::new_and_old_images;
  CHECK_FALSE(same_request_ignoring_token(omitted, explicit_default));
}
