#ifndef DDBEXPORT_CHECK_TIME_VALUE_HPP
#define DDBEXPORT_CHECK_TIME_VALUE_HPP

// A time in the tools' own JSON files (ddbexport-check --context, the
// server's --state): epoch seconds as a JSON number, read exactly as the wire
// reads a timestamp (WIRE.md §5.3), or an RFC 3339 string. One reader, so
// that the two files accept the same times.

#include <optional>
#include <string>

#include "check/json_tree.hpp"
#include "ddbexport/detail/number.hpp"
#include "ddbexport/timestamp.hpp"

namespace ddbexport_check {

/// The time `v` holds, or nothing with the reason in `why`.
inline std::optional<ddbexport::timestamp> time_of(const json_node& v, std::string& why) {
  if (v.type == json_node::kind::number) {
    const auto ms = ddbexport::detail::epoch_ms_from_json_number(v.raw);
    if (!ms) return why = "time out of range", std::nullopt;
    return ddbexport::from_epoch_ms(*ms);
  }
  if (v.type == json_node::kind::string) {
    auto t = ddbexport::parse_rfc3339(v.text);
    if (!t) why = "not an RFC 3339 date-time";
    return t;
  }
  why = "expected epoch seconds or an RFC 3339 string";
  return std::nullopt;
}

}  // namespace ddbexport_check

#endif
