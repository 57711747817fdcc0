#ifndef DDBEXPORT_SERVICE_DETAIL_BLOCKING_HPP
#define DDBEXPORT_SERVICE_DETAIL_BLOCKING_HPP

/// SERVICE.md §1.2: the service never answers while a rule in `unchecked`
/// could still change the answer: an error rule, or R-TOKEN-REPLAY, that
/// comes before the answering rule in RULES §5's order (stage, then rule
/// order), or any of them when the request would be accepted. The window
/// start B of RULES §3.3 has its own fallback, so the two rules that use it
/// never block; the async rules are not error rules and never block either.

#include <optional>

#include "ddbexport/validate/request.hpp"
#include "ddbexport/validate/rules.hpp"

namespace ddbexport::service::detail {

[[nodiscard]] constexpr bool could_change_answer(rule_id rule) noexcept {
  if (rule == rule_id::r_et_before_window || rule == rule_id::r_inc_from_start) return false;
  return info(rule).severity == severity::error || rule == rule_id::r_token_replay;
}

/// RULES §5's order. rule_id lists the error rules in evaluation order, and
/// stage first puts R-TOKEN-REPLAY (listed with the behaviour rules) in K.
[[nodiscard]] constexpr bool comes_before(rule_id a, rule_id b) noexcept {
  const auto sa = info(a).stage;
  const auto sb = info(b).stage;
  return sa != sb ? sa < sb : a < b;
}

/// The first unchecked rule that keeps the service from answering, if any.
[[nodiscard]] constexpr std::optional<rule_id> blocking_rule(const validation_result& result) noexcept {
  std::optional<rule_id> blocking;
  result.unchecked.for_each([&](rule_id rule) {
    if (blocking || !could_change_answer(rule)) return;
    if (!result.first_error || comes_before(rule, result.first_error->rule)) blocking = rule;
  });
  return blocking;
}

}  // namespace ddbexport::service::detail

#endif
