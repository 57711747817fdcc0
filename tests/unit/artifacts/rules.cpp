// One test per rule of ARTIFACTS.md §7 (and the bridge's of §9): each starts
// from a golden export, breaks one thing, and checks the finding's rule,
// path, offset and message, and what the report says around it.
#include <doctest/doctest.h>

#include "bundle.hpp"
#include "ddbexport/artifacts/import.hpp"
#include "ddbexport/artifacts/report.hpp"

namespace {
using namespace artifacts_test;
namespace art = ddbexport::artifacts;
using art::rule;

const std::vector<golden_export>& exports() {
  static const auto all = golden_exports();
  return all;
}

/// A golden export to break, verified with {KeySchema, Complete: true}.
struct scenario {
  const golden_export* e = nullptr;
  memory_bundle bundle;
  std::vector<art::key_attribute> schema;
  art::verify_context context;
  description_holder description;
  std::string folder;

  explicit scenario(std::string_view name) {
    for (const auto& g : exports())
      if (g.name == name) e = &g;
    REQUIRE(e != nullptr);
    bundle = bundle_of(*e);
    schema = key_schema_of(e->doc, e->doc.member(0, "keySchema"));
    context.key_schema = std::span<const art::key_attribute>{schema};
    folder = e->summary_key.substr(0, e->summary_key.size() - 21);
  }
  [[nodiscard]] std::string summary_key() const { return e->summary_key; }
  [[nodiscard]] std::string files_key() const { return folder + "manifest-files.json"; }
  std::string& object(const std::string& key) { return bundle.objects.at(key); }
  [[nodiscard]] std::string data_key(std::size_t line) const {
    const std::string& text = bundle.objects.at(files_key());
    std::size_t start = 0;
    for (std::size_t i = 1; i < line; ++i) start = text.find('\n', start) + 1;
    const auto at = text.find("\"dataFileS3Key\":\"", start) + 17;
    return text.substr(at, text.find('"', at) - at);
  }
  /// `set` then `resign` on the summary.
  void set_summary(const std::string& members, const std::string& unset = "[]") {
    edit(summary_key(), members, unset);
    resign(bundle, summary_key());
  }
  /// `entry` then `resign` on the files manifest.
  void set_entry(const std::string& data_key, const std::string& members, const std::string& unset = "[]") {
    const std::string text = "{\"members\":" + members + ",\"unset\":" + unset + "}";
    json_document c;
    REQUIRE(c.parse(text, 8));
    edit_entry(bundle, files_key(), data_key, c, c.member(0, "members"), c.member(0, "unset"));
    resign(bundle, files_key());
  }
  /// `gzip`, `rehash`, `resign`: new content for a data file, checksums kept right.
  void content(const std::string& data_key, const std::string& text) { stored(data_key, gzip_of(text)); }
  void stored(const std::string& data_key, const std::string& bytes) {
    bundle.objects[data_key] = bytes;
    rehash(bundle, files_key(), data_key);
    resign(bundle, files_key());
  }
  /// The decompressed text of a data file, for edits that keep most of it.
  std::string text_of(const std::string& data_key) { return gunzip_stored(bundle.objects.at(data_key)); }

  art::verify_report run() { return art::verify_export(summary_key(), bundle, context); }

 private:
  void edit(const std::string& key, const std::string& members, const std::string& unset) {
    const std::string text = "{\"members\":" + members + ",\"unset\":" + unset + "}";
    json_document c;
    REQUIRE(c.parse(text, 8));
    bundle.objects.at(key) = set_members(bundle.objects.at(key), c, c.member(0, "members"), c.member(0, "unset"));
  }
  static std::string gunzip_stored(const std::string& stored) {
    // Stored blocks only (the golden form): skip the header, copy the blocks.
    std::string out;
    std::size_t at = 10;
    for (bool last = false; !last && at + 5 <= stored.size();) {
      last = (stored[at] & 1) != 0;
      if ((stored[at] & 6) != 0) return out;  // the 3-byte empty fixed block
      const std::size_t len = static_cast<unsigned char>(stored[at + 1]) | static_cast<unsigned char>(stored[at + 2]) << 8;
      out.append(stored, at + 5, len);
      at += 5 + len;
    }
    return out;
  }
};

std::vector<const art::finding*> all_of(const art::verify_report& r, rule id) {
  std::vector<const art::finding*> out;
  for (const auto* list : {&r.violations, &r.warnings})
    for (const auto& f : *list)
      if (f.rule == id) out.push_back(&f);
  return out;
}
const art::finding& only(const art::verify_report& r, rule id) {
  const auto found = all_of(r, id);
  REQUIRE_MESSAGE(found.size() == 1, art::id(id) << " found " << found.size() << " times");
  return *found.front();
}
std::set<std::string> ids(const art::verify_report& r) {
  std::set<std::string> s;
  for (const auto* list : {&r.violations, &r.warnings})
    for (const auto& f : *list) s.emplace(art::id(f.rule));
  return s;
}
std::string json(const art::verify_report& r) { return report_json(r); }
#define CHECK_ONLY(report, ...) CHECK_MESSAGE(ids(report) == std::set<std::string>{__VA_ARGS__}, json(report))

constexpr std::string_view full_summary = "exports/AWSDynamoDB/01777886127318-458ecad7/manifest-summary.json";
constexpr std::string_view full_folder = "exports/AWSDynamoDB/01777886127318-458ecad7/";

// ---- §7.1 ---------------------------------------------------------------------

TEST_CASE("A-SUM-MISSING stops everything: only F′ in the report") {
  scenario s{"full-json"};
  s.bundle.objects.erase(s.summary_key());
  const auto r = s.run();
  CHECK_ONLY(r, "A-SUM-MISSING");
  const auto& f = only(r, rule::sum_missing);
  CHECK(f.path == full_summary);
  CHECK(f.offset == std::nullopt);
  CHECK(f.message == "manifest-summary.json not found: " + std::string{full_summary});
  CHECK(json(r) == "{\"valid\":false,\"export\":{\"exportArn\":null,\"version\":null,\"outputFormat\":null,\"folder\":\"" +
                       std::string{full_folder} + "\",\"dataFolder\":null},\"violations\":[{\"rule\":\"A-SUM-MISSING\",\"path\":\"" +
                       std::string{full_summary} + "\",\"offset\":null,\"message\":\"" + f.message +
                       "\"}],\"warnings\":[],\"unchecked\":[],\"files\":[],\"sidecars\":[]}");
}

TEST_CASE("A-SUM-JSON: the byte offset of the problem, and nothing after it") {
  scenario s{"full-json"};
  s.object(s.summary_key()) = "{\"version\":\"2020-06-30\",\"version\":\"2020-06-30\"}";
  resign(s.bundle, s.summary_key());
  const auto r = s.run();
  CHECK_ONLY(r, "A-SUM-JSON");
  const auto& f = only(r, rule::sum_json);
  CHECK(f.path == full_summary);
  CHECK(f.offset == 24);
  CHECK(f.message == "manifest-summary.json is not a JSON object: a member name is repeated");
  CHECK(r.sidecars.size() == 1);  // checked before the JSON
  CHECK(r.files.empty());
}

TEST_CASE("A-SUM-VERSION: absent, not a string, unknown") {
  for (const auto& [members, shown] : std::vector<std::pair<std::string, std::string>>{
           {"{\"version\":\"2024-01-01\"}", "2024-01-01"}, {"{\"version\":20200630}", "20200630"}}) {
    scenario s{"full-json"};
    s.set_summary(members);
    const auto r = s.run();
    CHECK_ONLY(r, "A-SUM-VERSION");
    CHECK(only(r, rule::sum_version).path == std::string{full_summary} + "#version");
    CHECK(only(r, rule::sum_version).message == "Unknown manifest-summary version: " + shown);
    CHECK(r.exported.data_folder == std::nullopt);
  }
  scenario s{"full-json"};
  s.set_summary("{}", "[\"version\"]");
  CHECK(only(s.run(), rule::sum_version).message == "Unknown manifest-summary version: absent");
}

TEST_CASE("A-SUM-MEMBERS: the absent members first, then the other version's, with their messages") {
  scenario s{"full-json"};
  s.set_summary("{\"outputView\":\"NEW_IMAGE\",\"exportFromTime\":\"2026-05-04T09:00:00.000Z\"}", "[\"exportTime\",\"tableId\"]");
  const auto r = s.run();
  CHECK_ONLY(r, "A-SUM-MEMBERS");
  const auto found = all_of(r, rule::sum_members);
  REQUIRE(found.size() == 4);
  CHECK(found[0]->message == "tableId is missing for version 2020-06-30");
  CHECK(found[1]->message == "exportTime is missing for version 2020-06-30");
  CHECK(found[2]->message == "outputView does not belong to version 2020-06-30");
  CHECK(found[3]->message == "exportFromTime does not belong to version 2020-06-30");
  CHECK(found[0]->offset == std::nullopt);
  CHECK(found[2]->path == std::string{full_summary} + "#outputView");
  CHECK(found[2]->offset.has_value());
}

TEST_CASE("A-SUM-MEMBERS: exportType FULL_EXPORT is tolerated in a full summary, anything else is not") {
  scenario ok{"full-json"};
  ok.set_summary("{\"exportType\":\"FULL_EXPORT\"}");
  CHECK_ONLY(ok.run());
  scenario bad{"full-json"};
  bad.set_summary("{\"exportType\":\"INCREMENTAL_EXPORT\"}");
  CHECK_ONLY(bad.run(), "A-SUM-MEMBERS");
}

TEST_CASE("A-SUM-UNKNOWN is a warning, in the summary's own member order") {
  scenario s{"full-json"};
  s.set_summary("{\"zeta\":1,\"alpha\":2}");
  const auto r = s.run();
  CHECK(r.valid());
  const auto found = all_of(r, rule::sum_unknown);
  REQUIRE(found.size() == 2);
  CHECK(found[0]->message == "Unknown member zeta is ignored");
  CHECK(found[1]->message == "Unknown member alpha is ignored");
  CHECK(found[0]->severity == art::severity::warning);
}

TEST_CASE("A-SUM-TYPE: a string, a string or null, a non-negative integer") {
  scenario s{"full-json"};
  s.set_summary("{\"s3Bucket\":null,\"s3Prefix\":5,\"itemCount\":-1,\"billedSizeBytes\":1.5}");
  const auto r = s.run();
  CHECK_ONLY(r, "A-SUM-TYPE");
  const auto found = all_of(r, rule::sum_type);
  REQUIRE(found.size() == 4);
  CHECK(found[0]->message == "s3Bucket must be a string");
  CHECK(found[1]->message == "s3Prefix must be a string or null");
  CHECK(found[2]->message == "billedSizeBytes must be a non-negative integer");
  CHECK(found[3]->message == "itemCount must be a non-negative integer");
}

TEST_CASE("A-SUM-TIME: only YYYY-MM-DDTHH:MM:SS.mmmZ of an existing date; rules reading the member are skipped") {
  for (std::string bad : {"2026-05-04T09:15:27.318000Z", "2026-05-04T09:15:27Z", "2026-02-30T09:15:27.318Z",
                          "2026-05-04T24:00:00.000Z", "2026-05-04T09:15:60.000Z", "2026-05-04 09:15:27.318Z"}) {
    scenario s{"full-json"};
    s.set_summary("{\"startTime\":\"" + bad + "\"}");
    const auto r = s.run();
    CAPTURE(bad);
    CHECK_ONLY(r, "A-SUM-TIME");
    CHECK(only(r, rule::sum_time).message == "startTime is not a UTC time with milliseconds: " + bad);
  }
}

TEST_CASE("A-SUM-ENUM: an unknown outputFormat skips A-FILES-KEY and the line rules") {
  scenario s{"full-json"};
  s.set_summary("{\"outputFormat\":\"PARQUET\",\"s3SseAlgorithm\":\"aes256\"}");
  const auto r = s.run();
  CHECK_ONLY(r, "A-SUM-ENUM");
  const auto found = all_of(r, rule::sum_enum);
  REQUIRE(found.size() == 2);
  CHECK(found[0]->message == "s3SseAlgorithm has an unknown value: aes256");
  CHECK(found[1]->message == "outputFormat has an unknown value: PARQUET");
  CHECK(r.exported.output_format == std::nullopt);
  // An unusable s3SseAlgorithm leaves every etag unverifiable, without a finding or a reason.
  for (const auto& f : r.files) {
    CHECK(f.etag == art::check_result::unverifiable);
    CHECK(f.reason == art::etag_reason::none);
  }
}

TEST_CASE("A-SUM-VALUE: tableId, s3Bucket, s3Prefix, s3SseKmsKeyId") {
  scenario s{"full-json"};
  s.set_summary("{\"tableId\":\"3B2F6C1D-9A4E-4F7B-8C21-6D0E5A9F1B37\",\"s3Bucket\":\"b\",\"s3Prefix\":\"\",\"s3SseKmsKeyId\":\"alias/x\"}");
  const auto r = s.run();
  const auto found = all_of(r, rule::sum_value);
  REQUIRE(found.size() == 4);
  CHECK(found[0]->message == "tableId is invalid: 3B2F6C1D-9A4E-4F7B-8C21-6D0E5A9F1B37");
  CHECK(found[1]->message == "s3Bucket is invalid: b");
  CHECK(found[2]->message == "s3Prefix is invalid: ");
  CHECK(found[3]->message == "s3SseKmsKeyId is invalid: alias/x");
  CHECK(ids(r).count("A-SUM-VALUE") == 1);
}

TEST_CASE("A-SUM-ARN A-SUM-ARN-TIME A-SUM-FOLDER A-SUM-FILESKEY: messages") {
  {
    scenario s{"full-json"};
    s.set_summary("{\"exportArn\":\"arn:aws:dynamodb:us-west-2:111122223333:table/Other/export/01777886127318-458ecad7\"}");
    const auto r = s.run();
    CHECK_ONLY(r, "A-SUM-ARN");
    CHECK(only(r, rule::sum_arn).message ==
          "exportArn is not arn:aws:dynamodb:us-west-2:111122223333:table/GoldenCatalog/export/<id>: "
          "arn:aws:dynamodb:us-west-2:111122223333:table/Other/export/01777886127318-458ecad7");
    CHECK(only(r, rule::sum_arn).path == std::string{full_summary} + "#exportArn");
    CHECK(r.exported.export_arn.has_value());  // A-SUM-ARN does not null exportArn
  }
  {
    scenario s{"full-json"};
    s.set_summary("{\"startTime\":\"2026-05-04T09:15:27.319Z\"}");
    CHECK(only(s.run(), rule::sum_arn_time).message ==
          "Export id 01777886127318-458ecad7 does not encode startTime 2026-05-04T09:15:27.319Z");
  }
  {
    scenario s{"full-json"};
    s.set_summary("{\"s3Prefix\":\"exports/x\"}");
    CHECK(only(s.run(), rule::sum_folder).message ==
          "manifest-summary.json is at " + std::string{full_summary} +
              "; exportArn and s3Prefix place it at exports/x/AWSDynamoDB/01777886127318-458ecad7/manifest-summary.json");
  }
  {
    scenario s{"full-json"};
    s.set_summary("{\"manifestFilesS3Key\":\"elsewhere.json\"}");
    const auto r = s.run();
    CHECK(only(r, rule::sum_fileskey).message ==
          "manifestFilesS3Key is elsewhere.json, expected " + std::string{full_folder} + "manifest-files.json");
    // The files manifest is read from where the summary says: here, nowhere.
    CHECK(only(r, rule::files_missing).path == "elsewhere.json");
  }
}

TEST_CASE("A-SUM-TIMES: each condition, and equality passing where §7.1 says") {
  struct seen {
    std::string path, message;
  };
  const auto times = [](std::string_view export_name, const std::string& members) {
    scenario s{export_name};
    s.set_summary(members);
    std::vector<seen> out;
    const auto r = s.run();
    for (const auto* f : all_of(r, rule::sum_times)) out.push_back({f->path, f->message});
    return out;
  };
  CHECK(times("full-json", "{\"endTime\":\"2026-05-04T09:15:27.317Z\"}").at(0).message ==
        "endTime is out of order: endTime is before startTime");
  CHECK(times("full-json", "{\"endTime\":\"2026-05-04T09:15:27.318Z\"}").empty());
  CHECK(times("full-json", "{\"exportTime\":\"2026-05-04T09:15:27.319Z\"}").at(0).path == std::string{full_summary} + "#exportTime");
  CHECK(times("full-json", "{\"exportTime\":\"2026-05-04T09:15:27.317Z\"}").empty());
  // incr-nao: window 10:00-10:30, startTime 10:30:41.
  CHECK(times("incr-nao", "{\"exportFromTime\":\"2026-05-04T10:30:00.000Z\"}").at(0).message ==
        "exportFromTime is out of order: exportFromTime is not before exportToTime");
  CHECK(times("incr-nao", "{\"exportFromTime\":\"2026-05-04T10:15:00.001Z\"}").at(0).path.ends_with("#exportToTime"));
  CHECK(times("incr-nao", "{\"exportFromTime\":\"2026-05-04T10:15:00.000Z\"}").empty());  // exactly 900 000 ms
  CHECK(times("incr-nao", "{\"exportFromTime\":\"2026-05-03T10:29:59.999Z\"}").size() == 1);  // beyond 24 h
  CHECK(times("incr-nao", "{\"exportToTime\":\"2026-05-04T10:30:41.001Z\"}").at(0).message ==
        "exportToTime is out of order: exportToTime is after startTime");
}

TEST_CASE("A-SUM-BILL warns only below 10000000") {
  scenario below{"incr-nao"};
  below.set_summary("{\"billedSizeBytes\":9999999}");
  const auto r = below.run();
  CHECK(r.valid());
  CHECK(only(r, rule::sum_bill).message == "billedSizeBytes 9999999 is below the 10 MB incremental minimum");
  scenario full{"full-json"};  // billedSizeBytes 0, but a full export
  CHECK(all_of(full.run(), rule::sum_bill).empty());
}

// ---- §7.2 ---------------------------------------------------------------------

TEST_CASE("A-SIDECAR-MISSING A-SIDECAR-FORM A-SIDECAR-MISMATCH, .md5 before .checksum") {
  scenario s{"full-json"};
  const std::string md5 = s.folder + "manifest-summary.md5", checksum = s.folder + "manifest-summary.checksum";
  s.bundle.objects[checksum] = "  not base64 \n";
  s.bundle.objects[md5] = "ndTkYSaMgDT1yFZOFVxnpg==";
  s.bundle.objects.erase(s.folder + "manifest-files.md5");
  const auto r = s.run();
  REQUIRE(r.sidecars.size() == 2);
  CHECK(r.sidecars[0].key == md5);
  CHECK(r.sidecars[0].result == art::sidecar_result::mismatch);
  CHECK(r.sidecars[1].result == art::sidecar_result::malformed);
  CHECK(only(r, rule::sidecar_mismatch).message ==
        md5 + " says ndTkYSaMgDT1yFZOFVxnpg==; the MD5 of " + std::string{full_summary} + " is ppGnE55dXow2bFI/iSenSg==");
  CHECK(only(r, rule::sidecar_form).message == checksum + " does not hold a base64 MD5");
  CHECK(only(r, rule::sidecar_missing).message == "No checksum sidecar for " + s.files_key());
  scenario partial{"full-json"};
  partial.bundle.objects.erase(partial.folder + "manifest-files.md5");
  partial.context.complete = false;
  const auto p = partial.run();
  CHECK(p.valid());
  CHECK(std::find(p.unchecked.begin(), p.unchecked.end(), rule::sidecar_missing) != p.unchecked.end());
}

// ---- §7.3 ---------------------------------------------------------------------

TEST_CASE("A-FILES-MISSING stops §7.3-§7.6; unchecked for a partial bundle") {
  scenario s{"full-json"};
  s.bundle.objects.erase(s.files_key());
  const auto r = s.run();
  CHECK_ONLY(r, "A-FILES-MISSING");
  CHECK(only(r, rule::files_missing).message == "manifest-files.json not found: " + s.files_key());
  CHECK(r.files.empty());
  CHECK(r.sidecars.size() == 1);
  // Step 4 never started: its unchecked ids are not listed.
  CHECK(std::find(r.unchecked.begin(), r.unchecked.end(), rule::etag_changed) == r.unchecked.end());
  s.context.complete = false;
  const auto p = s.run();
  CHECK(p.valid());
  CHECK(p.unchecked == std::vector<rule>{rule::desc_status, rule::desc_manifest, rule::desc_field, rule::files_missing, rule::obj_extra});
}

TEST_CASE("A-FILES-LINE: not UTF-8, blank, CR, no final LF, too long, not JSON") {
  const auto line_findings = [](const std::function<void(scenario&, std::string&)>& edit) {
    scenario s{"full-json"};
    edit(s, s.object(s.files_key()));
    resign(s.bundle, s.files_key());
    return s.run();
  };
  {
    const auto r = line_findings([](scenario&, std::string& t) { t.insert(t.find('\n') + 5, "\xC3"); });
    CHECK_ONLY(r, "A-FILES-LINE");
    CHECK(only(r, rule::files_line).message == "manifest-files.json line 2: the text is not UTF-8");
    CHECK(only(r, rule::files_line).path == std::string{full_folder} + "manifest-files.json:2");
    CHECK(r.files.empty());  // no entry is read
  }
  {
    const auto r = line_findings([](scenario&, std::string& t) { t.insert(t.find('\n') + 1, " \t\n"); });
    CHECK_ONLY(r, "A-FILES-LINE");  // a blank line gives nothing else, and A-FILES-SUM still runs
    CHECK(only(r, rule::files_line).message == "manifest-files.json line 2: blank line");
    CHECK(r.files.size() == 4);
  }
  {
    const auto r = line_findings([](scenario&, std::string& t) { t.insert(t.find('\n'), "\r"); });
    CHECK_ONLY(r, "A-FILES-LINE");
    CHECK(only(r, rule::files_line).message == "manifest-files.json line 1: holds a CR");
    CHECK(r.files.size() == 4);  // the line is still read
  }
  {
    const auto r = line_findings([](scenario&, std::string& t) { t.pop_back(); });
    CHECK(only(r, rule::files_line).message == "manifest-files.json line 4: the text does not end with LF");
    CHECK(r.files.size() == 4);
  }
  {
    const auto r = line_findings([](scenario&, std::string& t) { t.insert(t.find('}'), ",\"pad\":\"" + std::string(70000, 'x') + "\""); });
    // A-FILES-SUM is not evaluated; the line's data file is now unlisted, so extra.
    CHECK(ids(r) == std::set<std::string>{"A-FILES-LINE", "A-OBJ-EXTRA"});
    CHECK(only(r, rule::files_line).message == "manifest-files.json line 1: longer than 65536 bytes");
    CHECK(r.files.size() == 3);
  }
  {
    const auto r = line_findings([](scenario&, std::string& t) { t.insert(t.find('}'), ","); });
    CHECK(only(r, rule::files_line).message == "manifest-files.json line 1: not a JSON object: expected a member name");
  }
}

TEST_CASE("A-FILES-ENTRY A-FILES-UNKNOWN A-ETAG-FORM: per member, in §4's order; the line gives no entry") {
  scenario s{"full-json"};
  const std::string data = s.data_key(2);
  s.set_entry(data, "{\"itemCount\":\"2\",\"md5Checksum\":\"BVW8yTS/cDiIh7sMDPj3JB==\",\"size\":1}", "[\"etag\"]");
  const auto r = s.run();
  const auto found = all_of(r, rule::files_entry);
  REQUIRE(found.size() == 3);
  CHECK(found[0]->message == "manifest-files.json line 2: itemCount is not an integer from 0 to 9007199254740991");
  CHECK(found[1]->message == "manifest-files.json line 2: md5Checksum is not a base64 MD5");
  CHECK(found[2]->message == "manifest-files.json line 2: etag is missing");
  CHECK(found[2]->path == s.files_key() + ":2#etag");
  CHECK(only(r, rule::files_unknown).message == "manifest-files.json line 2: unknown member size is ignored");
  CHECK(r.files.size() == 3);
  scenario e{"full-json"};
  e.set_entry(e.data_key(2), "{\"etag\":\"95D7F106DF93B14FFE844631DA89B610-1\"}");
  const auto re = e.run();
  CHECK_ONLY(re, "A-ETAG-FORM");
  CHECK(only(re, rule::etag_form).message ==
        "manifest-files.json line 2: etag is not an S3 ETag: 95D7F106DF93B14FFE844631DA89B610-1");
  CHECK(re.files.at(1).reason == art::etag_reason::form);
  CHECK(re.files.at(1).md5 == art::check_result::verified);
}

TEST_CASE("A-FILES-KEY A-FILES-DUP: the data folder, the extension, and a repeated file checked once") {
  scenario s{"full-json"};
  std::string& text = s.object(s.files_key());
  text += text.substr(0, text.find('\n') + 1);
  resign(s.bundle, s.files_key());
  const auto r = s.run();
  CHECK_ONLY(r, "A-FILES-DUP");
  CHECK(only(r, rule::files_dup).message == "manifest-files.json line 5 repeats the data file of line 1");
  CHECK(r.files.size() == 4);
  scenario k{"full-ion"};
  k.set_entry(k.data_key(1), "{\"dataFileS3Key\":\"AWSDynamoDB/01777887663057-ffb1ca5d/data/x.ion.gz\"}");
  const auto rk = k.run();
  CHECK(only(rk, rule::files_key).message ==
        "dataFileS3Key AWSDynamoDB/01777887663057-ffb1ca5d/data/x.ion.gz is not "
        "AWSDynamoDB/01777887663057-ffb1ca5d/data/<26 base32 characters>.ion.gz");
  CHECK(only(rk, rule::files_key).path == k.files_key() + ":1#dataFileS3Key");
}

TEST_CASE("A-FILES-SUM A-FILES-NONE") {
  scenario s{"full-json"};
  s.set_summary("{\"itemCount\":7}");
  CHECK(only(s.run(), rule::files_sum).message == "itemCount is 7; manifest-files.json adds up to 6");
  CHECK(only(s.run(), rule::files_sum).path == std::string{full_summary} + "#itemCount");
  scenario n{"incr-nao"};
  n.object(n.files_key()) = "";
  resign(n.bundle, n.files_key());
  n.set_summary("{\"itemCount\":0}");
  const auto r = n.run();
  CHECK(r.valid());
  CHECK(only(r, rule::files_none).message == "manifest-files.json lists no data files");
  CHECK(r.files.empty());
  // Step 4 was reached: its unchecked ids are listed.
  CHECK(r.unchecked == std::vector<rule>{rule::desc_status, rule::desc_manifest, rule::desc_field, rule::etag_changed, rule::key_dup});
}

// ---- §7.4 ---------------------------------------------------------------------

TEST_CASE("A-DATA-MISSING: the file is skipped, its result unverifiable (missing)") {
  scenario s{"full-json"};
  const std::string data = s.data_key(4);
  s.bundle.objects.erase(data);
  const auto r = s.run();
  CHECK_ONLY(r, "A-DATA-MISSING");
  CHECK(only(r, rule::data_missing).message == "Data file of manifest-files.json line 4 not found: " + data);
  CHECK(r.files.at(3).lines == std::nullopt);
  CHECK(r.files.at(3).md5 == art::check_result::unverifiable);
  CHECK(r.files.at(3).reason == art::etag_reason::missing);
}

TEST_CASE("A-DATA-FRAME A-DATA-COUNT: once per file, at the first framing problem; the offset is in the content") {
  scenario s{"full-json"};
  const std::string data = s.data_key(4);
  std::string text = s.text_of(data);
  const std::size_t second = text.find('\n') + 1;
  s.content(data, text.substr(0, second) + "\n" + text.substr(second, text.size() - second - 1) + "\r\n" + "x");
  const auto r = s.run();
  const auto& f = only(r, rule::data_frame);
  CHECK(f.message == data + " line 2: blank line");
  CHECK(f.path == data + ":2");
  CHECK(f.offset == second);
  // The blank line is not counted: 4 items + "x" gives 5 lines; the itemCount says 4.
  CHECK(only(r, rule::data_count).message == data + " has 5 lines; manifest-files.json says 4");
  CHECK(only(r, rule::line_json).path == data + ":6");
  CHECK(r.files.at(3).lines == 5);
}

TEST_CASE("A-GZIP: header, deflate stream, trailer; where it is found decides which lines are read") {
  scenario s{"full-json"};
  const std::string data = s.data_key(2);
  const std::string good = s.object(data);
  const auto gzip_of_stored = [&](std::string bytes) {
    s.stored(data, bytes);
    return s.run();
  };
  {
    std::string b = good;
    b[3] = '\x20';  // a reserved flag bit
    const auto r = gzip_of_stored(b);
    CHECK_ONLY(r, "A-GZIP");
    CHECK(only(r, rule::gzip).message == data + " is not a gzip member: reserved flag bits are set");
    CHECK(only(r, rule::gzip).offset == 3);
    CHECK(r.files.at(1).lines == std::nullopt);
    CHECK(r.files.at(1).md5 == art::check_result::verified);  // checksums are computed whatever gzip finds
  }
  {
    std::string b = good;
    b[b.size() - 8] = static_cast<char>(b[b.size() - 8] ^ 1);  // CRC-32
    const auto r = gzip_of_stored(b);
    CHECK(only(r, rule::gzip).message == data + " is not a gzip member: the trailer's CRC-32 differs from the content's");
    CHECK(only(r, rule::gzip).offset == good.size() - 8);
  }
  {
    std::string b = good + "x";
    CHECK(only(gzip_of_stored(b), rule::gzip).message == data + " is not a gzip member: bytes follow the trailer");
  }
  {
    std::string b = good.substr(0, good.size() - 3);
    CHECK(only(gzip_of_stored(b), rule::gzip).message == data + " is not a gzip member: the trailer is cut short");
  }
  {
    std::string b = good.substr(0, 200);  // inside the stored block: the stream is cut short
    const auto r = gzip_of_stored(b);
    CHECK(only(r, rule::gzip).message == data + " is not a gzip member: the deflate stream is cut short");
    CHECK(all_of(r, rule::data_frame).empty());  // the partial line after the break is not read
    CHECK(all_of(r, rule::data_count).empty());
  }
  {
    std::string b = good;
    b[10] = '\x07';  // BTYPE 11: an invalid deflate block
    CHECK(only(gzip_of_stored(b), rule::gzip).message == data + " is not a gzip member: the deflate stream is invalid");
  }
  {
    const auto r = gzip_of_stored(good.substr(0, 6));
    CHECK(only(r, rule::gzip).message == data + " is not a gzip member: the header is cut short");
  }
}

TEST_CASE("A-GZIP: optional header fields (FEXTRA, FNAME, FCOMMENT, FHCRC) are skipped") {
  scenario s{"full-json"};
  const std::string data = s.data_key(2);
  std::string b = s.object(data);
  b[3] = '\x1e';  // FEXTRA | FNAME | FCOMMENT | FHCRC
  b.insert(10, std::string{"\x03\x00xyzname\0comment\0\xab\xcd", 20});
  s.stored(data, b);
  CHECK_ONLY(s.run());
}

TEST_CASE("A-DATA-MD5 A-DATA-ETAG A-ETAG-UNVERIFIABLE A-ETAG-CHANGED: messages and results") {
  scenario s{"full-json"};
  const std::string data = s.data_key(2);
  s.set_entry(data, "{\"md5Checksum\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"etag\":\"00000000000000000000000000000000\"}");
  const std::vector<art::observed_etag> observed{{data, "\"95d7f106df93b14ffe844631da89b610-2\""}};
  s.context.observed_etags = std::span<const art::observed_etag>{observed};
  const auto r = s.run();
  CHECK(only(r, rule::data_md5).message == data + ": MD5 is BVW8yTS/cDiIh7sMDPj3JA==, manifest-files.json says AAAAAAAAAAAAAAAAAAAAAA==");
  CHECK(only(r, rule::data_etag).message ==
        data + ": ETag computed from the bytes is 0555bcc934bf70388887bb0c0cf8f724, manifest-files.json says 00000000000000000000000000000000");
  CHECK(only(r, rule::etag_changed).message ==
        data + ": S3 now reports ETag 95d7f106df93b14ffe844631da89b610-2; the export recorded 00000000000000000000000000000000");
  CHECK(r.files.at(1).md5 == art::check_result::mismatch);
  CHECK(r.files.at(1).etag == art::check_result::mismatch);
  // Findings of one file come in §8.3's order.
  CHECK(r.violations.at(0).rule == rule::data_md5);
  CHECK(r.violations.at(1).rule == rule::data_etag);

  scenario p{"full-json"};
  p.set_entry(p.data_key(2), "{\"etag\":\"22bde2f3e9587efc314aa93c61d69615-2\"}");
  const auto rp = p.run();
  CHECK(only(rp, rule::etag_unverifiable).message == p.data_key(2) + ": ETag 22bde2f3e9587efc314aa93c61d69615-2 cannot be checked (parts)");
  CHECK(rp.files.at(1).reason == art::etag_reason::parts);
  p.context.part_size = 300;  // ⌈502 / 300⌉ = 2 parts, but not these
  CHECK(only(p.run(), rule::data_etag).path == p.data_key(2));
  p.context.part_size = 100;  // 6 parts: another N
  CHECK(only(p.run(), rule::etag_unverifiable).severity == art::severity::warning);

  scenario k{"full-json"};
  k.set_summary("{\"s3SseAlgorithm\":\"KMS\"}");
  const auto rk = k.run();
  CHECK(all_of(rk, rule::etag_unverifiable).size() == 4);
  CHECK(rk.files.at(0).reason == art::etag_reason::kms);
}

// ---- §7.5, §7.6 -------------------------------------------------------------------

TEST_CASE("A-LINE-JSON A-LINE-SHAPE A-ATTR-NAME A-AV: paths into the line, offsets into the content") {
  scenario s{"full-json"};
  const std::string data = s.data_key(2);
  s.content(data,
            "{\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"tracks\":{\"L\":[{\"M\":{\"n\":{\"NS\":[]}}}]}}}\n"
            "{\"Item\":{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"1\"},\"\":{\"S\":\"x\"}}}\n"
            "{\"Item\":{\"pk\":{\"S\":\"c\"},\"sk\":{\"N\":\"1\"}},\"Extra\":{}}\n"
            "{\"Item\":{\"pk\":{\"S\":\"d\"},\"sk\":{\"N\":\"1\"}}\n");
  s.set_entry(data, "{\"itemCount\":4}");
  const auto r = s.run();
  CHECK(only(r, rule::av).path == data + ":1#Item.tracks[0].n");
  CHECK(only(r, rule::av).message == data + " line 1: Item.tracks[0].n: an empty set");
  CHECK(only(r, rule::attr_name).message == data + " line 2: Item has an invalid attribute name");
  CHECK(only(r, rule::line_shape).message == data + " line 3: Extra: not a member of a full export's line");
  const auto& j = only(r, rule::line_json);
  CHECK(j.message == data + " line 4: not a JSON object: the text ends early");
  const std::string text = s.text_of(data);
  CHECK(j.offset == text.size() - 1);  // at the end of the line, before its LF
  CHECK(all_of(r, rule::data_count).empty());
  CHECK(ids(r).count("A-FILES-SUM") == 1);
}

TEST_CASE("A-ION-SYNTAX A-ION-TYPE: the first problem met decides") {
  scenario s{"full-ion"};
  const std::string data = s.data_key(1);
  s.content(data, "$ion_1_0 {Item:{pk:\"a\",sk:1,t:\"x}}\n$ion_1_0 {Item:{pk:\"a\",sk:\"x,b:1}}\n");
  const auto r = s.run();
  CHECK(only(r, rule::ion_type).message == data + " line 1: the Ion int 1 has no DynamoDB type");
  CHECK(only(r, rule::ion_syntax).path == data + ":2");
}

TEST_CASE("A-LINE-VIEW A-INC-KEYS-IMAGE A-INC-WTS: records against the summary's view and window") {
  scenario s{"incr-nao"};
  const std::string data = s.data_key(1);
  const std::string keys = "\"Keys\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}";
  s.content(data,
            "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1777890000000000\"}}," + keys + "}\n"  // from × 1000: inside
            "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1777891800000000\"}}," + keys +      // to × 1000: outside
            ",\"NewImage\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1.0\"}}}\n"
            "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1777890000000001\"}}," + keys +
            ",\"OldImage\":{\"pk\":{\"S\":\"a\"}},\"NewImage\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"S\":\"1\"}}}\n");
  s.set_entry(data, "{\"itemCount\":3}");
  const auto r = s.run();
  CHECK(only(r, rule::line_view).message == data + " line 1: a record with no image is not allowed in a NEW_AND_OLD_IMAGES export");
  CHECK(only(r, rule::inc_wts).message == data + " line 2: write time 1777891800000000 µs lies outside the export window");
  CHECK(only(r, rule::inc_wts).path == data + ":2#Metadata");
  const auto images = all_of(r, rule::inc_keys_image);
  REQUIRE(images.size() == 2);
  CHECK(images[0]->message == data + " line 3: OldImage.sk differs from Keys");
  CHECK(images[1]->path == data + ":3#NewImage.sk");
}

TEST_CASE("A-KEY-MISSING A-KEY-TYPE A-KEY-EXTRA A-KEY-DUP: error for full exports, warning for incremental ones") {
  scenario s{"full-json"};
  const std::string data = s.data_key(2);
  s.content(data,
            "{\"Item\":{\"pk\":{\"S\":\"a\"}}}\n"
            "{\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"S\":\"1\"}}}\n"
            "{\"Item\":{\"pk\":{\"S\":\"album#0004\"},\"sk\":{\"N\":\"7.0\"}}}\n");
  s.set_entry(data, "{\"itemCount\":3}");
  s.context.track_keys = true;
  const auto r = s.run();
  CHECK(only(r, rule::key_missing).message == data + " line 1: key attribute sk is missing");
  CHECK(only(r, rule::key_missing).path == data + ":1#Item.sk");
  CHECK(only(r, rule::key_type).message == data + " line 2: key attribute sk is S; the key schema says N");
  // album#0004 / 7 is in the last data file, after this one: it is that line that repeats.
  const auto& dup = only(r, rule::key_dup);
  CHECK(dup.severity == art::severity::error);
  CHECK(dup.message == s.data_key(4) + " line 4: primary key repeats " + data + " line 3");
  CHECK(std::find(r.unchecked.begin(), r.unchecked.end(), rule::key_dup) == r.unchecked.end());

  scenario i{"incr-new"};
  const std::string idata = i.data_key(1);
  i.content(idata,
            "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1777891287311006\"}},\"Keys\":{\"sk\":{\"N\":\"1\"},\"pk\":{\"S\":\"x\"},\"n\":{\"S\":\"?\"}}}\n"
            "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1777891287311006\"}},\"Keys\":{\"pk\":{\"S\":\"x\"},\"n\":{\"S\":\"?\"},\"sk\":{\"N\":\"1e0\"}}}\n");
  i.context.track_keys = true;
  const auto ri = i.run();
  CHECK(all_of(ri, rule::key_extra).size() == 2);
  CHECK(all_of(ri, rule::key_extra).at(0)->message == idata + " line 1: Keys holds non-key attribute n");
  CHECK(only(ri, rule::key_dup).severity == art::severity::warning);
}

// ---- §7.7, §7.8 -------------------------------------------------------------------

TEST_CASE("A-DESC-STATUS A-DESC-MANIFEST A-DESC-FIELD: against the description, defaults applied") {
  scenario s{"incr-nao"};
  std::string d = s.e->describe_export;
  const auto replace = [&](std::string_view from, std::string_view to) { d.replace(d.find(from), from.size(), to); };
  replace("\"ExportStatus\":\"COMPLETED\"", "\"ExportStatus\":\"FAILED\"");
  replace("\"ExportManifest\":\"exports/", "\"ExportManifest\":\"");
  replace("\"ItemCount\":4", "\"ItemCount\":5");
  replace("\"ExportViewType\":\"NEW_AND_OLD_IMAGES\"", "\"ExportViewType\":\"NEW_IMAGE\"");
  s.context.description = s.description.read(d);
  const auto r = s.run();
  CHECK(only(r, rule::desc_status).message == "ExportDescription.ExportStatus is FAILED; the manifests describe a completed export");
  CHECK(only(r, rule::desc_manifest).message ==
        "ExportDescription.ExportManifest is AWSDynamoDB/01777890641000-39fa3cc5/manifest-summary.json; the summary is " + s.summary_key());
  const auto fields = all_of(r, rule::desc_field);
  REQUIRE(fields.size() == 2);
  CHECK(fields[0]->message == "ExportDescription.ItemCount is 5; manifest-summary.json has itemCount 4");
  CHECK(fields[1]->path == "ExportDescription.IncrementalExportSpecification.ExportViewType");
  CHECK(fields[1]->message ==
        "ExportDescription.IncrementalExportSpecification.ExportViewType is NEW_IMAGE; manifest-summary.json has outputView NEW_AND_OLD_IMAGES");

  scenario v{"full-json"};
  std::string dv = v.e->describe_export;
  dv.replace(dv.find("\"S3Prefix\":\"exports/\","), 22, "");
  dv.insert(dv.find("\"ExportFormat\""), "\"ExportType\":\"INCREMENTAL_EXPORT\",");
  v.context.description = v.description.read(dv);
  const auto rv = v.run();
  const auto vfields = all_of(rv, rule::desc_field);
  REQUIRE(vfields.size() == 2);
  CHECK(vfields[0]->message == "ExportDescription.ExportType is INCREMENTAL_EXPORT; manifest-summary.json has version 2020-06-30");
  CHECK(vfields[1]->message == "ExportDescription.S3Prefix is null; manifest-summary.json has s3Prefix exports/");
}

TEST_CASE("A-DESC-FIELD: an incremental summary against a full description disagrees on version and exportType") {
  scenario s{"incr-nao"};
  std::string d = s.e->describe_export;
  const std::string incremental = "\"ExportType\":\"INCREMENTAL_EXPORT\"";
  d.replace(d.find(incremental), incremental.size(), "\"ExportType\":\"FULL_EXPORT\"");
  s.context.description = s.description.read(d);
  const auto r = s.run();
  const auto fields = all_of(r, rule::desc_field);
  REQUIRE(fields.size() == 2);
  CHECK(fields[0]->message == "ExportDescription.ExportType is FULL_EXPORT; manifest-summary.json has version 2023-08-01");
  CHECK(fields[1]->message == "ExportDescription.ExportType is FULL_EXPORT; manifest-summary.json has exportType INCREMENTAL_EXPORT");
}

TEST_CASE("A-OBJ-EXTRA A-STARTED: keys under F′ only; unchecked without a key list") {
  scenario s{"full-json"};
  s.bundle.objects[s.folder + "data/e3aturvsdcfnp4a5qprl7ys2o4.json.gz"] = std::string{art::empty_gzip_member};
  s.bundle.objects[s.folder + "notes.txt"] = "x";
  s.bundle.objects[s.folder + "_started"] = "hello";
  s.bundle.objects["exports/AWSDynamoDB/data/zzzzzzzzzzzzzzzzzzzzzzzzzz.json.gz"] = "outside F′";
  const auto r = s.run();
  const auto extra = all_of(r, rule::obj_extra);
  REQUIRE(extra.size() == 2);
  CHECK(extra[0]->path == s.folder + "data/e3aturvsdcfnp4a5qprl7ys2o4.json.gz");  // byte order
  CHECK(extra[1]->message == s.folder + "notes.txt is not part of the export");
  CHECK(only(r, rule::started).message == "_started holds 5 bytes");
  CHECK(r.valid());
  const lookup_bundle lookup{&s.bundle};
  const auto u = art::verify_export(s.summary_key(), lookup, s.context);
  CHECK(all_of(u, rule::obj_extra).empty());
  CHECK(u.unchecked.back() == rule::obj_extra);
}

TEST_CASE("unchecked lists each id once in §8.2's order; content rules unchecked without an inflater") {
  scenario s{"incr-new"};
  s.bundle.inflate = false;
  s.context.key_schema.reset();
  s.context.complete = false;
  s.bundle.objects.erase(s.data_key(2));
  const auto r = s.run();
  CHECK(r.valid());
  std::vector<std::string> got;
  for (rule u : r.unchecked) got.emplace_back(art::id(u));
  CHECK(got == std::vector<std::string>{"A-DESC-STATUS", "A-DESC-MANIFEST", "A-DESC-FIELD", "A-ETAG-CHANGED", "A-KEY-MISSING",
                                        "A-KEY-TYPE", "A-KEY-EXTRA", "A-KEY-DUP", "A-DATA-FRAME", "A-DATA-COUNT", "A-LINE-JSON",
                                        "A-LINE-SHAPE", "A-LINE-VIEW", "A-ATTR-NAME", "A-AV", "A-INC-KEYS-IMAGE", "A-INC-WTS",
                                        "A-DATA-MISSING", "A-OBJ-EXTRA"});
  for (const auto& f : r.files) CHECK(f.lines == std::nullopt);
  CHECK(r.files.at(0).md5 == art::check_result::verified);
}

// ---- §9 -------------------------------------------------------------------------

std::string import_json(const art::import_result& r) {
  std::string out;
  ddbexport::container_output<std::string> o{out};
  art::write_import(r, o);
  return out;
}

TEST_CASE("A-IMPORT-INCREMENTAL: the golden import fragments, byte for byte") {
  for (const auto& e : exports()) {
    CAPTURE(e.name);
    art::import_context c;
    c.summary_key = e.summary_key;
    const auto r = art::import_for(read_file(bucket_dir / e.summary_key), c);
    std::string expected;
    ddbexport::container_output<std::string> o{expected};
    e.doc.write(e.doc.member(0, "import"), o);
    CHECK(import_json(r) == expected);
  }
  scenario s{"full-json"};
  art::import_context c;
  c.bucket_owner = "111122223333";
  c.summary_key = "elsewhere/manifest-summary.json";
  CHECK(import_json(art::import_for(s.object(s.summary_key()), c)) == "{\"refused\":[\"A-SUM-FOLDER\"]}");
  c.summary_key.reset();
  CHECK(import_json(art::import_for(s.object(s.summary_key()), c)).find("\"S3BucketOwner\":\"111122223333\"") != std::string::npos);
  s.set_summary("{\"outputFormat\":\"PARQUET\",\"s3Bucket\":null}");
  CHECK(import_json(art::import_for(s.object(s.summary_key()), c)) == "{\"refused\":[\"A-SUM-TYPE\",\"A-SUM-ENUM\"]}");
  CHECK(import_json(art::import_for("{", c)) == "{\"refused\":[\"A-SUM-JSON\"]}");
}

TEST_CASE("A-IMPORT-FILES: more than 50,000 data files, only when the files manifest is given") {
  scenario s{"full-json"};
  std::string manifest;
  const std::string line = s.object(s.files_key()).substr(0, s.object(s.files_key()).find('\n') + 1);
  for (int i = 0; i < 50001; ++i) manifest += line;
  art::import_context c;
  c.files_manifest = manifest;
  const auto r = art::import_for(s.object(s.summary_key()), c);
  REQUIRE(r.fragment.has_value());
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].message == "50001 data files exceed ImportTable's 50,000-object limit");
  CHECK(r.warnings[0].path == s.files_key());
  c.files_manifest = std::string_view{manifest}.substr(0, manifest.size() - line.size());
  CHECK(art::import_for(s.object(s.summary_key()), c).warnings.empty());
}
}  // namespace
