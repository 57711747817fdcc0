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
