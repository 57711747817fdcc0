#ifndef DDBEXPORT_ARTIFACTS_DETAIL_JSON_DOCUMENT_HPP
#define DDBEXPORT_ARTIFACTS_DETAIL_JSON_DOCUMENT_HPP

/// The JSON of the artifacts (summary, manifest lines, data lines) read into a
/// flat tree first, then judged: a syntax problem anywhere in a line must win
/// over a type problem met earlier in it (ARTIFACTS.md §7.5: a line that fails
/// A-LINE-JSON is not checked further), so the whole text is read before any
/// member is looked at. Tokens come from the JSON engine's lexer; this file
/// adds only the walk over objects and arrays, written once.
///
/// Memory: one node per value, kept in pre-order, and the decoded strings;
/// both are bounded by the text (a value takes at least one byte of it).

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ddbexport/json/detail/escape.hpp"
#include "ddbexport/json/detail/lexer.hpp"
#include "ddbexport/output.hpp"

namespace ddbexport::artifacts::detail {

enum class json_kind : std::uint8_t { object, array, string, number, true_literal, false_literal, null_literal };

/// One value. Children of a container follow it directly; `end` is the index
/// one past its last descendant, so the next sibling of node i is nodes[i].end.
struct json_node {
  json_kind kind = json_kind::null_literal;
  bool integral = true;      ///< numbers: no fraction, no exponent
  bool escaped = false;      ///< strings: the text had escapes (decoded here)
  bool name_escaped = false; ///< the member name had escapes (decoded here)
  std::uint32_t end = 0;
  std::uint32_t count = 0;   ///< containers: number of children
  std::size_t offset = 0;    ///< where the value starts in the text
  std::size_t name_offset = 0;
  std::string_view name{};   ///< members of an object: the decoded name
  std::string_view text{};   ///< strings: decoded; numbers: the literal
};

struct json_problem {
  std::size_t offset = 0;
  std::string_view why{};
};

class json_document {
 public:
  /// Hard cap on nesting whatever the caller asks: each level is a C++ frame.
  static constexpr std::size_t max_supported_depth = 512;

  /// Reads `text` as one JSON object (RFC 8259 as WIRE.md §5.1 reads it: UTF-8,
  /// no BOM, whitespace around tokens, nothing after the value), with no
  /// member name repeated in any object and at most `max_depth` open
  /// containers. Views point into `text` and into this document.
  bool parse(std::string_view text, std::size_t max_depth) {
    text_ = text;
    pos_ = 0;
    depth_ = 0;
    max_depth_ = max_depth < max_supported_depth ? max_depth : max_supported_depth;
    nodes_.clear();
    decoded_.clear();
    // Decoded text is never longer than its token, so this never reallocates
    // and the views handed out stay valid.
    decoded_.reserve(text.size());
    problem_ = {};
    if (text.substr(0, 3) == "\xEF\xBB\xBF") return fail(0, "byte order mark");
    skip_whitespace();
    if (pos_ >= text_.size()) return fail(pos_, "empty text");
    if (text_[pos_] != '{') return fail(pos_, "the top level is not an object");
    if (!value({}, 0)) return false;
    skip_whitespace();
    if (pos_ != text_.size()) return fail(pos_, "trailing characters after the object");
    return true;
  }

  [[nodiscard]] const json_problem& problem() const noexcept { return problem_; }
  [[nodiscard]] std::span<const json_node> nodes() const noexcept { return nodes_; }
  [[nodiscard]] const json_node& operator[](std::size_t i) const noexcept { return nodes_[i]; }

  /// Calls f(index) for each child of the container at `parent`, in order.
  template <class F>
  void for_each_child(std::size_t parent, F&& f) const {
    for (std::size_t i = parent + 1; i < nodes_[parent].end; i = nodes_[i].end) f(i);
  }
  /// The child of object `parent` named `name`, or npos.
  [[nodiscard]] std::size_t member(std::size_t parent, std::string_view name) const noexcept {
    for (std::size_t i = parent + 1; i < nodes_[parent].end; i = nodes_[i].end)
      if (nodes_[i].name == name) return i;
    return npos;
  }
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  /// Writes the value at `index` compactly: strings as WIRE.md §4.1, numbers
  /// and literals as they were written.
  template <text_output Out>
  void write(std::size_t index, Out& out) const {
    const json_node& n = nodes_[index];
    switch (n.kind) {
      case json_kind::object:
      case json_kind::array: {
        const bool object = n.kind == json_kind::object;
        out.write(object ? "{" : "[");
        bool first = true;
        for_each_child(index, [&](std::size_t child) {
          if (!first) out.write(",");
          first = false;
          if (object) {
            ddbexport::detail::write_json_string(out, nodes_[child].name);
            out.write(":");
          }
          write(child, out);
        });
        out.write(object ? "}" : "]");
        return;
      }
      case json_kind::string: ddbexport::detail::write_json_string(out, n.text); return;
      case json_kind::number: out.write(n.text); return;
      case json_kind::true_literal: out.write("true"); return;
      case json_kind::false_literal: out.write("false"); return;
      case json_kind::null_literal: out.write("null"); return;
    }
  }

 private:
  bool fail(std::size_t offset, std::string_view why) {
    problem_ = {offset, why};
    return false;
  }
  bool fail_lex(ddbexport::detail::lex_error e, std::size_t offset) {
    // The lexer speaks of bodies; an artifact is a text or a line.
    return fail(offset, e == ddbexport::detail::lex_error::unexpected_end ? "the text ends early" : ddbexport::detail::describe(e));
  }
  void skip_whitespace() noexcept {
    while (pos_ < text_.size() && ddbexport::detail::is_json_whitespace(text_[pos_])) ++pos_;
  }

  bool string_token(std::string_view& out, bool& escaped) {
    ddbexport::detail::string_token token;
    std::size_t end = pos_;
    if (const auto e = ddbexport::detail::scan_string(text_, end, token); e != ddbexport::detail::lex_error::none)
      return fail_lex(e, end);
    escaped = token.escaped;
    if (!token.escaped) {
      out = text_.substr(token.begin, token.end - token.begin);
    } else {
      const std::size_t at = decoded_.size();
      decoded_.resize(at + ddbexport::detail::decoded_size_bound(token));
      const std::size_t size = ddbexport::detail::decode_string(text_, token, decoded_.data() + at);
      decoded_.resize(at + size);
      out = std::string_view{decoded_.data() + at, size};
    }
    pos_ = end;
    return true;
  }

  /// The one walk over containers: objects and arrays differ only in the
  /// member name before each value and in their brackets.
  bool container(bool object) {
    if (depth_ >= max_depth_) return fail(pos_, "nested deeper than the depth limit");
    ++depth_;
    const std::size_t self = nodes_.size() - 1;
    const char closer = object ? '}' : ']';
    ++pos_;
    skip_whitespace();
    std::array<std::string_view, 8> few;
    std::optional<std::unordered_set<std::string_view>> many;
    std::uint32_t count = 0;
    if (pos_ < text_.size() && text_[pos_] == closer) {
      ++pos_;
    } else {
      for (;;) {
        std::string_view name;
        std::size_t name_at = 0;
        bool name_escaped = false;
        if (object) {
          if (pos_ >= text_.size()) return fail_lex(ddbexport::detail::lex_error::unexpected_end, pos_);
          if (text_[pos_] != '"') return fail(pos_, "expected a member name");
          name_at = pos_;
          if (!string_token(name, name_escaped)) return false;
          if (!note_name(name, count, few, many)) return fail(name_at, "a member name is repeated");
          skip_whitespace();
          if (pos_ >= text_.size()) return fail_lex(ddbexport::detail::lex_error::unexpected_end, pos_);
          if (text_[pos_] != ':') return fail(pos_, "expected ':'");
          ++pos_;
          skip_whitespace();
        }
        if (!value(name, name_at, name_escaped)) return false;
        ++count;
        skip_whitespace();
        if (pos_ >= text_.size()) return fail_lex(ddbexport::detail::lex_error::unexpected_end, pos_);
        if (text_[pos_] == closer) {
          ++pos_;
          break;
        }
        if (text_[pos_] != ',') return fail(pos_, object ? "expected ',' or '}'" : "expected ',' or ']'");
        ++pos_;
        skip_whitespace();
      }
    }
    --depth_;
    nodes_[self].count = count;
    nodes_[self].end = static_cast<std::uint32_t>(nodes_.size());
    return true;
  }

  /// Names of one object: a linear look while there are few, a hash set after.
  static bool note_name(std::string_view name, std::uint32_t count, std::array<std::string_view, 8>& few,
                        std::optional<std::unordered_set<std::string_view>>& many) {
    if (count < few.size()) {
      for (std::uint32_t i = 0; i < count; ++i)
        if (few[i] == name) return false;
      few[count] = name;
      return true;
    }
    if (!many) many.emplace(few.begin(), few.end());
    return many->insert(name).second;
  }

  bool value(std::string_view name, std::size_t name_at, bool name_escaped = false) {
    if (pos_ >= text_.size()) return fail_lex(ddbexport::detail::lex_error::unexpected_end, pos_);
    if (nodes_.size() >= 0xFFFFFFFEu) return fail(pos_, "too many values");
    json_node node;
    node.offset = pos_;
    node.name = name;
    node.name_offset = name_at;
    node.name_escaped = name_escaped;
    const char c = text_[pos_];
    if (c == '{' || c == '[') {
      node.kind = c == '{' ? json_kind::object : json_kind::array;
      nodes_.push_back(node);
      return container(c == '{');
    }
    if (c == '"') {
      node.kind = json_kind::string;
      if (!string_token(node.text, node.escaped)) return false;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      node.kind = json_kind::number;
      ddbexport::detail::number_token token;
      std::size_t end = pos_;
      if (const auto e = ddbexport::detail::scan_number(text_, end, token); e != ddbexport::detail::lex_error::none)
        return fail_lex(e, end);
      node.text = token.text;
      node.integral = token.integral;
      pos_ = end;
    } else {
      constexpr std::array<std::pair<std::string_view, json_kind>, 3> literals{{
          {"true", json_kind::true_literal}, {"false", json_kind::false_literal}, {"null", json_kind::null_literal}}};
      bool matched = false;
      for (const auto& [word, kind] : literals)
        if (ddbexport::detail::scan_literal(text_, pos_, word) == ddbexport::detail::lex_error::none) {
          node.kind = kind;
          matched = true;
          break;
        }
      if (!matched) return fail(pos_, c < 0x20 || static_cast<unsigned char>(c) >= 0x80 || c == '}' || c == ']' || c == ','
                                         ? "expected a value"
                                         : "invalid literal");
    }
    node.end = static_cast<std::uint32_t>(nodes_.size() + 1);
    nodes_.push_back(node);
    return true;
  }

  std::string_view text_{};
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;
  std::size_t max_depth_ = 128;
  std::vector<json_node> nodes_;
  std::string decoded_;
  json_problem problem_{};
};

}  // namespace ddbexport::artifacts::detail

#endif
