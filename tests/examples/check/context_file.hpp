#ifndef DDBEXPORT_CHECK_CONTEXT_FILE_HPP
#define DDBEXPORT_CHECK_CONTEXT_FILE_HPP

// ddbexport-check's --context file: the facts the validator cannot know.
//   {"Now": <epoch seconds | RFC 3339>, "CallerAccountId": "...", "BucketOwnerAccountId": "...",
//    "TableExists": bool, "ContinuousBackupsDescription": {...},
//    "PreviousExports": [{"Request": {...}, "ExportArn": "...", "CompletedAt": <time | null>}]}
// Every member is optional; a value of the wrong type or range is a usage error.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/json_tree.hpp"
#include "check/time_value.hpp"
#include "check/wire_io.hpp"
#include "ddbexport/arn.hpp"
#include "ddbexport/validate/context.hpp"
#include "ddbexport/detail/number.hpp"
#include "ddbexport/timestamp.hpp"

namespace ddbexport_check {

/// Owns everything the context views. Not movable: the context points into it.
class context_file {
 public:
  context_file() = default;
  context_file(const context_file&) = delete;
  context_file& operator=(const context_file&) = delete;

  ddbexport::validation_context<ddbexport::span_ledger> context{};

  /// Fills this from a context document; on failure returns false with a reason.
  bool load(std::string_view text, std::string& error) {
    json_parse_error parse_error{};
    json_tree_parser parser{text};
    auto parsed = parser.parse(parse_error);
    if (!parsed) return fail(error, "context file is not valid JSON at byte " + std::to_string(parse_error.offset) +
                                        ": " + parse_error.reason);
    tree_ = std::move(*parsed);
    if (tree_.type != json_node::kind::object) return fail(error, "context file must hold a JSON object");
    for (const auto& [name, value] : tree_.members) {
      if (value.type == json_node::kind::null) continue;
      bool ok = true;
      if (name == "Now") ok = time_value(value, context.now);
      else if (name == "CallerAccountId") ok = account(value, context.caller_account_id);
      else if (name == "BucketOwnerAccountId") ok = account(value, context.bucket_owner_account_id);
      else if (name == "TableExists") ok = boolean(value, context.table_exists);
      else if (name == "ContinuousBackupsDescription") ok = backups(value);
      else if (name == "PreviousExports") ok = previous_exports(value);
      if (!ok) return fail(error, "context member " + name + ": " + reason_);
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

  bool time_value(const json_node& v, std::optional<ddbexport::timestamp>& out) {
    std::string why;
    out = time_of(v, why);
    return out ? true : bad(why);
  }

  bool account(const json_node& v, std::optional<std::string_view>& out) {
    if (v.type != json_node::kind::string || !ddbexport::is_account_id(v.text)) return bad("expected a 12-digit account id");
    out = v.text;
    return true;
  }

  bool boolean(const json_node& v, std::optional<bool>& out) {
    if (v.type != json_node::kind::boolean) return bad("expected true or false");
    out = v.flag;
    return true;
  }

  template <class E>
  bool status_value(const json_node& v, std::optional<ddbexport::open_enum<E>>& out) {
    const auto known = v.type == json_node::kind::string ? ddbexport::from_wire<E>(v.text) : std::nullopt;
    if (!known) return bad("expected ENABLED or DISABLED");
    out = *known;
    return true;
  }

  bool backups(const json_node& v) {
    if (v.type != json_node::kind::object) return bad("expected an object");
    ddbexport::continuous_backups_description cb;
    if (const auto* s = v.find("ContinuousBackupsStatus"); s && s->type != json_node::kind::null)
      if (!status_value(*s, cb.continuous_backups_status)) return false;
    if (const auto* p = v.find("PointInTimeRecoveryDescription"); p && p->type != json_node::kind::null) {
      if (p->type != json_node::kind::object) return bad("PointInTimeRecoveryDescription: expected an object");
      ddbexport::point_in_time_recovery_description pitr;
      for (const auto& [name, member] : p->members) {
        if (member.type == json_node::kind::null) continue;
        bool ok = true;
        if (name == "PointInTimeRecoveryStatus") ok = status_value(member, pitr.point_in_time_recovery_status);
        else if (name == "RecoveryPeriodInDays") ok = recovery_days(member, pitr.recovery_period_in_days);
        else if (name == "EarliestRestorableDateTime") ok = time_value(member, pitr.earliest_restorable_date_time);
        else if (name == "LatestRestorableDateTime") ok = time_value(member, pitr.latest_restorable_date_time);
        if (!ok) return bad(name + ": " + reason_);
      }
      cb.point_in_time_recovery_description = pitr;
    }
    context.continuous_backups = cb;
    return true;
  }

  bool recovery_days(const json_node& v, std::optional<std::int32_t>& out) {
    const auto days = v.type == json_node::kind::number ? ddbexport::detail::parse_json_integer(v.raw, 35) : std::nullopt;
    if (!days || *days < 1) return bad("expected an integer from 1 to 35");
    out = static_cast<std::int32_t>(*days);
    return true;
  }

  bool previous_exports(const json_node& v) {
    if (v.type != json_node::kind::array) return bad("expected an array");
    entries_.reserve(v.items.size());
    for (const auto& item : v.items) {
      if (item.type != json_node::kind::object) return bad("each entry must be an object");
      ddbexport::ledger_entry entry;
      const auto* request = item.find("Request");
      if (!request || request->type != json_node::kind::object) return bad("each entry needs a Request object");
      auto& body = requests_.emplace_back(std::make_unique<request_body>());
      std::string reason;
      if (!body->read(request->raw, reason)) return bad("Request: " + reason);
      entry.request = body->request;
      const auto* arn = item.find("ExportArn");
      if (!arn || arn->type != json_node::kind::string) return bad("each entry needs an ExportArn string");
      entry.export_arn = arn->text;
      if (const auto* done = item.find("CompletedAt"); done && done->type != json_node::kind::null)
        if (!time_value(*done, entry.completed_at)) return bad("CompletedAt: " + reason_);
      entries_.push_back(entry);
    }
    ledger_ = ddbexport::span_ledger{entries_};
    context.previous_exports = &ledger_;
    return true;
  }

  json_node tree_{};
  std::vector<std::unique_ptr<request_body>> requests_{};
  std::vector<ddbexport::ledger_entry> entries_{};
  ddbexport::span_ledger ledger_{};
  std::string reason_{};
};

}  // namespace ddbexport_check

#endif
