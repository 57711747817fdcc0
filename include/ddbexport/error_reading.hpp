#ifndef DDBEXPORT_ERROR_READING_HPP
#define DDBEXPORT_ERROR_READING_HPP

/// An error response as the SDK makes sense of it (WIRE.md §7): the code,
/// where it came from, the message and the fault. json/error_body.hpp reads
/// one from a body; the error-body checks (validate/error_body.hpp) judge it.

#include <cstdint>
#include <optional>
#include <string_view>

#include "ddbexport/service_error.hpp"
#include "ddbexport/validate/diagnostic.hpp"

namespace ddbexport {

/// The members of an error body that WIRE.md §7 reads, named once.
namespace error_members {
inline constexpr std::string_view type = "__type";
inline constexpr std::string_view code = "code";  ///< matched in any letter case
inline constexpr std::string_view message = "message";
inline constexpr std::string_view upper_message = "Message";
}  // namespace error_members

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

namespace json {
// Where 0.1 declared them; the reader lives in json/error_body.hpp.
using ddbexport::error_code_source;
using ddbexport::error_reading;
using ddbexport::sanitize_error_code;
}  // namespace json

}  // namespace ddbexport

#endif
