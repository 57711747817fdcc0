#ifndef DDBEXPORT_VALIDATE_MESSAGES_HPP
#define DDBEXPORT_VALIDATE_MESSAGES_HPP

// Turns a diagnostic into the service's own wording (RULES.md §3, §4) by
// rendering its rule's template from the catalogue. Kept apart from the
// checks so that validating never formats text: messages are rendered only
// when someone asks for them.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ddbexport/detail/ascii.hpp"
#include "ddbexport/output.hpp"
#include "ddbexport/timestamp.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/validate/rules.hpp"

namespace ddbexport {

namespace detail {
template <text_output Out>
constexpr void write_integer(Out& out, std::int64_t value) {
  char buf[24];
  out.write(format_signed(value, buf));
}

template <text_output Out>
constexpr void write_time(Out& out, std::int64_t epoch_ms) {
  time_text_buffer buf;
  out.write(format_iso8601(from_epoch_ms(epoch_ms), buf));
}

/// The `<C>` texts of RULES.md §4, and the range ones of SERVICE.md §6.
constexpr std::string_view constraint_text(constraint_kind c) noexcept {
  switch (c) {
    case constraint_kind::not_null: return "Member must not be null";
    case constraint_kind::min_length: return "Member must have length greater than or equal to ";
    case constraint_kind::max_length: return "Member must have length less than or equal to ";
    case constraint_kind::pattern: return "Member must satisfy regular expression pattern: ";
    case constraint_kind::enum_set: return "Member must satisfy enum value set: ";
    case constraint_kind::min_value: return "Member must have value greater than or equal to ";
    case constraint_kind::max_value: return "Member must have value less than or equal to ";
    case constraint_kind::none: break;
  }
  return {};
}

/// Fills a template's placeholders from the diagnostic. The spec's names are
/// kept as written; what they stand for follows from the name:
///   `<rule id>` the rule's id; `<path>` the report path; `<Member>` its last
///   segment; `<n>` the number; `<ts ...>` the number as a `<ts>` time;
///   any other placeholder is text: the first one named is `subject`, the
///   second `detail` (`<o>`/`<b>` of R-OWNER-MISMATCH, `<partition>`/`<region>`).
template <text_output Out>
constexpr void render_template(std::string_view text, const diagnostic& d, Out& out) {
  std::string_view first_text_name{};
  while (!text.empty()) {
    const std::size_t open = text.find('<');
    const std::size_t close = open == std::string_view::npos ? open : text.find('>', open);
    if (close == std::string_view::npos) {
      out.write(text);
      return;
    }
    out.write(text.substr(0, open));
    const std::string_view name = text.substr(open + 1, close - open - 1);
    text.remove_prefix(close + 1);
    if (name == "rule id") {
      out.write(to_string(d.rule));
    } else if (name == "path") {
      d.path.write(out);
    } else if (name == "Member") {
      out.write(d.path.leaf());
    } else if (name == "n") {
      write_integer(out, d.number);
    } else if (starts_with(name, "ts")) {
      write_time(out, d.number);
    } else if (first_text_name.empty() || name == first_text_name) {
      first_text_name = name;
      out.write(d.subject);
    } else {
      out.write(d.detail);
    }
  }
}
}  // namespace detail

/// One item of the generic validation message:
/// `Value '<v>' at '<path>' failed to satisfy constraint: <constraint>`.
template <text_output Out>
constexpr void write_shape_item(const diagnostic& d, Out& out) {
  out.write("Value ");
  if (d.constraint == constraint_kind::not_null) {
    out.write("null");
  } else if (d.constraint == constraint_kind::min_value || d.constraint == constraint_kind::max_value) {
    out.write("'");
    detail::write_integer(out, d.value);
    out.write("'");
  } else {
    out.write("'");
    out.write(d.subject);
    out.write("'");
  }
  out.write(" at '");
  d.path.write_lower_camel(out);
  out.write("' failed to satisfy constraint: ");
  out.write(detail::constraint_text(d.constraint));
  switch (d.constraint) {
    case constraint_kind::min_length:
    case constraint_kind::max_length:
    case constraint_kind::min_value:
    case constraint_kind::max_value: detail::write_integer(out, d.number); break;
    case constraint_kind::pattern:
    case constraint_kind::enum_set: out.write(d.detail); break;
    default: break;
  }
}

/// The `N validation error(s) detected: ` lead of the combined message.
template <text_output Out>
constexpr void write_validation_count(std::size_t count, Out& out) {
  detail::write_integer(out, static_cast<std::int64_t>(count));
  out.write(count == 1 ? " validation error detected: " : " validation errors detected: ");
}

/// The message of a single diagnostic, as reported in `violations`/`warnings`:
/// a shape item on its own (`1 validation error detected: <item>`), the
/// Coral text the reader found (W-TYPE), or the rule's template filled in.
template <text_output Out>
constexpr void write_message(const diagnostic& d, Out& out) {
  const rule_info& rule = info(d.rule);
  if (rule.stage == stage::shape) {
    write_validation_count(1, out);
    write_shape_item(d, out);
  } else if (d.rule == rule_id::w_type) {
    out.write(d.detail);
  } else {
    detail::render_template(rule.message, d, out);
  }
}

}  // namespace ddbexport

#endif
