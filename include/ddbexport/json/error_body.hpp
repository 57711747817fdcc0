#ifndef DDBEXPORT_JSON_ERROR_BODY_HPP
#define DDBEXPORT_JSON_ERROR_BODY_HPP

/// Error responses (WIRE.md §7): reading the code, message and fault the way
/// the SDK does, and writing error bodies: a service error, the answer to a
/// failed validation or a failed read, and the canonical echo.

#include <cstdint>
#include <optional>
#include <string_view>

#include "ddbexport/error_reading.hpp"
#include "ddbexport/json/arena.hpp"
#include "ddbexport/json/detail/escape.hpp"
#include "ddbexport/json/detail/parser.hpp"
#include "ddbexport/json/limits.hpp"
#include "ddbexport/json/result.hpp"
#include "ddbexport/member.hpp"
#include "ddbexport/output.hpp"
#include "ddbexport/service_error.hpp"
#include "ddbexport/validate/answer.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/validate/error_body.hpp"
#include "ddbexport/validate/result.hpp"

namespace ddbexport::json {

/// Reads an error response. A zero-length body counts as `{}`; `errortype_header`
/// is the value of `X-Amzn-Errortype`, if the response had one. Escaped
/// strings are decoded into `storage`; the result views it and the body.
inline error_reading read_error(int http_status, std::string_view body,
                                std::optional<std::string_view> errortype_header, arena& storage,
                                const read_limits& limits = {}) {
  error_reading r;
  r.http_status = http_status;
  ddbexport::detail::error_body_fields fields;
  if (!body.empty()) {
    ddbexport::detail::json_parser parser(body, storage, limits, {}, false);
    if (!parser.read_error_document(fields)) {
      r.parse_error = true;
      r.problem = parser.error();
      fields = {};
    }
  }
  r.type = fields.type;
  if (fields.type) {
    r.code = sanitize_error_code(*fields.type);
    r.code_source = error_code_source::type_member;
  } else if (fields.code) {
    r.code = sanitize_error_code(*fields.code);
    r.code_source = error_code_source::code_member;
  } else if (errortype_header) {
    r.code = sanitize_error_code(*errortype_header);
    r.code_source = error_code_source::header;
  } else {
    r.code = "Unknown";
  }
  if (fields.message && !fields.message->empty())
    r.message = *fields.message;
  else if (fields.upper_message && !fields.upper_message->empty())
    r.message = *fields.upper_message;
  else
    r.message = "UnknownError";
  r.modeled = is_dynamodb_model_error(r.code);
  r.fault = fault_for(r.code, http_status);
  return r;
}

/// An error_reading that owns its storage, for callers who do not keep an arena.
struct owned_error_reading : error_reading {
  owning_arena storage;
};

inline owned_error_reading read_error(int http_status, std::string_view body,
                                      std::optional<std::string_view> errortype_header = std::nullopt) {
  owned_error_reading r{error_reading{}, owning_arena{body.size()}};
  static_cast<error_reading&>(r) = read_error(http_status, body, errortype_header, r.storage);
  return r;
}

// ---- writing ------------------------------------------------------------------

/// How an error body spells its message member.
enum class message_member : std::uint8_t {
  message,     ///< `message`, always: the validation report's `error` object (RULES.md §2.4)
  Message,     ///< `Message`
  none,        ///< no message member
  as_service,  ///< as the live service does (SERVICE.md V-ERRBODY), from the namespace and the text
};

/// SERVICE.md V-ERRBODY: `com.amazon.coral.service` errors spell it `Message`
/// when they have a text and leave it out when they have none; every other
/// namespace (DynamoDB's, `com.amazon.coral.validate`, and, as ddbexport
/// chose, `com.amazon.coral.availability`) writes `message`.
[[nodiscard]] constexpr message_member service_message_member(std::string_view wire_namespace, bool has_text) noexcept {
  if (wire_namespace != info(error_kind::serialization).wire_namespace) return message_member::message;
  return has_text ? message_member::Message : message_member::none;
}

}  // namespace ddbexport::json

namespace ddbexport::detail {
template <text_output Out, class WriteMessage>
constexpr void write_error_object(std::string_view type, json::message_member spelling, Out& out, WriteMessage&& message) {
  out.write("{\"");
  out.write(error_members::type);
  out.write("\":");
  write_json_string(out, type);
  if (spelling != json::message_member::none) {
    out.write(",\"");
    out.write(spelling == json::message_member::Message ? error_members::upper_message : error_members::message);
    out.write("\":\"");
    json_escaping_output<Out> escaped{out};
    message(escaped);
    out.write("\"");
  }
  out.write("}");
}

[[nodiscard]] constexpr json::message_member resolve(json::message_member spelling, std::string_view type,
                                                    bool has_text) noexcept {
  if (spelling != json::message_member::as_service) return spelling;
  const auto hash = type.find('#');
  return json::service_message_member(hash == std::string_view::npos ? std::string_view{} : type.substr(0, hash),
                                      has_text);
}
}  // namespace ddbexport::detail

namespace ddbexport::json {

/// `{"__type":"<type>","message":"<message>"}`, the service's error shape
/// (WIRE.md §7), compact, `__type` first; the message member spelled as
/// `spelling` says. For codes outside error_kind (UnknownOperationException).
template <text_output Out>
constexpr write_result write_error_body(std::string_view type, std::string_view message, Out& out,
                                        message_member spelling = message_member::message) {
  ddbexport::detail::write_error_object(type, ddbexport::detail::resolve(spelling, type, !message.empty()), out,
                             [&](auto& text) { text.write(message); });
  return {};
}

/// A service error (ThrottlingException, InternalServerError, ...).
template <text_output Out>
constexpr write_result write(const service_error& error, Out& out, message_member spelling = message_member::message) {
  return write_error_body(error.describe().type, error.message, out, spelling);
}

/// The answer to a body that failed stage D: SerializationException with the
/// violation's text, none for W-JSON, W-LIMIT and W-DUPKEY (RULES.md §3.1).
/// The report form writes `"message":""` there; `as_service` leaves it out.
template <text_output Out>
constexpr write_result write_error_body(const read_result& failed_read, Out& out,
                                        message_member spelling = message_member::message) {
  if (!failed_read.error) return {};
  const diagnostic& d = *failed_read.error;
  const std::string_view type = info(error_kind::serialization).type;
  ddbexport::detail::write_error_object(type, ddbexport::detail::resolve(spelling, type, answer_has_text(d)), out,
                             [&](auto& text) { write_error_message(d, text); });
  return {};
}

/// The answer to a failed validation of `subject` (a request of any
/// operation, validated with `context` into `result`): `__type` of
/// result.error() and write_error_message's text, the combined message of a
/// shape stage included. Writes nothing when the result names no service
/// error (valid, or only response checks failed).
template <described_shape T, class Context, text_output Out>
constexpr write_result write_error_body(const T& subject, const Context& context, const validation_result& result,
                                        Out& out, message_member spelling = message_member::message) {
  const auto kind = result.error();
  if (!kind) return {};
  const std::string_view type = info(*kind).type;
  ddbexport::detail::write_error_object(type, ddbexport::detail::resolve(spelling, type, true), out,
                             [&](auto& text) { write_error_message(subject, context, result, text); });
  return {};
}

/// Canonical echo of an error: `{"__type":..,"message":..}` with the raw
/// `__type` (or the code when the body had none) and the message as read.
template <text_output Out>
constexpr write_result write_error_echo(const error_reading& r, Out& out) {
  return write_error_body(r.type ? *r.type : r.code, r.message, out);
}

}  // namespace ddbexport::json

#endif
