// The verifier on the golden exports and every case of cases.jsonl
// (ARTIFACTS.md §8, §11.2), with the edit operations of §11.3.
#include "ddbexport/artifacts/verify.hpp"

#include <doctest/doctest.h>

#include <set>

#include "bundle.hpp"
#include "ddbexport/artifacts/gzip.hpp"
#include "ddbexport/artifacts/report.hpp"
#include "support.hpp"

namespace {
using namespace artifacts_test;
namespace art = ddbexport::artifacts;
using art::detail::json_document;

std::set<std::string> ids(const std::vector<art::finding>& findings) {
  std::set<std::string> s;
  for (const auto& f : findings) s.emplace(art::id(f.rule));
  return s;
}

std::string dump(const art::verify_report& r) { return report_json(r); }

TEST_CASE("A-SUM-MISSING A-FILES-MISSING A-DATA-MISSING A-DATA-MD5 A-DATA-ETAG: every golden export verifies clean, files as listed") {
  int verified = 0;
  for (const auto& e : golden_exports()) {
    CAPTURE(e.name);
    const auto bundle = bundle_of(e);
    const auto& d = e.doc;
    const auto schema = key_schema_of(d, d.member(0, "keySchema"));
    description_holder description;
    art::verify_context c;
    c.key_schema = std::span<const art::key_attribute>{schema};
    c.description = description.read(e.describe_export);
    const auto r = art::verify_export(e.summary_key, bundle, c);
    CHECK_MESSAGE(r.valid(), dump(r));
    CHECK_MESSAGE(r.warnings.empty(), dump(r));
    CHECK(r.unchecked == std::vector<art::rule>{art::rule::etag_changed, art::rule::key_dup});
    std::vector<std::string> expected, got;
    d.for_each_child(d.member(0, "files"), [&](std::size_t i) {
      std::string text;
      ddbexport::container_output<std::string> o{text};
      d.write(i, o);
      expected.push_back(text);
    });
    for (const auto& f : r.files) {
      got.push_back("{\"key\":\"" + f.key + "\",\"itemCount\":" + std::to_string(f.item_count) + ",\"md5\":\"" +
                    std::string{art::to_text(f.md5)} + "\",\"etag\":\"" + std::string{art::to_text(f.etag)} + "\"}");
      CHECK(f.lines == static_cast<std::uint64_t>(f.item_count));
    }
    CHECK(got == expected);
    CHECK(r.sidecars.size() == 2);
    ++verified;
  }
  CHECK(verified == 4);
}

// ---- cases.jsonl --------------------------------------------------------------

struct applied_case {
  memory_bundle bundle;
  std::string summary_key;
};

void apply_edit(applied_case& a, const std::string& folder, const json_document& c, std::size_t edit) {
  auto& objects = a.bundle.objects;
  const auto text_of = [&](std::string_view name) { return std::string{c[c.member(edit, name)].text}; };
  const std::string op = text_of("op");
  const std::string key = text_of("key");
  CAPTURE(op);
  CAPTURE(key);
  const std::string files_key = folder + "manifest-files.json";
  if (op == "delete") {
    REQUIRE(objects.erase(key) == 1);
  } else if (op == "move") {
    auto node = objects.extract(key);
    REQUIRE(!node.empty());
    node.key() = text_of("to");
    objects.insert(std::move(node));
  } else if (op == "flip") {
    std::string& bytes = objects.at(key);
    const auto offset = std::stoul(std::string{c[c.member(edit, "offset")].text});
    bytes.at(offset) = static_cast<char>(bytes.at(offset) ^ std::stoi(std::string{c[c.member(edit, "xor")].text}));
  } else if (op == "truncate") {
    std::string& bytes = objects.at(key);
    bytes.resize(bytes.size() - std::stoul(std::string{c[c.member(edit, "remove")].text}));
  } else if (op == "put") {
    if (c.member(edit, "text") != json_document::npos) {
      objects[key] = text_of("text");
    } else {
      const std::string b64 = text_of("base64");
      std::string bytes(*ddbexport::detail::base64_decoded_size(b64), '\0');
      ddbexport::detail::decode_base64(b64, bytes.data());
      objects[key] = bytes;
    }
  } else if (op == "append") {
    objects.at(key) += text_of("text");
  } else if (op == "gzip") {
    objects[key] = gzip_of(text_of("text"));
  } else if (op == "set") {
    std::string& bytes = objects.at(key);
    bytes = set_members(bytes, c, c.member(edit, "members"), c.member(edit, "unset"));
  } else if (op == "entry") {
    edit_entry(a.bundle, files_key, key, c, c.member(edit, "members"), c.member(edit, "unset"));
  } else if (op == "rehash") {
    rehash(a.bundle, files_key, key);
  } else if (op == "resign") {
    resign(a.bundle, key);
  } else {
    FAIL("unknown edit operation " << op);
  }
}

TEST_CASE("every case of cases.jsonl yields exactly its rule sets (§11.2, §11.3)") {
  const auto exports = golden_exports();
  int cases = 0;
  std::set<std::string> seen_rules;
  for (const auto& line : read_lines(golden_dir / "cases.jsonl")) {
    json_document c;
    REQUIRE(c.parse(line, 64));
    const std::string name{c[c.member(0, "case")].text};
    CAPTURE(name);
    const std::string_view export_name = c[c.member(0, "export")].text;
    const golden_export* e = nullptr;
    for (const auto& g : exports)
      if (g.name == export_name) e = &g;
    REQUIRE(e != nullptr);
    applied_case a{bundle_of(*e), e->summary_key};
    const std::string folder = e->summary_key.substr(0, e->summary_key.size() - std::string_view{"manifest-summary.json"}.size());
    c.for_each_child(c.member(0, "edits"), [&](std::size_t i) { apply_edit(a, folder, c, i); });

    // Context: {KeySchema, Complete: true} overlaid by the case's.
    const std::size_t context = c.member(0, "context");
    const auto fact = [&](std::string_view n) { return c.member(context, n); };
    art::verify_context vc;
    auto schema = key_schema_of(e->doc, e->doc.member(0, "keySchema"));
    if (fact("KeySchema") != json_document::npos) {
      if (c[fact("KeySchema")].kind == art::detail::json_kind::null_literal)
        schema.clear();
      else
        schema = key_schema_of(c, fact("KeySchema"));
    }
    if (!schema.empty()) vc.key_schema = std::span<const art::key_attribute>{schema};
    if (fact("Complete") != json_document::npos) vc.complete = c[fact("Complete")].kind == art::detail::json_kind::true_literal;
    if (fact("TrackKeys") != json_document::npos) vc.track_keys = c[fact("TrackKeys")].kind == art::detail::json_kind::true_literal;
    if (fact("PartSize") != json_document::npos) vc.part_size = std::stoull(std::string{c[fact("PartSize")].text});
    std::vector<art::observed_etag> observed;
    if (fact("ObservedETags") != json_document::npos) {
      c.for_each_child(fact("ObservedETags"), [&](std::size_t i) { observed.push_back({c[i].name, c[i].text}); });
      vc.observed_etags = std::span<const art::observed_etag>{observed};
    }
    description_holder description;
    if (const auto d = fact("ExportDescription"); d != json_document::npos) {
      if (c[d].kind == art::detail::json_kind::true_literal) {
        vc.description = description.read(e->describe_export);
      } else if (c[d].kind == art::detail::json_kind::object) {
        std::string body = "{\"ExportDescription\":";
        ddbexport::container_output<std::string> o{body};
        c.write(d, o);
        vc.description = description.read(body + "}");
      }
    }
    const auto r = art::verify_export(a.summary_key, a.bundle, vc);
    std::set<std::string> violations, warnings;
    c.for_each_child(c.member(0, "violations"), [&](std::size_t i) { violations.emplace(c[i].text); });
    c.for_each_child(c.member(0, "warnings"), [&](std::size_t i) { warnings.emplace(c[i].text); });
    CHECK_MESSAGE(ids(r.violations) == violations, dump(r));
    CHECK_MESSAGE(ids(r.warnings) == warnings, dump(r));
    CHECK(r.valid() == violations.empty());
    for (const auto& f : r.violations) seen_rules.emplace(art::id(f.rule));
    for (const auto& f : r.warnings) seen_rules.emplace(art::id(f.rule));
    ++cases;
  }
  CHECK(cases == 101);
  MESSAGE(seen_rules.size() << " rule ids met in the cases");
}
}  // namespace

namespace {
TEST_CASE("A-DATA-MD5: validate(subject, context, sink) streams the findings the report holds") {
  const auto exports = golden_exports();
  auto bundle = bundle_of(exports.front());
  std::string& data = bundle.objects.at(exports.front().objects.at(2));
  data[4] = static_cast<char>(data[4] ^ 1);
  collect sink;
  const auto report = art::validate(art::export_at<memory_bundle>{exports.front().summary_key, bundle}, art::verify_context{}, sink);
  CHECK(sink.ids() == std::set<std::string>{"A-DATA-MD5", "A-DATA-ETAG"});
  CHECK(sink.all.size() == report.violations.size() + report.warnings.size());
}
}  // namespace

#include "ddbexport/artifacts/memory_bundle.hpp"
#include "zlib_support.hpp"

namespace {
TEST_CASE("A-DATA-FRAME A-DATA-COUNT A-GZIP: memory_bundle, with the caller's content or without") {
  const auto exports = golden_exports();
  const auto& e = exports.front();
  art::memory_bundle b;
  for (const auto& key : e.objects) b.objects.emplace(key, read_file(bucket_dir / key));
  const auto schema = key_schema_of(e.doc, e.doc.member(0, "keySchema"));
  art::verify_context c;
  c.key_schema = std::span<const art::key_attribute>{schema};
  // Without content: framing and checksums only; the content rules are unchecked.
  const auto bare = art::verify_export(e.summary_key, b, c);
  CHECK(bare.valid());
  CHECK(std::find(bare.unchecked.begin(), bare.unchecked.end(), art::rule::data_count) != bare.unchecked.end());
  for (const auto& f : bare.files) CHECK(f.lines == std::nullopt);
  // With the content the caller decompressed: everything, the trailer against it.
  for (const auto& key : e.objects)
    if (key.ends_with(".gz")) b.contents.emplace(key, gunzip(b.objects.at(key)));
  const auto full = art::verify_export(e.summary_key, b, c);
  CHECK(full.valid());
  CHECK(std::find(full.unchecked.begin(), full.unchecked.end(), art::rule::data_count) == full.unchecked.end());
  for (const auto& f : full.files) CHECK(f.lines == static_cast<std::uint64_t>(f.item_count));
  b.contents.begin()->second += "x";
  const auto wrong = art::verify_export(e.summary_key, b, c);
  CHECK(ids(wrong.violations) == std::set<std::string>{"A-DATA-FRAME", "A-GZIP", "A-LINE-JSON"});
}
}  // namespace
