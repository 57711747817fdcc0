#ifndef DDBEXPORT_SERVICE_USAGE_ERROR_HPP
#define DDBEXPORT_SERVICE_USAGE_ERROR_HPP

/// SERVICE.md §1.2: when the library cannot build a correct answer, it says
/// why instead of answering. A host that must still answer over HTTP sends
/// the 500 InternalServerError of §1.2 (http_answer.hpp builds it).

#include <cstdint>
#include <optional>
#include <string_view>

#include "ddbexport/output.hpp"
#include "ddbexport/validate/rules.hpp"

namespace ddbexport::service {

enum class usage_problem : std::uint8_t {
  missing_fact,        ///< a context fact the answer needs is absent
  invalid_fact,        ///< a context fact is out of range or malformed
  unchecked_rule,      ///< a rule that could change the answer is unchecked (§1.2)
  unknown_export,      ///< lifecycle: no record has this ExportArn
  terminal_export,     ///< lifecycle: the export is already COMPLETED or FAILED
  end_before_start,    ///< lifecycle: EndTime < StartTime
  negative_count,      ///< lifecycle: ItemCount or BilledSizeBytes < 0
  empty_failure_code,  ///< lifecycle: FailureCode is empty
  store_failed,        ///< the store refused a write: nothing was stored
  export_id_exhausted, ///< no free ExportArn after many draws (a broken random source)
  library_bug,         ///< a built description failed the response checks
};

[[nodiscard]] constexpr std::string_view to_string(usage_problem p) noexcept {
  switch (p) {
    case usage_problem::missing_fact: return "a context fact is missing";
    case usage_problem::invalid_fact: return "a context fact is invalid";
    case usage_problem::unchecked_rule: return "a rule that could change the answer is unchecked";
    case usage_problem::unknown_export: return "no export has this ExportArn";
    case usage_problem::terminal_export: return "the export has already ended";
    case usage_problem::end_before_start: return "EndTime is before StartTime";
    case usage_problem::negative_count: return "a count is negative";
    case usage_problem::empty_failure_code: return "FailureCode is empty";
    case usage_problem::store_failed: return "the store write failed";
    case usage_problem::export_id_exhausted: return "no unused export id could be drawn";
    case usage_problem::library_bug: return "ddbexport built an answer that fails its own checks (a library bug)";
  }
  return "";
}

struct usage_error {
  usage_problem problem{};
  std::string_view detail{};         ///< static text: which fact, which member
  std::optional<rule_id> rule{};     ///< the unchecked or failed rule, if one is to blame

  /// `<problem>[: <detail>][ (<rule id>)]`, the free text of §1.2's `<diagnostic>`.
  template <text_output Out>
  constexpr void write(Out& out) const {
    out.write(to_string(problem));
    if (!detail.empty()) {
      out.write(": ");
      out.write(detail);
    }
    if (rule) {
      out.write(" (");
      out.write(to_string(*rule));
      out.write(")");
    }
  }
};

}  // namespace ddbexport::service

#endif
