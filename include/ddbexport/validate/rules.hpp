#ifndef DDBEXPORT_VALIDATE_RULES_HPP
#define DDBEXPORT_VALIDATE_RULES_HPP

/// The rule catalogue: the one place a rule's facts are written down (id,
/// stage, severity, the error it answers with, its message template). The
/// validators report rule ids; messages.hpp renders the templates; the
/// rule-coverage test compares ids and templates with RULES.md and SERVICE.md.

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "ddbexport/service_error.hpp"

namespace ddbexport {

/// Validation stages, in the order the service runs them (RULES.md §5),
/// followed by the kinds of rule that never fail a request.
enum class stage : std::uint8_t {
  deserialize,      ///< D: stops everything
  shape,            ///< S: one combined ValidationException
  invalid_request,  ///< I: "Invalid Request: ..." couplings
  table,            ///< T: ARN and table facts
  pitr,             ///< P: point-in-time recovery enabled
  time,             ///< W: ExportTime and incremental window
  token,            ///< K: ClientToken idempotency window
  accepted,         ///< warnings: async failures and advice
  none,             ///< behaviour rules that produce no diagnostic
  response,         ///< checks of a 200 body
  error_body,       ///< checks of an error body
};

enum class severity : std::uint8_t {
  error,           ///< the service rejects the call
  async,           ///< accepted, then the export ends FAILED
  advice,          ///< legal, almost certainly a mistake
  behaviour,       ///< documents what the service does; never reported
  response_check,  ///< a 200 or error body a real service would not send
};

/// Which spec defines a rule: RULES.md (ExportTableToPointInTime, its
/// responses and error bodies) or SERVICE.md (the inputs of DescribeExport
/// and ListExports, whose shape checks share RULES.md §4's message).
enum class rule_source : std::uint8_t { rules, service };

/// Every rule id, in evaluation order: sorting diagnostics by rule_id sorts
/// them by stage, then by rule within the stage. SERVICE.md's ids come last.
enum class rule_id : std::uint8_t {
  w_json,
  w_limit,
  w_dupkey,
  w_type,
  w_time,
  s_tablearn_req,
  s_tablearn_len,
  s_bucket_req,
  s_bucket_len,
  s_bucket_pat,
  s_token_pat,
  s_owner_pat,
  s_prefix_len,
  s_sse_enum,
  s_kmsid_len,
  s_fmt_enum,
  s_type_enum,
  s_view_enum,
  s_filter_names_len,
  r_kmsid_needs_kms,
  r_kmsid_format,
  r_inc_spec_req,
  r_inc_spec_full,
  r_inc_spec_notype,
  r_inc_from_req,
  r_filter_empty,
  r_av_depth,
  r_tablearn_notarn,
  r_tablearn_nottable,
  r_tablearn_account,
  r_table_exists,
  r_pitr_req,
  r_pitr_req_inc,
  r_et_future,
  r_et_before_window,
  r_et_after_latest,
  r_inc_from_start,
  r_inc_to_future,
  r_inc_order,
  r_inc_min,
  r_inc_max,
  r_token_conflict,
  w_unknown,
  r_et_inc,
  r_et_gran,
  r_tablearn_partition,
  r_s3_naming_len,
  r_s3_naming_chars,
  r_s3_naming_dots,
  r_s3_naming_ip,
  r_s3_naming_prefix,
  r_s3_naming_suffix,
  r_prefix_slash,
  r_owner_mismatch,
  r_owner_xacct,
  r_filter_expr_size,
  r_token_replay,
  r_token_window,
  r_token_autofill,
  r_inc_to_default,
  r_inc_view_default,
  r_et_default,
  r_desc_extra,
  r_desc_present,
  s_out_status,
  r_desc_shape,
  s_out_arn,
  r_exportarn_shape,
  r_exportarn_time,
  s_out_tableid,
  s_out_counts,
  r_desc_inprogress,
  r_desc_completed,
  r_desc_failed,
  r_desc_defaults,
  r_desc_times,
  r_desc_exporttime,
  r_desc_inc,
  r_inc_bill,
  r_desc_manifest,
  r_desc_echo,
  err_body,
  err_name,
  err_ns,
  v_desc_shape,
  v_list_shape,
};

/// A rule's facts. `message` is the spec's message text: `<...>` placeholders
/// name what the diagnostic supplies (messages.hpp says how they are filled).
/// Shape rules have none of their own: their message is RULES.md §4's item.
struct rule_info {
  std::string_view id;  ///< as written in the spec, e.g. "R-INC-MIN"
  ddbexport::stage stage;
  ddbexport::severity severity;
  std::optional<error_kind> error{};  ///< the service error it answers with (severity error)
  std::string_view failure_code{};    ///< async rules: the FailureCode the export ends with
  std::string_view message{};
  bool needs_context = false;  ///< reads a fact only the caller can supply
  /// The service's answer carries no text although the report has one
  /// (W-JSON, W-LIMIT, W-DUPKEY: body message `''`).
  bool silent_answer = false;
  rule_source source = rule_source::rules;
};

namespace detail {
// Row builders: the catalogue reads as the spec's tables do.
constexpr rule_info error_rule(std::string_view id, stage st, error_kind e, std::string_view message,
                               bool needs_context = false) noexcept {
  return {id, st, severity::error, e, {}, message, needs_context};
}
constexpr rule_info silent_error_rule(std::string_view id, std::string_view message) noexcept {
  return {id, stage::deserialize, severity::error, error_kind::serialization, {}, message, false, true};
}
constexpr rule_info shape_rule(std::string_view id, rule_source source = rule_source::rules) noexcept {
  return {id, stage::shape, severity::error, error_kind::validation, {}, {}, false, false, source};
}
constexpr rule_info advice_rule(std::string_view id, std::string_view message, stage st = stage::accepted) noexcept {
  return {id, st, severity::advice, {}, {}, message};
}
constexpr rule_info async_rule(std::string_view id, std::string_view failure_code, std::string_view message) noexcept {
  return {id, stage::accepted, severity::async, {}, failure_code, message, true};
}
constexpr rule_info behaviour_rule(std::string_view id, stage st = stage::none, bool needs_context = false) noexcept {
  return {id, st, severity::behaviour, {}, {}, {}, needs_context};
}
constexpr rule_info response_rule(std::string_view id) noexcept {
  return {id, stage::response, severity::response_check, {}, {}, "ExportDescription: <rule id> failed"};
}
constexpr rule_info error_body_rule(std::string_view id, severity sev = severity::response_check) noexcept {
  return {id, stage::error_body, sev, {}, {}, "error body: <rule id> failed"};
}

inline constexpr std::string_view s3_naming_prefix = "S3Bucket '<b>' does not follow S3 bucket naming rules: ";
inline constexpr std::string_view from_time_text =
    "Incremental export period from time cannot be less than the table creation time : <ts of F>";

/// The S3 naming rules share one message; each fills in its own reason (RULES.md §3.5).
template <std::size_t N>
struct naming_message {
  std::array<char, s3_naming_prefix.size() + N - 1> text{};
  constexpr naming_message(const char (&reason)[N]) noexcept {  // NOLINT(google-explicit-constructor)
    std::size_t at = 0;
    for (char c : s3_naming_prefix) text[at++] = c;
    for (std::size_t i = 0; i + 1 < N; ++i) text[at++] = reason[i];
  }
  [[nodiscard]] constexpr std::string_view view() const noexcept { return {text.data(), text.size()}; }
};
inline constexpr naming_message naming_len{"length must be 3 to 63"};
inline constexpr naming_message naming_chars{"only lowercase letters, digits, '.' and '-' are allowed"};
inline constexpr naming_message naming_dots{"two adjacent periods"};
inline constexpr naming_message naming_ip{"formatted as an IP address"};
inline constexpr naming_message naming_prefix{"reserved prefix"};
inline constexpr naming_message naming_suffix{"reserved suffix"};
}  // namespace detail

inline constexpr std::array rule_catalogue{
    detail::silent_error_rule("W-JSON", "Request body is not a valid JSON object"),
    detail::silent_error_rule("W-LIMIT", "Request body exceeds reader limits"),
    detail::silent_error_rule("W-DUPKEY", "Member '<name>' appears more than once"),
    // The text is Coral's, chosen per member kind and JSON type (json/detail/type_messages.hpp).
    detail::error_rule("W-TYPE", stage::deserialize, error_kind::serialization, {}),
    detail::error_rule("W-TIME", stage::deserialize, error_kind::serialization,
                       "DECIMAL_VALUE can not be converted to milliseconds since epoch"),
    detail::shape_rule("S-TABLEARN-REQ"),
    detail::shape_rule("S-TABLEARN-LEN"),
    detail::shape_rule("S-BUCKET-REQ"),
    detail::shape_rule("S-BUCKET-LEN"),
    detail::shape_rule("S-BUCKET-PAT"),
    detail::shape_rule("S-TOKEN-PAT"),
    detail::shape_rule("S-OWNER-PAT"),
    detail::shape_rule("S-PREFIX-LEN"),
    detail::shape_rule("S-SSE-ENUM"),
    detail::shape_rule("S-KMSID-LEN"),
    detail::shape_rule("S-FMT-ENUM"),
    detail::shape_rule("S-TYPE-ENUM"),
    detail::shape_rule("S-VIEW-ENUM"),
    detail::shape_rule("S-FILTER-NAMES-LEN"),
    detail::error_rule("R-KMSID-NEEDS-KMS", stage::invalid_request, error_kind::validation,
                       "Invalid Request: KMS Key Id is not supported for this encryption type"),
    detail::error_rule("R-KMSID-FORMAT", stage::invalid_request, error_kind::validation,
                       "Invalid Request: 1 validation error detected: Value '<v>' at 's3SseKmsKeyId' failed to satisfy "
                       "constraint: Member must satisfy regular expression pattern: <P>"),
    detail::error_rule("R-INC-SPEC-REQ", stage::invalid_request, error_kind::validation,
                       "Invalid Request: Incremental Export Specification expected when export type is set as "
                       "Incremental Export"),
    detail::error_rule("R-INC-SPEC-FULL", stage::invalid_request, error_kind::validation,
                       "Invalid Request: When Export Type is Full Export , Incremental Export Specification should "
                       "not be provided"),
    detail::error_rule("R-INC-SPEC-NOTYPE", stage::invalid_request, error_kind::validation,
                       "Invalid Request: Export Type expected to be Incremental Export when incremental export "
                       "specification is provided"),
    detail::error_rule("R-INC-FROM-REQ", stage::invalid_request, error_kind::validation,
                       "Invalid Request: ExportFromTime must be provided in IncrementalExportSpecification"),
    detail::error_rule("R-FILTER-EMPTY", stage::invalid_request, error_kind::validation,
                       "Invalid Request: Invalid FilterSpecification: The specification can not be empty"),
    detail::error_rule("R-AV-DEPTH", stage::invalid_request, error_kind::validation,
                       "Nesting Levels have exceeded supported limits"),
    detail::error_rule("R-TABLEARN-NOTARN", stage::table, error_kind::validation,
                       "One or more parameter values were invalid: tableArn is not a valid ARN"),
    detail::error_rule("R-TABLEARN-NOTTABLE", stage::table, error_kind::validation,
                       "Invalid Request: Table ARN is invalid."),
    detail::error_rule("R-TABLEARN-ACCOUNT", stage::table, error_kind::access_denied, "Access is denied", true),
    detail::error_rule("R-TABLE-EXISTS", stage::table, error_kind::table_not_found, "Table not found: <TableArn as sent>",
                       true),
    detail::error_rule("R-PITR-REQ", stage::pitr, error_kind::point_in_time_recovery_unavailable,
                       "Point in time recovery is not enabled for table '<TableName>'", true),
    detail::error_rule("R-PITR-REQ-INC", stage::pitr, error_kind::invalid_export_time, detail::from_time_text, true),
    detail::error_rule("R-ET-FUTURE", stage::time, error_kind::invalid_export_time, "Export Time is invalid", true),
    detail::error_rule("R-ET-BEFORE-WINDOW", stage::time, error_kind::invalid_export_time, "Export Time is invalid",
                       true),
    detail::error_rule("R-ET-AFTER-LATEST", stage::time, error_kind::invalid_export_time,
                       "Point in Time Recovery is not available for specified export time", true),
    detail::error_rule("R-INC-FROM-START", stage::time, error_kind::invalid_export_time, detail::from_time_text, true),
    detail::error_rule("R-INC-TO-FUTURE", stage::time, error_kind::invalid_export_time,
                       "Incremental export period to time cannot be greater than the current time : <ts of ExportToTime>",
                       true),
    detail::error_rule("R-INC-ORDER", stage::time, error_kind::invalid_export_time,
                       "Incremental export period from time cannot be greater than or equal to the export period to "
                       "time : <ts of F>"),
    detail::error_rule("R-INC-MIN", stage::time, error_kind::invalid_export_time,
                       "Difference between export period from time and export period to time is less than 15 minutes"),
    detail::error_rule("R-INC-MAX", stage::time, error_kind::invalid_export_time,
                       "Difference between export period from time and export period to time is greater than 24 hours"),
    detail::error_rule("R-TOKEN-CONFLICT", stage::token, error_kind::export_conflict,
                       "Export conflict: Duplicate request detected with conflicting parameters", true),
    detail::advice_rule("W-UNKNOWN", "Unknown member '<name>' is ignored by the service"),
    detail::advice_rule("R-ET-INC", "ExportTime is not used by INCREMENTAL_EXPORT; use IncrementalExportSpecification"),
    detail::advice_rule("R-ET-GRAN", "<path> has sub-millisecond digits; it is rounded to milliseconds"),
    detail::advice_rule("R-TABLEARN-PARTITION", "TableArn partition or region looks wrong: '<partition>' / '<region>'"),
    detail::advice_rule("R-S3-NAMING-LEN", detail::naming_len.view()),
    detail::advice_rule("R-S3-NAMING-CHARS", detail::naming_chars.view()),
    detail::advice_rule("R-S3-NAMING-DOTS", detail::naming_dots.view()),
    detail::advice_rule("R-S3-NAMING-IP", detail::naming_ip.view()),
    detail::advice_rule("R-S3-NAMING-PREFIX", detail::naming_prefix.view()),
    detail::advice_rule("R-S3-NAMING-SUFFIX", detail::naming_suffix.view()),
    detail::advice_rule("R-PREFIX-SLASH", "S3Prefix starts with '/'; object keys will begin with '/'"),
    detail::async_rule("R-OWNER-MISMATCH", "S3AccessDenied", "S3BucketOwner <o> does not own bucket '<b>'"),
    detail::async_rule("R-OWNER-XACCT", "S3AccessDenied", "Bucket '<b>' is in account <real>; S3BucketOwner is required"),
    detail::advice_rule("R-FILTER-EXPR-SIZE", "<Member> is <n> bytes; expressions are limited to 4 KB"),
    detail::behaviour_rule("R-TOKEN-REPLAY", stage::token, true),
    detail::behaviour_rule("R-TOKEN-WINDOW", stage::token, true),
    detail::behaviour_rule("R-TOKEN-AUTOFILL"),
    detail::behaviour_rule("R-INC-TO-DEFAULT"),
    detail::behaviour_rule("R-INC-VIEW-DEFAULT"),
    detail::behaviour_rule("R-ET-DEFAULT"),
    detail::behaviour_rule("R-DESC-EXTRA"),
    detail::response_rule("R-DESC-PRESENT"),
    detail::response_rule("S-OUT-STATUS"),
    detail::response_rule("R-DESC-SHAPE"),
    detail::response_rule("S-OUT-ARN"),
    detail::response_rule("R-EXPORTARN-SHAPE"),
    detail::response_rule("R-EXPORTARN-TIME"),
    detail::response_rule("S-OUT-TABLEID"),
    detail::response_rule("S-OUT-COUNTS"),
    detail::response_rule("R-DESC-INPROGRESS"),
    detail::response_rule("R-DESC-COMPLETED"),
    detail::response_rule("R-DESC-FAILED"),
    detail::response_rule("R-DESC-DEFAULTS"),
    detail::response_rule("R-DESC-TIMES"),
    detail::response_rule("R-DESC-EXPORTTIME"),
    detail::response_rule("R-DESC-INC"),
    detail::response_rule("R-INC-BILL"),
    detail::response_rule("R-DESC-MANIFEST"),
    detail::response_rule("R-DESC-ECHO"),
    detail::error_body_rule("ERR-BODY"),
    detail::error_body_rule("ERR-NAME", severity::advice),
    detail::error_body_rule("ERR-NS"),
    detail::shape_rule("V-DESC-SHAPE", rule_source::service),
    detail::shape_rule("V-LIST-SHAPE", rule_source::service),
};

inline constexpr std::size_t rule_count = rule_catalogue.size();
static_assert(rule_count == static_cast<std::size_t>(rule_id::v_list_shape) + 1, "one catalogue row per rule_id");

[[nodiscard]] constexpr const rule_info& info(rule_id rule) noexcept {
  return rule_catalogue[static_cast<std::size_t>(rule)];
}
[[nodiscard]] constexpr std::string_view to_string(rule_id rule) noexcept { return info(rule).id; }

[[nodiscard]] constexpr std::optional<rule_id> rule_from_string(std::string_view id) noexcept {
  for (std::size_t i = 0; i < rule_catalogue.size(); ++i)
    if (rule_catalogue[i].id == id) return static_cast<rule_id>(i);
  return std::nullopt;
}

/// The `error` a report gives for the rule: the service error's name, the
/// predicted FailureCode, "ResponseCheck", or empty (advice, behaviour).
[[nodiscard]] constexpr std::string_view error_name(rule_id rule) noexcept {
  const rule_info& r = info(rule);
  if (r.error) return ddbexport::info(*r.error).name;
  if (r.severity == severity::response_check) return "ResponseCheck";
  return r.failure_code;
}

/// The service error a rule answers with, if it is one that rejects the call.
[[nodiscard]] constexpr std::optional<error_kind> service_error_of(rule_id rule) noexcept {
  return info(rule).severity == severity::error ? info(rule).error : std::nullopt;
}

/// A set of rules, e.g. the ones left unchecked for want of a fact.
class rule_set {
 public:
  constexpr void insert(rule_id r) noexcept { bits_[index(r) / 64] |= bit(r); }
  constexpr void erase(rule_id r) noexcept { bits_[index(r) / 64] &= ~bit(r); }
  [[nodiscard]] constexpr bool contains(rule_id r) const noexcept { return (bits_[index(r) / 64] & bit(r)) != 0; }
  [[nodiscard]] constexpr std::size_t size() const noexcept {
    std::size_t n = 0;
    for (const std::uint64_t word : bits_) n += static_cast<std::size_t>(std::popcount(word));
    return n;
  }
  [[nodiscard]] constexpr bool empty() const noexcept { return size() == 0; }
  /// Calls `f(rule_id)` for each member, in rule order. Visits set bits only:
  /// the service asks this of every verdict, and most rules are never unchecked.
  template <class F>
  constexpr void for_each(F&& f) const {
    for (std::size_t w = 0; w < std::size(bits_); ++w)
      for (std::uint64_t word = bits_[w]; word != 0; word &= word - 1)
        f(static_cast<rule_id>(w * 64 + static_cast<std::size_t>(std::countr_zero(word))));
  }
  friend constexpr bool operator==(const rule_set&, const rule_set&) = default;

 private:
  static constexpr std::size_t index(rule_id r) noexcept { return static_cast<std::size_t>(r); }
  static constexpr std::uint64_t bit(rule_id r) noexcept { return std::uint64_t{1} << (index(r) % 64); }
  std::uint64_t bits_[(rule_count + 63) / 64]{};
};

}  // namespace ddbexport

#endif
