#ifndef DDBEXPORT_SERVICE_DETAIL_PRELUDE_HPP
#define DDBEXPORT_SERVICE_DETAIL_PRELUDE_HPP

/// What every operation does first: read the body (stage D), answering a
/// SerializationException when it does not read; then, in the operation,
/// check the facts all three need (§1.3) and the input's shape.

#include <optional>
#include <string_view>
#include <type_traits>

#include "ddbexport/json/arena.hpp"
#include "ddbexport/json/reader.hpp"
#include "ddbexport/request.hpp"
#include "ddbexport/service/detail/answer_frame.hpp"
#include "ddbexport/service/detail/messages.hpp"
#include "ddbexport/service/http.hpp"
#include "ddbexport/service/usage_error.hpp"
#include "ddbexport/validate/context.hpp"
#include "ddbexport/validate/inputs.hpp"
#include "ddbexport/validate/sinks.hpp"

namespace ddbexport::service::detail {

/// The facts every operation needs, as a usage error when one is missing.
template <class Context>
[[nodiscard]] constexpr std::optional<usage_error> missing_common_fact(const Context& context) noexcept {
  if (!context.now) return usage_error{usage_problem::missing_fact, "Now"};
  if (!context.caller_account_id) return usage_error{usage_problem::missing_fact, "CallerAccountId"};
  if (context.region.empty()) return usage_error{usage_problem::missing_fact, "Region"};
  return std::nullopt;
}

/// Before an operation answers: the facts all three need, then the shape of
/// a DescribeExport or ListExports input (V-DESC-SHAPE, V-LIST-SHAPE); the
/// shape of ExportTableToPointInTime's is its validator's stage S.
template <class Context, class Input>
[[nodiscard]] std::optional<handled> precheck(const answer_frame& frame, const Input& input, const Context& context) {
  if (auto missing = missing_common_fact(context)) return handled::refused(*missing);
  if constexpr (!std::is_same_v<Input, export_request>) {
    count_sink sink;
    const validation_result shape = validate(input, shape_context{}, sink);
    if (!shape.valid()) return handled::answered(validation_answer(frame, input, shape_context{}, shape));
  }
  return std::nullopt;
}

/// The answer when the body does not read as the operation's input.
template <class Input>
[[nodiscard]] std::optional<handled> prelude(const answer_frame& frame, std::string_view body, Input& input,
                                             json::arena& storage) {
  if (const auto read = json::read(body, input, storage); !read.ok())
    return handled::answered(deserialization_answer(frame, read));
  return std::nullopt;
}

}  // namespace ddbexport::service::detail

#endif
