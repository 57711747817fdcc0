// manifest-files.json read directly (ARTIFACTS.md §4, §7.3): every member of
// files_members absent and of each wrong JSON type, itemCount's range, every
// prefix of a golden line, ill-formed UTF-8 at the end of the text, a short
// arena, and what on_line hands over.
#include <doctest/doctest.h>

#include "ddbexport/artifacts/files_manifest.hpp"
#include "support.hpp"

namespace {
using namespace ddbexport::artifacts;
using artifacts_test::collect;

constexpr std::string_view key = "exports/AWSDynamoDB/01777886127318-458ecad7/manifest-files.json";

/// Reads its own copy of the text: the entries' strings view it.
struct manifest_read {
  std::string text;
  collect findings;
  files_manifest_status status;
  std::vector<files_line> lines;
  std::vector<std::string> keys;  ///< copies: views may point into the arena
  detail::text_storage storage;
  explicit manifest_read(std::string_view t, artifact_limits limits = {}) : text(t), storage(text.size()) {
    status = read_files_manifest(text, storage.arena(), files_read_context{key, limits}, findings, [&](const files_line& l) {
      lines.push_back(l);
      keys.emplace_back(l.data_file_s3_key.value_or("<none>"));
    });
  }
};

/// The first line of the golden full export's manifest, as (name, value text) pairs.
std::vector<std::pair<std::string, std::string>> golden_line() {
  const std::string text = artifacts_test::read_file(artifacts_test::bucket_dir / key);
  detail::json_document doc;
  REQUIRE(doc.parse(std::string_view{text}.substr(0, text.find('\n')), 8));
  std::vector<std::pair<std::string, std::string>> out;
  doc.for_each_child(0, [&](std::size_t i) {
    std::string v;
    ddbexport::container_output<std::string> o{v};
    doc.write(i, o);
    out.emplace_back(std::string{doc[i].name}, v);
  });
  return out;
}

std::string line_of(const std::vector<std::pair<std::string, std::string>>& members, std::string_view skip = {},
                    std::string_view replace = {}) {
  std::string out = "{";
  for (const auto& [name, value] : members) {
    if (name == skip && replace.empty()) continue;
    out += (out.size() > 1 ? ",\"" : "\"") + name + "\":" + (name == skip ? std::string{replace} : value);
  }
  return out + "}\n";
}

TEST_CASE("A-FILES-ENTRY: every member absent, and of every wrong JSON type; the line gives no entry") {
  const auto golden = golden_line();
  {
    manifest_read clean{line_of(golden)};
    REQUIRE(clean.findings.all.empty());
    REQUIRE(clean.lines.size() == 1);
    CHECK(clean.lines[0].entry);
    CHECK(clean.lines[0].etag_form);
    CHECK(clean.status.entries == 1);
    CHECK(clean.status.json_and_entries);
  }
  for_each_files_member([&](const auto& m) {
    CAPTURE(m.name);
    const bool integer = std::is_same_v<std::remove_cvref_t<decltype(std::declval<files_entry>().*(m.field))>, std::int64_t>;
    const std::string why_type = integer ? "is not an integer from 0 to 9007199254740991" : "is not a string";
    std::vector<std::pair<std::string, std::string>> cases{{"", "is missing"}};
    for (const char* v : {"null", "true", "{}", "[1]"}) cases.emplace_back(v, why_type);
    cases.emplace_back(integer ? "\"1\"" : "1", why_type);
    if (integer)
      for (const char* v : {"-1", "1.5", "2e0", "9007199254740992", "-0.0"}) cases.emplace_back(v, why_type);
    for (const auto& one : cases) {
      const std::string& value = one.first;  // not a structured binding: CAPTURE's lambda takes it
      const std::string& why = one.second;
      CAPTURE(value);
      manifest_read r{line_of(golden, m.name, value)};
      REQUIRE_MESSAGE(r.findings.all.size() == 1, r.findings.dump());
      const finding& f = r.findings.all[0];
      CHECK(id(f.rule) == std::string{"A-FILES-ENTRY"});
      CHECK(f.path == std::string{key} + ":1#" + std::string{m.name});
      CHECK(f.message == "manifest-files.json line 1: " + std::string{m.name} + " " + why);
      CHECK(f.offset.has_value() == !value.empty());  // a value's offset; none for an absent member
      REQUIRE(r.lines.size() == 1);
      CHECK_FALSE(r.lines[0].entry);
      CHECK(r.status.entries == 0);
      CHECK_FALSE(r.status.json_and_entries);
      // A-OBJ-EXTRA still counts a string dataFileS3Key; A-ETAG-FORM still judges a string etag.
      CHECK(r.lines[0].data_file_s3_key.has_value() == (m.name != files_name(&files_entry::data_file_s3_key)));
      CHECK(r.lines[0].etag_form == (m.name != files_name(&files_entry::etag)));
    }
  });
  manifest_read top{line_of(golden, files_name(&files_entry::item_count), "9007199254740991")};
  CHECK(top.findings.all.empty());
  CHECK(top.lines.at(0).value.item_count == 9007199254740991);
}

TEST_CASE("A-FILES-LINE: every proper prefix of a line fails the JSON test; a cut line without LF says so too") {
  const std::string line = line_of(golden_line());
  for (std::size_t n = 1; n + 1 < line.size(); ++n) {
    CAPTURE(n);
    manifest_read r{line.substr(0, n) + "\n"};
    REQUIRE(r.findings.all.size() == 1);
    CHECK(id(r.findings.all[0].rule) == std::string{"A-FILES-LINE"});
    CHECK(r.findings.all[0].message.starts_with("manifest-files.json line 1: not a JSON object: "));
    CHECK(r.lines.empty());
    CHECK_FALSE(r.status.json_and_entries);
    CHECK(r.status.line_findings);
    manifest_read cut{std::string_view{line}.substr(0, n)};
    REQUIRE(cut.findings.all.size() == 2);
    CHECK(cut.findings.all[0].message == "manifest-files.json line 1: the text does not end with LF");
    CHECK(cut.findings.all[0].offset == n);
  }
  // Not an object at all, and more than one value.
  for (std::string_view text : {"[]\n", "\"x\"\n", "{} {}\n", "1\n"}) {
    manifest_read r{text};
    CAPTURE(text);
    CHECK(r.findings.ids() == std::set<std::string>{"A-FILES-LINE"});
  }
  manifest_read empty{""};
  CHECK(empty.findings.all.empty());
  CHECK(empty.status.entries == 0);
  CHECK(empty.status.json_and_entries);
}

TEST_CASE("A-FILES-LINE: the text is not UTF-8 at its last byte, at the line that holds the sequence") {
  const std::string line = line_of(golden_line());
  for (std::string_view bad : {"\xC3", "\xE2\x82", "\xF0\x9F\x98", "\xFF", "\xED\xA0\x80", "\xC0\xAF"}) {
    manifest_read r{line + line + std::string{bad}};
    CAPTURE(bad.size());
    REQUIRE(r.findings.all.size() == 1);
    CHECK(r.findings.all[0].path == std::string{key} + ":3");
    CHECK(r.findings.all[0].offset == 2 * line.size());
    CHECK(r.lines.empty());
    CHECK_FALSE(r.status.utf8);
  }
  manifest_read ok{line + "{\"x\":\"\xE2\x82\xAC\"}\n"};
  CHECK(ok.status.utf8);
  CHECK(ok.findings.ids() == std::set<std::string>{"A-FILES-ENTRY", "A-FILES-UNKNOWN"});
}

TEST_CASE("A-FILES-LINE: a line over the limit is not parsed; a blank one gives nothing else; a CR and an unknown member") {
  const std::string line = line_of(golden_line());
  artifact_limits limits;
  limits.manifest_line_bytes = line.size() - 1;  // the LF is not counted
  manifest_read at_limit{line, limits};
  CHECK(at_limit.findings.all.empty());
  limits.manifest_line_bytes = line.size() - 2;
  manifest_read over{line + line, limits};
  REQUIRE(over.findings.all.size() == 2);
  CHECK(over.findings.all[1].message == "manifest-files.json line 2: longer than " + std::to_string(line.size() - 2) + " bytes");
  CHECK(over.findings.all[1].offset == line.size() + line.size() - 2);
  CHECK(over.lines.empty());
  CHECK_FALSE(over.status.json_and_entries);
  manifest_read blank{line + "\t \r\n" + line};
  CHECK(blank.findings.all.size() == 1);
  CHECK(blank.findings.all.at(0).message == "manifest-files.json line 2: blank line");
  CHECK(blank.lines.size() == 2);
  CHECK(blank.status.json_and_entries);
  std::string with_cr = line;
  with_cr.insert(with_cr.size() - 2, ",\"size\":1\r");
  manifest_read cr{with_cr};
  REQUIRE(cr.findings.all.size() == 2);
  CHECK(cr.findings.all[0].message == "manifest-files.json line 1: holds a CR");
  CHECK(cr.findings.all[0].offset == with_cr.size() - 3);
  CHECK(cr.findings.all[1].message == "manifest-files.json line 1: unknown member size is ignored");
  CHECK(cr.lines.at(0).entry);
}

TEST_CASE("A-FILES-ENTRY: escaped strings are decoded; a short arena is an A-FILES-LINE, not an overrun") {
  const auto golden = golden_line();
  const std::string escaped = line_of(golden, files_name(&files_entry::data_file_s3_key), "\"exports/\\u0041.json.gz\"");
  manifest_read r{escaped};
  CHECK(r.findings.all.empty());
  CHECK(r.keys.at(0) == "exports/A.json.gz");
  std::array<std::byte, 2> tiny{};
  ddbexport::json::arena storage{std::span<std::byte>{tiny}};
  collect findings;
  std::size_t lines = 0;
  const auto status = read_files_manifest(escaped, storage, files_read_context{key, {}}, findings,
                                          [&](const files_line& l) { lines += l.entry ? 1 : 0; });
  CHECK(findings.ids() == std::set<std::string>{"A-FILES-LINE"});
  CHECK(findings.all.at(0).message == "manifest-files.json line 1: reader storage exhausted");
  CHECK(lines == 0);
  CHECK(status.entries == 0);
}

TEST_CASE("A-ETAG-FORM: quoted etags lose one pair of quotes; other forms fail at the etag's offset") {
  const auto golden = golden_line();
  std::string etag;
  for (const auto& [name, value] : golden)
    if (name == files_name(&files_entry::etag)) etag = value.substr(1, value.size() - 2);
  REQUIRE(!etag.empty());
  manifest_read quoted{line_of(golden, files_name(&files_entry::etag), "\"\\\"" + etag + "\\\"\"")};
  CHECK(quoted.findings.all.empty());
  CHECK(quoted.lines.at(0).etag_form);
  for (const std::string& bad : {std::string{"\"\""}, "\"\\\"\\\"" + etag + "\\\"\\\"\"", "\"" + etag + "-0\"", "\"" + etag.substr(0, 32) + "-10001\""}) {
    CAPTURE(bad);
    const std::string text = line_of(golden, files_name(&files_entry::etag), bad);
    manifest_read r{text};
    REQUIRE(r.findings.all.size() == 1);
    CHECK(id(r.findings.all[0].rule) == std::string{"A-ETAG-FORM"});
    CHECK(r.findings.all[0].offset == text.find(bad));
    CHECK(r.lines.at(0).entry);  // the entry stands; only its etag is unverifiable
    CHECK_FALSE(r.lines.at(0).etag_form);
  }
}

TEST_CASE("A-FILES-ENTRY: the writer's line reads back to the same entry") {
  files_entry e{7, "BVW8yTS/cDiIh7sMDPj3JA==", "95d7f106df93b14ffe844631da89b610-1", "k\"\x01/\xC3\xA9"};
  std::string text;
  ddbexport::container_output<std::string> o{text};
  write_files_manifest(std::span<const files_entry>{&e, 1}, o);
  manifest_read r{text};
  CHECK(r.findings.all.empty());
  REQUIRE(r.lines.size() == 1);
  CHECK(r.lines[0].value.item_count == 7);
  CHECK(r.lines[0].value.md5_checksum == e.md5_checksum);
  CHECK(r.lines[0].value.etag == e.etag);
  CHECK(r.keys[0] == e.data_file_s3_key);
}
}  // namespace
