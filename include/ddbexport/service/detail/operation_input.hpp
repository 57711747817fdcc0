#ifndef DDBEXPORT_SERVICE_DETAIL_OPERATION_INPUT_HPP
#define DDBEXPORT_SERVICE_DETAIL_OPERATION_INPUT_HPP

/// Stage D for DescribeExport and ListExports input (SERVICE.md §5, §6): the
/// strict reader's W- rules for their string members, and §6's Integer rules
/// for MaxResults (decimals floored as dynalite does, Coral's Integer texts).
/// Stop-gap until the model's readers cover these shapes (issue 11/12 item 1):
/// the string members go through the library's own parser over private shape
/// tables, MaxResults is picked out of the (then well-formed) body.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "ddbexport/describe_export.hpp"
#include "ddbexport/json/arena.hpp"
#include "ddbexport/json/detail/lexer.hpp"
#include "ddbexport/json/detail/type_messages.hpp"
#include "ddbexport/json/reader.hpp"
#include "ddbexport/list_exports.hpp"
#include "ddbexport/members.hpp"
#include "ddbexport/validate/diagnostic.hpp"

namespace ddbexport::service::detail {
struct list_input_strings {
  std::optional<std::string_view> table_arn{};
  std::optional<std::string_view> next_token{};
};
}  // namespace ddbexport::service::detail

template <>
struct ddbexport::shape_of<ddbexport::describe_export_request> {
  using S = describe_export_request;
  static constexpr std::string_view name = "DescribeExportInput";
  static constexpr std::tuple members{member{"ExportArn", &S::export_arn}};
};
template <>
struct ddbexport::shape_of<ddbexport::service::detail::list_input_strings> {
  using S = ddbexport::service::detail::list_input_strings;
  static constexpr std::string_view name = "ListExportsInput";
  static constexpr std::tuple members{member{"TableArn", &S::table_arn}, member{"NextToken", &S::next_token}};
};

namespace ddbexport::service::detail {

inline constexpr std::string_view max_results_name = "MaxResults";

[[nodiscard]] inline json::read_result read_input(std::string_view body, describe_export_request& out,
                                                  json::arena& storage) {
  return ddbexport::detail::read_shape(body, out, storage, json::read_limits{}, {}, false);
}

/// Where a top-level member's value starts in a well-formed object body, if
/// the member is there. Names are compared after unescaping.
[[nodiscard]] inline std::optional<std::size_t> find_top_level_member(std::string_view s, std::string_view name) {
  using ddbexport::detail::is_json_whitespace;
  std::size_t pos = 0;
  const auto skip_space = [&] {
    while (pos < s.size() && is_json_whitespace(s[pos])) ++pos;
  };
  // Skips one value of a body already known to be well-formed: strings are
  // scanned (they may hold brackets), containers counted, never recursed into.
  const auto skip_value = [&] {
    std::size_t depth = 0;
    do {
      skip_space();
      const char c = s[pos];
      if (c == '"') {
        ddbexport::detail::string_token token;
        (void)ddbexport::detail::scan_string(s, pos, token);
      } else if (c == '{' || c == '[') {
        ++depth;
        ++pos;
      } else if (c == '}' || c == ']') {
        --depth;
        ++pos;
      } else if (c == ',' || c == ':') {
        ++pos;
      } else {
        while (pos < s.size() && s[pos] != ',' && s[pos] != '}' && s[pos] != ']' && !is_json_whitespace(s[pos])) ++pos;
      }
      skip_space();
    } while (depth != 0);
  };
  skip_space();
  ++pos;  // '{'
  for (;;) {
    skip_space();
    if (s[pos] == '}') return std::nullopt;
    ddbexport::detail::string_token token;
    (void)ddbexport::detail::scan_string(s, pos, token);
    bool same = false;
    if (!token.escaped) {
      same = s.substr(token.begin, token.end - token.begin) == name;
    } else if (ddbexport::detail::decoded_size_bound(token) <= 64) {
      char decoded[64];
      const std::size_t n = ddbexport::detail::decode_string(s, token, decoded);
      same = std::string_view{decoded, n} == name;
    }
    skip_space();
    ++pos;  // ':'
    skip_space();
    if (same) return pos;
    skip_value();
    skip_space();
    if (s[pos] == ',') ++pos;
  }
}

/// MaxResults at `pos`: §6's rules. Returns the W-TYPE diagnostic on failure.
[[nodiscard]] inline std::optional<diagnostic> read_max_results(std::string_view s, std::size_t pos,
                                                                std::optional<std::int32_t>& out) {
  const auto& texts = ddbexport::detail::integer_messages;
  const auto wrong = [&](std::string_view text) {
    diagnostic d;
    d.rule = rule_id::w_type;
    d.path = field_path{max_results_name};
    d.detail = text;
    d.offset = pos;
    return std::optional<diagnostic>{d};
  };
  switch (s[pos]) {
    case 'n': out.reset(); return std::nullopt;
    case 't': return wrong(texts.true_value);
    case 'f': return wrong(texts.false_value);
    case '"': return wrong(texts.string_value);
    case '[': return wrong(texts.array_value);
    case '{': return wrong(texts.object_value);
    default: break;
  }
  ddbexport::detail::number_token token;
  std::size_t end = pos;
  (void)ddbexport::detail::scan_number(s, end, token);
  constexpr auto lowest = std::numeric_limits<std::int32_t>::min();
  constexpr auto highest = std::numeric_limits<std::int32_t>::max();
  if (token.integral) {
    // Taken exactly: up to one digit past int32's width, then it cannot fit.
    const auto value = ddbexport::detail::parse_json_integer(token.text, std::int64_t{highest} + 1);
    if (!value || *value < lowest || *value > highest) return wrong(texts.number_value);
    out = static_cast<std::int32_t>(*value);
    return std::nullopt;
  }
  // strtod rounds correctly, to a subnormal or a signed zero too, where
  // from_chars would only report the range error.
  const std::string literal{token.text};
  const double v = std::floor(std::strtod(literal.c_str(), nullptr));
  if (!std::isfinite(v) || v < lowest || v > highest) return wrong(texts.number_value);
  out = static_cast<std::int32_t>(v);
  return std::nullopt;
}

[[nodiscard]] inline json::read_result read_input(std::string_view body, list_exports_request& out,
                                                  json::arena& storage) {
  out = list_exports_request{};
  list_input_strings strings;
  auto read = ddbexport::detail::read_shape(body, strings, storage, json::read_limits{}, {}, false);
  if (!read.ok()) return read;
  out.table_arn = strings.table_arn;
  out.next_token = strings.next_token;
  if (const auto at = find_top_level_member(body, max_results_name))
    if (auto problem = read_max_results(body, *at, out.max_results)) return json::read_result{problem};
  return {};
}

}  // namespace ddbexport::service::detail

#endif
