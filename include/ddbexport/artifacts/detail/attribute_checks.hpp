#ifndef DDBEXPORT_ARTIFACTS_DETAIL_ATTRIBUTE_CHECKS_HPP
#define DDBEXPORT_ARTIFACTS_DETAIL_ATTRIBUTE_CHECKS_HPP

/// What ARTIFACTS.md §6.4 asks of decoded AttributeValues, whichever format
/// they came from: sets non-empty and without repeats, numbers within
/// DynamoDB's limits, no unpaired surrogate; attribute names (A-ATTR-NAME);
/// and value equality with numbers compared by value.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "ddbexport/artifacts/detail/attribute_writer.hpp"
#include "ddbexport/artifacts/number.hpp"
#include "ddbexport/attribute_value.hpp"
#include "ddbexport/detail/utf8.hpp"
#include "ddbexport/output.hpp"

namespace ddbexport::artifacts::detail {

/// Decoded text (WTF-8) holding a lone surrogate, which UTF-8 cannot carry.
[[nodiscard]] constexpr bool has_lone_surrogate(std::string_view s) noexcept {
  if (std::is_constant_evaluated() || s.size() < 32) {
    for (std::size_t i = 0; i + 2 < s.size(); ++i)
      if (static_cast<unsigned char>(s[i]) == 0xED && static_cast<unsigned char>(s[i + 1]) >= 0xA0) return true;
    return false;
  }
  // Every S value and key is looked at: in longer text memchr finds the
  // rare lead byte many bytes at a time (short text is not worth its call).
  const char* p = s.data();
  const char* const last = s.data() + s.size() - 2;  // a lead byte needs two bytes after it
  while (p < last) {
    const void* hit = std::memchr(p, 0xED, static_cast<std::size_t>(last - p));
    if (hit == nullptr) return false;
    p = static_cast<const char*>(hit);
    if (static_cast<unsigned char>(p[1]) >= 0xA0) return true;
    ++p;
  }
  return false;
}

inline constexpr std::size_t max_attribute_name_bytes = 65535;

/// A-ATTR-NAME's test of a top-level name.
[[nodiscard]] constexpr bool valid_attribute_name(std::string_view name) noexcept {
  return !name.empty() && name.size() <= max_attribute_name_bytes && !has_lone_surrogate(name);
}

/// The value part of a number's identity: sign, coefficient and exponent.
[[nodiscard]] inline std::string number_identity(const number_value& v) {
  std::string id{v.negative ? "-" : "+"};
  id += v.coefficient();
  id += 'e';
  id += std::to_string(v.exponent);
  return id;
}

/// Where in a line a value sits, as §7 writes it (`Item.tracks[0].name`).
/// Segments are kept as they come and spelled out only for a finding, so a
/// clean line costs no text.
class value_path {
 public:
  void push_name(std::string_view name) { push({name, none}); }
  void push_index(std::size_t i) { push({{}, i}); }
  void pop() noexcept { --size_; }
  void reset(std::string_view root) noexcept {
    size_ = 0;
    root_ = root;
  }
  [[nodiscard]] std::string text() const {
    std::string out{root_};
    for (std::size_t i = 0; i < size_; ++i) {
      const segment& s = segments_[i];
      if (s.index == none) {
        out += '.';
        out += s.name;
      } else {
        out += '[' + std::to_string(s.index) + ']';
      }
    }
    return out;
  }

 private:
  static constexpr std::size_t none = static_cast<std::size_t>(-1);
  struct segment {
    std::string_view name;
    std::size_t index;
  };
  void push(segment s) {
    if (size_ == segments_.size()) segments_.resize(segments_.empty() ? 32 : segments_.size() * 2);
    segments_[size_++] = s;
  }
  std::string_view root_;
  std::vector<segment> segments_;  // grows to the deepest path once, then only size_ moves
  std::size_t size_ = 0;
};

/// Walks decoded values and reports each §6.4 problem as report(path, why).
template <class Report>
class attribute_checker {
 public:
  explicit attribute_checker(Report& report) : report_(&report) {}

  /// The names at the top of an image are A-ATTR-NAME's (`top`); deeper map keys are this rule's.
  void check_map(std::span<const attribute_entry> entries, value_path& path, bool top = false) {
    for (const auto& e : entries) {
      path.push_name(e.key);
      if (!top && has_lone_surrogate(e.key)) problem(path, "a map key holds an unpaired surrogate");
      check(e.value, path);
      path.pop();
    }
  }

  void check(const attribute_value& v, value_path& path) {
    switch (v.kind) {
      case attribute_kind::s:
        if (has_lone_surrogate(v.scalar)) problem(path, "an unpaired surrogate");
        return;
      case attribute_kind::n: (void)check_number(v.scalar, path); return;
      case attribute_kind::ss:
      case attribute_kind::ns:
      case attribute_kind::bs: return check_set(v, path);
      case attribute_kind::m: return check_map(v.map(), path);
      case attribute_kind::l:
        for (std::size_t i = 0; i < v.list_size; ++i) {
          path.push_index(i);
          check(v.list()[i], path);
          path.pop();
        }
        return;
      case attribute_kind::null:
        if (!v.flag) problem(path, "NULL must be true");
        return;
      case attribute_kind::b:
      case attribute_kind::boolean: return;
    }
  }

 private:
  void problem(const value_path& path, std::string_view why) { (*report_)(path.text(), why); }

  bool check_number(std::string_view text, const value_path& path) {
    number_value v;
    const number_problem p = parse_number(text, v);
    if (p != number_problem::none) problem(path, describe(p));
    return p == number_problem::none;
  }

  /// Repeats are found by value without a string per element: numbers by
  /// their parsed value, strings and bytes as they are. A few elements are
  /// compared pairwise; more go through a
  /// small hash table of positions. Findings keep element order.
  void check_set(const attribute_value& v, value_path& path) {
    if (v.set.empty()) return problem(path, "an empty set");
    const std::size_t size = v.set.size();
    const bool numbers = v.kind == attribute_kind::ns;
    usable_.assign(size, 1);
    repeated_.assign(size, 0);
    if (numbers) {
      numbers_.resize(size);
      for (std::size_t i = 0; i < size; ++i)
        usable_[i] = parse_number(v.set[i], numbers_[i]) == number_problem::none ? 1 : 0;
    }
    const auto same = [&](std::size_t a, std::size_t b) {
      return numbers ? numbers_[a] == numbers_[b] : v.set[a] == v.set[b];
    };
    if (size <= 16) {
      for (std::size_t i = 1; i < size; ++i) {
        if (!usable_[i]) continue;
        for (std::size_t j = 0; j < i; ++j)
          if (usable_[j] && same(i, j)) {
            repeated_[i] = 1;
            break;
          }
      }
    } else {
      // Open addressing over element positions, at most half full; each
      // usable element is looked up among the earlier ones, then added.
      std::size_t capacity = 64;
      while (capacity < 2 * size) capacity *= 2;
      slots_.assign(capacity, empty_slot);
      const auto hash = [&](std::size_t i) -> std::size_t {
        if (!numbers) return std::hash<std::string_view>{}(v.set[i]);
        const number_value& n = numbers_[i];
        const std::size_t h = std::hash<std::string_view>{}(n.coefficient());
        return h ^ (static_cast<std::size_t>(n.exponent) * 0x9E3779B97F4A7C15ull) ^ (n.negative ? 0x5bd1e995u : 0u);
      };
      for (std::size_t i = 0; i < size; ++i) {
        if (!usable_[i]) continue;
        for (std::size_t at = hash(i) & (capacity - 1);; at = (at + 1) & (capacity - 1)) {
          if (slots_[at] == empty_slot) {
            slots_[at] = i;
            break;
          }
          if (same(i, slots_[at])) {
            repeated_[i] = 1;
            break;
          }
        }
      }
    }
    for (std::size_t i = 0; i < size; ++i) {
      path.push_index(i);
      if (numbers) {
        if (!usable_[i]) (void)check_number(v.set[i], path);
      } else if (v.kind == attribute_kind::ss && has_lone_surrogate(v.set[i])) {
        problem(path, "an unpaired surrogate");
      }
      if (repeated_[i]) problem(path, "a repeated set element");
      path.pop();
    }
  }

  // Working memory of check_set, kept from one set to the next.
  std::vector<number_value> numbers_;
  std::vector<std::uint8_t> usable_;
  std::vector<std::uint8_t> repeated_;
  static constexpr std::size_t empty_slot = static_cast<std::size_t>(-1);
  std::vector<std::size_t> slots_;

  Report* report_;
};

/// Two values are the same: same type, numbers by value, bytes otherwise
/// (containers by their DYNAMODB_JSON text, which keeps this linear).
[[nodiscard]] inline bool same_value(const attribute_value& a, const attribute_value& b) {
  if (a.kind != b.kind) return false;
  if (a.kind == attribute_kind::n) return same_number(a.scalar, b.scalar);
  if (a.kind == attribute_kind::s || a.kind == attribute_kind::b) return a.scalar == b.scalar;
  std::string x, y;
  container_output<std::string> ox{x}, oy{y};
  write_attribute<json_syntax>(a, ox);
  write_attribute<json_syntax>(b, oy);
  return x == y;
}

/// A key attribute's value in a form that is equal exactly when the values
/// are (numbers by value): for A-KEY-DUP's memory of keys.
[[nodiscard]] inline std::string key_identity(const attribute_value& v) {
  std::string id{wire_name(v.kind)};
  id += ':';
  number_value n;
  if (v.kind == attribute_kind::n && parse_number(v.scalar, n) == number_problem::none) {
    id += number_identity(n);
  } else if (v.kind == attribute_kind::s || v.kind == attribute_kind::b || v.kind == attribute_kind::n) {
    id += v.scalar;
  } else {
    container_output<std::string> o{id};
    write_attribute<json_syntax>(v, o);
  }
  return id;
}

}  // namespace ddbexport::artifacts::detail

#endif
