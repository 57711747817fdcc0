#ifndef DDBEXPORT_SERVER_STATE_HPP
#define DDBEXPORT_SERVER_STATE_HPP

// ddbexport-server's world: region, account, tables (and their items),
// buckets and KMS keys, from `--state FILE` or the built-in defaults (the
// file `{}`). A member that
// is missing or null takes its default; other members are ignored; a member
// of the wrong type or out of range makes the file malformed.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "check/json_tree.hpp"
#include "check/time_value.hpp"
#include "ddbexport/arn.hpp"
#include "ddbexport/continuous_backups.hpp"
#include "ddbexport/detail/number.hpp"
#include "ddbexport/detail/patterns.hpp"
#include "ddbexport/service/context.hpp"
#include "ddbexport/timestamp.hpp"
#include "server/table_items.hpp"
#include "server/uuid_v3.hpp"

namespace ddbexport_server {

using ddbexport_check::json_node;

struct table_state {
  std::string arn;
  std::string table_id;
  bool pitr_enabled = true;
  std::int32_t recovery_period_in_days = ddbexport::default_recovery_period_in_days;
  ddbexport::timestamp earliest{};                       ///< given, or the start time − the period
  std::optional<ddbexport::timestamp> latest{};         ///< given, else Now at each request
  /// Its items (`Items`; none when absent), shared by the copies of the world.
  std::shared_ptr<const table_items> items = std::make_shared<const table_items>();
};

struct bucket_state {
  std::string owner;
  bool exists = true;
};

struct world {
  std::string region = "us-east-1";
  std::string account = "123456789012";
  std::string partition = "aws";
  std::map<std::string, table_state, std::less<>> tables;
  std::map<std::string, bucket_state, std::less<>> buckets;
  std::set<std::string, std::less<>> missing_kms_keys;
};

namespace detail {

class state_reader {
 public:
  state_reader(world& w, ddbexport::timestamp start) : w_(w), start_(start) {}

  bool load(std::string_view text, std::string& error) {
    ddbexport_check::json_parse_error parse_error{};
    ddbexport_check::json_tree_parser parser{text};
    auto root = parser.parse(parse_error);
    if (!root) return fail(error, "not valid JSON at byte " + std::to_string(parse_error.offset) + ": " + parse_error.reason);
    if (root->type != json_node::kind::object) return fail(error, "the top level must be an object");
    if (const auto* v = present(*root, "Region")) {
      static const std::regex region_pattern{"^[a-z]{2,}(-[a-z]+)+-[0-9]+$"};
      if (v->type != json_node::kind::string || !std::regex_match(v->text, region_pattern))
        return fail(error, "Region: expected a region name such as us-east-1");
      w_.region = v->text;
    }
    if (const auto* v = present(*root, "AccountId")) {
      if (!account(*v, w_.account)) return fail(error, "AccountId: expected 12 digits");
    }
    w_.partition = std::string{ddbexport::service::default_partition(w_.region)};
    if (const auto* v = present(*root, "Tables")) {
      if (v->type != json_node::kind::array) return fail(error, "Tables: expected an array");
      for (std::size_t i = 0; i < v->items.size(); ++i)
        if (!table(v->items[i])) return fail(error, "Tables[" + std::to_string(i) + "]: " + reason_);
    } else {
      table_state music;
      music.arn = "arn:" + w_.partition + ":dynamodb:" + w_.region + ":" + w_.account + ":table/Music";
      add_defaults(music, std::nullopt);
      w_.tables.emplace(music.arn, music);
    }
    if (const auto* v = present(*root, "Buckets")) {
      if (v->type != json_node::kind::object) return fail(error, "Buckets: expected an object");
      for (const auto& [name, b] : v->members)
        if (!bucket(name, b)) return fail(error, "Buckets." + name + ": " + reason_);
    }
    if (const auto* v = present(*root, "MissingKmsKeys")) {
      if (v->type != json_node::kind::array) return fail(error, "MissingKmsKeys: expected an array of strings");
      for (const auto& key : v->items) {
        if (key.type != json_node::kind::string) return fail(error, "MissingKmsKeys: expected an array of strings");
        w_.missing_kms_keys.insert(key.text);
      }
    }
    return true;
  }

 private:
  static bool fail(std::string& error, std::string reason) {
    error = std::move(reason);
    return false;
  }
  bool bad(std::string reason) {
    reason_ = std::move(reason);
    return false;
  }
  /// The member, unless it is missing or null (both mean absent).
  static const json_node* present(const json_node& object, std::string_view name) {
    const json_node* v = object.find(name);
    return v && v->type != json_node::kind::null ? v : nullptr;
  }
  static bool account(const json_node& v, std::string& out) {
    if (v.type != json_node::kind::string || !ddbexport::is_account_id(v.text)) return false;
    out = v.text;
    return true;
  }
  bool time_value(const json_node& v, std::string_view name, ddbexport::timestamp& out) {
    std::string why;
    const auto t = ddbexport_check::time_of(v, why);
    if (!t) return bad(std::string{name} + ": " + why);
    out = *t;
    return true;
  }

  void add_defaults(table_state& t, std::optional<ddbexport::timestamp> earliest) {
    if (t.table_id.empty()) t.table_id = uuid_v3_url(t.arn);
    t.earliest = earliest ? *earliest
                          : ddbexport::from_epoch_ms(ddbexport::to_epoch_ms(start_) -
                                                     std::int64_t{t.recovery_period_in_days} * 86'400'000);
  }

  bool table(const json_node& entry) {
    if (entry.type != json_node::kind::object) return bad("expected an object");
    table_state t;
    const json_node* arn = present(entry, "TableArn");
    if (!arn || arn->type != json_node::kind::string) return bad("TableArn: expected a string");
    const auto parsed = ddbexport::table_arn::parse(arn->text);
    if (!parsed) return bad("TableArn: not a table ARN (arn:<partition>:dynamodb:<region>:<account>:table/<name>)");
    if (parsed->partition != w_.partition || parsed->region != w_.region || parsed->account != w_.account)
      return bad("TableArn: not of partition " + w_.partition + ", region " + w_.region + " and account " + w_.account);
    t.arn = arn->text;
    if (w_.tables.count(t.arn) != 0) return bad("TableArn: " + t.arn + " appears twice");
    if (const auto* id = present(entry, "TableId")) {
      if (id->type != json_node::kind::string || !ddbexport::detail::matches_table_id_pattern(id->text))
        return bad("TableId: expected a lowercase UUID");
      t.table_id = id->text;
    }
    std::optional<ddbexport::timestamp> earliest;
    if (const auto* cb = present(entry, "ContinuousBackupsDescription")) {
      if (cb->type != json_node::kind::object) return bad("ContinuousBackupsDescription: expected an object");
      // Only PointInTimeRecoveryDescription counts (RULES §2.3); without it PITR is off.
      t.pitr_enabled = false;
      if (const auto* p = present(*cb, "PointInTimeRecoveryDescription")) {
        if (p->type != json_node::kind::object) return bad("PointInTimeRecoveryDescription: expected an object");
        if (const auto* s = present(*p, "PointInTimeRecoveryStatus")) {
          if (s->type != json_node::kind::string || (s->text != "ENABLED" && s->text != "DISABLED"))
            return bad("PointInTimeRecoveryStatus: expected ENABLED or DISABLED");
          t.pitr_enabled = s->text == "ENABLED";
        }
        if (const auto* d = present(*p, "RecoveryPeriodInDays")) {
          const bool integral = d->type == json_node::kind::number && d->raw.find_first_of(".eE") == std::string_view::npos;
          const auto days = integral ? ddbexport::detail::parse_json_integer(d->raw, 35) : std::nullopt;
          if (!days || *days < 1) return bad("RecoveryPeriodInDays: expected an integer from 1 to 35");
          t.recovery_period_in_days = static_cast<std::int32_t>(*days);
        }
        if (const auto* e = present(*p, "EarliestRestorableDateTime")) {
          ddbexport::timestamp value{};
          if (!time_value(*e, "EarliestRestorableDateTime", value)) return false;
          earliest = value;
        }
        if (const auto* l = present(*p, "LatestRestorableDateTime")) {
          ddbexport::timestamp value{};
          if (!time_value(*l, "LatestRestorableDateTime", value)) return false;
          t.latest = value;
        }
      }
    }
    if (const auto* items = present(entry, "Items")) {
      if (items->type != json_node::kind::array) return bad("Items: expected an array of DynamoDB JSON items");
      auto kept = std::make_shared<table_items>();
      kept->json_lines.resize(items->items.size());
      for (std::size_t i = 0; i < items->items.size(); ++i) {
        const json_node& item = items->items[i];
        std::string why;
        if (item.type != json_node::kind::object) why = "expected a DynamoDB JSON item (an object)";
        else if (item.members.empty()) why = "an empty item: an item holds at least its key attributes";
        else if (!canonical_item_line(item.raw, kept->json_lines[i], why)) why = "not a valid DynamoDB JSON item: " + why;
        if (!why.empty()) return bad("Items[" + std::to_string(i) + "]: " + why);
      }
      t.items = std::move(kept);
    }
    add_defaults(t, earliest);
    w_.tables.emplace(t.arn, t);
    return true;
  }

  bool bucket(const std::string& name, const json_node& b) {
    if (b.type == json_node::kind::null) return true;
    if (b.type != json_node::kind::object) return bad("expected an object");
    bucket_state state{w_.account, true};
    if (const auto* owner = present(b, "Owner"))
      if (!account(*owner, state.owner)) return bad("Owner: expected 12 digits");
    if (const auto* exists = present(b, "Exists")) {
      if (exists->type != json_node::kind::boolean) return bad("Exists: expected true or false");
      state.exists = exists->flag;
    }
    w_.buckets[name] = state;
    return true;
  }

  world& w_;
  ddbexport::timestamp start_;
  std::string reason_;
};

}  // namespace detail

/// Fills `w` from a state document (`{}` gives the built-in world); on a
/// malformed file returns false with the reason.
inline bool load_world(std::string_view text, ddbexport::timestamp start, world& w, std::string& error) {
  w = world{};
  return detail::state_reader{w, start}.load(text, error);
}

/// The table lookup of SERVICE.md §1.3 over the world, at one request's Now.
struct world_tables {
  const world* w = nullptr;
  ddbexport::timestamp now{};

  [[nodiscard]] std::optional<ddbexport::service::table_facts> find(std::string_view arn) const {
    const auto it = w->tables.find(arn);
    if (it == w->tables.end()) return std::nullopt;
    const table_state& t = it->second;
    ddbexport::point_in_time_recovery_description pitr;
    pitr.point_in_time_recovery_status =
        t.pitr_enabled ? ddbexport::point_in_time_recovery_status::enabled : ddbexport::point_in_time_recovery_status::disabled;
    pitr.recovery_period_in_days = t.recovery_period_in_days;
    pitr.earliest_restorable_date_time = t.earliest;
    pitr.latest_restorable_date_time = t.latest ? *t.latest : now;
    ddbexport::continuous_backups_description cb;
    cb.continuous_backups_status = t.pitr_enabled ? ddbexport::continuous_backups_status::enabled
                                                  : ddbexport::continuous_backups_status::disabled;
    cb.point_in_time_recovery_description = pitr;
    return ddbexport::service::table_facts{t.table_id, cb};
  }
};

/// The bucket and key facts: a bucket not listed exists and belongs to the account.
struct world_facts {
  const world* w = nullptr;

  [[nodiscard]] ddbexport::service::bucket_facts bucket(std::string_view name) const {
    const auto it = w->buckets.find(name);
    if (it == w->buckets.end()) return {std::string_view{w->account}, false};
    return {std::string_view{it->second.owner}, !it->second.exists};
  }
  [[nodiscard]] std::optional<bool> kms_key_missing(std::string_view key) const {
    return w->missing_kms_keys.count(key) != 0;
  }
};

}  // namespace ddbexport_server

#endif
