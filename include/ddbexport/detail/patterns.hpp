#ifndef DDBEXPORT_DETAIL_PATTERNS_HPP
#define DDBEXPORT_DETAIL_PATTERNS_HPP

// The model's regular expressions, matched by hand: std::regex is neither
// constexpr nor fast. Each function states the pattern it decides, which is
// also the text the service quotes in its messages.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ddbexport/detail/ascii.hpp"

namespace ddbexport::detail {

inline constexpr std::string_view s3_bucket_pattern = R"(^[a-z0-9A-Z]+[\.\-\w]*[a-z0-9A-Z]+$)";
inline constexpr std::string_view client_token_pattern = R"(^[^\$]+$)";
inline constexpr std::string_view s3_bucket_owner_pattern = R"(^[0-9]{12}$)";
inline constexpr std::string_view table_id_pattern =
    R"(^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$)";
/// RULES.md §3.5's P (ddbexport's choice; the service's own is cut off).
inline constexpr std::string_view kms_key_id_pattern =
    R"(^(arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key/[a-zA-Z0-9-]+|alias/[a-zA-Z0-9:/_-]+)|alias/[a-zA-Z0-9:/_-]+|[a-zA-Z0-9-]+)$)";

/// Since both anchored runs are subsets of the middle class, the pattern holds
/// exactly when: at least two characters, all in [.\-\w], first and last alphanumeric.
/// Any non-ASCII code point fails, as it does under ECMAScript semantics.
[[nodiscard]] constexpr bool matches_s3_bucket_pattern(std::string_view s) noexcept {
  namespace cc = char_class;
  if (s.size() < 2 || (class_of(s.front()) & cc::alnum) == 0 || (class_of(s.back()) & cc::alnum) == 0) return false;
  return all_in<cc::word | cc::dot | cc::dash>(s);
}

/// `[^\$]` matches any code point but `$`, line terminators included.
[[nodiscard]] constexpr bool matches_client_token_pattern(std::string_view s) noexcept {
  return !s.empty() && !contains_run<false>(s, '$');
}

[[nodiscard]] constexpr bool matches_s3_bucket_owner_pattern(std::string_view s) noexcept {
  return all_digits(s, 12);
}

[[nodiscard]] constexpr bool matches_table_id_pattern(std::string_view s) noexcept {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !is_lower_hex(s[i])) return false;
  }
  return true;
}

inline constexpr std::uint8_t key_chars = char_class::alnum | char_class::dash;
inline constexpr std::uint8_t alias_chars = char_class::word | char_class::dash | char_class::colon_or_slash;

[[nodiscard]] constexpr bool is_alias_name(std::string_view s) noexcept {
  constexpr std::string_view alias = "alias/";
  return starts_with(s, alias) && s.size() > alias.size() && all_in<alias_chars>(drop(s, alias.size()));
}

[[nodiscard]] constexpr bool matches_kms_key_id_pattern(std::string_view s) noexcept {
  if (!s.empty() && all_in<key_chars>(s)) return true;
  if (is_alias_name(s)) return true;
  constexpr std::string_view arn = "arn:aws";
  if (!starts_with(s, arn)) return false;
  // `[a-z-]*` cannot contain ':', so the split points below are forced.
  std::size_t pos = arn.size();
  while (pos < s.size() && (is_lower(s[pos]) || s[pos] == '-')) ++pos;
  std::string_view rest = drop(s, pos);
  constexpr std::string_view kms = ":kms:";
  if (!starts_with(rest, kms)) return false;
  rest.remove_prefix(kms.size());
  // The region runs to the first ':'; stopping at any byte outside its class
  // finds that colon, or shows a bad byte before it.
  std::size_t colon = 0;
  while (colon < rest.size() && (class_of(rest[colon]) & (char_class::lower | char_class::digit | char_class::dash)) != 0)
    ++colon;
  if (colon == 0 || colon == rest.size() || rest[colon] != ':') return false;
  rest.remove_prefix(colon + 1);
  if (rest.size() < 13 || !all_digits(slice(rest, 0, 12), 12) || rest[12] != ':') return false;
  rest.remove_prefix(13);
  constexpr std::string_view key = "key/";
  if (starts_with(rest, key)) return rest.size() > key.size() && all_in<key_chars>(drop(rest, key.size()));
  return is_alias_name(rest);
}

/// `^[0-9]{1,3}(\.[0-9]{1,3}){3}$`
[[nodiscard]] constexpr bool looks_like_ipv4(std::string_view s) noexcept {
  int groups = 0;
  std::size_t pos = 0;
  while (true) {
    std::size_t digits = 0;
    while (pos < s.size() && is_digit(s[pos])) {
      ++pos;
      ++digits;
    }
    if (digits < 1 || digits > 3) return false;
    ++groups;
    if (pos == s.size()) return groups == 4;
    if (s[pos] != '.' || groups == 4) return false;
    ++pos;
  }
}

}  // namespace ddbexport::detail

#endif
