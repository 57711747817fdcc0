#ifndef DDBEXPORT_JSON_ERROR_BODY_HPP
#define DDBEXPORT_JSON_ERROR_BODY_HPP

/// Error responses (WIRE.md §7): reading the code, message and fault the way
/// the SDK does, the error-body checks of RULES.md §8, and the echo writer.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "ddbexport/json/detail/parser.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/json/arena.hpp"
#include "ddbexport/json/reader.hpp"
#include "ddbexport/json/writer.hpp"
#include "ddbexport/output.hpp"
#include "ddbexport/service_error.hpp"

namespace ddbexport::json {

/// Where the error code came from, in WIRE.md §7's order of precedence.
enum class error_code_source : std::uint8_t { type_member, code_member, header, none };

struct error_reading {
  int http_status = 0;
  std::string_view code;     ///< sanitised: namespace and URI suffix removed; "Unknown" when none
  std::string_view message;  ///< first non-empty `message`, then `Message`; else "UnknownError"
  ddbexport::fault fault = ddbexport::fault::client;
  bool modeled = false;      ///< the code names an error of the SDK's DynamoDB model
  /// The body could not be read as an error: not JSON (the SDK fails with a
  /// syntax error), or `__type`/`code`/`message` of the wrong type. `problem` says why.
  bool parse_error = false;
  std::optional<diagnostic> problem;
  std::optional<std::string_view> type;  ///< `__type` exactly as sent
  error_code_source code_source = error_code_source::none;
};

/// WIRE.md §7's sanitising: cut at the first `,`, then at the first `:`; if a
/// `#` remains, keep what lies between it and the next `#` (or the end).
[[nodiscard]] constexpr std::string_view sanitize_error_code(std::string_view raw) noexcept {
  if (const auto comma = raw.find(','); comma != std::string_view::npos) raw = raw.substr(0, comma);
  if (const auto colon = raw.find(':'); colon != std::string_view::npos) raw = raw.substr(0, colon);
  if (const auto hash = raw.find('#'); hash != std::string_view::npos) {
    raw = raw.substr(hash + 1);
    if (const auto next = raw.find('#'); next != std::string_view::npos) raw = raw.substr(0, next);
  }
  return raw;
}

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
    ddbexport::detail::json_parser parser(body, storage, limits.max_body_bytes, limits.max_depth, {}, false);
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

/// The error-body checks of RULES.md §8, reported in rule order: ERR-BODY (a
/// JSON object with a string `__type`, messages strings when present), then
/// for a readable body ERR-NAME (the code is one of §2.4's errors) and ERR-NS
/// (a `namespace#` prefix is that error's namespace). Returns the number of
/// diagnostics reported.
template <diagnostic_sink Sink>
std::size_t check_error_body(const error_reading& r, Sink& sink) {
  std::size_t reported = 0;
  const auto report = [&](rule_id rule, std::string_view subject, std::string_view detail, std::size_t offset,
                          const field_path& path) {
    diagnostic d{};
    d.rule = rule;
    d.subject = subject;
    d.detail = detail;
    d.offset = offset;
    d.path = path;
    ++reported;
    return static_cast<bool>(sink.accept(d));
  };
  if (r.parse_error) {
    report(rule_id::err_body, r.problem ? r.problem->subject : std::string_view{},
           r.problem ? r.problem->detail : std::string_view{}, r.problem ? r.problem->offset : 0,
           r.problem ? r.problem->path : field_path{});
    return reported;
  }
  if (!r.type && !report(rule_id::err_body, {}, "no string __type", 0, field_path{})) return reported;
  const auto kind = error_kind_from_name(r.code);
  if (!kind && !report(rule_id::err_name, r.code, "not an error of ExportTableToPointInTime", 0, field_path{"__type"}))
    return reported;
  if (kind && r.type) {
    const auto hash = r.type->find('#');
    if (hash != std::string_view::npos && r.type->substr(0, hash) != info(*kind).wire_namespace)
      report(rule_id::err_ns, r.type->substr(0, hash), info(*kind).wire_namespace, 0, field_path{"__type"});
  }
  return reported;
}

/// Canonical echo of an error: `{"__type":..,"message":..}` with the raw
/// `__type` (or the code when the body had none) and the message as read.
template <text_output Out>
constexpr void write_error_echo(const error_reading& r, Out& out) {
  write_error_body(r.type ? *r.type : r.code, r.message, out);
}

}  // namespace ddbexport::json

#endif
