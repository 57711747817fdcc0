#ifndef DDBEXPORT_CONTINUOUS_BACKUPS_HPP
#define DDBEXPORT_CONTINUOUS_BACKUPS_HPP

#include <cstdint>
#include <optional>

#include "ddbexport/enums.hpp"
#include "ddbexport/timestamp.hpp"

namespace ddbexport {

/// What DescribeContinuousBackups reports about point-in-time recovery; the
/// validator's window rules read it (RULES.md §2.3).
struct point_in_time_recovery_description {
  std::optional<point_in_time_recovery_status_value> point_in_time_recovery_status{};
  std::optional<std::int32_t> recovery_period_in_days{};  ///< 1..35; the service's default is 35
  std::optional<timestamp> earliest_restorable_date_time{};
  std::optional<timestamp> latest_restorable_date_time{};
};

struct continuous_backups_description {
  std::optional<continuous_backups_status_value> continuous_backups_status{};
  std::optional<ddbexport::point_in_time_recovery_description> point_in_time_recovery_description{};
};

inline constexpr std::int32_t default_recovery_period_in_days = 35;

}  // namespace ddbexport

#endif
