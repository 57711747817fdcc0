#ifndef DDBEXPORT_ARTIFACTS_IMPORT_HPP
#define DDBEXPORT_ARTIFACTS_IMPORT_HPP

/// The bridge from a full export to ImportTable (ARTIFACTS.md §9): the
/// S3BucketSource, InputFormat and InputCompressionType that load it, or the
/// rules that refuse it. A-IMPORT-INCREMENTAL and A-IMPORT-FILES belong to
/// the bridge alone: verification never evaluates them.

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/artifacts/files_manifest.hpp"
#include "ddbexport/artifacts/layout.hpp"
#include "ddbexport/artifacts/rules.hpp"
#include "ddbexport/artifacts/summary.hpp"
#include "ddbexport/json/arena.hpp"
#include "ddbexport/json/detail/escape.hpp"
#include "ddbexport/output.hpp"

namespace ddbexport::artifacts {

/// ImportTable's object limit (DGimp).
inline constexpr std::size_t import_object_limit = 50000;

struct import_fragment {
  std::string s3_bucket;
  std::optional<std::string> s3_bucket_owner;
  std::string s3_key_prefix;  ///< J(s3Prefix) + `AWSDynamoDB/` + eid + `/data/`
  std::string input_format;   ///< the summary's outputFormat
};

/// The fragment, or the ids that refuse it; and A-IMPORT-FILES when the files
/// manifest was given and lists too many data files.
struct import_result {
  std::optional<import_fragment> fragment;
  std::vector<rule> refused;
  std::vector<finding> warnings;
};

/// What the bridge may know besides the summary.
struct import_context {
  std::optional<std::string_view> summary_key;     ///< enables the A-SUM-FOLDER test
  std::optional<std::string_view> bucket_owner;    ///< the ExportDescription's S3BucketOwner, or the bucket's account
  std::optional<std::string_view> files_manifest;  ///< its text, for A-IMPORT-FILES
  artifact_limits limits{};
};

[[nodiscard]] inline import_result import_for(std::string_view summary_text, const import_context& c) {
  import_result result;
  struct keep {
    std::vector<finding> all;
    void accept(finding f) { all.push_back(std::move(f)); }
  } findings;
  manifest_summary s;
  detail::text_storage storage{std::min(summary_text.size(), c.limits.summary_bytes)};
  const summary_status status =
      read_summary(summary_text, s, storage.arena(), summary_read_context{c.summary_key.value_or(""), c.limits}, findings);
  const auto refuse = [&](rule r) {
    if (std::find(result.refused.begin(), result.refused.end(), r) == result.refused.end()) result.refused.push_back(r);
  };
  if (!status.version) {
    refuse(findings.all.empty() ? rule::sum_version : findings.all.front().rule);
    return result;
  }
  if (s.incremental()) {
    refuse(rule::import_incremental);
    return result;
  }
  // The §7.1 findings on the members the fragment needs, in their order.
  const auto needed = {summary_name(&manifest_summary::export_arn), summary_name(&manifest_summary::table_arn),
                       summary_name(&manifest_summary::s3_bucket), summary_name(&manifest_summary::s3_prefix),
                       summary_name(&manifest_summary::output_format)};
  for (const auto& f : findings.all)
    for (std::string_view member : needed)
      if (f.severity == severity::error && f.path.ends_with("#" + std::string{member})) refuse(f.rule);
  bool evaluated = false;
  const auto eid = summary_export_id(s, status, &evaluated);
  if (evaluated && !eid) refuse(rule::sum_arn);
  if (eid && status.is_usable(&manifest_summary::s3_prefix) && c.summary_key &&
      layout_of(s.s3_prefix, *eid, false).summary_key() != *c.summary_key)
    refuse(rule::sum_folder);
  if (!result.refused.empty() || !eid || !status.is_usable(&manifest_summary::s3_bucket) ||
      !status.is_usable(&manifest_summary::s3_prefix) || !status.is_usable(&manifest_summary::output_format))
    return result;
  const export_layout layout = layout_of(s.s3_prefix, *eid, false);
  result.fragment = import_fragment{std::string{s.s3_bucket},
                                    c.bucket_owner ? std::optional<std::string>{std::string{*c.bucket_owner}} : std::nullopt,
                                    layout.data_folder, std::string{s.output_format}};
  if (c.files_manifest && status.is_usable(&manifest_summary::manifest_files_s3_key)) {
    struct ignore {
      void accept(finding) {}
    } quiet;
    detail::text_storage files_storage{c.files_manifest->size()};
    const auto files = read_files_manifest(*c.files_manifest, files_storage.arena(),
                                           files_read_context{s.manifest_files_s3_key, c.limits}, quiet, [](const files_line&) {});
    if (files.entries > import_object_limit) {
      const std::string n = detail::decimal(files.entries);
      result.warnings.push_back(
          make_finding(rule::import_files, false, std::string{s.manifest_files_s3_key}, std::nullopt, {{"n", n}}));
    }
  }
  return result;
}

/// §9's JSON: the fragment (members in the request's order, then the API
/// reference's for S3BucketSource), or `{"refused":[…]}`.
template <text_output Out>
void write_import(const import_result& r, Out& out) {
  if (!r.fragment) {
    out.write("{\"refused\":[");
    for (std::size_t i = 0; i < r.refused.size(); ++i) {
      if (i != 0) out.write(",");
      ddbexport::detail::write_json_string(out, id(r.refused[i]));
    }
    out.write("]}");
    return;
  }
  const import_fragment& f = *r.fragment;
  out.write("{\"S3BucketSource\":{\"S3Bucket\":");
  ddbexport::detail::write_json_string(out, f.s3_bucket);
  if (f.s3_bucket_owner) {
    out.write(",\"S3BucketOwner\":");
    ddbexport::detail::write_json_string(out, *f.s3_bucket_owner);
  }
  out.write(",\"S3KeyPrefix\":");
  ddbexport::detail::write_json_string(out, f.s3_key_prefix);
  out.write("},\"InputFormat\":");
  ddbexport::detail::write_json_string(out, f.input_format);
  out.write(",\"InputCompressionType\":\"GZIP\"}");
}

}  // namespace ddbexport::artifacts

#endif
