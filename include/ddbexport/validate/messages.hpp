#ifndef DDBEXPORT_VALIDATE_MESSAGES_HPP
#define DDBEXPORT_VALIDATE_MESSAGES_HPP

// Turns a diagnostic into the service's own wording (RULES.md §3, §4). Kept
// apart from the checks so that validating never formats text: messages are
// rendered only when someone asks for them.

#include <cstdint>
#include <optional>
#include <string_view>

#include "ddbexport/detail/ascii.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/output.hpp"
#include "ddbexport/validate/rules.hpp"
#include "ddbexport/service_error.hpp"
#include "ddbexport/timestamp.hpp"

namespace ddbexport {

namespace detail {
template <text_output Out>
constexpr void write_integer(Out& out, std::int64_t value) {
  char buf[24];
  const std::uint64_t magnitude = value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  if (value < 0) out.write("-");
  out.write(format_unsigned(magnitude, buf));
}

template <text_output Out>
constexpr void write_time(Out& out, std::int64_t epoch_ms) {
  time_text_buffer buf;
  out.write(format_iso8601(from_epoch_ms(epoch_ms), buf));
}

constexpr std::string_view s3_naming_reason(rule_id rule) noexcept {
  switch (rule) {
    case rule_id::r_s3_naming_len: return "length must be 3 to 63";
    case rule_id::r_s3_naming_chars: return "only lowercase letters, digits, '.' and '-' are allowed";
    case rule_id::r_s3_naming_dots: return "two adjacent periods";
    case rule_id::r_s3_naming_ip: return "formatted as an IP address";
    case rule_id::r_s3_naming_prefix: return "reserved prefix";
    case rule_id::r_s3_naming_suffix: return "reserved suffix";
    default: return {};
  }
}
}  // namespace detail

/// One item of the generic validation message:
/// `Value '<v>' at '<path>' failed to satisfy constraint: <constraint>`.
template <text_output Out>
constexpr void write_shape_item(const diagnostic& d, Out& out) {
  out.write("Value ");
  if (d.constraint == constraint_kind::not_null) {
    out.write("null");
  } else {
    out.write("'");
    out.write(d.subject);
    out.write("'");
  }
  out.write(" at '");
  d.path.write_lower_camel(out);
  out.write("' failed to satisfy constraint: ");
  switch (d.constraint) {
    case constraint_kind::not_null: out.write("Member must not be null"); break;
    case constraint_kind::min_length:
      out.write("Member must have length greater than or equal to ");
      detail::write_integer(out, d.number);
      break;
    case constraint_kind::max_length:
      out.write("Member must have length less than or equal to ");
      detail::write_integer(out, d.number);
      break;
    case constraint_kind::pattern:
      out.write("Member must satisfy regular expression pattern: ");
      out.write(d.detail);
      break;
    case constraint_kind::enum_set:
      out.write("Member must satisfy enum value set: ");
      out.write(d.detail);
      break;
    case constraint_kind::none: break;
  }
}

/// The `N validation error(s) detected: ` lead of the combined message.
template <text_output Out>
constexpr void write_validation_count(std::size_t count, Out& out) {
  detail::write_integer(out, static_cast<std::int64_t>(count));
  out.write(count == 1 ? " validation error detected: " : " validation errors detected: ");
}

/// The message of a single diagnostic, as reported in `violations`/`warnings`.
template <text_output Out>
constexpr void write_message(const diagnostic& d, Out& out) {
  using enum rule_id;
  const stage st = info(d.rule).stage;
  if (st == stage::shape) {
    write_validation_count(1, out);
    write_shape_item(d, out);
    return;
  }
  if (st == stage::response) {
    out.write("ExportDescription: ");
    out.write(to_string(d.rule));
    out.write(" failed");
    return;
  }
  if (st == stage::error_body) {
    out.write("error body: ");
    out.write(to_string(d.rule));
    out.write(" failed");
    return;
  }
  switch (d.rule) {
    case w_json: out.write("Request body is not a valid JSON object"); return;
    case w_limit: out.write("Request body exceeds reader limits"); return;
    case w_dupkey:
      out.write("Member '");
      out.write(d.subject);
      out.write("' appears more than once");
      return;
    case w_type: out.write(d.detail); return;
    case w_time: out.write("DECIMAL_VALUE can not be converted to milliseconds since epoch"); return;
    case w_unknown:
      out.write("Unknown member '");
      out.write(d.subject);
      out.write("' is ignored by the service");
      return;
    case r_kmsid_needs_kms: out.write("Invalid Request: KMS Key Id is not supported for this encryption type"); return;
    case r_kmsid_format: {
      out.write("Invalid Request: ");
      write_validation_count(1, out);
      diagnostic item = d;
      item.constraint = constraint_kind::pattern;
      write_shape_item(item, out);
      return;
    }
    case r_inc_spec_req:
      out.write("Invalid Request: Incremental Export Specification expected when export type is set as Incremental "
                "Export");
      return;
    case r_inc_spec_full:
      out.write("Invalid Request: When Export Type is Full Export , Incremental Export Specification should not be "
                "provided");
      return;
    case r_inc_spec_notype:
      out.write("Invalid Request: Export Type expected to be Incremental Export when incremental export "
                "specification is provided");
      return;
    case r_inc_from_req:
      out.write("Invalid Request: ExportFromTime must be provided in IncrementalExportSpecification");
      return;
    case r_filter_empty:
      out.write("Invalid Request: Invalid FilterSpecification: The specification can not be empty");
      return;
    case r_tablearn_notarn: out.write("One or more parameter values were invalid: tableArn is not a valid ARN"); return;
    case r_tablearn_nottable: out.write("Invalid Request: Table ARN is invalid."); return;
    case r_tablearn_account: out.write("Access is denied"); return;
    case r_table_exists:
      out.write("Table not found: ");
      out.write(d.subject);
      return;
    case r_pitr_req:
      out.write("Point in time recovery is not enabled for table '");
      out.write(d.subject);
      out.write("'");
      return;
    case r_pitr_req_inc:
    case r_inc_from_start:
      out.write("Incremental export period from time cannot be less than the table creation time : ");
      detail::write_time(out, d.number);
      return;
    case r_et_future:
    case r_et_before_window: out.write("Export Time is invalid"); return;
    case r_et_after_latest: out.write("Point in Time Recovery is not available for specified export time"); return;
    case r_inc_to_future:
      out.write("Incremental export period to time cannot be greater than the current time : ");
      detail::write_time(out, d.number);
      return;
    case r_inc_order:
      out.write("Incremental export period from time cannot be greater than or equal to the export period to time : ");
      detail::write_time(out, d.number);
      return;
    case r_inc_min:
      out.write("Difference between export period from time and export period to time is less than 15 minutes");
      return;
    case r_inc_max:
      out.write("Difference between export period from time and export period to time is greater than 24 hours");
      return;
    case r_token_conflict: out.write("Export conflict: Duplicate request detected with conflicting parameters"); return;
    case r_et_inc: out.write("ExportTime is not used by INCREMENTAL_EXPORT; use IncrementalExportSpecification"); return;
    case r_et_gran:
      d.path.write(out);
      out.write(" has sub-millisecond digits; it is rounded to milliseconds");
      return;
    case r_tablearn_partition:
      out.write("TableArn partition or region looks wrong: '");
      out.write(d.subject);
      out.write("' / '");
      out.write(d.detail);
      out.write("'");
      return;
    case r_s3_naming_len:
    case r_s3_naming_chars:
    case r_s3_naming_dots:
    case r_s3_naming_ip:
    case r_s3_naming_prefix:
    case r_s3_naming_suffix:
      out.write("S3Bucket '");
      out.write(d.subject);
      out.write("' does not follow S3 bucket naming rules: ");
      out.write(detail::s3_naming_reason(d.rule));
      return;
    case r_prefix_slash: out.write("S3Prefix starts with '/'; object keys will begin with '/'"); return;
    case r_owner_mismatch:
      out.write("S3BucketOwner ");
      out.write(d.subject);
      out.write(" does not own bucket '");
      out.write(d.detail);
      out.write("'");
      return;
    case r_owner_xacct:
      out.write("Bucket '");
      out.write(d.subject);
      out.write("' is in account ");
      out.write(d.detail);
      out.write("; S3BucketOwner is required");
      return;
    case r_filter_expr_size:
      out.write(d.path.leaf());
      out.write(" is ");
      detail::write_integer(out, d.number);
      out.write(" bytes; expressions are limited to 4 KB");
      return;
    default: return;
  }
}

/// The service error a violation maps to, if it is one the service answers with.
[[nodiscard]] constexpr std::optional<error_kind> service_error_of(rule_id rule) noexcept {
  if (info(rule).severity != severity::error) return std::nullopt;
  return error_kind_from_name(info(rule).error);
}

}  // namespace ddbexport

#endif
