#ifndef DDBEXPORT_EXPORT_DESCRIPTION_HPP
#define DDBEXPORT_EXPORT_DESCRIPTION_HPP

#include <cstdint>
#include <optional>
#include <string_view>

#include "ddbexport/enums.hpp"
#include "ddbexport/request.hpp"
#include "ddbexport/timestamp.hpp"

namespace ddbexport {

/// ExportDescription, the 22 members in wire order (note BilledSizeBytes
/// before ItemCount). FilterSpecification is the SDK for JavaScript v3 model's
/// addition; the live service echoes it.
struct export_description {
  std::optional<std::string_view> export_arn{};
  std::optional<export_status_value> export_status{};
  std::optional<timestamp> start_time{};
  std::optional<timestamp> end_time{};
  std::optional<std::string_view> export_manifest{};
  std::optional<std::string_view> table_arn{};
  std::optional<std::string_view> table_id{};
  std::optional<timestamp> export_time{};
  std::optional<std::string_view> client_token{};
  std::optional<std::string_view> s3_bucket{};
  std::optional<std::string_view> s3_bucket_owner{};
  std::optional<std::string_view> s3_prefix{};
  std::optional<s3_sse_algorithm_value> s3_sse_algorithm{};
  std::optional<std::string_view> s3_sse_kms_key_id{};
  std::optional<std::string_view> failure_code{};
  std::optional<std::string_view> failure_message{};
  std::optional<export_format_value> export_format{};
  std::optional<std::int64_t> billed_size_bytes{};
  std::optional<std::int64_t> item_count{};
  std::optional<export_type_value> export_type{};
  std::optional<ddbexport::incremental_export_specification> incremental_export_specification{};
  std::optional<ddbexport::filter_specification> filter_specification{};
};

/// ExportTableToPointInTimeOutput (and DescribeExportOutput): one optional member.
struct export_response {
  std::optional<ddbexport::export_description> export_description{};
};

}  // namespace ddbexport

#endif
