#ifndef DDBEXPORT_MEMBERS_HPP
#define DDBEXPORT_MEMBERS_HPP

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "ddbexport/attribute_value.hpp"
#include "ddbexport/continuous_backups.hpp"
#include "ddbexport/enums.hpp"
#include "ddbexport/export_description.hpp"
#include "ddbexport/request.hpp"
#include "ddbexport/timestamp.hpp"

namespace ddbexport {

/// One member of a shape: its wire name and where it lives in the C++ type.
template <class Owner, class Field>
struct member {
  std::string_view name;
  Field Owner::*pointer;
};
// clang 14 has no CTAD for aggregates.
template <class Owner, class Field>
member(std::string_view, Field Owner::*) -> member<Owner, Field>;

/// The name table of a shape, the one place wire names and order are written
/// down. Writers, readers, diagnostic paths and user serializers all read it.
template <class T>
struct shape_of;

template <class T>
concept described_shape = requires {
  { shape_of<T>::name } -> std::convertible_to<std::string_view>;
  shape_of<T>::members;
};

/// The wire kind of a member's value, derived from its C++ type.
enum class member_kind : std::uint8_t {
  string,
  timestamp,
  long_integer,
  integer,
  enumeration,
  structure,
  string_map,
  attribute_map,
};

namespace detail {
template <class T>
struct kind_of_value;
template <>
struct kind_of_value<std::string_view> : std::integral_constant<member_kind, member_kind::string> {};
template <>
struct kind_of_value<timestamp> : std::integral_constant<member_kind, member_kind::timestamp> {};
template <>
struct kind_of_value<std::int64_t> : std::integral_constant<member_kind, member_kind::long_integer> {};
template <>
struct kind_of_value<std::int32_t> : std::integral_constant<member_kind, member_kind::integer> {};
template <class E>
struct kind_of_value<open_enum<E>> : std::integral_constant<member_kind, member_kind::enumeration> {};
template <>
struct kind_of_value<std::span<const string_entry>> : std::integral_constant<member_kind, member_kind::string_map> {};
template <>
struct kind_of_value<std::span<const attribute_entry>>
    : std::integral_constant<member_kind, member_kind::attribute_map> {};
template <class T>
  requires described_shape<T>
struct kind_of_value<T> : std::integral_constant<member_kind, member_kind::structure> {};
}  // namespace detail

/// `member_kind_v<std::optional<X>>`: the kind of a member declared as optional<X>.
template <class Optional>
inline constexpr member_kind member_kind_v = detail::kind_of_value<typename Optional::value_type>::value;

/// Calls `f(name, member_reference)` for each member of `value`, in wire order.
template <class T, class F>
  requires described_shape<std::remove_const_t<T>>
constexpr void for_each_member(T& value, F&& f) {
  std::apply([&](const auto&... m) { (f(m.name, value.*(m.pointer)), ...); },
             shape_of<std::remove_const_t<T>>::members);
}

/// Like for_each_member, but stops when `f` returns false; returns whether it ran to the end.
template <class T, class F>
  requires described_shape<std::remove_const_t<T>>
constexpr bool for_each_member_while(T& value, F&& f) {
  return std::apply([&](const auto&... m) { return (f(m.name, value.*(m.pointer)) && ...); },
                    shape_of<std::remove_const_t<T>>::members);
}

template <>
struct shape_of<incremental_export_specification> {
  using S = incremental_export_specification;
  static constexpr std::string_view name = "IncrementalExportSpecification";
  static constexpr std::tuple members{
      member{"ExportFromTime", &S::export_from_time},
      member{"ExportToTime", &S::export_to_time},
      member{"ExportViewType", &S::export_view_type},
  };
};

template <>
struct shape_of<filter_specification> {
  using S = filter_specification;
  static constexpr std::string_view name = "FilterSpecification";
  static constexpr std::tuple members{
      member{"FilterExpression", &S::filter_expression},
      member{"ProjectionExpression", &S::projection_expression},
      member{"KeyConditionExpression", &S::key_condition_expression},
      member{"ExpressionAttributeNames", &S::expression_attribute_names},
      member{"ExpressionAttributeValues", &S::expression_attribute_values},
  };
};

template <>
struct shape_of<export_request> {
  using S = export_request;
  static constexpr std::string_view name = "ExportTableToPointInTimeInput";
  static constexpr std::tuple members{
      member{"TableArn", &S::table_arn},
      member{"S3Bucket", &S::s3_bucket},
      member{"ExportTime", &S::export_time},
      member{"ClientToken", &S::client_token},
      member{"S3BucketOwner", &S::s3_bucket_owner},
      member{"S3Prefix", &S::s3_prefix},
      member{"S3SseAlgorithm", &S::s3_sse_algorithm},
      member{"S3SseKmsKeyId", &S::s3_sse_kms_key_id},
      member{"ExportFormat", &S::export_format},
      member{"ExportType", &S::export_type},
      member{"IncrementalExportSpecification", &S::incremental_export_specification},
      member{"FilterSpecification", &S::filter_specification},
  };
};

template <>
struct shape_of<export_description> {
  using S = export_description;
  static constexpr std::string_view name = "ExportDescription";
  static constexpr std::tuple members{
      member{"ExportArn", &S::export_arn},
      member{"ExportStatus", &S::export_status},
      member{"StartTime", &S::start_time},
      member{"EndTime", &S::end_time},
      member{"ExportManifest", &S::export_manifest},
      member{"TableArn", &S::table_arn},
      member{"TableId", &S::table_id},
      member{"ExportTime", &S::export_time},
      member{"ClientToken", &S::client_token},
      member{"S3Bucket", &S::s3_bucket},
      member{"S3BucketOwner", &S::s3_bucket_owner},
      member{"S3Prefix", &S::s3_prefix},
      member{"S3SseAlgorithm", &S::s3_sse_algorithm},
      member{"S3SseKmsKeyId", &S::s3_sse_kms_key_id},
      member{"FailureCode", &S::failure_code},
      member{"FailureMessage", &S::failure_message},
      member{"ExportFormat", &S::export_format},
      member{"BilledSizeBytes", &S::billed_size_bytes},
      member{"ItemCount", &S::item_count},
      member{"ExportType", &S::export_type},
      member{"IncrementalExportSpecification", &S::incremental_export_specification},
      member{"FilterSpecification", &S::filter_specification},
  };
};

template <>
struct shape_of<export_response> {
  using S = export_response;
  static constexpr std::string_view name = "ExportTableToPointInTimeOutput";
  static constexpr std::tuple members{member{"ExportDescription", &S::export_description}};
};

template <>
struct shape_of<point_in_time_recovery_description> {
  using S = point_in_time_recovery_description;
  static constexpr std::string_view name = "PointInTimeRecoveryDescription";
  static constexpr std::tuple members{
      member{"PointInTimeRecoveryStatus", &S::point_in_time_recovery_status},
      member{"RecoveryPeriodInDays", &S::recovery_period_in_days},
      member{"EarliestRestorableDateTime", &S::earliest_restorable_date_time},
      member{"LatestRestorableDateTime", &S::latest_restorable_date_time},
  };
};

template <>
struct shape_of<continuous_backups_description> {
  using S = continuous_backups_description;
  static constexpr std::string_view name = "ContinuousBackupsDescription";
  static constexpr std::tuple members{
      member{"ContinuousBackupsStatus", &S::continuous_backups_status},
      member{"PointInTimeRecoveryDescription", &S::point_in_time_recovery_description},
  };
};

}  // namespace ddbexport

#endif
