#ifndef DDBEXPORT_ARTIFACTS_KEYS_HPP
#define DDBEXPORT_ARTIFACTS_KEYS_HPP

/// The table's key in data lines (ARTIFACTS.md §7.6): every Item (full) or
/// Keys (incremental) carries the KeySchema attributes with their types,
/// Keys nothing else; with TrackKeys, no primary key repeats.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <deque>
#include <unordered_map>
#include <vector>

#include "ddbexport/artifacts/data_line.hpp"
#include "ddbexport/artifacts/detail/attribute_checks.hpp"
#include "ddbexport/artifacts/rules.hpp"

namespace ddbexport::artifacts {

/// One KeySchema entry, merged with its AttributeDefinitions type
/// (`{"AttributeName":"pk","KeyType":"HASH","AttributeType":"S"}`). The type
/// is optional: a caller may know only the names.
struct key_attribute {
  std::string_view name;
  bool range = false;                 ///< KeyType RANGE (else HASH)
  std::optional<attribute_kind> type;  ///< S, N or B
};

/// The key types a KeySchema allows.
[[nodiscard]] constexpr bool is_key_type(attribute_kind k) noexcept {
  return k == attribute_kind::s || k == attribute_kind::n || k == attribute_kind::b;
}

/// A-KEY-MISSING, A-KEY-TYPE (per schema attribute, in schema order) and
/// A-KEY-EXTRA (incremental) for a line that passed §7.5's value rules.
/// True when every schema attribute is present with its type.
template <finding_sink Sink>
bool check_keys(const data_line& line, std::span<const key_attribute> schema, const data_line_context& c, Sink& sink) {
  detail::line_judge<Sink> judge{c, sink};
  const line_slot source_slot = c.format.incremental ? line_slot::keys : line_slot::item;
  const std::span<const attribute_entry> source = *slot_map(line, source_slot);
  const std::string_view source_name = slot_name(source_slot);
  const auto find = [&](std::string_view name) -> const attribute_entry* {
    for (const auto& e : source)
      if (e.key == name) return &e;
    return nullptr;
  };
  bool ok = true;
  for (const auto& k : schema) {
    const std::string at = std::string{source_name} + "." + std::string{k.name};
    const attribute_entry* e = find(k.name);
    if (e == nullptr) {
      judge.report(rule::key_missing, std::nullopt, at, {{"name", k.name}});
      ok = false;
    } else if (k.type ? e->value.kind != *k.type : !is_key_type(e->value.kind)) {
      judge.report(rule::key_type, std::nullopt, at,
                   {{"name", k.name}, {"t", wire_name(e->value.kind)}, {"x", k.type ? wire_name(*k.type) : "S, N or B"}});
      ok = false;
    }
  }
  if (c.format.incremental)
    for (const auto& e : source)
      if (std::none_of(schema.begin(), schema.end(), [&](const key_attribute& k) { return k.name == e.key; }))
        judge.report(rule::key_extra, std::nullopt, std::string{source_name} + "." + std::string{e.key}, {{"name", e.key}});
  return ok;
}

/// Remembers every primary key of an export (A-KEY-DUP): the one rule whose
/// memory grows with the item count, hence opt-in (TrackKeys).
class key_tracker {
 public:
  struct place {
    std::string_view key;  ///< the data file
    std::uint64_t line = 0;
  };

  /// The primary key of a line: full, the schema attributes of Item (for a
  /// line that passed A-KEY-MISSING and A-KEY-TYPE); incremental, all of Keys.
  [[nodiscard]] static std::string identity(const data_line& line, std::span<const key_attribute> schema, bool incremental) {
    std::vector<const attribute_entry*> parts;
    if (incremental) {
      for (const auto& e : line.keys) parts.push_back(&e);
      std::sort(parts.begin(), parts.end(), [](const auto* a, const auto* b) { return a->key < b->key; });
    } else {
      for (const auto& k : schema)
        for (const auto& e : line.item)
          if (e.key == k.name) parts.push_back(&e);
    }
    std::string id;
    for (const auto* e : parts) {
      const std::string value = detail::key_identity(e->value);
      id += std::to_string(e->key.size()) + ":" + std::string{e->key} + std::to_string(value.size()) + ":" + value;
    }
    return id;
  }

  /// Where the key was first seen, or nothing (and it is noted here).
  std::optional<place> note(std::string_view identity, std::string_view file, std::uint64_t line) {
    if (files_.empty() || files_.back() != file) files_.emplace_back(file);
    const auto found = seen_.find(identity);
    if (found != seen_.end()) return place{files_[found->second.file], found->second.line};
    seen_.emplace(keep(identity), first_seen{static_cast<std::uint32_t>(files_.size() - 1), line});
    return std::nullopt;
  }

  [[nodiscard]] std::size_t size() const noexcept { return seen_.size(); }

 private:
  struct first_seen {
    std::uint32_t file;
    std::uint64_t line;
  };
  /// Identities live in large blocks that never move, so the map holds views:
  /// one allocation per megabyte of keys, not one per key.
  std::string_view keep(std::string_view identity) {
    constexpr std::size_t block = std::size_t{1} << 20;
    if (blocks_.empty() || block_used_ + identity.size() > blocks_.back().size()) {
      blocks_.emplace_back(std::max(block, identity.size()), '\0');
      block_used_ = 0;
    }
    char* at = blocks_.back().data() + block_used_;
    std::copy(identity.begin(), identity.end(), at);
    block_used_ += identity.size();
    return {at, identity.size()};
  }

  std::deque<std::string> files_;
  std::deque<std::string> blocks_;
  std::size_t block_used_ = 0;
  std::unordered_map<std::string_view, first_seen> seen_;
};

/// A-KEY-DUP for one line, when it repeats an earlier one.
template <finding_sink Sink>
void check_duplicate_key(key_tracker& tracker, const data_line& line, std::span<const key_attribute> schema,
                         const data_line_context& c, Sink& sink) {
  const auto first = tracker.note(key_tracker::identity(line, schema, c.format.incremental), c.key, c.number);
  if (!first) return;
  detail::line_judge<Sink> judge{c, sink};
  const std::string n2 = detail::decimal(first->line);
  judge.report(rule::key_dup, std::nullopt, {}, {{"key2", first->key}, {"n2", n2}});
}

}  // namespace ddbexport::artifacts

#endif
