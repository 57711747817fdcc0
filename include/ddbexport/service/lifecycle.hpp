#ifndef DDBEXPORT_SERVICE_LIFECYCLE_HPP
#define DDBEXPORT_SERVICE_LIFECYCLE_HPP

/// The lifecycle of SERVICE.md §4: IN_PROGRESS ends once, COMPLETED or
/// FAILED, and a terminal record never changes (V-LIFE-STATES). The library
/// has no timer; the caller drives both transitions. CompletedAt = EndTime,
/// which starts the 8-hour token window of RULES §6.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ddbexport/arn.hpp"
#include "ddbexport/enums.hpp"
#include "ddbexport/export_description.hpp"
#include "ddbexport/service/detail/self_check.hpp"
#include "ddbexport/service/store.hpp"
#include "ddbexport/service/usage_error.hpp"
#include "ddbexport/timestamp.hpp"
#include "ddbexport/validate/response.hpp"

namespace ddbexport::service {

/// V-LIFE-BILL: an incremental export bills at least 10000000 bytes (the
/// observed minimum); a full export bills what it is given.
[[nodiscard]] constexpr std::int64_t billed_size(const export_description& d, std::int64_t given) noexcept {
  const bool incremental = d.incremental_export_specification.has_value() ||
                           (d.export_type && d.export_type->is(export_type::incremental_export));
  return incremental && given < incremental_min_billed_bytes ? incremental_min_billed_bytes : given;
}

/// R-DESC-MANIFEST: J(S3Prefix) + `AWSDynamoDB/` + eid + `/manifest-summary.json`.
[[nodiscard]] inline std::string manifest_key(const export_description& d) {
  std::string key;
  if (d.s3_prefix) {
    key = *d.s3_prefix;
    if (!key.empty() && key.back() != '/') key += '/';
  }
  const std::string_view arn = d.export_arn.value_or(std::string_view{});
  const auto at = arn.rfind(export_arn::separator);
  key += "AWSDynamoDB/";
  key += at == std::string_view::npos ? std::string_view{} : arn.substr(at + export_arn::separator.size());
  key += "/manifest-summary.json";
  return key;
}

namespace detail {

/// Runs one transition through the store: `build(record, description)` fills
/// the terminal description or returns a usage error.
template <export_store Store, class Build>
std::optional<usage_error> transition(Store& store, std::string_view arn, timestamp end_time, Build&& build) {
  std::optional<usage_error> problem;
  const store_write written = store.update_status(arn, [&](const export_record& record) -> std::optional<status_update> {
    const export_description& current = record.description;
    if (!current.export_status || !current.export_status->is(export_status::in_progress)) {
      problem = usage_error{usage_problem::terminal_export, {}};
      return std::nullopt;
    }
    if (current.start_time && end_time < *current.start_time) {
      problem = usage_error{usage_problem::end_before_start, {}};
      return std::nullopt;
    }
    export_description next = current;
    build(next);
    next.end_time = end_time;
    if ((problem = self_check(next, record.request))) return std::nullopt;
    return status_update{next, end_time};
  });
  if (written == store_write::not_found) return usage_error{usage_problem::unknown_export, {}};
  if (written == store_write::failed) return usage_error{usage_problem::store_failed, {}};
  return problem;
}

}  // namespace detail

/// V-LIFE-COMPLETE: adds EndTime, ExportManifest, BilledSizeBytes (V-LIFE-BILL), ItemCount.
template <export_store Store>
std::optional<usage_error> complete(Store& store, std::string_view export_arn, timestamp end_time,
                                    std::int64_t item_count, std::int64_t billed_size_bytes) {
  if (item_count < 0 || billed_size_bytes < 0) return usage_error{usage_problem::negative_count, {}};
  std::string manifest;
  return detail::transition(store, export_arn, end_time, [&](export_description& d) {
    manifest = manifest_key(d);
    d.export_status = export_status::completed;
    d.export_manifest = manifest;
    d.billed_size_bytes = billed_size(d, billed_size_bytes);
    d.item_count = item_count;
  });
}

/// V-LIFE-FAIL: adds FailureCode, FailureMessage and EndTime (chosen); no
/// ItemCount, ExportManifest or BilledSizeBytes.
template <export_store Store>
std::optional<usage_error> fail(Store& store, std::string_view export_arn, timestamp end_time,
                                std::string_view failure_code, std::string_view failure_message) {
  if (failure_code.empty()) return usage_error{usage_problem::empty_failure_code, {}};
  return detail::transition(store, export_arn, end_time, [&](export_description& d) {
    d.export_status = export_status::failed;
    d.failure_code = failure_code;
    d.failure_message = failure_message;
  });
}

}  // namespace ddbexport::service

#endif
