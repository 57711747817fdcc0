#ifndef DDBEXPORT_TESTS_FIXTURES_HPP
#define DDBEXPORT_TESTS_FIXTURES_HPP

// The fixtures every kind of test shares: unit tests, constant-evaluation
// checks, properties, fuzz targets and benchmarks. One "every fact known"
// context (a week of PITR, caller and bucket in one account, the table
// there), the sample names it fits, and AttributeValues nested as deep as a
// test wants. Everything usable in constant evaluation is constexpr.

#include <chrono>
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "ddbexport/attribute_value.hpp"
#include "ddbexport/continuous_backups.hpp"
#include "ddbexport/request.hpp"
#include "ddbexport/timestamp.hpp"
#include "ddbexport/validate/context.hpp"

namespace ddbexport::test {

inline constexpr std::string_view music_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Music";
inline constexpr std::string_view caller_account = "123456789012";
inline constexpr std::string_view other_account = "210987654321";
inline constexpr std::string_view bucket = "my-export-bucket";

/// The request's arrival time: 2026-09-21T14:13:20Z.
inline constexpr timestamp now = from_epoch_seconds(1'790'000'000);
/// PITR was enabled a week before `now`; the latest restorable time lags 5 s.
inline constexpr timestamp earliest = now - std::chrono::days{7};
inline constexpr timestamp latest = now - std::chrono::seconds{5};

/// The PITR facts of every_fact_context: enabled, the service's default period.
inline constexpr continuous_backups_description pitr_enabled{
    .continuous_backups_status = continuous_backups_status::enabled,
    .point_in_time_recovery_description =
        point_in_time_recovery_description{
            .point_in_time_recovery_status = point_in_time_recovery_status::enabled,
            .recovery_period_in_days = default_recovery_period_in_days,
            .earliest_restorable_date_time = earliest,
            .latest_restorable_date_time = latest,
        },
};

inline constexpr span_ledger empty_ledger{};

/// Every fact known: PITR on, same account for caller and bucket, table
/// exists, and `ledger` (empty by default) for the ClientToken window.
template <class Ledger = span_ledger>
[[nodiscard]] constexpr validation_context<Ledger> every_fact_context(const Ledger* ledger) noexcept {
  validation_context<Ledger> c;
  c.now = now;
  c.continuous_backups = pitr_enabled;
  c.caller_account_id = caller_account;
  c.bucket_owner_account_id = caller_account;
  c.table_exists = true;
  c.previous_exports = ledger;
  return c;
}
[[nodiscard]] constexpr validation_context<> every_fact_context() noexcept { return every_fact_context(&empty_ledger); }

/// A valid full export: TableArn and S3Bucket only.
[[nodiscard]] constexpr export_request full_request() noexcept { return {.table_arn = music_arn, .s3_bucket = bucket}; }

/// Owns a chain of `levels` AttributeValues, each L (or M) holding the next
/// and a string at the bottom, built without recursion; `top()` is level 1.
class deep_value {
 public:
  enum class shape { list, map, alternating };

  deep_value(std::size_t levels, shape s) : nodes_(levels), entries_(levels) {
    nodes_[levels - 1] = attribute_value::string("bottom");
    for (std::size_t i = levels - 1; i-- > 0;) {
      if (s == shape::list || (s == shape::alternating && i % 2 == 0)) {
        nodes_[i] = attribute_value::list_of({&nodes_[i + 1], 1});
      } else {
        entries_[i] = attribute_entry{"k", nodes_[i + 1]};
        nodes_[i] = attribute_value::map_of({&entries_[i], 1});
      }
    }
    top_entry_[0] = attribute_entry{":deep", nodes_[0]};
  }
  deep_value(const deep_value&) = delete;
  deep_value& operator=(const deep_value&) = delete;

  [[nodiscard]] const attribute_value& top() const { return nodes_.front(); }
  /// An ExpressionAttributeValues map holding the chain as `:deep`.
  [[nodiscard]] std::span<const attribute_entry> as_values() const { return top_entry_; }

 private:
  std::vector<attribute_value> nodes_;
  std::vector<attribute_entry> entries_;
  attribute_entry top_entry_[1];
};

}  // namespace ddbexport::test

#endif
