#ifndef DDBEXPORT_ARTIFACTS_DETAIL_ION_READER_HPP
#define DDBEXPORT_ARTIFACTS_DETAIL_ION_READER_HPP

/// The ION reader of ARTIFACTS.md §6.6.5: exactly the Ion 1.0 text subset
/// DynamoDB writes, decoded straight into AttributeValues (§6.6.2). One pass
/// from the first byte; the first problem met decides between A-ION-SYNTAX
/// (outside the subset) and A-ION-TYPE (valid Ion with no DynamoDB type).

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ddbexport/artifacts/number.hpp"
#include "ddbexport/attribute_value.hpp"
#include "ddbexport/detail/base64.hpp"
#include "ddbexport/detail/utf8.hpp"
#include "ddbexport/json/arena.hpp"
#include "ddbexport/json/detail/lexer.hpp"

namespace ddbexport::artifacts::detail {

struct ion_problem {
  bool type = false;  ///< A-ION-TYPE; otherwise A-ION-SYNTAX
  std::size_t offset = 0;
  std::string why;
};

/// A top-level field of the line's struct, with where it was.
struct ion_field {
  std::string_view name;
  std::size_t name_offset = 0;
  std::size_t value_offset = 0;
  attribute_value value;
};

namespace ion_text {
[[nodiscard]] constexpr bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';
}
[[nodiscard]] constexpr bool is_identifier_start(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}
[[nodiscard]] constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
[[nodiscard]] constexpr bool is_identifier_part(char c) noexcept { return is_identifier_start(c) || is_digit(c); }
/// Characters a numeric token runs over (§6.6.5).
[[nodiscard]] constexpr bool is_numeric_part(char c) noexcept {
  return is_identifier_part(c) || c == '.' || c == '+' || c == '-' || c == ':';
}

/// Digits of `kind` (0: decimal, 1: hex, 2: binary) with single `_` between
/// them, from `pos`; advances past them. False when none or a bad underscore.
constexpr bool digits_with_underscores(std::string_view t, std::size_t& pos, int kind) noexcept {
  const auto ok = [&](char c) {
    if (kind == 1) return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (kind == 2) return c == '0' || c == '1';
    return is_digit(c);
  };
  if (pos >= t.size() || !ok(t[pos])) return false;
  while (pos < t.size() && ok(t[pos])) {
    ++pos;
    if (pos + 1 < t.size() && t[pos] == '_' && ok(t[pos + 1])) ++pos;
  }
  return pos >= t.size() || t[pos] != '_';
}

/// The decimal integer part of Ion ints, floats and decimals: 0 or no leading zero.
constexpr bool integer_part(std::string_view t, std::size_t& pos) noexcept {
  if (pos < t.size() && t[pos] == '0') {
    ++pos;
    return true;
  }
  return digits_with_underscores(t, pos, 0);
}

/// An Ion int in any spelling (decimal, hex, binary, underscores).
[[nodiscard]] constexpr bool is_ion_int(std::string_view t) noexcept {
  std::size_t pos = !t.empty() && t[0] == '-' ? 1 : 0;
  if (t.substr(pos, 2) == "0x" || t.substr(pos, 2) == "0X" || t.substr(pos, 2) == "0b" || t.substr(pos, 2) == "0B") {
    const int kind = t[pos + 1] == 'x' || t[pos + 1] == 'X' ? 1 : 2;
    pos += 2;
    return digits_with_underscores(t, pos, kind) && pos == t.size();
  }
  return integer_part(t, pos) && pos == t.size();
}

/// An Ion float: `+inf`, `-inf`, or digits with an `e` exponent (underscores allowed).
[[nodiscard]] constexpr bool is_ion_float(std::string_view t) noexcept {
  if (t == "+inf" || t == "-inf") return true;
  std::size_t pos = !t.empty() && t[0] == '-' ? 1 : 0;
  if (!integer_part(t, pos)) return false;
  if (pos < t.size() && t[pos] == '.') {
    ++pos;
    if (pos < t.size() && is_digit(t[pos]) && !digits_with_underscores(t, pos, 0)) return false;
  }
  if (pos >= t.size() || (t[pos] != 'e' && t[pos] != 'E')) return false;
  ++pos;
  if (pos < t.size() && (t[pos] == '+' || t[pos] == '-')) ++pos;
  return digits_with_underscores(t, pos, 0) && pos == t.size();
}

/// An Ion timestamp (`2007T`, `2007-02T`, `2007-02-23`, `2007-02-23T12:14:33.079-08:00`, …).
[[nodiscard]] constexpr bool is_ion_timestamp(std::string_view t) noexcept {
  const auto num = [&](std::size_t at, std::size_t width, int lo, int hi) {
    if (at + width > t.size()) return false;
    int v = 0;
    for (std::size_t i = at; i < at + width; ++i) {
      if (!is_digit(t[i])) return false;
      v = v * 10 + (t[i] - '0');
    }
    return v >= lo && v <= hi;
  };
  if (!num(0, 4, 1, 9999)) return false;
  if (t.size() == 5) return t[4] == 'T';
  if (t.size() < 7 || t[4] != '-' || !num(5, 2, 1, 12)) return false;
  if (t.size() == 8) return t[7] == 'T';
  if (t.size() < 10 || t[7] != '-' || !num(8, 2, 1, 31)) return false;
  const int year = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
  const int month = (t[5] - '0') * 10 + (t[6] - '0');
  const int day = (t[8] - '0') * 10 + (t[9] - '0');
  constexpr int month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day > month_days[month - 1] || (month == 2 && day == 29 && !leap)) return false;
  if (t.size() == 10) return true;
  if (t[10] != 'T') return false;
  if (t.size() == 11) return true;
  if (!num(11, 2, 0, 23) || t.size() < 16 || t[13] != ':' || !num(14, 2, 0, 59)) return false;
  std::size_t pos = 16;
  if (pos < t.size() && t[pos] == ':') {
    if (!num(pos + 1, 2, 0, 59)) return false;
    pos += 3;
    if (pos < t.size() && t[pos] == '.') {
      const std::size_t digits = ++pos;
      while (pos < t.size() && is_digit(t[pos])) ++pos;
      if (pos == digits) return false;
    }
  }
  if (pos < t.size() && t[pos] == 'Z') return pos + 1 == t.size();
  return pos + 6 == t.size() && (t[pos] == '+' || t[pos] == '-') && num(pos + 1, 2, 0, 23) && t[pos + 3] == ':' &&
         num(pos + 4, 2, 0, 59);
}

/// The subset's decimal: `-?(0|[1-9][0-9]*)(\.[0-9]*)?([dD][+-]?[0-9]+)?` with a `.` or an exponent.
[[nodiscard]] constexpr bool is_subset_decimal(std::string_view t) noexcept {
  std::size_t pos = !t.empty() && t[0] == '-' ? 1 : 0;
  if (pos >= t.size() || !is_digit(t[pos])) return false;
  if (t[pos] == '0')
    ++pos;
  else
    while (pos < t.size() && is_digit(t[pos])) ++pos;
  bool marked = false;
  if (pos < t.size() && t[pos] == '.') {
    marked = true;
    ++pos;
    while (pos < t.size() && is_digit(t[pos])) ++pos;
  }
  if (pos < t.size() && (t[pos] == 'd' || t[pos] == 'D')) {
    marked = true;
    ++pos;
    if (pos < t.size() && (t[pos] == '+' || t[pos] == '-')) ++pos;
    const std::size_t digits = pos;
    while (pos < t.size() && is_digit(t[pos])) ++pos;
    if (pos == digits) return false;
  }
  return marked && pos == t.size();
}
}  // namespace ion_text

class ion_line_reader {
 public:
  static constexpr std::size_t max_supported_depth = 512;
  static constexpr std::string_view marker = "$ion_1_0";

  ion_line_reader(std::string_view line, json::arena& storage, std::size_t max_depth) noexcept
      : t_(line), storage_(&storage), max_depth_(max_depth < max_supported_depth ? max_depth : max_supported_depth) {}

  /// Reads the whole line: the marker, one struct, nothing else. On success
  /// `fields` holds the top-level struct's fields in order.
  bool read(std::vector<ion_field>& fields) {
    fields.clear();
    if (t_.substr(0, marker.size()) != marker) return syntax(0, "the line does not start with $ion_1_0");
    pos_ = marker.size();
    if (pos_ < t_.size() && !ion_text::is_space(t_[pos_]) && t_[pos_] != '{')
      return syntax(pos_, "$ion_1_0 is not followed by whitespace or '{'");
    skip_space();
    if (!at('{')) return syntax(pos_, "expected one struct after $ion_1_0");
    top_ = &fields;
    attribute_value top;
    if (!read_container(top, '}')) return false;
    skip_space();
    if (pos_ != t_.size()) return syntax(pos_, "characters follow the struct");
    return true;
  }

  [[nodiscard]] const ion_problem& problem() const noexcept { return problem_; }

 private:
  bool syntax(std::size_t at, std::string why) {
    problem_ = {false, at, std::move(why)};
    return false;
  }
  bool type(std::size_t at, std::string what) {
    problem_ = {true, at, std::move(what)};
    return false;
  }
  bool storage_full(std::size_t at) { return syntax(at, "reader storage exhausted"); }
  [[nodiscard]] bool at(char c) const noexcept { return pos_ < t_.size() && t_[pos_] == c; }
  void skip_space() noexcept {
    while (pos_ < t_.size() && ion_text::is_space(t_[pos_])) ++pos_;
  }
  [[nodiscard]] bool starts_comment() const noexcept {
    return at('/') && pos_ + 1 < t_.size() && (t_[pos_ + 1] == '/' || t_[pos_ + 1] == '*');
  }

  /// Keeps `size` bytes of text in the arena, filled by `fill(char*)`.
  template <class Fill>
  bool keep(std::size_t size, std::string_view& out, Fill&& fill) {
    char* text = storage_->keep_text(size);
    if (text == nullptr && size != 0) return false;
    out = {text, fill(text)};
    return true;
  }

  // ---- strings and symbols ---------------------------------------------------

  /// A `"…"` string or `'…'` quoted symbol at pos_, decoded (§6.6.5's escapes).
  bool read_quoted(std::string_view& out) {
    const char quote = t_[pos_];
    const std::size_t open = pos_;
    if (quote == '\'' && t_.substr(pos_, 3) == "'''") return syntax(pos_, "long strings are outside the subset");
    std::string decoded;
    ++pos_;
    for (;;) {
      if (pos_ >= t_.size()) return syntax(open, "the string is not terminated");
      const auto c = static_cast<unsigned char>(t_[pos_]);
      if (c == static_cast<unsigned char>(quote)) break;
      if (c < 0x20) return syntax(pos_, "a raw control character in a string");
      if (c != '\\') {
        const std::size_t n = c < 0x80 ? 1 : ddbexport::detail::utf8_sequence_length(t_, pos_);
        if (n == 0) return syntax(pos_, "invalid UTF-8");
        decoded.append(t_.substr(pos_, n));
        pos_ += n;
        continue;
      }
      char32_t cp = 0;
      if (!read_escape(cp)) return false;
      char utf8[4];
      decoded.append(utf8, ddbexport::detail::encode_wtf8(cp, utf8));
    }
    ++pos_;
    return keep(decoded.size(), out, [&](char* text) {
      for (std::size_t i = 0; i < decoded.size(); ++i) text[i] = decoded[i];
      return decoded.size();
    }) || storage_full(open);
  }

  /// One escape at pos_ (the backslash) to its code point; surrogate pairs joined.
  bool read_escape(char32_t& cp) {
    const std::size_t start = pos_;
    if (pos_ + 1 >= t_.size()) return syntax(start, "the string is not terminated");
    const char e = t_[pos_ + 1];
    constexpr std::string_view simple = "0abtnfrv\"'?/\\";
    constexpr char32_t simple_value[] = {0, 7, 8, 9, 10, 12, 13, 11, '"', '\'', '?', '/', '\\'};
    if (const auto k = simple.find(e); k != std::string_view::npos) {
      cp = simple_value[k];
      pos_ += 2;
      return true;
    }
    const std::size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
    if (digits == 0) return syntax(start, "an escape outside the subset");
    const auto hex = [&](std::size_t at, char32_t& v) {
      v = 0;
      for (std::size_t i = 0; i < digits; ++i) {
        const int d = at + i < t_.size() ? ddbexport::detail::hex_value(t_[at + i]) : -1;
        if (d < 0) return false;
        v = v * 16 + static_cast<char32_t>(d);
      }
      return true;
    };
    if (!hex(pos_ + 2, cp)) return syntax(start, "a malformed hex escape");
    pos_ += 2 + digits;
    if (e == 'U' && (cp > 0x10FFFF || ddbexport::detail::is_surrogate(cp))) return syntax(start, "\\U beyond U+10FFFF or a surrogate");
    if (e != 'u' || !ddbexport::detail::is_surrogate(cp)) return true;
    char32_t low = 0;
    if (cp >= 0xDC00 || t_.substr(pos_, 2) != "\\u" || !hex(pos_ + 2, low) || low < 0xDC00 || low > 0xDFFF)
      return syntax(start, "an unpaired surrogate escape");
    pos_ += 6;
    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    return true;
  }

  std::string_view read_identifier() noexcept {
    const std::size_t start = pos_;
    while (pos_ < t_.size() && ion_text::is_identifier_part(t_[pos_])) ++pos_;
    return t_.substr(start, pos_ - start);
  }

  /// After a symbol: `::` (skipping whitespace) makes it an annotation.
  bool annotation_follows() noexcept {
    std::size_t p = pos_;
    while (p < t_.size() && ion_text::is_space(t_[p])) ++p;
    if (t_.substr(p, 2) != "::") return false;
    pos_ = p + 2;
    return true;
  }

  // ---- values ----------------------------------------------------------------

  /// One value, with its annotations, where a value is expected.
  bool read_value(attribute_value& out) {
    std::size_t annotations = 0;
    std::string_view annotation;
    for (;;) {
      skip_space();
      if (pos_ >= t_.size()) return syntax(pos_, "expected a value");
      const std::size_t start = pos_;
      std::string_view symbol;
      if (at('\'')) {
        if (!read_quoted(symbol)) return false;
      } else if (ion_text::is_identifier_start(t_[pos_])) {
        symbol = read_identifier();
      } else {
        break;
      }
      if (annotation_follows()) {
        ++annotations;
        annotation = symbol;
        continue;
      }
      // A symbol that is no annotation is a keyword or a symbol value.
      if (annotations != 0) return type(start, "an annotation on a non-list");
      return read_keyword(out, symbol, start, t_[start] == '\'');
    }
    const std::size_t start = pos_;
    if (annotations != 0) {
      constexpr std::array<std::pair<std::string_view, attribute_kind>, 3> sets{
          {{"$dynamodb_SS", attribute_kind::ss}, {"$dynamodb_NS", attribute_kind::ns}, {"$dynamodb_BS", attribute_kind::bs}}};
      if (annotations > 1) return type(start, "a value with two annotations");
      attribute_kind kind = attribute_kind::l;
      for (const auto& [name, k] : sets)
        if (annotation == name) kind = k;
      if (kind == attribute_kind::l) return type(start, "the annotation " + std::string{annotation});
      if (!at('[')) return type(start, "an annotation on a non-list");
      out = attribute_value{kind};
      return read_container(out, ']');
    }
    const char c = t_[pos_];
    if (c == '"') {
      out = attribute_value{attribute_kind::s};
      return read_quoted(out.scalar);
    }
    if (c == '{') {
      if (pos_ + 1 < t_.size() && t_[pos_ + 1] == '{') return read_lob(out);
      out = attribute_value{attribute_kind::m};
      return read_container(out, '}');
    }
    if (c == '[') {
      out = attribute_value{attribute_kind::l};
      return read_container(out, ']');
    }
    if (c == '(') return type(start, "an s-expression");
    if (ion_text::is_digit(c) || c == '+' || c == '-') return read_number(out);
    if (starts_comment()) return syntax(start, "comments are outside the subset");
    return syntax(start, "expected a value");
  }

  bool read_keyword(attribute_value& out, std::string_view word, std::size_t start, bool quoted) {
    if (!quoted && (word == "true" || word == "false")) {
      out = attribute_value::boolean(word == "true");
      return true;
    }
    if (!quoted && word == "null") {
      out = attribute_value::null();
      if (!at('.')) return true;
      ++pos_;
      const std::string_view typed = read_identifier();
      if (typed == "null") return true;
      return type(start, "the typed null null." + std::string{typed});
    }
    if (!quoted && word == "nan") return type(start, "the Ion float nan");
    return type(start, "the symbol " + std::string{word});
  }

  bool read_number(attribute_value& out) {
    const std::size_t start = pos_;
    while (pos_ < t_.size() && ion_text::is_numeric_part(t_[pos_])) ++pos_;
    const std::string_view token = t_.substr(start, pos_ - start);
    if (!ion_text::is_subset_decimal(token)) {
      if (ion_text::is_ion_int(token)) return type(start, "the Ion int " + std::string{token});
      if (ion_text::is_ion_float(token)) return type(start, "the Ion float " + std::string{token});
      if (ion_text::is_ion_timestamp(token)) return type(start, "the Ion timestamp " + std::string{token});
      return syntax(start, "the numeric token " + std::string{token} + " is not a decimal of the subset");
    }
    // Ion's `d` exponent is number text's `e`.
    std::string text{token};
    for (char& ch : text)
      if (ch == 'd' || ch == 'D') ch = 'e';
    number_value v;
    const bool within = parse_number(text, v) == number_problem::none;
    // Beyond DynamoDB's limits the text stays as written (with `e`): A-AV judges it.
    std::string canonical;
    if (within) {
      container_output<std::string> o{canonical};
      write_canonical_number(v, o);
    }
    const std::string& kept = within ? canonical : text;
    out = attribute_value{attribute_kind::n};
    return keep(kept.size(), out.scalar, [&](char* dst) {
      for (std::size_t i = 0; i < kept.size(); ++i) dst[i] = kept[i];
      return kept.size();
    }) || storage_full(start);
  }

  /// `{{ base64 }}` (whitespace anywhere inside), or a clob, which has no DynamoDB type.
  bool read_lob(attribute_value& out) {
    const std::size_t start = pos_;
    pos_ += 2;
    skip_space();
    if (at('"') || at('\'')) return type(start, "a clob");
    std::string digits;
    for (;;) {
      skip_space();
      if (pos_ >= t_.size()) return syntax(start, "the blob is not terminated");
      if (t_.substr(pos_, 2) == "}}") break;
      const char c = t_[pos_];
      if (ddbexport::detail::base64_digit(c) < 0 && c != '=') return syntax(pos_, "a blob holds a character outside base64");
      digits += c;
      ++pos_;
    }
    pos_ += 2;
    const auto size = ddbexport::detail::base64_decoded_size(digits);
    if (!size) return syntax(start, "a blob is not padded base64");
    out = attribute_value{attribute_kind::b};
    return keep(*size, out.scalar, [&](char* dst) {
      ddbexport::detail::decode_base64(digits, dst);
      return *size;
    }) || storage_full(start);
  }

  /// A struct field name: an identifier (no keyword), a quoted symbol or a short string.
  bool read_field_name(std::string_view& name) {
    const std::size_t start = pos_;
    if (at('"') || at('\'')) return read_quoted(name);
    if (pos_ < t_.size() && ion_text::is_identifier_start(t_[pos_])) {
      name = read_identifier();
      if (name == "null" || name == "true" || name == "false" || name == "nan")
        return syntax(start, "the keyword " + std::string{name} + " as a field name");
      bool symbol_id = name.size() > 1 && name[0] == '$';
      for (std::size_t i = 1; i < name.size() && symbol_id; ++i) symbol_id = ion_text::is_digit(name[i]);
      if (symbol_id) return type(start, "the symbol id " + std::string{name} + " as a field name");
      return true;
    }
    if (starts_comment()) return syntax(start, "comments are outside the subset");
    return syntax(start, "expected a field name");
  }

  /// The one walk over Ion containers: structs (`}`: named fields) and lists
  /// (`]`: values, which a set annotation types).
  bool read_container(attribute_value& out, char closer) {
    const bool is_struct = closer == '}';
    if (depth_ >= max_depth_) return syntax(pos_, "nested deeper than the depth limit");
    ++depth_;
    const bool top = top_ != nullptr && depth_ == 1;
    ++pos_;
    std::byte* const mark = storage_->stage_mark();
    std::size_t count = 0;
    std::unordered_set<std::string_view> names;
    skip_space();
    if (!at(closer)) {
      for (;;) {
        skip_space();
        attribute_entry entry;
        ion_field field;
        if (is_struct) {
          field.name_offset = pos_;
          if (!read_field_name(entry.key)) return false;
          if (!names.insert(entry.key).second)
            return type(field.name_offset, "the repeated field name " + std::string{entry.key});
          skip_space();
          if (!at(':') || t_.substr(pos_, 2) == "::") return syntax(pos_, "expected ':' after a field name");
          ++pos_;
          skip_space();
        }
        field.value_offset = pos_;
        if (!read_value(entry.value)) return false;
        if (!is_struct && out.kind != attribute_kind::l && !set_element_fits(out.kind, entry.value.kind))
          return type(field.value_offset, "a set element of the wrong type");
        if (top) {
          field.name = entry.key;
          field.value = entry.value;
          top_->push_back(field);
        }
        const bool staged = is_struct ? storage_->stage(entry)
                            : out.kind == attribute_kind::l ? storage_->stage(entry.value)
                                                            : storage_->stage(entry.value.scalar);
        if (!staged) return storage_full(field.value_offset);
        ++count;
        skip_space();
        if (at(closer)) break;
        if (!at(',')) {
          if (starts_comment()) return syntax(pos_, "comments are outside the subset");
          return syntax(pos_, is_struct ? "expected ',' or '}'" : "expected ',' or ']'");
        }
        ++pos_;
        skip_space();
        if (at(closer)) return syntax(pos_, "a trailing comma");
      }
    }
    ++pos_;
    --depth_;
    bool kept = true;
    if (is_struct) {
      out.map_data = storage_->keep_staged<attribute_entry>(mark, count, kept);
      out.map_size = count;
    } else if (out.kind == attribute_kind::l) {
      out.list_data = storage_->keep_staged<attribute_value>(mark, count, kept);
      out.list_size = count;
    } else {
      out.set = {storage_->keep_staged<std::string_view>(mark, count, kept), count};
    }
    return kept || storage_full(pos_);
  }

  [[nodiscard]] static constexpr bool set_element_fits(attribute_kind set, attribute_kind element) noexcept {
    return (set == attribute_kind::ss && element == attribute_kind::s) ||
           (set == attribute_kind::ns && element == attribute_kind::n) ||
           (set == attribute_kind::bs && element == attribute_kind::b);
  }

  std::string_view t_;
  json::arena* storage_;
  std::size_t max_depth_;
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;
  std::vector<ion_field>* top_ = nullptr;
  ion_problem problem_{};
};

}  // namespace ddbexport::artifacts::detail

#endif
