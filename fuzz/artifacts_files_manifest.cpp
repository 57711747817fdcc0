// manifest-files.json reader: any bytes end in findings within bounds, never
// a crash; the entries it gives write a manifest that reads back to them.

#include "artifacts_common.hpp"

using namespace ddbexport;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  json::owning_arena storage{text.size()};
  fuzz::findings found;
  std::vector<artifacts::files_entry> entries;
  artifacts::files_read_context c{"k", {}};
  c.limits.manifest_line_bytes = 4096;
  const auto status = artifacts::read_files_manifest(text, storage, c, found, [&](const artifacts::files_line& line) {
    DDBEXPORT_FUZZ_CHECK(line.offset < size);
    if (line.entry) entries.push_back(line.value);
  });
  for (const auto& f : found.all) fuzz::check_finding(f, size);
  DDBEXPORT_FUZZ_CHECK(status.entries == entries.size());
  const std::string written = fuzz::write_to_string([&](auto& out) { artifacts::write_files_manifest(entries, out); });
  json::owning_arena again_storage{written.size()};
  fuzz::findings again_found;
  std::vector<artifacts::files_entry> again;
  artifacts::read_files_manifest(written, again_storage, c, again_found, [&](const artifacts::files_line& line) {
    if (line.entry) again.push_back(line.value);
  });
  // Only a line longer than the limit (a huge key) or a bad etag can be found in what was written.
  for (const auto& f : again_found.all)
    DDBEXPORT_FUZZ_CHECK(f.rule == artifacts::rule::files_line || f.rule == artifacts::rule::etag_form);
  if (again_found.all.empty()) {
    DDBEXPORT_FUZZ_CHECK(again.size() == entries.size());
    for (std::size_t i = 0; i < again.size(); ++i) {
      DDBEXPORT_FUZZ_CHECK(again[i].item_count == entries[i].item_count);
      DDBEXPORT_FUZZ_CHECK(again[i].md5_checksum == entries[i].md5_checksum);
      DDBEXPORT_FUZZ_CHECK(again[i].etag == entries[i].etag);
      DDBEXPORT_FUZZ_CHECK(again[i].data_file_s3_key == entries[i].data_file_s3_key);
    }
  }
  return 0;
}
