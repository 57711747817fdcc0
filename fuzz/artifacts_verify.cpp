// The verifier over a bundle of arbitrary objects: every object of a golden
// layout (summary, sidecars, files manifest, two data files, _started) comes
// from the fuzz bytes, data files go through zlib as ddbexport-verify does,
// so truncated and corrupt gzip streams are replayed too. Never a crash; the
// report is consistent and its JSON reads back.

#include <algorithm>
#include <map>

#include "artifacts_common.hpp"
#include "verify/zlib_feed.hpp"

using namespace ddbexport;

namespace {
struct bundle {
  std::map<std::string, std::string, std::less<>> objects;
  bool inflate = true;
  std::optional<std::string_view> object(std::string_view key) const {
    const auto it = objects.find(key);
    if (it == objects.end()) return std::nullopt;
    return std::string_view{it->second};
  }
  bool data_file(std::string_view key, artifacts::data_file_feed& feed) const {
    const auto bytes = object(key);
    if (!bytes) return false;
    if (!inflate) {
      (void)feed.stored(*bytes);
      feed.end({artifacts::inflate_end::not_inflated, 0});
      return true;
    }
    ddbexport_verify::zlib_feed z{feed};
    for (std::size_t at = 0; at < bytes->size(); at += 61) z.stored(bytes->substr(at, 61));
    z.finish();
    return true;
  }
  template <class F>
  void keys_under(std::string_view prefix, F&& f) const {
    for (auto it = objects.lower_bound(prefix); it != objects.end() && it->first.starts_with(prefix); ++it) f(it->first);
  }
};

constexpr std::string_view layouts[][2] = {
    {"exports/AWSDynamoDB/01777886127318-458ecad7/", "exports/AWSDynamoDB/01777886127318-458ecad7/data/"},
    {"AWSDynamoDB/01777887663057-ffb1ca5d/", "AWSDynamoDB/01777887663057-ffb1ca5d/data/"},
    {"exports/AWSDynamoDB/01777890641000-39fa3cc5/", "exports/AWSDynamoDB/data/"},
};
constexpr std::string_view names[] = {"demux2uinzsjm5dzww3imqvcm4", "e527nc5dyhyvlqlwm5qo2wm72m"};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in{data, size};
  const auto flags = in.ConsumeIntegral<std::uint8_t>();
  const auto& layout = layouts[(flags & 3) % 3];
  const std::string folder{layout[0]};
  const std::string ext = (flags & 3) == 1 ? ".ion.gz" : ".json.gz";
  bundle b;
  b.inflate = (flags & 4) == 0;
  const std::string keys[] = {folder + "manifest-summary.json", folder + "manifest-summary.md5",
                              folder + "manifest-files.json",   folder + "manifest-files.md5",
                              std::string{layout[1]} + std::string{names[0]} + ext,
                              std::string{layout[1]} + std::string{names[1]} + ext,
                              folder + "_started"};
  for (const auto& key : keys) {
    std::string bytes = in.ConsumeRandomLengthString(1 << 16);
    if (bytes != "-") b.objects.emplace(key, std::move(bytes));  // "-": the object is absent
  }
  const artifacts::key_attribute schema[] = {{"pk", false, attribute_kind::s}, {"sk", true, std::nullopt}};
  artifacts::verify_context c;
  if ((flags & 8) != 0) c.key_schema = std::span<const artifacts::key_attribute>{schema};
  c.track_keys = (flags & 16) != 0;
  c.complete = (flags & 32) == 0;
  if ((flags & 64) != 0) c.part_size = 64;
  c.limits.data_line_bytes = 1 << 16;
  c.max_line_findings_per_file = 20;
  std::size_t observed = 0;
  const auto report = artifacts::verify_export(keys[0], b, c, [&](const artifacts::finding& f) {
    fuzz::check_finding(f, std::size_t{1} << 40);
    ++observed;
  });
  DDBEXPORT_FUZZ_CHECK(observed == report.violations.size() + report.warnings.size());
  for (const auto& f : report.violations) DDBEXPORT_FUZZ_CHECK(f.severity == artifacts::severity::error);
  for (const auto& f : report.warnings) DDBEXPORT_FUZZ_CHECK(f.severity == artifacts::severity::warning);
  // One result per distinct data file of the files manifest, absent ones included.
  const auto manifest = b.object(keys[2]);
  const auto lines = manifest ? static_cast<std::size_t>(std::count(manifest->begin(), manifest->end(), '\n')) + 1 : 0;
  DDBEXPORT_FUZZ_CHECK(report.files.size() <= lines);
  const std::string json = fuzz::write_to_string([&](auto& out) { artifacts::write_report(report, out); });
  artifacts::detail::json_document doc;
  DDBEXPORT_FUZZ_CHECK(doc.parse(json, 16));
  return 0;
}
