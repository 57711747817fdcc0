#ifndef DDBEXPORT_SERVICE_ERROR_BODY_HPP
#define DDBEXPORT_SERVICE_ERROR_BODY_HPP

/// V-ERRBODY: error bodies as the live service spells them, through the JSON
/// layer's writer with its `as_service` spelling: `Message` for
/// `com.amazon.coral.service` errors with a text, none for those without one,
/// `message` everywhere else. (RULES' validation report keeps `message`.)

#include <optional>
#include <string_view>

#include "ddbexport/json/error_body.hpp"
#include "ddbexport/output.hpp"
#include "ddbexport/service_error.hpp"

namespace ddbexport::service {

/// The front end's answer to an unknown X-Amz-Target (V-TARGET), outside RULES' catalogue.
inline constexpr std::string_view unknown_operation_type = "com.amazon.coral.service#UnknownOperationException";

/// `{"__type":"<type>"[,"message"|"Message":"<text>"]}`.
template <text_output Out>
constexpr void write_error_body(std::string_view type, std::optional<std::string_view> message, Out& out) {
  (void)json::write_error_body(type, message.value_or(std::string_view{}), out, json::message_member::as_service);
}

template <text_output Out>
constexpr void write_error_body(error_kind kind, std::optional<std::string_view> message, Out& out) {
  write_error_body(info(kind).type, message, out);
}

}  // namespace ddbexport::service

#endif
