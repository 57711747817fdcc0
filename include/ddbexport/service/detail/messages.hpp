#ifndef DDBEXPORT_SERVICE_DETAIL_MESSAGES_HPP
#define DDBEXPORT_SERVICE_DETAIL_MESSAGES_HPP

/// Error answers built from the validator's findings.

#include <optional>
#include <string>

#include "ddbexport/output.hpp"
#include "ddbexport/service/detail/answer_frame.hpp"
#include "ddbexport/service/http.hpp"
#include "ddbexport/service_error.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/validate/messages.hpp"

namespace ddbexport::service::detail {

template <class Write>
[[nodiscard]] std::string render(Write&& write) {
  std::string text;
  container_output<std::string> out{text};
  write(out);
  return text;
}

/// Stage D's SerializationException: the Coral text of W-TYPE and W-TIME;
/// W-JSON, W-LIMIT and W-DUPKEY carry none (V-ERRBODY).
[[nodiscard]] inline answer deserialization_answer(const answer_frame& frame, const diagnostic& d) {
  if (d.rule != rule_id::w_type && d.rule != rule_id::w_time) return frame.error(error_kind::serialization, std::nullopt);
  const std::string text = render([&](auto& out) { write_message(d, out); });
  return frame.error(error_kind::serialization, text);
}

}  // namespace ddbexport::service::detail

#endif
