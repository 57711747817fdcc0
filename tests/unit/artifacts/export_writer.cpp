// write_export: a whole export from its ExportDescription and its lines
// reproduces every golden object byte for byte (ARTIFACTS.md §2-§6, §11).
#include "ddbexport/artifacts/export_writer.hpp"

#include <doctest/doctest.h>

#include <deque>

#include "bundle.hpp"
#include "zlib_support.hpp"

namespace {
using namespace artifacts_test;
namespace art = ddbexport::artifacts;

/// The 16 bytes a data file name is the base32 of.
std::array<std::uint8_t, 16> name_bytes(std::string_view name) {
  std::array<std::uint8_t, 16> out{};
  std::uint32_t buffer = 0;
  int bits = 0;
  std::size_t used = 0;
  for (char c : name) {
    buffer = (buffer << 5) | static_cast<std::uint32_t>(c >= 'a' ? c - 'a' : c - '2' + 26);
    bits += 5;
    if (bits >= 8 && used < out.size()) {
      bits -= 8;
      out[used++] = static_cast<std::uint8_t>(buffer >> bits);
    }
  }
  return out;
}

TEST_CASE("A-FILES-KEY A-DATA-MD5 A-SIDECAR-MISMATCH: write_export reproduces every golden export byte for byte") {
  for (const auto& e : golden_exports()) {
    CAPTURE(e.name);
    description_holder d;
    const auto* description = d.read(e.describe_export);
    const std::string folder = e.summary_key.substr(0, e.summary_key.size() - 21);
    const std::string manifest = read_file(bucket_dir / (folder + "manifest-files.json"));
    std::deque<std::string> contents;
    std::deque<std::vector<std::byte>> buffers;
    std::deque<std::vector<art::data_line>> lines;
    std::vector<art::partition> partitions;
    for (std::size_t start = 0, lf; (lf = manifest.find('\n', start)) != std::string::npos; start = lf + 1) {
      const std::string line = manifest.substr(start, lf - start);
      const auto at = line.find("\"dataFileS3Key\":\"") + 17;
      const std::string key = line.substr(at, line.find('"', at) - at);
      const std::string& content = contents.emplace_back(gunzip(read_file(bucket_dir / key)));
      auto& parsed = lines.emplace_back();
      art::data_line_context c;
      c.format.format = key.ends_with(".ion.gz") ? ddbexport::export_format::ion : ddbexport::export_format::dynamodb_json;
      c.format.incremental = e.name.starts_with("incr");
      for (std::size_t s = 0, l; (l = content.find('\n', s)) != std::string::npos; s = l + 1) {
        auto& buffer = buffers.emplace_back(art::line_storage_bytes(l - s));
        ddbexport::json::arena storage{std::span<std::byte>{buffer}};
        collect findings;
        art::read_data_line(std::string_view{content}.substr(s, l - s), parsed.emplace_back(), storage, c, findings);
        REQUIRE(findings.all.empty());
      }
      const std::string name = key.substr(key.rfind('/') + 1, 26);
      partitions.push_back({parsed, name_bytes(name)});
    }
    std::vector<art::written_object> written;
    REQUIRE(art::write_export(*description, partitions, written) == std::nullopt);
    std::set<std::string> golden_here, written_keys;
    for (const auto& key : e.objects)
      if (key.starts_with(folder)) golden_here.insert(key);
    for (const auto& o : written) {
      CAPTURE(o.key);
      written_keys.insert(o.key);
      CHECK(o.bytes == read_file(bucket_dir / o.key));
    }
    for (const auto& key : golden_here) CHECK_MESSAGE(written_keys.count(key) == 1, key);
    CHECK(written.size() == 5 + partitions.size());
    CHECK(written.front().key == folder + "_started");
  }
}

TEST_CASE("A-FILES-SUM A-FILES-NONE: write_export refuses an ItemCount the lines do not give; an empty table is one empty file") {
  const auto exports = golden_exports();
  description_holder d;
  auto description = *d.read(exports.front().describe_export);
  std::vector<art::written_object> written;
  const art::partition empty[] = {{{}, {}}};
  CHECK(art::write_export(description, empty, written) == "ItemCount");
  CHECK(written.empty());
  description.item_count = 0;
  REQUIRE(art::write_export(description, empty, written) == std::nullopt);
  CHECK(written.at(1).bytes == art::empty_gzip_member);
  CHECK(written.at(1).key == "exports/AWSDynamoDB/01777886127318-458ecad7/data/aaaaaaaaaaaaaaaaaaaaaaaaaa.json.gz");
  // What it wrote verifies clean.
  memory_bundle b;
  for (const auto& o : written) b.objects.emplace(o.key, o.bytes);
  art::verify_context c;
  c.description = &description;
  const auto r = art::verify_export(written.back().key.substr(0, written.back().key.size() - 4) + ".json", b, c);
  CHECK_MESSAGE(r.valid(), report_json(r));
  CHECK(r.warnings.empty());
}
}  // namespace
