// manifest-summary.json: reader, writer and the description's summary (ARTIFACTS.md §3, §7.1).
#include "ddbexport/artifacts/summary.hpp"

#include <doctest/doctest.h>

#include "support.hpp"

namespace {
using namespace ddbexport::artifacts;
using artifacts_test::collect;

struct read_back {
  manifest_summary summary;
  summary_status status;
  collect findings;
  ddbexport::json::owning_arena storage;
  explicit read_back(std::string_view text, std::string_view key = "k/manifest-summary.json")
      : storage(text.size()) {
    status = read_summary(text, summary, storage, summary_read_context{key, {}}, findings);
  }
};

std::string write(const manifest_summary& s) {
  std::string out;
  ddbexport::container_output<std::string> o{out};
  REQUIRE(write_summary(s, o));
  return out;
}

TEST_CASE("A-SUM-JSON A-SUM-VERSION: every golden summary reads clean and writes back byte for byte") {
  int seen = 0;
  for (const auto& object : artifacts_test::golden_objects()) {
    const std::string& key = object.first;
    const std::string& bytes = object.second;
    if (!key.ends_with("manifest-summary.json")) continue;
    ++seen;
    CAPTURE(key);
    read_back r{bytes, key};
    CHECK(r.findings.all.empty());
    CHECK(r.status.json);
    CHECK(r.status.version);
    CHECK(write(r.summary) == bytes);
  }
  CHECK(seen == 4);
}

TEST_CASE("A-SUM-JSON: not an object, truncated, repeated member, BOM, too large") {
  for (std::string_view text : {"", "[]", "{\"version\":\"2020-06-30\"", "{\"a\":1,\"a\":2}", "\xEF\xBB\xBF{}", "{} x"}) {
    read_back r{text};
    CAPTURE(text);
    CHECK(r.findings.ids() == std::set<std::string>{"A-SUM-JSON"});
    CHECK_FALSE(r.status.json);
  }
  std::string big(1048577, ' ');
  read_back r{big};
  CHECK(r.findings.ids() == std::set<std::string>{"A-SUM-JSON"});
}
}  // namespace

#include "bundle.hpp"

namespace {
TEST_CASE("A-DESC-FIELD: the summary an ExportDescription implies is the golden summary, byte for byte") {
  for (const auto& e : artifacts_test::golden_exports()) {
    CAPTURE(e.name);
    artifacts_test::description_holder d;
    const auto* description = d.read(e.describe_export);
    ddbexport::json::owning_arena storage{1024};
    manifest_summary s;
    REQUIRE(summary_for(*description, s, storage) == std::nullopt);
    CHECK(write(s) == artifacts_test::read_file(artifacts_test::bucket_dir / e.summary_key));
  }
}

TEST_CASE("A-DESC-STATUS: the writer refuses what is not a COMPLETED description with every member") {
  artifacts_test::description_holder d;
  const auto exports = artifacts_test::golden_exports();
  auto description = *d.read(exports.front().describe_export);
  ddbexport::json::owning_arena storage{1024};
  manifest_summary s;
  description.export_status = ddbexport::export_status::in_progress;
  CHECK(summary_for(description, s, storage) == "ExportStatus");
  description.export_status = ddbexport::export_status::completed;
  description.table_id.reset();
  CHECK(summary_for(description, s, storage) == "TableId");
  description.table_id = "3b2f6c1d-9a4e-4f7b-8c21-6d0e5a9f1b37";
  description.export_time.reset();  // falls back to StartTime (R-ET-DEFAULT)
  CHECK(summary_for(description, s, storage) == std::nullopt);
  CHECK(s.export_time == description.start_time);
  description.end_time = ddbexport::from_epoch_ms(253'402'300'800'000);  // year 10000
  CHECK(summary_for(description, s, storage) == "EndTime");
  std::string out;
  ddbexport::container_output<std::string> o{out};
  CHECK_FALSE(write_summary(s, o));
  CHECK(out.empty());
}
}  // namespace
