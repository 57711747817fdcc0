#ifndef DDBEXPORT_ARTIFACTS_LAYOUT_HPP
#define DDBEXPORT_ARTIFACTS_LAYOUT_HPP

/// Every S3 key an export produces (ARTIFACTS.md §2): the prefix join J, the
/// root R, the export folder F and the data folder D, the fixed object names,
/// sidecar names, and data file names (base32 of 16 random bytes).

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "ddbexport/arn.hpp"
#include "ddbexport/enums.hpp"
#include "ddbexport/export_description.hpp"

namespace ddbexport::artifacts {

inline constexpr std::string_view root_folder_name = "AWSDynamoDB/";
inline constexpr std::string_view data_folder_name = "data/";
inline constexpr std::string_view started_name = "_started";
inline constexpr std::string_view summary_file_name = "manifest-summary.json";
inline constexpr std::string_view files_manifest_name = "manifest-files.json";
/// Sidecar suffixes in the order they are checked (§2.2): writers use the first.
inline constexpr std::array<std::string_view, 2> sidecar_suffixes{".md5", ".checksum"};
inline constexpr std::size_t data_file_name_size = 26;

/// RULES.md R-DESC-MANIFEST's J: '' for no prefix, p when it ends with `/`,
/// else p + `/`. A prefix is never rewritten otherwise (a leading `/` stays).
[[nodiscard]] inline std::string prefix_join(std::optional<std::string_view> prefix) {
  if (!prefix || prefix->empty()) return {};
  std::string joined{*prefix};
  if (joined.back() != '/') joined += '/';
  return joined;
}

/// The data file extension of an output format (§2.1).
[[nodiscard]] constexpr std::string_view data_file_extension(export_format format) noexcept {
  return format == export_format::ion ? ".ion.gz" : ".json.gz";
}

[[nodiscard]] constexpr bool is_base32_lower(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'); }

/// Any 26 characters of `[a-z2-7]` (readers, §2.1).
[[nodiscard]] constexpr bool is_data_file_name(std::string_view name) noexcept {
  if (name.size() != data_file_name_size) return false;
  for (char c : name)
    if (!is_base32_lower(c)) return false;
  return true;
}

/// Lowercase unpadded base32 (RFC 4648 §6) of 16 random bytes: 26 characters,
/// the last one of `a e i m q u y 4`, as every observed name.
[[nodiscard]] constexpr std::array<char, data_file_name_size> data_file_name(std::span<const std::uint8_t, 16> random) noexcept {
  constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  std::array<char, data_file_name_size> name{};
  std::uint32_t buffer = 0;
  int bits = 0;
  std::size_t used = 0;
  for (std::uint8_t byte : random) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      name[used++] = alphabet[(buffer >> bits) & 31u];
    }
  }
  name[used] = alphabet[(buffer << (5 - bits)) & 31u];
  return name;
}

/// The keys of one export, from its prefix, id and type.
struct export_layout {
  std::string root;         ///< R = J(p) + `AWSDynamoDB/`
  std::string folder;       ///< F = R + eid + `/`
  std::string data_folder;  ///< D: F + `data/` (full) or R + `data/` (incremental)

  [[nodiscard]] std::string started_key() const { return folder + std::string{started_name}; }
  [[nodiscard]] std::string summary_key() const { return folder + std::string{summary_file_name}; }
  [[nodiscard]] std::string files_manifest_key() const { return folder + std::string{files_manifest_name}; }
  [[nodiscard]] std::string data_file_key(std::string_view name, export_format format) const {
    return data_folder + std::string{name} + std::string{data_file_extension(format)};
  }
};

[[nodiscard]] inline export_layout layout_of(std::optional<std::string_view> prefix, std::string_view eid, bool incremental) {
  export_layout l;
  l.root = prefix_join(prefix) + std::string{root_folder_name};
  l.folder = l.root + std::string{eid} + "/";
  l.data_folder = (incremental ? l.root : l.folder) + std::string{data_folder_name};
  return l;
}

/// The layout an ExportDescription implies (its ExportArn's id, S3Prefix and
/// type as RULES.md §8 decides it); nothing when the ExportArn has no id.
[[nodiscard]] inline std::optional<export_layout> layout_of(const export_description& d) {
  if (!d.export_arn) return std::nullopt;
  const auto arn = export_arn::parse(*d.export_arn);
  if (!arn) return std::nullopt;
  const bool incremental = d.export_type ? d.export_type->is(export_type::incremental_export)
                                         : d.incremental_export_specification.has_value();
  const std::string_view eid = d.export_arn->substr(d.export_arn->size() - export_id::text_size);
  return layout_of(d.s3_prefix, eid, incremental);
}

/// The actual folders of §1 from the summary's own key: F′ (the key without
/// `manifest-summary.json`), R′ (F′ without its last segment), D′.
struct actual_folders {
  std::string folder;
  std::string root;
  std::string data_folder;
};

[[nodiscard]] inline actual_folders folders_of_summary(std::string_view summary_key, bool incremental) {
  actual_folders f;
  f.folder = std::string{summary_key.substr(0, summary_key.size() >= summary_file_name.size() &&
                                                       summary_key.substr(summary_key.size() - summary_file_name.size()) == summary_file_name
                                                   ? summary_key.size() - summary_file_name.size()
                                                   : summary_key.size())};
  // R′: drop the last segment (the text after the last-but-one `/`).
  const std::string_view without_slash = std::string_view{f.folder}.substr(0, f.folder.empty() ? 0 : f.folder.size() - 1);
  const auto slash = without_slash.rfind('/');
  f.root = slash == std::string_view::npos ? std::string{} : std::string{without_slash.substr(0, slash + 1)};
  f.data_folder = (incremental ? f.root : f.folder) + std::string{data_folder_name};
  return f;
}

/// A manifest's sidecar keys in checking order: base + `.md5`, base +
/// `.checksum`, base being the key without a final `.json` (§2.2).
[[nodiscard]] inline std::array<std::string, 2> sidecar_keys(std::string_view manifest_key) {
  constexpr std::string_view json = ".json";
  std::string_view base = manifest_key;
  if (base.size() >= json.size() && base.substr(base.size() - json.size()) == json) base.remove_suffix(json.size());
  return {std::string{base} + std::string{sidecar_suffixes[0]}, std::string{base} + std::string{sidecar_suffixes[1]}};
}

}  // namespace ddbexport::artifacts

#endif
