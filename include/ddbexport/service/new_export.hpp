#ifndef DDBEXPORT_SERVICE_NEW_EXPORT_HPP
#define DDBEXPORT_SERVICE_NEW_EXPORT_HPP

/// V-EXP-CREATE: the description of a newly accepted export, in model order,
/// with the defaults the service back-fills. It meets every response check
/// of RULES §8 by construction; describe_new_export checks that it does.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ddbexport/arn.hpp"
#include "ddbexport/detail/patterns.hpp"
#include "ddbexport/detail/utf8.hpp"
#include "ddbexport/enums.hpp"
#include "ddbexport/export_description.hpp"
#include "ddbexport/output.hpp"
#include "ddbexport/request.hpp"
#include "ddbexport/service/detail/self_check.hpp"
#include "ddbexport/service/usage_error.hpp"
#include "ddbexport/timestamp.hpp"

namespace ddbexport::service {

/// The longest ExportArn the model allows.
inline constexpr std::size_t max_export_arn_length = 1024;

/// `<TableArn as sent>/export/<eid>`, eid = Now in ms as 14 digits, `-`, the
/// suffix as 8 lowercase hex digits. Nothing when Now is outside [0, 10^14).
[[nodiscard]] inline std::optional<std::string> make_export_arn(std::string_view table_arn, timestamp now,
                                                                std::uint32_t suffix) {
  const auto id = export_id::from_start_time(now, suffix);
  if (!id) return std::nullopt;
  std::string text;
  // `/export/` and the 23-character id: one allocation, not one per append.
  text.reserve(table_arn.size() + 32);
  container_output<std::string> out{text};
  export_arn{table_arn, *id}.write(out);
  return text;
}

/// Fills `out` for the accepted `request` (which it views, as it views
/// `export_arn` and `table_id`). Usage errors: a TableId that is not a
/// lowercase UUID, an ExportArn over 1024 characters; a description failing
/// the response checks is a library bug.
[[nodiscard]] inline std::optional<usage_error> describe_new_export(const export_request& request,
                                                                    std::string_view export_arn,
                                                                    std::string_view table_id, timestamp now,
                                                                    export_description& out) {
  if (!ddbexport::detail::matches_table_id_pattern(table_id))
    return usage_error{usage_problem::invalid_fact, "the table's TableId is not a lowercase UUID"};
  if (ddbexport::detail::code_point_count(export_arn) > max_export_arn_length)
    return usage_error{usage_problem::invalid_fact, "the ExportArn would be longer than 1024 characters"};
  export_description d;
  d.export_arn = export_arn;
  d.export_status = export_status::in_progress;
  d.start_time = now;
  d.table_arn = request.table_arn;
  d.table_id = table_id;
  if (is_incremental(request)) {
    // R-DESC-EXPORTTIME: no ExportTime on an incremental export, even if sent.
    const incremental_export_specification& sent = *request.incremental_export_specification;
    incremental_export_specification spec;
    spec.export_from_time = sent.export_from_time;
    // R-INC-TO-DEFAULT: floor(Now) in whole seconds.
    spec.export_to_time = sent.export_to_time ? sent.export_to_time
                                              : std::optional{from_epoch_seconds(
                                                    ddbexport::detail::floor_div(to_epoch_ms(now), 1000))};
    spec.export_view_type = sent.export_view_type ? *sent.export_view_type
                                                  : export_view_type_value{default_export_view_type};
    d.incremental_export_specification = spec;
  } else {
    d.export_time = request.export_time ? request.export_time : std::optional{now};  // R-ET-DEFAULT
  }
  d.client_token = request.client_token;
  d.s3_bucket = request.s3_bucket;
  d.s3_bucket_owner = request.s3_bucket_owner;
  d.s3_prefix = request.s3_prefix;
  d.s3_sse_algorithm = request.s3_sse_algorithm ? *request.s3_sse_algorithm
                                                : s3_sse_algorithm_value{default_s3_sse_algorithm};
  d.s3_sse_kms_key_id = request.s3_sse_kms_key_id;
  d.export_format = request.export_format ? *request.export_format : export_format_value{default_export_format};
  d.export_type = request.export_type;
  d.filter_specification = request.filter_specification;
  if (auto bug = detail::self_check(d, request)) return bug;
  out = d;
  return std::nullopt;
}

}  // namespace ddbexport::service

#endif
