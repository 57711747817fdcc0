#ifndef DDBEXPORT_SERVICE_DESCRIBE_EXPORT_HPP
#define DDBEXPORT_SERVICE_DESCRIBE_EXPORT_HPP

/// DescribeExport (SERVICE.md §5): the checks in order, the first failure
/// answers; otherwise the export's current description.

#include <optional>
#include <string>
#include <string_view>

#include "ddbexport/arn.hpp"
#include "ddbexport/describe_export.hpp"
#include "ddbexport/detail/utf8.hpp"
#include "ddbexport/service/context.hpp"
#include "ddbexport/service/detail/answer_frame.hpp"
#include "ddbexport/service/detail/messages.hpp"
#include "ddbexport/service/detail/prelude.hpp"
#include "ddbexport/service/export_table.hpp"
#include "ddbexport/service/handled.hpp"
#include "ddbexport/service/horizon.hpp"
#include "ddbexport/service/store.hpp"
#include "ddbexport/service_error.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/validate/messages.hpp"

namespace ddbexport::service {

/// The Smithy model's length bounds of DescribeExportInput.ExportArn.
inline constexpr std::size_t min_export_arn_length = 37;

/// Which check of §5 answers, and with what.
enum class describe_check : std::uint8_t { shape, not_arn, access, resource, region, not_found, ok };

/// The §5 checks that need no store: the first failing one, or `ok`.
/// `fields` receives the ARN's split when the ARN gets that far.
[[nodiscard]] constexpr describe_check check_export_arn(const std::optional<std::string_view>& arn,
                                                        std::string_view partition, std::string_view region,
                                                        std::string_view caller_account_id) noexcept {
  if (!arn) return describe_check::shape;
  const std::size_t length = ddbexport::detail::code_point_count(*arn);
  if (length < min_export_arn_length || length > max_export_arn_length) return describe_check::shape;
  // V-DESC-NOTARN: six `:`-separated fields, the first `arn`; empty fields are V-DESC-ACCESS's.
  std::string_view fields[6];
  std::size_t start = 0;
  for (int i = 0; i < 5; ++i) {
    const auto colon = arn->find(':', start);
    if (colon == std::string_view::npos) return describe_check::not_arn;
    fields[i] = arn->substr(start, colon - start);
    start = colon + 1;
  }
  fields[5] = arn->substr(start);
  if (fields[0] != "arn") return describe_check::not_arn;
  // V-DESC-ACCESS before V-DESC-RESOURCE: `arn:qwerty:…:table/x` is AccessDenied (ALT).
  if (fields[1] != partition || fields[2] != "dynamodb" || fields[4] != caller_account_id ||
      !partition_fits_region(fields[1], fields[3]))
    return describe_check::access;
  // V-DESC-RESOURCE: `table/<name>/export/<id>`, name and id non-empty and free of `/`.
  constexpr std::string_view table = "table/";
  constexpr std::string_view exported = "/export/";
  const std::string_view resource = fields[5];
  if (resource.substr(0, table.size()) != table) return describe_check::resource;
  const std::string_view rest = resource.substr(table.size());
  const auto at = rest.find(exported);
  if (at == std::string_view::npos || at == 0) return describe_check::resource;
  const std::string_view id = rest.substr(at + exported.size());
  if (id.empty() || rest.substr(0, at).find('/') != std::string_view::npos || id.find('/') != std::string_view::npos)
    return describe_check::resource;
  if (fields[3] != region) return describe_check::region;  // V-DESC-REGION
  return describe_check::ok;
}

namespace detail {

/// V-DESC-SHAPE's RULES §4 message for `exportArn`.
[[nodiscard]] inline std::string describe_shape_message(const std::optional<std::string_view>& arn) {
  diagnostic d;
  d.path = field_path{std::get<0>(shape_of<describe_export_request>::members).name};
  if (!arn) {
    d.constraint = constraint_kind::not_null;
  } else {
    d.subject = *arn;
    const bool short_arn = ddbexport::detail::code_point_count(*arn) < min_export_arn_length;
    d.constraint = short_arn ? constraint_kind::min_length : constraint_kind::max_length;
    d.number = static_cast<std::int64_t>(short_arn ? min_export_arn_length : max_export_arn_length);
  }
  return render([&](auto& out) {
    write_validation_count(1, out);
    write_shape_item(d, out);
  });
}

}  // namespace detail

template <table_lookup Tables, random_source Random, destination_facts Facts, export_store Store>
handled describe_export(const detail::answer_frame& frame, const describe_export_request& input,
                        const service_context<Tables, Random, Facts>& context, const Store& store) {
  if (auto missing = detail::missing_common_fact(context)) return handled::refused(*missing);
  constexpr std::string_view invalid_arn = "Invalid Export ARN";
  switch (check_export_arn(input.export_arn, context.effective_partition(), context.region,
                           *context.caller_account_id)) {
    case describe_check::shape:
      return handled::answered(frame.error(error_kind::validation, detail::describe_shape_message(input.export_arn)));
    case describe_check::not_arn:
    case describe_check::resource: return handled::answered(frame.error(error_kind::validation, invalid_arn));
    case describe_check::access: return handled::answered(frame.error(error_kind::access_denied, "Access is denied"));
    case describe_check::region:
      return handled::answered(frame.error(error_kind::export_not_found, "Export not found: Invalid export arn"));
    case describe_check::not_found:
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
