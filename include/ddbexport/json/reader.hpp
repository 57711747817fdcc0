#ifndef DDBEXPORT_JSON_READER_HPP
#define DDBEXPORT_JSON_READER_HPP

/// The strict AWS JSON 1.0 reader (WIRE.md §5, §8). A read either succeeds or
/// returns exactly one stage-D diagnostic (W-JSON, W-LIMIT, W-DUPKEY, W-TYPE,
/// W-TIME): the first problem in body text order, with its byte offset, the
/// member path in wire names, and the Coral text in `detail`.
///
/// Nothing allocates. Strings without escapes view the body (zero-copy);
/// everything else goes into the caller's `arena`. So the result views both:
/// keep the body and the arena alive while you use it. `owning_arena{body.size()}`
/// is the easy way to get storage that always suffices.
///
/// Warnings (request reads only: W-UNKNOWN for each skipped unknown member,
/// R-ET-GRAN for sub-millisecond timestamp digits) go to an optional sink as
/// they are found. If the read then fails, stage D stops everything: drop
/// them. Response reads ignore unknown members silently (R-DESC-EXTRA).

#include <cstddef>
#include <optional>
#include <string_view>

#include "ddbexport/continuous_backups.hpp"
#include "ddbexport/json/detail/parser.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/export_description.hpp"
#include "ddbexport/fwd.hpp"
#include "ddbexport/json/arena.hpp"
#include "ddbexport/request.hpp"

namespace ddbexport::json {

inline constexpr std::size_t default_max_body_bytes = 1048576;
inline constexpr std::size_t default_max_depth = 128;

/// Caller-set limits (WIRE.md §8); exceeding one is W-LIMIT.
struct read_limits {
  /// Capped at detail::json_parser::max_supported_body_bytes (4 GiB - 1).
  std::size_t max_body_bytes = default_max_body_bytes;
  /// Arrays and objects open at once, the top-level object included. Capped
  /// at detail::json_parser::max_supported_depth, since each level uses stack.
  std::size_t max_depth = default_max_depth;
};

struct read_result {
  /// The stage-D violation; empty on success. Its views point into the body or the arena.
  std::optional<diagnostic> error;

  [[nodiscard]] bool ok() const noexcept { return !error.has_value(); }
  explicit operator bool() const noexcept { return ok(); }
};

/// A sink that takes nothing, for reads without warnings.
struct ignore_warnings {
  constexpr bool accept(const diagnostic&) const noexcept { return true; }
};


}  // namespace ddbexport::json

namespace ddbexport::detail {
template <class T>
json::read_result read_shape(std::string_view body, T& out, json::arena& storage, const json::read_limits& limits,
                             warning_channel warnings, bool request_mode) {
  out = T{};
  json_parser parser(body, storage, limits.max_body_bytes, limits.max_depth, warnings, request_mode);
  if (parser.read_document(out)) return {};
  // A failed read leaves no half-filled value behind.
  out = T{};
  return {parser.error()};
}
}  // namespace ddbexport::detail

namespace ddbexport::json {

/// ExportTableToPointInTime request body.
template <diagnostic_sink Sink>
read_result read_request(std::string_view body, export_request& out, arena& storage, const read_limits& limits,
                         Sink& warnings) {
  return ddbexport::detail::read_shape(body, out, storage, limits, ddbexport::detail::channel_for(warnings), true);
}
template <diagnostic_sink Sink>
read_result read_request(std::string_view body, export_request& out, arena& storage, Sink& warnings) {
  return read_request(body, out, storage, read_limits{}, warnings);
}
// The non-sink overloads are templates with one defaulted parameter so that
// including this header instantiates no parser: a plain inline function would
// make every translation unit instantiate read_shape<T> and the whole shape
// walk below it, used or not (issue 7: the include cost). Calls read the same.
template <class = void>
read_result read_request(std::string_view body, export_request& out, arena& storage,
                         const read_limits& limits = {}) {
  return ddbexport::detail::read_shape(body, out, storage, limits, {}, true);
}

/// Success response body (`{"ExportDescription":{...}}`); unknown members are ignored.
template <class = void>
read_result read_response(std::string_view body, export_response& out, arena& storage,
                          const read_limits& limits = {}) {
  return ddbexport::detail::read_shape(body, out, storage, limits, {}, false);
}

/// A bare ExportDescription object (as DescribeExport's member, or a ledger entry).
template <class = void>
read_result read_description(std::string_view body, export_description& out, arena& storage,
                             const read_limits& limits = {}) {
  return ddbexport::detail::read_shape(body, out, storage, limits, {}, false);
}

/// A ContinuousBackupsDescription object, times as epoch-second numbers.
template <class = void>
read_result read_continuous_backups(std::string_view body, continuous_backups_description& out,
                                    arena& storage, const read_limits& limits = {}) {
  return ddbexport::detail::read_shape(body, out, storage, limits, {}, false);
}

}  // namespace ddbexport::json

#endif
