// Data lines: DYNAMODB_JSON full and incremental, ION (ARTIFACTS.md §6, §7.5).
#include "ddbexport/artifacts/data_line.hpp"

#include <doctest/doctest.h>

#include "line_read.hpp"
#include "zlib_support.hpp"

namespace {
using namespace ddbexport::artifacts;
using artifacts_test::collect;

using artifacts_test::line_read;

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

namespace {
std::set<std::string> json_line_rules(std::string_view line, bool incremental = false,
                                      std::optional<ddbexport::export_view_type> view = std::nullopt) {
  data_line_context c;
  c.key = "k";
  c.format.incremental = incremental;
  c.view = view;
  line_read r{line, c};
  return r.findings.ids();
}
std::string with(std::string_view av) { return "{\"Item\":{\"pk\":{\"S\":\"x\"},\"v\":" + std::string{av} + "}}"; }

TEST_CASE("A-AV: §6.4's rules on DYNAMODB_JSON values") {
  for (std::string av : {"{\"S\":\"a\",\"N\":null}", "{\"S\":\"a\",\"N\":\"1\"}", "{}", "{\"X\":\"1\"}", "\"a\"", "null",
                         "{\"NULL\":false}", "{\"NULL\":\"true\"}", "{\"BOOL\":1}", "{\"SS\":[]}", "{\"SS\":[\"a\",\"a\"]}",
                         "{\"NS\":[\"1\",\"1.0\"]}", "{\"BS\":[\"AAE=\",\"AAF=\"]}", "{\"N\":\"abc\"}", "{\"N\":1}",
                         "{\"NS\":[\"1e126\"]}", "{\"S\":\"\\ud800\"}", "{\"SS\":[\"\\udfff\"]}", "{\"L\":[null]}",
                         "{\"M\":{\"k\":null}}", "{\"M\":{\"\\ud800\":{\"S\":\"x\"}}}", "{\"B\":\"AAE\"}", "{\"B\":\"AA-_\"}",
                         "{\"SS\":[1]}", "{\"L\":{}}", "{\"M\":[]}"}) {
    CAPTURE(av);
    CHECK(json_line_rules(with(av)) == std::set<std::string>{"A-AV"});
  }
  for (std::string av : {"{\"M\":{\"\":{\"S\":\"empty keys are allowed\"}}}", "{\"S\":\"\\ud83d\\ude00\"}", "{\"B\":\"\"}",
                         "{\"NS\":[\"1\",\"2\"]}", "{\"BS\":[\"AAE=\",\"AAI=\"]}", "{\"NULL\":true}", "{\"N\":\"-0\"}"}) {
    CAPTURE(av);
    CHECK(json_line_rules(with(av)).empty());
  }
}

TEST_CASE("A-AV: sets past 16 elements (the hashed duplicate check) and long texts (the scanned surrogate check)") {
  const auto set_of = [](std::string_view type, std::size_t n, std::string_view last) {
    std::string av = "{\"" + std::string{type} + "\":[";
    for (std::size_t i = 0; i < n; ++i) av += "\"" + std::to_string(i + 2) + "\",";
    return av + "\"" + std::string{last} + "\"]}";
  };
  CHECK(json_line_rules(with(set_of("SS", 20, "22"))).empty());
  CHECK(json_line_rules(with(set_of("SS", 20, "7"))) == std::set<std::string>{"A-AV"});
  CHECK(json_line_rules(with(set_of("NS", 40, "1"))).empty());
  CHECK(json_line_rules(with(set_of("NS", 40, "7.000"))) == std::set<std::string>{"A-AV"});  // 7 by value
  CHECK(json_line_rules(with(set_of("NS", 40, "-7"))).empty());
  CHECK(json_line_rules(with(set_of("NS", 40, "7e0x"))) == std::set<std::string>{"A-AV"});   // not a number
  // An encoded surrogate is the lead byte ED with a second byte from A0; ED 95 9C (U+D55C) is a letter.
  CHECK(json_line_rules(with("{\"S\":\"long text, then \\ud800 alone\"}")) == std::set<std::string>{"A-AV"});
  CHECK(json_line_rules(with("{\"S\":\"long text with \\ud55c and \\ud83d\\ude00\"}")).empty());
  CHECK(json_line_rules(with("{\"SS\":[\"x\", \"long text, \\ud55c then \\udbff\"]}")) == std::set<std::string>{"A-AV"});
}

TEST_CASE("A-LINE-JSON: a repeated member name in an object past 16 members (the hashed name check)") {
  std::string item = "{\"Item\":{";
  for (int i = 0; i < 20; ++i) item += "\"a" + std::to_string(i) + "\":{\"S\":\"x\"},";
  CHECK(json_line_rules(item + "\"a20\":{\"S\":\"x\"}}}").empty());
  CHECK_FALSE(json_line_rules(item + "\"a17\":{\"S\":\"x\"}}}").empty());
  CHECK_FALSE(json_line_rules(item + "\"a3\":{\"S\":\"x\"}}}").empty());
}

TEST_CASE("A-AV A-LINE-JSON: unknown type names of each length, and bad escapes after the first escape of a text") {
  for (std::string av : {"{\"SX\":[\"a\"]}", "{\"XS\":[\"a\"]}", "{\"NULX\":true}", "{\"BOOLS\":true}"}) {
    CAPTURE(av);
    CHECK(json_line_rules(with(av)) == std::set<std::string>{"A-AV"});
  }
  // Each text has a good escape first, so the fault is met while decoding.
  for (std::string line : {"{\"Item\":{\"pk\":{\"S\":\"\\n\\x\"}}}", "{\"Item\":{\"pk\":{\"S\":\"\\n\\u12G4\"}}}",
                           "{\"Item\":{\"pk\":{\"S\":\"\\n\x01\"}}}", "{\"Item\":{\"pk\":{\"S\":\"\\n\xC0\xAF\"}}}",
                           "{\"Item\":{\"pk\":{\"S\":\"\\n\\u12", "{\"Item\":{\"pk\":{\"S\":\"\\n\\u1x",
                           "{\"Item\":{\"pk\":{\"S\":\"\\n\\"}) {
    CAPTURE(line);
    CHECK(json_line_rules(line) == std::set<std::string>{"A-LINE-JSON"});
  }
  CHECK(json_line_rules("{\"Item\":{\"pk\":{\"S\":\"\\n\\b\\f\\r\\t\\/\\\\\\\"\\u00e9 caf\xC3\xA9\"}}}").empty());
}

TEST_CASE("A-ATTR-NAME: empty, over 65535 bytes, or an unpaired surrogate at the top of an image") {
  CHECK(json_line_rules("{\"Item\":{\"\":{\"S\":\"x\"}}}") == std::set<std::string>{"A-ATTR-NAME"});
  CHECK(json_line_rules("{\"Item\":{\"\\udc00\":{\"S\":\"x\"}}}") == std::set<std::string>{"A-ATTR-NAME"});
  CHECK(json_line_rules("{\"Item\":{\"" + std::string(65536, 'n') + "\":{\"S\":\"x\"}}}") == std::set<std::string>{"A-ATTR-NAME"});
  CHECK(json_line_rules("{\"Item\":{\"" + std::string(65535, 'n') + "\":{\"S\":\"x\"}}}").empty());
}

TEST_CASE("A-LINE-SHAPE A-LINE-JSON: full lines and incremental records") {
  const std::string meta = "\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1\"}}";
  const std::string keys = "\"Keys\":{\"pk\":{\"S\":\"x\"}}";
  for (std::string line : {std::string{"{}"}, std::string{"{\"Item\":[]}"}, std::string{"{\"Item\":null}"},
                           std::string{"{\"Item\":{},\"More\":{}}"}, std::string{"{\"item\":{}}"}})
    CHECK_MESSAGE(json_line_rules(line) == std::set<std::string>{"A-LINE-SHAPE"}, line);
  for (std::string line : {"{" + keys + "}", "{" + meta + "}", "{\"Metadata\":{\"WriteTimestampMicros\":1}," + keys + "}",
                           "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"01\"}}," + keys + "}",
                           "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1\"},\"x\":1}," + keys + "}",
                           "{\"Metadata\":{\"WriteTimestampMicros\":{\"S\":\"1\"}}," + keys + "}",
                           "{" + meta + ",\"Keys\":{}}", "{" + meta + "," + keys + ",\"NewImage\":null}",
                           "{" + meta + "," + keys + ",\"Item\":{}}"})
    CHECK_MESSAGE(json_line_rules(line, true) == std::set<std::string>{"A-LINE-SHAPE"}, line);
  CHECK(json_line_rules("{" + meta + "," + keys + "}", true).empty());
  for (std::string line : {"", " ", "[]", "{\"Item\":{}} x", "\xEF\xBB\xBF{\"Item\":{}}", "{\"Item\":{},\"Item\":{}}",
                           "{\"Item\":{\"a\":{\"S\":\"1\",\"S\":\"2\"}}}", "{'Item':{}}"})
    CHECK_MESSAGE(json_line_rules(line) == std::set<std::string>{"A-LINE-JSON"}, line);
  std::string deep = "{\"Item\":{\"a\":";
  for (int i = 0; i < 70; ++i) deep += "{\"L\":[";
  CHECK(json_line_rules(deep + std::string(70, ']')) == std::set<std::string>{"A-LINE-JSON"});
}

TEST_CASE("A-LINE-VIEW: §6.3's classification by the images present and the view") {
  using ddbexport::export_view_type;
  CHECK(classify(false, true, export_view_type::new_and_old_images) == change_kind::insert);
  CHECK(classify(true, true, export_view_type::new_and_old_images) == change_kind::modify);
  CHECK(classify(true, false, export_view_type::new_and_old_images) == change_kind::remove);
  CHECK(classify(false, false, export_view_type::new_and_old_images) == std::nullopt);
  CHECK(classify(false, true, export_view_type::new_image) == change_kind::put);
  CHECK(classify(false, false, export_view_type::new_image) == change_kind::remove);
  CHECK(classify(true, true, export_view_type::new_image) == std::nullopt);
  CHECK(classify(true, false, export_view_type::new_image) == std::nullopt);
  const std::string record = "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1\"}},\"Keys\":{\"pk\":{\"S\":\"x\"}},\"OldImage\":{\"pk\":{\"S\":\"x\"}}}";
  CHECK(json_line_rules(record, true, export_view_type::new_image) == std::set<std::string>{"A-LINE-VIEW"});
  CHECK(json_line_rules(record, true, export_view_type::new_and_old_images).empty());
}

TEST_CASE("A-LINE-JSON: a record's members written in §6.3's order whatever order they were read in") {
  const std::string read = "{\"NewImage\":{\"b\":{\"S\":\"2\"},\"a\":{\"S\":\"1\"}},\"Keys\":{\"a\":{\"S\":\"1\"}},"
                           "\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"7\"}}}";
  data_line_context c;
  c.key = "k";
  c.format.incremental = true;
  line_read r{read, c};
  REQUIRE(r.findings.all.empty());
  CHECK(written(r.line, c.format) ==
        "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"7\"}},\"Keys\":{\"a\":{\"S\":\"1\"}},\"NewImage\":{\"b\":{\"S\":\"2\"},\"a\":{\"S\":\"1\"}}}\n");
  CHECK(written(r.line, {ddbexport::export_format::ion, true}) ==
        "$ion_1_0 {Metadata:{WriteTimestampMicros:7.},Keys:{a:\"1\"},NewImage:{b:\"2\",a:\"1\"}}\n");
}
}  // namespace

namespace {
TEST_CASE("A-INC-KEYS-IMAGE A-KEY-EXTRA: a record with 60000 Keys and as many image attributes stays linear") {
  std::string keys, image;
  for (int i = 0; i < 60000; ++i) {
    const std::string entry = "\"k" + std::to_string(i) + "\":{\"S\":\"v\"}";
    keys += (i == 0 ? "" : ",") + entry;
    image += (i == 0 ? "" : ",") + entry;
  }
  const std::string line = "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1\"}},\"Keys\":{" + keys + "},\"NewImage\":{" + image +
                           ",\"k60000\":{\"S\":\"other\"}}}";
  data_line_context c;
  c.key = "k";
  c.format.incremental = true;
  line_read r{line, c};
  CHECK(r.findings.all.empty());
  CHECK(r.line.keys.size() == 60000);
}
}  // namespace
