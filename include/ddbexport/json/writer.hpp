#ifndef DDBEXPORT_JSON_WRITER_HPP
#define DDBEXPORT_JSON_WRITER_HPP

/// The AWS JSON 1.0 writer: byte-identical to the AWS SDK for JavaScript v3
/// (WIRE.md §2–§4). Compact, members in model order, absent members left out.
/// Never allocates, never invents a ClientToken (see the Rng overload), and
/// runs in constant evaluation.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "ddbexport/attribute_value.hpp"
#include "ddbexport/client_token.hpp"
#include "ddbexport/continuous_backups.hpp"
#include "ddbexport/detail/base64.hpp"
#include "ddbexport/json/detail/escape.hpp"
#include "ddbexport/json/detail/map_order.hpp"
#include "ddbexport/detail/number.hpp"
#include "ddbexport/export_description.hpp"
#include "ddbexport/fwd.hpp"
#include "ddbexport/members.hpp"
#include "ddbexport/output.hpp"
#include "ddbexport/request.hpp"
#include "ddbexport/serialize.hpp"
#include "ddbexport/timestamp.hpp"

namespace ddbexport {

namespace json {
/// Writes one AttributeValue: an object with exactly its one member. B and BS
/// hold bytes and are written as canonical padded base64.
template <text_output Out>
constexpr void write_attribute_value(const attribute_value& value, Out& out);

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

template <text_output Out>
constexpr void write_attribute_value(const attribute_value& value, Out& out) {
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
  switch (value.kind) {
    case attribute_kind::s:
      out.write("{\"S\":");
      detail::write_json_string(out, value.scalar);
      break;
    case attribute_kind::n:
      out.write("{\"N\":");
      detail::write_json_string(out, value.scalar);
      break;
    case attribute_kind::b:
      out.write("{\"B\":\"");
      detail::write_base64(out, value.scalar);
      out.write("\"");
      break;
    case attribute_kind::ss:
      out.write("{\"SS\":");
      write_strings(false);
      break;
    case attribute_kind::ns:
      out.write("{\"NS\":");
      write_strings(false);
      break;
    case attribute_kind::bs:
      out.write("{\"BS\":");
      write_strings(true);
      break;
    case attribute_kind::m:
      out.write("{\"M\":");
      write_map(value.map(), out, [&](const attribute_value& v) { write_attribute_value(v, out); });
      break;
    case attribute_kind::l: {
      out.write("{\"L\":[");
      const auto items = value.list();
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i != 0) out.write(",");
        write_attribute_value(items[i], out);
      }
      out.write("]");
      break;
    }
    case attribute_kind::null:
      out.write(value.flag ? std::string_view{"{\"NULL\":true"} : std::string_view{"{\"NULL\":false"});
      break;
    case attribute_kind::boolean:
      out.write(value.flag ? std::string_view{"{\"BOOL\":true"} : std::string_view{"{\"BOOL\":false"});
      break;
    default:
      // Only a hand-built value can get here; `{}` keeps the output JSON.
      out.write("{");
      break;
  }
  out.write("}");
}
}  // namespace json

/// The JSON encoder: the built-in format is an ordinary plug-in of serialize.hpp.
template <text_output Out>
struct encoder_for<json::format, Out> {
 public:
  constexpr explicit encoder_for(Out& out) noexcept : out_(&out) {}

  constexpr void begin_structure(std::string_view member_name, std::string_view /*shape_name*/) {
    if (depth_ != 0) key(member_name);
    out_->write("{");
    ++depth_;
    has_members_ &= ~level_bit();
  }
  constexpr void end_structure() {
    --depth_;
    out_->write("}");
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
    json::write_map(map, *out_, [&](const attribute_value& v) { json::write_attribute_value(v, *out_); });
  }

 private:
  // Shapes nest at most three deep; one bit per level says "a member was written".
  [[nodiscard]] constexpr std::uint32_t level_bit() const noexcept { return std::uint32_t{1} << (depth_ & 31); }

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
};

namespace json {

/// ExportTableToPointInTime request body. An absent ClientToken stays absent
/// (echo mode); use the Rng overload to fill it as the SDK does.
template <text_output Out>
constexpr void write_request(const export_request& request, Out& out) {
  serialize<format>(request, out);
}

/// As above, but an absent ClientToken is first filled with a fresh version-4
/// UUID drawn from `rng` (R-TOKEN-AUTOFILL), on a copy: `request` is untouched.
template <text_output Out, std::uniform_random_bit_generator Rng>
constexpr void write_request(const export_request& request, Out& out, Rng& rng) {
  export_request filled = request;
  client_token_text token{};
  fill_client_token(filled, token, rng);
  serialize<format>(filled, out);
}

/// Success response: `{"ExportDescription":{...}}`, or `{}` without one.
template <text_output Out>
constexpr void write_response(const export_response& response, Out& out) {
  serialize<format>(response, out);
}

/// An ExportDescription object on its own.
template <text_output Out>
constexpr void write_description(const export_description& description, Out& out) {
  serialize<format>(description, out);
}

/// A ContinuousBackupsDescription object (the CLI's context), times as epoch seconds.
template <text_output Out>
constexpr void write_continuous_backups(const continuous_backups_description& description, Out& out) {
  serialize<format>(description, out);
}

/// `{"__type":"<type>","message":"<message>"}`, the service's error shape (WIRE.md §7).
template <text_output Out>
constexpr void write_error_body(std::string_view type, std::string_view message, Out& out) {
  out.write("{\"__type\":");
  detail::write_json_string(out, type);
  out.write(",\"message\":");
  detail::write_json_string(out, message);
  out.write("}");
}

}  // namespace json
}  // namespace ddbexport

#endif
