#ifndef DDBEXPORT_VALIDATE_DIAGNOSTIC_HPP
#define DDBEXPORT_VALIDATE_DIAGNOSTIC_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ddbexport/output.hpp"
#include "ddbexport/validate/rules.hpp"

namespace ddbexport {

/// A member path: up to three wire-name segments, plus a map key when the
/// path ends inside a map. Segments are static wire names; the key views the
/// value being checked. Rendered as `IncrementalExportSpecification.ExportFromTime`
/// (reports) or `incrementalExportSpecification.exportFromTime` (service messages).
class field_path {
 public:
  static constexpr std::size_t max_depth = 3;

  constexpr field_path() noexcept = default;
  constexpr field_path(std::string_view a) noexcept { push(a); }  // NOLINT(google-explicit-constructor)
  /// Lets a literal wire name stand for a one-segment path.
  template <std::size_t N>
  constexpr field_path(const char (&a)[N]) noexcept : field_path(std::string_view{a, N - 1}) {}  // NOLINT
  constexpr field_path(std::string_view a, std::string_view b) noexcept {
    push(a);
    push(b);
  }
  constexpr field_path(std::string_view a, std::string_view b, std::string_view c) noexcept {
    push(a);
    push(b);
    push(c);
  }

  /// Adds a segment; beyond max_depth the path is kept at its first segments.
  constexpr field_path& push(std::string_view segment) noexcept {
    if (depth_ < max_depth) segments_[depth_++] = segment;
    return *this;
  }
  [[nodiscard]] constexpr field_path child(std::string_view segment) const noexcept {
    field_path p = *this;
    return p.push(segment);
  }
  [[nodiscard]] constexpr field_path with_key(std::string_view key) const noexcept {
    field_path p = *this;
    p.key_ = key;
    p.has_key_ = true;
    return p;
  }

  [[nodiscard]] constexpr std::size_t depth() const noexcept { return depth_; }
  [[nodiscard]] constexpr std::string_view segment(std::size_t i) const noexcept { return segments_[i]; }
  [[nodiscard]] constexpr bool has_key() const noexcept { return has_key_; }
  [[nodiscard]] constexpr std::string_view key() const noexcept { return key_; }
  [[nodiscard]] constexpr bool empty() const noexcept { return depth_ == 0 && !has_key_; }
  /// The last wire-name segment (`ExportFromTime`), or empty.
  [[nodiscard]] constexpr std::string_view leaf() const noexcept {
    return depth_ == 0 ? std::string_view{} : segments_[depth_ - 1];
  }

  /// Wire names joined by `.`, the map key appended verbatim.
  template <text_output Out>
  constexpr void write(Out& out) const {
    write_joined(out, false);
  }
  /// The service's message form: each segment's first character lowercased.
  template <text_output Out>
  constexpr void write_lower_camel(Out& out) const {
    write_joined(out, true);
  }

  friend constexpr bool operator==(const field_path& a, const field_path& b) noexcept {
    if (a.depth_ != b.depth_ || a.has_key_ != b.has_key_ || a.key_ != b.key_) return false;
    for (std::size_t i = 0; i < a.depth_; ++i)
      if (a.segments_[i] != b.segments_[i]) return false;
    return true;
  }

 private:
  template <text_output Out>
  constexpr void write_joined(Out& out, bool lower_camel) const {
    for (std::size_t i = 0; i < depth_; ++i) {
      if (i != 0) out.write(".");
      const std::string_view s = segments_[i];
      if (lower_camel && !s.empty() && s[0] >= 'A' && s[0] <= 'Z') {
        const char first = static_cast<char>(s[0] - 'A' + 'a');
        out.write(std::string_view{&first, 1});
        out.write(s.substr(1));
      } else {
        out.write(s);
      }
    }
    if (has_key_) {
      if (depth_ != 0) out.write(".");
      out.write(key_);
    }
  }

  std::array<std::string_view, max_depth> segments_{};
  std::uint8_t depth_ = 0;
  bool has_key_ = false;
  std::string_view key_{};
};

/// Which Smithy constraint a shape (S-) rule reports.
enum class constraint_kind : std::uint8_t {
  none,
  not_null,
  min_length,
  max_length,
  pattern,
  enum_set,
  min_value,  ///< Smithy's range trait (ListExports' MaxResults)
  max_value,
};

/// One finding. The fields hold what the message needs; `write_message`
/// (messages.hpp) turns it into the service's wording on demand, so
/// a diagnostic never allocates and can live in a constant expression.
struct diagnostic {
  rule_id rule{};
  field_path path{};
  std::string_view subject{};  ///< the offending value or member name
  std::string_view detail{};   ///< static text: a pattern, an enum set, a reason, a Coral message
  std::int64_t number = 0;     ///< a bound, a byte count, or a time in epoch ms
  std::int64_t value = 0;      ///< the offending integer, for range constraints
  std::size_t offset = 0;      ///< byte offset in the body (deserialization rules)
  constraint_kind constraint = constraint_kind::none;

  [[nodiscard]] constexpr ddbexport::severity severity() const noexcept { return ddbexport::info(rule).severity; }
  /// Errors and response checks make a body invalid; async and advice are warnings.
  [[nodiscard]] constexpr bool is_violation() const noexcept {
    const auto s = severity();
    return s == severity::error || s == severity::response_check;
  }
  [[nodiscard]] constexpr bool is_warning() const noexcept {
    return severity() == severity::async || severity() == severity::advice;
  }
};

/// Receives diagnostics in stage-then-rule order. `accept` returns false to stop.
template <class T>
concept diagnostic_sink = requires(T& sink, const diagnostic& d) {
  { sink.accept(d) } -> std::convertible_to<bool>;
};

}  // namespace ddbexport

#endif
