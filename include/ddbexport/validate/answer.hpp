#ifndef DDBEXPORT_VALIDATE_ANSWER_HPP
#define DDBEXPORT_VALIDATE_ANSWER_HPP

/// The text of the service's answer to a failed call: the `message` of its
/// error body (RULES.md §4, §5). json/error_body.hpp writes the whole body.

#include <cstddef>

#include "ddbexport/member.hpp"
#include "ddbexport/output.hpp"
#include "ddbexport/validate/detail/shape_check.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/validate/messages.hpp"
#include "ddbexport/validate/result.hpp"
#include "ddbexport/validate/rules.hpp"

namespace ddbexport {

namespace detail {
/// Renders each shape-stage item of the combined message into an output.
template <text_output Out>
class shape_item_writer {
 public:
  constexpr explicit shape_item_writer(Out& out) noexcept : out_(&out) {}
  constexpr void operator()(const diagnostic& d, std::size_t /*member*/) {
    if (written_++ != 0) out_->write("; ");
    write_shape_item(d, *out_);
  }

 private:
  Out* out_;
  std::size_t written_ = 0;
};
}  // namespace detail

/// Whether the answer to a body that failed stage D has a text: W-JSON,
/// W-LIMIT and W-DUPKEY answer without one (RULES.md §3.1).
[[nodiscard]] constexpr bool answer_has_text(const diagnostic& stage_d) noexcept {
  return !info(stage_d.rule).silent_answer;
}

/// The `message` of the answer to a body that failed stage D: the
/// violation's own text, or nothing where the service sends none.
template <text_output Out>
constexpr void write_error_message(const diagnostic& stage_d, Out& out) {
  if (answer_has_text(stage_d)) write_message(stage_d, out);
}

/// The `message` of the answer to a failed validation of `subject` (a
/// request of any operation): the combined ValidationException text when a
/// shape stage failed, else the first failing rule's text. Writes nothing
/// when the validation passed. `context` is the one the validation ran with.
template <described_shape T, class Context, text_output Out>
constexpr void write_error_message(const T& subject, const Context& /*context*/, const validation_result& result,
                                   Out& out) {
  if (!result.first_error) return;
  if (result.failed_stage != stage::shape) {
    write_message(*result.first_error, out);
    return;
  }
  write_validation_count(result.shape_items, out);
  // The items are not kept anywhere: the walk that found them runs again.
  detail::check_shape(subject, field_path{}, detail::shape_item_writer<Out>{out});
}

}  // namespace ddbexport

#endif
