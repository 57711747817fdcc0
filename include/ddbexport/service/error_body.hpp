#ifndef DDBEXPORT_SERVICE_ERROR_BODY_HPP
#define DDBEXPORT_SERVICE_ERROR_BODY_HPP

/// V-ERRBODY: error bodies as the live service spells them. Compact JSON,
/// `__type` first, then at most one message member: `Message` for
/// `com.amazon.coral.service` errors with a text, none for those without one,
/// `message` everywhere else. (RULES' validation report keeps `message`.)

#include <optional>
#include <string_view>

#include "ddbexport/json/detail/escape.hpp"
#include "ddbexport/output.hpp"
#include "ddbexport/service_error.hpp"

namespace ddbexport::service {

/// The front end's answer to an unknown X-Amz-Target (V-TARGET), outside RULES' catalogue.
inline constexpr std::string_view unknown_operation_type = "com.amazon.coral.service#UnknownOperationException";
inline constexpr std::string_view coral_service_namespace = "com.amazon.coral.service";

enum class message_member : std::uint8_t { none, lower, upper };

/// The spelling of the message member for an error of this `__type`.
[[nodiscard]] constexpr message_member message_member_for(std::string_view type, bool has_text) noexcept {
  if (!has_text) return message_member::none;
  const auto hash = type.find('#');
  const bool coral_service = hash != std::string_view::npos && type.substr(0, hash) == coral_service_namespace;
  return coral_service ? message_member::upper : message_member::lower;
}

/// `{"__type":"<type>"[,"message"|"Message":"<text>"]}`.
template <text_output Out>
constexpr void write_error_body(std::string_view type, std::optional<std::string_view> message, Out& out) {
  out.write("{\"__type\":");
  ddbexport::detail::write_json_string(out, type);
  switch (message_member_for(type, message.has_value())) {
    case message_member::lower: out.write(",\"message\":"); break;
    case message_member::upper: out.write(",\"Message\":"); break;
    case message_member::none: break;
  }
  if (message) ddbexport::detail::write_json_string(out, *message);
  out.write("}");
}

template <text_output Out>
constexpr void write_error_body(error_kind kind, std::optional<std::string_view> message, Out& out) {
  write_error_body(info(kind).type, message, out);
}

}  // namespace ddbexport::service

#endif
