#ifndef DDBEXPORT_TIMESTAMP_HPP
#define DDBEXPORT_TIMESTAMP_HPP

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "ddbexport/detail/ascii.hpp"

namespace ddbexport {

/// Every time in the operation: whole milliseconds since the Unix epoch, UTC.
using timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

/// ECMAScript Date's range, which bounds what the SDK can put on the wire.
inline constexpr std::int64_t max_epoch_ms = 8'640'000'000'000'000;

[[nodiscard]] constexpr std::int64_t to_epoch_ms(timestamp t) noexcept { return t.time_since_epoch().count(); }
[[nodiscard]] constexpr timestamp from_epoch_ms(std::int64_t ms) noexcept {
  return timestamp{std::chrono::milliseconds{ms}};
}
[[nodiscard]] constexpr timestamp from_epoch_seconds(std::int64_t s) noexcept { return from_epoch_ms(s * 1000); }
[[nodiscard]] constexpr bool in_wire_range(std::int64_t ms) noexcept { return ms >= -max_epoch_ms && ms <= max_epoch_ms; }

/// Room for any epoch-seconds or ISO-8601 text this header formats.
struct time_text_buffer {
  char data[40];
};

/// Epoch seconds exactly as ECMAScript's `String(ms / 1000)` prints them for a
/// whole-millisecond value: no exponent, no trailing zeros, never `-0`.
[[nodiscard]] constexpr std::string_view format_epoch_seconds(timestamp t, time_text_buffer& buf) noexcept {
  const std::int64_t ms = to_epoch_ms(t);
  const std::uint64_t magnitude = detail::magnitude_of(ms);
  std::uint64_t frac = magnitude % 1000;
  char* const end = buf.data + sizeof buf.data;
  char* first = end;
  if (frac != 0) {
    // Three digits with the trailing zeros dropped: the digits of frac without them.
    std::size_t digits = 3;
    for (; frac % 10 == 0; frac /= 10) --digits;
    first = detail::write_digits_before(frac, end);
    while (end - first < static_cast<std::ptrdiff_t>(digits)) *--first = '0';
    *--first = '.';
  }
  first = detail::write_digits_before(magnitude / 1000, first);
  if (ms < 0) *--first = '-';
  return {first, static_cast<std::size_t>(end - first)};
}

/// Parses plain decimal epoch seconds with at most three fraction digits
/// (`-12`, `1.5`, `1700000000.123`), the form the writer emits, to its exact
/// millisecond value. The SDK's rounding (WIRE.md §5.3) agrees only while
/// |t| < 2^51 ms (about year 73000): beyond, `Math.round(x * 1000)` on doubles
/// can land one millisecond off (`4479890288992.529` reads as ...530). The JSON
/// reader (detail::epoch_ms_from_json_number) follows the SDK everywhere.
[[nodiscard]] constexpr std::optional<timestamp> parse_epoch_seconds(std::string_view text) noexcept {
  std::size_t pos = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) ++pos;
  const std::size_t int_start = pos;
  std::int64_t whole = 0;
  while (pos < text.size() && detail::is_digit(text[pos])) {
    if (whole > max_epoch_ms / 1000) return std::nullopt;
    whole = whole * 10 + (text[pos++] - '0');
  }
  const std::size_t int_digits = pos - int_start;
  if (int_digits == 0 || (int_digits > 1 && text[int_start] == '0')) return std::nullopt;
  std::int64_t frac = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    int n = 0;
    while (pos < text.size() && detail::is_digit(text[pos]) && n < 3) {
      frac = frac * 10 + (text[pos++] - '0');
      ++n;
    }
    if (n == 0) return std::nullopt;
    for (; n < 3; ++n) frac *= 10;
  }
  if (pos != text.size()) return std::nullopt;
  const std::int64_t ms = whole * 1000 + frac;
  if (!in_wire_range(ms)) return std::nullopt;
  return from_epoch_ms(negative ? -ms : ms);
}

namespace detail {
/// Days since 1970-01-01 to a proleptic Gregorian date, over the whole int64
/// range we use (std::chrono::year stops at ±32767, Dates reach ±275760).
struct civil_date {
  std::int64_t year;
  unsigned month;
  unsigned day;
};
[[nodiscard]] constexpr civil_date civil_from_days(std::int64_t days) noexcept {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<std::uint64_t>(days - era * 146097);
  const std::uint64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::uint64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::uint64_t mp = (5 * doy + 2) / 153;
  const auto day = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  const auto month = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  const std::int64_t year = static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
  return {year, month, day};
}
[[nodiscard]] constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<std::uint64_t>(y - era * 400);
  const std::uint64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const std::uint64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}
}  // namespace detail

/// `YYYY-MM-DDTHH:MM:SSZ`, fraction dropped (floor), as the service prints
/// `<ts>` in its messages. Years outside 0..9999 use ISO 8601's expanded form
/// (`+275760`, `-271821`), as ECMAScript's toISOString does; the service's
/// own spelling for them is unknown.
[[nodiscard]] constexpr std::string_view format_iso8601(timestamp t, time_text_buffer& buf) noexcept {
  const std::int64_t seconds = detail::floor_div(to_epoch_ms(t), 1000);
  const std::int64_t days = detail::floor_div(seconds, 86400);
  const std::int64_t sod = seconds - days * 86400;
  const auto date = detail::civil_from_days(days);
  std::size_t pos = 0;
  const auto put_digits = [&](std::uint64_t v, int width) {
    for (int i = width - 1; i >= 0; --i) {
      buf.data[pos + static_cast<std::size_t>(i)] = static_cast<char>('0' + v % 10);
      v /= 10;
    }
    pos += static_cast<std::size_t>(width);
  };
  if (date.year < 0 || date.year > 9999) {
    buf.data[pos++] = date.year < 0 ? '-' : '+';
    put_digits(static_cast<std::uint64_t>(date.year < 0 ? -date.year : date.year), 6);
  } else {
    put_digits(static_cast<std::uint64_t>(date.year), 4);
  }
  buf.data[pos++] = '-';
  put_digits(date.month, 2);
  buf.data[pos++] = '-';
  put_digits(date.day, 2);
  buf.data[pos++] = 'T';
  put_digits(static_cast<std::uint64_t>(sod / 3600), 2);
  buf.data[pos++] = ':';
  put_digits(static_cast<std::uint64_t>(sod / 60 % 60), 2);
  buf.data[pos++] = ':';
  put_digits(static_cast<std::uint64_t>(sod % 60), 2);
  buf.data[pos++] = 'Z';
  return {buf.data, pos};
}

/// RFC 3339 date-time (`2026-10-08T22:51:50Z`, `...50.123+02:00`, `t`/`z`
/// accepted); fractions beyond milliseconds are truncated. For callers' context
/// files; the wire itself never carries text times.
[[nodiscard]] constexpr std::optional<timestamp> parse_rfc3339(std::string_view s) noexcept {
  const auto num = [&](std::size_t at, std::size_t width, std::int64_t& out) {
    if (at + width > s.size()) return false;
    out = 0;
    for (std::size_t i = at; i < at + width; ++i) {
      if (!detail::is_digit(s[i])) return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  std::int64_t y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!num(0, 4, y) || s.size() < 20 || s[4] != '-' || !num(5, 2, mo) || s[7] != '-' || !num(8, 2, d) ||
      (s[10] != 'T' && s[10] != 't') || !num(11, 2, h) || s[13] != ':' || !num(14, 2, mi) || s[16] != ':' ||
      !num(17, 2, sec))
    return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  constexpr unsigned month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > month_days[mo - 1] || (mo == 2 && d == 29 && !leap)) return std::nullopt;
  std::size_t pos = 19;
  std::int64_t ms = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    int n = 0;
    const std::size_t start = pos;
    while (pos < s.size() && detail::is_digit(s[pos])) {
      if (n < 3) {
        ms = ms * 10 + (s[pos] - '0');
        ++n;
      }
      ++pos;
    }
    if (pos == start) return std::nullopt;
    for (; n < 3; ++n) ms *= 10;
  }
  std::int64_t offset = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    std::int64_t oh = 0, om = 0;
    if (!num(pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' || !num(pos + 4, 2, om) || oh > 23 ||
        om > 59)
      return std::nullopt;
    offset = (oh * 60 + om) * 60 * (s[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  const std::int64_t days = detail::days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  const std::int64_t total = ((days * 86400 + h * 3600 + mi * 60 + sec) - offset) * 1000 + ms;
  return from_epoch_ms(total);
}

}  // namespace ddbexport

#endif
