#ifndef DDBEXPORT_SERIALIZE_HPP
#define DDBEXPORT_SERIALIZE_HPP

/// The serializer hook. A format is a tag type; it plugs in by specialising
/// `encoder_for<Tag, Out>` (fwd.hpp) with an encoder, a visitor that the
/// library walks through a value in wire order:
///
///     e.begin_structure(member_name, shape_name);   // member_name "" at the top and in lists
///     e.member(wire_name, kind_tag<K>{}, value);     // once per present member
///     e.end_structure();
///     e.begin_list(member_name, element_shape_name); // a list of structures: each element
///     e.end_list();                                  //   is a begin/end_structure pair between
///
/// `value` is `std::string_view` for strings and enumerations (the wire text,
/// unknown values verbatim), `timestamp`, `std::int64_t` for longs,
/// `std::int32_t` for integers, and a span of entries for the two maps.
/// Absent members are never visited. The built-in JSON writer is one such
/// encoder (json/writer.hpp); tests/examples/custom_format.cpp shows another.
///
/// Attribute maps arrive as spans: an encoder that descends into their
/// AttributeValues must bound its recursion (the JSON one stops at
/// max_walk_depth). Input formats parse their own syntax and land each value
/// with `with_member_named` (member.hpp), which also tells them the member's
/// kind; the JSON reader finds members the same way.

#include <concepts>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "ddbexport/attribute_value.hpp"
#include "ddbexport/fwd.hpp"
#include "ddbexport/member.hpp"
#include "ddbexport/members.hpp"  // every shape can be serialized
#include "ddbexport/output.hpp"
#include "ddbexport/timestamp.hpp"

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
  e.begin_list(name, name);
  e.end_list();
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
    } else if constexpr (kind == member_kind::structure_list) {
      using element = list_element_t<V>;
      encoder.begin_list(name, shape_of<element>::name);
      for (const element& item : *m) {
        encoder.begin_structure(std::string_view{}, shape_of<element>::name);
        encode_members(item, encoder);
        encoder.end_structure();
      }
      encoder.end_list();
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

}  // namespace ddbexport

#endif
