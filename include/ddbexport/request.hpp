#ifndef DDBEXPORT_REQUEST_HPP
#define DDBEXPORT_REQUEST_HPP

#include <optional>
#include <span>
#include <string_view>

#include "ddbexport/attribute_value.hpp"
#include "ddbexport/enums.hpp"
#include "ddbexport/timestamp.hpp"

namespace ddbexport {

// Every member is optional because the wire makes nothing required: "absent"
// is a state the validator must see (S-TABLEARN-REQ), and "absent" differs
// from "set to the default" in the service's echo and in idempotency checks.
// Strings are non-owning WTF-8 views; whoever builds the value owns the text.

struct incremental_export_specification {
  std::optional<timestamp> export_from_time{};
  std::optional<timestamp> export_to_time{};
  std::optional<export_view_type_value> export_view_type{};
};

struct filter_specification {
  std::optional<std::string_view> filter_expression{};
  std::optional<std::string_view> projection_expression{};
  std::optional<std::string_view> key_condition_expression{};
  std::optional<std::span<const string_entry>> expression_attribute_names{};
  std::optional<std::span<const attribute_entry>> expression_attribute_values{};
};

/// ExportTableToPointInTimeInput, members in wire order.
struct export_request {
  std::optional<std::string_view> table_arn{};
  std::optional<std::string_view> s3_bucket{};
  std::optional<timestamp> export_time{};
  std::optional<std::string_view> client_token{};
  std::optional<std::string_view> s3_bucket_owner{};
  std::optional<std::string_view> s3_prefix{};
  std::optional<s3_sse_algorithm_value> s3_sse_algorithm{};
  std::optional<std::string_view> s3_sse_kms_key_id{};
  std::optional<export_format_value> export_format{};
  std::optional<export_type_value> export_type{};
  std::optional<ddbexport::incremental_export_specification> incremental_export_specification{};
  std::optional<ddbexport::filter_specification> filter_specification{};
};

/// RULES.md's terms: incremental means ExportType is exactly INCREMENTAL_EXPORT.
[[nodiscard]] constexpr bool is_incremental(const export_request& r) noexcept {
  return r.export_type && r.export_type->is(export_type::incremental_export);
}
/// Full means ExportType absent or FULL_EXPORT; an unknown ExportType is neither.
[[nodiscard]] constexpr bool is_full(const export_request& r) noexcept {
  return !r.export_type || r.export_type->is(export_type::full_export);
}

}  // namespace ddbexport

#endif
