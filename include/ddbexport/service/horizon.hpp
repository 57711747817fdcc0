#ifndef DDBEXPORT_SERVICE_HORIZON_HPP
#define DDBEXPORT_SERVICE_HORIZON_HPP

/// V-LIST-HORIZON (chosen): export metadata lives 90 days from StartTime; a
/// record past it is neither listed nor described, and a store may delete it.

#include <cstdint>

#include "ddbexport/timestamp.hpp"

namespace ddbexport::service {

inline constexpr std::int64_t horizon_ms = 90LL * 86'400'000;  // 7776000000

[[nodiscard]] constexpr bool past_horizon(timestamp start_time, timestamp now) noexcept {
  return to_epoch_ms(now) > to_epoch_ms(start_time) + horizon_ms;
}

}  // namespace ddbexport::service

#endif
