#include "ddbexport/timestamp.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

using namespace ddbexport;

namespace {
std::string seconds(std::int64_t ms) {
  time_text_buffer buf;
  return std::string(format_epoch_seconds(from_epoch_ms(ms), buf));
}
std::string iso(std::int64_t ms) {
  time_text_buffer buf;
  return std::string(format_iso8601(from_epoch_ms(ms), buf));
}
}  // namespace

TEST_CASE("format_epoch_seconds matches ECMAScript String(t/1000) (WIRE.md 4.2 table)") {
  CHECK(seconds(0) == "0");
  CHECK(seconds(1) == "0.001");
  CHECK(seconds(-1) == "-0.001");
  CHECK(seconds(1500) == "1.5");
  CHECK(seconds(-500) == "-0.5");
  CHECK(seconds(-1500) == "-1.5");
  CHECK(seconds(1577836800010) == "1577836800.01");
  CHECK(seconds(-62135596800000) == "-62135596800");
  CHECK(seconds(8639999999999999) == "8639999999999.999");
  CHECK(seconds(-8640000000000000) == "-8640000000000");
}

TEST_CASE("parse_epoch_seconds reads the writer's form exactly") {
  for (std::int64_t ms : {0LL, 1LL, -1LL, 999LL, 1500LL, -1500LL, 1577836800010LL, 8640000000000000LL,
                          -8640000000000000LL, 1683331200123LL}) {
    CAPTURE(ms);
    const auto parsed = parse_epoch_seconds(seconds(ms));
    REQUIRE(parsed);
    CHECK(to_epoch_ms(*parsed) == ms);
  }
  CHECK_FALSE(parse_epoch_seconds(""));
  CHECK_FALSE(parse_epoch_seconds("1e3"));
  CHECK_FALSE(parse_epoch_seconds("01"));
  CHECK_FALSE(parse_epoch_seconds("1."));
  CHECK_FALSE(parse_epoch_seconds("1.0001"));
  CHECK_FALSE(parse_epoch_seconds("8640000000000.001"));
  CHECK(to_epoch_ms(*parse_epoch_seconds("1.5")) == 1500);
  CHECK(to_epoch_ms(*parse_epoch_seconds("-0")) == 0);
}

TEST_CASE("format_iso8601 floors to the second") {
  CHECK(iso(0) == "1970-01-01T00:00:00Z");
  CHECK(iso(-1) == "1969-12-31T23:59:59Z");
  CHECK(iso(1791506414432) == "2026-10-09T00:40:14Z");
  CHECK(iso(1577836800000) == "2020-01-01T00:00:00Z");
  CHECK(iso(8640000000000000) == "+275760-09-13T00:00:00Z");
  CHECK(iso(-8640000000000000) == "-271821-04-20T00:00:00Z");
  CHECK(iso(-62135596800000) == "0001-01-01T00:00:00Z");
}

TEST_CASE("parse_rfc3339") {
  CHECK(to_epoch_ms(*parse_rfc3339("2026-10-09T00:40:14.432Z")) == 1791506414432);
  CHECK(to_epoch_ms(*parse_rfc3339("2020-01-01T02:00:00+02:00")) == 1577836800000);
  CHECK(to_epoch_ms(*parse_rfc3339("2020-01-01t00:00:00.1234z")) == 1577836800123);
  CHECK_FALSE(parse_rfc3339("2020-02-30T00:00:00Z"));
  CHECK_FALSE(parse_rfc3339("2020-01-01 00:00:00Z"));
  CHECK_FALSE(parse_rfc3339("2020-01-01T00:00:00"));
  CHECK_FALSE(parse_rfc3339("yesterday"));
}

// Expected instants from Python's datetime (proleptic Gregorian, UTC); year 0
// is one leap year (366 days) before 0001-01-01.
TEST_CASE("parse_rfc3339: calendar edges, fractions and offsets") {
  const auto ms = [](std::string_view text) {
    const auto t = parse_rfc3339(text);
    return t ? to_epoch_ms(*t) : std::numeric_limits<std::int64_t>::min();
  };
  CHECK(ms("2000-02-29T00:00:00Z") == 951782400000);           // divisible by 400: leap
  CHECK(ms("2024-02-29T23:59:59.999Z") == 1709251199999);      // divisible by 4: leap
  CHECK(ms("0001-01-01T00:00:00Z") == -62135596800000);
  CHECK(ms("0000-03-01T00:00:00Z") == -62162035200000);        // before year 0's end: the negative era
  CHECK(ms("0000-01-01T00:00:00Z") == -62167219200000);
  CHECK(ms("2020-01-01T00:00:00.5Z") == 1577836800500);        // one digit: tenths
  CHECK(ms("2020-01-01T00:00:00.000000001Z") == 1577836800000);  // past milliseconds: truncated
  CHECK(ms("2020-01-01T00:00:00-05:30") == 1577856600000);
  CHECK(ms("9999-12-31T23:59:59+23:59") == 253402214459000);
  CHECK(ms("2016-12-31T23:59:60Z") == 1483228800000);          // a leap second reads as the next second
}

TEST_CASE("parse_rfc3339 refuses every malformed field") {
  for (const std::string_view text : {
           "1900-02-29T00:00:00Z",       // divisible by 100, not 400: not leap
           "2023-02-29T00:00:00Z",       // not divisible by 4
           "2023-04-31T00:00:00Z",       // a 30-day month
           "2023-00-01T00:00:00Z", "2023-13-01T00:00:00Z", "2023-01-00T00:00:00Z",
           "2023-01-01T24:00:00Z", "2023-01-01T00:60:00Z", "2023-01-01T00:00:61Z",
           "2O23-01-01T00:00:00Z",       // a letter in the year
           "2023/01-01T00:00:00Z", "2023-01/01T00:00:00Z", "2023-0x-01T00:00:00Z", "2023-01-0xT00:00:00Z",
           "2023-01-01T0x:00:00Z", "2023-01-01T00.00:00Z", "2023-01-01T00:0x:00Z", "2023-01-01T00:00.00Z",
           "2023-01-01T00:00:0xZ",
           "2023-01-01T00:00:00.Z",      // a point without digits
           "2023-01-01T00:00:00.123",    // no zone after the fraction
           "2023-01-01T00:00:00Zjunk",   // something after the zone
           "2023-01-01T00:00:00+0100", "2023-01-01T00:00:00+01", "2023-01-01T00:00:00+01:",
           "2023-01-01T00:00:00+24:00", "2023-01-01T00:00:00+01:60", "2023-01-01T00:00:00-0x:00",
           "2023-01-01T00:00:00+01:0x", "2023-01-01T00:00:00+01:00:00",
           "2023-01-01T00:00:00X", "", "2023",
       }) {
    CAPTURE(text);
    CHECK_FALSE(parse_rfc3339(text));
  }
}
