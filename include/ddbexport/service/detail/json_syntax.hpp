#ifndef DDBEXPORT_SERVICE_DETAIL_JSON_SYNTAX_HPP
#define DDBEXPORT_SERVICE_DETAIL_JSON_SYNTAX_HPP

/// V-SYNTAX: is a body RFC 8259 `JSON-text` in UTF-8, with any value at the
/// top? Only the grammar is judged here; nesting depth, size, repeated names
/// and a non-object top are the reader's business at step 7 (SERVICE.md §2.1).
/// So the check must accept any depth without recursing: the open containers
/// live in a bit stack (one bit per level: object or array).

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "ddbexport/json/detail/lexer.hpp"

namespace ddbexport::service::detail {

/// One bit per open container; the first 4096 levels need no allocation.
class container_stack {
 public:
  void push(bool is_object) {
    const std::size_t word = depth_ / 64;
    if (word >= inline_words && word - inline_words >= spill_.size()) spill_.push_back(0);
    std::uint64_t& w = word < inline_words ? inline_[word] : spill_[word - inline_words];
    const std::uint64_t bit = std::uint64_t{1} << (depth_ % 64);
    w = is_object ? (w | bit) : (w & ~bit);
    ++depth_;
  }
  void pop() noexcept { --depth_; }
  [[nodiscard]] bool empty() const noexcept { return depth_ == 0; }
  [[nodiscard]] bool top_is_object() const noexcept {
    const std::size_t at = depth_ - 1;
    const std::size_t word = at / 64;
    const std::uint64_t w = word < inline_words ? inline_[word] : spill_[word - inline_words];
    return (w >> (at % 64) & 1u) != 0;
  }

 private:
  static constexpr std::size_t inline_words = 64;
  std::uint64_t inline_[inline_words]{};
  std::vector<std::uint64_t> spill_{};
  std::size_t depth_ = 0;
};

[[nodiscard]] inline bool is_json_text(std::string_view s) {
  using ddbexport::detail::lex_error;
  std::size_t pos = 0;
  const auto skip_space = [&] {
    while (pos < s.size() && ddbexport::detail::is_json_whitespace(s[pos])) ++pos;
  };
  const auto scalar = [&]() -> bool {
    const char c = s[pos];
    if (c == '"') {
      ddbexport::detail::string_token token;
      return ddbexport::detail::scan_string(s, pos, token) == lex_error::none;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      ddbexport::detail::number_token token;
      return ddbexport::detail::scan_number(s, pos, token) == lex_error::none;
    }
    if (c == 't') return ddbexport::detail::scan_literal(s, pos, "true") == lex_error::none;
    if (c == 'f') return ddbexport::detail::scan_literal(s, pos, "false") == lex_error::none;
    if (c == 'n') return ddbexport::detail::scan_literal(s, pos, "null") == lex_error::none;
    return false;
  };
  // A member name and its colon, with the whitespace around them.
  const auto member_name = [&]() -> bool {
    skip_space();
    if (pos >= s.size() || s[pos] != '"') return false;
    ddbexport::detail::string_token token;
    if (ddbexport::detail::scan_string(s, pos, token) != lex_error::none) return false;
    skip_space();
    if (pos >= s.size() || s[pos] != ':') return false;
    ++pos;
    return true;
  };

  container_stack open;
  skip_space();
  for (;;) {
    // Expecting a value.
    skip_space();
    if (pos >= s.size()) return false;
    if (s[pos] == '{' || s[pos] == '[') {
      const bool object = s[pos] == '{';
      ++pos;
      skip_space();
      if (pos < s.size() && s[pos] == (object ? '}' : ']')) {
        ++pos;  // an empty container is a complete value
      } else {
        open.push(object);
        if (object && !member_name()) return false;
        continue;
      }
    } else if (!scalar()) {
      return false;
    }
    // A value ended: close containers until one wants another element.
    for (;;) {
      skip_space();
      if (open.empty()) return pos == s.size();
      if (pos >= s.size()) return false;
      const bool object = open.top_is_object();
      if (s[pos] == ',') {
        ++pos;
        if (object && !member_name()) return false;
        break;
      }
      if (s[pos] != (object ? '}' : ']')) return false;
      ++pos;
      open.pop();
    }
  }
}

}  // namespace ddbexport::service::detail

#endif
