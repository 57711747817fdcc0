#ifndef DDBEXPORT_CHECK_REPORT_HPP
#define DDBEXPORT_CHECK_REPORT_HPP

// The report ddbexport-check prints: one JSON object
//   {"valid", "error", "violations", "warnings", "unchecked"[, "replay_of"]}
// where "error" is the body the service would answer with.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/json/detail/escape.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/validate/messages.hpp"
#include "ddbexport/output.hpp"
#include "ddbexport/validate/rules.hpp"

namespace ddbexport_check {

struct report {
  /// The body the service would answer with, as the library writes it.
  std::optional<std::string> error;
  std::vector<ddbexport::diagnostic> violations;
  std::vector<ddbexport::diagnostic> warnings;
  ddbexport::rule_set unchecked;
  std::optional<std::string> replay_of;
  bool valid = true;

  /// Sorts diagnostics into violations and warnings, keeping their order.
  void add(const ddbexport::diagnostic& d) {
    if (d.is_violation()) {
      violations.push_back(d);
      valid = false;
    } else if (d.is_warning()) {
      warnings.push_back(d);
    }
  }
};

inline std::string message_of(const ddbexport::diagnostic& d) {
  std::string text;
  ddbexport::container_output out{text};
  ddbexport::write_message(d, out);
  return text;
}

inline std::string path_of(const ddbexport::diagnostic& d) {
  std::string text;
  ddbexport::container_output out{text};
  d.path.write(out);
  return text;
}

/// `"error"` of a diagnostic entry: the exception, the predicted FailureCode,
/// "ResponseCheck", or null for advice.
inline void write_error_name(const ddbexport::diagnostic& d, std::string& out) {
  const auto name = ddbexport::error_name(d.rule);
  ddbexport::container_output o{out};
  if (name.empty() || d.severity() == ddbexport::severity::advice)
    out += "null";
  else
    ddbexport::detail::write_json_string(o, name);
}

inline void write_diagnostics(const std::vector<ddbexport::diagnostic>& list, std::string& out) {
  ddbexport::container_output o{out};
  out += '[';
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i != 0) out += ',';
    out += "{\"rule\":";
    ddbexport::detail::write_json_string(o, ddbexport::to_string(list[i].rule));
    out += ",\"path\":";
    ddbexport::detail::write_json_string(o, path_of(list[i]));
    out += ",\"error\":";
    write_error_name(list[i], out);
    out += ",\"message\":";
    ddbexport::detail::write_json_string(o, message_of(list[i]));
    out += '}';
  }
  out += ']';
}

inline std::string to_json(const report& r) {
  std::string out;
  ddbexport::container_output o{out};
  out += "{\"valid\":";
  out += r.valid ? "true" : "false";
  out += ",\"error\":";
  if (r.error) {
    out += *r.error;
  } else {
    out += "null";
  }
  out += ",\"violations\":";
  write_diagnostics(r.violations, out);
  out += ",\"warnings\":";
  write_diagnostics(r.warnings, out);
  out += ",\"unchecked\":[";
  bool first = true;
  r.unchecked.for_each([&](ddbexport::rule_id id) {
    if (!first) out += ',';
    first = false;
    ddbexport::detail::write_json_string(o, ddbexport::to_string(id));
  });
  out += ']';
  if (r.replay_of) {
    out += ",\"replay_of\":";
    ddbexport::detail::write_json_string(o, *r.replay_of);
  }
  out += '}';
  return out;
}

}  // namespace ddbexport_check

#endif
