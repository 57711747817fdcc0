#ifndef DDBEXPORT_SERVICE_DESCRIBE_EXPORT_HPP
#define DDBEXPORT_SERVICE_DESCRIBE_EXPORT_HPP

/// DescribeExport (SERVICE.md §5): the checks in order, the first failure
/// answers; otherwise the export's current description.

#include <optional>
#include <string>
#include <string_view>

#include "ddbexport/arn.hpp"
#include "ddbexport/describe_export.hpp"
#include "ddbexport/service/context.hpp"
#include "ddbexport/service/detail/answer_frame.hpp"
#include "ddbexport/service/detail/messages.hpp"
#include "ddbexport/service/detail/prelude.hpp"
#include "ddbexport/service/export_table.hpp"
#include "ddbexport/service/horizon.hpp"
#include "ddbexport/service/http.hpp"
#include "ddbexport/service/store.hpp"
#include "ddbexport/service_error.hpp"
#include "ddbexport/validate/context.hpp"
#include "ddbexport/validate/inputs.hpp"
#include "ddbexport/validate/sinks.hpp"

namespace ddbexport::service {

/// Which check of §5 answers, after V-DESC-SHAPE (the model's constraints,
/// checked by validate(input, shape_context{}, sink)).
enum class describe_check : std::uint8_t { not_arn, access, resource, region, ok };

/// V-DESC-NOTARN to V-DESC-REGION for an ExportArn of a valid shape: the
/// first that fails, or `ok` (V-DESC-NOTFOUND needs the store).
[[nodiscard]] constexpr describe_check check_export_arn(std::string_view arn, std::string_view partition,
                                                        std::string_view region,
                                                        std::string_view caller_account_id) noexcept {
  // V-DESC-NOTARN: six `:`-separated fields, the first `arn`; empty fields are V-DESC-ACCESS's.
  std::string_view fields[6];
  std::size_t start = 0;
  for (int i = 0; i < 5; ++i) {
    const auto colon = arn.find(':', start);
    if (colon == std::string_view::npos) return describe_check::not_arn;
    fields[i] = arn.substr(start, colon - start);
    start = colon + 1;
  }
  fields[5] = arn.substr(start);
  if (fields[0] != "arn") return describe_check::not_arn;
  // V-DESC-ACCESS before V-DESC-RESOURCE: `arn:qwerty:…:table/x` is AccessDenied (ALT).
  if (fields[1] != partition || fields[2] != "dynamodb" || fields[4] != caller_account_id ||
      !partition_fits_region(fields[1], fields[3]))
    return describe_check::access;
  // V-DESC-RESOURCE: `table/<name>/export/<id>`, name and id non-empty and free of `/`.
  constexpr std::string_view table = "table/";
  const std::string_view resource = fields[5];
  if (resource.substr(0, table.size()) != table) return describe_check::resource;
  const std::string_view rest = resource.substr(table.size());
  const auto at = rest.find(export_arn::separator);
  if (at == std::string_view::npos || at == 0) return describe_check::resource;
  const std::string_view id = rest.substr(at + export_arn::separator.size());
  if (id.empty() || rest.substr(0, at).find('/') != std::string_view::npos || id.find('/') != std::string_view::npos)
    return describe_check::resource;
  if (fields[3] != region) return describe_check::region;  // V-DESC-REGION
  return describe_check::ok;
}

template <table_lookup Tables, random_source Random, destination_facts Facts, export_store Store>
handled describe_export(const detail::answer_frame& frame, const describe_export_request& input,
                        const service_context<Tables, Random, Facts>& context, const Store& store) {
  if (auto stop = detail::precheck(frame, input, context)) return std::move(*stop);  // V-DESC-SHAPE
  constexpr std::string_view invalid_arn = "Invalid Export ARN";
  switch (check_export_arn(*input.export_arn, context.effective_partition(), context.region,
                           *context.caller_account_id)) {
    case describe_check::not_arn:
    case describe_check::resource: return handled::answered(frame.error(error_kind::validation, invalid_arn));
    case describe_check::access: return handled::answered(frame.error(error_kind::access_denied, "Access is denied"));
    case describe_check::region:
      return handled::answered(frame.error(error_kind::export_not_found, "Export not found: Invalid export arn"));
    case describe_check::ok: break;
  }
  std::optional<answer> found;
  store.find_by_arn(*input.export_arn, [&](const export_record& record) {
    const auto& start = record.description.start_time;
    if (start && past_horizon(*start, *context.now)) return;
    found = detail::description_answer(frame, record.description);
  });
  if (found) return handled::answered(std::move(*found));
  // V-DESC-NOTFOUND: the doubled prefix is live (DDB-EXPORT-006).
  const std::string message = "Export not found: Export not found: " + std::string{*input.export_arn};
  return handled::answered(frame.error(error_kind::export_not_found, message));
}

}  // namespace ddbexport::service

#endif
