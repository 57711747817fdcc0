// manifest-summary.json reader: any bytes end in findings within bounds, never
// a crash; a summary read without findings writes a text that reads back to
// the same summary, and writing is then a fixed point.

#include "artifacts_common.hpp"

using namespace ddbexport;

namespace {
std::string written(const artifacts::manifest_summary& s) {
  return fuzz::write_to_string([&](auto& out) { DDBEXPORT_FUZZ_CHECK(artifacts::write_summary(s, out)); });
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  json::owning_arena storage{text.size()};
  artifacts::manifest_summary s;
  fuzz::findings found;
  const auto status = artifacts::read_summary(text, s, storage, {"k", {}}, found);
  for (const auto& f : found.all) fuzz::check_finding(f, size);
  DDBEXPORT_FUZZ_CHECK(status.version || !found.all.empty());
  bool all_usable = status.version;
  artifacts::for_each_summary_member([&](std::size_t i, const auto& m) {
    if (artifacts::in_scope(m.scope, s.incremental()) && (status.usable >> i & 1u) == 0) all_usable = false;
  });
  if (!all_usable) return 0;
  const std::string once = written(s);
  json::owning_arena again_storage{once.size()};
  artifacts::manifest_summary again;
  fuzz::findings none;
  const auto again_status = artifacts::read_summary(once, again, again_storage, {"k", {}}, none);
  for (const auto& f : none.all) DDBEXPORT_FUZZ_CHECK(f.rule == artifacts::rule::sum_unknown);
  DDBEXPORT_FUZZ_CHECK(again_status.usable == status.usable);
  DDBEXPORT_FUZZ_CHECK(written(again) == once);
  return 0;
}
