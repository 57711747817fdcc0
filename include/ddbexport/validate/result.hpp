#ifndef DDBEXPORT_VALIDATE_RESULT_HPP
#define DDBEXPORT_VALIDATE_RESULT_HPP

#include <cstddef>
#include <optional>
#include <string_view>

#include "ddbexport/service_error.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/validate/rules.hpp"

namespace ddbexport {

/// What a validation found, whatever the sink kept: the one result shape of
/// every validator (requests, responses, error bodies, the other inputs).
struct validation_result {
  std::size_t violations = 0;
  std::size_t warnings = 0;
  /// The first failing stage; for a request, its error is the body the service answers with.
  std::optional<ddbexport::stage> failed_stage{};
  /// The first violation of that stage (for a shape stage, its first item).
  std::optional<diagnostic> first_error{};
  /// Shape-stage items, which the service merges into one message (RULES.md §4).
  std::size_t shape_items = 0;
  /// Rules that apply but lack a caller-supplied fact (RULES.md §5).
  rule_set unchecked{};
  /// The earlier export this request replays inside the ClientToken window.
  std::optional<std::string_view> replay_of{};

  [[nodiscard]] constexpr bool valid() const noexcept { return !failed_stage.has_value(); }
  /// The service error for the body (`__type` and status); empty when valid
  /// or when what failed is a response or error-body check.
  [[nodiscard]] constexpr std::optional<error_kind> error() const noexcept {
    return first_error ? service_error_of(first_error->rule) : std::nullopt;
  }
};

}  // namespace ddbexport

#endif
