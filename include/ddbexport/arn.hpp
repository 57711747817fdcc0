#ifndef DDBEXPORT_ARN_HPP
#define DDBEXPORT_ARN_HPP

#include <cstdint>
#include <optional>
#include <string_view>

#include "ddbexport/detail/ascii.hpp"
#include "ddbexport/output.hpp"
#include "ddbexport/timestamp.hpp"

namespace ddbexport {

/// An ARN split at its first five colons; the resource may hold more colons.
struct arn_fields {
  std::string_view partition;
  std::string_view service;
  std::string_view region;
  std::string_view account;
  std::string_view resource;
};

/// The generic ARN split that R-TABLEARN-NOTARN checks: six fields, `arn`
/// first, non-empty partition, service and resource.
[[nodiscard]] constexpr std::optional<arn_fields> split_arn(std::string_view text) noexcept {
  std::string_view fields[6];
  std::size_t start = 0;
  for (int i = 0; i < 5; ++i) {
    // A plain loop: these fields are a few bytes, shorter than a memchr call costs.
    std::size_t colon = start;
    while (colon < text.size() && text[colon] != ':') ++colon;
    if (colon == text.size()) return std::nullopt;
    fields[i] = detail::slice(text, start, colon - start);
    start = colon + 1;
  }
  fields[5] = detail::drop(text, start);
  if (!detail::equal(fields[0], "arn") || fields[1].empty() || fields[2].empty() || fields[5].empty()) return std::nullopt;
  return arn_fields{fields[1], fields[2], fields[3], fields[4], fields[5]};
}

/// DynamoDB's TableName shape: `^[a-zA-Z0-9_.-]{3,255}$`.
[[nodiscard]] constexpr bool is_table_name(std::string_view name) noexcept {
  namespace cc = detail::char_class;
  return name.size() >= 3 && name.size() <= 255 && detail::all_in<cc::word | cc::dot | cc::dash>(name);
}

[[nodiscard]] constexpr bool is_account_id(std::string_view s) noexcept { return detail::all_digits(s, 12); }

enum class table_arn_problem : std::uint8_t {
  not_an_arn,      ///< R-TABLEARN-NOTARN
  not_a_table_arn  ///< R-TABLEARN-NOTTABLE
};

/// `arn:<partition>:dynamodb:<region>:<account>:table/<name>`.
struct table_arn {
  std::string_view partition;
  std::string_view region;
  std::string_view account;
  std::string_view table_name;

  /// Parses with RULES.md §3.7's checks; `problem` (if given) says which failed.
  [[nodiscard]] static constexpr std::optional<table_arn> parse(std::string_view text,
                                                                table_arn_problem* problem = nullptr) noexcept {
    table_arn arn;
    if (!parse_into(text, arn, problem)) return std::nullopt;
    return arn;
  }

  /// `parse` into `out` (untouched on failure). The validator's hot path: an
  /// optional<table_arn> returned and then assigned cost two 64-byte copies,
  /// each reading back fields just stored one by one.
  [[nodiscard]] static constexpr bool parse_into(std::string_view text, table_arn& out,
                                                 table_arn_problem* problem = nullptr) noexcept {
    const auto fail = [&](table_arn_problem p) {
      if (problem) *problem = p;
      return false;
    };
    if (parse_common(text, out)) return true;
    const auto fields = split_arn(text);
    if (!fields) return fail(table_arn_problem::not_an_arn);
    constexpr std::string_view table_prefix = "table/";
    if (!detail::equal(fields->service, "dynamodb") || fields->region.empty() || !is_account_id(fields->account) ||
        !detail::starts_with(fields->resource, table_prefix) ||
        !is_table_name(detail::drop(fields->resource, table_prefix.size())))
      return fail(table_arn_problem::not_a_table_arn);
    out = table_arn{fields->partition, fields->region, fields->account, detail::drop(fields->resource, table_prefix.size())};
    return true;
  }

  /// The usual `arn:aws:dynamodb:` ARN with a 12-digit account, in one pass
  /// where split_arn scans for every colon; false whenever `parse`'s full
  /// path must decide, so the two never disagree.
  static constexpr bool parse_common(std::string_view text, table_arn& out) noexcept {
    constexpr std::string_view head = "arn:aws:dynamodb:";
    constexpr std::string_view table_prefix = "table/";
    if (!detail::starts_with(text, head)) return false;
    std::size_t region_end = head.size();
    while (region_end < text.size() && text[region_end] != ':') ++region_end;
    const std::size_t account = region_end + 1;
    if (region_end == head.size() || account + 12 >= text.size() || text[account + 12] != ':') return false;
    const std::string_view account_id = detail::slice(text, account, 12);
    const std::string_view resource = detail::drop(text, account + 13);
    if (!is_account_id(account_id) || !detail::starts_with(resource, table_prefix)) return false;
    const std::string_view name = detail::drop(resource, table_prefix.size());
    if (!is_table_name(name)) return false;
    out.partition = detail::slice(text, 4, 3);
    out.region = detail::slice(text, head.size(), region_end - head.size());
    out.account = account_id;
    out.table_name = name;
    return true;
  }

  template <text_output Out>
  constexpr void write(Out& out) const {
    out.write("arn:");
    out.write(partition);
    out.write(":dynamodb:");
    out.write(region);
    out.write(":");
    out.write(account);
    out.write(":table/");
    out.write(table_name);
  }

  friend constexpr bool operator==(const table_arn&, const table_arn&) = default;
};

/// The export id: StartTime in epoch milliseconds, 14 digits zero-padded, a
/// dash, and 8 lowercase hex digits (`01791506414432-abcdef12`).
struct export_id {
  std::int64_t start_ms = 0;
  std::uint32_t suffix = 0;

  static constexpr std::size_t text_size = 23;

  [[nodiscard]] static constexpr std::optional<export_id> parse(std::string_view text) noexcept {
    if (text.size() != text_size || text[14] != '-') return std::nullopt;
    export_id id;
    for (std::size_t i = 0; i < 14; ++i) {
      if (!detail::is_digit(text[i])) return std::nullopt;
      id.start_ms = id.start_ms * 10 + (text[i] - '0');
    }
    for (std::size_t i = 15; i < text_size; ++i) {
      const char c = text[i];
      if (!detail::is_lower_hex(c)) return std::nullopt;
      id.suffix = id.suffix * 16 + static_cast<std::uint32_t>(detail::is_digit(c) ? c - '0' : c - 'a' + 10);
    }
    return id;
  }

  /// Only StartTimes of 0..99999999999999 ms fit the 14 digits.
  [[nodiscard]] static constexpr std::optional<export_id> from_start_time(timestamp start, std::uint32_t suffix) noexcept {
    const std::int64_t ms = to_epoch_ms(start);
    if (ms < 0 || ms > 99'999'999'999'999) return std::nullopt;
    return export_id{ms, suffix};
  }

  [[nodiscard]] constexpr timestamp start_time() const noexcept { return from_epoch_ms(start_ms); }

  template <text_output Out>
  constexpr void write(Out& out) const {
    char text[text_size];
    std::int64_t ms = start_ms;
    for (std::size_t i = 14; i > 0; --i) {
      text[i - 1] = static_cast<char>('0' + ms % 10);
      ms /= 10;
    }
    text[14] = '-';
    std::uint32_t s = suffix;
    for (std::size_t i = text_size; i > 15; --i) {
      text[i - 1] = "0123456789abcdef"[s & 0xF];
      s >>= 4;
    }
    out.write(std::string_view{text, text_size});
  }

  friend constexpr bool operator==(const export_id&, const export_id&) = default;
};

/// `<table ARN>/export/<export id>`.
struct export_arn {
  std::string_view table_arn_text;  ///< everything before `/export/`
  export_id id;

  static constexpr std::string_view separator = "/export/";

  /// Splits at the last `/export/`; the table part is kept as text so the
  /// response checks can compare it with the description's TableArn.
  [[nodiscard]] static constexpr std::optional<export_arn> parse(std::string_view text) noexcept {
    const auto at = text.rfind(separator);
    if (at == std::string_view::npos) return std::nullopt;
    const auto id = export_id::parse(text.substr(at + separator.size()));
    if (!id) return std::nullopt;
    return export_arn{text.substr(0, at), *id};
  }

  [[nodiscard]] constexpr std::optional<table_arn> table() const noexcept { return table_arn::parse(table_arn_text); }

  template <text_output Out>
  constexpr void write(Out& out) const {
    out.write(table_arn_text);
    out.write(separator);
    id.write(out);
  }
};

namespace detail {
// `<prefix>-\w+-\d+` after a known prefix, as RULES.md §3.7's region patterns.
// From the end: the digits, then the one dash (a dash is not \w), then words.
constexpr bool region_tail_matches(std::string_view tail) noexcept {
  std::size_t digits_start = tail.size();
  while (digits_start > 0 && is_digit(tail[digits_start - 1])) --digits_start;
  if (digits_start == tail.size() || digits_start < 2 || tail[digits_start - 1] != '-') return false;
  return all_in<char_class::word>(slice(tail, 0, digits_start - 1));
}
}  // namespace detail

/// R-TABLEARN-PARTITION's test: the partition is known and the region fits it.
[[nodiscard]] constexpr bool partition_fits_region(std::string_view partition, std::string_view region) noexcept {
  const auto after = [&](std::string_view prefix) {
    return detail::starts_with(region, prefix) && region.size() > prefix.size() && region[prefix.size()] == '-' &&
           detail::region_tail_matches(detail::drop(region, prefix.size() + 1));
  };
  const auto is = [&](std::string_view name) { return detail::equal(partition, name); };
  if (is("aws")) {
    // Every prefix has two letters, so only the region's first two can match.
    if (region.size() < 3) return false;
    const std::string_view two = detail::slice(region, 0, 2);
    for (std::string_view p : {"us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx"})
      if (detail::equal(two, p)) return after(p);
    return false;
  }
  if (is("aws-cn")) return after("cn");
  if (is("aws-us-gov")) return after("us-gov");
  if (is("aws-iso")) return after("us-iso");
  if (is("aws-iso-b")) return after("us-isob");
  if (is("aws-iso-e")) return after("eu-isoe");
  if (is("aws-iso-f")) return after("us-isof");
  if (is("aws-eusc")) return after("eusc-de");
  return false;
}

}  // namespace ddbexport

#endif
