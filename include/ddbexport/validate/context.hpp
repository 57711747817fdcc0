#ifndef DDBEXPORT_VALIDATE_CONTEXT_HPP
#define DDBEXPORT_VALIDATE_CONTEXT_HPP

#include <array>
#include <concepts>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "ddbexport/continuous_backups.hpp"
#include "ddbexport/detail/ascii.hpp"
#include "ddbexport/request.hpp"
#include "ddbexport/timestamp.hpp"

namespace ddbexport {

/// An earlier accepted request of the same caller, as the idempotency window
/// needs it (RULES.md §6).
struct ledger_entry {
  export_request request{};
  std::string_view export_arn{};
  std::optional<timestamp> completed_at{};  ///< absent while the export is in progress
};

namespace detail {
struct ledger_probe {
  constexpr bool operator()(const ledger_entry&) const noexcept { return true; }
};
}  // namespace detail

/// The caller's idempotency store. `for_each_candidate(token, f)` calls
/// `f(const ledger_entry&)` for each entry whose ClientToken equals `token`,
/// in the store's order, until `f` returns false. The store may hold entries
/// with other tokens; the validator checks the token again.
template <class L>
concept idempotency_ledger = requires(const L& ledger, std::string_view token, detail::ledger_probe f) {
  ledger.for_each_candidate(token, f);
};

/// A ledger over caller storage (an array, a vector): the simplest store, and
/// usable in constant evaluation.
class span_ledger {
 public:
  constexpr span_ledger() noexcept = default;
  constexpr explicit span_ledger(std::span<const ledger_entry> entries) noexcept : entries_(entries) {}

  template <class F>
  constexpr void for_each_candidate(std::string_view token, F&& f) const {
    // The token's first byte in a local: read through the view, g++ reloaded
    // it on every entry, since `f` might have written it.
    const char first = token.empty() ? '\0' : token[0];
    for (const auto& e : entries_)
      if (same_token(e.request.client_token, token, first) && !f(e)) return;
  }
  [[nodiscard]] constexpr std::span<const ledger_entry> entries() const noexcept { return entries_; }

 private:
  /// `stored == token`, with the first byte compared before the rest: tokens
  /// are mostly random UUIDs, so most entries differ right there.
  static constexpr bool same_token(const std::optional<std::string_view>& stored, std::string_view token,
                                   char first) noexcept {
    return stored && stored->size() == token.size() && (token.empty() || (*stored)[0] == first) &&
           detail::equal(*stored, token);
  }

  std::span<const ledger_entry> entries_{};
};

/// A fixed-capacity in-memory ledger the caller appends accepted requests to.
/// Recording is the caller's decision: validation never writes to a ledger,
/// so a request that fails validation reserves no token.
template <std::size_t Capacity>
class in_memory_ledger {
 public:
  /// Returns false when full.
  constexpr bool record(const export_request& request, std::string_view export_arn,
                        std::optional<timestamp> completed_at = std::nullopt) noexcept {
    if (size_ == Capacity) return false;
    entries_[size_++] = ledger_entry{request, export_arn, completed_at};
    return true;
  }
  /// Marks every entry with this ARN completed (or failed) at `when`.
  constexpr void complete(std::string_view export_arn, timestamp when) noexcept {
    for (std::size_t i = 0; i < size_; ++i)
      if (entries_[i].export_arn == export_arn) entries_[i].completed_at = when;
  }
  template <class F>
  constexpr void for_each_candidate(std::string_view token, F&& f) const {
    span_ledger{entries()}.for_each_candidate(token, f);
  }
  [[nodiscard]] constexpr std::span<const ledger_entry> entries() const noexcept { return {entries_.data(), size_}; }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }

 private:
  std::array<ledger_entry, Capacity> entries_{};
  std::size_t size_ = 0;
};

/// Everything the validator cannot know by itself. Each fact is optional: a
/// rule whose fact is missing is reported as unchecked, never guessed. The
/// library reads no clock, file or environment: `now` is the request's arrival
/// time as the caller observed it.
template <class Ledger = span_ledger>
struct validation_context {
  std::optional<timestamp> now{};
  std::optional<continuous_backups_description> continuous_backups{};
  std::optional<std::string_view> caller_account_id{};
  std::optional<std::string_view> bucket_owner_account_id{};
  std::optional<bool> table_exists{};  ///< absent means true (RULES.md §2.3)
  const Ledger* previous_exports = nullptr;  ///< absent ledger: stage K is unchecked

  [[nodiscard]] constexpr const point_in_time_recovery_description* pitr() const noexcept {
    return continuous_backups && continuous_backups->point_in_time_recovery_description
               ? &*continuous_backups->point_in_time_recovery_description
               : nullptr;
  }
};

validation_context()->validation_context<span_ledger>;

/// What the response checks know besides the body: the request that produced
/// it, if the caller has it. R-DESC-ECHO runs only with it.
struct response_context {
  const export_request* request = nullptr;
};

/// The error-body checks (ERR-*) need nothing but the reading itself.
struct error_body_context {};

/// The inputs of DescribeExport and ListExports: the library checks their
/// shape (RULES.md §4's combined message). Their other checks (SERVICE.md
/// V-DESC-*, V-LIST-TOKEN) need the service's context and store.
struct shape_context {};

}  // namespace ddbexport

#endif
