#ifndef DDBEXPORT_SERVICE_STORE_HPP
#define DDBEXPORT_SERVICE_STORE_HPP

/// The export store (SERVICE.md §7): ddbexport defines the contract, the
/// caller implements it (memory_store.hpp is one). Records reach callbacks as
/// views that are valid during the callback only, so a store may keep its
/// records in any form and lock around the call.
///
/// V-STORE-ATOMIC: stage K's lookup and the insert of an accepted request are
/// one step. `find_or_insert` hands the step a transaction (the records with
/// the token, in the scope, as they stand) and inserts what the step returns
/// before anything else can look: two identical concurrent requests make one
/// export. V-STORE-READONLY: nothing else in handling a request writes.

#include <concepts>
#include <cstdint>
#include <optional>
#include <string_view>

#include "ddbexport/enums.hpp"
#include "ddbexport/export_description.hpp"
#include "ddbexport/request.hpp"
#include "ddbexport/timestamp.hpp"
#include "ddbexport/validate/context.hpp"

namespace ddbexport::service {

/// Tokens and listings are scoped per account and region (V-STORE-ATOMIC).
struct store_scope {
  std::string_view account_id{};
  std::string_view region{};
  friend constexpr bool operator==(const store_scope&, const store_scope&) = default;
};

/// One export: the request as sent (member presence kept), its current
/// description, and CompletedAt (absent while IN_PROGRESS, else EndTime).
struct export_record {
  store_scope scope{};
  export_request request{};
  export_description description{};
  std::optional<timestamp> completed_at{};
};

/// What ListExports needs of a record, so that a listing parses nothing.
struct list_entry {
  std::string_view export_arn{};
  export_status_value export_status{};
  std::optional<export_type_value> export_type{};
  std::string_view table_id{};
  timestamp start_time{};
};

/// `list`'s filter: the scope, optionally one TableId, optionally only the
/// records after a NextToken position (their ExportArn's text after `:table/`
/// is less than `before`). A store may ignore the optional parts; the service
/// checks them again.
struct list_query {
  store_scope scope{};
  std::optional<std::string_view> table_id{};
  std::optional<std::string_view> before{};
};

/// A lifecycle transition: the new description and CompletedAt.
struct status_update {
  export_description description{};
  std::optional<timestamp> completed_at{};
};

enum class store_write : std::uint8_t {
  done,       ///< written, or nothing to write
  not_found,  ///< update_status: no record has this ExportArn
  failed,     ///< the store could not write (a full disk); nothing changed
};

/// The text after `:table/` of an ExportArn (`orders/export/0179…`), the key
/// V-LIST-ORDER and the NextToken of §6.1 both use. Empty when there is none.
[[nodiscard]] constexpr std::string_view table_resource(std::string_view export_arn) noexcept {
  constexpr std::string_view marker = ":table/";
  const auto at = export_arn.find(marker);
  return at == std::string_view::npos ? std::string_view{} : export_arn.substr(at + marker.size());
}

namespace detail {
struct record_probe {
  void operator()(const export_record&) const noexcept {}
};
struct list_probe {
  bool operator()(const list_entry&) const noexcept { return true; }
};
struct update_probe {
  std::optional<status_update> operator()(const export_record&) const noexcept { return std::nullopt; }
};
struct insert_probe {
  template <class Transaction>
  std::optional<export_record> operator()(const Transaction&) const noexcept {
    return std::nullopt;
  }
};
}  // namespace detail

/// What find_or_insert's step sees: an idempotency ledger of the records with
/// the request's token in its scope (RULES.md §6's PreviousExports, CompletedAt
/// as stored), plus lookups by ExportArn over the whole store. Entries and
/// their views stay valid until the step returns.
template <class T>
concept store_transaction = idempotency_ledger<T> && requires(const T& t, std::string_view arn, detail::record_probe f) {
  { t.contains(arn) } -> std::same_as<bool>;
  { t.find_by_arn(arn, f) } -> std::same_as<bool>;
};

/// §7's operations:
/// - `find_by_arn(arn, f)`: calls `f(const export_record&)` for the record with
///   exactly this ExportArn; returns whether there was one.
/// - `list(query, f)`: calls `f(const list_entry&)` for the scope's records in
///   V-LIST-ORDER (ExportArn descending, by code unit) until `f` returns false.
/// - `find_or_insert(scope, token, step)`: `step(const Transaction&)` returns
///   the record to insert, or nothing; the store inserts it atomically with
///   the lookup (V-STORE-ATOMIC). `token` absent: the transaction has no candidates.
/// - `update_status(arn, step)`: `step(const export_record&)` returns the
///   transition to write, or nothing; atomic with the read it decided on.
template <class S>
concept export_store = requires(S& s, const S& cs, std::string_view text, std::optional<std::string_view> token,
                                const store_scope& scope, const list_query& query, detail::record_probe record_fn,
                                detail::list_probe list_fn, detail::insert_probe insert_fn,
                                detail::update_probe update_fn) {
  { cs.find_by_arn(text, record_fn) } -> std::same_as<bool>;
  cs.list(query, list_fn);
  { s.find_or_insert(scope, token, insert_fn) } -> std::same_as<store_write>;
  { s.update_status(text, update_fn) } -> std::same_as<store_write>;
};

}  // namespace ddbexport::service

#endif
