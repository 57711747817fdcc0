#ifndef DDBEXPORT_VALIDATE_RULES_HPP
#define DDBEXPORT_VALIDATE_RULES_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

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

/// Every rule id of RULES.md, in evaluation order: sorting diagnostics by
/// rule_id sorts them by stage, then by rule within the stage.
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
  err_ns
};

struct rule_info {
  std::string_view id;          ///< as written in RULES.md, e.g. "R-INC-MIN"
  ddbexport::stage stage;
  ddbexport::severity severity;
  std::string_view error;       ///< exception name, predicted FailureCode, "ResponseCheck", or empty
  bool needs_context;           ///< reads a fact only the caller can supply
};

inline constexpr std::array<rule_info, 83> rule_catalogue{{
    {"W-JSON", stage::deserialize, severity::error, "SerializationException", false},
    {"W-LIMIT", stage::deserialize, severity::error, "SerializationException", false},
    {"W-DUPKEY", stage::deserialize, severity::error, "SerializationException", false},
    {"W-TYPE", stage::deserialize, severity::error, "SerializationException", false},
    {"W-TIME", stage::deserialize, severity::error, "SerializationException", false},
    {"S-TABLEARN-REQ", stage::shape, severity::error, "ValidationException", false},
    {"S-TABLEARN-LEN", stage::shape, severity::error, "ValidationException", false},
    {"S-BUCKET-REQ", stage::shape, severity::error, "ValidationException", false},
    {"S-BUCKET-LEN", stage::shape, severity::error, "ValidationException", false},
    {"S-BUCKET-PAT", stage::shape, severity::error, "ValidationException", false},
    {"S-TOKEN-PAT", stage::shape, severity::error, "ValidationException", false},
    {"S-OWNER-PAT", stage::shape, severity::error, "ValidationException", false},
    {"S-PREFIX-LEN", stage::shape, severity::error, "ValidationException", false},
    {"S-SSE-ENUM", stage::shape, severity::error, "ValidationException", false},
    {"S-KMSID-LEN", stage::shape, severity::error, "ValidationException", false},
    {"S-FMT-ENUM", stage::shape, severity::error, "ValidationException", false},
    {"S-TYPE-ENUM", stage::shape, severity::error, "ValidationException", false},
    {"S-VIEW-ENUM", stage::shape, severity::error, "ValidationException", false},
    {"S-FILTER-NAMES-LEN", stage::shape, severity::error, "ValidationException", false},
    {"R-KMSID-NEEDS-KMS", stage::invalid_request, severity::error, "ValidationException", false},
    {"R-KMSID-FORMAT", stage::invalid_request, severity::error, "ValidationException", false},
    {"R-INC-SPEC-REQ", stage::invalid_request, severity::error, "ValidationException", false},
    {"R-INC-SPEC-FULL", stage::invalid_request, severity::error, "ValidationException", false},
    {"R-INC-SPEC-NOTYPE", stage::invalid_request, severity::error, "ValidationException", false},
    {"R-INC-FROM-REQ", stage::invalid_request, severity::error, "ValidationException", false},
    {"R-FILTER-EMPTY", stage::invalid_request, severity::error, "ValidationException", false},
    {"R-TABLEARN-NOTARN", stage::table, severity::error, "ValidationException", false},
    {"R-TABLEARN-NOTTABLE", stage::table, severity::error, "ValidationException", false},
    {"R-TABLEARN-ACCOUNT", stage::table, severity::error, "AccessDeniedException", true},
    {"R-TABLE-EXISTS", stage::table, severity::error, "TableNotFoundException", true},
    {"R-PITR-REQ", stage::pitr, severity::error, "PointInTimeRecoveryUnavailableException", true},
    {"R-PITR-REQ-INC", stage::pitr, severity::error, "InvalidExportTimeException", true},
    {"R-ET-FUTURE", stage::time, severity::error, "InvalidExportTimeException", true},
    {"R-ET-BEFORE-WINDOW", stage::time, severity::error, "InvalidExportTimeException", true},
    {"R-ET-AFTER-LATEST", stage::time, severity::error, "InvalidExportTimeException", true},
    {"R-INC-FROM-START", stage::time, severity::error, "InvalidExportTimeException", true},
    {"R-INC-TO-FUTURE", stage::time, severity::error, "InvalidExportTimeException", true},
    {"R-INC-ORDER", stage::time, severity::error, "InvalidExportTimeException", false},
    {"R-INC-MIN", stage::time, severity::error, "InvalidExportTimeException", false},
    {"R-INC-MAX", stage::time, severity::error, "InvalidExportTimeException", false},
    {"R-TOKEN-CONFLICT", stage::token, severity::error, "ExportConflictException", true},
    {"W-UNKNOWN", stage::accepted, severity::advice, "", false},
    {"R-ET-INC", stage::accepted, severity::advice, "", false},
    {"R-ET-GRAN", stage::accepted, severity::advice, "", false},
    {"R-TABLEARN-PARTITION", stage::accepted, severity::advice, "", false},
    {"R-S3-NAMING-LEN", stage::accepted, severity::advice, "", false},
    {"R-S3-NAMING-CHARS", stage::accepted, severity::advice, "", false},
    {"R-S3-NAMING-DOTS", stage::accepted, severity::advice, "", false},
    {"R-S3-NAMING-IP", stage::accepted, severity::advice, "", false},
    {"R-S3-NAMING-PREFIX", stage::accepted, severity::advice, "", false},
    {"R-S3-NAMING-SUFFIX", stage::accepted, severity::advice, "", false},
    {"R-PREFIX-SLASH", stage::accepted, severity::advice, "", false},
    {"R-OWNER-MISMATCH", stage::accepted, severity::async, "S3AccessDenied", true},
    {"R-OWNER-XACCT", stage::accepted, severity::async, "S3AccessDenied", true},
    {"R-FILTER-EXPR-SIZE", stage::accepted, severity::advice, "", false},
    {"R-TOKEN-REPLAY", stage::token, severity::behaviour, "", true},
    {"R-TOKEN-WINDOW", stage::token, severity::behaviour, "", true},
    {"R-TOKEN-AUTOFILL", stage::none, severity::behaviour, "", false},
    {"R-INC-TO-DEFAULT", stage::none, severity::behaviour, "", false},
    {"R-INC-VIEW-DEFAULT", stage::none, severity::behaviour, "", false},
    {"R-ET-DEFAULT", stage::none, severity::behaviour, "", false},
    {"R-DESC-EXTRA", stage::none, severity::behaviour, "", false},
    {"R-DESC-PRESENT", stage::response, severity::response_check, "ResponseCheck", false},
    {"S-OUT-STATUS", stage::response, severity::response_check, "ResponseCheck", false},
    {"R-DESC-SHAPE", stage::response, severity::response_check, "ResponseCheck", false},
    {"S-OUT-ARN", stage::response, severity::response_check, "ResponseCheck", false},
    {"R-EXPORTARN-SHAPE", stage::response, severity::response_check, "ResponseCheck", false},
    {"R-EXPORTARN-TIME", stage::response, severity::response_check, "ResponseCheck", false},
    {"S-OUT-TABLEID", stage::response, severity::response_check, "ResponseCheck", false},
    {"S-OUT-COUNTS", stage::response, severity::response_check, "ResponseCheck", false},
    {"R-DESC-INPROGRESS", stage::response, severity::response_check, "ResponseCheck", false},
    {"R-DESC-COMPLETED", stage::response, severity::response_check, "ResponseCheck", false},
    {"R-DESC-FAILED", stage::response, severity::response_check, "ResponseCheck", false},
    {"R-DESC-DEFAULTS", stage::response, severity::response_check, "ResponseCheck", false},
    {"R-DESC-TIMES", stage::response, severity::response_check, "ResponseCheck", false},
    {"R-DESC-EXPORTTIME", stage::response, severity::response_check, "ResponseCheck", false},
    {"R-DESC-INC", stage::response, severity::response_check, "ResponseCheck", false},
    {"R-INC-BILL", stage::response, severity::response_check, "ResponseCheck", false},
    {"R-DESC-MANIFEST", stage::response, severity::response_check, "ResponseCheck", false},
    {"R-DESC-ECHO", stage::response, severity::response_check, "ResponseCheck", false},
    {"ERR-BODY", stage::error_body, severity::response_check, "ResponseCheck", false},
    {"ERR-NAME", stage::error_body, severity::advice, "", false},
    {"ERR-NS", stage::error_body, severity::response_check, "ResponseCheck", false}
}};

[[nodiscard]] constexpr const rule_info& info(rule_id rule) noexcept {
  return rule_catalogue[static_cast<std::size_t>(rule)];
}
[[nodiscard]] constexpr std::string_view to_string(rule_id rule) noexcept { return info(rule).id; }

[[nodiscard]] constexpr std::optional<rule_id> rule_from_string(std::string_view id) noexcept {
  for (std::size_t i = 0; i < rule_catalogue.size(); ++i)
    if (rule_catalogue[i].id == id) return static_cast<rule_id>(i);
  return std::nullopt;
}

inline constexpr std::size_t rule_count = rule_catalogue.size();

/// A set of rules, e.g. the ones left unchecked for want of a fact.
class rule_set {
 public:
  constexpr void insert(rule_id r) noexcept { bits_[index(r) / 64] |= bit(r); }
  constexpr void erase(rule_id r) noexcept { bits_[index(r) / 64] &= ~bit(r); }
  [[nodiscard]] constexpr bool contains(rule_id r) const noexcept { return (bits_[index(r) / 64] & bit(r)) != 0; }
  [[nodiscard]] constexpr std::size_t size() const noexcept {
    std::size_t n = 0;
    for (std::size_t i = 0; i < rule_count; ++i) n += contains(static_cast<rule_id>(i)) ? 1 : 0;
    return n;
  }
  [[nodiscard]] constexpr bool empty() const noexcept { return size() == 0; }
  /// Calls `f(rule_id)` for each member, in rule order.
  template <class F>
  constexpr void for_each(F&& f) const {
    for (std::size_t i = 0; i < rule_count; ++i)
      if (contains(static_cast<rule_id>(i))) f(static_cast<rule_id>(i));
  }
  friend constexpr bool operator==(const rule_set&, const rule_set&) = default;

 private:
  static constexpr std::size_t index(rule_id r) noexcept { return static_cast<std::size_t>(r); }
  static constexpr std::uint64_t bit(rule_id r) noexcept { return std::uint64_t{1} << (index(r) % 64); }
  std::uint64_t bits_[(rule_count + 63) / 64]{};
};

}  // namespace ddbexport

#endif
