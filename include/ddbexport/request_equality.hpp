#ifndef DDBEXPORT_REQUEST_EQUALITY_HPP
#define DDBEXPORT_REQUEST_EQUALITY_HPP

// "Same request" as the idempotency window judges it (RULES.md §6), member by
// member through the tables: present differs from absent, strings and enums
// compare code point for code point, timestamps by value, structures
// recursively, maps as key sets with equal values, AttributeValues as JSON
// values (map key order ignored, array order kept).

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>

#include "ddbexport/attribute_value.hpp"
#include "ddbexport/member.hpp"
#include "ddbexport/members.hpp"
#include "ddbexport/request.hpp"

namespace ddbexport {

namespace detail {
template <class Entry, class Equal>
constexpr bool same_key_set(std::span<const Entry> a, std::span<const Entry> b, Equal equal) {
  if (a.size() != b.size()) return false;
  for (const auto& ea : a) {
    bool found = false;
    for (const auto& eb : b)
      if (ea.key == eb.key) {
        if (!equal(ea.value, eb.value)) return false;
        found = true;
        break;
      }
    if (!found) return false;
  }
  return true;
}

/// Recursion follows the nesting, bounded by max_walk_depth: values nested
/// deeper never compare equal (they cannot be valid requests, R-AV-DEPTH).
constexpr bool same_attribute_value_at(const attribute_value& a, const attribute_value& b, std::size_t level) noexcept {
  if (a.kind != b.kind || level > max_walk_depth) return false;
  const auto same_child = [&](const attribute_value& x, const attribute_value& y) {
    return same_attribute_value_at(x, y, level + 1);
  };
  switch (a.kind) {
    case attribute_kind::s:
    case attribute_kind::n:
    case attribute_kind::b: return a.scalar == b.scalar;
    case attribute_kind::ss:
    case attribute_kind::ns:
    case attribute_kind::bs: {
      if (a.set.size() != b.set.size()) return false;
      for (std::size_t i = 0; i < a.set.size(); ++i)
        if (a.set[i] != b.set[i]) return false;
      return true;
    }
    case attribute_kind::null:
    case attribute_kind::boolean: return a.flag == b.flag;
    case attribute_kind::l: {
      if (a.list_size != b.list_size) return false;
      for (std::size_t i = 0; i < a.list_size; ++i)
        if (!same_child(a.list_data[i], b.list_data[i])) return false;
      return true;
    }
    case attribute_kind::m: return same_key_set(a.map(), b.map(), same_child);
  }
  return false;
}

template <class V>
constexpr bool same_member_value(const V& a, const V& b);

template <class V>
constexpr bool same_optional(const std::optional<V>& a, const std::optional<V>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || same_member_value(*a, *b);
}

/// Every member of two values of one shape, but the one `Skip` points to.
template <auto Skip = nullptr, described_shape T>
constexpr bool same_members(const T& a, const T& b) {
  return shape_of<T>::members.apply([&](const auto&... m) {
    const auto same = [&](const auto& entry) {
      if constexpr (std::is_same_v<decltype(entry.pointer), decltype(Skip)>)
        if (entry.pointer == Skip) return true;
      return same_optional(a.*(entry.pointer), b.*(entry.pointer));
    };
    return (same(m) && ...);
  });
}

template <class V>
constexpr bool same_member_value(const V& a, const V& b) {
  constexpr member_kind kind = kind_of_value<V>::value;
  if constexpr (kind == member_kind::structure) {
    return same_members(a, b);
  } else if constexpr (kind == member_kind::structure_list) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!same_members(a[i], b[i])) return false;
    return true;
  } else if constexpr (kind == member_kind::string_map) {
    return same_key_set(a, b, [](std::string_view x, std::string_view y) { return x == y; });
  } else if constexpr (kind == member_kind::attribute_map) {
    return same_key_set(a, b, [](const attribute_value& x, const attribute_value& y) {
      return same_attribute_value_at(x, y, 1);
    });
  } else {
    return a == b;
  }
}
}  // namespace detail

/// Two AttributeValues are the same JSON value (RULES.md §6).
[[nodiscard]] constexpr bool same_attribute_value(const attribute_value& a, const attribute_value& b) noexcept {
  return detail::same_attribute_value_at(a, b, 1);
}

/// Two values of one shape are the same in RULES.md §6's sense, member by member.
template <described_shape T>
[[nodiscard]] constexpr bool same_value(const T& a, const T& b) {
  return detail::same_members(a, b);
}

/// Compares the eleven members other than ClientToken.
[[nodiscard]] constexpr bool same_request_ignoring_token(const export_request& a, const export_request& b) {
  return detail::same_members<&export_request::client_token>(a, b);
}

}  // namespace ddbexport

#endif
