#ifndef DDBEXPORT_JSON_DETAIL_LEXER_HPP
#define DDBEXPORT_JSON_DETAIL_LEXER_HPP

/// Tokens of RFC 8259 JSON over a UTF-8 body, for the strict reader. Every
/// function checks bounds itself and reports the byte offset of a problem;
/// none reads past the body.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ddbexport/detail/utf8.hpp"
#include "ddbexport/json/detail/plain_text.hpp"

namespace ddbexport::detail {

/// What a scanned string needs for decoding.
struct string_token {
  std::size_t begin = 0;  ///< first byte after the opening quote
  std::size_t end = 0;    ///< the closing quote
  bool escaped = false;   ///< contains a backslash: must be decoded, cannot be viewed
};

/// A lexed number: the literal and whether it has a fraction or an exponent
/// (Coral's DECIMAL_VALUE) or not (NUMBER_VALUE).
struct number_token {
  std::string_view text;
  bool integral = true;
};

/// Why a token is not JSON; the message becomes a W-JSON detail.
enum class lex_error : std::uint8_t {
  none,
  unexpected_end,
  invalid_utf8,
  control_character,
  invalid_escape,
  invalid_number,
  invalid_literal,
};

[[nodiscard]] constexpr std::string_view describe(lex_error e) noexcept {
  switch (e) {
    case lex_error::unexpected_end: return "unexpected end of the body";
    case lex_error::invalid_utf8: return "invalid UTF-8";
    case lex_error::control_character: return "unescaped control character in a string";
    case lex_error::invalid_escape: return "invalid escape sequence";
    case lex_error::invalid_number: return "invalid number";
    case lex_error::invalid_literal: return "invalid literal";
    case lex_error::none: break;
  }
  return "";
}

[[nodiscard]] constexpr bool is_json_whitespace(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

[[nodiscard]] constexpr int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Length of the strict UTF-8 sequence at `pos` (2–4), or 0 when it is not
/// one: overlong forms, encoded surrogates (ED A0–BF), code points above
/// U+10FFFF, stray continuation bytes, C0, C1, F5–FF and truncation all fail.
[[nodiscard]] constexpr std::size_t utf8_sequence_length(std::string_view s, std::size_t pos) noexcept {
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(s[i]); };
  const std::uint8_t b0 = byte(pos);
  const std::size_t left = s.size() - pos;
  const auto in = [&](std::size_t i, std::uint8_t lo, std::uint8_t hi) {
    return i < left && byte(pos + i) >= lo && byte(pos + i) <= hi;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) return in(1, 0x80, 0xBF) ? 2 : 0;
  if (b0 == 0xE0) return in(1, 0xA0, 0xBF) && in(2, 0x80, 0xBF) ? 3 : 0;
  if (b0 == 0xED) return in(1, 0x80, 0x9F) && in(2, 0x80, 0xBF) ? 3 : 0;
  if (b0 >= 0xE1 && b0 <= 0xEF) return in(1, 0x80, 0xBF) && in(2, 0x80, 0xBF) ? 3 : 0;
  if (b0 == 0xF0) return in(1, 0x90, 0xBF) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
  if (b0 >= 0xF1 && b0 <= 0xF3) return in(1, 0x80, 0xBF) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
  if (b0 == 0xF4) return in(1, 0x80, 0x8F) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
  return 0;
}

/// Scans the string whose opening quote is at `pos`; on success `pos` is just
/// past the closing quote. On failure `pos` is the offset of the bad byte.
[[nodiscard]] constexpr lex_error scan_string(std::string_view s, std::size_t& pos, string_token& token) noexcept {
  std::size_t i = pos + 1;
  token.begin = i;
  token.escaped = false;
  for (;;) {
    i = find_special_byte(s, i);
    if (i >= s.size()) {
      pos = s.size();
      return lex_error::unexpected_end;
    }
    const auto c = static_cast<std::uint8_t>(s[i]);
    if (c == '"') break;
    if (c == '\\') {
      token.escaped = true;
      if (i + 1 >= s.size()) {
        pos = s.size();
        return lex_error::unexpected_end;
      }
      const char e = s[i + 1];
      if (e == 'u') {
        for (std::size_t k = 2; k < 6; ++k) {
          if (i + k >= s.size()) {
            pos = s.size();
            return lex_error::unexpected_end;
          }
          if (hex_value(s[i + k]) < 0) {
            pos = i;
            return lex_error::invalid_escape;
          }
        }
        i += 6;
      } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
        i += 2;
      } else {
        pos = i;
        return lex_error::invalid_escape;
      }
      continue;
    }
    if (c < 0x20) {
      pos = i;
      return lex_error::control_character;
    }
    const std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) {
      pos = i;
      return lex_error::invalid_utf8;
    }
    i += n;
  }
  token.end = i;
  pos = i + 1;
  return lex_error::none;
}

/// The decoded length is never longer than the raw one: every escape is at
/// least as long as what it stands for.
[[nodiscard]] constexpr std::size_t decoded_size_bound(const string_token& t) noexcept { return t.end - t.begin; }

/// Decodes a string accepted by scan_string into `out` (room for
/// decoded_size_bound bytes) as WTF-8: `\uD83D\uDE00` becomes one 4-byte
/// character, a surrogate escape without its partner stays a lone 3-byte
/// surrogate so the writer can give back `\ud800`. Returns the length.
constexpr std::size_t decode_string(std::string_view s, const string_token& t, char* out) noexcept {
  std::size_t o = 0;
  std::size_t i = t.begin;
  const auto hex4 = [&](std::size_t at) {
    return static_cast<char32_t>((hex_value(s[at]) << 12) | (hex_value(s[at + 1]) << 8) | (hex_value(s[at + 2]) << 4) |
                                 hex_value(s[at + 3]));
  };
  while (i < t.end) {
    const char c = s[i];
    if (c != '\\') {
      out[o++] = c;
      ++i;
      continue;
    }
    const char e = s[i + 1];
    if (e != 'u') {
      char plain = e;  // '"', '\\' and '/' stand for themselves
      switch (e) {
        case 'b': plain = '\b'; break;
        case 'f': plain = '\f'; break;
        case 'n': plain = '\n'; break;
        case 'r': plain = '\r'; break;
        case 't': plain = '\t'; break;
        default: break;
      }
      out[o++] = plain;
      i += 2;
      continue;
    }
    char32_t cp = hex4(i + 2);
    i += 6;
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= t.end && s[i] == '\\' && s[i + 1] == 'u') {
      const char32_t low = hex4(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        i += 6;
      }
    }
    o += encode_wtf8(cp, out + o);
  }
  return o;
}

/// Scans a number at `pos` per RFC 8259; on success `pos` is past it.
[[nodiscard]] constexpr lex_error scan_number(std::string_view s, std::size_t& pos, number_token& token) noexcept {
  std::size_t i = pos;
  const auto digit_at = [&](std::size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
  token.integral = true;
  if (i < s.size() && s[i] == '-') ++i;
  if (!digit_at(i)) {
    pos = i;
    return i >= s.size() ? lex_error::unexpected_end : lex_error::invalid_number;
  }
  if (s[i] == '0') {
    ++i;
  } else {
    while (digit_at(i)) ++i;
  }
  if (i < s.size() && s[i] == '.') {
    token.integral = false;
    ++i;
    if (!digit_at(i)) {
      pos = i;
      return lex_error::invalid_number;
    }
    while (digit_at(i)) ++i;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    token.integral = false;
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digit_at(i)) {
      pos = i;
      return lex_error::invalid_number;
    }
    while (digit_at(i)) ++i;
  }
  token.text = s.substr(pos, i - pos);
  pos = i;
  return lex_error::none;
}

/// Matches `true`, `false` or `null` (whichever `word` is) at `pos`.
[[nodiscard]] constexpr lex_error scan_literal(std::string_view s, std::size_t& pos, std::string_view word) noexcept {
  if (s.substr(pos, word.size()) != word) return lex_error::invalid_literal;
  pos += word.size();
  return lex_error::none;
}

}  // namespace ddbexport::detail

#endif
