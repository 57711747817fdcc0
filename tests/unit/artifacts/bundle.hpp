// An in-memory bundle for the verifier tests, with zlib as the inflater, and
// the golden exports and cases of golden/artifacts (ARTIFACTS.md §11).
#ifndef DDBEXPORT_TESTS_UNIT_ARTIFACTS_BUNDLE_HPP
#define DDBEXPORT_TESTS_UNIT_ARTIFACTS_BUNDLE_HPP

#include <map>
#include <set>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/artifacts/gzip.hpp"
#include "ddbexport/artifacts/report.hpp"
#include "ddbexport/artifacts/verify.hpp"
#include "ddbexport/json/reader.hpp"
#include "support.hpp"
#include "verify/zlib_feed.hpp"

namespace artifacts_test {

namespace art = ddbexport::artifacts;

/// key -> stored bytes; data files are streamed in chunks of `chunk` bytes.
struct memory_bundle {
  std::map<std::string, std::string, std::less<>> objects;
  std::size_t chunk = 7;
  bool inflate = true;

  [[nodiscard]] std::optional<std::string_view> object(std::string_view key) const {
    const auto it = objects.find(key);
    if (it == objects.end()) return std::nullopt;
    return std::string_view{it->second};
  }
  bool data_file(std::string_view key, art::data_file_feed& feed) const {
    const auto bytes = object(key);
    if (!bytes) return false;
    if (!inflate) {
      for (std::size_t at = 0; at < bytes->size(); at += chunk) (void)feed.stored(bytes->substr(at, chunk));
      feed.end({art::inflate_end::not_inflated, 0});
      return true;
    }
    ddbexport_verify::zlib_feed z{feed};
    for (std::size_t at = 0; at < bytes->size(); at += chunk) z.stored(bytes->substr(at, chunk));
    z.finish();
    return true;
  }
  template <class F>
  void keys_under(std::string_view prefix, F&& f) const {
    for (auto it = objects.lower_bound(prefix); it != objects.end() && it->first.starts_with(prefix); ++it) f(it->first);
  }
};

/// A bundle that does not list its keys (A-OBJ-EXTRA is then unchecked).
struct lookup_bundle {
  const memory_bundle* inner;
  [[nodiscard]] std::optional<std::string_view> object(std::string_view key) const { return inner->object(key); }
  bool data_file(std::string_view key, art::data_file_feed& feed) const { return inner->data_file(key, feed); }
};

inline std::string report_json(const art::verify_report& r) {
  std::string out;
  ddbexport::container_output<std::string> o{out};
  art::write_report(r, o);
  return out;
}

/// One line of exports.jsonl, parsed.
struct golden_export {
  std::string name;
  std::string summary_key;
  std::vector<std::string> objects;
  std::vector<std::string> key_names;
  std::vector<art::key_attribute> key_schema;
  std::string describe_export;  ///< the DescribeExport output body
  std::string line;             ///< the raw exports.jsonl line (views point into it)
  art::detail::json_document doc;
};

inline std::vector<golden_export> golden_exports() {
  std::vector<golden_export> out;
  for (const auto& line : read_lines(golden_dir / "exports.jsonl")) out.emplace_back().line = line;
  for (auto& e : out) {
    auto& d = e.doc;
    if (!d.parse(e.line, 64)) artifacts_test::fatal("exports.jsonl");
    e.name = std::string{d[d.member(0, "export")].text};
    e.summary_key = std::string{d[d.member(0, "summaryKey")].text};
    d.for_each_child(d.member(0, "objects"), [&](std::size_t i) { e.objects.emplace_back(d[i].text); });
    e.describe_export.clear();
    ddbexport::container_output<std::string> o{e.describe_export};
    d.write(d.member(0, "describeExport"), o);
  }
  return out;
}

/// KeySchema from its JSON (an array of {AttributeName, KeyType, AttributeType?}).
inline std::vector<art::key_attribute> key_schema_of(const art::detail::json_document& d, std::size_t array) {
  std::vector<art::key_attribute> schema;
  d.for_each_child(array, [&](std::size_t i) {
    art::key_attribute k;
    k.name = d[d.member(i, "AttributeName")].text;
    k.range = d[d.member(i, "KeyType")].text == "RANGE";
    if (const auto t = d.member(i, "AttributeType"); t != art::detail::json_document::npos)
      k.type = art::detail::attribute_kind_named(d[t].text);
    schema.push_back(k);
  });
  return schema;
}

inline memory_bundle bundle_of(const golden_export& e) {
  memory_bundle b;
  for (const auto& key : e.objects) b.objects.emplace(key, read_file(bucket_dir / key));
  return b;
}

/// The ExportDescription of a DescribeExport body; `holder` keeps its storage.
struct description_holder {
  ddbexport::export_response response;
  std::optional<ddbexport::json::owning_arena> storage;
  std::string body;
  const ddbexport::export_description* read(std::string text) {
    body = std::move(text);
    storage.emplace(body.size());
    if (!ddbexport::json::read(body, response, *storage)) artifacts_test::fatal("describeExport");
    return &*response.export_description;
  }
};

// ---- the edit operations of ARTIFACTS.md §11.3 ------------------------------

using art::detail::json_document;

/// `set` (§11.3): the object with `members` replaced in place or appended and
/// `unset` removed, compact, no final LF.
inline std::string set_members(std::string_view object, const json_document& c, std::size_t members, std::size_t unset,
                        std::string_view suffix = {}) {
  json_document doc;
  if (!doc.parse(object, 64)) artifacts_test::fatal("set: not an object");
  std::set<std::string_view> removed, replaced;
  c.for_each_child(unset, [&](std::size_t i) { removed.insert(c[i].text); });
  std::string out = "{";
  ddbexport::container_output<std::string> o{out};
  bool first = true;
  const auto put = [&](std::string_view name, const json_document& from, std::size_t node) {
    if (!first) out += ",";
    first = false;
    ddbexport::detail::write_json_string(o, name);
    out += ":";
    from.write(node, o);
  };
  doc.for_each_child(0, [&](std::size_t i) {
    if (removed.count(doc[i].name) != 0) return;
    const std::size_t with = c.member(members, doc[i].name);
    if (with != json_document::npos) {
      replaced.insert(doc[i].name);
      put(doc[i].name, c, with);
    } else {
      put(doc[i].name, doc, i);
    }
  });
  c.for_each_child(members, [&](std::size_t i) {
    if (replaced.count(c[i].name) == 0) put(c[i].name, c, i);
  });
  return out + "}" + std::string{suffix};
}

inline std::string gzip_of(std::string_view text) {
  std::string out;
  ddbexport::container_output<std::string> o{out};
  art::write_gzip_stored(text, o);
  return out;
}

inline std::string b64md5(std::string_view bytes) { return std::string{art::to_base64(art::md5_of(bytes)).view()}; }

/// `entry`: the manifest line whose dataFileS3Key is `key`, rewritten.
inline void edit_entry(memory_bundle& b, const std::string& manifest_key, std::string_view key, const json_document& c,
                std::size_t members, std::size_t unset) {
  std::string& text = b.objects.at(manifest_key);
  std::string out;
  std::size_t start = 0;
  bool found = false;
  while (start < text.size()) {
    const std::size_t lf = text.find('\n', start);
    const std::size_t end = lf == std::string::npos ? text.size() : lf;
    const std::string_view line = std::string_view{text}.substr(start, end - start);
    json_document doc;
    if (!found && doc.parse(line, 16) && doc.member(0, "dataFileS3Key") != json_document::npos &&
        doc[doc.member(0, "dataFileS3Key")].text == key) {
      out += set_members(line, c, members, unset);
      found = true;
    } else {
      out += line;
    }
    if (lf != std::string::npos) out += '\n';
    start = end + 1;
  }
  if (!found) artifacts_test::fatal("entry: no such line");
  text = out;
}

/// `rehash`: the manifest line of `key` gets the b64md5 and `-1` ETag of its current bytes.
inline void rehash(memory_bundle& b, const std::string& manifest_key, const std::string& key) {
  const std::string& bytes = b.objects.at(key);
  const std::string edit_text = "{\"members\":{\"md5Checksum\":\"" + b64md5(bytes) + "\",\"etag\":\"" +
                                art::one_part_etag(art::md5_of(bytes)) + "\"},\"unset\":[]}";
  json_document m;
  if (!m.parse(edit_text, 8)) artifacts_test::fatal("rehash");
  edit_entry(b, manifest_key, key, m, m.member(0, "members"), m.member(0, "unset"));
}

/// `resign`: the `.md5` sidecar of `key` holds b64md5 of its current bytes.
inline void resign(memory_bundle& b, const std::string& key) {
  b.objects[key.substr(0, key.size() - 5) + ".md5"] = b64md5(b.objects.at(key));
}

}  // namespace artifacts_test

#endif
