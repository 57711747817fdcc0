#ifndef DDBEXPORT_JSON_LIMITS_HPP
#define DDBEXPORT_JSON_LIMITS_HPP

/// The reader's limits (WIRE.md §8), defined once: the defaults a caller gets,
/// and the caps no caller can lift. Exceeding one is W-LIMIT.

#include <cstddef>

#include "ddbexport/attribute_value.hpp"

namespace ddbexport::json {

inline constexpr std::size_t default_max_body_bytes = 1048576;
inline constexpr std::size_t default_max_depth = 128;
/// Each nesting level costs the reader a stack frame, so depth has a hard cap.
inline constexpr std::size_t max_supported_depth = 512;
/// Offsets and name sizes fit 32 bits in the reader's duplicate-key index.
inline constexpr std::size_t max_supported_body_bytes = 0xFFFFFFFFu;

// An AttributeValue level takes two JSON levels, so nothing the reader
// accepts is deeper than the writers' and comparisons' walk bound.
static_assert(max_supported_depth / 2 <= max_walk_depth);

/// Caller-set limits; values above the caps are capped.
struct read_limits {
  std::size_t max_body_bytes = default_max_body_bytes;
  /// Arrays and objects open at once, the top-level object included.
  std::size_t max_depth = default_max_depth;
};

}  // namespace ddbexport::json

#endif
