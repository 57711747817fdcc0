// An in-memory bundle for the verifier tests, with zlib as the inflater, and
// the golden exports and cases of golden/artifacts (ARTIFACTS.md §11).
#ifndef DDBEXPORT_TESTS_UNIT_ARTIFACTS_BUNDLE_HPP
#define DDBEXPORT_TESTS_UNIT_ARTIFACTS_BUNDLE_HPP

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
    if (!d.parse(e.line, 64)) throw std::runtime_error("exports.jsonl");
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
    if (!ddbexport::json::read_response(body, response, *storage)) throw std::runtime_error("describeExport");
    return &*response.export_description;
  }
};

}  // namespace artifacts_test

#endif
