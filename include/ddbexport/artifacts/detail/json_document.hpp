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
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ddbexport/json/detail/escape.hpp"
#include "ddbexport/json/detail/lexer.hpp"
#include "ddbexport/json/detail/plain_text.hpp"
#include "ddbexport/output.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
    // Decoded text is never longer than its token, so one buffer of the
    // text's size holds all of it and the views handed out stay valid.
    if (decoded_capacity_ < text.size()) {
      decoded_ = std::make_unique_for_overwrite<char[]>(text.size());
      decoded_capacity_ = text.size();
    }
    decoded_size_ = 0;
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
  std::string_view bad_token(ddbexport::detail::lex_error e, std::size_t offset) {
    (void)fail_lex(e, offset);
    return {};
  }
  void skip_whitespace() noexcept {
    while (pos_ < text_.size() && ddbexport::detail::is_json_whitespace(text_[pos_])) ++pos_;
  }

  /// One pass over a string token: plain text is viewed in place; from the
  /// first escape on, the rest is checked and decoded together (as WTF-8, the
  /// lexer's decode_string does) so escaped text is read once, not twice.
  /// Problems are found in text order, as the lexer's scan_string finds them.
  /// The text comes back by value (a view with no data on failure) and the
  /// escape flag in escaped_: results written through pointers were read
  /// back as one wide load before their narrow stores had landed.
  std::string_view string_token() {
    namespace lx = ddbexport::detail;
    const std::size_t size = text_.size();
    const std::size_t begin = pos_ + 1;
    std::size_t i = begin;
    for (;;) {
      i = lx::find_special_byte(text_, i);
      if (i >= size) return bad_token(lx::lex_error::unexpected_end, size);
      const auto c = static_cast<std::uint8_t>(text_[i]);
      if (c == '"') {
        escaped_ = false;
        pos_ = i + 1;
        return {text_.data() + begin, i - begin};
      }
      if (c == '\\') break;
      if (c < 0x20) return bad_token(lx::lex_error::control_character, i);
      const std::size_t n = utf8_length(i);
      if (n == 0) return bad_token(lx::lex_error::invalid_utf8, i);
      i += n;
    }
    escaped_ = true;
    // Every decoded byte stands for at least one byte of text already passed,
    // so the buffer (the text's size) never overflows.
    char* const start = decoded_.get() + decoded_size_;
    char* o = start;
    std::memcpy(o, text_.data() + begin, i - begin);
    o += i - begin;
    const auto hex4 = [&](std::size_t at, char32_t& cp) {
      cp = 0;
      for (std::size_t k = 0; k < 4; ++k) {
        const int h = lx::hex_value(text_[at + k]);
        if (h < 0) return false;
        cp = (cp << 4) | static_cast<char32_t>(h);
      }
      return true;
    };
    for (;;) {
      const auto c = static_cast<std::uint8_t>(text_[i]);
      if (c == '"') break;
      if (c == '\\') {
        if (i + 1 >= size) return bad_token(lx::lex_error::unexpected_end, size);
        const char e = text_[i + 1];
        if (e == 'u') {
          if (i + 6 > size) {
            // The lexer judges the digits that are there before the end.
            for (std::size_t k = i + 2; k < size; ++k)
              if (lx::hex_value(text_[k]) < 0) return bad_token(lx::lex_error::invalid_escape, i);
            return bad_token(lx::lex_error::unexpected_end, size);
          }
          char32_t cp = 0;
          if (!hex4(i + 2, cp)) return bad_token(lx::lex_error::invalid_escape, i);
          i += 6;
          char32_t low = 0;
          if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= size && text_[i] == '\\' && text_[i + 1] == 'u' && hex4(i + 2, low) &&
              low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          }
          o += lx::encode_wtf8(cp, o);
        } else {
          char plain = e;  // '"', '\\' and '/' stand for themselves
          switch (e) {
            case '"': case '\\': case '/': break;
            case 'b': plain = '\b'; break;
            case 'f': plain = '\f'; break;
            case 'n': plain = '\n'; break;
            case 'r': plain = '\r'; break;
            case 't': plain = '\t'; break;
            default: return bad_token(lx::lex_error::invalid_escape, i);
          }
          *o++ = plain;
          i += 2;
        }
      } else if (c < 0x20) {
        return bad_token(lx::lex_error::control_character, i);
      } else {
        const std::size_t n = c < 0x80 ? 1 : utf8_length(i);
        if (n == 0) return bad_token(lx::lex_error::invalid_utf8, i);
        for (const std::size_t end = i + n; i < end; ++i) *o++ = text_[i];
      }
      const std::size_t plain = copy_plain(i, o);
      i += plain;
      o += plain;
      if (i >= size) return bad_token(lx::lex_error::unexpected_end, size);
    }
    const auto length = static_cast<std::size_t>(o - start);
    decoded_size_ += length;
    pos_ = i + 1;
    return {start, length};
  }

  /// The lexer's utf8_sequence_length, with the two- and three-byte forms
  /// of accented letters and punctuation decided here without a call.
  [[nodiscard]] std::size_t utf8_length(std::size_t i) const noexcept {
    const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text_[k]); };
    const auto tail = [&](std::size_t k) { return k < text_.size() && (byte(k) & 0xC0) == 0x80; };
    const std::uint8_t b0 = byte(i);
    if (b0 >= 0xC2 && b0 <= 0xDF && tail(i + 1)) return 2;
    if (b0 >= 0xE1 && b0 <= 0xEF && b0 != 0xED && tail(i + 1) && tail(i + 2)) return 3;
    return ddbexport::detail::utf8_sequence_length(text_, i);
  }

  /// Copies the plain bytes from `i` on to `o` and returns how many there
  /// were (up to the first byte that is not plain, or the end). The vector path stores sixteen bytes
  /// before it knows how many belong: `o` never runs ahead of `i` (decoded
  /// text is never longer than its text), so the store stays in the buffer.
  std::size_t copy_plain(const std::size_t from, char* const o) const noexcept {
    const char* const s = text_.data();
    const std::size_t size = text_.size();
    std::size_t i = from;
#if defined(__SSE2__)
    for (; i + 16 <= size; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o + (i - from)), v);
      // What is plain is the lexer's find_special_byte's decision.
      const auto special = ddbexport::detail::special_lanes(v);
      if (special != 0) return i - from + static_cast<std::size_t>(std::countr_zero(special));
    }
#endif
    for (; i < size && ddbexport::detail::is_plain_json_byte(static_cast<unsigned char>(s[i])); ++i) o[i - from] = s[i];
    return i - from;
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
          name = string_token();
          if (name.data() == nullptr) return false;
          name_escaped = escaped_;
          if (!note_name(self, name, count)) return fail(name_at, "a member name is repeated");
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

  /// Names of one object: while there are few, a look at the members already
  /// read (their nodes hold the names, so nothing is staged); a hash set
  /// after, one per depth kept from object to object, so a container costs
  /// nothing for it until it has many members.
  bool note_name(std::size_t self, std::string_view name, std::uint32_t count) {
    static constexpr std::uint32_t few = 16;
    if (count < few) {
      for (std::size_t i = self + 1; i < nodes_.size(); i = nodes_[i].end)
        if (same_text(nodes_[i].name, name)) return false;
      return true;
    }
    if (names_.size() < depth_) names_.resize(depth_);
    auto& many = names_[depth_ - 1];
    if (count == few) {
      // A large table left by an earlier object is dropped, not cleared bucket by bucket.
      if (many.bucket_count() > 4096) many = {};
      many.clear();
      for (std::size_t i = self + 1; i < nodes_.size(); i = nodes_[i].end) many.insert(nodes_[i].name);
    }
    return many.insert(name).second;
  }

  /// Member names are short: compared inline rather than through memcmp.
  [[nodiscard]] static bool same_text(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    if (a.size() > 16) return a == b;
    for (std::size_t k = 0; k < a.size(); ++k)
      if (a[k] != b[k]) return false;
    return true;
  }

  bool value(std::string_view name, std::size_t name_at, bool name_escaped = false) {
    if (pos_ >= text_.size()) return fail_lex(ddbexport::detail::lex_error::unexpected_end, pos_);
    if (nodes_.size() >= 0xFFFFFFFEu) return fail(pos_, "too many values");
    // Filled in place: a node staged on the stack and copied in costs a
    // wide reload of fields just stored. A node left by a failure is never read.
    const std::size_t self = nodes_.size();
    json_node& node = nodes_.emplace_back();
    node.offset = pos_;
    node.name = name;
    node.name_offset = name_at;
    node.name_escaped = name_escaped;
    const char c = text_[pos_];
    if (c == '{' || c == '[') {
      node.kind = c == '{' ? json_kind::object : json_kind::array;
      return container(c == '{');
    }
    if (c == '"') {
      node.kind = json_kind::string;
      const std::string_view text = string_token();
      if (text.data() == nullptr) return false;
      node.text = text;
      node.escaped = escaped_;
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
    node.end = static_cast<std::uint32_t>(self + 1);
    return true;
  }

  std::string_view text_{};
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;
  std::size_t max_depth_ = 128;
  std::vector<json_node> nodes_;
  std::unique_ptr<char[]> decoded_;
  std::size_t decoded_capacity_ = 0;
  std::size_t decoded_size_ = 0;
  bool escaped_ = false;  ///< the last string_token had escapes
  std::vector<std::unordered_set<std::string_view>> names_;  ///< note_name's sets, by depth
  json_problem problem_{};
};

}  // namespace ddbexport::artifacts::detail

#endif
