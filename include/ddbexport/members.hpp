#ifndef DDBEXPORT_MEMBERS_HPP
#define DDBEXPORT_MEMBERS_HPP

/// The member tables of every shape. A member's facts (wire name and model
/// constraints, RULES.md §2, SERVICE.md §5 and §6) are written once in
/// `facts::`; each shape's table binds them to its C++ members in wire order
/// and names the rule that reports each constraint there.

#include <cstdint>
#include <limits>
#include <string_view>

#include "ddbexport/detail/table.hpp"
#include "ddbexport/continuous_backups.hpp"
#include "ddbexport/describe_export.hpp"
#include "ddbexport/detail/patterns.hpp"
#include "ddbexport/export_description.hpp"
#include "ddbexport/list_exports.hpp"
#include "ddbexport/member.hpp"
#include "ddbexport/request.hpp"
#include "ddbexport/validate/rules.hpp"

namespace ddbexport {

namespace facts {
inline constexpr pattern_trait s3_bucket_pattern{detail::s3_bucket_pattern, detail::matches_s3_bucket_pattern};
inline constexpr pattern_trait client_token_pattern{detail::client_token_pattern, detail::matches_client_token_pattern};
inline constexpr pattern_trait s3_bucket_owner_pattern{detail::s3_bucket_owner_pattern,
                                                      detail::matches_s3_bucket_owner_pattern};
inline constexpr pattern_trait table_id_pattern{detail::table_id_pattern, detail::matches_table_id_pattern};

inline constexpr std::int64_t max_long = std::numeric_limits<std::int64_t>::max();

// ExportTableToPointInTimeInput (RULES.md §2.1); ExportDescription shares them (§2.2).
inline constexpr member_facts table_arn{"TableArn", length_bounds{1, 1024}};
inline constexpr member_facts s3_bucket{"S3Bucket", length_bounds{0, 255}, s3_bucket_pattern};
inline constexpr member_facts export_time{"ExportTime"};
inline constexpr member_facts client_token{"ClientToken", std::nullopt, client_token_pattern};
inline constexpr member_facts s3_bucket_owner{"S3BucketOwner", std::nullopt, s3_bucket_owner_pattern};
// The model says 0..1024; the live service rejects '' (RULES.md §7), so the
// effective minimum is 1, in requests and in descriptions alike.
inline constexpr member_facts s3_prefix{"S3Prefix", length_bounds{1, 1024}};
inline constexpr member_facts s3_sse_algorithm{"S3SseAlgorithm"};
inline constexpr member_facts s3_sse_kms_key_id{"S3SseKmsKeyId", length_bounds{1, 2048}};
inline constexpr member_facts export_format{"ExportFormat"};
inline constexpr member_facts export_type{"ExportType"};
inline constexpr member_facts incremental_export_specification{"IncrementalExportSpecification"};
inline constexpr member_facts filter_specification{"FilterSpecification"};

inline constexpr member_facts export_from_time{"ExportFromTime"};
inline constexpr member_facts export_to_time{"ExportToTime"};
inline constexpr member_facts export_view_type{"ExportViewType"};

inline constexpr member_facts filter_expression{"FilterExpression"};
inline constexpr member_facts projection_expression{"ProjectionExpression"};
inline constexpr member_facts key_condition_expression{"KeyConditionExpression"};
inline constexpr member_facts expression_attribute_names{"ExpressionAttributeNames", length_bounds{0, 65535}};
inline constexpr member_facts expression_attribute_values{"ExpressionAttributeValues"};

// ExportDescription's own (RULES.md §2.2); ExportArn is also DescribeExport's input.
inline constexpr member_facts export_arn{"ExportArn", length_bounds{37, 1024}};
inline constexpr member_facts export_status{"ExportStatus"};
inline constexpr member_facts start_time{"StartTime"};
inline constexpr member_facts end_time{"EndTime"};
inline constexpr member_facts export_manifest{"ExportManifest"};
inline constexpr member_facts table_id{"TableId", std::nullopt, table_id_pattern};
inline constexpr member_facts failure_code{"FailureCode"};
inline constexpr member_facts failure_message{"FailureMessage"};
inline constexpr member_facts billed_size_bytes{"BilledSizeBytes", std::nullopt, std::nullopt, value_range{0, max_long}};
inline constexpr member_facts item_count{"ItemCount", std::nullopt, std::nullopt, value_range{0, max_long}};
inline constexpr member_facts export_description{"ExportDescription"};

// ListExports (SERVICE.md §6).
inline constexpr member_facts max_results{"MaxResults", std::nullopt, std::nullopt, value_range{1, 25}};
inline constexpr member_facts next_token{"NextToken"};
inline constexpr member_facts export_summaries{"ExportSummaries"};

// The PITR context (RULES.md §2.3).
inline constexpr member_facts point_in_time_recovery_status{"PointInTimeRecoveryStatus"};
inline constexpr member_facts recovery_period_in_days{"RecoveryPeriodInDays", std::nullopt, std::nullopt,
                                                      value_range{1, 35}};
inline constexpr member_facts earliest_restorable_date_time{"EarliestRestorableDateTime"};
inline constexpr member_facts latest_restorable_date_time{"LatestRestorableDateTime"};
inline constexpr member_facts continuous_backups_status{"ContinuousBackupsStatus"};
inline constexpr member_facts point_in_time_recovery_description{"PointInTimeRecoveryDescription"};
}  // namespace facts

template <>
struct shape_of<incremental_export_specification> {
  using S = incremental_export_specification;
  static constexpr std::string_view name = facts::incremental_export_specification.name;
  static constexpr detail::table members{
      member{facts::export_from_time, &S::export_from_time},
      member{facts::export_to_time, &S::export_to_time},
      member{facts::export_view_type, &S::export_view_type, {.enumeration = rule_id::s_view_enum}},
  };
};

template <>
struct shape_of<filter_specification> {
  using S = filter_specification;
  static constexpr std::string_view name = facts::filter_specification.name;
  static constexpr detail::table members{
      member{facts::filter_expression, &S::filter_expression},
      member{facts::projection_expression, &S::projection_expression},
      member{facts::key_condition_expression, &S::key_condition_expression},
      member{facts::expression_attribute_names, &S::expression_attribute_names,
             {.length = rule_id::s_filter_names_len}},
      member{facts::expression_attribute_values, &S::expression_attribute_values},
  };
};

template <>
struct shape_of<export_request> {
  using S = export_request;
  static constexpr std::string_view name = "ExportTableToPointInTimeInput";
  static constexpr bool input = true;
  static constexpr detail::table members{
      member{facts::table_arn, &S::table_arn, {.required = rule_id::s_tablearn_req, .length = rule_id::s_tablearn_len}},
      member{facts::s3_bucket, &S::s3_bucket,
             {.required = rule_id::s_bucket_req, .length = rule_id::s_bucket_len, .pattern = rule_id::s_bucket_pat}},
      member{facts::export_time, &S::export_time},
      member{facts::client_token, &S::client_token, {.pattern = rule_id::s_token_pat}},
      member{facts::s3_bucket_owner, &S::s3_bucket_owner, {.pattern = rule_id::s_owner_pat}},
      member{facts::s3_prefix, &S::s3_prefix, {.length = rule_id::s_prefix_len}},
      member{facts::s3_sse_algorithm, &S::s3_sse_algorithm, {.enumeration = rule_id::s_sse_enum}},
      member{facts::s3_sse_kms_key_id, &S::s3_sse_kms_key_id, {.length = rule_id::s_kmsid_len}},
      member{facts::export_format, &S::export_format, {.enumeration = rule_id::s_fmt_enum}},
      member{facts::export_type, &S::export_type, {.enumeration = rule_id::s_type_enum}},
      member{facts::incremental_export_specification, &S::incremental_export_specification},
      member{facts::filter_specification, &S::filter_specification},
  };
};

template <>
struct shape_of<export_description> {
  using S = export_description;
  static constexpr std::string_view name = facts::export_description.name;
  // The members it shares with the request carry the request's constraints,
  // all reported as R-DESC-SHAPE (RULES.md §8); its own have their S-OUT- rules.
  static constexpr auto shared = member_checks::values(rule_id::r_desc_shape);
  static constexpr detail::table members{
      member{facts::export_arn, &S::export_arn, {.length = rule_id::s_out_arn}},
      member{facts::export_status, &S::export_status,
             {.required = rule_id::s_out_status, .enumeration = rule_id::s_out_status}},
      member{facts::start_time, &S::start_time},
      member{facts::end_time, &S::end_time},
      member{facts::export_manifest, &S::export_manifest},
      member{facts::table_arn, &S::table_arn, shared},
      member{facts::table_id, &S::table_id, {.pattern = rule_id::s_out_tableid}},
      member{facts::export_time, &S::export_time},
      member{facts::client_token, &S::client_token, shared},
      member{facts::s3_bucket, &S::s3_bucket, shared},
      member{facts::s3_bucket_owner, &S::s3_bucket_owner, shared},
      member{facts::s3_prefix, &S::s3_prefix, shared},
      member{facts::s3_sse_algorithm, &S::s3_sse_algorithm, shared},
      member{facts::s3_sse_kms_key_id, &S::s3_sse_kms_key_id, shared},
      member{facts::failure_code, &S::failure_code},
      member{facts::failure_message, &S::failure_message},
      member{facts::export_format, &S::export_format, shared},
      member{facts::billed_size_bytes, &S::billed_size_bytes, {.range = rule_id::s_out_counts}},
      member{facts::item_count, &S::item_count, {.range = rule_id::s_out_counts}},
      member{facts::export_type, &S::export_type, shared},
      member{facts::incremental_export_specification, &S::incremental_export_specification, shared},
      member{facts::filter_specification, &S::filter_specification, shared},
  };
};

template <>
struct shape_of<export_response> {
  using S = export_response;
  static constexpr std::string_view name = "ExportTableToPointInTimeOutput";
  static constexpr detail::table members{member{facts::export_description, &S::export_description}};
};

template <>
struct shape_of<describe_export_request> {
  using S = describe_export_request;
  static constexpr std::string_view name = "DescribeExportInput";
  static constexpr bool input = true;
  static constexpr detail::table members{
      member{facts::export_arn, &S::export_arn,
             {.required = rule_id::v_desc_shape, .length = rule_id::v_desc_shape}},
  };
};

template <>
struct shape_of<describe_export_response> {
  using S = describe_export_response;
  static constexpr std::string_view name = "DescribeExportOutput";
  static constexpr detail::table members{member{facts::export_description, &S::export_description}};
};

template <>
struct shape_of<list_exports_request> {
  using S = list_exports_request;
  static constexpr std::string_view name = "ListExportsInput";
  static constexpr bool input = true;
  static constexpr detail::table members{
      member{facts::table_arn, &S::table_arn, {.length = rule_id::v_list_shape}},
      member{facts::max_results, &S::max_results, {.range = rule_id::v_list_shape}},
      member{facts::next_token, &S::next_token},
  };
};

template <>
struct shape_of<export_summary> {
  using S = export_summary;
  static constexpr std::string_view name = "ExportSummary";
  static constexpr detail::table members{
      member{facts::export_arn, &S::export_arn},
      member{facts::export_status, &S::export_status},
      member{facts::export_type, &S::export_type},
  };
};

template <>
struct shape_of<list_exports_response> {
  using S = list_exports_response;
  static constexpr std::string_view name = "ListExportsOutput";
  static constexpr detail::table members{
      member{facts::export_summaries, &S::export_summaries},
      member{facts::next_token, &S::next_token},
  };
};

template <>
struct shape_of<point_in_time_recovery_description> {
  using S = point_in_time_recovery_description;
  static constexpr std::string_view name = facts::point_in_time_recovery_description.name;
  static constexpr detail::table members{
      member{facts::point_in_time_recovery_status, &S::point_in_time_recovery_status},
      member{facts::recovery_period_in_days, &S::recovery_period_in_days},
      member{facts::earliest_restorable_date_time, &S::earliest_restorable_date_time},
      member{facts::latest_restorable_date_time, &S::latest_restorable_date_time},
  };
};

template <>
struct shape_of<continuous_backups_description> {
  using S = continuous_backups_description;
  static constexpr std::string_view name = "ContinuousBackupsDescription";
  static constexpr detail::table members{
      member{facts::continuous_backups_status, &S::continuous_backups_status},
      member{facts::point_in_time_recovery_description, &S::point_in_time_recovery_description},
  };
};

}  // namespace ddbexport

#endif
