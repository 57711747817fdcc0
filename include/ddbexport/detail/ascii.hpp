#ifndef DDBEXPORT_DETAIL_ASCII_HPP
#define DDBEXPORT_DETAIL_ASCII_HPP

#include <cstdint>
#include <string_view>

namespace ddbexport::detail {

[[nodiscard]] constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
[[nodiscard]] constexpr bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
[[nodiscard]] constexpr bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
[[nodiscard]] constexpr bool is_alnum(char c) noexcept { return is_digit(c) || is_lower(c) || is_upper(c); }
/// ECMAScript `\w` without the unicode flag.
[[nodiscard]] constexpr bool is_word(char c) noexcept { return is_alnum(c) || c == '_'; }
[[nodiscard]] constexpr bool is_lower_hex(char c) noexcept { return is_digit(c) || (c >= 'a' && c <= 'f'); }

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

// Byte loops rather than string_view's ==: the texts compared here are short,
// usually a literal, and after inlining the loop unrolls into a few compares
// where == would call memcmp.

/// `a == b`.
[[nodiscard]] constexpr bool equal(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < b.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}
[[nodiscard]] constexpr bool starts_with(std::string_view s, std::string_view p) noexcept {
  if (s.size() < p.size()) return false;
  for (std::size_t i = 0; i < p.size(); ++i)
    if (s[i] != p[i]) return false;
  return true;
}
[[nodiscard]] constexpr bool ends_with(std::string_view s, std::string_view p) noexcept {
  if (s.size() < p.size()) return false;
  const std::size_t at = s.size() - p.size();
  for (std::size_t i = 0; i < p.size(); ++i)
    if (s[at + i] != p[i]) return false;
  return true;
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
