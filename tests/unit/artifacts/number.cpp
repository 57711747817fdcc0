// Number text, the canonical number and the Ion decimal (ARTIFACTS.md §6.4, §6.6.3).
#include "ddbexport/artifacts/number.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {
using namespace ddbexport::artifacts;

/// The number written by `Write` (canonical or Ion).
template <bool Ion>
std::string written(std::string_view text) {
  number_value v;
  REQUIRE(parse_number(text, v) == number_problem::none);
  std::string out;
  ddbexport::container_output<std::string> o{out};
  if constexpr (Ion)
    write_ion_decimal(v, o);
  else
    write_canonical_number(v, o);
  return out;
}
std::string canonical(std::string_view text) { return written<false>(text); }
std::string ion(std::string_view text) { return written<true>(text); }

TEST_CASE("A-AV: number text is §6.4's tolerant grammar with DynamoDB's limits") {
  for (std::string_view ok : {"0", "-0", "+5", "5.", ".5", "0.5e1", "1E+125", "-1e-130", "00012.3400", "0e-999999999999999999999",
                              "99999999999999999999999999999999999999", "9.9999999999999999999999999999999999999E+125"})
    CHECK_MESSAGE(parse_number(ok).has_value(), ok);
  number_value v;
  for (std::string_view bad : {"", "-", ".", "e5", "1e", "1e+", "1.2.3", "0x1", " 1", "1 ", "1_0", "∞"})
    CHECK_MESSAGE(parse_number(bad, v) == number_problem::not_number_text, bad);
  CHECK(parse_number("123456789012345678901234567890123456789", v) == number_problem::too_many_digits);
  CHECK(parse_number("1E+126", v) == number_problem::out_of_range);
  CHECK(parse_number("1E-131", v) == number_problem::out_of_range);
  CHECK(parse_number("10E-131", v) == number_problem::none);
  CHECK(parse_number("1e99999999999999999999999", v) == number_problem::out_of_range);
  // 38 significant digits, whatever zeros surround them.
  CHECK(parse_number("000123456789012345678901234567890123456780000.000", v) == number_problem::none);
}

TEST_CASE("A-KEY-DUP A-INC-KEYS-IMAGE: numbers are equal by value") {
  CHECK(same_number("5", "5.0"));
  CHECK(same_number("5", "0.5e1"));
  CHECK(same_number("-0", "0"));
  CHECK(same_number("1e2", "100"));
  CHECK_FALSE(same_number("1", "-1"));
  CHECK_FALSE(same_number("1", "x"));
}

TEST_CASE("A-ION-SYNTAX: canonical numbers of §6.4") {
  CHECK(canonical("600") == "600");
  CHECK(canonical("1.50") == "1.5");
  CHECK(canonical("-0.25") == "-0.25");
  CHECK(canonical("1e-7") == "0.0000001");
  CHECK(canonical("1e20") == "100000000000000000000");
  CHECK(canonical("-0.0") == "0");
  CHECK(canonical("0012.5000e1") == "125");
  CHECK(canonical("-1E-130") == "-0." + std::string(129, '0') + "1");
}

TEST_CASE("A-ION-TYPE: the Ion decimal table of §6.6.3") {
  const std::pair<std::string_view, std::string_view> table[] = {
      {"103", "103."}, {"600", "6d2"},       {"2000", "2d3"},   {"1.5", "1.5"},         {"-0.25", "-0.25"},
      {"100.5", "100.5"}, {"42", "42."},    {"0", "0."},       {"0.000001", "0.000001"}, {"0.0000001", "1d-7"},
      {"12.50", "12.5"}, {"1e20", "1d20"},  {"1E+125", "1d125"}, {"-1E-130", "-1d-130"}};
  for (const auto& row : table) CHECK_MESSAGE(ion(row.first) == row.second, row.first);
}
}  // namespace
