#ifndef DDBEXPORT_DESCRIBE_EXPORT_HPP
#define DDBEXPORT_DESCRIBE_EXPORT_HPP

#include <optional>
#include <string_view>

#include "ddbexport/export_description.hpp"

namespace ddbexport {

// DescribeExport (SERVICE.md §5). As everywhere in the model, members are
// optional so that "absent" reaches the checks (V-DESC-SHAPE: required).

/// DescribeExportInput.
struct describe_export_request {
  std::optional<std::string_view> export_arn{};
};

/// DescribeExportOutput: the same single member as ExportTableToPointInTimeOutput,
/// a distinct type so that readers, writers and validators overload on it.
struct describe_export_response {
  std::optional<ddbexport::export_description> export_description{};
};

}  // namespace ddbexport

#endif
