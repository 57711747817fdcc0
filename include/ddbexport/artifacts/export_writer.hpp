#ifndef DDBEXPORT_ARTIFACTS_EXPORT_WRITER_HPP
#define DDBEXPORT_ARTIFACTS_EXPORT_WRITER_HPP

/// Everything a completed export leaves on S3, written at once from its
/// ExportDescription and the lines of each partition (ARTIFACTS.md §2-§6):
/// what an emulator writes when an export completes. Data files are gzip
/// members of stored blocks (the golden form); a writer that compresses can
/// use the pieces instead (write_data_line, gzip_header, write_gzip_trailer,
/// checksums_of, write_files_manifest, write_summary, write_sidecar).

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/artifacts/data_line.hpp"
#include "ddbexport/artifacts/files_manifest.hpp"
#include "ddbexport/artifacts/gzip.hpp"
#include "ddbexport/artifacts/layout.hpp"
#include "ddbexport/artifacts/sidecar.hpp"
#include "ddbexport/artifacts/summary.hpp"
#include "ddbexport/export_description.hpp"
#include "ddbexport/json/arena.hpp"
#include "ddbexport/members.hpp"
#include "ddbexport/output.hpp"

namespace ddbexport::artifacts {

/// One data file: its lines (items of a full export, records of an
/// incremental one; none for an empty partition) and the 16 random bytes its
/// name is made of (§2.1).
struct partition {
  std::span<const data_line> lines;
  std::array<std::uint8_t, 16> name_bytes{};
};

struct written_object {
  std::string key;
  std::string bytes;
};

/// The objects in the order a writer puts them: `_started`, the data files,
/// the files manifest and its sidecar, the summary and its sidecar. On
/// refusal, the member of the description that is missing or disagrees
/// (`ItemCount` when it is not the number of lines given), and nothing written.
[[nodiscard]] inline std::optional<std::string_view> write_export(const export_description& d,
                                                                  std::span<const partition> partitions,
                                                                  std::vector<written_object>& out) {
  json::owning_arena storage{1024};
  manifest_summary summary;
  if (const auto refused = summary_for(d, summary, storage)) return refused;
  const auto layout = layout_of(d);
  if (!layout) return facts::export_arn.name;
  const line_format format{summary.output_format == to_wire(export_format::ion) ? export_format::ion
                                                                                  : export_format::dynamodb_json,
                           summary.incremental()};
  std::vector<written_object> objects;
  objects.push_back({layout->started_key(), {}});
  std::vector<files_entry> entries;
  std::vector<files_entry_text> checksums;
  checksums.reserve(partitions.size());
  std::uint64_t lines = 0;
  for (const auto& p : partitions) {
    const auto name = data_file_name(std::span<const std::uint8_t, 16>{p.name_bytes});
    written_object file{layout->data_file_key(std::string_view{name.data(), name.size()}, format.format), {}};
    container_output<std::string> bytes{file.bytes};
    gzip_stored_writer<container_output<std::string>> gzip{bytes};
    std::string line;
    for (const auto& l : p.lines) {
      line.clear();
      container_output<std::string> text{line};
      if (!write_data_line(l, format, text)) return "Items";
      gzip.write(line);
    }
    gzip.finish();
    lines += p.lines.size();
    checksums.push_back(checksums_of(file.bytes));
    objects.push_back(std::move(file));
  }
  if (lines != static_cast<std::uint64_t>(summary.item_count)) return facts::item_count.name;
  for (std::size_t i = 0; i < partitions.size(); ++i)
    entries.push_back({static_cast<std::int64_t>(partitions[i].lines.size()), checksums[i].md5_checksum.view(),
                       checksums[i].etag, objects[i + 1].key});
  const auto manifest_with_sidecar = [&](std::string key, const auto& write) {
    written_object manifest{std::move(key), {}};
    container_output<std::string> text{manifest.bytes};
    write(text);
    written_object sidecar{sidecar_keys(manifest.key)[0], {}};
    container_output<std::string> body{sidecar.bytes};
    write_sidecar(manifest.bytes, body);
    objects.push_back(std::move(manifest));
    objects.push_back(std::move(sidecar));
  };
  manifest_with_sidecar(layout->files_manifest_key(), [&](auto& text) { write_files_manifest(entries, text); });
  manifest_with_sidecar(layout->summary_key(), [&](auto& text) { (void)write_summary(summary, text); });
  for (auto& o : objects) out.push_back(std::move(o));
  return std::nullopt;
}

}  // namespace ddbexport::artifacts

#endif
