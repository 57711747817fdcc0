#ifndef DDBEXPORT_VALIDATE_DETAIL_SHAPE_CHECK_HPP
#define DDBEXPORT_VALIDATE_DETAIL_SHAPE_CHECK_HPP

/// The shape stage, driven by the member tables: every constraint a table
/// binds to a rule, checked in RULES.md §4's order (wire member order, nested
/// members in theirs, map keys in stored order; per member not null, length
/// min, length max, pattern, enum, range). The request's stage S, the
/// response's R-DESC-SHAPE family and the DescribeExport/ListExports inputs
/// all run it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

#include "ddbexport/detail/table.hpp"
#include "ddbexport/detail/utf8.hpp"
#include "ddbexport/enums.hpp"
#include "ddbexport/member.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/validate/rules.hpp"

namespace ddbexport::detail {

/// The path of a member from the tables: `member_path<&export_request::incremental_export_specification,
/// &incremental_export_specification::export_from_time>` is `IncrementalExportSpecification.ExportFromTime`.
template <auto... Pointers>
inline constexpr field_path member_path{wire_name_of<Pointers>...};

// The walk is expanded member by member and forced inline so that each
// table entry is a constant at its use: its rules fold away, and its pattern
// matcher becomes a direct, inlinable call. Out of line, one instantiation
// served every string member of a shape, loading the facts and calling the
// matcher through a pointer.
// Only when optimizing: unoptimized, forcing gains nothing, and a coverage
// build would count every inlined copy's branches on its own.
#if (defined(__GNUC__) || defined(__clang__)) && defined(__OPTIMIZE__)
#define DDBEXPORT_SHAPE_INLINE [[gnu::always_inline]] inline
#else
#define DDBEXPORT_SHAPE_INLINE inline
#endif

template <class Item>
class shape_walk {
 public:
  constexpr explicit shape_walk(Item& item) noexcept : item_(&item) {}

  /// `nested`, when set, reports every constraint inside in place of the tables' own rules.
  /// `at()` gives the path of `value`: paths are built only for a diagnostic.
  template <described_shape T, class At>
  DDBEXPORT_SHAPE_INLINE constexpr void members(const T& value, const At& at, const std::optional<rule_id>& nested) {
    members_of(value, at, nested, std::make_index_sequence<member_count<T>>{});
  }

  /// Member number I of `owner`'s table. The entry, its facts and its checks
  /// are constants here: through a runtime reference g++ loaded them and
  /// called the pattern matcher through its pointer.
  template <std::size_t I, class T, class ParentAt>
  DDBEXPORT_SHAPE_INLINE constexpr void member(const T& owner, const ParentAt& parent_at,
                                               const std::optional<rule_id>& nested) {
    constexpr const auto& entry = table_entry<I>(shape_of<T>::members);
    constexpr member_checks checks = entry.checks;
    constexpr member_facts facts = *entry.facts;
    const auto& field = owner.*(entry.pointer);
    using V = typename std::remove_cvref_t<decltype(field)>::value_type;
    const auto at = [&] { return parent_at().child(entry.name); };
    const auto rule = [&](const std::optional<rule_id>& own) { return nested ? nested : own; };
    if (!field) {
      if constexpr (checks.required.has_value())
        if (!nested) emit(*checks.required, at(), constraint_kind::not_null);
      return;
    }
    constexpr member_kind kind = kind_of_value<V>::value;
    if constexpr (kind == member_kind::string) {
      if constexpr (facts.length.has_value())
        if (const auto r = rule(checks.length)) length(*r, at, *field, *facts.length);
      if constexpr (facts.pattern.has_value()) {
        constexpr auto matches = facts.pattern->matches;
        if (const auto r = rule(checks.pattern); r && !matches(*field))
          emit(*r, at(), constraint_kind::pattern, *field, 0, facts.pattern->text);
      }
    } else if constexpr (kind == member_kind::enumeration) {
      if (const auto r = rule(checks.enumeration); r && !field->is_known())
        emit(*r, at(), constraint_kind::enum_set, field->text(), 0, enum_traits<typename V::enum_type>::value_set);
    } else if constexpr (kind == member_kind::integer || kind == member_kind::long_integer) {
      if constexpr (facts.range.has_value())
        if (const auto r = rule(checks.range)) range(*r, at, *field, *facts.range);
    } else if constexpr (kind == member_kind::string_map) {
      if constexpr (facts.length.has_value())
        if (const auto r = rule(checks.length))
          for (const auto& e : *field) length(*r, [&] { return at().with_key(e.key); }, e.value, *facts.length);
    } else if constexpr (kind == member_kind::structure) {
      members(*field, at, nested ? nested : checks.nested);
    } else if constexpr (kind == member_kind::structure_list) {
      for (const auto& element : *field) members(element, at, nested ? nested : checks.nested);
    }
    // Timestamps have no model constraints; attribute maps are judged in stage I (R-AV-DEPTH).
  }

 private:
  template <class T, class At, std::size_t... I>
  DDBEXPORT_SHAPE_INLINE constexpr void members_of(const T& value, const At& at, const std::optional<rule_id>& nested,
                                                   std::index_sequence<I...>) {
    (member<I>(value, at, nested), ...);
  }

  constexpr void emit(rule_id rule, const field_path& at, constraint_kind c, std::string_view subject = {},
                      std::int64_t bound = 0, std::string_view detail_text = {}, std::int64_t value = 0) {
    (*item_)(diagnostic{.rule = rule,
                        .path = at,
                        .subject = subject,
                        .detail = detail_text,
                        .number = bound,
                        .value = value,
                        .constraint = c});
  }

  /// A string has no more code points than bytes, and at least one when it
  /// has a byte, so with min <= 1 and size <= max the byte count decides both
  /// bounds exactly and the code points need no counting (the common case).
  template <class At>
  constexpr void length(rule_id rule, const At& at, std::string_view text, const length_bounds& bounds) {
    const auto bytes = static_cast<std::int64_t>(text.size());
    const auto n = bounds.min <= 1 && bytes <= bounds.max ? bytes : static_cast<std::int64_t>(code_point_count(text));
    if (n < bounds.min) emit(rule, at(), constraint_kind::min_length, text, bounds.min);
    if (n > bounds.max) emit(rule, at(), constraint_kind::max_length, text, bounds.max);
  }

  template <class At>
  constexpr void range(rule_id rule, const At& at, std::int64_t v, const value_range& bounds) {
    if (v < bounds.min) emit(rule, at(), constraint_kind::min_value, {}, bounds.min, {}, v);
    if (v > bounds.max) emit(rule, at(), constraint_kind::max_value, {}, bounds.max, {}, v);
  }

  Item* item_;
};

/// Checks the constraints of `value`'s table. Calls `report(diagnostic,
/// member)` for each failed item, `member` being the index of the member of
/// `value` that holds it (validators skip rules whose input failed).
template <described_shape T, class Report, std::size_t... I>
DDBEXPORT_SHAPE_INLINE constexpr void check_shape_members(const T& value, const field_path& path, Report& report,
                                                          std::index_sequence<I...>) {
  std::size_t top = 0;
  const auto item = [&](const diagnostic& d) { report(d, top); };
  shape_walk<decltype(item)> walk{item};
  const auto at = [&]() -> const field_path& { return path; };
  ((top = I, walk.template member<I>(value, at, std::nullopt)), ...);
}

template <described_shape T, class Report>
constexpr void check_shape(const T& value, const field_path& path, Report&& report) {
  check_shape_members(value, path, report, std::make_index_sequence<member_count<T>>{});
}

/// Which members of a shape failed a check: one bit per table entry.
template <described_shape T>
class member_set {
 public:
  static_assert(member_count<T> <= 64);
  constexpr void insert(std::size_t index) noexcept { bits_ |= std::uint64_t{1} << index; }
  template <auto Pointer>
  [[nodiscard]] constexpr bool contains() const noexcept {
    return (bits_ & (std::uint64_t{1} << member_index<Pointer>)) != 0;
  }

 private:
  std::uint64_t bits_ = 0;
};

}  // namespace ddbexport::detail

#endif
