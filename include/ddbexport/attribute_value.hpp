#ifndef DDBEXPORT_ATTRIBUTE_VALUE_HPP
#define DDBEXPORT_ATTRIBUTE_VALUE_HPP

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace ddbexport {

/// The ten members an AttributeValue object may carry, in WIRE.md §3 order.
enum class attribute_kind : std::uint8_t { s, n, b, ss, ns, bs, m, l, null, boolean };

[[nodiscard]] constexpr std::string_view wire_name(attribute_kind kind) noexcept {
  constexpr std::string_view names[] = {"S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL"};
  return names[static_cast<std::size_t>(kind)];
}

struct attribute_entry;

/// A DynamoDB AttributeValue, as used in FilterSpecification.ExpressionAttributeValues.
/// Non-owning: text, binary bytes and children live in caller storage (or in
/// the reader's arena). `B`/`BS` hold the decoded bytes; the writer encodes
/// them as canonical base64, as the SDK does.
struct attribute_value {
  attribute_kind kind = attribute_kind::null;
  std::string_view scalar{};                     ///< S, N, B
  bool flag = true;                              ///< BOOL, and NULL's literal (normally true)
  std::span<const std::string_view> set{};       ///< SS, NS, BS
  const attribute_value* list_data = nullptr;    ///< L
  std::size_t list_size = 0;
  const attribute_entry* map_data = nullptr;     ///< M, entries in stored order
  std::size_t map_size = 0;

  [[nodiscard]] constexpr std::span<const attribute_value> list() const noexcept { return {list_data, list_size}; }
  [[nodiscard]] constexpr std::span<const attribute_entry> map() const noexcept;

  [[nodiscard]] static constexpr attribute_value string(std::string_view v) noexcept { return {attribute_kind::s, v}; }
  [[nodiscard]] static constexpr attribute_value number(std::string_view v) noexcept { return {attribute_kind::n, v}; }
  [[nodiscard]] static constexpr attribute_value binary(std::string_view bytes) noexcept {
    return {attribute_kind::b, bytes};
  }
  [[nodiscard]] static constexpr attribute_value boolean(bool v) noexcept {
    attribute_value a{attribute_kind::boolean};
    a.flag = v;
    return a;
  }
  [[nodiscard]] static constexpr attribute_value null() noexcept { return {attribute_kind::null}; }
  [[nodiscard]] static constexpr attribute_value set_of(attribute_kind kind, std::span<const std::string_view> items) noexcept {
    attribute_value a{kind};
    a.set = items;
    return a;
  }
  [[nodiscard]] static constexpr attribute_value list_of(std::span<const attribute_value> items) noexcept {
    attribute_value a{attribute_kind::l};
    a.list_data = items.data();
    a.list_size = items.size();
    return a;
  }
  [[nodiscard]] static constexpr attribute_value map_of(std::span<const attribute_entry> entries) noexcept;
};

struct attribute_entry {
  std::string_view key{};
  attribute_value value{};
};

constexpr std::span<const attribute_entry> attribute_value::map() const noexcept { return {map_data, map_size}; }

constexpr attribute_value attribute_value::map_of(std::span<const attribute_entry> entries) noexcept {
  attribute_value a{attribute_kind::m};
  a.map_data = entries.data();
  a.map_size = entries.size();
  return a;
}

/// One `ExpressionAttributeNames` entry.
struct string_entry {
  std::string_view key{};
  std::string_view value{};
};

}  // namespace ddbexport

#endif
