#ifndef DDBEXPORT_VALIDATE_REQUEST_HPP
#define DDBEXPORT_VALIDATE_REQUEST_HPP

// Request validation: every rule of RULES.md §3 in the stage order of §5.
// Pure and allocation-free: the validator reads the request and the caller's
// context, reports to a sink, and returns a summary. It never records into
// the idempotency ledger, so a failed request reserves no token.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "ddbexport/arn.hpp"
#include "ddbexport/attribute_value.hpp"
#include "ddbexport/detail/ascii.hpp"
#include "ddbexport/detail/patterns.hpp"
#include "ddbexport/enums.hpp"
#include "ddbexport/members.hpp"
#include "ddbexport/request.hpp"
#include "ddbexport/request_equality.hpp"
#include "ddbexport/timestamp.hpp"
#include "ddbexport/validate/answer.hpp"
#include "ddbexport/validate/context.hpp"
#include "ddbexport/validate/detail/reporter.hpp"
#include "ddbexport/validate/detail/shape_check.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/validate/limits.hpp"
#include "ddbexport/validate/messages.hpp"
#include "ddbexport/validate/result.hpp"
#include "ddbexport/validate/sinks.hpp"
#include "ddbexport/validate/rules.hpp"

namespace ddbexport {

namespace detail {

using request_t = export_request;
using ies_t = incremental_export_specification;
using fs_t = filter_specification;

template <diagnostic_sink Sink, idempotency_ledger Ledger>
class request_validator {
 public:
  constexpr request_validator(const export_request& request, const validation_context<Ledger>& context, Sink& sink)
      : r_(request),
        ctx_(context),
        out_(sink),
        incremental_(is_incremental(request)),
        full_(is_full(request)) {}

  constexpr validation_result run() {
    shape_stage();
    invalid_request_stage();
    table_stage();
    pitr_stage();
    time_stage();
    token_stage();
    warnings();
    validation_result& result = out_.result();
    if (result.failed_stage || !token_replay_) result.replay_of.reset();
    return result;
  }

 private:
  // ---- reporting --------------------------------------------------------
  constexpr void emit(rule_id rule, const field_path& path, std::string_view subject = {}, std::int64_t number = 0,
                      std::string_view detail_text = {}) {
    out_.report(diagnostic{.rule = rule, .path = path, .subject = subject, .detail = detail_text, .number = number});
  }
  constexpr void unchecked(rule_id rule) { out_.unchecked(rule); }
  /// Whether the member passed stage S: a rule whose input failed is skipped (RULES.md §5).
  template <auto Pointer>
  [[nodiscard]] constexpr bool shape_ok() const noexcept {
    return !shape_failed_.template contains<Pointer>();
  }

  // ---- stage S ------------------------------------------------------------
  constexpr void shape_stage() {
    check_shape(r_, field_path{}, [&](const diagnostic& d, std::size_t member) {
      out_.report(d);
      shape_failed_.insert(member);
    });
  }

  // ---- stage I --------------------------------------------------------------
  constexpr void invalid_request_stage() {
    using enum rule_id;
    constexpr const auto& kms_path = member_path<&request_t::s3_sse_kms_key_id>;
    if (r_.s3_sse_kms_key_id && shape_ok<&request_t::s3_sse_kms_key_id>() && shape_ok<&request_t::s3_sse_algorithm>()) {
      const bool kms = r_.s3_sse_algorithm && r_.s3_sse_algorithm->is(s3_sse_algorithm::kms);
      if (!kms) emit(r_kmsid_needs_kms, kms_path);
      if (kms && !matches_kms_key_id_pattern(*r_.s3_sse_kms_key_id))
        emit(r_kmsid_format, kms_path, *r_.s3_sse_kms_key_id, 0, kms_key_id_pattern);
    }
    if (shape_ok<&request_t::export_type>()) {
      constexpr const auto& spec_path = member_path<&request_t::incremental_export_specification>;
      const auto& spec = r_.incremental_export_specification;
      if (incremental_ && !spec) emit(r_inc_spec_req, member_path<&request_t::export_type>);
      if (spec && r_.export_type && r_.export_type->is(export_type::full_export)) emit(r_inc_spec_full, spec_path);
      if (spec && !r_.export_type) emit(r_inc_spec_notype, spec_path);
      if (incremental_ && spec && !spec->export_from_time)
        emit(r_inc_from_req, member_path<&request_t::incremental_export_specification, &ies_t::export_from_time>);
    }
    if (const auto& f = r_.filter_specification) {
      if (!f->filter_expression && !f->projection_expression && !f->key_condition_expression &&
          !f->expression_attribute_names && !f->expression_attribute_values)
        emit(r_filter_empty, member_path<&request_t::filter_specification>);
      if (f->expression_attribute_values)
        for (const auto& entry : *f->expression_attribute_values)
          if (nests_deeper_than<max_attribute_depth>(entry.value))
            emit(r_av_depth,
                 member_path<&request_t::filter_specification, &fs_t::expression_attribute_values>.with_key(entry.key));
    }
  }

  // ---- stage T --------------------------------------------------------------
  constexpr void table_stage() {
    using enum rule_id;
    if (!shape_ok<&request_t::table_arn>()) return;
    constexpr const auto& path = member_path<&request_t::table_arn>;
    table_arn_problem problem{};
    has_arn_ = table_arn::parse_into(*r_.table_arn, arn_, &problem);
    if (!has_arn_) {
      emit(problem == table_arn_problem::not_an_arn ? r_tablearn_notarn : r_tablearn_nottable, path);
      return;
    }
    if (!ctx_.caller_account_id)
      unchecked(r_tablearn_account);
    else if (!equal(arn_.account, *ctx_.caller_account_id))
      emit(r_tablearn_account, path);
    if (ctx_.table_exists == false) emit(r_table_exists, path, *r_.table_arn);
  }

  // ---- stage P --------------------------------------------------------------
  [[nodiscard]] constexpr std::optional<bool> pitr_enabled() const {
    const auto* pitr = ctx_.pitr();
    if (!pitr || !pitr->point_in_time_recovery_status) return std::nullopt;
    return pitr->point_in_time_recovery_status->is(point_in_time_recovery_status::enabled);
  }

  [[nodiscard]] constexpr const std::optional<timestamp>& from_time() const {
    return r_.incremental_export_specification->export_from_time;
  }
  [[nodiscard]] constexpr bool incremental_with_from() const {
    return shape_ok<&request_t::export_type>() && incremental_ && r_.incremental_export_specification && from_time();
  }
  [[nodiscard]] constexpr bool full() const { return shape_ok<&request_t::export_type>() && full_; }

  static constexpr field_path from_path = member_path<&request_t::incremental_export_specification, &ies_t::export_from_time>;

  constexpr void pitr_stage() {
    using enum rule_id;
    const auto enabled = pitr_enabled();
    if (full() && has_arn_) {
      if (!enabled)
        unchecked(r_pitr_req);
      else if (!*enabled)
        emit(r_pitr_req, member_path<&request_t::table_arn>, arn_.table_name);
    }
    if (incremental_with_from()) {
      if (!enabled)
        unchecked(r_pitr_req_inc);
      else if (!*enabled)
        emit(r_pitr_req_inc, from_path, {}, to_epoch_ms(*from_time()));
    }
  }

  // ---- stage W --------------------------------------------------------------
  /// B of RULES.md §3.3, and whether it came from EarliestRestorableDateTime.
  [[nodiscard]] constexpr std::int64_t window_start(bool& from_earliest) const {
    const auto* pitr = ctx_.pitr();
    from_earliest = pitr && pitr->earliest_restorable_date_time;
    if (from_earliest) return to_epoch_ms(*pitr->earliest_restorable_date_time);
    if (ctx_.now) {
      const std::int64_t days =
          pitr && pitr->recovery_period_in_days ? *pitr->recovery_period_in_days : default_recovery_period_in_days;
      return to_epoch_ms(*ctx_.now) - days * 86400 * ms_per_second;
    }
    return window_start_fallback_ms;
  }

  constexpr void time_stage() {
    using enum rule_id;
    bool from_earliest = false;
    const std::int64_t b = window_start(from_earliest);
    // A plain value and flag rather than optional<int64_t>: g++ 12 -O2 reports a
    // false maybe-uninitialized on the optional.
    const bool has_now = ctx_.now.has_value();
    const std::int64_t now = has_now ? to_epoch_ms(*ctx_.now) : 0;
    if (full() && r_.export_time) {
      constexpr const auto& path = member_path<&request_t::export_time>;
      const std::int64_t et = to_epoch_ms(*r_.export_time);
      bool future = false;
      if (!has_now) {
        unchecked(r_et_future);
      } else if (et > now) {
        future = true;
        emit(r_et_future, path, {}, et);
      }
      if (!from_earliest) unchecked(r_et_before_window);
      if (et < b) emit(r_et_before_window, path, {}, et);
      const auto* pitr = ctx_.pitr();
      if (!pitr || !pitr->latest_restorable_date_time)
        unchecked(r_et_after_latest);
      else if (!future && et > to_epoch_ms(*pitr->latest_restorable_date_time))
        emit(r_et_after_latest, path, {}, et);
    }
    if (incremental_with_from()) {
      constexpr const auto& spec_path = member_path<&request_t::incremental_export_specification>;
      const auto& spec = *r_.incremental_export_specification;
      const std::int64_t f = to_epoch_ms(*spec.export_from_time);
      if (!from_earliest) unchecked(r_inc_from_start);
      if (f < b) emit(r_inc_from_start, from_path, {}, f);
      if (!has_now)
        unchecked(r_inc_to_future);
      else if (spec.export_to_time && to_epoch_ms(*spec.export_to_time) > now)
        emit(r_inc_to_future, member_path<&request_t::incremental_export_specification, &ies_t::export_to_time>, {},
             to_epoch_ms(*spec.export_to_time));
      const bool has_to = spec.export_to_time.has_value() || has_now;
      const std::int64_t to = spec.export_to_time ? to_epoch_ms(*spec.export_to_time)
                                                  : floor_div(now, ms_per_second) * ms_per_second;  // R-INC-TO-DEFAULT
      if (!has_to) {
        unchecked(r_inc_order);
        unchecked(r_inc_min);
        unchecked(r_inc_max);
      } else {
        const std::int64_t span = to - f;
        if (f >= to) emit(r_inc_order, spec_path, {}, f);
        if (span > 0 && span < incremental_min_ms) emit(r_inc_min, spec_path, {}, span);
        if (span > incremental_max_ms) emit(r_inc_max, spec_path, {}, span);
      }
    }
  }

  // ---- stage K --------------------------------------------------------------
  constexpr void token_stage() {
    using enum rule_id;
    if (!r_.client_token || !shape_ok<&request_t::client_token>()) return;
    if (!ctx_.previous_exports) {
      unchecked(r_token_conflict);
      unchecked(r_token_replay);
      return;
    }
    const std::string_view token = *r_.client_token;
    const ledger_entry* chosen = nullptr;
    bool undecidable = false;
    ctx_.previous_exports->for_each_candidate(token, [&](const ledger_entry& e) {
      if (!e.request.client_token || !equal(*e.request.client_token, token)) return true;
      if (e.completed_at && !ctx_.now) {
        undecidable = true;
        return false;
      }
      const bool inside = !e.completed_at || to_epoch_ms(*ctx_.now) <= to_epoch_ms(*e.completed_at) + idempotency_window_ms;
      if (!inside) return true;
      // Prefer an export still in progress, then the latest completion, then ledger order.
      if (!chosen || (chosen->completed_at && (!e.completed_at || *e.completed_at > *chosen->completed_at)))
        chosen = &e;
      return true;
    });
    if (undecidable) {
      unchecked(r_token_conflict);
      unchecked(r_token_replay);
      return;
    }
    if (!chosen) return;  // R-TOKEN-WINDOW: a new request
    if (same_request_ignoring_token(r_, chosen->request)) {
      token_replay_ = true;
      out_.result().replay_of = chosen->export_arn;
    } else {
      emit(r_token_conflict, member_path<&request_t::client_token>, token);
    }
  }

  // ---- warnings -------------------------------------------------------------
  constexpr void warnings() {
    using enum rule_id;
    if (r_.export_time && shape_ok<&request_t::export_type>() && incremental_)
      emit(r_et_inc, member_path<&request_t::export_time>);
    if (shape_ok<&request_t::table_arn>()) {
      // A parsed table ARN already holds the split's partition and region.
      // Plain views rather than an optional<arn_fields> built from them: the
      // copy of that aggregate showed in the profile.
      const auto partition_check = [&](std::string_view partition, std::string_view region) {
        if (!partition_fits_region(partition, region))
          emit(r_tablearn_partition, member_path<&request_t::table_arn>, partition, 0, region);
      };
      if (has_arn_)
        partition_check(arn_.partition, arn_.region);
      else if (const auto fields = split_arn(*r_.table_arn))
        partition_check(fields->partition, fields->region);
    }
    if (shape_ok<&request_t::s3_bucket>()) bucket_naming(*r_.s3_bucket);
    if (r_.s3_prefix && shape_ok<&request_t::s3_prefix>() && starts_with(*r_.s3_prefix, "/"))
      emit(r_prefix_slash, member_path<&request_t::s3_prefix>);
    const std::string_view bucket = r_.s3_bucket.value_or(std::string_view{});
    constexpr const auto& owner_path = member_path<&request_t::s3_bucket_owner>;
    if (r_.s3_bucket_owner) {
      if (shape_ok<&request_t::s3_bucket_owner>()) {
        if (!ctx_.bucket_owner_account_id)
          unchecked(r_owner_mismatch);
        else if (!equal(*r_.s3_bucket_owner, *ctx_.bucket_owner_account_id))
          emit(r_owner_mismatch, owner_path, *r_.s3_bucket_owner, 0, bucket);
      }
    } else if (!ctx_.bucket_owner_account_id || !ctx_.caller_account_id) {
      unchecked(r_owner_xacct);
    } else if (!equal(*ctx_.bucket_owner_account_id, *ctx_.caller_account_id)) {
      emit(r_owner_xacct, owner_path, bucket, 0, *ctx_.bucket_owner_account_id);
    }
    if (const auto& f = r_.filter_specification) {
      const auto expression = [&](const field_path& path, const std::optional<std::string_view>& text) {
        if (text && static_cast<std::int64_t>(text->size()) > max_expression_bytes)
          emit(r_filter_expr_size, path, {}, static_cast<std::int64_t>(text->size()));
      };
      expression(member_path<&request_t::filter_specification, &fs_t::filter_expression>, f->filter_expression);
      expression(member_path<&request_t::filter_specification, &fs_t::projection_expression>, f->projection_expression);
      expression(member_path<&request_t::filter_specification, &fs_t::key_condition_expression>,
                 f->key_condition_expression);
    }
  }

  constexpr void bucket_naming(std::string_view b) {
    using enum rule_id;
    namespace cc = char_class;
    constexpr const auto& path = member_path<&request_t::s3_bucket>;
    if (b.size() < 3 || b.size() > 63) emit(r_s3_naming_len, path, b);
    if (!all_in<cc::lower | cc::digit | cc::dot | cc::dash>(b)) emit(r_s3_naming_chars, path, b);
    if (contains_run<true>(b, '.')) emit(r_s3_naming_dots, path, b);
    if (looks_like_ipv4(b)) emit(r_s3_naming_ip, path, b);
    if (starts_with(b, "xn--") || starts_with(b, "sthree-") || starts_with(b, "amzn-s3-demo-"))
      emit(r_s3_naming_prefix, path, b);
    if (ends_with(b, "-s3alias") || ends_with(b, "--ol-s3") || ends_with(b, ".mrap") || ends_with(b, "--x-s3"))
      emit(r_s3_naming_suffix, path, b);
  }

  const export_request& r_;
  const validation_context<Ledger>& ctx_;
  reporter<Sink> out_;
  member_set<export_request> shape_failed_{};
  table_arn arn_{};  ///< the parsed TableArn when has_arn_
  bool has_arn_ = false;
  bool incremental_;  ///< is_incremental(r_), asked by several stages
  bool full_;         ///< is_full(r_)
  bool token_replay_ = false;
};

}  // namespace detail

/// Validates a request against every rule of RULES.md §3 that the context
/// lets it evaluate. Diagnostics reach `sink` in stage-then-rule order; the
/// result says whether the service would accept the call, and with which error
/// it would answer otherwise. Usable in constant evaluation.
template <diagnostic_sink Sink, idempotency_ledger Ledger>
constexpr validation_result validate(const export_request& request, const validation_context<Ledger>& context,
                                     Sink& sink) {
  return detail::request_validator<Sink, Ledger>{request, context, sink}.run();
}

/// Validation without context: every context rule is unchecked.
template <diagnostic_sink Sink>
constexpr validation_result validate(const export_request& request, Sink& sink) {
  return validate(request, validation_context<>{}, sink);
}

/// Reaching this in a consteval check is a compile error whose text names the
/// rule (`rule_violated<ddbexport::rule_id::r_inc_min>`): it is deliberately not constexpr.
template <rule_id Rule>
inline void rule_violated() noexcept {}

namespace detail {
template <std::size_t... I>
constexpr void fail_compilation_for(rule_id rule, std::index_sequence<I...>) {
  static_cast<void>(((rule == static_cast<rule_id>(I) ? (rule_violated<static_cast<rule_id>(I)>(), true) : false) || ...));
}
}  // namespace detail

/// Compile-time gate for requests built in code: compilation fails, naming the
/// first violated rule (e.g. `rule_violated<ddbexport::rule_id::r_inc_min>`), unless the request
/// passes. Warnings are allowed.
template <idempotency_ledger Ledger>
consteval bool check_request(const export_request& request, const validation_context<Ledger>& context) {
  first_sink sink;
  const auto result = validate(request, context, sink);
  if (result.first_error) detail::fail_compilation_for(result.first_error->rule, std::make_index_sequence<rule_count>{});
  return result.valid();
}
// The ledger is a template parameter so that the call below depends on it:
// otherwise compilers instantiate the whole validator wherever this header
// is included, called or not.
template <idempotency_ledger Ledger = span_ledger>
consteval bool check_request(const export_request& request) {
  return check_request(request, validation_context<Ledger>{});
}

}  // namespace ddbexport

#endif
