#ifndef DDBEXPORT_TESTS_VALIDATION_HELPERS_HPP
#define DDBEXPORT_TESTS_VALIDATION_HELPERS_HPP

// Helpers of the validator's tests, on top of the suite's fixtures
// (fixtures.hpp): an incremental request, and `validate_all`, which runs the
// validator with a collecting sink and renders what the assertions compare.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "ddbexport/validate/request.hpp"
#include "ddbexport/validate/sinks.hpp"
#include "fixtures.hpp"

namespace ddbexport::test {

using namespace std::chrono_literals;

/// A valid-looking incremental export; `to` may be left out (R-INC-TO-DEFAULT).
inline export_request incremental_request(timestamp from, std::optional<timestamp> to = std::nullopt) {
  export_request r = full_request();
  r.export_type = export_type::incremental_export;
  r.incremental_export_specification = incremental_export_specification{.export_from_time = from, .export_to_time = to};
  return r;
}

/// The PITR description of a context built by every_fact_context().
template <class Ledger>
point_in_time_recovery_description& pitr_of(validation_context<Ledger>& c) {
  return *c.continuous_backups->point_in_time_recovery_description;
}

inline std::string repeat(std::string_view text, std::size_t times) {
  std::string s;
  s.reserve(text.size() * times);
  for (std::size_t i = 0; i < times; ++i) s += text;
  return s;
}

/// The report path: wire names joined by `.`.
inline std::string path_of(const diagnostic& d) {
  std::string s;
  container_output out{s};
  d.path.write(out);
  return s;
}

/// The diagnostic's own message (write_message).
inline std::string message_of(const diagnostic& d) {
  std::string s;
  container_output out{s};
  write_message(d, out);
  return s;
}

inline std::string ids_of(const rule_set& rules) {
  std::string s;
  rules.for_each([&](rule_id r) {
    if (!s.empty()) s += ' ';
    s += to_string(r);
  });
  return s;
}

/// Everything one validation produced, rendered for comparison.
struct outcome {
  validation_result result;
  std::vector<diagnostic> diags;
  std::string error_body;  ///< write_error_message: the `message` of the service's answer

  /// The first diagnostic of `rule`, or null.
  [[nodiscard]] const diagnostic* find(rule_id rule) const {
    for (const auto& d : diags)
      if (d.rule == rule) return &d;
    return nullptr;
  }
  [[nodiscard]] bool has(rule_id rule) const { return find(rule) != nullptr; }
  /// The ids of every diagnostic, in report order, e.g. "S-PREFIX-LEN R-PITR-REQ".
  [[nodiscard]] std::string rules() const {
    std::string s;
    for (const auto& d : diags) {
      if (!s.empty()) s += ' ';
      s += to_string(d.rule);
    }
    return s;
  }
  [[nodiscard]] std::string unchecked() const { return ids_of(result.unchecked); }
  [[nodiscard]] std::string replay_of() const {
    return result.replay_of ? std::string(*result.replay_of) : std::string("<none>");
  }
};

template <class Ledger = span_ledger>
outcome validate_all(const export_request& request, const validation_context<Ledger>& context = {}) {
  outcome o;
  container_sink sink{o.diags};
  o.result = validate(request, context, sink);
  container_output out{o.error_body};
  write_error_message(request, context, o.result, out);
  return o;
}

/// The `message` of the error body the service would answer `request` with.
template <class Ledger = span_ledger>
std::string error_message(const export_request& request, const validation_context<Ledger>& context = {}) {
  return validate_all(request, context).error_body;
}

/// `rule` was reported with this path, service error name (`""` for advice) and message.
inline void check_reported(const outcome& o, rule_id rule, std::string_view path, std::string_view error,
                           std::string_view message) {
  INFO("rule ", std::string(to_string(rule)), "; reported: ", o.rules());
  const diagnostic* d = o.find(rule);
  REQUIRE(d != nullptr);
  CHECK(path_of(*d) == path);
  CHECK(error_name(rule) == error);
  CHECK(message_of(*d) == message);
}

/// As check_reported, and `rule` is the error the service answers with: the
/// first error of the first failing stage, its error kind and body message.
inline void check_rejected(const outcome& o, rule_id rule, std::string_view path, std::string_view error,
                           std::string_view message) {
  check_reported(o, rule, path, error, message);
  INFO("rule ", std::string(to_string(rule)), "; reported: ", o.rules());
  CHECK_FALSE(o.result.valid());
  REQUIRE(o.result.first_error.has_value());
  CHECK(to_string(o.result.first_error->rule) == to_string(rule));
  CHECK(o.result.failed_stage == info(rule).stage);
  REQUIRE(error_kind_from_name(error).has_value());
  CHECK(o.result.error() == error_kind_from_name(error));
  CHECK(o.error_body == message);
}

/// A request the service accepts: no violation, no error body.
inline void check_accepted(const outcome& o) {
  INFO("reported: ", o.rules());
  CHECK(o.result.valid());
  CHECK(o.result.violations == 0);
  CHECK_FALSE(o.result.first_error.has_value());
  CHECK_FALSE(o.result.error().has_value());
  CHECK(o.error_body.empty());
}

}  // namespace ddbexport::test

#endif
