#ifndef DDBEXPORT_SERVICE_DETAIL_ANSWER_FRAME_HPP
#define DDBEXPORT_SERVICE_DETAIL_ANSWER_FRAME_HPP

/// What every answer to one request shares (V-HEADERS): its request id, drawn
/// first (V-REQID), and its Content-Type, chosen from the request's media type.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "ddbexport/detail/crc32.hpp"
#include "ddbexport/output.hpp"
#include "ddbexport/service/error_body.hpp"
#include "ddbexport/service/http.hpp"
#include "ddbexport/service/random.hpp"
#include "ddbexport/service_error.hpp"

namespace ddbexport::service::detail {

inline constexpr std::string_view amz_json_media_type = "application/x-amz-json-1.0";
inline constexpr std::string_view json_media_type = "application/json";

/// V-CTYPE: the text before the first `;`, without the spaces and tabs around it.
[[nodiscard]] constexpr std::string_view media_type(std::string_view content_type) noexcept {
  std::string_view m = content_type.substr(0, content_type.find(';'));
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  while (!m.empty() && blank(m.front())) m.remove_prefix(1);
  while (!m.empty() && blank(m.back())) m.remove_suffix(1);
  return m;
}

/// V-REQID: character i is base32hex[b_i & 0x1F].
[[nodiscard]] constexpr std::array<char, request_id_size> request_id_from(
    const std::array<std::uint8_t, request_id_size>& bytes) noexcept {
  constexpr std::string_view alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
  std::array<char, request_id_size> id{};
  for (std::size_t i = 0; i < id.size(); ++i) id[i] = alphabet[bytes[i] & 0x1F];
  return id;
}

class answer_frame {
 public:
  constexpr answer_frame(std::array<char, request_id_size> request_id, std::string_view content_type) noexcept
      : request_id_(request_id), content_type_(content_type) {}

  /// V-HEADERS' rule: x-amz-json-1.0 answers x-amz-json-1.0, anything else application/json.
  template <random_source Random>
  static answer_frame start(const http_request& request, Random& random) {
    const auto bytes = draw<request_id_size>(random);
    const auto type = request.header("Content-Type");
    const bool amz = type && media_type(*type) == amz_json_media_type;
    return answer_frame{request_id_from(bytes), amz ? amz_json_media_type : json_media_type};
  }

  [[nodiscard]] answer make(int status, std::string body) const {
    answer a;
    a.status = status;
    a.crc32 = ddbexport::detail::crc32(body);
    a.body = std::move(body);
    a.content_type = content_type_;
    a.request_id = request_id_;
    return a;
  }
  [[nodiscard]] answer error(std::string_view type, int status, std::optional<std::string_view> message) const {
    std::string body;
    container_output<std::string> out{body};
    write_error_body(type, message, out);
    return make(status, std::move(body));
  }
  [[nodiscard]] answer error(error_kind kind, std::optional<std::string_view> message) const {
    return error(info(kind).type, info(kind).http_status, message);
  }
  [[nodiscard]] std::string_view content_type() const noexcept { return content_type_; }

 private:
  std::array<char, request_id_size> request_id_;
  std::string_view content_type_;
};

}  // namespace ddbexport::service::detail

#endif
