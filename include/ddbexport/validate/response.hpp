#ifndef DDBEXPORT_VALIDATE_RESPONSE_HPP
#define DDBEXPORT_VALIDATE_RESPONSE_HPP

// Consistency checks of a 200 body (RULES.md §8). The service would never
// send a description that fails them; they exist to catch broken servers and
// emulators. Each failure is a violation with error "ResponseCheck".

#include <cstdint>
#include <optional>
#include <string_view>

#include "ddbexport/arn.hpp"
#include "ddbexport/detail/ascii.hpp"
#include "ddbexport/detail/patterns.hpp"
#include "ddbexport/detail/utf8.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/enums.hpp"
#include "ddbexport/export_description.hpp"
#include "ddbexport/request.hpp"
#include "ddbexport/validate/rules.hpp"

namespace ddbexport {

struct response_check_result {
  std::size_t violations = 0;
  [[nodiscard]] constexpr bool valid() const noexcept { return violations == 0; }
};

/// The smallest BilledSizeBytes observed for a completed incremental export.
inline constexpr std::int64_t incremental_min_billed_bytes = 10'000'000;

namespace detail {

inline constexpr std::string_view desc = "ExportDescription";

template <diagnostic_sink Sink>
class response_checker {
 public:
  constexpr response_checker(const export_response& response, const export_request* request, Sink& sink)
      : response_(response), request_(request), sink_(sink) {}

  constexpr response_check_result run() {
    if (!response_.export_description) {
      fail(rule_id::r_desc_present, desc);
      return finish();
    }
    const export_description& d = *response_.export_description;
    incremental_ = d.incremental_export_specification.has_value() ||
                   (d.export_type && d.export_type->is(export_type::incremental_export));
    if (d.export_arn) eid_ = export_arn::parse(*d.export_arn);

    check_status(d);
    check_shape(d);
    check_arn(d);
    check_table_id(d);
    check_counts(d);
    check_per_status(d);
    check_defaults(d);
    check_times(d);
    check_export_time(d);
    check_incremental(d);
    check_billing(d);
    check_manifest(d);
    if (request_) check_echo(d, *request_);
    return finish();
  }

 private:
  constexpr response_check_result finish() const { return {sink_.violations()}; }

  constexpr void fail(rule_id rule, field_path path) {
    diagnostic d;
    d.rule = rule;
    d.path = path;
    sink_.report(d);
  }
  static constexpr field_path at(std::string_view member) { return field_path{desc, member}; }

  [[nodiscard]] constexpr bool status_is(const export_description& d, export_status s) const {
    return d.export_status && d.export_status->is(s);
  }

  constexpr void check_status(const export_description& d) {
    if (!d.export_status || !d.export_status->is_known()) fail(rule_id::s_out_status, at("ExportStatus"));
  }

  /// Shared members carry the input's constraints; S3Prefix has the effective minimum of 1.
  constexpr void check_shape(const export_description& d) {
    const auto length_fails = [](const std::optional<std::string_view>& v, std::size_t min, std::size_t max) {
      if (!v) return false;
      const auto n = code_point_count(*v);
      return n < min || n > max;
    };
    const auto enum_fails = [](const auto& v) { return v && !v->is_known(); };
    std::string_view first_bad{};
    const auto note = [&](bool bad, std::string_view member) {
      if (bad && first_bad.empty()) first_bad = member;
    };
    note(length_fails(d.table_arn, 1, 1024), "TableArn");
    note(d.s3_bucket && (length_fails(d.s3_bucket, 0, 255) || !matches_s3_bucket_pattern(*d.s3_bucket)), "S3Bucket");
    note(d.client_token && !matches_client_token_pattern(*d.client_token), "ClientToken");
    note(d.s3_bucket_owner && !matches_s3_bucket_owner_pattern(*d.s3_bucket_owner), "S3BucketOwner");
    note(length_fails(d.s3_prefix, 1, 1024), "S3Prefix");
    note(enum_fails(d.s3_sse_algorithm), "S3SseAlgorithm");
    note(length_fails(d.s3_sse_kms_key_id, 1, 2048), "S3SseKmsKeyId");
    note(enum_fails(d.export_format), "ExportFormat");
    note(enum_fails(d.export_type), "ExportType");
    note(d.incremental_export_specification && enum_fails(d.incremental_export_specification->export_view_type),
         "IncrementalExportSpecification");
    if (d.filter_specification && d.filter_specification->expression_attribute_names)
      for (const auto& e : *d.filter_specification->expression_attribute_names)
        note(code_point_count(e.value) > 65535, "FilterSpecification");
    if (!first_bad.empty()) fail(rule_id::r_desc_shape, at(first_bad));
  }

  constexpr void check_arn(const export_description& d) {
    if (!d.export_arn) return;
    const auto n = code_point_count(*d.export_arn);
    if (n < 37 || n > 1024) fail(rule_id::s_out_arn, at("ExportArn"));
    if (!eid_ || (d.table_arn && eid_->table_arn_text != *d.table_arn))
      fail(rule_id::r_exportarn_shape, at("ExportArn"));
    if (eid_ && d.start_time && eid_->id.start_ms != to_epoch_ms(*d.start_time))
      fail(rule_id::r_exportarn_time, at("ExportArn"));
  }

  constexpr void check_table_id(const export_description& d) {
    if (d.table_id && !matches_table_id_pattern(*d.table_id)) fail(rule_id::s_out_tableid, at("TableId"));
  }

  constexpr void check_counts(const export_description& d) {
    if (d.item_count && *d.item_count < 0)
      fail(rule_id::s_out_counts, at("ItemCount"));
    else if (d.billed_size_bytes && *d.billed_size_bytes < 0)
      fail(rule_id::s_out_counts, at("BilledSizeBytes"));
  }

  /// Reports `rule` once, at the first member that is missing or present against the status's contract.
  constexpr void check_per_status(const export_description& d) {
    struct requirement {
      std::string_view member;
      bool present;
    };
    const bool non_empty_failure_code = d.failure_code && !d.failure_code->empty();
    const requirement base[] = {{"ExportArn", d.export_arn.has_value()},
                                {"StartTime", d.start_time.has_value()},
                                {"TableArn", d.table_arn.has_value()},
                                {"TableId", d.table_id.has_value()},
                                {"S3Bucket", d.s3_bucket.has_value()}};
    const auto first_missing_base = [&]() -> std::string_view {
      for (const auto& r : base)
        if (!r.present) return r.member;
      return {};
    };
    std::string_view bad = first_missing_base();
    const auto must = [&](bool ok, std::string_view member) {
      if (!ok && bad.empty()) bad = member;
    };
    if (status_is(d, export_status::in_progress)) {
      must(!d.end_time, "EndTime");
      must(!d.export_manifest, "ExportManifest");
      must(!d.item_count, "ItemCount");
      must(!d.billed_size_bytes, "BilledSizeBytes");
      must(!d.failure_code, "FailureCode");
      must(!d.failure_message, "FailureMessage");
      if (!bad.empty()) fail(rule_id::r_desc_inprogress, at(bad));
    } else if (status_is(d, export_status::completed)) {
      must(d.end_time.has_value(), "EndTime");
      must(d.export_manifest.has_value(), "ExportManifest");
      must(d.item_count.has_value(), "ItemCount");
      must(d.billed_size_bytes.has_value(), "BilledSizeBytes");
      must(!d.failure_code, "FailureCode");
      must(!d.failure_message, "FailureMessage");
      if (!bad.empty()) fail(rule_id::r_desc_completed, at(bad));
    } else if (status_is(d, export_status::failed)) {
      must(non_empty_failure_code, "FailureCode");
      must(d.failure_message.has_value(), "FailureMessage");
      must(!d.item_count, "ItemCount");
      must(!d.export_manifest, "ExportManifest");
      if (!bad.empty()) fail(rule_id::r_desc_failed, at(bad));
    }
  }

  constexpr void check_defaults(const export_description& d) {
    if (!d.export_format)
      fail(rule_id::r_desc_defaults, at("ExportFormat"));
    else if (!d.s3_sse_algorithm)
      fail(rule_id::r_desc_defaults, at("S3SseAlgorithm"));
    else if (incremental_ && !(d.incremental_export_specification && d.incremental_export_specification->export_view_type))
      fail(rule_id::r_desc_defaults, field_path{desc, "IncrementalExportSpecification", "ExportViewType"});
  }

  constexpr void check_times(const export_description& d) {
    if (d.start_time && d.end_time && *d.end_time < *d.start_time) fail(rule_id::r_desc_times, at("EndTime"));
  }

  constexpr void check_export_time(const export_description& d) {
    if (incremental_) {
      if (d.export_time) fail(rule_id::r_desc_exporttime, at("ExportTime"));
    } else if (!d.export_time || (d.start_time && *d.export_time > *d.start_time)) {
      fail(rule_id::r_desc_exporttime, at("ExportTime"));
    }
  }

  constexpr void check_incremental(const export_description& d) {
    if (!incremental_) return;
    const auto* spec = d.incremental_export_specification ? &*d.incremental_export_specification : nullptr;
    const field_path spec_path{desc, "IncrementalExportSpecification"};
    if (d.export_type && d.export_type->is(export_type::full_export)) {
      fail(rule_id::r_desc_inc, at("ExportType"));
      return;
    }
    if (!spec || !spec->export_from_time || !spec->export_to_time) {
      fail(rule_id::r_desc_inc, spec_path);
      return;
    }
    const std::int64_t span = to_epoch_ms(*spec->export_to_time) - to_epoch_ms(*spec->export_from_time);
    if (span < 900'000 || span > 86'400'000 || (d.start_time && *spec->export_to_time > *d.start_time))
      fail(rule_id::r_desc_inc, spec_path);
  }

  constexpr void check_billing(const export_description& d) {
    if (incremental_ && status_is(d, export_status::completed) && d.billed_size_bytes &&
        *d.billed_size_bytes < incremental_min_billed_bytes)
      fail(rule_id::r_inc_bill, at("BilledSizeBytes"));
  }

  /// `J(S3Prefix) + "AWSDynamoDB/" + eid + "/manifest-summary.json"`, compared piecewise.
  constexpr void check_manifest(const export_description& d) {
    if (!status_is(d, export_status::completed) || !d.export_manifest || !eid_) return;
    std::string_view m = *d.export_manifest;
    const std::string_view prefix = d.s3_prefix.value_or(std::string_view{});
    bool ok = starts_with(m, prefix);
    if (ok) m.remove_prefix(prefix.size());
    if (ok && !prefix.empty() && prefix.back() != '/') {
      ok = starts_with(m, "/");
      if (ok) m.remove_prefix(1);
    }
    constexpr std::string_view folder = "AWSDynamoDB/";
    constexpr std::string_view summary = "/manifest-summary.json";
    const std::string_view arn = *d.export_arn;
    const std::string_view eid_text = arn.substr(arn.size() - export_id::text_size);
    ok = ok && starts_with(m, folder);
    if (ok) m.remove_prefix(folder.size());
    ok = ok && starts_with(m, eid_text);
    if (ok) m.remove_prefix(eid_text.size());
    if (!ok || m != summary) fail(rule_id::r_desc_manifest, at("ExportManifest"));
  }

  /// Echo of the request the caller sent (RULES.md §8, R-DESC-ECHO); reported once.
  constexpr void check_echo(const export_description& d, const export_request& r) {
    std::string_view bad{};
    const auto must = [&](bool ok, std::string_view member) {
      if (!ok && bad.empty()) bad = member;
    };
    must(d.table_arn == r.table_arn, "TableArn");
    must(d.s3_bucket == r.s3_bucket, "S3Bucket");
    must(d.client_token == r.client_token, "ClientToken");
    must(d.s3_bucket_owner == r.s3_bucket_owner, "S3BucketOwner");
    must(d.s3_prefix == r.s3_prefix, "S3Prefix");
    must(d.s3_sse_algorithm == (r.s3_sse_algorithm ? *r.s3_sse_algorithm : s3_sse_algorithm_value{default_s3_sse_algorithm}),
         "S3SseAlgorithm");
    must(d.s3_sse_kms_key_id == r.s3_sse_kms_key_id, "S3SseKmsKeyId");
    must(d.export_format == (r.export_format ? *r.export_format : export_format_value{default_export_format}),
         "ExportFormat");
    // §7: ExportType is echoed when sent; otherwise absent or FULL_EXPORT.
    must(r.export_type ? d.export_type == r.export_type
                       : (!d.export_type || d.export_type->is(export_type::full_export)),
         "ExportType");
    if (is_full(r)) must(d.export_time == (r.export_time ? r.export_time : d.start_time), "ExportTime");
    if (r.incremental_export_specification) {
      const auto& sent = *r.incremental_export_specification;
      const auto* got = d.incremental_export_specification ? &*d.incremental_export_specification : nullptr;
      const export_view_type_value view = sent.export_view_type ? *sent.export_view_type
                                                                : export_view_type_value{default_export_view_type};
      must(got && got->export_from_time == sent.export_from_time &&
               (!sent.export_to_time || got->export_to_time == sent.export_to_time) && got->export_view_type == view,
           "IncrementalExportSpecification");
    }
    if (!bad.empty()) fail(rule_id::r_desc_echo, at(bad));
  }

  const export_response& response_;
  const export_request* request_;
  guarded_sink<Sink> sink_;
  bool incremental_ = false;
  std::optional<export_arn> eid_{};
};

}  // namespace detail

/// Checks a success body. With `request` (the request that produced it) the
/// echo rule R-DESC-ECHO runs too; without it, that rule is skipped.
template <diagnostic_sink Sink>
constexpr response_check_result validate_response(const export_response& response, Sink& sink,
                                                  const export_request* request = nullptr) {
  return detail::response_checker<Sink>{response, request, sink}.run();
}

}  // namespace ddbexport

#endif
