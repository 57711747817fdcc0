#ifndef DDBEXPORT_DETAIL_ASCII_HPP
#define DDBEXPORT_DETAIL_ASCII_HPP

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Forces inlining of the comparison helpers: compared with a literal, their
// size is a constant and they fold to a load and a compare or two; left out
// of line (as g++ 12 chose) every call paid for the general case.
// Only when optimizing: unoptimized, forcing gains nothing, and a coverage
// build would count every inlined copy's branches on its own.
#if (defined(__GNUC__) || defined(__clang__)) && defined(__OPTIMIZE__)
#define DDBEXPORT_ASCII_INLINE [[gnu::always_inline]] inline
#else
#define DDBEXPORT_ASCII_INLINE inline
#endif

namespace ddbexport::detail {

[[nodiscard]] constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
[[nodiscard]] constexpr bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
[[nodiscard]] constexpr bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
[[nodiscard]] constexpr bool is_lower_hex(char c) noexcept { return is_digit(c) || (c >= 'a' && c <= 'f'); }

/// One class bit per byte value, for the pattern matchers: a table lookup and
/// a mask test per byte, where the is_* chains cost up to six compares and as
/// many branches. Every byte has exactly one bit, so OR-ing the classes of a
/// text gives the set of classes it holds in one pass.
namespace char_class {
inline constexpr std::uint8_t lower = 1;
inline constexpr std::uint8_t upper = 2;
inline constexpr std::uint8_t digit = 4;
inline constexpr std::uint8_t underscore = 8;
inline constexpr std::uint8_t dot = 16;
inline constexpr std::uint8_t dash = 32;
inline constexpr std::uint8_t colon_or_slash = 64;
inline constexpr std::uint8_t other = 128;  ///< everything else, non-ASCII bytes included
inline constexpr std::uint8_t alnum = lower | upper | digit;
inline constexpr std::uint8_t word = alnum | underscore;
}  // namespace char_class

struct char_class_table {
  std::uint8_t bits[256];
};

inline constexpr char_class_table char_classes = [] {
  char_class_table t{};
  for (int i = 0; i < 256; ++i) {
    const char c = static_cast<char>(static_cast<unsigned char>(i));
    t.bits[i] = is_lower(c)               ? char_class::lower
                : is_upper(c)             ? char_class::upper
                : is_digit(c)             ? char_class::digit
                : c == '_'                ? char_class::underscore
                : c == '.'                ? char_class::dot
                : c == '-'                ? char_class::dash
                : c == ':' || c == '/'    ? char_class::colon_or_slash
                                          : char_class::other;
  }
  return t;
}();

[[nodiscard]] constexpr std::uint8_t class_of(char c) noexcept {
  return char_classes.bits[static_cast<unsigned char>(c)];
}

#if defined(__SSE2__)
/// The lanes of `v` whose byte is in a class of `Allowed`, as 0xFF. Signed
/// compares: bytes of 0x80 and above are negative and in no ASCII range.
template <std::uint8_t Allowed>
inline __m128i allowed_lanes(__m128i v) noexcept {
  namespace cc = char_class;
  const auto range = [](__m128i x, char lo, char hi) {
    return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 1))),
                         _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(hi + 1))));
  };
  const auto eq = [](__m128i x, char c) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(c)); };
  __m128i ok = _mm_setzero_si128();
  // Setting bit 0x20 folds exactly A-Z onto a-z: no other byte lands in a-z.
  if constexpr ((Allowed & (cc::lower | cc::upper)) == (cc::lower | cc::upper))
    ok = range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');
  else if constexpr ((Allowed & cc::lower) != 0)
    ok = range(v, 'a', 'z');
  else if constexpr ((Allowed & cc::upper) != 0)
    ok = range(v, 'A', 'Z');
  if constexpr ((Allowed & cc::digit) != 0) ok = _mm_or_si128(ok, range(v, '0', '9'));
  if constexpr ((Allowed & cc::underscore) != 0) ok = _mm_or_si128(ok, eq(v, '_'));
  if constexpr ((Allowed & cc::dot) != 0) ok = _mm_or_si128(ok, eq(v, '.'));
  if constexpr ((Allowed & cc::dash) != 0) ok = _mm_or_si128(ok, eq(v, '-'));
  if constexpr ((Allowed & cc::colon_or_slash) != 0) ok = _mm_or_si128(ok, _mm_or_si128(eq(v, ':'), eq(v, '/')));
  return ok;
}

/// all_in for 16 bytes or more: whole blocks, then one last block ending at
/// the end (overlapping the previous one, which a membership test allows).
template <std::uint8_t Allowed>
inline bool all_in_sse2(std::string_view s) noexcept {
  const auto block_ok = [](const char* p) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    return _mm_movemask_epi8(allowed_lanes<Allowed>(v)) == 0xFFFF;
  };
  std::size_t i = 0;
  for (; i + 16 <= s.size(); i += 16)
    if (!block_ok(s.data() + i)) return false;
  return i == s.size() || block_ok(s.data() + s.size() - 16);
}
#endif

/// Whether every byte of `s` is in one of the classes of `Allowed`.
template <std::uint8_t Allowed>
[[nodiscard]] constexpr bool all_in(std::string_view s) noexcept {
#if defined(__SSE2__)
  if constexpr ((Allowed & char_class::other) == 0)
    if (!std::is_constant_evaluated() && s.size() >= 16) return all_in_sse2<Allowed>(s);
#endif
  for (char c : s)
    if ((class_of(c) & Allowed) == 0) return false;
  return true;
}

/// Whether `s` holds the byte `c` (`Pair`: two `c` in a row). For short
/// texts a byte loop beats a memchr call; from 16 bytes, SSE2 blocks that
/// overlap by one byte, so every adjacent pair lies inside some block.
template <bool Pair>
[[nodiscard]] constexpr bool contains_run(std::string_view s, char c) noexcept {
#if defined(__SSE2__)
  if (!std::is_constant_evaluated() && s.size() >= 16) {
    const __m128i needle = _mm_set1_epi8(c);
    const auto hit = [&](const char* p) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const auto m = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, needle)));
      return (Pair ? m & (m >> 1) : m) != 0;
    };
    std::size_t i = 0;
    for (; i + 16 <= s.size(); i += 15)
      if (hit(s.data() + i)) return true;
    return hit(s.data() + s.size() - 16);
  }
#endif
  for (std::size_t i = Pair ? 1 : 0; i < s.size(); ++i)
    if (s[i] == c && (!Pair || s[i - 1] == c)) return true;
  return false;
}


/// The predicate is a template argument, not a function pointer: through a
/// pointer g++ 12 -O2 left it out of line, one call per character.
template <auto Pred>
[[nodiscard]] constexpr bool all_of(std::string_view s) noexcept {
  for (char c : s)
    if (!Pred(c)) return false;
  return true;
}

[[nodiscard]] constexpr bool all_digits(std::string_view s, std::size_t count) noexcept {
  return s.size() == count && all_of<is_digit>(s);
}

// Not string_view's ==: the texts compared here are short, usually a literal
// or an enum name, and == calls memcmp. At run time the bytes are compared
// as at most a few overlapping words (a byte loop mispredicted its exit on
// every enum name tried); constant evaluation keeps the byte loop.
[[nodiscard]] DDBEXPORT_ASCII_INLINE bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
  const auto word = [](const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
  };
  const auto half = [](const char* p) {
    std::uint32_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
  };
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8)
      if (word(a + i) != word(b + i)) return false;
    return word(a + n - 8) == word(b + n - 8);
  }
  if (n >= 4) return half(a) == half(b) && half(a + n - 4) == half(b + n - 4);
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

[[nodiscard]] DDBEXPORT_ASCII_INLINE constexpr bool same_prefix(std::string_view s, std::string_view p) noexcept {
  if (!std::is_constant_evaluated()) return same_bytes(s.data(), p.data(), p.size());
  for (std::size_t i = 0; i < p.size(); ++i)
    if (s[i] != p[i]) return false;
  return true;
}

/// `a == b`.
[[nodiscard]] DDBEXPORT_ASCII_INLINE constexpr bool equal(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && same_prefix(a, b);
}
[[nodiscard]] DDBEXPORT_ASCII_INLINE constexpr bool starts_with(std::string_view s, std::string_view p) noexcept {
  return s.size() >= p.size() && same_prefix(s, p);
}
[[nodiscard]] DDBEXPORT_ASCII_INLINE constexpr bool ends_with(std::string_view s, std::string_view p) noexcept {
  return s.size() >= p.size() && same_prefix(std::string_view{s.data() + (s.size() - p.size()), p.size()}, p);
}

// Unchecked substr: the bounds check and its throw kept std::string_view::substr
// out of line in the matchers. Callers guarantee pos (+ n) <= size.
[[nodiscard]] constexpr std::string_view slice(std::string_view s, std::size_t pos, std::size_t n) noexcept {
  return {s.data() + pos, n};
}
[[nodiscard]] constexpr std::string_view drop(std::string_view s, std::size_t pos) noexcept {
  return {s.data() + pos, s.size() - pos};
}

/// Writes `value` in decimal so that its last digit sits just before `end`;
/// returns where the first digit went. Room for 20 digits is enough.
constexpr char* write_digits_before(std::uint64_t value, char* end) noexcept {
  do {
    *--end = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  return end;
}

/// The magnitude of `value`, without overflow for INT64_MIN.
[[nodiscard]] constexpr std::uint64_t magnitude_of(std::int64_t value) noexcept {
  return value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
}

/// Writes `value` in decimal to the end of `buf` and returns the digits.
/// Callers keep the buffer alive while using the view.
template <std::size_t N>
constexpr std::string_view format_unsigned(std::uint64_t value, char (&buf)[N]) noexcept {
  static_assert(N >= 20);
  const char* first = write_digits_before(value, buf + N);
  return {first, static_cast<std::size_t>(buf + N - first)};
}

/// Plain decimal, `-` only for negatives (never `-0`).
template <std::size_t N>
constexpr std::string_view format_signed(std::int64_t value, char (&buf)[N]) noexcept {
  static_assert(N >= 21);
  char* first = write_digits_before(magnitude_of(value), buf + N);
  if (value < 0) *--first = '-';
  return {first, static_cast<std::size_t>(buf + N - first)};
}

}  // namespace ddbexport::detail

#endif
