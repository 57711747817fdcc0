#ifndef DDBEXPORT_ARTIFACTS_NUMBER_HPP
#define DDBEXPORT_ARTIFACTS_NUMBER_HPP

/// DynamoDB numbers in data lines (ARTIFACTS.md §6.4): the tolerant number
/// text, its value (sign, coefficient, exponent), DynamoDB's limits, the
/// canonical text (ION reads, key equality) and the Ion decimal form (§6.6.3).

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "ddbexport/detail/ascii.hpp"
#include "ddbexport/output.hpp"

namespace ddbexport::artifacts {

/// DGtypes: 38 significant digits, magnitudes from 1E-130 to below 1E+126.
inline constexpr std::size_t max_number_digits = 38;
inline constexpr std::int64_t min_number_magnitude = -130;
inline constexpr std::int64_t max_number_magnitude = 125;

/// c × 10^e with c's leading zeros removed and trailing zeros moved into e;
/// zero is c = "" and e = 0, never negative. Equal values compare equal
/// (`5` = `5.0` = `0.5e1`, `-0` = `0`).
struct number_value {
  bool negative = false;
  std::array<char, max_number_digits> digits{};
  std::uint8_t size = 0;
  std::int64_t exponent = 0;

  [[nodiscard]] constexpr bool zero() const noexcept { return size == 0; }
  [[nodiscard]] constexpr std::string_view coefficient() const noexcept { return {digits.data(), size}; }
  /// Power of ten of the leading digit (e + len(c) − 1).
  [[nodiscard]] constexpr std::int64_t magnitude() const noexcept { return exponent + size - 1; }
  friend constexpr bool operator==(const number_value& a, const number_value& b) noexcept {
    return a.negative == b.negative && a.exponent == b.exponent && a.coefficient() == b.coefficient();
  }
};

enum class number_problem : std::uint8_t { none, not_number_text, too_many_digits, out_of_range };

[[nodiscard]] constexpr std::string_view describe(number_problem p) noexcept {
  switch (p) {
    case number_problem::not_number_text: return "not a number";
    case number_problem::too_many_digits: return "more than 38 significant digits";
    case number_problem::out_of_range: return "magnitude outside 1E-130 to 9.9999999999999999999999999999999999999E+125";
    case number_problem::none: break;
  }
  return {};
}

/// Reads `^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$` and applies
/// DynamoDB's limits. Exponents saturate, so no text overflows anything.
[[nodiscard]] constexpr number_problem parse_number(std::string_view text, number_value& out) noexcept {
  out = number_value{};
  std::size_t pos = 0;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) out.negative = text[pos++] == '-';
  // One pass over the digits, integer and fraction alike: D is the integer
  // they spell, the value D × 10^(exponent − fraction digits). Only the run
  // from the first to the last nonzero digit is kept.
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::size_t digits = 0, fraction = 0, first = none, last = 0;
  // Leading zeros are only counted; from the first nonzero digit on each
  // digit is kept (while there is room). Integer and fraction digits are
  // read by the same loop, run once before the point and once after it.
  const auto run = [&] {
    for (; pos < text.size() && first == none; ++pos, ++digits) {
      const char ch = text[pos];
      if (!ddbexport::detail::is_digit(ch)) return;
      if (ch != '0') {
        first = last = digits;
        out.digits[0] = ch;
      }
    }
    for (; pos < text.size(); ++pos, ++digits) {
      const char ch = text[pos];
      if (!ddbexport::detail::is_digit(ch)) return;
      if (ch != '0') last = digits;
      if (digits - first < max_number_digits) out.digits[digits - first] = ch;
    }
  };
  run();
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    const std::size_t integer = digits;
    run();
    fraction = digits - integer;
  }
  if (digits == 0) return number_problem::not_number_text;
  constexpr std::int64_t cap = 1'000'000'000'000'000;
  std::int64_t exponent = 0;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    const bool negative_exponent = pos + 1 < text.size() && text[pos + 1] == '-';
    pos += pos + 1 < text.size() && (text[pos + 1] == '+' || text[pos + 1] == '-') ? 2 : 1;
    const std::size_t exponent_digits = pos;
    for (; pos < text.size() && ddbexport::detail::is_digit(text[pos]); ++pos)
      if (exponent < cap) exponent = exponent * 10 + (text[pos] - '0');
    if (pos == exponent_digits) return number_problem::not_number_text;
    if (negative_exponent) exponent = -exponent;
  }
  if (pos != text.size()) return number_problem::not_number_text;
  if (first == none) {
    out = number_value{};
    return number_problem::none;
  }
  const std::size_t significant = last - first + 1;
  out.exponent = exponent - static_cast<std::int64_t>(fraction) + static_cast<std::int64_t>(digits - 1 - last);
  if (significant > max_number_digits) return number_problem::too_many_digits;
  out.size = static_cast<std::uint8_t>(significant);
  if (out.magnitude() < min_number_magnitude || out.magnitude() > max_number_magnitude) return number_problem::out_of_range;
  return number_problem::none;
}

[[nodiscard]] constexpr std::optional<number_value> parse_number(std::string_view text) noexcept {
  number_value v;
  if (parse_number(text, v) != number_problem::none) return std::nullopt;
  return v;
}

/// Number text equality by value (§6.4); false when either is not a number.
[[nodiscard]] constexpr bool same_number(std::string_view a, std::string_view b) noexcept {
  const auto x = parse_number(a), y = parse_number(b);
  return x && y && *x == *y;
}

namespace detail {
template <text_output Out>
constexpr void write_zeros(Out& out, std::int64_t count) {
  constexpr std::string_view zeros = "0000000000000000000000000000000000000000";
  for (; count > 0; count -= static_cast<std::int64_t>(zeros.size()))
    out.write(zeros.substr(0, count < static_cast<std::int64_t>(zeros.size()) ? static_cast<std::size_t>(count) : zeros.size()));
}
}  // namespace detail

namespace detail {
/// c × 10^−s in plain digits: a point s digits from the right, or `0.`, zeros and c.
template <text_output Out>
constexpr void write_fraction(std::string_view c, std::size_t s, Out& out) {
  if (s < c.size()) {
    out.write(c.substr(0, c.size() - s));
    out.write(".");
    out.write(c.substr(c.size() - s));
    return;
  }
  out.write("0.");
  write_zeros(out, static_cast<std::int64_t>(s - c.size()));
  out.write(c);
}
}  // namespace detail

/// The canonical number: plain decimal, no exponent, no superfluous zero; `0`
/// for zero. At most 1 + 126 + 1 characters for a value within the limits.
template <text_output Out>
constexpr void write_canonical_number(const number_value& v, Out& out) {
  if (v.zero()) return out.write("0");
  if (v.negative) out.write("-");
  if (v.exponent < 0) return detail::write_fraction(v.coefficient(), static_cast<std::size_t>(-v.exponent), out);
  out.write(v.coefficient());
  detail::write_zeros(out, v.exponent);
}

/// The Ion decimal of §6.6.3 (ion-java's printDecimal for unscaled c, scale −e):
/// `c.` for e = 0, `cdE` above, a plain fraction down to 6 places past the
/// leading digit, `cd-S` below.
template <text_output Out>
constexpr void write_ion_decimal(const number_value& v, Out& out) {
  if (v.zero()) return out.write("0.");
  if (v.negative) out.write("-");
  const std::string_view c = v.coefficient();
  const std::int64_t leading = static_cast<std::int64_t>(c.size()) - 1 + v.exponent;
  if (v.exponent < 0 && leading >= -6) return detail::write_fraction(c, static_cast<std::size_t>(-v.exponent), out);
  out.write(c);
  if (v.exponent == 0) return out.write(".");
  char text[24];
  out.write(v.exponent < 0 ? "d-" : "d");
  out.write(ddbexport::detail::format_unsigned(static_cast<std::uint64_t>(v.exponent < 0 ? -v.exponent : v.exponent), text));
}

}  // namespace ddbexport::artifacts

#endif
