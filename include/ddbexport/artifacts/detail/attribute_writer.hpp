#ifndef DDBEXPORT_ARTIFACTS_DETAIL_ATTRIBUTE_WRITER_HPP
#define DDBEXPORT_ARTIFACTS_DETAIL_ATTRIBUTE_WRITER_HPP

/// AttributeValues as data lines carry them, in either output format: one
/// walk over the value, a syntax policy for the spelling. DYNAMODB_JSON
/// wraps each value in its type member (WIRE.md §3–§4); ION writes the bare
/// Ion value of ARTIFACTS.md §6.6.2. Maps keep their entries' order: unlike
/// the wire writer, no WIRE.md §5.6 reordering (ARTIFACTS.md §6.2).

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "ddbexport/artifacts/number.hpp"
#include "ddbexport/attribute_value.hpp"
#include "ddbexport/detail/base64.hpp"
#include "ddbexport/detail/utf8.hpp"
#include "ddbexport/json/detail/escape.hpp"
#include "ddbexport/output.hpp"

namespace ddbexport::artifacts::detail {

/// DYNAMODB_JSON (§6.2): `{"S":"…"}`, N as given, B as canonical base64.
struct json_syntax {
  static constexpr std::string_view line_prefix{};

  template <text_output Out>
  static constexpr void open(Out& out, attribute_kind kind) {
    out.write("{\"");
    out.write(wire_name(kind));
    out.write("\":");
  }
  template <text_output Out>
  static constexpr void close(Out& out, attribute_kind) {
    out.write("}");
  }
  template <text_output Out>
  static constexpr bool key(Out& out, std::string_view name) {
    ddbexport::detail::write_json_string(out, name);
    out.write(":");
    return true;
  }
  template <text_output Out>
  static constexpr bool string(Out& out, std::string_view text) {
    ddbexport::detail::write_json_string(out, text);
    return true;
  }
  template <text_output Out>
  static constexpr bool number(Out& out, std::string_view text) {
    return string(out, text);
  }
  /// B is a base64 string; NULL is `{"NULL":true}`.
  static constexpr std::string_view blob_open = "\"", blob_close = "\"";
  static constexpr bool null_keyword = false;
};

/// §6.6.4's escapes for the body of an Ion string (quote `"`) or quoted
/// symbol (quote `'`); false, with the text partly written, for a string that
/// holds an unpaired surrogate, which Ion text cannot carry.
template <text_output Out>
constexpr bool write_ion_text_body(Out& out, std::string_view text, char quote) {
  constexpr char hex[] = "0123456789abcdef";
  std::size_t run = 0;
  const auto flush = [&](std::size_t end) {
    if (end > run) out.write(text.substr(run, end - run));
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const auto c = static_cast<unsigned char>(text[pos]);
    std::string_view escape;
    if (c == static_cast<unsigned char>(quote)) {
      escape = quote == '"' ? "\\\"" : "\\'";
    } else if (c == '\\') {
      escape = "\\\\";
    } else if (c < 0x20 || c == 0x7F) {
      constexpr std::string_view named[] = {"\\0", "", "", "", "", "", "", "\\a", "\\b", "\\t", "\\n", "\\v", "\\f", "\\r"};
      escape = c < 14 ? named[c] : std::string_view{};
    } else if (c < 0x80) {
      ++pos;
      continue;
    }
    std::size_t length = 1;
    char x_escape[4] = {'\\', 'x', '0', '0'};
    if (c >= 0x80) {
      const auto cp = ddbexport::detail::decode_wtf8(text, pos);
      if (!cp.well_formed || ddbexport::detail::is_surrogate(cp.value)) return false;
      length = cp.length;
      if (cp.value > 0x9F) {
        pos += length;
        continue;
      }
      x_escape[2] = hex[cp.value >> 4];
      x_escape[3] = hex[cp.value & 0xF];
    } else if (escape.empty()) {
      x_escape[2] = hex[c >> 4];
      x_escape[3] = hex[c & 0xF];
    }
    flush(pos);
    out.write(escape.empty() ? std::string_view{x_escape, 4} : escape);
    pos += length;
    run = pos;
  }
  flush(text.size());
  return true;
}

/// ion-java's symbolVariant: an identifier that is no keyword and no symbol id stays bare.
[[nodiscard]] constexpr bool is_bare_ion_symbol(std::string_view name) noexcept {
  if (name.empty()) return false;
  const auto start = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$'; };
  if (!start(name[0])) return false;
  bool digits_after_dollar = name[0] == '$' && name.size() > 1;
  for (std::size_t i = 1; i < name.size(); ++i) {
    const char c = name[i];
    if (!start(c) && !(c >= '0' && c <= '9')) return false;
    digits_after_dollar = digits_after_dollar && c >= '0' && c <= '9';
  }
  return !digits_after_dollar && name != "null" && name != "true" && name != "false" && name != "nan";
}

/// ION text (§6.6.2–§6.6.4).
struct ion_syntax {
  static constexpr std::string_view line_prefix = "$ion_1_0 ";

  template <text_output Out>
  static constexpr void open(Out& out, attribute_kind kind) {
    if (kind == attribute_kind::ss || kind == attribute_kind::ns || kind == attribute_kind::bs) {
      out.write("$dynamodb_");
      out.write(wire_name(kind));
      out.write("::");
    }
  }
  template <text_output Out>
  static constexpr void close(Out&, attribute_kind) {}
  template <text_output Out>
  static constexpr bool key(Out& out, std::string_view name) {
    if (is_bare_ion_symbol(name)) {
      out.write(name);
    } else {
      out.write("'");
      if (!write_ion_text_body(out, name, '\'')) return false;
      out.write("'");
    }
    out.write(":");
    return true;
  }
  template <text_output Out>
  static constexpr bool string(Out& out, std::string_view text) {
    out.write("\"");
    const bool ok = write_ion_text_body(out, text, '"');
    out.write("\"");
    return ok;
  }
  template <text_output Out>
  static constexpr bool number(Out& out, std::string_view text) {
    number_value v;
    if (parse_number(text, v) != number_problem::none) return false;
    write_ion_decimal(v, out);
    return true;
  }
  static constexpr std::string_view blob_open = "{{", blob_close = "}}";
  static constexpr bool null_keyword = true;
};

template <class Syntax, text_output Out>
constexpr bool write_attribute_map(std::span<const attribute_entry> entries, Out& out);

/// Writes one value; false when the syntax cannot spell it (an ION string
/// with an unpaired surrogate, an ION number that is no number text).
template <class Syntax, text_output Out>
constexpr bool write_attribute(const attribute_value& v, Out& out) {
  Syntax::open(out, v.kind);
  bool ok = true;
  const auto blob = [&](std::string_view bytes) {
    out.write(Syntax::blob_open);
    ddbexport::detail::write_base64(out, bytes);
    out.write(Syntax::blob_close);
    return true;
  };
  const auto each = [&](auto items, auto&& write_one) {
    out.write("[");
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i != 0) out.write(",");
      ok = write_one(items[i]) && ok;
    }
    out.write("]");
  };
  switch (v.kind) {
    case attribute_kind::s: ok = Syntax::string(out, v.scalar); break;
    case attribute_kind::n: ok = Syntax::number(out, v.scalar); break;
    case attribute_kind::b: blob(v.scalar); break;
    case attribute_kind::ss: each(v.set, [&](std::string_view e) { return Syntax::string(out, e); }); break;
    case attribute_kind::ns: each(v.set, [&](std::string_view e) { return Syntax::number(out, e); }); break;
    case attribute_kind::bs: each(v.set, blob); break;
    case attribute_kind::m: ok = write_attribute_map<Syntax>(v.map(), out); break;
    case attribute_kind::l:
      each(v.list(), [&](const attribute_value& e) { return write_attribute<Syntax>(e, out); });
      break;
    case attribute_kind::null:
    case attribute_kind::boolean:
      out.write(v.kind == attribute_kind::null && Syntax::null_keyword ? "null" : v.flag ? "true" : "false");
      break;
  }
  Syntax::close(out, v.kind);
  return ok;
}

template <class Syntax, text_output Out>
constexpr bool write_attribute_map(std::span<const attribute_entry> entries, Out& out) {
  bool ok = true;
  out.write("{");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i != 0) out.write(",");
    ok = Syntax::key(out, entries[i].key) && ok;
    ok = write_attribute<Syntax>(entries[i].value, out) && ok;
  }
  out.write("}");
  return ok;
}

}  // namespace ddbexport::artifacts::detail

#endif
