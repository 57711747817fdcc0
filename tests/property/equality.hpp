#ifndef DDBEXPORT_TESTS_PROPERTY_EQUALITY_HPP
#define DDBEXPORT_TESTS_PROPERTY_EQUALITY_HPP

// Member-by-member equality for the round-trip oracles of the property tests
// and the fuzz targets: request_equality.hpp's walk over the member tables
// (maps as key sets, AttributeValues as JSON values), every member included.
// Also the SDK's time echo, the oracle for timestamps beyond 2^51 ms.

#include <cmath>
#include <cstdint>
#include <optional>

#include "ddbexport/export_description.hpp"
#include "ddbexport/request.hpp"
#include "ddbexport/request_equality.hpp"
#include "ddbexport/timestamp.hpp"

namespace ddbexport::test {

/// All twelve members, ClientToken included, through the member tables.
[[nodiscard]] constexpr bool same_request(const export_request& a, const export_request& b) {
  return same_value(a, b);
}

/// All twenty-two members of an ExportDescription.
[[nodiscard]] constexpr bool same_description(const export_description& a, const export_description& b) {
  return same_value(a, b);
}

/// Above this magnitude (2^51 ms, about year ±73,000) the SDK's reading,
/// Math.round(x * 1000) of the double nearest to the seconds, can land 1 ms
/// off a millisecond value that has a fraction (WIRE.md §5.3): writing then
/// reading is exact below it, and for whole seconds at any magnitude.
inline constexpr std::int64_t exact_time_limit_ms = std::int64_t{1} << 51;

/// What the SDK reads back for the seconds text the writer produces for t:
/// the correctly rounded double t / 1000, times 1000, rounded half up.
/// Independent of ddbexport's reader; the oracle of the time properties.
[[nodiscard]] inline std::int64_t sdk_time_echo(std::int64_t t) {
  const double p = static_cast<double>(t) / 1000.0 * 1000.0;
  const double f = std::floor(p);
  return static_cast<std::int64_t>(p - f >= 0.5 ? f + 1 : f);
}

/// True when writing then reading `t` gives `t` back.
[[nodiscard]] inline bool time_survives_echo(std::optional<timestamp> t) {
  return !t || sdk_time_echo(to_epoch_ms(*t)) == to_epoch_ms(*t);
}

/// True when every timestamp of the value survives an echo (see above).
[[nodiscard]] inline bool times_survive_echo(const export_request& r) {
  const auto& s = r.incremental_export_specification;
  return time_survives_echo(r.export_time) && (!s || (time_survives_echo(s->export_from_time) &&
                                                     time_survives_echo(s->export_to_time)));
}
[[nodiscard]] inline bool times_survive_echo(const export_description& d) {
  const auto& s = d.incremental_export_specification;
  return time_survives_echo(d.start_time) && time_survives_echo(d.end_time) && time_survives_echo(d.export_time) &&
         (!s || (time_survives_echo(s->export_from_time) && time_survives_echo(s->export_to_time)));
}
[[nodiscard]] inline bool times_survive_echo(const export_response& r) {
  return !r.export_description || times_survive_echo(*r.export_description);
}

[[nodiscard]] constexpr bool same_response(const export_response& a, const export_response& b) {
  return same_value(a, b);
}

}  // namespace ddbexport::test

#endif
