#ifndef DDBEXPORT_SERVER_EXPORT_ARTIFACTS_HPP
#define DDBEXPORT_SERVER_EXPORT_ARTIFACTS_HPP

// What a completed export leaves on S3 (ARTIFACTS.md §2-§6), with data files
// compressed by zlib. The library's write_export frames stored blocks (its
// reproducible golden form); DynamoDB compresses, and so does the server,
// with the same pieces write_export is made of and in its order: `_started`,
// the data files, manifest-files.json and its sidecar, manifest-summary.json
// and its sidecar. zlib's own gzip wrapper records the OS in its header, so
// the deflate stream is raw (windowBits -15) and framed by hand with §6.1's
// header `1f 8b 08 00 00 00 00 00 00 ff` and the CRC-32/ISIZE trailer; an
// empty partition is the 20-byte empty member.

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/artifacts/export_writer.hpp"
#include "ddbexport/artifacts/files_manifest.hpp"
#include "ddbexport/artifacts/gzip.hpp"
#include "ddbexport/artifacts/layout.hpp"
#include "ddbexport/artifacts/sidecar.hpp"
#include "ddbexport/artifacts/summary.hpp"
#include "ddbexport/export_description.hpp"
#include "ddbexport/json/arena.hpp"
#include "ddbexport/output.hpp"

namespace ddbexport_server {

namespace art = ddbexport::artifacts;

/// One data file before compression: its content (lines, each with its LF)
/// and the 16 random bytes its name is made of.
struct data_file_content {
  std::string content;
  std::uint64_t lines = 0;
  std::array<std::uint8_t, 16> name_bytes{};
};

/// The gzip member DynamoDB's form of §6.1 gives `content`, or nothing when
/// zlib fails (it only does without memory).
[[nodiscard]] inline std::optional<std::string> gzip_member(std::string_view content) {
  if (content.empty()) return std::string{art::empty_gzip_member};
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return std::nullopt;
  std::string member{art::gzip_header};
  // zlib counts in uInt: feed and drain at most 1 GiB at a time.
  constexpr std::size_t step = std::size_t{1} << 30;
  std::array<unsigned char, 65536> chunk{};
  std::size_t fed = 0;
  uLong crc = crc32(0L, Z_NULL, 0);
  int status = Z_OK;
  while (status != Z_STREAM_END) {
    if (z.avail_in == 0 && fed < content.size()) {
      const std::size_t n = std::min(step, content.size() - fed);
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(content.data() + fed));
      z.avail_in = static_cast<uInt>(n);
      crc = crc32(crc, z.next_in, z.avail_in);
      fed += n;
    }
    z.next_out = chunk.data();
    z.avail_out = static_cast<uInt>(chunk.size());
    status = deflate(&z, fed == content.size() ? Z_FINISH : Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
      deflateEnd(&z);
      return std::nullopt;
    }
    member.append(reinterpret_cast<const char*>(chunk.data()), chunk.size() - z.avail_out);
  }
  deflateEnd(&z);
  ddbexport::container_output<std::string> out{member};
  art::write_gzip_trailer(out, static_cast<std::uint32_t>(crc), content.size());
  return member;
}

/// Every object of the completed export `d`, keys from the bucket root, in
/// writing order. Nothing, with the reason, when the description cannot make
/// a summary (the library's refusal names the member) or zlib fails.
[[nodiscard]] inline std::optional<std::vector<art::written_object>> export_objects(
    const ddbexport::export_description& d, std::span<const data_file_content> files, std::string& error) {
  ddbexport::json::owning_arena storage{1024};
  art::manifest_summary summary;
  if (const auto refused = art::summary_for(d, summary, storage)) {
    error = "no manifest-summary.json for this description: " + std::string{*refused};
    return std::nullopt;
  }
  const auto layout = art::layout_of(d);
  if (!layout) {
    error = "no layout for this ExportArn";
    return std::nullopt;
  }
  const auto format = summary.output_format == ddbexport::to_wire(ddbexport::export_format::ion) ? ddbexport::export_format::ion
                                                                                          : ddbexport::export_format::dynamodb_json;
  std::vector<art::written_object> objects;
  objects.push_back({layout->started_key(), {}});
  std::vector<art::files_entry_text> checksums;
  checksums.reserve(files.size());
  for (const auto& f : files) {
    const auto name = art::data_file_name(std::span<const std::uint8_t, 16>{f.name_bytes});
    auto member = gzip_member(f.content);
    if (!member) {
      error = "zlib could not compress a data file";
      return std::nullopt;
    }
    checksums.push_back(art::checksums_of(*member));
    objects.push_back({layout->data_file_key(std::string_view{name.data(), name.size()}, format), std::move(*member)});
  }
  std::vector<art::files_entry> entries;
  for (std::size_t i = 0; i < files.size(); ++i)
    entries.push_back({static_cast<std::int64_t>(files[i].lines), checksums[i].md5_checksum.view(), checksums[i].etag,
                       objects[i + 1].key});
  const auto with_sidecar = [&](std::string key, const auto& write) {
    art::written_object manifest{std::move(key), {}};
    ddbexport::container_output<std::string> text{manifest.bytes};
    write(text);
    art::written_object sidecar{art::sidecar_keys(manifest.key)[0], {}};
    ddbexport::container_output<std::string> body{sidecar.bytes};
    art::write_sidecar(manifest.bytes, body);
    objects.push_back(std::move(manifest));
    objects.push_back(std::move(sidecar));
  };
  with_sidecar(layout->files_manifest_key(), [&](auto& text) { art::write_files_manifest(entries, text); });
  bool summary_written = true;
  with_sidecar(layout->summary_key(), [&](auto& text) { summary_written = art::write_summary(summary, text); });
  if (!summary_written) {
    error = "manifest-summary.json could not be written";
    return std::nullopt;
  }
  return objects;
}

}  // namespace ddbexport_server

#endif
