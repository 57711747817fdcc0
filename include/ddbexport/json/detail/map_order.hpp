#ifndef DDBEXPORT_JSON_DETAIL_MAP_ORDER_HPP
#define DDBEXPORT_JSON_DETAIL_MAP_ORDER_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace ddbexport::detail {

/// ECMAScript's array index: "0", or digits without a leading zero up to
/// 2^32 - 2. Objects list such keys first, ascending (WIRE.md §5.6), and the
/// SDK builds its maps as plain objects.
[[nodiscard]] constexpr std::optional<std::uint32_t> array_index(std::string_view key) noexcept {
  if (key.empty() || key.size() > 10 || (key.size() > 1 && key[0] == '0')) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (value > 4'294'967'294u) return std::nullopt;
  return static_cast<std::uint32_t>(value);
}

/// Calls `f(entry)` for each entry in ECMAScript property order: array-index
/// keys ascending (stable for equal keys), then the others in stored order.
/// Maps without index keys, or with them already first and ascending (all
/// the SDK writes), go straight through; otherwise a selection over the index
/// keys runs, which needs no storage.
template <class Entry, class F>
constexpr void for_each_in_property_order(std::span<const Entry> entries, F&& f) {
  bool any_index = false;
  bool ordered = true;
  bool seen_other = false;
  std::uint32_t previous = 0;
  for (const Entry& e : entries) {
    if (const auto index = array_index(e.key)) {
      if (seen_other || (any_index && *index < previous)) ordered = false;
      any_index = true;
      previous = *index;
    } else {
      seen_other = true;
    }
  }
  if (ordered) {
    for (const Entry& e : entries) f(e);
    return;
  }
  // Next = the smallest (index, position) pair above the last one written.
  bool have_last = false;
  std::uint32_t last_index = 0;
  std::size_t last_position = 0;
  for (;;) {
    std::size_t best = entries.size();
    std::uint32_t best_index = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const auto index = array_index(entries[i].key);
      if (!index) continue;
      if (have_last && (*index < last_index || (*index == last_index && i <= last_position))) continue;
      if (best == entries.size() || *index < best_index) {
        best = i;
        best_index = *index;
      }
    }
    if (best == entries.size()) break;
    f(entries[best]);
    have_last = true;
    last_index = best_index;
    last_position = best;
  }
  for (const Entry& e : entries)
    if (!array_index(e.key)) f(e);
}

}  // namespace ddbexport::detail

#endif
