#ifndef DDBEXPORT_JSON_DETAIL_ESCAPE_HPP
#define DDBEXPORT_JSON_DETAIL_ESCAPE_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ddbexport/detail/utf8.hpp"
#include "ddbexport/json/detail/plain_text.hpp"
#include "ddbexport/output.hpp"

namespace ddbexport::detail {

/// Writes the body of a JSON string (no quotes) exactly as ECMAScript's
/// JSON.stringify does for the same UTF-16 text (WIRE.md §4.1). Input is
/// WTF-8; a lone surrogate becomes `\udXXX`, a surrogate pair split across two
/// WTF-8 sequences is joined, and a byte that is not WTF-8 at all (only
/// possible in values a caller built by hand) is written as U+FFFD.
template <text_output Out>
constexpr void write_json_string_body(Out& out, std::string_view text) {
  constexpr char hex[] = "0123456789abcdef";
  std::size_t run = 0;  // start of the pending run of bytes copied verbatim
  std::size_t pos = 0;
  const auto flush = [&](std::size_t end) {
    if (end > run) out.write(text.substr(run, end - run));
  };
  while (pos < text.size()) {
    // Plain text is copied verbatim; everything below handles the first byte that is not.
    pos = find_special_byte(text, pos);
    if (pos >= text.size()) break;
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      flush(pos);
      switch (c) {
        case '"': out.write("\\\""); break;
        case '\\': out.write("\\\\"); break;
        case '\b': out.write("\\b"); break;
        case '\t': out.write("\\t"); break;
        case '\n': out.write("\\n"); break;
        case '\f': out.write("\\f"); break;
        case '\r': out.write("\\r"); break;
        default: {
          const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
          out.write(std::string_view{esc, 6});
        }
      }
      run = ++pos;
      continue;
    }
    // The common non-ASCII letters (ü, é, ß) are two-byte sequences: passed
    // through here without a full decode, then back to the fast scan.
    if (c >= 0xC2 && c <= 0xDF && pos + 1 < text.size() && (static_cast<unsigned char>(text[pos + 1]) & 0xC0) == 0x80) {
      pos += 2;
      continue;
    }
    const auto cp = decode_wtf8(text, pos);
    if (cp.well_formed && !is_surrogate(cp.value)) {
      pos += cp.length;
      continue;
    }
    flush(pos);
    if (!cp.well_formed) {
      out.write("\xEF\xBF\xBD");
      run = ++pos;
      continue;
    }
    if (cp.value <= 0xDBFF && pos + 3 < text.size()) {
      const auto next = decode_wtf8(text, pos + 3);
      if (next.well_formed && next.value >= 0xDC00 && next.value <= 0xDFFF) {
        char joined[4];
        encode_wtf8(0x10000 + ((cp.value - 0xD800) << 10) + (next.value - 0xDC00), joined);
        out.write(std::string_view{joined, 4});
        run = pos += 6;
        continue;
      }
    }
    const char esc[6] = {'\\', 'u', hex[(cp.value >> 12) & 0xF], hex[(cp.value >> 8) & 0xF],
                         hex[(cp.value >> 4) & 0xF], hex[cp.value & 0xF]};
    out.write(std::string_view{esc, 6});
    run = pos += 3;
  }
  flush(pos);
}

template <text_output Out>
constexpr void write_json_string(Out& out, std::string_view text) {
  out.write("\"");
  write_json_string_body(out, text);
  out.write("\"");
}

/// An output that JSON-escapes everything written through it, so messages can
/// be rendered straight into a body. Each write must hold whole code points.
template <text_output Out>
class json_escaping_output {
 public:
  constexpr explicit json_escaping_output(Out& out) noexcept : out_(&out) {}
  constexpr void write(std::string_view text) { write_json_string_body(*out_, text); }

 private:
  Out* out_;
};

}  // namespace ddbexport::detail

#endif
