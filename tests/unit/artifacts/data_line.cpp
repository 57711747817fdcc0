// Data lines: DYNAMODB_JSON full and incremental, ION (ARTIFACTS.md §6, §7.5).
#include "ddbexport/artifacts/data_line.hpp"

#include <doctest/doctest.h>

#include "support.hpp"
#include "zlib_support.hpp"

namespace {
using namespace ddbexport::artifacts;
using artifacts_test::collect;

struct line_read {
  data_line line;
  data_line_status status;
  collect findings;
  ddbexport::json::arena storage;
  std::vector<std::byte> buffer;
  line_read(std::string_view text, data_line_context c) : buffer(line_storage_bytes(text.size())) {
    storage = ddbexport::json::arena{std::span<std::byte>{buffer}};
    status = read_data_line(text, line, storage, c, findings);
  }
};

data_line_context context_for(std::string_view key) {
  data_line_context c;
  c.key = key;
  c.format.format = key.ends_with(".ion.gz") ? ddbexport::export_format::ion : ddbexport::export_format::dynamodb_json;
  c.format.incremental = key.starts_with("exports/AWSDynamoDB/data/");
  return c;
}

std::string written(const data_line& l, const line_format& f) {
  std::string out;
  ddbexport::container_output<std::string> o{out};
  CHECK(write_data_line(l, f, o));
  return out;
}

TEST_CASE("A-LINE-JSON A-ION-SYNTAX A-LINE-SHAPE A-AV: every golden data line reads clean and writes back byte for byte") {
  int lines = 0;
  for (const auto& object : artifacts_test::golden_objects()) {
    const std::string& key = object.first;
    const std::string& stored = object.second;
    if (!key.ends_with(".gz")) continue;
    const std::string content = artifacts_test::gunzip(stored);
    std::size_t start = 0;
    for (std::size_t lf; (lf = content.find('\n', start)) != std::string::npos; start = lf + 1) {
      const std::string_view text = std::string_view{content}.substr(start, lf - start);
      CAPTURE(key);
      CAPTURE(text);
      line_read r{text, context_for(key)};
      CHECK(r.findings.dump() == "");
      CHECK(r.status.values);
      CHECK(written(r.line, context_for(key).format) == std::string{text} + "\n");
      ++lines;
    }
  }
  CHECK(lines == 19);
}
}  // namespace

namespace {
data_line_context full_context(ddbexport::export_format f) {
  data_line_context c;
  c.key = "k";
  c.format.format = f;
  return c;
}

TEST_CASE("A-ION-SYNTAX A-ION-TYPE: ion-decoded.jsonl both directions (§6.6, §11.2)") {
  int pairs = 0;
  for (const auto& jsonl : artifacts_test::read_lines(artifacts_test::golden_dir / "ion-decoded.jsonl")) {
    detail::json_document doc;
    REQUIRE(doc.parse(jsonl, 16));
    const std::string ion{doc[doc.member(0, "ion")].text};
    const std::string json{doc[doc.member(0, "json")].text};
    CAPTURE(ion);
    const auto ion_format = full_context(ddbexport::export_format::ion);
    const auto json_format = full_context(ddbexport::export_format::dynamodb_json);
    line_read from_ion{ion, ion_format};
    CHECK(from_ion.findings.dump() == "");
    CHECK(written(from_ion.line, json_format.format) == json + "\n");
    line_read from_json{json, json_format};
    CHECK(from_json.findings.dump() == "");
    CHECK(written(from_json.line, ion_format.format) == ion + "\n");
    ++pairs;
  }
  CHECK(pairs == 6);
}
}  // namespace
