#ifndef DDBEXPORT_SERIALIZE_HPP
#define DDBEXPORT_SERIALIZE_HPP

/// The serializer hook. A format is a tag type; it plugs in by specialising
/// `encoder_for<Tag, Out>` (fwd.hpp) with an encoder, a visitor that the
/// library walks through a value in wire order:
///
///     e.begin_structure(member_name, shape_name);   // member_name "" at the top
///     e.member(wire_name, kind_tag<K>{}, value);     // once per present member
///     e.end_structure();
///
/// `value` is `std::string_view` for strings and enumerations (the wire text,
/// unknown values verbatim), `timestamp`, `std::int64_t` for longs,
/// `std::int32_t` for integers, and a span of entries for the two maps.
/// Absent members are never visited. The built-in JSON writer is one such
/// encoder (json/writer.hpp); tests/examples/custom_format.cpp shows another.
///
/// Input formats parse their own syntax and land each value with
/// `with_member_named`, which also tells them the member's kind; the JSON
/// reader finds members the same way, through `find_member`.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "ddbexport/fwd.hpp"
#include "ddbexport/members.hpp"
#include "ddbexport/output.hpp"

namespace ddbexport {

/// What an encoder's `member` receives for a member of kind K.
template <member_kind K>
struct encoded_value;
template <>
struct encoded_value<member_kind::string> { using type = std::string_view; };
template <>
struct encoded_value<member_kind::enumeration> { using type = std::string_view; };
template <>
struct encoded_value<member_kind::timestamp> { using type = timestamp; };
template <>
struct encoded_value<member_kind::long_integer> { using type = std::int64_t; };
template <>
struct encoded_value<member_kind::integer> { using type = std::int32_t; };
template <>
struct encoded_value<member_kind::string_map> { using type = std::span<const string_entry>; };
template <>
struct encoded_value<member_kind::attribute_map> { using type = std::span<const attribute_entry>; };
template <member_kind K>
using encoded_value_t = typename encoded_value<K>::type;

template <class E, member_kind K>
concept encodes_kind = requires(E& e, std::string_view name, const encoded_value_t<K>& value) {
  e.member(name, kind_tag<K>{}, value);
};

/// A visitor that can receive every member of every shape. Checked up front so
/// a plug-in missing one overload fails with this concept's name, not deep
/// inside the walk.
template <class E>
concept shape_encoder = requires(E& e, std::string_view name) {
  e.begin_structure(name, name);
  e.end_structure();
} && encodes_kind<E, member_kind::string> && encodes_kind<E, member_kind::enumeration> &&
                        encodes_kind<E, member_kind::timestamp> && encodes_kind<E, member_kind::long_integer> &&
                        encodes_kind<E, member_kind::integer> && encodes_kind<E, member_kind::string_map> &&
                        encodes_kind<E, member_kind::attribute_map>;

/// A format tag with an encoder for output `Out`.
template <class Format, class Out>
concept output_format = text_output<Out> && std::constructible_from<encoder_for<Format, Out>, Out&> &&
                        shape_encoder<encoder_for<Format, Out>>;

/// Visits the present members of `value` in wire order (no begin/end for `value` itself).
template <described_shape T, shape_encoder E>
constexpr void encode_members(const T& value, E& encoder) {
  for_each_member(value, [&]<class V>(std::string_view name, const std::optional<V>& m) {
    if (!m) return;
    constexpr member_kind kind = detail::kind_of_value<V>::value;
    if constexpr (kind == member_kind::structure) {
      encoder.begin_structure(name, shape_of<V>::name);
      encode_members(*m, encoder);
      encoder.end_structure();
    } else if constexpr (kind == member_kind::enumeration) {
      encoder.member(name, kind_tag<kind>{}, m->text());
    } else {
      encoder.member(name, kind_tag<kind>{}, static_cast<const encoded_value_t<kind>&>(*m));
    }
  });
}

/// Walks a whole value: the top-level structure, then its members.
template <described_shape T, shape_encoder E>
constexpr void encode(const T& value, E& encoder) {
  encoder.begin_structure(std::string_view{}, shape_of<T>::name);
  encode_members(value, encoder);
  encoder.end_structure();
}

/// Writes `value` in `Format` to `out`: `serialize<json::format>(request, out)`.
template <class Format, described_shape T, text_output Out>
  requires output_format<Format, Out>
constexpr void serialize(const T& value, Out& out) {
  encoder_for<Format, Out> encoder(out);
  encode(value, encoder);
}

// ---- Finding members by wire name ------------------------------------------

template <described_shape T>
inline constexpr std::size_t member_count = std::tuple_size_v<std::remove_cvref_t<decltype(shape_of<T>::members)>>;

/// The wire names of T, in order.
template <described_shape T>
inline constexpr auto member_names = std::apply(
    [](const auto&... m) { return std::array<std::string_view, sizeof...(m)>{m.name...}; }, shape_of<T>::members);

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
    std::array<std::uint8_t, names.size()> order{};    // indices sorted by name length
    std::array<std::uint8_t, longest + 2> first{};     // first[len] .. first[len + 1] in `order`
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
  std::apply(
      [&]<class... M>(const M&... m) {
        std::size_t i = 0;
        const auto visit_if_chosen = [&](const auto& one) {
          if (i++ != index) return false;
          f(one.name, value.*(one.pointer));
          return true;
        };
        static_cast<void>((visit_if_chosen(m) || ...));
      },
      shape_of<std::remove_const_t<T>>::members);
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

}  // namespace ddbexport

#endif
