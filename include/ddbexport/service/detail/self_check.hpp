#ifndef DDBEXPORT_SERVICE_DETAIL_SELF_CHECK_HPP
#define DDBEXPORT_SERVICE_DETAIL_SELF_CHECK_HPP

/// Every description the service builds meets RULES' response checks by
/// construction (SERVICE.md §3.2): the builders run the checks on their own
/// output, and a failure is a library bug, reported instead of answered.

#include <cassert>
#include <optional>

#include "ddbexport/export_description.hpp"
#include "ddbexport/request.hpp"
#include "ddbexport/service/usage_error.hpp"
#include "ddbexport/validate/context.hpp"
#include "ddbexport/validate/response.hpp"
#include "ddbexport/validate/sinks.hpp"

namespace ddbexport::service::detail {

[[nodiscard]] inline std::optional<usage_error> self_check(const export_description& description,
                                                           const export_request& request) {
  first_sink sink;
  const export_response response{description};
  if (validate(response, response_context{&request}, sink).valid()) return std::nullopt;
  assert(!"a description built by ddbexport fails the response checks");
  return usage_error{usage_problem::library_bug, "the description fails the response checks",
                     sink.first() ? std::optional{sink.first()->rule} : std::nullopt};
}

}  // namespace ddbexport::service::detail

#endif
