#ifndef DDBEXPORT_VALIDATE_ERROR_BODY_HPP
#define DDBEXPORT_VALIDATE_ERROR_BODY_HPP

/// The error-body checks of RULES.md §8, reported in rule order: ERR-BODY (a
/// JSON object with a string `__type`, messages strings when present), then
/// for a readable body ERR-NAME (the code is one of §2.4's errors; advice)
/// and ERR-NS (a `namespace#` prefix is that error's namespace).

#include <cstddef>
#include <string_view>

#include "ddbexport/error_reading.hpp"
#include "ddbexport/service_error.hpp"
#include "ddbexport/validate/context.hpp"
#include "ddbexport/validate/detail/reporter.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/validate/result.hpp"
#include "ddbexport/validate/rules.hpp"

namespace ddbexport {

template <diagnostic_sink Sink>
constexpr validation_result validate(const error_reading& r, const error_body_context& /*context*/, Sink& sink) {
  detail::reporter<Sink> out{sink};
  const auto report = [&](rule_id rule, std::string_view subject, std::string_view detail_text, std::size_t offset,
                          const field_path& path) {
    out.report(diagnostic{.rule = rule, .path = path, .subject = subject, .detail = detail_text, .offset = offset});
  };
  const field_path type_path{error_members::type};
  if (r.parse_error) {
    report(rule_id::err_body, r.problem ? r.problem->subject : std::string_view{},
           r.problem ? r.problem->detail : std::string_view{}, r.problem ? r.problem->offset : 0,
           r.problem ? r.problem->path : field_path{});
    return out.result();
  }
  if (!r.type) report(rule_id::err_body, {}, "no string __type", 0, field_path{});
  const auto kind = error_kind_from_name(r.code);
  if (!kind) report(rule_id::err_name, r.code, "not an error of ExportTableToPointInTime", 0, type_path);
  if (kind && r.type) {
    const auto hash = r.type->find('#');
    if (hash != std::string_view::npos && r.type->substr(0, hash) != info(*kind).wire_namespace)
      report(rule_id::err_ns, r.type->substr(0, hash), info(*kind).wire_namespace, 0, type_path);
  }
  return out.result();
}

/// validate(reading, error_body_context{}, sink); returns how many diagnostics it reported.
template <diagnostic_sink Sink>
constexpr std::size_t check_error_body(const error_reading& r, Sink& sink) {
  const validation_result result = validate(r, error_body_context{}, sink);
  return result.violations + result.warnings;
}

}  // namespace ddbexport

namespace ddbexport::json {
using ddbexport::check_error_body;  // where 0.1 declared it
}  // namespace ddbexport::json

#endif
