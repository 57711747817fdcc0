#ifndef DDBEXPORT_SERVICE_MEMORY_STORE_HPP
#define DDBEXPORT_SERVICE_MEMORY_STORE_HPP

/// An owning, thread-safe export store (SERVICE.md §7) in memory. It keeps
/// its own copy of everything: each record is held as the canonical JSON of
/// its request and description (json::write), re-read into the caller's view
/// types when a callback needs them, so nothing views a request body that
/// the host has freed. Readers share a lock; find_or_insert and update_status
/// hold it alone, which makes stage K's lookup and the insert one step
/// (V-STORE-ATOMIC).
///
/// A journal (store_journal) makes it durable: every insert and transition is
/// handed to it, as the same canonical texts, before it takes effect; a
/// journal that refuses makes the write fail and leaves the store unchanged.
/// `restore` replays a journal's entries without writing them again.

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
#include <utility>
#include <vector>

#include "ddbexport/arn.hpp"
#include "ddbexport/json/arena.hpp"
#include "ddbexport/json/limits.hpp"
#include "ddbexport/json/reader.hpp"
#include "ddbexport/json/writer.hpp"
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

/// A record re-read from its texts, with the storage its views point into.
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

/// The canonical JSON of a value (json::write): what the store keeps. Empty
/// when the value cannot be written (nesting beyond the writer's bound).
template <class Value>
std::string canonical_text(const Value& value) {
  std::string text;
  container_output<std::string> out{text};
  if (!json::write(value, out).ok()) text.clear();
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
      if (query.table_id && r->table_id != *query.table_id) continue;
      if (query.before && !(table_resource(arn) < *query.before)) continue;
      list_entry entry;
      entry.export_arn = r->export_arn;
      entry.export_status = export_status_value::from_text(r->status);
      if (r->export_type) entry.export_type = export_type_value::from_text(*r->export_type);
      entry.table_id = r->table_id;
      entry.start_time = r->start_time;
      if (!f(entry)) return;
    }
  }

  /// The step's view of the store while find_or_insert holds it.
  class transaction {
   public:
    template <class F>
    constexpr void for_each_candidate(std::string_view token, F&& f) const {
      for (const auto& c : candidates_)
        if (c->record.request.client_token == token && !f(c->entry)) return;
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
    struct candidate : detail::parsed_record {
      using detail::parsed_record::parsed_record;
      ledger_entry entry{};
    };
    const memory_store* store_ = nullptr;
    std::vector<std::unique_ptr<candidate>> candidates_{};
  };

  template <class Step>
  store_write find_or_insert(const store_scope& scope, std::optional<std::string_view> token, Step&& step) {
    std::unique_lock lock{mutex_};
    transaction txn;
    txn.store_ = this;
    if (token) {
      const auto [first, last] = by_token_.equal_range(std::tuple{scope.account_id, scope.region, *token});
      for (auto it = first; it != last; ++it) {
        const stored& r = *it->second;
        auto c = std::make_unique<typename transaction::candidate>(scope, r.request_text, r.description_text,
                                                                   r.completed_at);
        if (!c->ok) return store_write::failed;  // only a corrupted store gets here
        c->entry = ledger_entry{c->record.request, r.export_arn, r.completed_at};
        txn.candidates_.push_back(std::move(c));
      }
    }
    std::optional<export_record> accepted = step(std::as_const(txn));
    if (!accepted) return store_write::done;
    auto r = make_stored(*accepted, detail::canonical_text(accepted->request),
                         detail::canonical_text(accepted->description));
    if (!r) return store_write::failed;
    if (journal_ && !journal_->append(journal_insert{accepted->scope, r->request_text, r->description_text}))
      return store_write::failed;
    add(std::move(r));
    return store_write::done;
  }

  template <class Step>
  store_write update_status(std::string_view export_arn, Step&& step) {
    std::unique_lock lock{mutex_};
    const auto it = by_arn_.find(export_arn);
    if (it == by_arn_.end()) return store_write::not_found;
    stored& r = *it->second;
    // The step's update may view the current record: keep it until the new text is written.
    const detail::parsed_record current{{r.account_id, r.region}, r.request_text, r.description_text, r.completed_at};
    if (!current.ok) return store_write::failed;
    const std::optional<status_update> update = step(std::as_const(current.record));
    if (!update) return store_write::done;
    std::string text = detail::canonical_text(update->description);
    if (!replaceable(r, text, update->completed_at)) return store_write::failed;
    if (journal_ && !journal_->append(journal_update{r.export_arn, text, update->completed_at}))
      return store_write::failed;
    replace(r, std::move(text), update->completed_at);
    return store_write::done;
  }

  /// Replays a journal's insert; false when its texts do not read back or
  /// its ExportArn is taken.
  bool restore(const journal_insert& entry) {
    std::unique_lock lock{mutex_};
    const detail::parsed_record parsed{entry.scope, entry.request, entry.description, std::nullopt};
    if (!parsed.ok) return false;
    auto r = make_stored(parsed.record, std::string{entry.request}, std::string{entry.description});
    if (!r) return false;
    add(std::move(r));
    return true;
  }
  /// Replays a journal's transition; false for an unknown ExportArn or a text that does not read back.
  bool restore(const journal_update& entry) {
    std::unique_lock lock{mutex_};
    const auto it = by_arn_.find(entry.export_arn);
    if (it == by_arn_.end() || !replaceable(*it->second, entry.description, entry.completed_at)) return false;
    replace(*it->second, std::string{entry.description}, entry.completed_at);
    return true;
  }

  [[nodiscard]] std::size_t size() const {
    std::shared_lock lock{mutex_};
    return by_arn_.size();
  }

 private:
  struct stored {
    std::string account_id;
    std::string region;
    std::string export_arn;
    std::string table_id;
    std::string status;
    std::optional<std::string> export_type;
    std::optional<std::string> client_token;
    timestamp start_time{};
    std::optional<timestamp> completed_at;
    std::string request_text;
    std::string description_text;
  };

  /// What list and the indexes need, copied out of a description; nullptr
  /// when the description lacks a member they key on, or its ExportArn is taken.
  std::unique_ptr<stored> make_stored(const export_record& record, std::string request_text,
                                      std::string description_text) const {
    const export_description& d = record.description;
    if (!d.export_arn || !d.export_status || !d.table_id || !d.start_time) return nullptr;
    if (by_arn_.find(*d.export_arn) != by_arn_.end()) return nullptr;
    auto r = std::make_unique<stored>();
    r->account_id = record.scope.account_id;
    r->region = record.scope.region;
    r->export_arn = *d.export_arn;
    r->table_id = *d.table_id;
    r->status = d.export_status->text();
    if (d.export_type) r->export_type = std::string{d.export_type->text()};
    if (record.request.client_token) r->client_token = std::string{*record.request.client_token};
    r->start_time = *d.start_time;
    r->completed_at = record.completed_at;
    r->request_text = std::move(request_text);
    r->description_text = std::move(description_text);
    // Only texts that read back are kept, so no later read can fail.
    const detail::parsed_record check{record.scope, r->request_text, r->description_text, std::nullopt};
    return check.ok ? std::move(r) : nullptr;
  }

  void add(std::unique_ptr<stored> r) {
    stored* p = r.get();
    by_arn_.emplace(p->export_arn, std::move(r));
    scopes_[scope_key{p->account_id, p->region}].emplace(p->export_arn, p);
    if (p->client_token) by_token_.emplace(token_key{p->account_id, p->region, *p->client_token}, p);
  }

  /// A transition may change the status and everything around it, never the
  /// members the indexes key on.
  bool replaceable(const stored& r, std::string_view text, std::optional<timestamp>) const {
    json::owning_arena storage{text.size()};
    export_description d;
    if (!json::read(text, d, storage, detail::limits_for(text)).ok()) return false;
    return d.export_arn == std::optional<std::string_view>{r.export_arn} && d.export_status &&
           d.table_id == std::optional<std::string_view>{r.table_id} && d.start_time == r.start_time;
  }
  void replace(stored& r, std::string text, std::optional<timestamp> completed_at) {
    json::owning_arena storage{text.size()};
    export_description d;
    (void)json::read(text, d, storage, detail::limits_for(text));
    r.status = d.export_status->text();
    r.export_type = d.export_type ? std::optional<std::string>{std::string{d.export_type->text()}} : std::nullopt;
    r.completed_at = completed_at;
    r.description_text = std::move(text);
  }

  template <class F>
  bool visit(std::string_view export_arn, F& f) const {
    const auto it = by_arn_.find(export_arn);
    if (it == by_arn_.end()) return false;
    const stored& r = *it->second;
    const detail::parsed_record parsed{{r.account_id, r.region}, r.request_text, r.description_text, r.completed_at};
    if (!parsed.ok) return false;
    f(std::as_const(parsed.record));
    return true;
  }

  /// Keys of the scope and token indexes, compared as tuples of views so that
  /// lookups need no copies.
  using scope_key = std::tuple<std::string, std::string>;
  using token_key = std::tuple<std::string, std::string, std::string>;
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
  std::map<std::string, std::unique_ptr<stored>, std::less<>> by_arn_;
  /// Per scope, by ExportArn descending (V-LIST-ORDER); the keys view the records.
  std::map<scope_key, std::map<std::string_view, const stored*, std::greater<>>, key_less> scopes_;
  std::multimap<token_key, const stored*, key_less> by_token_;
};

}  // namespace ddbexport::service

#endif
