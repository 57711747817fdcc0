#ifndef DDBEXPORT_CHECK_JSON_TREE_HPP
#define DDBEXPORT_CHECK_JSON_TREE_HPP

// A small strict JSON tree for ddbexport-check's context file. The library's
// own reader is schema-directed (it knows the operation's shapes); the context
// file is a different document, so the tool parses it generically and hands
// the embedded request bodies to the library reader as raw text.

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/detail/utf8.hpp"

namespace ddbexport_check {

struct json_member;

struct json_node {
  enum class kind : std::uint8_t { null, boolean, number, string, array, object };
  kind type = kind::null;
  std::string_view raw;         ///< the value's exact text in the document
  std::string text;             ///< decoded string (WTF-8), for strings
  bool flag = false;            ///< for booleans
  std::vector<json_member> members;  ///< objects, in document order
  std::vector<json_node> items;      ///< arrays

  [[nodiscard]] const json_node* find(std::string_view name) const;
};

// A named struct rather than std::pair: a pair of an incomplete json_node
// inside json_node's own definition does not compile with clang 14.
struct json_member {
  std::string name;
  json_node value;
};

inline const json_node* json_node::find(std::string_view name) const {
  for (const auto& member : members)
    if (member.name == name) return &member.value;
  return nullptr;
}

struct json_parse_error {
  std::size_t offset;
  std::string reason;
};

/// Parses a whole document: one value, surrounding whitespace only, strict
/// UTF-8, no duplicate member names, bounded depth.
class json_tree_parser {
 public:
  static constexpr std::size_t max_depth = 128;

  explicit json_tree_parser(std::string_view text) : s_(text) {}

  std::optional<json_node> parse(json_parse_error& error) {
    if (!ddbexport::detail::is_strict_utf8(s_)) return fail(error, 0, "invalid UTF-8");
    json_node root;
    skip_space();
    if (!value(root, 0)) return fail(error, pos_, reason_);
    skip_space();
    if (pos_ != s_.size()) return fail(error, pos_, "trailing characters after the value");
    return root;
  }

 private:
  static std::optional<json_node> fail(json_parse_error& error, std::size_t at, std::string reason) {
    error = {at, std::move(reason)};
    return std::nullopt;
  }
  bool bad(const char* reason) {
    reason_ = reason;
    return false;
  }
  void skip_space() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
  }
  bool literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return bad("unexpected character");
    pos_ += word.size();
    return true;
  }

  bool value(json_node& out, std::size_t depth) {
    if (pos_ >= s_.size()) return bad("unexpected end of input");
    const std::size_t start = pos_;
    bool ok = false;
    switch (s_[pos_]) {
      case '{': ok = object(out, depth + 1); break;
      case '[': ok = array(out, depth + 1); break;
      case '"': out.type = json_node::kind::string; ok = string(out.text); break;
      case 't': out.type = json_node::kind::boolean; out.flag = true; ok = literal("true"); break;
      case 'f': out.type = json_node::kind::boolean; ok = literal("false"); break;
      case 'n': out.type = json_node::kind::null; ok = literal("null"); break;
      default: out.type = json_node::kind::number; ok = number(); break;
    }
    out.raw = s_.substr(start, pos_ - start);
    return ok;
  }

  bool object(json_node& out, std::size_t depth) {
    if (depth > max_depth) return bad("nesting too deep");
    out.type = json_node::kind::object;
    ++pos_;
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_space();
      if (pos_ >= s_.size() || s_[pos_] != '"') return bad("expected a member name");
      std::string name;
      if (!string(name)) return false;
      if (out.find(name)) return bad("duplicate member name");
      skip_space();
      if (pos_ >= s_.size() || s_[pos_] != ':') return bad("expected ':'");
      ++pos_;
      skip_space();
      json_node member;
      if (!value(member, depth)) return false;
      out.members.push_back(json_member{std::move(name), std::move(member)});
      skip_space();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == '}') {
        ++pos_;
        return true;
      }
      return bad("expected ',' or '}'");
    }
  }

  bool array(json_node& out, std::size_t depth) {
    if (depth > max_depth) return bad("nesting too deep");
    out.type = json_node::kind::array;
    ++pos_;
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_space();
      json_node item;
      if (!value(item, depth)) return false;
      out.items.push_back(std::move(item));
      skip_space();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == ']') {
        ++pos_;
        return true;
      }
      return bad("expected ',' or ']'");
    }
  }

  bool hex4(std::uint32_t& v) {
    if (s_.size() - pos_ < 4) return bad("truncated \\u escape");
    v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = s_[pos_++];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') v |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= static_cast<std::uint32_t>(c - 'A' + 10);
      else return bad("bad \\u escape");
    }
    return true;
  }

  bool string(std::string& out) {
    ++pos_;
    while (true) {
      if (pos_ >= s_.size()) return bad("unterminated string");
      const char c = s_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) return bad("control character in string");
      if (c != '\\') {
        out.push_back(c);
        ++pos_;
        continue;
      }
      if (++pos_ >= s_.size()) return bad("unterminated string");
      const char e = s_[pos_++];
      switch (e) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF && s_.substr(pos_, 2) == "\\u") {
            const std::size_t save = pos_;
            pos_ += 2;
            std::uint32_t low = 0;
            if (!hex4(low)) return false;
            if (low >= 0xDC00 && low <= 0xDFFF)
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            else
              pos_ = save;
          }
          char buf[4];
          out.append(buf, ddbexport::detail::encode_wtf8(cp, buf));
          break;
        }
        default: return bad("bad escape");
      }
    }
  }

  bool number() {
    const std::size_t start = pos_;
    if (pos_ < s_.size() && s_[pos_] == '-') ++pos_;
    const auto digits = [&] {
      const std::size_t from = pos_;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
      return pos_ - from;
    };
    const std::size_t int_start = pos_;
    const std::size_t n = digits();
    if (n == 0 || (n > 1 && s_[int_start] == '0')) return bad("malformed number");
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      if (digits() == 0) return bad("malformed number");
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (digits() == 0) return bad("malformed number");
    }
    return pos_ > start;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  const char* reason_ = "";
};

}  // namespace ddbexport_check

#endif
