#ifndef DDBEXPORT_VALIDATE_RESPONSE_HPP
#define DDBEXPORT_VALIDATE_RESPONSE_HPP

// Consistency checks of a 200 body (RULES.md §8). The service would never
// send a description that fails them; they exist to catch broken servers and
// emulators. Each failure is a violation with error "ResponseCheck".

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "ddbexport/arn.hpp"
#include "ddbexport/describe_export.hpp"
#include "ddbexport/detail/ascii.hpp"
#include "ddbexport/enums.hpp"
#include "ddbexport/export_description.hpp"
#include "ddbexport/members.hpp"
#include "ddbexport/request.hpp"
#include "ddbexport/validate/context.hpp"
#include "ddbexport/validate/detail/reporter.hpp"
#include "ddbexport/validate/detail/shape_check.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/validate/limits.hpp"
#include "ddbexport/validate/result.hpp"
#include "ddbexport/validate/rules.hpp"

namespace ddbexport {

namespace detail {

using description_t = export_description;

template <diagnostic_sink Sink>
class response_checker {
 public:
  /// `desc` is the path of the description (`ExportDescription`, from the output's table).
  constexpr response_checker(const std::optional<export_description>& description, field_path desc,
                             const response_context& context, Sink& sink)
      : description_(description), desc_(desc), request_(context.request), out_(sink) {}

  constexpr validation_result run() {
    if (!description_) {
      fail(rule_id::r_desc_present, desc_);
      return out_.result();
    }
    const export_description& d = *description_;
    incremental_ = d.incremental_export_specification.has_value() ||
                   (d.export_type && d.export_type->is(export_type::incremental_export));
    if (d.export_arn) eid_ = export_arn::parse(*d.export_arn);

    find_shape_failures(d);
    report_shape_failure(rule_id::s_out_status);
    report_shape_failure(rule_id::r_desc_shape);
    check_arn(d);
    report_shape_failure(rule_id::s_out_tableid);
    // RULES.md §8 names ItemCount before BilledSizeBytes, unlike the wire order.
    report_shape_failure_in_order<&description_t::item_count, &description_t::billed_size_bytes>(rule_id::s_out_counts);
    check_per_status(d);
    check_defaults(d);
    check_times(d);
    check_export_time(d);
    check_incremental(d);
    check_billing(d);
    check_manifest(d);
    if (request_) check_echo(d, *request_);
    return out_.result();
  }

 private:
  constexpr void fail(rule_id rule, field_path path) { out_.report(diagnostic{.rule = rule, .path = path}); }
  [[nodiscard]] constexpr field_path at(std::string_view member) const { return desc_.child(member); }
  template <auto Pointer>
  [[nodiscard]] constexpr field_path at() const {
    return desc_.child(wire_name_of<Pointer>);
  }

  [[nodiscard]] constexpr bool status_is(const export_description& d, export_status s) const {
    return d.export_status && d.export_status->is(s);
  }

  /// The table's constraints (RULES.md §2) give S-OUT-STATUS, R-DESC-SHAPE,
  /// S-OUT-ARN, S-OUT-TABLEID and S-OUT-COUNTS; each is reported once, at
  /// the first top-level member that fails it.
  constexpr void find_shape_failures(const export_description& d) {
    check_shape(d, field_path{}, [&](const diagnostic& item, std::size_t member) {
      failed_members_[static_cast<std::size_t>(item.rule)] |= std::uint64_t{1} << member;
    });
  }
  constexpr void report_shape_failure(rule_id rule) {
    const std::uint64_t failed = failed_members_[static_cast<std::size_t>(rule)];
    for (std::size_t member = 0; member < member_count<export_description>; ++member)
      if ((failed & (std::uint64_t{1} << member)) != 0) {
        fail(rule, at(member_names<export_description>[member]));
        return;
      }
  }
  /// As report_shape_failure, trying the members in the order the rule names them.
  template <auto... Pointers>
  constexpr void report_shape_failure_in_order(rule_id rule) {
    const std::uint64_t failed = failed_members_[static_cast<std::size_t>(rule)];
    static_cast<void>(((((failed >> member_index<Pointers>) & 1) != 0 ? (fail(rule, at<Pointers>()), true) : false) || ...));
  }

  constexpr void check_arn(const export_description& d) {
    if (!d.export_arn) return;
    constexpr auto arn = &description_t::export_arn;
    report_shape_failure(rule_id::s_out_arn);
    if (!eid_ || (d.table_arn && eid_->table_arn_text != *d.table_arn)) fail(rule_id::r_exportarn_shape, at<arn>());
    if (eid_ && d.start_time && eid_->id.start_ms != to_epoch_ms(*d.start_time))
      fail(rule_id::r_exportarn_time, at<arn>());
  }

  struct presence {
    std::string_view member;
    bool present;
  };
  template <auto Pointer>
  static constexpr presence has(const export_description& d) noexcept {
    return {wire_name_of<Pointer>, (d.*Pointer).has_value()};
  }

  /// Reports the status's rule once, at the first member that is missing or
  /// present against its contract (the base set first).
  constexpr void check_per_status(const export_description& d) {
    using D = description_t;
    std::string_view bad{};
    const auto must = [&](presence p, bool wanted) {
      if (p.present != wanted && bad.empty()) bad = p.member;
    };
    for (const presence& p : {has<&D::export_arn>(d), has<&D::start_time>(d), has<&D::table_arn>(d),
                              has<&D::table_id>(d), has<&D::s3_bucket>(d)})
      must(p, true);
    const auto report = [&](rule_id rule) {
      if (!bad.empty()) fail(rule, at(bad));
    };
    if (status_is(d, export_status::in_progress)) {
      for (const presence& p : {has<&D::end_time>(d), has<&D::export_manifest>(d), has<&D::item_count>(d),
                                has<&D::billed_size_bytes>(d), has<&D::failure_code>(d), has<&D::failure_message>(d)})
        must(p, false);
      report(rule_id::r_desc_inprogress);
    } else if (status_is(d, export_status::completed)) {
      for (const presence& p : {has<&D::end_time>(d), has<&D::export_manifest>(d), has<&D::item_count>(d),
                                has<&D::billed_size_bytes>(d)})
        must(p, true);
      must(has<&D::failure_code>(d), false);
      must(has<&D::failure_message>(d), false);
      report(rule_id::r_desc_completed);
    } else if (status_is(d, export_status::failed)) {
      must({wire_name_of<&D::failure_code>, d.failure_code && !d.failure_code->empty()}, true);
      must(has<&D::failure_message>(d), true);
      must(has<&D::item_count>(d), false);
      must(has<&D::export_manifest>(d), false);
      report(rule_id::r_desc_failed);
    }
  }

  constexpr void check_defaults(const export_description& d) {
    if (!d.export_format)
      fail(rule_id::r_desc_defaults, at<&description_t::export_format>());
    else if (!d.s3_sse_algorithm)
      fail(rule_id::r_desc_defaults, at<&description_t::s3_sse_algorithm>());
    else if (incremental_ && !(d.incremental_export_specification && d.incremental_export_specification->export_view_type))
      fail(rule_id::r_desc_defaults, at<&description_t::incremental_export_specification>().child(
                                         wire_name_of<&incremental_export_specification::export_view_type>));
  }

  constexpr void check_times(const export_description& d) {
    if (d.start_time && d.end_time && *d.end_time < *d.start_time) fail(rule_id::r_desc_times, at<&description_t::end_time>());
  }

  constexpr void check_export_time(const export_description& d) {
    if (incremental_) {
      if (d.export_time) fail(rule_id::r_desc_exporttime, at<&description_t::export_time>());
    } else if (!d.export_time || (d.start_time && *d.export_time > *d.start_time)) {
      fail(rule_id::r_desc_exporttime, at<&description_t::export_time>());
    }
  }

  constexpr void check_incremental(const export_description& d) {
    if (!incremental_) return;
    const auto* spec = d.incremental_export_specification ? &*d.incremental_export_specification : nullptr;
    const field_path spec_path = at<&description_t::incremental_export_specification>();
    if (d.export_type && d.export_type->is(export_type::full_export)) {
      fail(rule_id::r_desc_inc, at<&description_t::export_type>());
      return;
    }
    if (!spec || !spec->export_from_time || !spec->export_to_time) {
      fail(rule_id::r_desc_inc, spec_path);
      return;
    }
    const std::int64_t span = to_epoch_ms(*spec->export_to_time) - to_epoch_ms(*spec->export_from_time);
    if (span < incremental_min_ms || span > incremental_max_ms || (d.start_time && *spec->export_to_time > *d.start_time))
      fail(rule_id::r_desc_inc, spec_path);
  }

  constexpr void check_billing(const export_description& d) {
    if (incremental_ && status_is(d, export_status::completed) && d.billed_size_bytes &&
        *d.billed_size_bytes < incremental_min_billed_bytes)
      fail(rule_id::r_inc_bill, at<&description_t::billed_size_bytes>());
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
    if (!ok || m != summary) fail(rule_id::r_desc_manifest, at<&description_t::export_manifest>());
  }

  /// Echo of the request the caller sent (RULES.md §8, R-DESC-ECHO); reported once.
  constexpr void check_echo(const export_description& d, const export_request& r) {
    std::string_view bad{};
    const auto must = [&](bool ok, std::string_view member) {
      if (!ok && bad.empty()) bad = member;
    };
    must(d.table_arn == r.table_arn, wire_name_of<&description_t::table_arn>);
    must(d.s3_bucket == r.s3_bucket, wire_name_of<&description_t::s3_bucket>);
    must(d.client_token == r.client_token, wire_name_of<&description_t::client_token>);
    must(d.s3_bucket_owner == r.s3_bucket_owner, wire_name_of<&description_t::s3_bucket_owner>);
    must(d.s3_prefix == r.s3_prefix, wire_name_of<&description_t::s3_prefix>);
    must(d.s3_sse_algorithm == (r.s3_sse_algorithm ? *r.s3_sse_algorithm : s3_sse_algorithm_value{default_s3_sse_algorithm}),
         wire_name_of<&description_t::s3_sse_algorithm>);
    must(d.s3_sse_kms_key_id == r.s3_sse_kms_key_id, wire_name_of<&description_t::s3_sse_kms_key_id>);
    must(d.export_format == (r.export_format ? *r.export_format : export_format_value{default_export_format}),
         wire_name_of<&description_t::export_format>);
    // §7: ExportType is echoed when sent; otherwise absent or FULL_EXPORT.
    must(r.export_type ? d.export_type == r.export_type
                       : (!d.export_type || d.export_type->is(export_type::full_export)),
         wire_name_of<&description_t::export_type>);
    if (is_full(r)) must(d.export_time == (r.export_time ? r.export_time : d.start_time), wire_name_of<&description_t::export_time>);
    if (r.incremental_export_specification) {
      const auto& sent = *r.incremental_export_specification;
      const auto* got = d.incremental_export_specification ? &*d.incremental_export_specification : nullptr;
      const export_view_type_value view = sent.export_view_type ? *sent.export_view_type
                                                                : export_view_type_value{default_export_view_type};
      must(got && got->export_from_time == sent.export_from_time &&
               (!sent.export_to_time || got->export_to_time == sent.export_to_time) && got->export_view_type == view,
           wire_name_of<&description_t::incremental_export_specification>);
    }
    if (!bad.empty()) fail(rule_id::r_desc_echo, at(bad));
  }

  const std::optional<export_description>& description_;
  field_path desc_;
  const export_request* request_;
  reporter<Sink> out_;
  bool incremental_ = false;
  std::optional<export_arn> eid_{};
  std::uint64_t failed_members_[rule_count] = {};  ///< per rule, one bit per member of the table
};

}  // namespace detail

/// Checks a success body (RULES.md §8). With `context.request` (the request
/// that produced it) the echo rule R-DESC-ECHO runs too; without it, that
/// rule is skipped.
template <diagnostic_sink Sink>
constexpr validation_result validate(const export_response& response, const response_context& context, Sink& sink) {
  return detail::response_checker<Sink>{response.export_description,
                                        detail::member_path<&export_response::export_description>, context, sink}
      .run();
}

/// DescribeExport's answer carries the same description, checked the same way.
template <diagnostic_sink Sink>
constexpr validation_result validate(const describe_export_response& response, const response_context& context,
                                     Sink& sink) {
  return detail::response_checker<Sink>{response.export_description,
                                        detail::member_path<&describe_export_response::export_description>, context,
                                        sink}
      .run();
}

/// validate(response, response_context{request}, sink), in the argument order of 0.1.
template <diagnostic_sink Sink>
constexpr validation_result validate_response(const export_response& response, Sink& sink,
                                              const export_request* request = nullptr) {
  return validate(response, response_context{request}, sink);
}

}  // namespace ddbexport

#endif
