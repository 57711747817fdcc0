#ifndef DDBEXPORT_VALIDATE_DETAIL_REPORTER_HPP
#define DDBEXPORT_VALIDATE_DETAIL_REPORTER_HPP

#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/validate/result.hpp"
#include "ddbexport/validate/rules.hpp"

namespace ddbexport::detail {

/// What every validator reports through: it counts and summarises each
/// diagnostic into the validation_result, then hands it to the sink until
/// the sink asks to stop. Counting here, never in the sink, is what makes a
/// stopping sink (first_sink) and a counting one agree on the result.
template <diagnostic_sink Sink>
class reporter {
 public:
  constexpr explicit reporter(Sink& sink) noexcept : sink_(&sink) {}

  constexpr void report(const diagnostic& d) {
    const rule_info& rule = info(d.rule);
    if (d.is_violation()) {
      ++result_.violations;
      if (!result_.failed_stage) {
        result_.failed_stage = rule.stage;
        result_.first_error = d;
      }
    } else {
      ++result_.warnings;
    }
    if (rule.severity == severity::error && rule.stage == stage::shape) ++result_.shape_items;
    if (!stopped_ && !sink_->accept(d)) stopped_ = true;
  }
  constexpr void unchecked(rule_id rule) noexcept { result_.unchecked.insert(rule); }

  [[nodiscard]] constexpr validation_result& result() noexcept { return result_; }

 private:
  Sink* sink_;
  bool stopped_ = false;
  validation_result result_{};
};

}  // namespace ddbexport::detail

#endif
