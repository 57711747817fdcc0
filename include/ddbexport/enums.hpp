#ifndef DDBEXPORT_ENUMS_HPP
#define DDBEXPORT_ENUMS_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "ddbexport/detail/ascii.hpp"

namespace ddbexport {

enum class s3_sse_algorithm : std::uint8_t { aes256, kms };
enum class export_format : std::uint8_t { dynamodb_json, ion };
enum class export_type : std::uint8_t { full_export, incremental_export };
enum class export_view_type : std::uint8_t { new_image, new_and_old_images };
enum class export_status : std::uint8_t { in_progress, completed, failed };
enum class point_in_time_recovery_status : std::uint8_t { enabled, disabled };
enum class continuous_backups_status : std::uint8_t { enabled, disabled };

/// The wire names of each enum, indexed by enumerator.
template <class E>
inline constexpr std::array<std::string_view, 0> enum_wire_names{};
template <>
inline constexpr std::array<std::string_view, 2> enum_wire_names<s3_sse_algorithm>{"AES256", "KMS"};
template <>
inline constexpr std::array<std::string_view, 2> enum_wire_names<export_format>{"DYNAMODB_JSON", "ION"};
template <>
inline constexpr std::array<std::string_view, 2> enum_wire_names<export_type>{"FULL_EXPORT", "INCREMENTAL_EXPORT"};
template <>
inline constexpr std::array<std::string_view, 2> enum_wire_names<export_view_type>{"NEW_IMAGE", "NEW_AND_OLD_IMAGES"};
template <>
inline constexpr std::array<std::string_view, 3> enum_wire_names<export_status>{"IN_PROGRESS", "COMPLETED", "FAILED"};
template <>
inline constexpr std::array<std::string_view, 2> enum_wire_names<point_in_time_recovery_status>{"ENABLED", "DISABLED"};
template <>
inline constexpr std::array<std::string_view, 2> enum_wire_names<continuous_backups_status>{"ENABLED", "DISABLED"};

/// The order the service lists an enum's values in `Member must satisfy enum
/// value set: [...]`: the model's, but ExportFormat's, which is the only
/// order observed live (RULES.md §3.1).
template <class E>
inline constexpr std::array<std::size_t, enum_wire_names<E>.size()> enum_message_order = [] {
  std::array<std::size_t, enum_wire_names<E>.size()> order{};
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  return order;
}();
template <>
inline constexpr std::array<std::size_t, 2> enum_message_order<export_format>{1, 0};

/// An enum's wire names and its value set as messages quote it (`[AES256, KMS]`).
template <class E>
struct enum_traits {
  static constexpr const auto& names = enum_wire_names<E>;

 private:
  static constexpr std::size_t set_size = [] {
    std::size_t n = 2 + 2 * (names.size() - 1);
    for (auto name : names) n += name.size();
    return n;
  }();
  static constexpr std::array<char, set_size> set_text = [] {
    std::array<char, set_size> text{};
    std::size_t at = 0;
    text[at++] = '[';
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (i != 0) {
        text[at++] = ',';
        text[at++] = ' ';
      }
      const std::string_view name = names[enum_message_order<E>[i]];
      at += name.copy(text.data() + at, name.size());
    }
    text[at] = ']';
    return text;
  }();

 public:
  static constexpr std::string_view value_set{set_text.data(), set_text.size()};
};

template <class E>
concept wire_enumeration = enum_wire_names<E>.size() != 0;

/// Every enumerator of E, for generators and exhaustive tests.
template <wire_enumeration E>
inline constexpr auto enum_values = [] {
  std::array<E, enum_traits<E>::names.size()> values{};
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<E>(i);
  return values;
}();

/// The wire name, or an empty view for a value outside the enumeration.
template <wire_enumeration E>
[[nodiscard]] constexpr std::string_view to_wire(E value) noexcept {
  const auto index = static_cast<std::size_t>(value);
  return index < enum_traits<E>::names.size() ? enum_traits<E>::names[index] : std::string_view{};
}

/// Exact, case-sensitive lookup: `aes256` is not AES256 (the service agrees).
template <wire_enumeration E>
[[nodiscard]] constexpr std::optional<E> from_wire(std::string_view name) noexcept {
  for (std::size_t i = 0; i < enum_traits<E>::names.size(); ++i)
    if (detail::equal(name, enum_traits<E>::names[i])) return static_cast<E>(i);
  return std::nullopt;
}

/// An enum member as the wire carries it: any string. Known values map to E;
/// unknown ones (a newer service, a typo) are kept verbatim so they survive a
/// read/write round trip and the validator can name them. Holding the text,
/// not an integer, avoids the aws-sdk-cpp trap of hashing unknown names into
/// integers that cannot be turned back into the original string.
template <wire_enumeration E>
class open_enum {
 public:
  using enum_type = E;

  constexpr open_enum() noexcept = default;
  // Implicit on purpose: `.export_format = export_format::ion` should read naturally.
  constexpr open_enum(E value) noexcept : text_(to_wire(value)) {}  // NOLINT(google-explicit-constructor)

  /// Any wire text; the view must outlive this value.
  [[nodiscard]] static constexpr open_enum from_text(std::string_view text) noexcept {
    open_enum result;
    result.text_ = text;
    return result;
  }

  [[nodiscard]] constexpr std::string_view text() const noexcept { return text_; }
  [[nodiscard]] constexpr std::optional<E> known() const noexcept { return from_wire<E>(text_); }
  [[nodiscard]] constexpr bool is_known() const noexcept { return known().has_value(); }
  [[nodiscard]] constexpr bool is(E value) const noexcept { return detail::equal(text_, to_wire(value)); }

  friend constexpr bool operator==(const open_enum& a, const open_enum& b) noexcept { return a.text_ == b.text_; }
  friend constexpr bool operator==(const open_enum& a, E b) noexcept { return a.is(b); }

 private:
  std::string_view text_;
};

/// Aliases for struct members whose names match their enum's name.
using s3_sse_algorithm_value = open_enum<s3_sse_algorithm>;
using export_format_value = open_enum<export_format>;
using export_type_value = open_enum<export_type>;
using export_view_type_value = open_enum<export_view_type>;
using export_status_value = open_enum<export_status>;
using point_in_time_recovery_status_value = open_enum<point_in_time_recovery_status>;
using continuous_backups_status_value = open_enum<continuous_backups_status>;

/// Documented service defaults, applied when a member is absent. Keeping the
/// members optional preserves "absent" versus "explicitly the default", which
/// the service echoes and the idempotency check compares differently.
inline constexpr export_type default_export_type = export_type::full_export;
inline constexpr export_view_type default_export_view_type = export_view_type::new_and_old_images;
inline constexpr export_format default_export_format = export_format::dynamodb_json;
inline constexpr s3_sse_algorithm default_s3_sse_algorithm = s3_sse_algorithm::aes256;

}  // namespace ddbexport

#endif
