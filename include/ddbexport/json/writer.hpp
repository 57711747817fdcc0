#ifndef DDBEXPORT_JSON_WRITER_HPP
#define DDBEXPORT_JSON_WRITER_HPP

/// The AWS JSON 1.0 writer: byte-identical to the AWS SDK for JavaScript v3
/// (WIRE.md §2–§4), one entry point for every shape: `json::write(value, out)`.
/// Compact, members in model order, absent members left out. Never
/// allocates, never invents a ClientToken (see the Rng overload), and runs in
/// constant evaluation. A value nested deeper than any reader takes back
/// (max_walk_depth) is refused before anything is written.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <span>
#include <string_view>

#include "ddbexport/attribute_value.hpp"
#include "ddbexport/client_token.hpp"
#include "ddbexport/detail/base64.hpp"
#include "ddbexport/detail/number.hpp"
#include "ddbexport/fwd.hpp"
#include "ddbexport/json/detail/escape.hpp"
#include "ddbexport/json/detail/map_order.hpp"
#include "ddbexport/json/result.hpp"
#include "ddbexport/member.hpp"
#include "ddbexport/members.hpp"
#include "ddbexport/output.hpp"
#include "ddbexport/request.hpp"
#include "ddbexport/serialize.hpp"
#include "ddbexport/timestamp.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/validate/rules.hpp"

namespace ddbexport {

namespace detail {
/// One AttributeValue: an object with exactly its one member. B and BS hold
/// bytes and are written as canonical padded base64. Recursion follows the
/// nesting; below `max_walk_depth` levels nothing more is written (json::write
/// refuses such values before it starts).
template <text_output Out>
constexpr void write_attribute_value(const attribute_value& value, Out& out, std::size_t level);
}  // namespace detail

namespace json {

/// A map as a JSON object in ECMAScript property order (WIRE.md §5.6).
template <text_output Out, class Entry, class WriteValue>
constexpr void write_map(std::span<const Entry> entries, Out& out, WriteValue&& write_value) {
  out.write("{");
  bool first = true;
  detail::for_each_in_property_order(entries, [&](const Entry& e) {
    out.write(first ? std::string_view{"\""} : std::string_view{",\""});
    first = false;
    detail::write_json_string_body(out, e.key);
    out.write("\":");
    write_value(e.value);
  });
  out.write("}");
}

}  // namespace json

template <text_output Out>
constexpr void detail::write_attribute_value(const attribute_value& value, Out& out, std::size_t level) {
  if (level > max_walk_depth) return;
  const auto write_strings = [&](bool binary) {
    out.write("[");
    for (std::size_t i = 0; i < value.set.size(); ++i) {
      out.write(i == 0 ? std::string_view{"\""} : std::string_view{",\""});
      if (binary)
        detail::write_base64(out, value.set[i]);
      else
        detail::write_json_string_body(out, value.set[i]);
      out.write("\"");
    }
    out.write("]");
  };
  const std::string_view member = wire_name(value.kind);
  out.write("{");
  // Only a hand-built value can have no kind; `{}` keeps the output JSON.
  if (!member.empty()) {
    out.write("\"");
    out.write(member);
    out.write("\":");
  }
  switch (value.kind) {
    case attribute_kind::s:
    case attribute_kind::n: detail::write_json_string(out, value.scalar); break;
    case attribute_kind::b:
      out.write("\"");
      detail::write_base64(out, value.scalar);
      out.write("\"");
      break;
    case attribute_kind::ss:
    case attribute_kind::ns:
    case attribute_kind::bs: write_strings(value.kind == attribute_kind::bs); break;
    case attribute_kind::m:
      json::write_map(value.map(), out, [&](const attribute_value& v) { write_attribute_value(v, out, level + 1); });
      break;
    case attribute_kind::l: {
      out.write("[");
      const auto items = value.list();
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i != 0) out.write(",");
        write_attribute_value(items[i], out, level + 1);
      }
      out.write("]");
      break;
    }
    case attribute_kind::null:
    case attribute_kind::boolean: out.write(value.flag ? std::string_view{"true"} : std::string_view{"false"}); break;
  }
  out.write("}");
}

/// The JSON encoder: the built-in format is an ordinary plug-in of serialize.hpp.
template <text_output Out>
struct encoder_for<json::format, Out> {
 public:
  constexpr explicit encoder_for(Out& out) noexcept : out_(&out) {}

  constexpr void begin_structure(std::string_view member_name, std::string_view /*shape_name*/) {
    if (depth_ != 0) {
      if ((in_list_ & level_bit()) != 0)
        separate();
      else
        key(member_name);
    }
    open("{", false);
  }
  constexpr void end_structure() {
    --depth_;
    out_->write("}");
  }
  constexpr void begin_list(std::string_view member_name, std::string_view /*element_shape_name*/) {
    key(member_name);
    open("[", true);
  }
  constexpr void end_list() {
    --depth_;
    out_->write("]");
  }

  constexpr void member(std::string_view name, kind_tag<member_kind::string>, std::string_view value) {
    key(name);
    detail::write_json_string(*out_, value);
  }
  constexpr void member(std::string_view name, kind_tag<member_kind::enumeration>, std::string_view text) {
    key(name);
    detail::write_json_string(*out_, text);
  }
  constexpr void member(std::string_view name, kind_tag<member_kind::timestamp>, timestamp value) {
    key(name);
    time_text_buffer buf{};
    out_->write(format_epoch_seconds(value, buf));
  }
  constexpr void member(std::string_view name, kind_tag<member_kind::long_integer>, std::int64_t value) {
    key(name);
    detail::integer_text_buffer buf{};
    out_->write(detail::format_integer(value, buf));
  }
  constexpr void member(std::string_view name, kind_tag<member_kind::integer>, std::int32_t value) {
    key(name);
    detail::integer_text_buffer buf{};
    out_->write(detail::format_integer(value, buf));
  }
  constexpr void member(std::string_view name, kind_tag<member_kind::string_map>, std::span<const string_entry> map) {
    key(name);
    json::write_map(map, *out_, [&](std::string_view v) { detail::write_json_string(*out_, v); });
  }
  constexpr void member(std::string_view name, kind_tag<member_kind::attribute_map>,
                        std::span<const attribute_entry> map) {
    key(name);
    json::write_map(map, *out_, [&](const attribute_value& v) { detail::write_attribute_value(v, *out_, 1); });
  }

 private:
  // Shapes and their lists nest a few levels deep; per level one bit says "a
  // member (or element) was written", another "this level is a list".
  [[nodiscard]] constexpr std::uint32_t level_bit() const noexcept { return std::uint32_t{1} << (depth_ & 31); }

  constexpr void open(std::string_view bracket, bool list) {
    out_->write(bracket);
    ++depth_;
    has_members_ &= ~level_bit();
    if (list)
      in_list_ |= level_bit();
    else
      in_list_ &= ~level_bit();
  }
  /// The comma before every member or element but the first.
  constexpr void separate() {
    if ((has_members_ & level_bit()) != 0) out_->write(",");
    has_members_ |= level_bit();
  }
  // Wire names are plain ASCII identifiers from the name table: no escaping needed.
  // (Literals are chosen as string_views, so no strlen runs on the chosen pointer.)
  constexpr void key(std::string_view name) {
    out_->write((has_members_ & level_bit()) != 0 ? std::string_view{",\""} : std::string_view{"\""});
    has_members_ |= level_bit();
    out_->write(name);
    out_->write("\":");
  }

  Out* out_;
  std::uint32_t depth_ = 0;
  std::uint32_t has_members_ = 0;
  std::uint32_t in_list_ = 0;
};

namespace detail {
/// Why a write is refused: R-AV-DEPTH at `path`, with the bound it exceeds.
constexpr diagnostic refused_as_too_deep(const field_path& path) noexcept {
  return diagnostic{.rule = rule_id::r_av_depth, .path = path, .number = static_cast<std::int64_t>(max_walk_depth)};
}

/// The first AttributeValue of `value` nested deeper than `max_walk_depth`,
/// found through the tables, as the diagnostic a write refuses it with.
template <described_shape T>
constexpr std::optional<diagnostic> too_deep_to_write(const T& value, const field_path& path) {
  std::optional<diagnostic> found;
  for_each_member_entry(value, [&]<class V>(const auto& entry, const std::optional<V>& field) {
    if (found || !field) return;
    constexpr member_kind kind = kind_of_value<V>::value;
    if constexpr (kind == member_kind::structure) {
      found = too_deep_to_write(*field, path.child(entry.name));
    } else if constexpr (kind == member_kind::structure_list) {
      for (const auto& element : *field)
        if (!found) found = too_deep_to_write(element, path.child(entry.name));
    } else if constexpr (kind == member_kind::attribute_map) {
      for (const attribute_entry& e : *field)
        if (!found && nests_deeper_than<max_walk_depth>(e.value))
          found = refused_as_too_deep(path.child(entry.name).with_key(e.key));
    }
  });
  return found;
}
}  // namespace detail

namespace json {

/// Writes a value of any described shape: a request or response of
/// ExportTableToPointInTime, DescribeExport or ListExports, an
/// ExportDescription, a ContinuousBackupsDescription (times as epoch seconds).
/// A request's absent ClientToken stays absent (echo mode); use the Rng
/// overload to fill it as the SDK does. A success response without its
/// description is `{}`.
template <described_shape T, text_output Out>
constexpr write_result write(const T& value, Out& out) {
  if (auto refused = ddbexport::detail::too_deep_to_write(value, field_path{})) return {refused};
  serialize<format>(value, out);
  return {};
}

/// A request whose absent ClientToken is first filled with a fresh version-4
/// UUID drawn from `rng` (R-TOKEN-AUTOFILL), on a copy: `request` is untouched.
template <text_output Out, std::uniform_random_bit_generator Rng>
constexpr write_result write(const export_request& request, Out& out, Rng& rng) {
  export_request filled = request;
  client_token_text token{};
  fill_client_token(filled, token, rng);
  return write(filled, out);
}

/// One AttributeValue on its own.
template <text_output Out>
constexpr write_result write(const attribute_value& value, Out& out) {
  if (nests_deeper_than<max_walk_depth>(value)) return {ddbexport::detail::refused_as_too_deep(field_path{})};
  ddbexport::detail::write_attribute_value(value, out, 1);
  return {};
}

// The names of 0.1, kept while callers move to json::write; each is exactly
// the write() of its type.
inline constexpr auto write_request = [](const export_request& request, text_output auto& out, auto&... rng) {
  return write(request, out, rng...);
};
inline constexpr auto write_response = [](const export_response& v, text_output auto& out) { return write(v, out); };
inline constexpr auto write_description = [](const export_description& v, text_output auto& out) {
  return write(v, out);
};
inline constexpr auto write_continuous_backups = [](const continuous_backups_description& v, text_output auto& out) {
  return write(v, out);
};
inline constexpr auto write_attribute_value = [](const attribute_value& v, text_output auto& out) {
  return write(v, out);
};

}  // namespace json
}  // namespace ddbexport

#endif
