#ifndef DDBEXPORT_VALIDATE_REQUEST_HPP
#define DDBEXPORT_VALIDATE_REQUEST_HPP

// Request validation: every rule of RULES.md §3 in the stage order of §5.
// Pure and allocation-free: the validator reads the request and the caller's
// context, reports to a sink, and returns a summary. It never records into
// the idempotency ledger, so a failed request reserves no token.

#include <cstdint>
#include <optional>
#include <string_view>

#include "ddbexport/arn.hpp"
#include "ddbexport/validate/context.hpp"
#include "ddbexport/detail/patterns.hpp"
#include "ddbexport/detail/utf8.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/validate/messages.hpp"
#include "ddbexport/enums.hpp"
#include "ddbexport/request.hpp"
#include "ddbexport/request_equality.hpp"
#include "ddbexport/validate/rules.hpp"
#include "ddbexport/timestamp.hpp"

namespace ddbexport {

/// What a validation found, whatever the sink kept.
struct validation_result {
  std::size_t violations = 0;
  std::size_t warnings = 0;
  /// The first failing stage; its error is the body the service answers with.
  std::optional<ddbexport::stage> failed_stage{};
  /// The first violation of that stage (for stage S, its first item).
  std::optional<diagnostic> first_error{};
  /// Stage S items, which the service merges into one message.
  std::size_t shape_items = 0;
  /// Rules that apply but lack a caller-supplied fact (RULES.md §5).
  rule_set unchecked{};
  /// The earlier export this request replays inside the ClientToken window.
  std::optional<std::string_view> replay_of{};

  [[nodiscard]] constexpr bool valid() const noexcept { return !failed_stage.has_value(); }
  /// The service error for the body (`__type` and status); empty when valid.
  [[nodiscard]] constexpr std::optional<error_kind> error() const noexcept {
    return first_error ? service_error_of(first_error->rule) : std::nullopt;
  }
};

inline constexpr std::int64_t ms_per_second = 1000;
inline constexpr std::int64_t idempotency_window_ms = 8 * 3600 * ms_per_second;
inline constexpr std::int64_t incremental_min_ms = 15 * 60 * ms_per_second;
inline constexpr std::int64_t incremental_max_ms = 24 * 3600 * ms_per_second;
/// B's last resort when neither EarliestRestorableDateTime nor Now is known: 2020-01-01T00:00:00Z.
inline constexpr std::int64_t window_start_fallback_ms = 1'577'836'800'000;
inline constexpr std::int64_t max_expression_bytes = 4096;

namespace detail {

inline constexpr std::string_view ies = "IncrementalExportSpecification";
inline constexpr std::string_view fs = "FilterSpecification";

template <diagnostic_sink Sink, idempotency_ledger Ledger>
class request_validator {
 public:
  constexpr request_validator(const export_request& request, const validation_context<Ledger>& context, Sink& sink)
      : r_(request),
        ctx_(context),
        sink_(sink),
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
    if (result_.failed_stage || !token_replay_) result_.replay_of.reset();
    return result_;
  }

  /// Stage S only, for rebuilding the combined message.
  constexpr void shape_only() { shape_stage(); }

 private:
  // ---- reporting --------------------------------------------------------
  constexpr void emit(const diagnostic& d) {
    const auto& ri = info(d.rule);
    // Counted here, not by the sink: a sink that stops early (first_sink)
    // must not change what the result reports.
    if (d.is_violation())
      ++result_.violations;
    else
      ++result_.warnings;
    if (ri.severity == severity::error) {
      if (!result_.failed_stage) {
        result_.failed_stage = ri.stage;
        result_.first_error = d;
      }
      if (ri.stage == stage::shape) ++result_.shape_items;
    }
    sink_.report(d);
  }
  constexpr void emit(rule_id rule, field_path path, std::string_view subject = {}, std::int64_t number = 0,
                      std::string_view detail_text = {}) {
    diagnostic d;
    d.rule = rule;
    d.path = path;
    d.subject = subject;
    d.number = number;
    d.detail = detail_text;
    emit(d);
  }
  constexpr void shape_item(rule_id rule, field_path path, constraint_kind c, std::string_view value,
                            std::int64_t bound = 0, std::string_view detail_text = {}) {
    diagnostic d;
    d.rule = rule;
    d.path = path;
    d.constraint = c;
    d.subject = value;
    d.number = bound;
    d.detail = detail_text;
    emit(d);
  }
  constexpr void unchecked(rule_id rule) { result_.unchecked.insert(rule); }

  // ---- stage S ------------------------------------------------------------
  /// Length items; returns true when within bounds. A string has no more
  /// code points than bytes, and at least one when it has a byte, so with
  /// min <= 1 and size <= max the byte count decides both bounds exactly and
  /// the code points need no counting (the common case).
  constexpr bool lengths(rule_id rule, field_path path, std::string_view value, std::int64_t min, std::int64_t max) {
    const auto bytes = static_cast<std::int64_t>(value.size());
    const auto n = min <= 1 && bytes <= max ? bytes : static_cast<std::int64_t>(code_point_count(value));
    bool ok = true;
    if (n < min) {
      shape_item(rule, path, constraint_kind::min_length, value, min);
      ok = false;
    }
    if (n > max) {
      shape_item(rule, path, constraint_kind::max_length, value, max);
      ok = false;
    }
    return ok;
  }

  template <class E>
  constexpr bool enum_member(rule_id rule, field_path path, const std::optional<open_enum<E>>& value) {
    if (!value || value->is_known()) return true;
    shape_item(rule, path, constraint_kind::enum_set, value->text(), 0, enum_traits<E>::value_set);
    return false;
  }

  constexpr void shape_stage() {
    using enum rule_id;
    if (!r_.table_arn) {
      shape_item(s_tablearn_req, "TableArn", constraint_kind::not_null, {});
      table_arn_ok_ = false;
    } else {
      table_arn_ok_ = lengths(s_tablearn_len, "TableArn", *r_.table_arn, 1, 1024);
    }
    if (!r_.s3_bucket) {
      shape_item(s_bucket_req, "S3Bucket", constraint_kind::not_null, {});
      bucket_ok_ = false;
    } else {
      bucket_ok_ = lengths(s_bucket_len, "S3Bucket", *r_.s3_bucket, 0, 255);
      if (!matches_s3_bucket_pattern(*r_.s3_bucket)) {
        shape_item(s_bucket_pat, "S3Bucket", constraint_kind::pattern, *r_.s3_bucket, 0, s3_bucket_pattern);
        bucket_ok_ = false;
      }
    }
    if (r_.client_token && !matches_client_token_pattern(*r_.client_token)) {
      shape_item(s_token_pat, "ClientToken", constraint_kind::pattern, *r_.client_token, 0, client_token_pattern);
      token_ok_ = false;
    }
    if (r_.s3_bucket_owner && !matches_s3_bucket_owner_pattern(*r_.s3_bucket_owner)) {
      shape_item(s_owner_pat, "S3BucketOwner", constraint_kind::pattern, *r_.s3_bucket_owner, 0,
                 s3_bucket_owner_pattern);
      owner_ok_ = false;
    }
    // The model says min 0; the live service rejects '' (RULES.md §7), reported with min 1.
    if (r_.s3_prefix) prefix_ok_ = lengths(s_prefix_len, "S3Prefix", *r_.s3_prefix, 1, 1024);
    sse_ok_ = enum_member(s_sse_enum, "S3SseAlgorithm", r_.s3_sse_algorithm);
    if (r_.s3_sse_kms_key_id) kms_ok_ = lengths(s_kmsid_len, "S3SseKmsKeyId", *r_.s3_sse_kms_key_id, 1, 2048);
    enum_member(s_fmt_enum, "ExportFormat", r_.export_format);
    type_ok_ = enum_member(s_type_enum, "ExportType", r_.export_type);
    if (r_.incremental_export_specification)
      enum_member(s_view_enum, field_path{ies, "ExportViewType"}, r_.incremental_export_specification->export_view_type);
    if (r_.filter_specification && r_.filter_specification->expression_attribute_names) {
      for (const auto& entry : *r_.filter_specification->expression_attribute_names)
        if (entry.value.size() > 65535 && code_point_count(entry.value) > 65535)
          shape_item(s_filter_names_len, field_path{fs, "ExpressionAttributeNames"}.with_key(entry.key),
                     constraint_kind::max_length, entry.value, 65535);
    }
  }

  // ---- stage I --------------------------------------------------------------
  constexpr void invalid_request_stage() {
    using enum rule_id;
    if (r_.s3_sse_kms_key_id && kms_ok_ && sse_ok_) {
      const bool kms = r_.s3_sse_algorithm && r_.s3_sse_algorithm->is(s3_sse_algorithm::kms);
      if (!kms) emit(r_kmsid_needs_kms, "S3SseKmsKeyId");
      if (kms && !matches_kms_key_id_pattern(*r_.s3_sse_kms_key_id))
        emit(r_kmsid_format, "S3SseKmsKeyId", *r_.s3_sse_kms_key_id, 0, kms_key_id_pattern);
    }
    if (type_ok_) {
      const auto& spec = r_.incremental_export_specification;
      if (incremental_ && !spec) emit(r_inc_spec_req, "ExportType");
      if (spec && r_.export_type && r_.export_type->is(export_type::full_export)) emit(r_inc_spec_full, ies);
      if (spec && !r_.export_type) emit(r_inc_spec_notype, ies);
      if (incremental_ && spec && !spec->export_from_time) emit(r_inc_from_req, field_path{ies, "ExportFromTime"});
    }
    if (const auto& f = r_.filter_specification;
        f && !f->filter_expression && !f->projection_expression && !f->key_condition_expression &&
        !f->expression_attribute_names && !f->expression_attribute_values)
      emit(r_filter_empty, fs);
  }

  // ---- stage T --------------------------------------------------------------
  constexpr void table_stage() {
    using enum rule_id;
    if (!table_arn_ok_) return;
    table_arn_problem problem{};
    arn_ = table_arn::parse(*r_.table_arn, &problem);
    if (!arn_) {
      emit(problem == table_arn_problem::not_an_arn ? r_tablearn_notarn : r_tablearn_nottable, "TableArn");
      return;
    }
    if (!ctx_.caller_account_id)
      unchecked(r_tablearn_account);
    else if (arn_->account != *ctx_.caller_account_id)
      emit(r_tablearn_account, "TableArn");
    if (ctx_.table_exists == false) emit(r_table_exists, "TableArn", *r_.table_arn);
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
    return type_ok_ && incremental_ && r_.incremental_export_specification && from_time();
  }
  [[nodiscard]] constexpr bool full() const { return type_ok_ && full_; }

  constexpr void pitr_stage() {
    using enum rule_id;
    const auto enabled = pitr_enabled();
    if (full() && arn_) {
      if (!enabled)
        unchecked(r_pitr_req);
      else if (!*enabled)
        emit(r_pitr_req, "TableArn", arn_->table_name);
    }
    if (incremental_with_from()) {
      if (!enabled)
        unchecked(r_pitr_req_inc);
      else if (!*enabled)
        emit(r_pitr_req_inc, field_path{ies, "ExportFromTime"}, {}, to_epoch_ms(*from_time()));
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
      const std::int64_t et = to_epoch_ms(*r_.export_time);
      bool future = false;
      if (!has_now) {
        unchecked(r_et_future);
      } else if (et > now) {
        future = true;
        emit(r_et_future, "ExportTime", {}, et);
      }
      if (!from_earliest) unchecked(r_et_before_window);
      if (et < b) emit(r_et_before_window, "ExportTime", {}, et);
      const auto* pitr = ctx_.pitr();
      if (!pitr || !pitr->latest_restorable_date_time)
        unchecked(r_et_after_latest);
      else if (!future && et > to_epoch_ms(*pitr->latest_restorable_date_time))
        emit(r_et_after_latest, "ExportTime", {}, et);
    }
    if (incremental_with_from()) {
      const auto& spec = *r_.incremental_export_specification;
      const std::int64_t f = to_epoch_ms(*spec.export_from_time);
      if (!from_earliest) unchecked(r_inc_from_start);
      if (f < b) emit(r_inc_from_start, field_path{ies, "ExportFromTime"}, {}, f);
      if (!has_now)
        unchecked(r_inc_to_future);
      else if (spec.export_to_time && to_epoch_ms(*spec.export_to_time) > now)
        emit(r_inc_to_future, field_path{ies, "ExportToTime"}, {}, to_epoch_ms(*spec.export_to_time));
      const bool has_to = spec.export_to_time.has_value() || has_now;
      const std::int64_t to = spec.export_to_time ? to_epoch_ms(*spec.export_to_time)
                                                  : floor_div(now, ms_per_second) * ms_per_second;  // R-INC-TO-DEFAULT
      if (!has_to) {
        unchecked(r_inc_order);
        unchecked(r_inc_min);
        unchecked(r_inc_max);
      } else {
        const std::int64_t span = to - f;
        if (f >= to) emit(r_inc_order, ies, {}, f);
        if (span > 0 && span < incremental_min_ms) emit(r_inc_min, ies, {}, span);
        if (span > incremental_max_ms) emit(r_inc_max, ies, {}, span);
      }
    }
  }

  // ---- stage K --------------------------------------------------------------
  constexpr void token_stage() {
    using enum rule_id;
    if (!r_.client_token || !token_ok_) return;
    if (!ctx_.previous_exports) {
      unchecked(r_token_conflict);
      unchecked(r_token_replay);
      return;
    }
    const std::string_view token = *r_.client_token;
    const ledger_entry* chosen = nullptr;
    bool undecidable = false;
    ctx_.previous_exports->for_each_candidate(token, [&](const ledger_entry& e) {
      if (e.request.client_token != token) return true;
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
      result_.replay_of = chosen->export_arn;
    } else {
      emit(r_token_conflict, "ClientToken", token);
    }
  }

  // ---- warnings -------------------------------------------------------------
  constexpr void warnings() {
    using enum rule_id;
    if (r_.export_time && type_ok_ && incremental_) emit(r_et_inc, "ExportTime");
    if (table_arn_ok_) {
      // A parsed table ARN already holds the split's partition and region.
      const auto fields = arn_ ? std::optional<arn_fields>{arn_fields{arn_->partition, {}, arn_->region, {}, {}}}
                               : split_arn(*r_.table_arn);
      if (fields && !partition_fits_region(fields->partition, fields->region))
        emit(r_tablearn_partition, "TableArn", fields->partition, 0, fields->region);
    }
    if (bucket_ok_) bucket_naming(*r_.s3_bucket);
    if (r_.s3_prefix && prefix_ok_ && starts_with(*r_.s3_prefix, "/")) emit(r_prefix_slash, "S3Prefix");
    const std::string_view bucket = r_.s3_bucket.value_or(std::string_view{});
    if (r_.s3_bucket_owner) {
      if (owner_ok_) {
        if (!ctx_.bucket_owner_account_id)
          unchecked(r_owner_mismatch);
        else if (*r_.s3_bucket_owner != *ctx_.bucket_owner_account_id)
          emit(r_owner_mismatch, "S3BucketOwner", *r_.s3_bucket_owner, 0, bucket);
      }
    } else if (!ctx_.bucket_owner_account_id || !ctx_.caller_account_id) {
      unchecked(r_owner_xacct);
    } else if (*ctx_.bucket_owner_account_id != *ctx_.caller_account_id) {
      emit(r_owner_xacct, "S3BucketOwner", bucket, 0, *ctx_.bucket_owner_account_id);
    }
    if (const auto& f = r_.filter_specification) {
      const auto expression = [&](std::string_view name, const std::optional<std::string_view>& text) {
        if (text && static_cast<std::int64_t>(text->size()) > max_expression_bytes)
          emit(r_filter_expr_size, field_path{fs, name}, {}, static_cast<std::int64_t>(text->size()));
      };
      expression("FilterExpression", f->filter_expression);
      expression("ProjectionExpression", f->projection_expression);
      expression("KeyConditionExpression", f->key_condition_expression);
    }
  }

  constexpr void bucket_naming(std::string_view b) {
    using enum rule_id;
    if (b.size() < 3 || b.size() > 63) emit(r_s3_naming_len, "S3Bucket", b);
    for (char c : b)
      if (!is_lower(c) && !is_digit(c) && c != '.' && c != '-') {
        emit(r_s3_naming_chars, "S3Bucket", b);
        break;
      }
    if (b.find("..") != std::string_view::npos) emit(r_s3_naming_dots, "S3Bucket", b);
    if (looks_like_ipv4(b)) emit(r_s3_naming_ip, "S3Bucket", b);
    if (starts_with(b, "xn--") || starts_with(b, "sthree-") || starts_with(b, "amzn-s3-demo-"))
      emit(r_s3_naming_prefix, "S3Bucket", b);
    if (ends_with(b, "-s3alias") || ends_with(b, "--ol-s3") || ends_with(b, ".mrap") || ends_with(b, "--x-s3"))
      emit(r_s3_naming_suffix, "S3Bucket", b);
  }

  const export_request& r_;
  const validation_context<Ledger>& ctx_;
  guarded_sink<Sink> sink_;
  validation_result result_{};
  std::optional<table_arn> arn_{};
  bool table_arn_ok_ = true;
  bool bucket_ok_ = true;
  bool token_ok_ = true;
  bool owner_ok_ = true;
  bool prefix_ok_ = true;
  bool sse_ok_ = true;
  bool kms_ok_ = true;
  bool type_ok_ = true;
  bool incremental_;  ///< is_incremental(r_), asked by several stages
  bool full_;         ///< is_full(r_)
  bool token_replay_ = false;
};

/// Renders each stage-S item of the combined message into an output.
template <text_output Out>
class shape_item_writer {
 public:
  constexpr explicit shape_item_writer(Out& out) noexcept : out_(&out) {}
  constexpr bool accept(const diagnostic& d) {
    if (info(d.rule).stage != stage::shape) return true;
    if (written_++ != 0) out_->write("; ");
    write_shape_item(d, *out_);
    return true;
  }

 private:
  Out* out_;
  std::size_t written_ = 0;
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

/// The `message` of the error body the service answers with: the combined
/// ValidationException text for stage S, else the first failing rule's text.
/// Writes nothing when the request is valid.
template <idempotency_ledger Ledger, text_output Out>
constexpr void write_error_message(const export_request& request, const validation_context<Ledger>& context,
                                   const validation_result& result, Out& out) {
  if (!result.first_error) return;
  if (result.failed_stage != stage::shape) {
    write_message(*result.first_error, out);
    return;
  }
  write_validation_count(result.shape_items, out);
  detail::shape_item_writer<Out> items{out};
  detail::request_validator<detail::shape_item_writer<Out>, Ledger>{request, context, items}.shape_only();
}

namespace rule_violated {
// Reaching one of these in a consteval check is a compile error whose text
// names the rule: the functions are deliberately not constexpr.
#define DDBEXPORT_RULE_FN(name) inline void name() noexcept {}
DDBEXPORT_RULE_FN(S_TABLEARN_REQ) DDBEXPORT_RULE_FN(S_TABLEARN_LEN) DDBEXPORT_RULE_FN(S_BUCKET_REQ)
DDBEXPORT_RULE_FN(S_BUCKET_LEN) DDBEXPORT_RULE_FN(S_BUCKET_PAT) DDBEXPORT_RULE_FN(S_TOKEN_PAT)
DDBEXPORT_RULE_FN(S_OWNER_PAT) DDBEXPORT_RULE_FN(S_PREFIX_LEN) DDBEXPORT_RULE_FN(S_SSE_ENUM)
DDBEXPORT_RULE_FN(S_KMSID_LEN) DDBEXPORT_RULE_FN(S_FMT_ENUM) DDBEXPORT_RULE_FN(S_TYPE_ENUM)
DDBEXPORT_RULE_FN(S_VIEW_ENUM) DDBEXPORT_RULE_FN(S_FILTER_NAMES_LEN) DDBEXPORT_RULE_FN(R_KMSID_NEEDS_KMS)
DDBEXPORT_RULE_FN(R_KMSID_FORMAT) DDBEXPORT_RULE_FN(R_INC_SPEC_REQ) DDBEXPORT_RULE_FN(R_INC_SPEC_FULL)
DDBEXPORT_RULE_FN(R_INC_SPEC_NOTYPE) DDBEXPORT_RULE_FN(R_INC_FROM_REQ) DDBEXPORT_RULE_FN(R_FILTER_EMPTY)
DDBEXPORT_RULE_FN(R_TABLEARN_NOTARN) DDBEXPORT_RULE_FN(R_TABLEARN_NOTTABLE) DDBEXPORT_RULE_FN(R_TABLEARN_ACCOUNT)
DDBEXPORT_RULE_FN(R_TABLE_EXISTS) DDBEXPORT_RULE_FN(R_PITR_REQ) DDBEXPORT_RULE_FN(R_PITR_REQ_INC)
DDBEXPORT_RULE_FN(R_ET_FUTURE) DDBEXPORT_RULE_FN(R_ET_BEFORE_WINDOW) DDBEXPORT_RULE_FN(R_ET_AFTER_LATEST)
DDBEXPORT_RULE_FN(R_INC_FROM_START) DDBEXPORT_RULE_FN(R_INC_TO_FUTURE) DDBEXPORT_RULE_FN(R_INC_ORDER)
DDBEXPORT_RULE_FN(R_INC_MIN) DDBEXPORT_RULE_FN(R_INC_MAX) DDBEXPORT_RULE_FN(R_TOKEN_CONFLICT)
#undef DDBEXPORT_RULE_FN
}  // namespace rule_violated

namespace detail {
constexpr void fail_compilation_for(rule_id rule) {
  using enum rule_id;
  switch (rule) {
    case s_tablearn_req: rule_violated::S_TABLEARN_REQ(); break;
    case s_tablearn_len: rule_violated::S_TABLEARN_LEN(); break;
    case s_bucket_req: rule_violated::S_BUCKET_REQ(); break;
    case s_bucket_len: rule_violated::S_BUCKET_LEN(); break;
    case s_bucket_pat: rule_violated::S_BUCKET_PAT(); break;
    case s_token_pat: rule_violated::S_TOKEN_PAT(); break;
    case s_owner_pat: rule_violated::S_OWNER_PAT(); break;
    case s_prefix_len: rule_violated::S_PREFIX_LEN(); break;
    case s_sse_enum: rule_violated::S_SSE_ENUM(); break;
    case s_kmsid_len: rule_violated::S_KMSID_LEN(); break;
    case s_fmt_enum: rule_violated::S_FMT_ENUM(); break;
    case s_type_enum: rule_violated::S_TYPE_ENUM(); break;
    case s_view_enum: rule_violated::S_VIEW_ENUM(); break;
    case s_filter_names_len: rule_violated::S_FILTER_NAMES_LEN(); break;
    case r_kmsid_needs_kms: rule_violated::R_KMSID_NEEDS_KMS(); break;
    case r_kmsid_format: rule_violated::R_KMSID_FORMAT(); break;
    case r_inc_spec_req: rule_violated::R_INC_SPEC_REQ(); break;
    case r_inc_spec_full: rule_violated::R_INC_SPEC_FULL(); break;
    case r_inc_spec_notype: rule_violated::R_INC_SPEC_NOTYPE(); break;
    case r_inc_from_req: rule_violated::R_INC_FROM_REQ(); break;
    case r_filter_empty: rule_violated::R_FILTER_EMPTY(); break;
    case r_tablearn_notarn: rule_violated::R_TABLEARN_NOTARN(); break;
    case r_tablearn_nottable: rule_violated::R_TABLEARN_NOTTABLE(); break;
    case r_tablearn_account: rule_violated::R_TABLEARN_ACCOUNT(); break;
    case r_table_exists: rule_violated::R_TABLE_EXISTS(); break;
    case r_pitr_req: rule_violated::R_PITR_REQ(); break;
    case r_pitr_req_inc: rule_violated::R_PITR_REQ_INC(); break;
    case r_et_future: rule_violated::R_ET_FUTURE(); break;
    case r_et_before_window: rule_violated::R_ET_BEFORE_WINDOW(); break;
    case r_et_after_latest: rule_violated::R_ET_AFTER_LATEST(); break;
    case r_inc_from_start: rule_violated::R_INC_FROM_START(); break;
    case r_inc_to_future: rule_violated::R_INC_TO_FUTURE(); break;
    case r_inc_order: rule_violated::R_INC_ORDER(); break;
    case r_inc_min: rule_violated::R_INC_MIN(); break;
    case r_inc_max: rule_violated::R_INC_MAX(); break;
    case r_token_conflict: rule_violated::R_TOKEN_CONFLICT(); break;
    default: break;
  }
}
}  // namespace detail

/// Compile-time gate for requests built in code: compilation fails, naming the
/// first violated rule (e.g. `rule_violated::R_INC_MIN`), unless the request
/// passes. Warnings are allowed.
template <idempotency_ledger Ledger>
consteval bool check_request(const export_request& request, const validation_context<Ledger>& context) {
  first_sink sink;
  const auto result = validate(request, context, sink);
  if (result.first_error) detail::fail_compilation_for(result.first_error->rule);
  return result.valid();
}
template <class = void>  // a template, so including this header instantiates no validator
consteval bool check_request(const export_request& request) {
  return check_request(request, validation_context<>{});
}

}  // namespace ddbexport

#endif
