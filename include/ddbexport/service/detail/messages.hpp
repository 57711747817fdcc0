#ifndef DDBEXPORT_SERVICE_DETAIL_MESSAGES_HPP
#define DDBEXPORT_SERVICE_DETAIL_MESSAGES_HPP

/// Error answers built from the reader's and the validator's findings, with
/// the service's spelling of the message member (V-ERRBODY).

#include <array>
#include <string>

#include "ddbexport/json/error_body.hpp"
#include "ddbexport/json/result.hpp"
#include "ddbexport/output.hpp"
#include "ddbexport/service/detail/answer_frame.hpp"
#include "ddbexport/service/http.hpp"
#include "ddbexport/service_error.hpp"
#include "ddbexport/validate/result.hpp"

namespace ddbexport::service::detail {

/// The text `write` writes, in a string allocated once at its final size:
/// answers up to `scratch`'s size are written there first; a longer one is
/// written again, straight into its string.
template <class Write>
[[nodiscard]] std::string render(Write&& write) {
  std::array<char, 4096> scratch;
  buffer_output first{scratch};
  write(first);
  if (!first.overflowed()) return std::string{first.view()};
  std::string text(first.required(), '\0');
  buffer_output second{text};
  write(second);
  return text;
}

/// Stage D's SerializationException: the Coral text of W-TYPE and W-TIME;
/// W-JSON, W-LIMIT and W-DUPKEY carry none.
[[nodiscard]] inline answer deserialization_answer(const answer_frame& frame, const json::read_result& failed) {
  const auto kind = error_kind::serialization;
  return frame.make(info(kind).http_status, render([&](auto& out) {
                      (void)json::write_error_body(failed, out, json::message_member::as_service);
                    }));
}

/// A failed validation of any operation's input: its error and message.
template <class Subject, class Context>
[[nodiscard]] answer validation_answer(const answer_frame& frame, const Subject& subject, const Context& context,
                                       const validation_result& result) {
  return frame.make(info(*result.error()).http_status, render([&](auto& out) {
                      (void)json::write_error_body(subject, context, result, out, json::message_member::as_service);
                    }));
}

}  // namespace ddbexport::service::detail

#endif
