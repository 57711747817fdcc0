#ifndef DDBEXPORT_VALIDATE_SINKS_HPP
#define DDBEXPORT_VALIDATE_SINKS_HPP

/// Ready-made diagnostic sinks. A sink only receives: the validators count
/// and summarise themselves, so every sink sees the same stream and the
/// validation_result never depends on which sink listened.

#include <array>
#include <cstddef>
#include <optional>

#include "ddbexport/validate/diagnostic.hpp"

namespace ddbexport {

/// Keeps up to N diagnostics; usable in constant evaluation. Overflow is counted, never lost silently.
template <std::size_t N>
class collect_sink {
 public:
  constexpr bool accept(const diagnostic& d) noexcept {
    if (size_ < N)
      items_[size_++] = d;
    else
      ++dropped_;
    return true;
  }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  [[nodiscard]] constexpr std::size_t dropped() const noexcept { return dropped_; }
  [[nodiscard]] constexpr const diagnostic& operator[](std::size_t i) const noexcept { return items_[i]; }
  [[nodiscard]] constexpr const diagnostic* begin() const noexcept { return items_.data(); }
  [[nodiscard]] constexpr const diagnostic* end() const noexcept { return items_.data() + size_; }
  /// True when some collected diagnostic has this rule.
  [[nodiscard]] constexpr bool has(rule_id rule) const noexcept {
    for (const auto& d : *this)
      if (d.rule == rule) return true;
    return false;
  }

 private:
  std::array<diagnostic, N> items_{};
  std::size_t size_ = 0;
  std::size_t dropped_ = 0;
};

/// Appends to any container of diagnostics (e.g. std::vector<diagnostic>).
template <class Container>
class container_sink {
 public:
  constexpr explicit container_sink(Container& c) noexcept : c_(&c) {}
  constexpr bool accept(const diagnostic& d) {
    c_->push_back(d);
    return true;
  }

 private:
  Container* c_;
};

/// Stops at the first violation; warnings before it are passed over.
class first_sink {
 public:
  constexpr bool accept(const diagnostic& d) noexcept {
    if (!d.is_violation()) return true;
    first_ = d;
    return false;
  }
  [[nodiscard]] constexpr const std::optional<diagnostic>& first() const noexcept { return first_; }

 private:
  std::optional<diagnostic> first_;
};

/// Counts only; the cheapest sink, and the natural one in a static_assert.
class count_sink {
 public:
  constexpr bool accept(const diagnostic& d) noexcept {
    if (d.is_violation())
      ++violations_;
    else
      ++warnings_;
    return true;
  }
  [[nodiscard]] constexpr std::size_t violations() const noexcept { return violations_; }
  [[nodiscard]] constexpr std::size_t warnings() const noexcept { return warnings_; }

 private:
  std::size_t violations_ = 0;
  std::size_t warnings_ = 0;
};

}  // namespace ddbexport

#endif
