#ifndef DDBEXPORT_SERVICE_MEMORY_STORE_HPP
#define DDBEXPORT_SERVICE_MEMORY_STORE_HPP

/// An owning, thread-safe export store (SERVICE.md §7) in memory. It keeps
/// its own deep copy of every record (detail::owned_copy), so nothing views a
/// request body that the host has freed, and a lookup hands the stored record
/// to the callback as it is: no text is written or read per call. Readers
/// share a lock; find_or_insert and update_status hold it alone, which makes
/// stage K's lookup and the insert one step (V-STORE-ATOMIC).
///
/// A journal (store_journal) makes it durable: every insert and transition is
/// handed to it as canonical JSON texts (json::write) before it takes effect;
/// a journal that refuses makes the write fail and leaves the store
/// unchanged. Only texts that read back are journaled, so a replay never
/// fails on them. `restore` replays a journal's entries without writing them
/// again.

#include <concepts>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ddbexport/arn.hpp"
#include "ddbexport/json/arena.hpp"
#include "ddbexport/json/limits.hpp"
#include "ddbexport/json/reader.hpp"
#include "ddbexport/json/writer.hpp"
#include "ddbexport/service/detail/owned_copy.hpp"
#include "ddbexport/service/store.hpp"
#include "ddbexport/validate/context.hpp"

namespace ddbexport::service {

/// An accepted export as a journal records it: canonical JSON texts.
struct journal_insert {
  store_scope scope{};
  std::string_view request{};
  std::string_view description{};
};

/// A lifecycle transition as a journal records it.
struct journal_update {
  std::string_view export_arn{};
  std::string_view description{};
  std::optional<timestamp> completed_at{};
};

/// `append` returns false when the entry could not be made durable.
template <class J>
concept store_journal = requires(J& journal, const journal_insert& insert, const journal_update& update) {
  { journal.append(insert) } -> std::convertible_to<bool>;
  { journal.append(update) } -> std::convertible_to<bool>;
};

/// The journal of a store that lives in memory only.
struct no_journal {
  constexpr bool append(const journal_insert&) const noexcept { return true; }
  constexpr bool append(const journal_update&) const noexcept { return true; }
};

namespace detail {

/// Reads canonical texts back; they were written by json::write from values
/// the reader produced, so the limits are the texts' own size and the deepest
/// nesting the parser supports.
[[nodiscard]] inline json::read_limits limits_for(std::string_view text) noexcept {
  return json::read_limits{text.size(), json::max_supported_depth};
}

/// A record read from a journal's texts, with the storage its views point into.
struct parsed_record {
  parsed_record(const store_scope& scope, std::string_view request_text, std::string_view description_text,
                std::optional<timestamp> completed_at)
      : request_storage(request_text.size()), description_storage(description_text.size()) {
    record.scope = scope;
    record.completed_at = completed_at;
    ok = json::read(request_text, record.request, request_storage, limits_for(request_text)).ok() &&
         json::read(description_text, record.description, description_storage, limits_for(description_text)).ok();
  }
  json::owning_arena request_storage;
  json::owning_arena description_storage;
  export_record record{};
  bool ok = false;
};

/// The canonical JSON of a value (json::write): what a journal records.
/// Empty when the value cannot be written or does not read back as T.
template <class Value>
std::string journal_text(const Value& value) {
  std::string text;
  container_output<std::string> out{text};
  if (!json::write(value, out).ok()) return {};
  json::owning_arena storage{text.size()};
  Value back{};
  if (!json::read(text, back, storage, limits_for(text)).ok()) return {};
  return text;
}

}  // namespace detail

template <store_journal Journal = no_journal>
class memory_store {
 public:
  memory_store() = default;
  /// A durable store; `journal` must outlive it. nullptr: memory only.
  explicit memory_store(Journal* journal) noexcept : journal_(journal) {}
  memory_store(const memory_store&) = delete;
  memory_store& operator=(const memory_store&) = delete;

  /// Lets a host replay its journal first (restore) and journal afterwards.
  void set_journal(Journal* journal) noexcept {
    std::unique_lock lock{mutex_};
    journal_ = journal;
  }

  template <class F>
  bool find_by_arn(std::string_view export_arn, F&& f) const {
    std::shared_lock lock{mutex_};
    return visit(export_arn, f);
  }

  template <class F>
  void list(const list_query& query, F&& f) const {
    std::shared_lock lock{mutex_};
    const auto scope = scopes_.find(std::tuple{query.scope.account_id, query.scope.region});
    if (scope == scopes_.end()) return;
    for (const auto& [arn, r] : scope->second) {
      const export_description& d = r->record.description;
      if (query.table_id && *d.table_id != *query.table_id) continue;
      if (query.before && !(table_resource(arn) < *query.before)) continue;
      list_entry entry;
      entry.export_arn = arn;
      entry.export_status = *d.export_status;
      entry.export_type = d.export_type;
      entry.table_id = *d.table_id;
      entry.start_time = *d.start_time;
      if (!f(entry)) return;
    }
  }

  /// The step's view of the store while find_or_insert holds it.
  class transaction {
   public:
    template <class F>
    constexpr void for_each_candidate(std::string_view token, F&& f) const {
      for (const auto& c : candidates_)
        if (c.request.client_token == token && !f(c)) return;
    }
    [[nodiscard]] bool contains(std::string_view export_arn) const {
      return store_->by_arn_.find(export_arn) != store_->by_arn_.end();
    }
    template <class F>
    bool find_by_arn(std::string_view export_arn, F&& f) const {
      return store_->visit(export_arn, f);
    }

   private:
    friend class memory_store;
    const memory_store* store_ = nullptr;
    std::vector<ledger_entry> candidates_{};
  };

  template <class Step>
  store_write find_or_insert(const store_scope& scope, std::optional<std::string_view> token, Step&& step) {
    std::unique_lock lock{mutex_};
    transaction txn;
    txn.store_ = this;
    if (token) {
      const auto [first, last] = by_token_.equal_range(*token);
      for (auto it = first; it != last; ++it) {
        const stored& r = *it->second;
        if (r.record.scope == scope)
          txn.candidates_.push_back(ledger_entry{r.record.request, r.export_arn, r.record.completed_at});
      }
    }
    std::optional<export_record> accepted = step(std::as_const(txn));
    if (!accepted) return store_write::done;
    auto r = make_stored(*accepted);
    if (!r) return store_write::failed;
    if (journal_) {
      const std::string request_text = detail::journal_text(r->record.request);
      const std::string description_text = detail::journal_text(r->record.description);
      if (request_text.empty() || description_text.empty() ||
          !journal_->append(journal_insert{r->record.scope, request_text, description_text}))
        return store_write::failed;
    }
    add(std::move(r));
    return store_write::done;
  }

  template <class Step>
  store_write update_status(std::string_view export_arn, Step&& step) {
    std::unique_lock lock{mutex_};
    const auto it = by_arn_.find(export_arn);
    if (it == by_arn_.end()) return store_write::not_found;
    stored& r = *it->second;
    // The step's update may view the current record: it stays until the copy is made.
    const std::optional<status_update> update = step(std::as_const(r.record));
    if (!update || !replaceable(r, update->description)) return update ? store_write::failed : store_write::done;
    std::unique_ptr<std::byte[]> storage;
    std::optional<export_description> copy = detail::owned_copy(update->description, storage);
    if (!copy) return store_write::failed;
    if (journal_) {
      const std::string text = detail::journal_text(*copy);
      if (text.empty() || !journal_->append(journal_update{r.export_arn, text, update->completed_at}))
        return store_write::failed;
    }
    replace(r, std::move(*copy), std::move(storage), update->completed_at);
    return store_write::done;
  }

  /// Replays a journal's insert; false when its texts do not read back or
  /// its ExportArn is taken.
  bool restore(const journal_insert& entry) {
    std::unique_lock lock{mutex_};
    const detail::parsed_record parsed{entry.scope, entry.request, entry.description, std::nullopt};
    if (!parsed.ok) return false;
    auto r = make_stored(parsed.record);
    if (!r) return false;
    add(std::move(r));
    return true;
  }
  /// Replays a journal's transition; false for an unknown ExportArn or a text that does not read back.
  bool restore(const journal_update& entry) {
    std::unique_lock lock{mutex_};
    const auto it = by_arn_.find(entry.export_arn);
    if (it == by_arn_.end()) return false;
    json::owning_arena read_storage{entry.description.size()};
    export_description d;
    if (!json::read(entry.description, d, read_storage, detail::limits_for(entry.description)).ok() ||
        !replaceable(*it->second, d))
      return false;
    std::unique_ptr<std::byte[]> storage;
    std::optional<export_description> copy = detail::owned_copy(d, storage);
    if (!copy) return false;
    replace(*it->second, std::move(*copy), std::move(storage), entry.completed_at);
    return true;
  }

  [[nodiscard]] std::size_t size() const {
    std::shared_lock lock{mutex_};
    return by_arn_.size();
  }

 private:
  /// A record and the bytes its views point into. It lives on the heap and
  /// never moves, so the scope views and the index keys stay valid.
  struct stored {
    std::string account_id;
    std::string region;
    std::string export_arn;
    export_record record{};
    std::unique_ptr<std::byte[]> request_storage;      ///< and the first description's
    std::unique_ptr<std::byte[]> description_storage;  ///< a transitioned description's
  };

  /// A copy of `record` to keep; nullptr when its description lacks a member
  /// the indexes and listings key on, its ExportArn is taken, or it nests
  /// too deeply to copy.
  std::unique_ptr<stored> make_stored(const export_record& record) const {
    const export_description& d = record.description;
    if (!d.export_arn || !d.export_status || !d.table_id || !d.start_time) return nullptr;
    if (by_arn_.find(*d.export_arn) != by_arn_.end()) return nullptr;
    auto r = std::make_unique<stored>();
    r->account_id = record.scope.account_id;
    r->region = record.scope.region;
    r->export_arn = *d.export_arn;
    // Until its first transition, the description's views share the request's block.
    auto copies = detail::owned_copies(r->request_storage, record.request, d);
    if (!copies) return nullptr;
    auto& [request, description] = *copies;
    r->record = export_record{{r->account_id, r->region}, request, description, record.completed_at};
    return r;
  }

  void add(std::unique_ptr<stored> r) {
    stored* p = r.get();
    by_arn_.emplace(p->export_arn, std::move(r));
    scopes_[scope_key{p->account_id, p->region}].emplace(p->export_arn, p);
    if (p->record.request.client_token) by_token_.emplace(*p->record.request.client_token, p);
  }

  /// A transition may change the status and everything around it, never the
  /// members the indexes and listings key on.
  static bool replaceable(const stored& r, const export_description& d) noexcept {
    const export_description& now = r.record.description;
    return d.export_arn == std::optional<std::string_view>{r.export_arn} && d.export_status &&
           d.table_id == now.table_id && d.start_time == now.start_time;
  }
  static void replace(stored& r, export_description&& description, std::unique_ptr<std::byte[]>&& storage,
                      std::optional<timestamp> completed_at) noexcept {
    r.record.description = description;
    r.record.completed_at = completed_at;
    r.description_storage = std::move(storage);
  }

  template <class F>
  bool visit(std::string_view export_arn, F& f) const {
    const auto it = by_arn_.find(export_arn);
    if (it == by_arn_.end()) return false;
    f(std::as_const(it->second->record));
    return true;
  }

  /// Keys of the scope index, compared as tuples of views so that lookups
  /// need no copies.
  using scope_key = std::tuple<std::string, std::string>;
  struct key_less {
    using is_transparent = void;
    template <class... T>
    static constexpr auto views(const std::tuple<T...>& key) noexcept {
      return std::apply([](const auto&... part) { return std::tuple{std::string_view{part}...}; }, key);
    }
    template <class A, class B>
    constexpr bool operator()(const A& a, const B& b) const noexcept {
      return views(a) < views(b);
    }
  };

  mutable std::shared_mutex mutex_;
  Journal* journal_ = nullptr;
  /// Keys view the records' export_arn; lookups by ExportArn and by token
  /// need no order, and hashing beats comparing ARNs that share 60 bytes.
  std::unordered_map<std::string_view, std::unique_ptr<stored>> by_arn_;
  /// Per scope, by ExportArn descending (V-LIST-ORDER); the keys view the records.
  std::map<scope_key, std::map<std::string_view, const stored*, std::greater<>>, key_less> scopes_;
  /// By ClientToken in any scope; a lookup keeps the records of its own scope.
  std::unordered_multimap<std::string_view, const stored*> by_token_;
};

}  // namespace ddbexport::service

#endif
