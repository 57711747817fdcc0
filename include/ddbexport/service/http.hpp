#ifndef DDBEXPORT_SERVICE_HTTP_HPP
#define DDBEXPORT_SERVICE_HTTP_HPP

/// The HTTP exchange as the service core sees it: what arrived (method,
/// headers, body) and the complete answer (status, the V-HEADERS of SERVICE.md
/// §2.2, body, whether to close the connection, what was recorded), or the
/// usage error that kept the library from answering (§1.2), never both. The
/// host does the I/O and adds Date, `Server: Server` and `Connection`.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "ddbexport/detail/ascii.hpp"
#include "ddbexport/service/usage_error.hpp"

namespace ddbexport::service {

/// A body over this many bytes (16 MiB) is answered 413 (V-SYNTAX).
inline constexpr std::size_t max_body_bytes = 16'777'216;

struct http_header {
  std::string_view name{};
  std::string_view value{};
};

namespace detail {
[[nodiscard]] constexpr bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}
}  // namespace detail

struct http_request {
  std::string_view method{};
  std::span<const http_header> headers{};
  std::string_view body{};
  /// Set by a host that stopped reading a body longer than max_body_bytes;
  /// `body` then holds what it read, or nothing.
  bool body_over_limit = false;

  /// The first header of this name, compared without regard to ASCII case.
  [[nodiscard]] constexpr std::optional<std::string_view> header(std::string_view name) const noexcept {
    for (const auto& h : headers)
      if (detail::equal_ignoring_ascii_case(h.name, name)) return h.value;
    return std::nullopt;
  }
};

/// x-amzn-RequestId: 52 characters of base32hex (V-REQID).
inline constexpr std::size_t request_id_size = 52;

struct answer {
  int status = 200;
  std::string body{};
  std::string_view content_type{};  ///< empty: no Content-Type header (the 404 answers)
  std::array<char, request_id_size> request_id{};
  std::uint32_t crc32 = 0;          ///< of `body` (V-CRC)
  bool close_connection = false;    ///< the 413: the rest of the body was not read
  std::optional<std::string> recorded_export_arn{};  ///< what V-EXP-RECORD inserted, if anything

  [[nodiscard]] std::string_view request_id_text() const noexcept { return {request_id.data(), request_id.size()}; }

  /// Calls `f(name, value)` for each V-HEADERS member, in this order:
  /// Content-Type (when there is one), Content-Length, x-amzn-RequestId, x-amz-crc32.
  template <class F>
  void for_each_header(F&& f) const {
    if (!content_type.empty()) f(std::string_view{"Content-Type"}, content_type);
    char length[24];
    f(std::string_view{"Content-Length"}, ddbexport::detail::format_unsigned(body.size(), length));
    f(std::string_view{"x-amzn-RequestId"}, request_id_text());
    char crc[24];
    f(std::string_view{"x-amz-crc32"}, ddbexport::detail::format_unsigned(crc32, crc));
  }
};

/// The outcome of handling one request.
struct handled {
  std::optional<service::answer> answer{};
  std::optional<usage_error> usage{};

  static handled answered(service::answer a) {
    handled h;
    h.answer = std::move(a);
    return h;
  }
  static handled refused(usage_error u) {
    handled h;
    h.usage = u;
    return h;
  }
  [[nodiscard]] explicit operator bool() const noexcept { return answer.has_value(); }
};

}  // namespace ddbexport::service

#endif
