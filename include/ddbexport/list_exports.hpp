#ifndef DDBEXPORT_LIST_EXPORTS_HPP
#define DDBEXPORT_LIST_EXPORTS_HPP

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "ddbexport/enums.hpp"

namespace ddbexport {

// ListExports (SERVICE.md §6), members in the SDK model's order.

/// ListExportsInput.
struct list_exports_request {
  std::optional<std::string_view> table_arn{};
  std::optional<std::int32_t> max_results{};
  std::optional<std::string_view> next_token{};
};

/// ExportSummary: one entry of a listing (V-LIST-SUMMARY).
struct export_summary {
  std::optional<std::string_view> export_arn{};
  std::optional<export_status_value> export_status{};
  std::optional<export_type_value> export_type{};
};

/// ListExportsOutput. The summaries are a view of caller storage, as the
/// model's maps are.
struct list_exports_response {
  std::optional<std::span<const export_summary>> export_summaries{};
  std::optional<std::string_view> next_token{};
};

}  // namespace ddbexport

#endif
