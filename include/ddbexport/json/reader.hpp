#ifndef DDBEXPORT_JSON_READER_HPP
#define DDBEXPORT_JSON_READER_HPP

/// The strict AWS JSON 1.0 reader (WIRE.md §5, §8), one entry point for every
/// shape: `json::read(body, out, storage[, limits][, sink])`, overloaded on
/// the type of `out`. A read either succeeds or returns exactly one stage-D
/// diagnostic (W-JSON, W-LIMIT, W-DUPKEY, W-TYPE, W-TIME): the first problem
/// in body text order, with its byte offset, the member path in wire names,
/// and the Coral text in `detail`.
///
/// Nothing allocates. Strings without escapes view the body (zero-copy);
/// everything else goes into the caller's `arena`. So the result views both:
/// keep the body and the arena alive while you use it. `owning_arena{body.size()}`
/// is the easy way to get storage that always suffices.
///
/// Warnings (inputs only: W-UNKNOWN for each skipped unknown member, R-ET-GRAN
/// for sub-millisecond timestamp digits) go to an optional sink as they are
/// found. If the read then fails, stage D stops everything: drop them.
/// Outputs ignore unknown members silently (R-DESC-EXTRA).

#include <string_view>
#include <type_traits>

#include "ddbexport/json/arena.hpp"
#include "ddbexport/json/detail/parser.hpp"
#include "ddbexport/json/limits.hpp"
#include "ddbexport/json/result.hpp"
#include "ddbexport/member.hpp"
#include "ddbexport/members.hpp"
#include "ddbexport/validate/diagnostic.hpp"

namespace ddbexport::detail {
template <class T>
json::read_result read_shape(std::string_view body, T& out, json::arena& storage, const json::read_limits& limits,
                             warning_channel warnings) {
  out = T{};
  json_parser parser(body, storage, limits, warnings, input_shape<T>);
  if (parser.read_document(out)) return {};
  // A failed read leaves no half-filled value behind.
  out = T{};
  return {parser.error()};
}
}  // namespace ddbexport::detail

namespace ddbexport::json {

/// Reads a body holding one value of a described shape: a request or
/// response of ExportTableToPointInTime, DescribeExport or ListExports, an
/// ExportDescription, a ContinuousBackupsDescription (times as epoch seconds).
// Templates all, so that including this header instantiates no parser
// (issue 7: the include cost).
template <described_shape T>
read_result read(std::string_view body, T& out, arena& storage, const read_limits& limits = {}) {
  return ddbexport::detail::read_shape(body, out, storage, limits, {});
}

/// As above, with the input's warnings (W-UNKNOWN, R-ET-GRAN) sent to `warnings`.
template <described_shape T, diagnostic_sink Sink>
read_result read(std::string_view body, T& out, arena& storage, const read_limits& limits, Sink& warnings) {
  return ddbexport::detail::read_shape(body, out, storage, limits, ddbexport::detail::channel_for(warnings));
}
template <described_shape T, diagnostic_sink Sink>
read_result read(std::string_view body, T& out, arena& storage, Sink& warnings) {
  return read(body, out, storage, read_limits{}, warnings);
}

/// A body that is a temporary (`json::read(std::string{...}, out, storage)`,
/// a function returning a string) dies when the call returns, and `out`,
/// which views it, would dangle: such a call does not compile. Keep the body
/// in a variable that outlives `out`.
template <class Body, described_shape T, class... Rest>
  requires(!std::is_lvalue_reference_v<Body> && !std::is_same_v<std::remove_cv_t<Body>, std::string_view> &&
           requires(const Body& b) {
             b.data();
             b.size();
           })
read_result read(Body&& body, T& out, Rest&&... rest) = delete;

// The names of 0.1, kept while callers move to json::read; each is exactly
// the read() of its type.

template <class = void>
read_result read_request(std::string_view body, export_request& out, arena& storage, const read_limits& limits = {}) {
  return read(body, out, storage, limits);
}
template <diagnostic_sink Sink>
read_result read_request(std::string_view body, export_request& out, arena& storage, const read_limits& limits,
                         Sink& warnings) {
  return read(body, out, storage, limits, warnings);
}
template <diagnostic_sink Sink>
read_result read_request(std::string_view body, export_request& out, arena& storage, Sink& warnings) {
  return read(body, out, storage, warnings);
}
template <class = void>
read_result read_response(std::string_view body, export_response& out, arena& storage, const read_limits& limits = {}) {
  return read(body, out, storage, limits);
}
template <class = void>
read_result read_description(std::string_view body, export_description& out, arena& storage,
                             const read_limits& limits = {}) {
  return read(body, out, storage, limits);
}
template <class = void>
read_result read_continuous_backups(std::string_view body, continuous_backups_description& out, arena& storage,
                                    const read_limits& limits = {}) {
  return read(body, out, storage, limits);
}

}  // namespace ddbexport::json

#endif
