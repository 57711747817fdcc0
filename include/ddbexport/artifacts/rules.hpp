#ifndef DDBEXPORT_ARTIFACTS_RULES_HPP
#define DDBEXPORT_ARTIFACTS_RULES_HPP

/// The catalogue of ARTIFACTS.md's verification rules (§7, §9): each id, its
/// severity, whether it needs a fact from the caller, and its message
/// template, written once. Templates are the spec's own text: `<name>`
/// placeholders are filled from a finding's arguments (format_message), so a
/// test can compare the catalogue with the spec cell by cell.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "ddbexport/output.hpp"

namespace ddbexport::artifacts {

/// Every A- id, in the order of ARTIFACTS.md's tables.
enum class rule : std::uint8_t {
  sum_missing,
  sum_json,
  sum_version,
  sum_members,
  sum_unknown,
  sum_type,
  sum_time,
  sum_enum,
  sum_value,
  sum_arn,
  sum_arn_time,
  sum_folder,
  sum_fileskey,
  sum_times,
  sum_bill,
  sidecar_missing,
  sidecar_form,
  sidecar_mismatch,
  files_missing,
  files_line,
  files_entry,
  files_unknown,
  etag_form,
  files_key,
  files_dup,
  files_sum,
  files_none,
  data_missing,
  data_frame,
  gzip,
  data_count,
  data_md5,
  data_etag,
  etag_unverifiable,
  etag_changed,
  line_json,
  ion_syntax,
  ion_type,
  line_shape,
  line_view,
  attr_name,
  av,
  inc_keys_image,
  inc_wts,
  key_missing,
  key_type,
  key_extra,
  key_dup,
  desc_status,
  desc_manifest,
  desc_field,
  obj_extra,
  started,
  import_incremental,
  import_files,
};

enum class severity : std::uint8_t { error, warning };

struct rule_info {
  std::string_view id;
  artifacts::severity severity;
  /// The E+C / W+C rules: evaluated only with a fact from the caller (§8.2).
  bool needs_context;
  /// The spec's message. Alternatives of a whole template are joined by `|`;
  /// a placeholder holding ` / ` is a choice among its alternatives.
  std::string_view message;
  /// A-KEY-DUP only: an error in full exports, a warning in incremental ones.
  bool warning_when_incremental = false;
};

inline constexpr std::array<rule_info, 55> rule_catalogue{{
    {"A-SUM-MISSING", severity::error, false, "manifest-summary.json not found: <key>"},
    {"A-SUM-JSON", severity::error, false, "manifest-summary.json is not a JSON object: <why>"},
    {"A-SUM-VERSION", severity::error, false, "Unknown manifest-summary version: <v>"},
    {"A-SUM-MEMBERS", severity::error, false, "<m> is missing for version <version>|<m> does not belong to version <version>"},
    {"A-SUM-UNKNOWN", severity::warning, false, "Unknown member <m> is ignored"},
    {"A-SUM-TYPE", severity::error, false, "<m> must be <a string / a string or null / a non-negative integer>"},
    {"A-SUM-TIME", severity::error, false, "<m> is not a UTC time with milliseconds: <v>"},
    {"A-SUM-ENUM", severity::error, false, "<m> has an unknown value: <v>"},
    {"A-SUM-VALUE", severity::error, false, "<m> is invalid: <v>"},
    {"A-SUM-ARN", severity::error, false, "exportArn is not <tableArn>/export/<id>: <v>"},
    {"A-SUM-ARN-TIME", severity::error, false, "Export id <eid> does not encode startTime <v>"},
    {"A-SUM-FOLDER", severity::error, false, "manifest-summary.json is at <key>; exportArn and s3Prefix place it at <x>"},
    {"A-SUM-FILESKEY", severity::error, false, "manifestFilesS3Key is <v>, expected <x>"},
    {"A-SUM-TIMES", severity::error, false, "<m> is out of order: <why>"},
    {"A-SUM-BILL", severity::warning, false, "billedSizeBytes <v> is below the 10 MB incremental minimum"},
    {"A-SIDECAR-MISSING", severity::error, true, "No checksum sidecar for <key>"},
    {"A-SIDECAR-FORM", severity::error, false, "<key> does not hold a base64 MD5"},
    {"A-SIDECAR-MISMATCH", severity::error, false, "<key> says <v>; the MD5 of <manifest key> is <x>"},
    {"A-FILES-MISSING", severity::error, true, "manifest-files.json not found: <key>"},
    {"A-FILES-LINE", severity::error, false, "manifest-files.json line <n>: <why>"},
    {"A-FILES-ENTRY", severity::error, false, "manifest-files.json line <n>: <m> <why>"},
    {"A-FILES-UNKNOWN", severity::warning, false, "manifest-files.json line <n>: unknown member <m> is ignored"},
    {"A-ETAG-FORM", severity::error, false, "manifest-files.json line <n>: etag is not an S3 ETag: <v>"},
    {"A-FILES-KEY", severity::error, false, "dataFileS3Key <v> is not <D′><26 base32 characters><ext>"},
    {"A-FILES-DUP", severity::error, false, "manifest-files.json line <n> repeats the data file of line <m>"},
    {"A-FILES-SUM", severity::error, false, "itemCount is <v>; manifest-files.json adds up to <x>"},
    {"A-FILES-NONE", severity::warning, false, "manifest-files.json lists no data files"},
    {"A-DATA-MISSING", severity::error, true, "Data file of manifest-files.json line <n> not found: <key>"},
    {"A-DATA-FRAME", severity::error, false, "<key> line <n>: <why>"},
    {"A-GZIP", severity::error, false, "<key> is not a gzip member: <why>"},
    {"A-DATA-COUNT", severity::error, false, "<key> has <x> lines; manifest-files.json says <v>"},
    {"A-DATA-MD5", severity::error, false, "<key>: MD5 is <x>, manifest-files.json says <v>"},
    {"A-DATA-ETAG", severity::error, false, "<key>: ETag computed from the bytes is <x>, manifest-files.json says <v>"},
    {"A-ETAG-UNVERIFIABLE", severity::warning, false, "<key>: ETag <v> cannot be checked (<reason>)"},
    {"A-ETAG-CHANGED", severity::warning, true, "<key>: S3 now reports ETag <x>; the export recorded <v>"},
    {"A-LINE-JSON", severity::error, false, "<key> line <n>: not a JSON object: <why>"},
    {"A-ION-SYNTAX", severity::error, false, "<key> line <n>: not an Ion line: <why>"},
    {"A-ION-TYPE", severity::error, false, "<key> line <n>: <why> has no DynamoDB type"},
    {"A-LINE-SHAPE", severity::error, false, "<key> line <n>: <m>: <why>"},
    {"A-LINE-VIEW", severity::error, false, "<key> line <n>: a record with <images> is not allowed in a <view> export"},
    {"A-ATTR-NAME", severity::error, false, "<key> line <n>: <image> has an invalid attribute name"},
    {"A-AV", severity::error, false, "<key> line <n>: <path>: <why>"},
    {"A-INC-KEYS-IMAGE", severity::error, false, "<key> line <n>: <image>.<name> differs from Keys"},
    {"A-INC-WTS", severity::warning, false, "<key> line <n>: write time <v> µs lies outside the export window"},
    {"A-KEY-MISSING", severity::error, true, "<key> line <n>: key attribute <name> is missing"},
    {"A-KEY-TYPE", severity::error, true, "<key> line <n>: key attribute <name> is <t>; the key schema says <x>"},
    {"A-KEY-EXTRA", severity::error, true, "<key> line <n>: Keys holds non-key attribute <name>"},
    {"A-KEY-DUP", severity::error, true, "<key> line <n>: primary key repeats <key2> line <n2>", true},
    {"A-DESC-STATUS", severity::error, true, "ExportDescription.ExportStatus is <v>; the manifests describe a completed export"},
    {"A-DESC-MANIFEST", severity::error, true, "ExportDescription.ExportManifest is <v>; the summary is <key>"},
    {"A-DESC-FIELD", severity::error, true, "ExportDescription.<Member> is <v>; manifest-summary.json has <m> <x>"},
    {"A-OBJ-EXTRA", severity::warning, true, "<key> is not part of the export"},
    {"A-STARTED", severity::warning, false, "_started holds <n> bytes"},
    {"A-IMPORT-INCREMENTAL", severity::error, false, "An incremental export cannot be imported"},
    {"A-IMPORT-FILES", severity::warning, false, "<n> data files exceed ImportTable's 50,000-object limit"},
}};

[[nodiscard]] constexpr const rule_info& info(rule r) noexcept { return rule_catalogue[static_cast<std::size_t>(r)]; }
[[nodiscard]] constexpr std::string_view id(rule r) noexcept { return info(r).id; }

[[nodiscard]] constexpr std::optional<rule> rule_named(std::string_view text) noexcept {
  for (std::size_t i = 0; i < rule_catalogue.size(); ++i)
    if (rule_catalogue[i].id == text) return static_cast<rule>(i);
  return std::nullopt;
}

/// The severity of `r` in an export of the given kind (only A-KEY-DUP differs).
[[nodiscard]] constexpr severity severity_in(rule r, bool incremental) noexcept {
  return incremental && info(r).warning_when_incremental ? severity::warning : info(r).severity;
}

/// One named value for a message placeholder (`{"key", "exports/…"}`).
struct message_arg {
  std::string_view name;
  std::string_view value;
};

namespace detail {
/// `text` cut at its first `<name>`: what comes before, the name, the rest.
struct placeholder_cut {
  std::string_view before, name, after;
};
[[nodiscard]] constexpr std::optional<placeholder_cut> cut_at_placeholder(std::string_view text) noexcept {
  const auto open = text.find('<');
  const auto close = open == std::string_view::npos ? open : text.find('>', open);
  if (close == std::string_view::npos) return std::nullopt;
  return placeholder_cut{text.substr(0, open), text.substr(open + 1, close - open - 1), text.substr(close + 1)};
}
/// Alternative `choice` of a list joined by `separator` (the last one past the end).
[[nodiscard]] constexpr std::string_view alternative(std::string_view list, std::string_view separator, std::size_t choice) noexcept {
  for (std::size_t at; choice > 0 && (at = list.find(separator)) != std::string_view::npos; --choice)
    list.remove_prefix(at + separator.size());
  return list.substr(0, list.find(separator));
}
}  // namespace detail

/// Renders `r`'s template: `<name>` takes the argument of that name (left as
/// written when there is none, so `<26 base32 characters>` stays prose);
/// `choice` picks among whole-template alternatives and among the
/// alternatives of a ` / ` placeholder.
template <text_output Out>
constexpr void format_message(rule r, std::span<const message_arg> args, Out& out, std::size_t choice = 0) {
  std::string_view rest = detail::alternative(info(r).message, "|", choice);
  for (auto cut = detail::cut_at_placeholder(rest); cut; cut = detail::cut_at_placeholder(rest)) {
    out.write(cut->before);
    rest = cut->after;
    if (cut->name.find(" / ") != std::string_view::npos) {
      out.write(detail::alternative(cut->name, " / ", choice));
      continue;
    }
    const message_arg* arg = nullptr;
    for (const auto& a : args)
      if (arg == nullptr && a.name == cut->name) arg = &a;
    if (arg != nullptr) {
      out.write(arg->value);
    } else {
      out.write("<");
      out.write(cut->name);
      out.write(">");
    }
  }
  out.write(rest);
}

/// One finding of §8.4: a rule, where (§7's path forms), the byte offset where
/// the problem starts (none for a whole or missing object), and its message.
struct finding {
  artifacts::rule rule{};
  artifacts::severity severity = severity::error;
  std::string path;
  std::optional<std::uint64_t> offset;
  std::string message;
};

/// Builds a finding with its rendered message.
[[nodiscard]] inline finding make_finding(rule r, bool incremental, std::string path, std::optional<std::uint64_t> offset,
                                          std::initializer_list<message_arg> args, std::size_t choice = 0) {
  finding f{r, severity_in(r, incremental), std::move(path), offset, {}};
  container_output<std::string> out{f.message};
  format_message(r, std::span<const message_arg>{args.begin(), args.size()}, out, choice);
  return f;
}

/// Receives findings as they are met. `accept` returning false is ignored by
/// the verifier (it always collects all), so any callable sink works.
template <class T>
concept finding_sink = requires(T& sink, finding f) { sink.accept(std::move(f)); };

}  // namespace ddbexport::artifacts

#endif
