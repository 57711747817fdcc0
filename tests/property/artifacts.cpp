// Artifact properties (issue 15, item 2): an export the service core
// accepted and completed (full or incremental, DYNAMODB_JSON or ION, with or
// without S3Prefix), written with write_export from its DescribeExport
// description and generated lines, verifies clean against that description
// and its key schema; and one corruption of its objects yields exactly the
// rules that corruption is about, and no other finding:
//   a flipped byte of a data file          A-DATA-MD5, A-DATA-ETAG
//   a dropped data file                    A-DATA-MISSING
//   a dropped checksum sidecar             A-SIDECAR-MISSING
//   an extra object in the export folder   A-OBJ-EXTRA
//   a changed itemCount of one data file   A-DATA-COUNT, A-FILES-SUM
//   a truncated gzip (checksums redone)    A-GZIP
// The library has no inflater: data files are stored-block gzip members
// (gzip_stored_writer, inside write_export) and the bundle hands the verifier
// the content they hold (memory_bundle's `contents`).

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/artifacts/artifacts.hpp"
#include "ddbexport/artifacts/memory_bundle.hpp"
#include "ddbexport/ddbexport.hpp"
#include "examples/verify/zlib_feed.hpp"
#include "generators.hpp"
#include "property/service_core.hpp"
#include "rc_doctest.hpp"

using namespace ddbexport;
using namespace ddbexport::test;
using namespace ddbexport::test::service_core;
namespace art = ddbexport::artifacts;

namespace {

/// A completed export as the core describes it, its lines and its objects.
struct generated_export {
  std::string describe_body;  ///< the DescribeExport answer; `description` views it
  json::owning_arena storage{4096};
  describe_export_response described;
  const export_description* description = nullptr;
  bool incremental = false;
  // The lines' attribute storage: stable addresses (deque).
  std::deque<std::string> texts;
  std::deque<std::vector<attribute_entry>> maps;
  std::deque<std::vector<art::data_line>> lines;
  std::vector<art::partition> partitions;
  std::vector<std::string> contents;  ///< each data file's content, as written
  std::vector<art::written_object> objects;
  art::memory_bundle bundle;
  std::string summary_key;
  std::vector<std::string> data_keys;
};

std::span<const attribute_entry> item_map(generated_export& g, int n, bool with_payload) {
  const std::string& key = g.texts.emplace_back("k" + std::to_string(n));
  const std::string& number = g.texts.emplace_back(std::to_string(n * 7 - 3));
  auto& m = g.maps.emplace_back();
  m.push_back({"pk", attribute_value::string(key)});
  if (with_payload) m.push_back({"n", attribute_value::number(number)});
  return m;
}

/// Accepts, completes and writes one export; RC_ASSERTs each step.
void generate(generated_export& g) {
  core c{*rc::gen::arbitrary<std::uint64_t>()};
  g.incremental = *rc::gen::arbitrary<bool>();
  const bool ion = *rc::gen::arbitrary<bool>();
  const bool new_and_old = *rc::gen::arbitrary<bool>();
  std::string body = "{\"TableArn\":" + quoted(service_test::orders_arn) + ",\"S3Bucket\":\"bucket-a\"";
  if (*rc::gen::arbitrary<bool>()) body += ",\"S3Prefix\":" + quoted(*rc::gen::element<std::string>("p", "p/", "a/b/"));
  if (ion) body += ",\"ExportFormat\":\"ION\"";
  const std::int64_t to = c.now / 1000 - *uniform<std::int64_t>(0, 3600);
  const std::int64_t from = to - *rc::gen::element<std::int64_t>(900, 3600, 86400);
  if (g.incremental)
    body += ",\"ExportType\":\"INCREMENTAL_EXPORT\",\"IncrementalExportSpecification\":{\"ExportFromTime\":" +
            std::to_string(from) + ",\"ExportToTime\":" + std::to_string(to) + ",\"ExportViewType\":\"" +
            (new_and_old ? "NEW_AND_OLD_IMAGES" : "NEW_IMAGE") + "\"}";
  body += "}";
  const answer accepted = c.send("ExportTableToPointInTime", body);
  RC_ASSERT(accepted.status == 200);
  RC_ASSERT(accepted.recorded_export_arn.has_value());
  const std::string arn = *accepted.recorded_export_arn;

  // The lines: partitions of 0..4 lines, every item's key once.
  const int partitions = *uniform(1, 5);
  std::int64_t total = 0;
  int n = 0;
  for (int p = 0; p < partitions; ++p) {
    auto& lines = g.lines.emplace_back();
    const int count = *uniform(0, 5);
    for (int i = 0; i < count; ++i, ++n) {
      art::data_line& l = lines.emplace_back();
      if (!g.incremental) {
        l.item = item_map(g, n, *rc::gen::arbitrary<bool>());
        continue;
      }
      l.write_time_micros = g.texts.emplace_back(std::to_string(from * 1'000'000 + *uniform<std::int64_t>(0, (to - from) * 1'000'000)));
      l.keys = item_map(g, n, false);
      // NEW_IMAGE: put or remove; NEW_AND_OLD_IMAGES: insert, modify or remove (§6.3).
      const int shape = *uniform(0, new_and_old ? 3 : 2);
      if (shape != 1) l.new_image = item_map(g, n, true);
      if (new_and_old && shape != 0) l.old_image = item_map(g, n, true);
    }
    total += count;
    std::array<std::uint8_t, 16> name{};
    for (auto& b : name) b = static_cast<std::uint8_t>(*rc::gen::arbitrary<std::uint8_t>());
    name[0] = static_cast<std::uint8_t>(p);  // distinct names (A-FILES-DUP otherwise)
    g.partitions.push_back({lines, name});
  }
  c.now += *uniform<std::int64_t>(0, hour_ms);
  const auto problem = complete(c.store, arn, from_epoch_ms(c.now), total, *uniform<std::int64_t>(0, 1 << 30));
  RC_ASSERT(!problem.has_value());
  g.describe_body = c.send("DescribeExport", describe_body(arn)).body;
  RC_ASSERT(json::read(g.describe_body, g.described, g.storage).ok());
  g.description = &*g.described.export_description;
  RC_ASSERT(art::write_export(*g.description, g.partitions, g.objects) == std::nullopt);

  const art::line_format format{ion ? export_format::ion : export_format::dynamodb_json, g.incremental};
  for (const auto& p : g.partitions) {
    std::string& content = g.contents.emplace_back();
    container_output<std::string> out{content};
    for (const auto& l : p.lines) RC_ASSERT(art::write_data_line(l, format, out));
  }
  for (std::size_t i = 0; i < g.objects.size(); ++i) {
    const auto& o = g.objects[i];
    g.bundle.objects[o.key] = o.bytes;
    if (i >= 1 && i <= g.partitions.size()) {
      g.data_keys.push_back(o.key);
      g.bundle.contents[o.key] = g.contents[i - 1];
    }
  }
  g.summary_key = g.objects[g.objects.size() - 2].key;
}

/// The same objects with zlib as the inflater (ddbexport-verify's), the
/// content then being what the stored bytes really hold.
struct inflating_bundle {
  const art::memory_bundle* objects;
  [[nodiscard]] std::optional<std::string_view> object(std::string_view key) const { return objects->object(key); }
  bool data_file(std::string_view key, art::data_file_feed& feed) const {
    const auto bytes = object(key);
    if (!bytes) return false;
    ddbexport_verify::zlib_feed z{feed};
    z.stored(*bytes);
    z.finish();
    return true;
  }
  template <class F>
  void keys_under(std::string_view prefix, F&& f) const {
    objects->keys_under(prefix, f);
  }
};

const std::array<art::key_attribute, 1> key_schema{{{"pk", false, attribute_kind::s}}};

art::verify_report verify(const generated_export& g, bool inflate = false) {
  art::verify_context c;
  c.key_schema = std::span<const art::key_attribute>{key_schema};
  c.description = g.description;
  if (inflate) {
    inflating_bundle b{&g.bundle};
    return art::verify_export(g.summary_key, b, c);
  }
  return art::verify_export(g.summary_key, g.bundle, c);
}

std::set<std::string> ids_of(const art::verify_report& r) {
  std::set<std::string> ids;
  for (const auto& f : r.violations) ids.emplace(art::id(f.rule));
  for (const auto& f : r.warnings) ids.emplace(art::id(f.rule));
  return ids;
}

std::string listed(const std::set<std::string>& ids) {
  std::string text;
  for (const auto& id : ids) text += id + " ";
  return text.empty() ? "none" : text;
}

/// The files manifest again, from the objects as they are now, with one
/// entry's count changed by `delta`; its sidecar follows.
void rewrite_files_manifest(generated_export& g, std::size_t changed, std::int64_t delta) {
  std::vector<art::files_entry_text> sums;
  sums.reserve(g.data_keys.size());
  std::vector<art::files_entry> entries;
  for (std::size_t i = 0; i < g.data_keys.size(); ++i) {
    sums.push_back(art::checksums_of(g.bundle.objects.at(g.data_keys[i])));
    const auto count = static_cast<std::int64_t>(g.partitions[i].lines.size()) + (i == changed ? delta : 0);
    entries.push_back({count, sums.back().md5_checksum.view(), sums.back().etag, g.data_keys[i]});
  }
  const std::string key = g.objects[g.objects.size() - 4].key;
  std::string& manifest = g.bundle.objects.at(key);
  manifest.clear();
  container_output<std::string> out{manifest};
  art::write_files_manifest(entries, out);
  std::string& sidecar = g.bundle.objects.at(art::sidecar_keys(key)[0]);
  sidecar.clear();
  container_output<std::string> side{sidecar};
  art::write_sidecar(manifest, side);
}

}  // namespace

RC_DOCTEST_PROPERTY("property: an export the core completed, written by write_export, verifies clean (A-*)", [] {
  generated_export g;
  generate(g);
  // With the content handed over, and with zlib inflating the stored blocks.
  for (const bool inflate : {false, true}) {
    const auto report = verify(g, inflate);
    RC_LOG() << "findings: " << listed(ids_of(report)) << "\n";
    RC_ASSERT(report.valid());
    RC_ASSERT(ids_of(report).empty());
    RC_ASSERT(report.files.size() == g.partitions.size());
    for (std::size_t i = 0; i < report.files.size(); ++i)
      RC_ASSERT(report.files[i].lines == std::optional<std::uint64_t>{g.partitions[i].lines.size()});
  }
})

RC_DOCTEST_PROPERTY("property: one corruption of an export yields its rules and no other (A-DATA-MD5 A-DATA-ETAG A-DATA-MISSING A-SIDECAR-MISSING A-OBJ-EXTRA A-DATA-COUNT A-FILES-SUM A-GZIP)",
                    [] {
  generated_export g;
  generate(g);
  const std::size_t file = *uniform<std::size_t>(0, g.data_keys.size());
  std::string& bytes = g.bundle.objects.at(g.data_keys[file]);
  std::set<std::string> expected;
  bool inflate = false;
  switch (*uniform(0, 6)) {
    case 0: {
      // The gzip header's MTIME or a byte of the stored blocks: only the checksums see it.
      std::vector<std::size_t> where{4, 5, 6, 7};
      for (std::size_t at = art::gzip_header.size(); at + 8 < bytes.size(); ++at) where.push_back(at);
      const std::size_t at = *rc::gen::elementOf(where);
      bytes[at] = static_cast<char>(bytes[at] ^ (1 << *uniform(0, 8)));
      expected = {"A-DATA-MD5", "A-DATA-ETAG"};
      break;
    }
    case 1:
      g.bundle.objects.erase(g.data_keys[file]);
      g.bundle.contents.erase(g.data_keys[file]);
      expected = {"A-DATA-MISSING"};
      break;
    case 2: {
      const std::string& manifest = g.objects[g.objects.size() - (*rc::gen::arbitrary<bool>() ? 2 : 4)].key;
      g.bundle.objects.erase(art::sidecar_keys(manifest)[0]);
      expected = {"A-SIDECAR-MISSING"};
      break;
    }
    case 3: {
      const std::string folder = g.summary_key.substr(0, g.summary_key.size() - art::summary_file_name.size());
      g.bundle.objects[folder + *rc::gen::element<std::string>("stray", "data/extra.json.gz", "manifest-files.json.bak")] = "x";
      expected = {"A-OBJ-EXTRA"};
      break;
    }
    case 4: {
      const auto lines = static_cast<std::int64_t>(g.partitions[file].lines.size());
      const std::int64_t delta = lines > 0 && *rc::gen::arbitrary<bool>() ? -*uniform<std::int64_t>(1, lines + 1)
                                                                          : *uniform<std::int64_t>(1, 1000);
      rewrite_files_manifest(g, file, delta);
      expected = {"A-DATA-COUNT", "A-FILES-SUM"};
      break;
    }
    default:
      // Cut anywhere, the manifest's checksums made for what is left.
      bytes.resize(*uniform<std::size_t>(1, bytes.size()));
      rewrite_files_manifest(g, file, 0);
      inflate = true;
      expected = {"A-GZIP"};
      break;
  }
  const auto found = ids_of(verify(g, inflate));
  RC_LOG() << "expected " << listed(expected) << "found " << listed(found) << "\n";
  RC_ASSERT(found == expected);
})
