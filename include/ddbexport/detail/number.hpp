#ifndef DDBEXPORT_DETAIL_NUMBER_HPP
#define DDBEXPORT_DETAIL_NUMBER_HPP

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <system_error>

#include "ddbexport/detail/ascii.hpp"
#include "ddbexport/timestamp.hpp"

namespace ddbexport::detail {

/// Room for any int64 in decimal, sign included.
struct integer_text_buffer {
  char data[24];
};

/// Plain decimal, `-` only for negatives: the JSON the SDK writes for longs.
[[nodiscard]] constexpr std::string_view format_integer(std::int64_t value, integer_text_buffer& buf) noexcept {
  return format_signed(value, buf.data);
}

/// The largest integer a binary64 holds exactly; the SDK keeps longs as doubles,
/// so anything beyond it would be silently altered (WIRE.md §5.4).
inline constexpr std::int64_t max_safe_integer = 9'007'199'254'740'991;

/// A JSON integer literal (already lexed: `-?(0|[1-9][0-9]*)`) within
/// ±max_magnitude, or nullopt. `-0` reads as 0.
[[nodiscard]] constexpr std::optional<std::int64_t> parse_json_integer(std::string_view text,
                                                                       std::int64_t max_magnitude) noexcept {
  std::size_t pos = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) ++pos;
  if (pos == text.size()) return std::nullopt;
  std::int64_t value = 0;
  for (; pos < text.size(); ++pos) {
    if (!is_digit(text[pos])) return std::nullopt;
    // Checked before multiplying, so nothing overflows for any length of input.
    if (value > (max_magnitude - (text[pos] - '0')) / 10) return std::nullopt;
    value = value * 10 + (text[pos] - '0');
  }
  return negative ? -value : value;
}

/// The decimal layout of a lexed JSON number: where its last nonzero digit
/// and its first nonzero digit sit, as powers of ten once the exponent is
/// applied. The exponent saturates, so `1e99999999999999999999` is merely huge.
struct decimal_layout {
  bool zero = true;                 ///< every digit is 0
  std::int64_t leading_power = 0;   ///< power of ten of the first nonzero digit
  std::int64_t trailing_power = 0;  ///< power of ten of the last nonzero digit
};

[[nodiscard]] constexpr decimal_layout layout_of(std::string_view text) noexcept {
  constexpr std::int64_t exponent_cap = 1'000'000'000'000;
  decimal_layout layout;
  std::size_t pos = text.size() != 0 && text[0] == '-' ? 1 : 0;
  const std::size_t int_begin = pos;
  while (pos < text.size() && is_digit(text[pos])) ++pos;
  const std::size_t int_end = pos;
  std::size_t frac_begin = pos, frac_end = pos;
  if (pos < text.size() && text[pos] == '.') {
    frac_begin = ++pos;
    while (pos < text.size() && is_digit(text[pos])) ++pos;
    frac_end = pos;
  }
  std::int64_t exponent = 0;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    const bool negative = pos < text.size() && text[pos] == '-';
    if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) ++pos;
    for (; pos < text.size() && is_digit(text[pos]); ++pos)
      if (exponent < exponent_cap) exponent = exponent * 10 + (text[pos] - '0');
    if (negative) exponent = -exponent;
  }
  const auto note_digit = [&](std::size_t i, std::int64_t power) {
    if (text[i] == '0') return;
    if (layout.zero) layout.leading_power = power + exponent;
    layout.zero = false;
    layout.trailing_power = power + exponent;
  };
  for (std::size_t i = int_begin; i < int_end; ++i) note_digit(i, static_cast<std::int64_t>(int_end - 1 - i));
  for (std::size_t i = frac_begin; i < frac_end; ++i) note_digit(i, -static_cast<std::int64_t>(i - frac_begin + 1));
  return layout;
}

/// R-ET-GRAN: a nonzero digit below the millisecond place (`1.0005`, `1e-4`),
/// which the conversion to milliseconds rounds away.
[[nodiscard]] constexpr bool has_sub_millisecond_digits(std::string_view json_number) noexcept {
  const auto layout = layout_of(json_number);
  return !layout.zero && layout.trailing_power < -3;
}

/// A JSON number correctly rounded to the nearest binary64, as strtod and
/// std::from_chars do: beyond the largest double it is infinite, below the
/// smallest a zero; NaN when the text is no number at all.
[[nodiscard]] inline double nearest_double(std::string_view json_number) noexcept {
  double x = 0;
  const char* const end = json_number.data() + json_number.size();
  const auto [stop, ec] = std::from_chars(json_number.data(), end, x);
  if (ec == std::errc::result_out_of_range) {
    // from_chars leaves x alone on a range error: say which end was passed.
    const auto layout = layout_of(json_number);
    const double magnitude = !layout.zero && layout.leading_power >= 0 ? HUGE_VAL : 0.0;
    return !json_number.empty() && json_number[0] == '-' ? -magnitude : magnitude;
  }
  return ec == std::errc{} && stop == end ? x : std::numeric_limits<double>::quiet_NaN();
}

/// WIRE.md §5.3: epoch seconds as any JSON number to whole milliseconds, the
/// way the SDK's `Math.round(x * 1000)` does it; nullopt when the result is
/// outside ECMAScript's Date range or the number is infinite (W-TIME).
[[nodiscard]] inline std::optional<std::int64_t> epoch_ms_from_json_number(std::string_view json_number) noexcept {
  // Plain decimals with up to three fraction digits are their exact decimal
  // value while |t| < 2^51 ms: there the two roundings (text to double, then
  // x * 1000) stay within 0.37 ms of it. Beyond, the SDK's doubles can land
  // one millisecond off (4479890288992.529 reads as ...530), so those go the
  // long way like everything else.
  constexpr std::int64_t exact_limit_ms = std::int64_t{1} << 51;
  if (const auto exact = parse_epoch_seconds(json_number)) {
    const std::int64_t ms = to_epoch_ms(*exact);
    if (ms < exact_limit_ms && ms > -exact_limit_ms) return ms;
  }
  const double p = nearest_double(json_number) * 1000.0;
  if (!std::isfinite(p) || std::fabs(p) > static_cast<double>(max_epoch_ms) + 1.0) return std::nullopt;
  // Ties toward +infinity, computed without the `floor(p + 0.5)` error above 2^52.
  const double f = std::floor(p);
  const double t = p - f >= 0.5 ? f + 1.0 : f;
  const auto ms = static_cast<std::int64_t>(t);  // in range, so exact; -0.0 becomes 0
  if (!in_wire_range(ms)) return std::nullopt;
  return ms;
}

/// A JSON number with a fraction or an exponent as Coral reads an Integer
/// (SERVICE.md §6, after dynalite's Math.floor): rounded to the nearest
/// binary64, then floored. nullopt when that is infinite or beyond int64.
[[nodiscard]] inline std::optional<std::int64_t> floor_json_number(std::string_view json_number) noexcept {
  const double f = std::floor(nearest_double(json_number));
  // 2^63 is exact in binary64; anything at or beyond it does not fit.
  if (!std::isfinite(f) || f >= 9223372036854775808.0 || f < -9223372036854775808.0) return std::nullopt;
  return static_cast<std::int64_t>(f);  // -0.0 becomes 0
}

}  // namespace ddbexport::detail

#endif
