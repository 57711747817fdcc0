#ifndef DDBEXPORT_SERVICE_NEXT_TOKEN_HPP
#define DDBEXPORT_SERVICE_NEXT_TOKEN_HPP

/// ListExports' NextToken (SERVICE.md §6.1, chosen): the lowercase hex of the
/// UTF-8 bytes of the page's last ExportArn after `:table/`. Stateless: a
/// token never expires and needs no storage, and inside one account and
/// region it orders exactly as the full ARN does.

#include <optional>
#include <string>
#include <string_view>

#include "ddbexport/detail/utf8.hpp"
#include "ddbexport/output.hpp"
#include "ddbexport/service/store.hpp"

namespace ddbexport::service {

/// The token that continues a listing after `last_export_arn`.
template <text_output Out>
constexpr void write_next_token(std::string_view last_export_arn, Out& out) {
  constexpr std::string_view hex = "0123456789abcdef";
  for (const char c : table_resource(last_export_arn)) {
    const auto b = static_cast<unsigned char>(c);
    const char pair[2] = {hex[b >> 4], hex[b & 0xF]};
    out.write(std::string_view{pair, 2});
  }
}

/// A decoded token: `<name>/export/<id>`, the position the next page starts after.
struct next_token_position {
  std::string resource;  ///< the decoded text
  [[nodiscard]] std::string_view table_name() const noexcept {
    return std::string_view{resource}.substr(0, resource.find('/'));
  }
};

/// V-LIST-TOKEN's test: non-empty, even length, only `[0-9a-f]`, decoding to
/// UTF-8 of the form `<name>/export/<id>` with name and id non-empty and no
/// further `/`. Anything else (`""` too) is no position.
[[nodiscard]] inline std::optional<next_token_position> decode_next_token(std::string_view token) {
  if (token.empty() || token.size() % 2 != 0) return std::nullopt;
  const auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  next_token_position position;
  position.resource.reserve(token.size() / 2);
  for (std::size_t i = 0; i < token.size(); i += 2) {
    const int hi = nibble(token[i]);
    const int lo = nibble(token[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    position.resource.push_back(static_cast<char>(hi << 4 | lo));
  }
  const std::string_view text = position.resource;
  if (!ddbexport::detail::is_strict_utf8(text)) return std::nullopt;
  constexpr std::string_view marker = "/export/";
  const auto at = text.find(marker);
  if (at == std::string_view::npos || at == 0) return std::nullopt;
  const std::string_view name = text.substr(0, at);
  const std::string_view id = text.substr(at + marker.size());
  if (id.empty() || name.find('/') != std::string_view::npos || id.find('/') != std::string_view::npos)
    return std::nullopt;
  return position;
}

}  // namespace ddbexport::service

#endif
