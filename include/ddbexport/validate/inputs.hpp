#ifndef DDBEXPORT_VALIDATE_INPUTS_HPP
#define DDBEXPORT_VALIDATE_INPUTS_HPP

/// The shape checks of DescribeExport's and ListExports' inputs (SERVICE.md
/// V-DESC-SHAPE, V-LIST-SHAPE): the constraints of their tables, one combined
/// ValidationException as RULES.md §4 writes it (write_error_message, or
/// json::write_error_body for the whole body). What else the service checks
/// (the ARN, the token, the store) needs the service's own context.

#include "ddbexport/describe_export.hpp"
#include "ddbexport/list_exports.hpp"
#include "ddbexport/members.hpp"
#include "ddbexport/validate/context.hpp"
#include "ddbexport/validate/detail/reporter.hpp"
#include "ddbexport/validate/detail/shape_check.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/validate/result.hpp"

namespace ddbexport {

namespace detail {
template <described_shape T, diagnostic_sink Sink>
constexpr validation_result validate_shape(const T& value, Sink& sink) {
  reporter<Sink> out{sink};
  check_shape(value, field_path{}, [&](const diagnostic& d, std::size_t /*member*/) { out.report(d); });
  return out.result();
}
}  // namespace detail

/// V-DESC-SHAPE: ExportArn is required, of length 37..1024.
template <diagnostic_sink Sink>
constexpr validation_result validate(const describe_export_request& request, const shape_context& /*context*/,
                                     Sink& sink) {
  return detail::validate_shape(request, sink);
}

/// V-LIST-SHAPE: TableArn of length 1..1024, MaxResults within 1..25 (after
/// the reader floored it), in that order.
template <diagnostic_sink Sink>
constexpr validation_result validate(const list_exports_request& request, const shape_context& /*context*/,
                                     Sink& sink) {
  return detail::validate_shape(request, sink);
}

}  // namespace ddbexport

#endif
