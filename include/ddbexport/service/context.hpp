#ifndef DDBEXPORT_SERVICE_CONTEXT_HPP
#define DDBEXPORT_SERVICE_CONTEXT_HPP

/// The service context of SERVICE.md §1.3: everything the answering side
/// cannot know by itself. The library reads no clock, table or bucket: the
/// host supplies them here, and a fact it leaves out is a usage error where an
/// answer depends on it (§1.2), never a guess.

#include <array>
#include <concepts>
#include <optional>
#include <string_view>

#include "ddbexport/arn.hpp"
#include "ddbexport/continuous_backups.hpp"
#include "ddbexport/service/random.hpp"
#include "ddbexport/timestamp.hpp"

namespace ddbexport::service {

/// What the host knows about one table (V-TABLE-LOOKUP). The views must stay
/// valid while the request is handled.
struct table_facts {
  std::optional<std::string_view> table_id{};
  std::optional<continuous_backups_description> continuous_backups{};
};

/// `find(TableArn as sent)`: the table's facts, or nothing when there is no
/// such table. The host resolves the ARN exactly: partition, region, account
/// and name (a table of that name in another region is not found).
template <class T>
concept table_lookup = requires(const T& tables, std::string_view table_arn) {
  { tables.find(table_arn) } -> std::convertible_to<std::optional<table_facts>>;
};

/// The bucket facts of §1.3, each optional: its owner (BucketOwnerAccountId)
/// and whether it is missing.
struct bucket_facts {
  std::optional<std::string_view> owner_account_id{};
  std::optional<bool> missing{};
};

/// The optional S3 and KMS facts that async failure prediction reads (§4.3):
/// `bucket(S3Bucket)` and `kms_key_missing(S3SseKmsKeyId as sent)`.
template <class F>
concept destination_facts = requires(const F& facts, std::string_view text) {
  { facts.bucket(text) } -> std::convertible_to<bucket_facts>;
  { facts.kms_key_missing(text) } -> std::convertible_to<std::optional<bool>>;
};

/// A host that knows nothing about S3 or KMS.
struct no_destination_facts {
  [[nodiscard]] constexpr bucket_facts bucket(std::string_view) const noexcept { return {}; }
  [[nodiscard]] constexpr std::optional<bool> kms_key_missing(std::string_view) const noexcept { return {}; }
};

/// RULES.md §3.7's partitions, in its order.
inline constexpr std::array<std::string_view, 8> known_partitions{
    "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"};

/// §1.3's default: the known partition whose region pattern `region` fits,
/// else `aws` (chosen: `aws` alone would make a cn- or gov- endpoint deny its own ARNs).
[[nodiscard]] constexpr std::string_view default_partition(std::string_view region) noexcept {
  for (auto partition : known_partitions)
    if (partition_fits_region(partition, region)) return partition;
  return known_partitions[0];
}

/// The facts of one request. Pointers, so that the host keeps its tables,
/// its random source and its facts where they are; `nullptr` means unknown.
template <table_lookup Tables, random_source Random, destination_facts Facts = no_destination_facts>
struct service_context {
  std::optional<timestamp> now{};  ///< the request's arrival time
  Random* random = nullptr;
  std::string_view region{};
  std::optional<std::string_view> partition{};  ///< absent: default_partition(region)
  std::optional<std::string_view> caller_account_id{};
  const Tables* tables = nullptr;
  const Facts* destination = nullptr;

  [[nodiscard]] constexpr std::string_view effective_partition() const noexcept {
    return partition ? *partition : default_partition(region);
  }
};

}  // namespace ddbexport::service

#endif
