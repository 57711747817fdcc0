#ifndef DDBEXPORT_DETAIL_UTF8_HPP
#define DDBEXPORT_DETAIL_UTF8_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ddbexport::detail {

/// One decoded scalar (or lone surrogate) and the bytes it took.
struct code_point {
  char32_t value;
  std::uint8_t length;
  bool well_formed;
};

/// Decodes the sequence at `s[pos]` as WTF-8: UTF-8 plus three-byte encodings of
/// surrogates, which is how ddbexport keeps JSON's unpaired `\udXXX` escapes.
/// A byte that starts no valid sequence decodes alone, as U+FFFD, flagged.
[[nodiscard]] constexpr code_point decode_wtf8(std::string_view s, std::size_t pos) noexcept {
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(s[i]); };
  const std::uint8_t b0 = byte(pos);
  const std::size_t left = s.size() - pos;
  const auto cont = [&](std::size_t i) { return i < left && (byte(pos + i) & 0xC0) == 0x80; };
  if (b0 < 0x80) return {b0, 1, true};
  if (b0 >= 0xC2 && b0 <= 0xDF && cont(1))
    return {static_cast<char32_t>(((b0 & 0x1Fu) << 6) | (byte(pos + 1) & 0x3Fu)), 2, true};
  if (b0 >= 0xE0 && b0 <= 0xEF && cont(1) && cont(2)) {
    const char32_t cp = ((b0 & 0x0Fu) << 12) | ((byte(pos + 1) & 0x3Fu) << 6) | (byte(pos + 2) & 0x3Fu);
    if (cp >= 0x800) return {cp, 3, true};
  }
  if (b0 >= 0xF0 && b0 <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    const char32_t cp = ((b0 & 0x07u) << 18) | ((byte(pos + 1) & 0x3Fu) << 12) |
                        ((byte(pos + 2) & 0x3Fu) << 6) | (byte(pos + 3) & 0x3Fu);
    if (cp >= 0x10000 && cp <= 0x10FFFF) return {cp, 4, true};
  }
  return {0xFFFD, 1, false};
}

[[nodiscard]] constexpr bool is_surrogate(char32_t cp) noexcept { return cp >= 0xD800 && cp <= 0xDFFF; }

/// Length as Smithy's length trait counts it: Unicode scalar values, with an
/// unpaired surrogate (and, defensively, any undecodable byte) counting as one.
[[nodiscard]] constexpr std::size_t code_point_count(std::string_view s) noexcept {
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < s.size(); ++count) {
    // ASCII, by far the common case, is one byte and one code point: no decoding.
    if (static_cast<std::uint8_t>(s[pos]) < 0x80)
      ++pos;
    else
      pos += decode_wtf8(s, pos).length;
  }
  return count;
}

/// True when `s` is strict UTF-8: no surrogates, no overlong or truncated forms.
[[nodiscard]] constexpr bool is_strict_utf8(std::string_view s) noexcept {
  for (std::size_t pos = 0; pos < s.size();) {
    const auto cp = decode_wtf8(s, pos);
    if (!cp.well_formed || is_surrogate(cp.value)) return false;
    pos += cp.length;
  }
  return true;
}

/// Appends the WTF-8 encoding of `cp` (surrogates included) to `out`, which
/// must have room for four bytes; returns the number of bytes written.
constexpr std::size_t encode_wtf8(char32_t cp, char* out) noexcept {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

}  // namespace ddbexport::detail

#endif
