// The verifier's paths the golden cases do not reach (ARTIFACTS.md §8): an
// ExportDescription lacking members, an A-FILES-SUM sum past 2^53 - 1, the
// per-file cap on line findings, an over-long data line, and which key rules
// a data file without content leaves unchecked.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "bundle.hpp"
#include "ddbexport/artifacts/verify.hpp"
#include "ddbexport/detail/number.hpp"
#include "support.hpp"
#include "zlib_support.hpp"

namespace {
using namespace artifacts_test;
namespace art = ddbexport::artifacts;

const golden_export& named(const std::vector<golden_export>& exports, std::string_view name) {
  for (const auto& e : exports)
    if (e.name == name) return e;
  fatal("no golden export " + std::string{name});
}

std::string folder_of(const golden_export& e) {
  return e.summary_key.substr(0, e.summary_key.size() - std::string_view{"manifest-summary.json"}.size());
}

/// `text` without the member `"name":value` (its value an object or a scalar)
/// and the comma that joined it to the next.
std::string without_member(std::string text, std::string_view name) {
  const std::string at = "\"" + std::string{name} + "\":";
  const std::size_t start = text.find(at);
  REQUIRE(start != std::string::npos);
  std::size_t end = start + at.size();
  if (text[end] == '{') {
    int depth = 0;
    do depth += text[end] == '{' ? 1 : text[end] == '}' ? -1 : 0;
    while (++end < text.size() && depth > 0);
  } else {
    while (text[end] != ',' && text[end] != '}') ++end;
  }
  if (text[end] == ',') ++end;
  else if (text[start - 1] == ',') return text.erase(start - 1, end - start + 1);
  return text.erase(start, end - start);
}

std::vector<const art::finding*> of_rule(const std::vector<art::finding>& findings, art::rule r) {
  std::vector<const art::finding*> out;
  for (const auto& f : findings)
    if (f.rule == r) out.push_back(&f);
  return out;
}

bool is_unchecked(const art::verify_report& r, art::rule x) {
  return std::find(r.unchecked.begin(), r.unchecked.end(), x) != r.unchecked.end();
}

art::verify_context schema_context(const golden_export& e, std::vector<art::key_attribute>& schema) {
  schema = key_schema_of(e.doc, e.doc.member(0, "keySchema"));
  art::verify_context c;
  c.key_schema = std::span<const art::key_attribute>{schema};
  return c;
}

TEST_CASE("A-DESC-STATUS A-DESC-MANIFEST: an ExportDescription without ExportStatus or ExportManifest") {
  const auto exports = golden_exports();
  const auto& e = named(exports, "full-json");
  auto bundle = bundle_of(e);
  std::vector<art::key_attribute> schema;
  auto c = schema_context(e, schema);
  description_holder description;
  c.description = description.read(without_member(without_member(e.describe_export, "ExportStatus"), "ExportManifest"));
  REQUIRE(!c.description->export_status);
  REQUIRE(!c.description->export_manifest);
  const auto r = art::verify_export(e.summary_key, bundle, c);
  const auto status = of_rule(r.violations, art::rule::desc_status);
  const auto manifest = of_rule(r.violations, art::rule::desc_manifest);
  REQUIRE(status.size() == 1);
  REQUIRE(manifest.size() == 1);
  CHECK(status[0]->message.find("absent") != std::string::npos);
  CHECK(manifest[0]->message.find("absent") != std::string::npos);
  CHECK(manifest[0]->message.find(e.summary_key) != std::string::npos);
  CHECK(of_rule(r.violations, art::rule::desc_field).empty());
  // No description at all: the three description rules are unchecked, not failed.
  c.description = nullptr;
  const auto bare = art::verify_export(e.summary_key, bundle, c);
  CHECK(bare.valid());
  for (art::rule x : {art::rule::desc_status, art::rule::desc_manifest, art::rule::desc_field}) CHECK(is_unchecked(bare, x));
}

TEST_CASE("A-DESC-FIELD: without ExportType, the description's type follows IncrementalExportSpecification") {
  const auto exports = golden_exports();
  // The full goldens' descriptions lack ExportType already; the incremental ones lose it here.
  for (const char* name : {"incr-nao", "incr-new"}) {
    CAPTURE(name);
    const auto& e = named(exports, name);
    auto bundle = bundle_of(e);
    std::vector<art::key_attribute> schema;
    auto c = schema_context(e, schema);
    description_holder description;
    c.description = description.read(without_member(e.describe_export, "ExportType"));
    REQUIRE(!c.description->export_type);
    const auto r = art::verify_export(e.summary_key, bundle, c);
    CHECK_MESSAGE(r.valid(), report_json(r));
  }
  // An incremental export described with neither: a full one, so its version and type disagree.
  const auto& e = named(exports, "incr-nao");
  auto bundle = bundle_of(e);
  std::vector<art::key_attribute> schema;
  auto c = schema_context(e, schema);
  description_holder description;
  c.description = description.read(without_member(without_member(e.describe_export, "ExportType"), "IncrementalExportSpecification"));
  REQUIRE(!c.description->incremental_export_specification);
  const auto r = art::verify_export(e.summary_key, bundle, c);
  const auto fields = of_rule(r.violations, art::rule::desc_field);
  std::set<std::string> paths;
  for (const auto* f : fields) {
    paths.insert(f->path);
    CHECK_MESSAGE(f->message.find(to_wire(ddbexport::export_type::full_export)) != std::string::npos, f->message);
  }
  CHECK(paths == std::set<std::string>{"ExportDescription.ExportType"});
  CHECK(fields.size() == 2);
}

TEST_CASE("A-FILES-SUM: item counts whose sum passes 2^53 - 1") {
  const auto exports = golden_exports();
  const auto& e = named(exports, "full-json");
  auto bundle = bundle_of(e);
  const std::string files_key = folder_of(e) + "manifest-files.json";
  const std::string most = std::to_string(ddbexport::detail::max_safe_integer);
  json_document edit;
  const std::string edit_text = "{\"members\":{\"itemCount\":" + most + "},\"unset\":[]}";
  REQUIRE(edit.parse(edit_text, 8));
  int edited = 0;
  for (const auto& key : e.objects)
    if (key.ends_with(".json.gz") && edited < 2) {
      edit_entry(bundle, files_key, key, edit, edit.member(0, "members"), edit.member(0, "unset"));
      ++edited;
    }
  REQUIRE(edited == 2);
  std::vector<art::key_attribute> schema;
  const auto r = art::verify_export(e.summary_key, bundle, schema_context(e, schema));
  const auto sum = of_rule(r.violations, art::rule::files_sum);
  REQUIRE(sum.size() == 1);
  CHECK_MESSAGE(sum[0]->message.find("more than " + most) != std::string::npos, sum[0]->message);
  // One entry at 2^52: the sum is exact, and still not the summary's.
  bundle = bundle_of(e);
  json_document half;
  const std::string half_text = "{\"members\":{\"itemCount\":" + std::to_string(std::int64_t{1} << 52) + "},\"unset\":[]}";
  REQUIRE(half.parse(half_text, 8));
  edit_entry(bundle, files_key, e.objects.at(1), half, half.member(0, "members"), half.member(0, "unset"));
  const auto one = art::verify_export(e.summary_key, bundle, schema_context(e, schema));
  const auto exact = of_rule(one.violations, art::rule::files_sum);
  REQUIRE(exact.size() == 1);
  CHECK(exact[0]->message.find("more than") == std::string::npos);
}

/// The bundle with its longest data file's lines rewritten by `edit`
/// (content and checksums consistent again); returns that file's key.
template <class Edit>
std::string rewrite_lines(const golden_export& e, memory_bundle& bundle, Edit edit, std::size_t& lines) {
  const std::string files_key = folder_of(e) + "manifest-files.json";
  std::string key, content;
  for (const auto& k : e.objects)
    if (k.ends_with(".json.gz"))
      if (std::string text = gunzip(bundle.objects.at(k)); text.size() > content.size()) key = k, content = std::move(text);
  std::string out;
  lines = 0;
  for (std::size_t start = 0; start < content.size();) {
    const std::size_t lf = content.find('\n', start);
    out += edit(content.substr(start, lf - start)) + "\n";
    ++lines;
    start = lf + 1;
  }
  bundle.objects[key] = gzip_of(out);
  rehash(bundle, files_key, key);
  return key;
}

TEST_CASE("A-LINE-SHAPE: line findings are kept up to max_line_findings_per_file, at least one") {
  const auto exports = golden_exports();
  const auto& e = named(exports, "full-json");
  auto bundle = bundle_of(e);
  std::size_t lines = 0;
  const std::string key = rewrite_lines(e, bundle, [](std::string line) {
    const std::size_t item = line.find("\"Item\":");
    REQUIRE(item != std::string::npos);
    return line.replace(item, 7, "\"Iten\":");
  }, lines);
  REQUIRE(lines >= 3);
  std::vector<art::key_attribute> schema;
  auto c = schema_context(e, schema);
  const auto in_file = [&](const art::verify_report& r) {
    std::size_t n = 0;
    for (const auto& f : r.violations) n += f.path.starts_with(key) && f.rule == art::rule::line_shape;
    return n;
  };
  const auto all = art::verify_export(e.summary_key, bundle, c);
  // Two per line: Item is missing, and Iten is no member a line may hold.
  CHECK(in_file(all) == 2 * lines);
  c.max_line_findings_per_file = 2;
  CHECK(in_file(art::verify_export(e.summary_key, bundle, c)) == 2);
  c.max_line_findings_per_file = 0;
  const auto capped = art::verify_export(e.summary_key, bundle, c);
  CHECK(in_file(capped) == 1);
  CHECK(!capped.valid());
}

TEST_CASE("A-LINE-JSON A-ION-SYNTAX: a data line longer than data_line_bytes is reported at the limit") {
  const auto exports = golden_exports();
  for (const char* name : {"full-json", "full-ion"}) {
    CAPTURE(name);
    const auto& e = named(exports, name);
    auto bundle = bundle_of(e);
    std::vector<art::key_attribute> schema;
    auto c = schema_context(e, schema);
    c.limits.data_line_bytes = 24;
    const auto r = art::verify_export(e.summary_key, bundle, c);
    const art::rule expected = std::string_view{name} == "full-ion" ? art::rule::ion_syntax : art::rule::line_json;
    const auto over = of_rule(r.violations, expected);
    REQUIRE(!over.empty());
    for (const auto* f : over) {
      CHECK(f->offset.has_value());
      CHECK_MESSAGE(f->message.find("longer than 24 bytes") != std::string::npos, f->message);
    }
    // Every other rule a line could break stays quiet: the lines were not read.
    CHECK(of_rule(r.violations, art::rule::line_shape).empty());
    CHECK(of_rule(r.violations, art::rule::key_missing).empty());
  }
}

TEST_CASE("A-KEY-MISSING A-KEY-TYPE A-KEY-DUP A-KEY-EXTRA: unchecked for a data file without content") {
  const auto exports = golden_exports();
  for (const char* name : {"full-json", "incr-nao"}) {
    const auto& e = named(exports, name);
    const bool incremental = std::string_view{name} != "full-json";
    for (const bool with_schema : {false, true})
      for (const bool track : {false, true})
        for (const bool inflate : {false, true}) {
          CAPTURE(name);
          CAPTURE(with_schema);
          CAPTURE(track);
          CAPTURE(inflate);
          auto bundle = bundle_of(e);
          bundle.inflate = inflate;
          std::vector<art::key_attribute> schema = key_schema_of(e.doc, e.doc.member(0, "keySchema"));
          art::verify_context c;
          if (with_schema) c.key_schema = std::span<const art::key_attribute>{schema};
          c.track_keys = track;
          const auto r = art::verify_export(e.summary_key, bundle, c);
          CHECK_MESSAGE(r.valid(), report_json(r));
          // With content, a key rule is checked exactly when its facts are given.
          const bool checked_keys = inflate && with_schema;
          CHECK(is_unchecked(r, art::rule::key_missing) == !checked_keys);
          CHECK(is_unchecked(r, art::rule::key_type) == !checked_keys);
          CHECK(is_unchecked(r, art::rule::key_dup) == !(inflate && track && (incremental || with_schema)));
          if (incremental) CHECK(is_unchecked(r, art::rule::key_extra) == !checked_keys);
          CHECK(is_unchecked(r, art::rule::data_count) == !inflate);
          CHECK(is_unchecked(r, art::rule::line_shape) == !inflate);
          CHECK(is_unchecked(r, art::rule::inc_wts) == (incremental && !inflate));
        }
  }
}
}  // namespace
