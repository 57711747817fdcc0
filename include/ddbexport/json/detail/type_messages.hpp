#ifndef DDBEXPORT_JSON_DETAIL_TYPE_MESSAGES_HPP
#define DDBEXPORT_JSON_DETAIL_TYPE_MESSAGES_HPP

/// The W-TYPE texts (RULES.md §3.1): what Coral says when a known member has
/// the wrong JSON type, one set per kind of member. Coral's texts follow two
/// patterns, `<K> cannot be converted to <type>` and `Unrecognized collection
/// type class <Java class>`; the sets are built from them at compile time.
/// Longs are not in RULES.md's list; their texts follow the pattern and are
/// ddbexport's choice. Integers are SERVICE.md §6's.

#include <array>
#include <cstddef>
#include <string_view>

#include "ddbexport/member.hpp"
#include "ddbexport/service_error.hpp"

namespace ddbexport::detail {

/// One text per JSON value that can turn up where it does not belong; empty
/// where the value is the member's own type.
struct type_messages {
  std::string_view true_value;
  std::string_view false_value;
  std::string_view number_value;   ///< an integer literal (NUMBER_VALUE)
  std::string_view decimal_value;  ///< a literal with `.`, `e` or `E` (DECIMAL_VALUE)
  std::string_view string_value;
  std::string_view array_value;
  std::string_view object_value;
  std::string_view null_value;  ///< only where null is not "absent"

  /// One text for every scalar (booleans, numbers, strings).
  [[nodiscard]] static constexpr type_messages for_scalars(std::string_view scalar, std::string_view array,
                                                           std::string_view object = {},
                                                           std::string_view null = {}) noexcept {
    return {scalar, scalar, scalar, scalar, scalar, array, object, null};
  }
};

/// The concatenation of `Parts`, with static storage.
template <const std::string_view&... Parts>
struct joined_text {
  static constexpr std::size_t size = (Parts.size() + ...);
  static constexpr std::array<char, size> storage = [] {
    std::array<char, size> text{};
    std::size_t at = 0;
    ((std::string_view{Parts}.copy(text.data() + at, Parts.size()), at += Parts.size()), ...);
    return text;
  }();
  static constexpr std::string_view value{storage.data(), size};
};

inline constexpr std::string_view start_of_structure_text = "Start of structure or map found where not expected";
inline constexpr std::string_view unexpected_field_text = "Unexpected field type";
inline constexpr std::string_view malformed_attribute_text = "Supplied AttributeValue is malformed";
inline constexpr std::string_view unexpected_value_text = "Unexpected value type in payload";

// The parts of Coral's two patterns.
inline constexpr std::string_view true_kind = "TRUE_VALUE";
inline constexpr std::string_view false_kind = "FALSE_VALUE";
inline constexpr std::string_view number_kind = "NUMBER_VALUE";
inline constexpr std::string_view decimal_kind = "DECIMAL_VALUE";
inline constexpr std::string_view string_kind = "STRING_VALUE";
inline constexpr std::string_view cannot_convert = " cannot be converted to ";
/// Timestamps: the other spelling, seen on another Coral JSON service.
inline constexpr std::string_view can_not_convert = " can not be converted to ";
inline constexpr std::string_view collection_class = "Unrecognized collection type class ";
inline constexpr std::string_view dot = ".";

inline constexpr std::string_view string_type = "String";
inline constexpr std::string_view java_string = "java.lang.String";
inline constexpr std::string_view long_type = "Long";
inline constexpr std::string_view java_long = "java.lang.Long";
inline constexpr std::string_view integer_type = "Integer";
inline constexpr std::string_view java_integer = "java.lang.Integer";
inline constexpr std::string_view epoch_type = "milliseconds since epoch";
inline constexpr std::string_view java_date = "java.util.Date";

/// A scalar member of Java type `JavaClass`, which Coral names `Target` when
/// it cannot convert: booleans, numbers and strings each get `<K> <Verb>
/// <Target>` (but those the member takes as they are), an array the
/// collection text, an object the structure text.
template <const std::string_view& Verb, const std::string_view& Target, const std::string_view& JavaClass,
          bool takes_numbers, bool takes_strings>
struct scalar_messages {
  template <const std::string_view& Kind>
  static constexpr std::string_view cannot = joined_text<Kind, Verb, Target>::value;
  static constexpr type_messages value{
      cannot<true_kind>,
      cannot<false_kind>,
      takes_numbers ? std::string_view{} : cannot<number_kind>,
      takes_numbers ? std::string_view{} : cannot<decimal_kind>,
      takes_strings ? std::string_view{} : cannot<string_kind>,
      joined_text<collection_class, JavaClass>::value,
      start_of_structure_text,
      {},
  };
};

inline constexpr type_messages string_messages =
    scalar_messages<cannot_convert, string_type, java_string, false, true>::value;
inline constexpr type_messages timestamp_messages =
    scalar_messages<can_not_convert, epoch_type, java_date, true, false>::value;
// Longs and integers keep their number texts: the reader gives them for
// fractions and out-of-range values.
inline constexpr type_messages long_messages = scalar_messages<cannot_convert, long_type, java_long, false, false>::value;
inline constexpr type_messages integer_messages =
    scalar_messages<cannot_convert, integer_type, java_integer, false, false>::value;

/// W-TIME: a number outside the Date range after rounding.
inline constexpr std::string_view decimal_time_range_text = joined_text<decimal_kind, can_not_convert, epoch_type>::value;
inline constexpr std::string_view number_time_range_text = joined_text<number_kind, can_not_convert, epoch_type>::value;

inline constexpr std::string_view map_of_strings_to = "Unrecognized collection type java.util.Map<java.lang.String, ";
inline constexpr std::string_view map_end = ">";
inline constexpr std::string_view attribute_value_class = "AttributeValue";

inline constexpr type_messages name_map_messages = type_messages::for_scalars(
    unexpected_field_text, joined_text<map_of_strings_to, java_string, map_end>::value);
inline constexpr type_messages value_map_messages = type_messages::for_scalars(
    unexpected_field_text,
    joined_text<map_of_strings_to, dynamodb_namespace, dot, attribute_value_class, map_end>::value);

/// An entry of ExpressionAttributeValues, of an `M` or of an `L` that is no object.
inline constexpr type_messages attribute_entry_messages = type_messages::for_scalars(
    unexpected_value_text, joined_text<collection_class, dynamodb_namespace, dot, attribute_value_class>::value, {},
    malformed_attribute_text);

/// Anything else wrong inside an AttributeValue.
inline constexpr type_messages malformed_attribute_messages = type_messages::for_scalars(
    malformed_attribute_text, malformed_attribute_text, malformed_attribute_text, malformed_attribute_text);

/// Structure members: `Unrecognized collection type class <NS>.<Shape>` for an
/// array, from the shape's table. A list of structures given a scalar or an
/// object gets the texts other members get for the same mistake *(chosen:
/// RULES.md lists no texts for lists)*.
template <class Shape>
struct structure_messages {
  static constexpr type_messages value = type_messages::for_scalars(
      unexpected_field_text, joined_text<collection_class, dynamodb_namespace, dot, shape_of<Shape>::name>::value);
  static constexpr type_messages list = type_messages::for_scalars(unexpected_field_text, {}, start_of_structure_text);
};

}  // namespace ddbexport::detail

#endif
