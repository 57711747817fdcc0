#ifndef DDBEXPORT_VALIDATE_LIMITS_HPP
#define DDBEXPORT_VALIDATE_LIMITS_HPP

/// The numbers in RULES.md's rules, named once for the request validator and
/// the response checks alike.

#include <cstdint>

namespace ddbexport {

inline constexpr std::int64_t ms_per_second = 1000;
/// RULES.md §6: a completed export's token is remembered for 8 h.
inline constexpr std::int64_t idempotency_window_ms = 8 * 3600 * ms_per_second;
/// R-INC-MIN and R-INC-MAX (and R-DESC-INC): an incremental window lasts 15 minutes to 24 hours.
inline constexpr std::int64_t incremental_min_ms = 15 * 60 * ms_per_second;
inline constexpr std::int64_t incremental_max_ms = 24 * 3600 * ms_per_second;
/// B's last resort when neither EarliestRestorableDateTime nor Now is known: 2020-01-01T00:00:00Z.
inline constexpr std::int64_t window_start_fallback_ms = 1'577'836'800'000;
/// R-FILTER-EXPR-SIZE: 4 KB per expression.
inline constexpr std::int64_t max_expression_bytes = 4096;
/// R-INC-BILL: the smallest BilledSizeBytes observed for a completed incremental export.
inline constexpr std::int64_t incremental_min_billed_bytes = 10'000'000;

}  // namespace ddbexport

#endif
