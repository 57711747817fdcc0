#ifndef DDBEXPORT_SERVICE_ERROR_HPP
#define DDBEXPORT_SERVICE_ERROR_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ddbexport {

enum class fault : std::uint8_t { client, server };

/// Every error the operation can answer with (RULES.md §2.4): the six modelled
/// ones, the Coral front-end ones, and DescribeExport's ExportNotFound.
enum class error_kind : std::uint8_t {
  export_conflict,
  internal_server_error,
  invalid_export_time,
  limit_exceeded,
  point_in_time_recovery_unavailable,
  table_not_found,
  validation,
  access_denied,
  serialization,
  throttling,
  export_not_found,
};

inline constexpr std::string_view dynamodb_namespace = "com.amazonaws.dynamodb.v20120810";

struct error_info {
  std::string_view name;
  std::string_view wire_namespace;
  std::string_view type;  ///< `namespace#Name`, what `__type` carries
  std::uint16_t http_status;
  ddbexport::fault fault;
  bool modelled_by_operation;  ///< one of ExportTableToPointInTime's six modelled errors
};

inline constexpr std::array<error_info, 11> error_catalogue{{
    {"ExportConflictException", dynamodb_namespace, "com.amazonaws.dynamodb.v20120810#ExportConflictException", 400,
     fault::client, true},
    {"InternalServerError", dynamodb_namespace, "com.amazonaws.dynamodb.v20120810#InternalServerError", 500,
     fault::server, true},
    {"InvalidExportTimeException", dynamodb_namespace, "com.amazonaws.dynamodb.v20120810#InvalidExportTimeException",
     400, fault::client, true},
    {"LimitExceededException", dynamodb_namespace, "com.amazonaws.dynamodb.v20120810#LimitExceededException", 400,
     fault::client, true},
    {"PointInTimeRecoveryUnavailableException", dynamodb_namespace,
     "com.amazonaws.dynamodb.v20120810#PointInTimeRecoveryUnavailableException", 400, fault::client, true},
    {"TableNotFoundException", dynamodb_namespace, "com.amazonaws.dynamodb.v20120810#TableNotFoundException", 400,
     fault::client, true},
    {"ValidationException", "com.amazon.coral.validate", "com.amazon.coral.validate#ValidationException", 400,
     fault::client, false},
    {"AccessDeniedException", "com.amazon.coral.service", "com.amazon.coral.service#AccessDeniedException", 400,
     fault::client, false},
    {"SerializationException", "com.amazon.coral.service", "com.amazon.coral.service#SerializationException", 400,
     fault::client, false},
    {"ThrottlingException", "com.amazon.coral.availability", "com.amazon.coral.availability#ThrottlingException",
     400, fault::client, false},
    {"ExportNotFoundException", dynamodb_namespace, "com.amazonaws.dynamodb.v20120810#ExportNotFoundException", 400,
     fault::client, false},
}};

[[nodiscard]] constexpr const error_info& info(error_kind kind) noexcept {
  return error_catalogue[static_cast<std::size_t>(kind)];
}

/// Case-sensitive lookup by bare name (`TableNotFoundException`).
[[nodiscard]] constexpr std::optional<error_kind> error_kind_from_name(std::string_view name) noexcept {
  for (std::size_t i = 0; i < error_catalogue.size(); ++i)
    if (error_catalogue[i].name == name) return static_cast<error_kind>(i);
  return std::nullopt;
}

/// An error as the service answers it: `{"__type":"<type>","message":"<message>"}`.
struct service_error {
  error_kind kind;
  std::string_view message;

  [[nodiscard]] constexpr const error_info& describe() const noexcept { return info(kind); }
};

namespace detail {
// Every error shape of the SDK's DynamoDB model (WIRE.md §7), whose fault is
// fixed by the model rather than by the HTTP status.
inline constexpr std::array<std::string_view, 35> dynamodb_model_errors{
    "BackupInUseException", "BackupNotFoundException", "ConditionalCheckFailedException",
    "ContinuousBackupsUnavailableException", "DuplicateItemException", "ExportConflictException",
    "ExportNotFoundException", "GlobalTableAlreadyExistsException", "GlobalTableNotFoundException",
    "IdempotentParameterMismatchException", "ImportConflictException", "ImportNotFoundException",
    "IndexNotFoundException", "InvalidEndpointException", "InvalidExportTimeException",
    "InvalidRestoreTimeException", "ItemCollectionSizeLimitExceededException", "LimitExceededException",
    "PointInTimeRecoveryUnavailableException", "PolicyNotFoundException",
    "ProvisionedThroughputExceededException", "ReplicaAlreadyExistsException", "ReplicaNotFoundException",
    "ReplicatedWriteConflictException", "ResourceInUseException", "ResourceNotFoundException",
    "TableAlreadyExistsException", "TableInUseException", "TableNotFoundException", "ThrottlingException",
    "TransactionCanceledException", "TransactionConflictException", "TransactionInProgressException",
    "InternalServerError", "RequestLimitExceeded"};
}  // namespace detail

/// True when `code` names an error of the SDK's DynamoDB model (case-sensitive).
[[nodiscard]] constexpr bool is_dynamodb_model_error(std::string_view code) noexcept {
  for (auto name : detail::dynamodb_model_errors)
    if (name == code) return true;
  return false;
}

/// The fault the SDK assigns (WIRE.md §7): the model's for a modelled code,
/// else by status.
[[nodiscard]] constexpr fault fault_for(std::string_view code, int http_status) noexcept {
  if (is_dynamodb_model_error(code)) return code == "InternalServerError" ? fault::server : fault::client;
  return http_status >= 500 ? fault::server : fault::client;
}

[[nodiscard]] constexpr std::string_view to_string(fault f) noexcept { return f == fault::server ? "server" : "client"; }

}  // namespace ddbexport

#endif
