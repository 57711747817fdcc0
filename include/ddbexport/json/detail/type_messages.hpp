#ifndef DDBEXPORT_JSON_DETAIL_TYPE_MESSAGES_HPP
#define DDBEXPORT_JSON_DETAIL_TYPE_MESSAGES_HPP

/// The W-TYPE texts (RULES.md §3.1): what Coral says when a known member has
/// the wrong JSON type, one set per kind of member. Longs and integers are not
/// in the list; their texts follow the String pattern and are ddbexport's choice.

#include <array>
#include <cstddef>
#include <string_view>

#include "ddbexport/member.hpp"
#include "ddbexport/service_error.hpp"

namespace ddbexport::detail {

/// One text per JSON value that can turn up where it does not belong.
struct type_messages {
  std::string_view true_value;
  std::string_view false_value;
  std::string_view number_value;   ///< an integer literal (NUMBER_VALUE)
  std::string_view decimal_value;  ///< a literal with `.`, `e` or `E` (DECIMAL_VALUE)
  std::string_view string_value;
  std::string_view array_value;
  std::string_view object_value;
  std::string_view null_value;  ///< only where null is not "absent"
};

inline constexpr std::string_view start_of_structure_text = "Start of structure or map found where not expected";
inline constexpr std::string_view unexpected_field_text = "Unexpected field type";
inline constexpr std::string_view malformed_attribute_text = "Supplied AttributeValue is malformed";
inline constexpr std::string_view unexpected_value_text = "Unexpected value type in payload";

inline constexpr type_messages string_messages{
    "TRUE_VALUE cannot be converted to String",      "FALSE_VALUE cannot be converted to String",
    "NUMBER_VALUE cannot be converted to String",    "DECIMAL_VALUE cannot be converted to String",
    "",                                              "Unrecognized collection type class java.lang.String",
    start_of_structure_text,                         "",
};

inline constexpr type_messages timestamp_messages{
    "TRUE_VALUE can not be converted to milliseconds since epoch",
    "FALSE_VALUE can not be converted to milliseconds since epoch",
    "",
    "",
    "STRING_VALUE can not be converted to milliseconds since epoch",
    "Unrecognized collection type class java.util.Date",
    start_of_structure_text,
    "",
};

/// W-TIME: a number outside the Date range after rounding.
inline constexpr std::string_view decimal_time_range_text = "DECIMAL_VALUE can not be converted to milliseconds since epoch";
inline constexpr std::string_view number_time_range_text = "NUMBER_VALUE can not be converted to milliseconds since epoch";

inline constexpr type_messages long_messages{
    "TRUE_VALUE cannot be converted to Long",   "FALSE_VALUE cannot be converted to Long",
    "NUMBER_VALUE cannot be converted to Long", "DECIMAL_VALUE cannot be converted to Long",
    "STRING_VALUE cannot be converted to Long", "Unrecognized collection type class java.lang.Long",
    start_of_structure_text,                    "",
};

inline constexpr type_messages integer_messages{
    "TRUE_VALUE cannot be converted to Integer",   "FALSE_VALUE cannot be converted to Integer",
    "NUMBER_VALUE cannot be converted to Integer", "DECIMAL_VALUE cannot be converted to Integer",
    "STRING_VALUE cannot be converted to Integer", "Unrecognized collection type class java.lang.Integer",
    start_of_structure_text,                       "",
};

inline constexpr type_messages name_map_messages{
    unexpected_field_text, unexpected_field_text, unexpected_field_text, unexpected_field_text, unexpected_field_text,
    "Unrecognized collection type java.util.Map<java.lang.String, java.lang.String>", "", "",
};

inline constexpr type_messages value_map_messages{
    unexpected_field_text, unexpected_field_text, unexpected_field_text, unexpected_field_text, unexpected_field_text,
    "Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>",
    "", "",
};

/// An entry of ExpressionAttributeValues, of an `M` or of an `L` that is no object.
inline constexpr type_messages attribute_entry_messages{
    unexpected_value_text, unexpected_value_text, unexpected_value_text, unexpected_value_text, unexpected_value_text,
    "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue", "",
    malformed_attribute_text,
};

/// Anything else wrong inside an AttributeValue.
inline constexpr type_messages malformed_attribute_messages{
    malformed_attribute_text, malformed_attribute_text, malformed_attribute_text, malformed_attribute_text,
    malformed_attribute_text, malformed_attribute_text, malformed_attribute_text, malformed_attribute_text,
};

/// Structure members: `Unrecognized collection type class <NS>.<Shape>` for an
/// array, built at compile time from the shape's name table. A list of
/// structures given a scalar or an object gets the texts other members get
/// for the same mistake *(chosen: RULES.md lists no texts for lists)*.
template <class Shape>
struct structure_messages {
  static constexpr std::string_view prefix = "Unrecognized collection type class ";
  static constexpr std::size_t size = prefix.size() + dynamodb_namespace.size() + 1 + shape_of<Shape>::name.size();
  static constexpr std::array<char, size> array_text_storage = [] {
    std::array<char, size> text{};
    std::size_t at = 0;
    for (char c : prefix) text[at++] = c;
    for (char c : dynamodb_namespace) text[at++] = c;
    text[at++] = '.';
    for (char c : shape_of<Shape>::name) text[at++] = c;
    return text;
  }();
  static constexpr type_messages value{
      unexpected_field_text, unexpected_field_text, unexpected_field_text, unexpected_field_text, unexpected_field_text,
      std::string_view{array_text_storage.data(), array_text_storage.size()}, "", "",
  };
  static constexpr type_messages list{
      unexpected_field_text, unexpected_field_text, unexpected_field_text, unexpected_field_text,
      unexpected_field_text, "", start_of_structure_text, "",
  };
};

}  // namespace ddbexport::detail

#endif
