#ifndef DDBEXPORT_MEMBER_HPP
#define DDBEXPORT_MEMBER_HPP

/// What a member table is made of, and the walks over one. A table
/// (`shape_of<T>`, members.hpp) lists a shape's members in wire order; each
/// entry binds the member's facts (wire name and model constraints, written
/// once for every shape that holds the member) to its place in the C++ type,
/// and says which rule reports each constraint in that shape. Readers,
/// writers, validators, equality and diagnostic paths all walk the tables.

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

#include "ddbexport/attribute_value.hpp"
#include "ddbexport/detail/table.hpp"
#include "ddbexport/enums.hpp"
#include "ddbexport/fwd.hpp"
#include "ddbexport/timestamp.hpp"
#include "ddbexport/validate/rules.hpp"

namespace ddbexport {

/// The wire kind of a member's value, derived from its C++ type.
enum class member_kind : std::uint8_t {
  string,
  timestamp,
  long_integer,
  integer,
  enumeration,
  structure,
  structure_list,  ///< a list of structures (ListExports' ExportSummaries)
  string_map,
  attribute_map,
};

/// Smithy's length trait, in Unicode scalar values (RULES.md §4). For a
/// string map it bounds each value.
struct length_bounds {
  std::int64_t min = 0;
  std::int64_t max = std::numeric_limits<std::int64_t>::max();
};

/// Smithy's range trait.
struct value_range {
  std::int64_t min = std::numeric_limits<std::int64_t>::min();
  std::int64_t max = std::numeric_limits<std::int64_t>::max();
};

/// Smithy's pattern trait: the model's text, which messages quote as it is,
/// and the hand-written matcher that decides it (detail/patterns.hpp).
struct pattern_trait {
  std::string_view text;
  bool (*matches)(std::string_view) noexcept;
};

/// A member as the model describes it, whichever shape holds it: its wire
/// name and its constraints. An enumeration's value set comes with its type.
struct member_facts {
  std::string_view name;
  std::optional<length_bounds> length{};
  std::optional<pattern_trait> pattern{};
  std::optional<value_range> range{};
};

/// Which rule reports each constraint of a member in one shape; a constraint
/// without a rule is not checked there (ExportDescription's TableArn is not
/// required, the request's is).
struct member_checks {
  std::optional<rule_id> required{};
  std::optional<rule_id> length{};
  std::optional<rule_id> pattern{};
  std::optional<rule_id> enumeration{};
  std::optional<rule_id> range{};
  /// For a structure member: the rule that reports every constraint inside
  /// it, in place of the rules of the nested shape's own table.
  std::optional<rule_id> nested{};

  /// Every constraint but required-ness, reported by one rule (R-DESC-SHAPE).
  [[nodiscard]] static constexpr member_checks values(rule_id rule) noexcept {
    return {std::nullopt, rule, rule, rule, rule, rule};
  }
};

/// One entry of a table.
template <class Owner, class Field>
struct member {
  std::string_view name;
  Field Owner::*pointer;
  const member_facts* facts;
  member_checks checks;

  constexpr member(const member_facts& f, Field Owner::*p, member_checks c = {}) noexcept
      : name(f.name), pointer(p), facts(&f), checks(c) {}
};

/// The name table of a shape, the one place its members, order and checks
/// are written down.
template <class T>
struct shape_of;

template <class T>
concept described_shape = requires {
  { shape_of<T>::name } -> std::convertible_to<std::string_view>;
  shape_of<T>::members;
};

/// Top-level inputs (requests): their reader reports W-UNKNOWN and R-ET-GRAN.
template <class T>
concept input_shape = described_shape<T> && shape_of<T>::input;

namespace detail {
template <class T>
struct kind_of_value;
template <>
struct kind_of_value<std::string_view> : std::integral_constant<member_kind, member_kind::string> {};
template <>
struct kind_of_value<timestamp> : std::integral_constant<member_kind, member_kind::timestamp> {};
template <>
struct kind_of_value<std::int64_t> : std::integral_constant<member_kind, member_kind::long_integer> {};
template <>
struct kind_of_value<std::int32_t> : std::integral_constant<member_kind, member_kind::integer> {};
template <class E>
struct kind_of_value<open_enum<E>> : std::integral_constant<member_kind, member_kind::enumeration> {};
template <>
struct kind_of_value<std::span<const string_entry>> : std::integral_constant<member_kind, member_kind::string_map> {};
template <>
struct kind_of_value<std::span<const attribute_entry>>
    : std::integral_constant<member_kind, member_kind::attribute_map> {};
template <class T>
  requires described_shape<T>
struct kind_of_value<T> : std::integral_constant<member_kind, member_kind::structure> {};
template <class T>
  requires described_shape<T>
struct kind_of_value<std::span<const T>> : std::integral_constant<member_kind, member_kind::structure_list> {};

template <class T>
struct list_element;
template <class T>
struct list_element<std::span<const T>> {
  using type = T;
};
}  // namespace detail

/// `member_kind_v<std::optional<X>>`: the kind of a member declared as optional<X>.
template <class Optional>
inline constexpr member_kind member_kind_v = detail::kind_of_value<typename Optional::value_type>::value;

/// The element shape of a structure-list member's value type (`std::span<const S>` gives S).
template <class List>
using list_element_t = typename detail::list_element<List>::type;

/// Calls `f(name, member_reference)` for each member of `value`, in wire order.
template <class T, class F>
  requires described_shape<std::remove_const_t<T>>
constexpr void for_each_member(T& value, F&& f) {
  shape_of<std::remove_const_t<T>>::members.apply([&](const auto&... m) { (f(m.name, value.*(m.pointer)), ...); });
}

/// Calls `f(entry, member_reference)` for each member, `entry` being the
/// table's member<> (facts and checks included).
template <class T, class F>
  requires described_shape<std::remove_const_t<T>>
constexpr void for_each_member_entry(T& value, F&& f) {
  shape_of<std::remove_const_t<T>>::members.apply([&](const auto&... m) { (f(m, value.*(m.pointer)), ...); });
}

/// Like for_each_member, but stops when `f` returns false; returns whether it ran to the end.
template <class T, class F>
  requires described_shape<std::remove_const_t<T>>
constexpr bool for_each_member_while(T& value, F&& f) {
  return shape_of<std::remove_const_t<T>>::members.apply(
      [&](const auto&... m) { return (f(m.name, value.*(m.pointer)) && ...); });
}

// ---- Finding members by wire name ------------------------------------------

template <described_shape T>
inline constexpr std::size_t member_count = std::remove_cvref_t<decltype(shape_of<T>::members)>::size;

/// The wire names of T, in order.
template <described_shape T>
inline constexpr auto member_names = shape_of<T>::members.apply(
    [](const auto&... m) { return std::array<std::string_view, sizeof...(m)>{m.name...}; });

inline constexpr std::size_t no_member = static_cast<std::size_t>(-1);

namespace detail {
/// Member indices bucketed by name length, so a lookup compares the name with
/// at most the two or three members of the same length (never all 22).
template <class T>
struct member_lookup {
  static constexpr auto& names = member_names<T>;
  static constexpr std::size_t longest = [] {
    std::size_t n = 0;
    for (auto name : names) n = name.size() > n ? name.size() : n;
    return n;
  }();
  struct table_type {
    std::array<std::uint8_t, names.size()> order{};  // indices sorted by name length
    std::array<std::uint8_t, longest + 2> first{};   // first[len] .. first[len + 1] in `order`
  };
  static constexpr table_type table = [] {
    table_type t{};
    std::size_t at = 0;
    for (std::size_t len = 0; len <= longest; ++len) {
      t.first[len] = static_cast<std::uint8_t>(at);
      for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i].size() == len) t.order[at++] = static_cast<std::uint8_t>(i);
    }
    t.first[longest + 1] = static_cast<std::uint8_t>(at);
    return t;
  }();
};
}  // namespace detail

/// Index of the member with exactly this wire name (case-sensitive), or no_member.
template <described_shape T>
[[nodiscard]] constexpr std::size_t find_member(std::string_view name) noexcept {
  using lookup = detail::member_lookup<T>;
  if (name.size() > lookup::longest) return no_member;
  for (std::size_t k = lookup::table.first[name.size()]; k < lookup::table.first[name.size() + 1]; ++k)
    if (lookup::names[lookup::table.order[k]] == name) return lookup::table.order[k];
  return no_member;
}

/// Calls `f(wire_name, member)` for member number `index` of `value`
/// (`member` is the `std::optional<...>&`); does nothing for a bad index.
template <class T, class F>
  requires described_shape<std::remove_const_t<T>>
constexpr void with_member_at(T& value, std::size_t index, F&& f) {
  shape_of<std::remove_const_t<T>>::members.apply([&](const auto&... m) {
    std::size_t i = 0;
    const auto visit_if_chosen = [&](const auto& one) {
      if (i++ != index) return false;
      f(one.name, value.*(one.pointer));
      return true;
    };
    static_cast<void>((visit_if_chosen(m) || ...));
  });
}

/// Calls `f(wire_name, member)` for the member called `name`; false when there is none.
template <class T, class F>
  requires described_shape<std::remove_const_t<T>>
constexpr bool with_member_named(T& value, std::string_view name, F&& f) {
  const std::size_t index = find_member<std::remove_const_t<T>>(name);
  if (index == no_member) return false;
  with_member_at(value, index, std::forward<F>(f));
  return true;
}

// ---- Finding members by pointer ---------------------------------------------

namespace detail {
template <class P>
struct member_pointer_owner;
template <class Owner, class Field>
struct member_pointer_owner<Field Owner::*> {
  using type = Owner;
};

/// Not constexpr on purpose: a pointer that no table lists fails to compile here.
inline void member_pointer_not_in_its_table() noexcept {}

template <auto Pointer>
consteval std::size_t index_of_member() {
  using owner = typename member_pointer_owner<decltype(Pointer)>::type;
  std::size_t found = no_member;
  shape_of<owner>::members.apply([&](const auto&... m) {
    std::size_t i = 0;
    const auto check = [&](const auto& one) {
      if constexpr (std::is_same_v<decltype(one.pointer), decltype(Pointer)>)
        if (one.pointer == Pointer) found = i;
      ++i;
    };
    (check(m), ...);
  });
  if (found == no_member) member_pointer_not_in_its_table();
  return found;
}
}  // namespace detail

/// The position of a member in its shape's table, from its member pointer.
template <auto Pointer>
inline constexpr std::size_t member_index =
    detail::index_of_member<Pointer>();

/// The wire name of a member, from its member pointer: `wire_name_of<&export_request::s3_bucket>`.
template <auto Pointer>
inline constexpr std::string_view wire_name_of =
    member_names<typename detail::member_pointer_owner<decltype(Pointer)>::type>[member_index<Pointer>];

}  // namespace ddbexport

#endif
