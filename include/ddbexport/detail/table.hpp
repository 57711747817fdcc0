#ifndef DDBEXPORT_DETAIL_TABLE_HPP
#define DDBEXPORT_DETAIL_TABLE_HPP

/// A fixed list of differently typed constexpr entries: what every table of
/// the library (shape members, manifest members) is. `std::tuple` would do
/// the job, but its converting constructors are guarded by trait conjunctions
/// over every element, and `std::apply` goes through `std::invoke`'s
/// invocability checks; with tables of up to 22 entries, instantiated in
/// every translation unit, that was the largest share of the cost of
/// including the library (clang's -ftime-trace). This type has one
/// constructor and no conversions, so using a table costs what it says.

#include <cstddef>
#include <utility>

namespace ddbexport::detail {

template <std::size_t I, class Entry>
struct table_slot {
  Entry entry;
};

template <class Indices, class... Entry>
struct table_base;

template <std::size_t... I, class... Entry>
struct table_base<std::index_sequence<I...>, Entry...> : table_slot<I, Entry>... {
  constexpr explicit table_base(const Entry&... entries) : table_slot<I, Entry>{entries}... {}

  /// `f(entry...)`, every entry in order: the one way to walk a table.
  template <class F>
  constexpr decltype(auto) apply(F&& f) const {
    return static_cast<F&&>(f)(static_cast<const table_slot<I, Entry>&>(*this).entry...);
  }
};

template <class... Entry>
struct table : table_base<std::index_sequence_for<Entry...>, Entry...> {
  static constexpr std::size_t size = sizeof...(Entry);
  constexpr table(const Entry&... entries)  // NOLINT(google-explicit-constructor): written as a braced list
      : table_base<std::index_sequence_for<Entry...>, Entry...>(entries...) {}
};

template <class... Entry>
table(Entry...) -> table<Entry...>;

/// Entry number I; the slot's base class gives its type without a type list walk.
template <std::size_t I, class Entry>
[[nodiscard]] constexpr const Entry& table_entry(const table_slot<I, Entry>& slot) noexcept {
  return slot.entry;
}

}  // namespace ddbexport::detail

#endif
