#ifndef DDBEXPORT_SERVICE_DETAIL_OWNED_COPY_HPP
#define DDBEXPORT_SERVICE_DETAIL_OWNED_COPY_HPP

/// A deep copy of a model value into one allocation of its own: every view
/// (text, enum text, maps, AttributeValue trees) is re-pointed into bytes the
/// copy owns. memory_store keeps its records this way, so a lookup hands out
/// the stored value itself instead of re-reading a JSON text (issue 14, item
/// 8: the text round trip was most of an insert's cost).
///
/// Two walks over the member tables: the first sizes the allocation, the
/// second fills it through json::arena, so the copy never grows a buffer.
/// AttributeValue trees deeper than max_walk_depth are refused, as the writer
/// refuses them, because the walk recurses.

#include <cstddef>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "ddbexport/attribute_value.hpp"
#include "ddbexport/enums.hpp"
#include "ddbexport/json/arena.hpp"
#include "ddbexport/member.hpp"
#include "ddbexport/members.hpp"
#include "ddbexport/timestamp.hpp"

namespace ddbexport::service::detail {

/// One walk of a value: sizing (Place false) or copying into `arena_` (Place true).
template <bool Place>
class copy_walk {
 public:
  copy_walk() = default;
  explicit copy_walk(json::arena& into) noexcept : arena_(&into) {}

  [[nodiscard]] std::size_t bytes() const noexcept { return bytes_; }
  [[nodiscard]] bool ok() const noexcept { return ok_; }

  template <described_shape S>
  [[nodiscard]] S shape(const S& source, std::size_t depth = 0) {
    S copy = source;
    for_each_member(copy, [&](std::string_view, auto& field) {
      if (field) *field = this->field(*field, depth);
    });
    return copy;
  }

 private:
  template <class T>
  static constexpr bool is_trivial_field = std::is_same_v<T, timestamp> || std::is_integral_v<T>;

  template <class T>
  T field(const T& value, std::size_t depth) {
    if constexpr (is_trivial_field<T>) {
      return value;
    } else if constexpr (std::is_same_v<T, std::string_view>) {
      return text(value);
    } else if constexpr (requires { typename T::enum_type; }) {
      return T::from_text(text(value.text()));
    } else if constexpr (std::is_same_v<T, std::span<const string_entry>>) {
      return array(value, [&](const string_entry& e) { return string_entry{text(e.key), text(e.value)}; });
    } else if constexpr (std::is_same_v<T, std::span<const attribute_entry>>) {
      return array(value, [&](const attribute_entry& e) { return entry(e, depth); });
    } else if constexpr (described_shape<T>) {
      return shape(value, depth);
    } else {
      using element = list_element_t<T>;
      return array(value, [&](const element& e) { return shape(e, depth); });
    }
  }

  attribute_entry entry(const attribute_entry& e, std::size_t depth) { return {text(e.key), node(e.value, depth + 1)}; }

  attribute_value node(const attribute_value& v, std::size_t depth) {
    if (depth > max_walk_depth) {
      ok_ = false;
      return {};
    }
    attribute_value copy = v;
    copy.scalar = text(v.scalar);
    copy.set = array(v.set, [&](std::string_view s) { return text(s); });
    const auto list = array(v.list(), [&](const attribute_value& child) { return node(child, depth + 1); });
    copy.list_data = list.data();
    const auto map = array(v.map(), [&](const attribute_entry& e) { return entry(e, depth); });
    copy.map_data = map.data();
    return copy;
  }

  std::string_view text(std::string_view s) {
    if (s.empty()) return {};
    if constexpr (!Place) {
      bytes_ += s.size();
      return s;
    } else {
      char* out = arena_->keep_text(s.size());
      if (out == nullptr) return fail<std::string_view>();
      std::memcpy(out, s.data(), s.size());
      return {out, s.size()};
    }
  }

  // Elements are copied before the array is placed, so a child's storage
  // never lands between an array's elements.
  template <class T, class Each>
  std::span<const T> array(std::span<const T> source, Each&& each) {
    if (source.empty()) return {};
    if constexpr (!Place) {
      bytes_ += source.size() * sizeof(T) + alignof(T);
      for (const T& e : source) (void)each(e);
      return source;
    } else {
      T* out = arena_->keep_uninitialized<T>(source.size());
      if (out == nullptr) return fail<std::span<const T>>();
      for (std::size_t i = 0; i < source.size(); ++i) ::new (static_cast<void*>(out + i)) T(each(source[i]));
      return {out, source.size()};
    }
  }

  template <class T>
  T fail() {
    ok_ = false;
    return T{};
  }

  json::arena* arena_ = nullptr;
  std::size_t bytes_ = 0;
  bool ok_ = true;
};

/// Copies of `values...` whose views all point into one block, which replaces
/// `storage`; empty (and `storage` untouched) when one nests too deeply to copy.
/// One block for several values: the store keeps a record's request and
/// description together, one allocation per accepted export instead of two.
template <described_shape... T>
[[nodiscard]] std::optional<std::tuple<T...>> owned_copies(std::unique_ptr<std::byte[]>& storage, const T&... values) {
  copy_walk<false> sizing;
  (..., (void)sizing.shape(values));
  if (!sizing.ok()) return std::nullopt;
  // The arena trims its end to max_align_t; the slack keeps the sized bytes whole.
  const std::size_t size = sizing.bytes() + alignof(std::max_align_t);
  auto bytes = std::unique_ptr<std::byte[]>(new std::byte[size]);
  json::arena into{std::span<std::byte>{bytes.get(), size}};
  copy_walk<true> placing{into};
  // Braced initialisation runs left to right, in the order the sizing walked.
  std::tuple<T...> copies{placing.shape(values)...};
  if (!placing.ok()) return std::nullopt;
  storage = std::move(bytes);
  return copies;
}

/// A copy of `value` whose views point into `storage`, which it replaces;
/// empty (and `storage` untouched) when the value nests too deeply to copy.
template <described_shape T>
[[nodiscard]] std::optional<T> owned_copy(const T& value, std::unique_ptr<std::byte[]>& storage) {
  auto copies = owned_copies(storage, value);
  if (!copies) return std::nullopt;
  return std::get<0>(std::move(*copies));
}

}  // namespace ddbexport::service::detail

#endif
