#ifndef DDBEXPORT_JSON_DETAIL_PLAIN_TEXT_HPP
#define DDBEXPORT_JSON_DETAIL_PLAIN_TEXT_HPP

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ddbexport::detail {

/// Whether a byte can stand in a JSON string as it is, both ways: printable
/// ASCII but the quote and the backslash.
[[nodiscard]] constexpr bool is_plain_json_byte(unsigned char c) noexcept {
  return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

#if defined(__SSE2__)
/// The lanes of `v` that are not plain bytes, one bit each (bit k for byte k).
[[nodiscard]] inline unsigned special_lanes(__m128i v) noexcept {
  // As signed bytes, exactly 0x20..0x7F compare greater than 0x1F: control
  // characters and every byte of a non-ASCII sequence (negative) do not.
  const __m128i plain_range = _mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F));
  const __m128i escaped = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
  return (~static_cast<unsigned>(_mm_movemask_epi8(plain_range)) & 0xFFFFu) |
         static_cast<unsigned>(_mm_movemask_epi8(escaped));
}
#endif

/// The first byte at or after `i` that is not plain (a quote, a backslash, a
/// control character, or the start of a non-ASCII sequence), or s.size().
/// The reader's string scan and the writer's escaping both skip plain text
/// with it, sixteen bytes at a time with SSE2, eight otherwise.
[[nodiscard]] constexpr std::size_t find_special_byte(std::string_view s, std::size_t i) noexcept {
#if defined(__SSE2__)
  // Sixteen bytes at a time where the target has SSE2 (every x86-64); the
  // word loop below stays the path of constant evaluation and other targets.
  if (!std::is_constant_evaluated()) {
    for (; i + 16 <= s.size(); i += 16) {
      const auto special = special_lanes(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i)));
      if (special != 0) return i + static_cast<std::size_t>(std::countr_zero(special));
    }
  }
#endif
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  constexpr std::uint64_t highs = 0x8080808080808080ull;
  const auto zero_bytes = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
  for (; i + 8 <= s.size(); i += 8) {
    // Byte k of the text is byte k (from the low end) of the word, on any target.
    std::uint64_t w = 0;
    if (std::is_constant_evaluated() || std::endian::native != std::endian::little) {
      for (std::size_t k = 0; k < 8; ++k)
        w |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[i + k])) << (8 * k);
    } else {
      std::memcpy(&w, s.data() + i, 8);
    }
    // The zero-byte trick can flag bytes after a real hit, never before it,
    // so the lowest flag is exact.
    const std::uint64_t special = zero_bytes(w ^ (ones * '"')) | zero_bytes(w ^ (ones * '\\')) |
                                  ((w - ones * 0x20) & ~w & highs) | (w & highs);
    if (special != 0) return i + static_cast<std::size_t>(std::countr_zero(special)) / 8;
  }
  while (i < s.size() && is_plain_json_byte(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

}  // namespace ddbexport::detail

#endif
