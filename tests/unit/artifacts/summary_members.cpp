// manifest-summary.json, member by member (ARTIFACTS.md §3.3, §7.1): every row
// of summary_members, for both versions, absent, of the wrong JSON type, with
// a value its kind, enumeration or test refuses, and present in the other
// version's summary; every prefix of a golden summary; the rest of §7.1 on
// summaries the reader never gives.
#include <doctest/doctest.h>

#include <map>

#include "bundle.hpp"
#include "ddbexport/artifacts/summary.hpp"

namespace {
using namespace ddbexport::artifacts;
using artifacts_test::collect;
using detail::json_document;

constexpr std::string_view key = "exports/AWSDynamoDB/01777886127318-458ecad7/manifest-summary.json";

/// A golden summary as (name, value text) pairs, to rebuild with edits.
struct members_text {
  std::vector<std::pair<std::string, std::string>> members;

  explicit members_text(std::string_view version) {
    for (const auto& e : artifacts_test::golden_exports()) {
      const std::string text = artifacts_test::read_file(artifacts_test::bucket_dir / e.summary_key);
      json_document doc;
      REQUIRE(doc.parse(text, 8));
      if (doc[doc.member(0, "version")].text != version || !members.empty()) continue;
      doc.for_each_child(0, [&](std::size_t i) {
        std::string value;
        ddbexport::container_output<std::string> o{value};
        doc.write(i, o);
        members.emplace_back(std::string{doc[i].name}, value);
      });
    }
    REQUIRE(!members.empty());
  }
  [[nodiscard]] std::string text() const {
    std::string out = "{";
    for (const auto& [name, value] : members) out += (out.size() > 1 ? ",\"" : "\"") + name + "\":" + value;
    return out + "}";
  }
  [[nodiscard]] members_text with(std::string_view name, std::optional<std::string> value) const {
    members_text copy = *this;
    bool found = false;
    for (auto it = copy.members.begin(); it != copy.members.end(); ++it)
      if (it->first == name) {
        found = true;
        if (value)
          it->second = *value;
        else
          copy.members.erase(it);
        break;
      }
    if (!found && value) copy.members.emplace_back(std::string{name}, *value);
    return copy;
  }
};

/// Reads its own copy of the text: the summary's strings view it.
struct read_back {
  std::string text;
  manifest_summary summary;
  summary_status status;
  collect findings;
  detail::text_storage storage;
  explicit read_back(std::string_view t) : text(t), storage(text.size()) {
    status = read_summary(text, summary, storage.arena(), summary_read_context{key, {}}, findings);
  }
};

/// The usable bit of every row but `except` is set.
bool others_usable(const summary_status& status, std::size_t except, bool incremental) {
  bool all = true;
  for_each_summary_member([&](std::size_t i, const auto& m) {
    if (i != except && in_scope(m.scope, incremental)) all = all && (status.usable >> i & 1u) != 0;
  });
  return all;
}

/// A string value `valid` (A-SUM-VALUE's test) refuses, by the row.
std::string refused_value(std::string_view name) {
  if (name == summary_name(&manifest_summary::table_id)) return "\"3B2F6C1D-9A4E-4F7B-8C21-6D0E5A9F1B37\"";  // uppercase
  if (name == summary_name(&manifest_summary::s3_bucket)) return "\"" + std::string(256, 'b') + "\"";
  if (name == summary_name(&manifest_summary::s3_prefix)) return "\"\"";
  return "\"" + std::string(2049, 'k') + "\"";
}

TEST_CASE("A-SUM-MEMBERS A-SUM-TYPE A-SUM-TIME A-SUM-ENUM A-SUM-VALUE: every member of both versions, one problem at a time") {
  for (const std::string_view version : {full_version, incremental_version}) {
    const bool incremental = version == incremental_version;
    const members_text golden{version};
    {
      read_back clean{golden.text()};
      REQUIRE(clean.findings.all.empty());
      CHECK(others_usable(clean.status, summary_member_count, incremental));
    }
    const auto expect_one = [&](const members_text& t, std::string_view id, std::string_view name, std::size_t row) {
      read_back r{t.text()};
      CAPTURE(t.text());
      REQUIRE_MESSAGE(r.findings.all.size() == 1, r.findings.dump());
      CHECK(ddbexport::artifacts::id(r.findings.all[0].rule) == id);
      CHECK(r.findings.all[0].path == std::string{key} + "#" + std::string{name});
      CHECK(r.status.json);
      if (row < summary_member_count) {
        CHECK((r.status.usable >> row & 1u) == 0);
        CHECK(others_usable(r.status, row, incremental));
      }
      return r.findings.all[0].message;
    };
    for_each_summary_member([&](std::size_t i, const auto& m) {
      CAPTURE(version);
      CAPTURE(m.name);
      const bool is_version = i == summary_index(&manifest_summary::version);
      if (!in_scope(m.scope, incremental)) {
        // The other version's member: A-SUM-MEMBERS and nothing else, whatever its value.
        for (const std::string value : {"\"x\"", "null", "1"}) {
          const std::string message = expect_one(golden.with(m.name, value), "A-SUM-MEMBERS", m.name, summary_member_count);
          CHECK(message == std::string{m.name} + " does not belong to version " + std::string{version});
        }
        return;
      }
      if (is_version) return;  // A-SUM-VERSION's own test (rules.cpp)
      const std::string missing = expect_one(golden.with(m.name, std::nullopt), "A-SUM-MEMBERS", m.name, i);
      CHECK(missing == std::string{m.name} + " is missing for version " + std::string{version});
      const std::string must = std::string{m.name} + " must be ";
      switch (m.kind) {
        case summary_kind::text:
        case summary_kind::time:
          for (const std::string value : {"null", "1", "true", "{}", "[]"})
            CHECK(expect_one(golden.with(m.name, value), "A-SUM-TYPE", m.name, i) == must + "a string");
          break;
        case summary_kind::nullable_text: {
          for (const std::string value : {"1", "false", "[\"x\"]"})
            CHECK(expect_one(golden.with(m.name, value), "A-SUM-TYPE", m.name, i) == must + "a string or null");
          read_back r{golden.with(m.name, "null").text()};
          CHECK(r.findings.all.empty());
          CHECK((r.status.usable >> i & 1u) != 0);
          if constexpr (std::is_same_v<std::remove_cvref_t<decltype(r.summary.*(m.field))>, std::optional<std::string_view>>)
            CHECK_FALSE((r.summary.*(m.field)).has_value());
          break;
        }
        case summary_kind::count: {
          for (const std::string value : {"\"1\"", "null", "-1", "1.0", "1e3", "9007199254740992", "-0.5"})
            CHECK(expect_one(golden.with(m.name, value), "A-SUM-TYPE", m.name, i) == must + "a non-negative integer");
          for (const std::int64_t value : {std::int64_t{0}, std::int64_t{9007199254740991}}) {
            read_back r{golden.with(m.name, std::to_string(value)).text()};
            CHECK(r.findings.all.empty());
            if constexpr (std::is_same_v<std::remove_cvref_t<decltype(r.summary.*(m.field))>, std::int64_t>)
              CHECK(r.summary.*(m.field) == value);
          }
          break;
        }
      }
      if (m.kind == summary_kind::time)
        for (const std::string value : {"\"2026-05-04T09:15:27Z\"", "\"2026-02-29T00:00:00.000Z\"", "\"\""})
          CHECK(expect_one(golden.with(m.name, value), "A-SUM-TIME", m.name, i).starts_with(std::string{m.name} + " is not a UTC time"));
      if (!m.allowed.empty()) {
        for (const std::string value : {"\"\"", "\"x\""})
          CHECK(expect_one(golden.with(m.name, value), "A-SUM-ENUM", m.name, i) ==
                std::string{m.name} + " has an unknown value: " + value.substr(1, value.size() - 2));
        // Every allowed value reads clean (the key id goes with KMS only).
        for (const std::string_view a : m.allowed) {
          members_text t = golden.with(m.name, "\"" + std::string{a} + "\"");
          if (i == summary_index(&manifest_summary::s3_sse_algorithm) && a == ddbexport::to_wire(ddbexport::s3_sse_algorithm::kms))
            t = t.with(summary_name(&manifest_summary::s3_sse_kms_key_id), "\"k\"");
          read_back r{t.text()};
          CHECK_MESSAGE(r.findings.all.empty(), r.findings.dump());
        }
      }
      if (m.valid != nullptr) {
        const std::string value = refused_value(m.name);
        CHECK(expect_one(golden.with(m.name, value), "A-SUM-VALUE", m.name, i).starts_with(std::string{m.name} + " is invalid: "));
      }
    });
  }
}

TEST_CASE("A-SUM-VALUE: a key id goes with KMS only; an unusable algorithm leaves it alone") {
  const members_text golden{full_version};
  const std::string key_id{summary_name(&manifest_summary::s3_sse_kms_key_id)};
  const std::string algorithm{summary_name(&manifest_summary::s3_sse_algorithm)};
  const std::string kms = "\"" + std::string{ddbexport::to_wire(ddbexport::s3_sse_algorithm::kms)} + "\"";
  {
    read_back r{golden.with(key_id, "\"arn:aws:kms:us-west-2:111122223333:key/k\"").text()};
    CHECK(r.findings.ids() == std::set<std::string>{"A-SUM-VALUE"});
    CHECK(r.findings.all.at(0).path == std::string{key} + "#" + key_id);
  }
  {
    read_back r{golden.with(key_id, "\"k\"").with(algorithm, "\"x\"").text()};
    CHECK(r.findings.ids() == std::set<std::string>{"A-SUM-ENUM"});
    CHECK(r.status.is_usable(&manifest_summary::s3_sse_kms_key_id));
  }
  {
    read_back r{golden.with(key_id, "\"k\"").with(algorithm, kms).text()};
    CHECK(r.findings.all.empty());
    CHECK(r.summary.s3_sse_kms_key_id == std::optional<std::string_view>{"k"});
  }
  {
    read_back r{golden.with(key_id, "\"\"").with(algorithm, kms).text()};  // 1..2048 code points
    CHECK(r.findings.ids() == std::set<std::string>{"A-SUM-VALUE"});
    read_back ok{golden.with(key_id, "\"" + std::string(2048, 'k') + "\"").with(algorithm, kms).text()};
    CHECK(ok.findings.all.empty());
  }
}

TEST_CASE("A-SUM-VALUE: the length limits count code points, and the limit itself passes") {
  const members_text golden{full_version};
  const std::string prefix{summary_name(&manifest_summary::s3_prefix)};
  std::string e_acute;
  for (int i = 0; i < 1024; ++i) e_acute += "\xC3\xA9";  // 2048 bytes, 1024 code points
  read_back at_limit{golden.with(prefix, "\"" + e_acute + "\"").text()};
  CHECK(at_limit.findings.all.empty());
  CHECK(at_limit.summary.s3_prefix->size() == 2048);
  read_back over{golden.with(prefix, "\"" + e_acute + "x\"").text()};
  CHECK(over.findings.ids() == std::set<std::string>{"A-SUM-VALUE"});
  const std::string bucket{summary_name(&manifest_summary::s3_bucket)};
  read_back bucket_ok{golden.with(bucket, "\"" + std::string(255, 'b') + "\"").text()};
  CHECK(bucket_ok.findings.all.empty());
}

TEST_CASE("A-SUM-MEMBERS A-SUM-UNKNOWN: members outside the set in the summary's own order, absent ones first") {
  const members_text golden{incremental_version};
  const std::string export_time{summary_name(&manifest_summary::export_time)};
  const std::string end_time{summary_name(&manifest_summary::end_time)};
  read_back r{golden.with("zeta", "1").with(export_time, "\"x\"").with("alpha", "null").with(end_time, std::nullopt).text()};
  REQUIRE(r.findings.all.size() == 4);
  CHECK(r.findings.all[0].path == std::string{key} + "#" + end_time);
  CHECK(r.findings.all[1].path == std::string{key} + "#" + export_time);
  CHECK(id(r.findings.all[2].rule) == std::string{"A-SUM-UNKNOWN"});
  CHECK(r.findings.all[2].path == std::string{key} + "#zeta");
  CHECK(r.findings.all[3].path == std::string{key} + "#alpha");
  CHECK(r.findings.all[3].message == "Unknown member alpha is ignored");
  // exportType FULL_EXPORT is tolerated in a full summary only.
  const std::string export_type{summary_name(&manifest_summary::export_type)};
  const std::string full_export = "\"" + std::string{ddbexport::to_wire(ddbexport::export_type::full_export)} + "\"";
  read_back tolerated{members_text{full_version}.with(export_type, full_export).text()};
  CHECK(tolerated.findings.all.empty());
  read_back incremental{golden.with(export_type, full_export).text()};
  CHECK(incremental.findings.ids() == std::set<std::string>{"A-SUM-ENUM"});
}

TEST_CASE("A-SUM-JSON: every proper prefix of a golden summary, and a summary with escapes in a short arena") {
  for (const std::string_view version : {full_version, incremental_version}) {
    const std::string text = members_text{version}.text();
    for (std::size_t n = 0; n < text.size(); ++n) {
      read_back r{std::string_view{text}.substr(0, n)};
      CAPTURE(n);
      REQUIRE(r.findings.all.size() == 1);
      CHECK(id(r.findings.all[0].rule) == std::string{"A-SUM-JSON"});
      CHECK(r.findings.all[0].offset <= n);
      CHECK_FALSE(r.status.json);
    }
  }
  // Escaped strings are decoded into the caller's arena; one too small is reported, not overrun.
  const std::string escaped = members_text{full_version}.with("s3Bucket", "\"ex\\u0061mple-export-bucket\"").text();
  {
    read_back roomy{escaped};
    CHECK(roomy.findings.all.empty());
    CHECK(roomy.summary.s3_bucket == "example-export-bucket");
  }
  std::array<std::byte, 4> tiny{};
  ddbexport::json::arena storage{std::span<std::byte>{tiny}};
  manifest_summary s;
  collect findings;
  const auto status = read_summary(escaped, s, storage, summary_read_context{key, {}}, findings);
  CHECK(findings.ids() == std::set<std::string>{"A-SUM-JSON"});
  CHECK(findings.all.at(0).message == "manifest-summary.json is not a JSON object: reader storage exhausted");
  CHECK_FALSE(status.json);
  CHECK(status.usable == 0);
}

/// A read golden summary whose fields a test then changes, as a caller's summary may be.
struct checked {
  members_text text;
  read_back read;
  explicit checked(std::string_view version) : text(version), read(text.text()) { REQUIRE(read.findings.all.empty()); }
  std::set<std::string> check(std::string_view at = key) {
    collect findings;
    check_summary(read.summary, read.status, at, findings);
    return findings.ids();
  }
};

TEST_CASE("A-SUM-ARN A-SUM-ARN-TIME A-SUM-TIMES A-SUM-BILL: check_summary on summaries no text gives") {
  {
    checked c{full_version};
    CHECK(c.check().empty());
    c.read.status.version = false;  // A-SUM-VERSION failed: nothing to check
    c.read.summary.end_time = ddbexport::from_epoch_ms(0);
    CHECK(c.check().empty());
  }
  {
    checked c{full_version};
    // A time outside ISO-ms's years: the message shows it in ms.
    c.read.summary.start_time = ddbexport::from_epoch_ms(253'402'300'800'000);
    collect findings;
    check_summary(c.read.summary, c.read.status, key, findings);
    CHECK(findings.ids() == std::set<std::string>{"A-SUM-ARN-TIME", "A-SUM-TIMES"});  // endTime is now before it
    CHECK(findings.all.at(0).message == "Export id 01777886127318-458ecad7 does not encode startTime 253402300800000 ms");
  }
  {
    checked c{full_version};
    c.read.status.usable &= ~(1u << summary_index(&manifest_summary::table_arn));  // A-SUM-ARN not evaluated
    CHECK(c.check().empty());
    c.read.status.usable &= ~(1u << summary_index(&manifest_summary::export_arn));
    CHECK(c.check().empty());
  }
  {
    checked c{full_version};
    c.read.summary.table_arn = "arn:aws:dynamodb:us-west-2:111122223333:table/Other";
    CHECK(c.check() == std::set<std::string>{"A-SUM-ARN"});
    c.read.summary.table_arn = "not an arn";
    CHECK(c.check() == std::set<std::string>{"A-SUM-ARN"});
  }
  {
    checked c{full_version};
    // Without the summary's key, A-SUM-FOLDER and A-SUM-FILESKEY are skipped.
    c.read.summary.manifest_files_s3_key = "elsewhere";
    CHECK(c.check() == std::set<std::string>{"A-SUM-FILESKEY"});
    CHECK(c.check("").empty());
    CHECK(c.check("exports/AWSDynamoDB/01777886127318-458ecad7/x/manifest-summary.json") ==
          std::set<std::string>{"A-SUM-FOLDER", "A-SUM-FILESKEY"});
  }
  {
    checked c{incremental_version};
    CHECK(c.check("").empty());
    const auto to = ddbexport::to_epoch_ms(c.read.summary.export_to_time);
    c.read.summary.export_from_time = ddbexport::from_epoch_ms(to - 86'400'001);  // a window over 24 hours
    CHECK(c.check("") == std::set<std::string>{"A-SUM-TIMES"});
    c.read.summary.export_from_time = ddbexport::from_epoch_ms(to - 86'400'000);
    CHECK(c.check("").empty());
    c.read.summary.export_from_time = ddbexport::from_epoch_ms(to);
    CHECK(c.check("") == std::set<std::string>{"A-SUM-TIMES"});
    c.read.status.usable &= ~(1u << summary_index(&manifest_summary::export_to_time));
    CHECK(c.check("").empty());
    c.read.summary.billed_size_bytes = 9'999'999;
    CHECK(c.check("") == std::set<std::string>{"A-SUM-BILL"});
    c.read.status.usable &= ~(1u << summary_index(&manifest_summary::billed_size_bytes));
    CHECK(c.check("").empty());
  }
  {
    checked c{incremental_version};
    c.read.summary.export_to_time = ddbexport::from_epoch_ms(ddbexport::to_epoch_ms(c.read.summary.start_time) + 1);
    c.read.summary.export_from_time = ddbexport::from_epoch_ms(ddbexport::to_epoch_ms(c.read.summary.export_to_time) - 900'000);
    CHECK(c.check("") == std::set<std::string>{"A-SUM-TIMES"});
    c.read.status.usable &= ~(1u << summary_index(&manifest_summary::start_time));
    CHECK(c.check("").empty());
  }
}

TEST_CASE("A-DESC-FIELD: write_summary refuses a version it does not know, and writes nothing") {
  checked c{full_version};
  c.read.summary.version = "2021-01-01";
  std::string out;
  ddbexport::container_output<std::string> o{out};
  CHECK_FALSE(write_summary(c.read.summary, o));
  CHECK(out.empty());
  c.read.summary.version = incremental_version;  // an incremental summary writes its own set
  CHECK(write_summary(c.read.summary, o));
  CHECK(out.find("\"exportTime\"") == std::string::npos);
  CHECK(out.find("\"exportFromTime\":") != std::string::npos);
}
}  // namespace
