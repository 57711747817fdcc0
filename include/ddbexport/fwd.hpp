#ifndef DDBEXPORT_FWD_HPP
#define DDBEXPORT_FWD_HPP

/// Forward declarations and the serializer customization points, so a user
/// can write a format plug-in without pulling in the JSON codec. Only
/// <cstdint> is needed here; serialize.hpp has the concepts and the walk.

#include <cstdint>

namespace ddbexport {

// The value model.
struct export_request;
struct incremental_export_specification;
struct filter_specification;
struct export_description;
struct export_response;
struct continuous_backups_description;
struct point_in_time_recovery_description;
struct attribute_value;
struct attribute_entry;
struct string_entry;
struct describe_export_request;
struct describe_export_response;
struct list_exports_request;
struct list_exports_response;
struct export_summary;
struct error_reading;

/// The member table of a shape (members.hpp): wire names, order, member
/// pointers, constraints.
template <class T>
struct shape_of;

/// The wire kind of a member (member.hpp has the enumerators).
enum class member_kind : std::uint8_t;

/// A member kind as a type, so an encoder can overload `member` on it.
template <member_kind K>
struct kind_tag {
  static constexpr member_kind value = K;
};

/// Output-format hook: specialise `encoder_for<YourFormat, Out>` with a class
/// constructible from `Out&` that satisfies `shape_encoder` (serialize.hpp);
/// `serialize<YourFormat>(value, out)` then writes any described shape.
template <class Format, class Out>
struct encoder_for;

namespace json {
/// Tag of the built-in AWS JSON 1.0 format (json/writer.hpp specialises encoder_for for it).
struct format {};
class arena;
class owning_arena;
struct read_limits;
struct result;  ///< what json::read and json::write return (read_result, write_result)
}  // namespace json

}  // namespace ddbexport

#endif
