#ifndef DDBEXPORT_ARTIFACTS_DETAIL_ISO_TIME_HPP
#define DDBEXPORT_ARTIFACTS_DETAIL_ISO_TIME_HPP

/// ISO-ms, the summary's only time form (ARTIFACTS.md §3.4):
/// `YYYY-MM-DDTHH:MM:SS.mmmZ`, proleptic Gregorian, years 0000 to 9999.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "ddbexport/detail/ascii.hpp"
#include "ddbexport/timestamp.hpp"

namespace ddbexport::artifacts::detail {

inline constexpr std::size_t iso_ms_size = 24;
/// 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z.
inline constexpr std::int64_t min_iso_ms = -62'167'219'200'000;
inline constexpr std::int64_t max_iso_ms = 253'402'300'799'999;

/// The text, or nothing for a time outside years 0000-9999.
[[nodiscard]] constexpr std::optional<std::array<char, iso_ms_size>> format_iso_ms(std::int64_t ms) noexcept {
  if (ms < min_iso_ms || ms > max_iso_ms) return std::nullopt;
  const std::int64_t seconds = ddbexport::detail::floor_div(ms, 1000);
  const std::int64_t days = ddbexport::detail::floor_div(seconds, 86400);
  const std::int64_t second_of_day = seconds - days * 86400;
  const auto date = ddbexport::detail::civil_from_days(days);
  std::array<char, iso_ms_size> text{};
  std::size_t pos = 0;
  const auto put = [&](std::int64_t v, int width, char after) {
    for (int i = width - 1; i >= 0; --i) {
      text[pos + static_cast<std::size_t>(i)] = static_cast<char>('0' + v % 10);
      v /= 10;
    }
    pos += static_cast<std::size_t>(width);
    if (after != '\0') text[pos++] = after;
  };
  put(date.year, 4, '-');
  put(date.month, 2, '-');
  put(date.day, 2, 'T');
  put(second_of_day / 3600, 2, ':');
  put(second_of_day / 60 % 60, 2, ':');
  put(second_of_day % 60, 2, '.');
  put(ms - seconds * 1000, 3, 'Z');
  return text;
}

/// Exactly `^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$` naming an existing
/// date and a time without leap second; nothing otherwise.
[[nodiscard]] constexpr std::optional<std::int64_t> parse_iso_ms(std::string_view s) noexcept {
  if (s.size() != iso_ms_size) return std::nullopt;
  constexpr std::string_view shape = "dddd-dd-ddTdd:dd:dd.dddZ";
  for (std::size_t i = 0; i < shape.size(); ++i)
    if (shape[i] == 'd' ? !ddbexport::detail::is_digit(s[i]) : s[i] != shape[i]) return std::nullopt;
  const auto num = [&](std::size_t at, std::size_t width) {
    std::int64_t v = 0;
    for (std::size_t i = at; i < at + width; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  const std::int64_t y = num(0, 4), mo = num(5, 2), d = num(8, 2), h = num(11, 2), mi = num(14, 2), sec = num(17, 2);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return std::nullopt;
  constexpr std::int64_t month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > month_days[mo - 1] || (mo == 2 && d == 29 && !leap)) return std::nullopt;
  const std::int64_t days = ddbexport::detail::days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  return ((days * 86400 + h * 3600 + mi * 60 + sec) * 1000) + num(20, 3);
}

}  // namespace ddbexport::artifacts::detail

#endif
