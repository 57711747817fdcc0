#ifndef DDBEXPORT_ATTRIBUTE_VALUE_HPP
#define DDBEXPORT_ATTRIBUTE_VALUE_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace ddbexport {

/// The ten members an AttributeValue object may carry, in WIRE.md §3 order.
enum class attribute_kind : std::uint8_t { s, n, b, ss, ns, bs, m, l, null, boolean };
inline constexpr std::size_t attribute_kind_count = 10;

/// The member name of a kind; empty for a value outside the enumeration.
[[nodiscard]] constexpr std::string_view wire_name(attribute_kind kind) noexcept {
  constexpr std::string_view names[attribute_kind_count] = {"S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL"};
  const auto index = static_cast<std::size_t>(kind);
  return index < attribute_kind_count ? names[index] : std::string_view{};
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

/// R-AV-DEPTH: DynamoDB's limit for nested attributes. The value itself is
/// level 1; each L or M adds one for its items.
inline constexpr std::size_t max_attribute_depth = 32;

/// The bound of every walk over an AttributeValue built by a caller (writers,
/// encoders, equality): values can point to each other without limit, the C++
/// stack cannot. It lies beyond anything a reader can produce: an
/// AttributeValue level takes two JSON levels (its object and the L or M
/// inside), and the reader refuses more than 512 (json/limits.hpp).
inline constexpr std::size_t max_walk_depth = 256;

/// True when `value` nests more than `Limit` levels deep. It walks without
/// recursion, over an explicit stack of `Limit` frames, and stops at the first
/// level beyond the limit, so a value nested 10^6 deep costs `Limit` steps down.
template <std::size_t Limit>
[[nodiscard]] constexpr bool nests_deeper_than(const attribute_value& value) noexcept {
  static_assert(Limit > 0);
  struct frame {
    const attribute_value* node;
    std::size_t next;
  };
  const auto children = [](const attribute_value& v) noexcept -> std::size_t {
    return v.kind == attribute_kind::l ? v.list_size : v.kind == attribute_kind::m ? v.map_size : 0;
  };
  const auto child = [](const attribute_value& v, std::size_t i) noexcept -> const attribute_value& {
    return v.kind == attribute_kind::l ? v.list_data[i] : v.map_data[i].value;
  };
  // Only a list or a map can nest: the common scalar costs one test.
  if (children(value) == 0) return false;
  // Left uninitialized on purpose (allowed in constexpr since C++20): only
  // frames below `depth` are ever read, and zero-filling all `Limit` of them
  // (4 KiB at the walk bound) cost more than the walk of an everyday value.
  std::array<frame, Limit> stack;  // NOLINT(cppcoreguidelines-pro-type-member-init)
  std::size_t depth = 1;  // `value` is level 1
  stack[0] = {&value, 0};
  while (depth != 0) {
    frame& top = stack[depth - 1];
    if (top.next == children(*top.node)) {
      --depth;
      continue;
    }
    const attribute_value& next = child(*top.node, top.next++);
    if (depth == Limit) return true;  // `next` is level Limit + 1
    if (children(next) != 0) stack[depth++] = {&next, 0};
  }
  return false;
}

/// One `ExpressionAttributeNames` entry.
struct string_entry {
  std::string_view key{};
  std::string_view value{};
};

}  // namespace ddbexport

#endif
