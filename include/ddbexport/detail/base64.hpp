#ifndef DDBEXPORT_DETAIL_BASE64_HPP
#define DDBEXPORT_DETAIL_BASE64_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "ddbexport/output.hpp"

namespace ddbexport::detail {

inline constexpr char base64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

[[nodiscard]] constexpr std::size_t base64_encoded_size(std::size_t bytes) noexcept { return (bytes + 2) / 3 * 4; }

/// RFC 4648 standard alphabet with `=` padding and no line breaks: the only
/// form the SDK writes (WIRE.md §3). Output goes out in blocks so a slow
/// `write` is called once per 64 characters, not per character.
template <text_output Out>
constexpr void write_base64(Out& out, std::string_view bytes) {
  char block[64];
  std::size_t used = 0;
  const auto byte = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])); };
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t v = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
    block[used++] = base64_alphabet[(v >> 18) & 0x3F];
    block[used++] = base64_alphabet[(v >> 12) & 0x3F];
    block[used++] = base64_alphabet[(v >> 6) & 0x3F];
    block[used++] = base64_alphabet[v & 0x3F];
    if (used == sizeof block) {
      out.write(std::string_view{block, used});
      used = 0;
    }
  }
  const std::size_t rest = bytes.size() - i;
  if (rest != 0) {
    const std::uint32_t v = (byte(i) << 16) | (rest == 2 ? byte(i + 1) << 8 : 0u);
    block[used++] = base64_alphabet[(v >> 18) & 0x3F];
    block[used++] = base64_alphabet[(v >> 12) & 0x3F];
    block[used++] = rest == 2 ? base64_alphabet[(v >> 6) & 0x3F] : '=';
    block[used++] = '=';
  }
  if (used != 0) out.write(std::string_view{block, used});
}

[[nodiscard]] constexpr int base64_digit(char c) noexcept {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

/// The decoded length of padded standard base64, or nullopt when the text is
/// not that: a length that is no multiple of 4, `=` anywhere but the last one
/// or two places, or a character outside the alphabet (URL-safe `-`/`_`
/// included). Unused low bits of the last digit are ignored, as the SDK does:
/// "AAF=" decodes like "AAE=".
[[nodiscard]] constexpr std::optional<std::size_t> base64_decoded_size(std::string_view text) noexcept {
  if (text.size() % 4 != 0) return std::nullopt;
  std::size_t padding = 0;
  if (!text.empty() && text.back() == '=') padding = text[text.size() - 2] == '=' ? 2 : 1;
  const std::size_t digits = text.size() - padding;
  for (std::size_t i = 0; i < digits; ++i)
    if (base64_digit(text[i]) < 0) return std::nullopt;
  return text.size() / 4 * 3 - padding;
}

/// Decodes text already accepted by base64_decoded_size into `out`. Writing
/// never overtakes reading, so `out` may be `text.data()` (in-place decoding).
constexpr void decode_base64(std::string_view text, char* out) noexcept {
  std::size_t o = 0;
  for (std::size_t i = 0; i < text.size(); i += 4) {
    std::uint32_t v = 0;
    int digits = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const int d = base64_digit(text[i + k]);
      if (d < 0) break;
      v |= static_cast<std::uint32_t>(d) << (18 - 6 * k);
      ++digits;
    }
    out[o++] = static_cast<char>((v >> 16) & 0xFF);
    if (digits > 2) out[o++] = static_cast<char>((v >> 8) & 0xFF);
    if (digits > 3) out[o++] = static_cast<char>(v & 0xFF);
  }
}

}  // namespace ddbexport::detail

#endif
