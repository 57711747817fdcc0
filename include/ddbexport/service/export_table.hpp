#ifndef DDBEXPORT_SERVICE_EXPORT_TABLE_HPP
#define DDBEXPORT_SERVICE_EXPORT_TABLE_HPP

/// ExportTableToPointInTime as the service answers it (SERVICE.md §3): RULES
/// stages D to K with the store's records as PreviousExports (V-EXP-VERDICT),
/// an accepted request described (V-EXP-CREATE) and recorded (V-EXP-RECORD),
/// a replay answered with the earlier export's current description
/// (V-EXP-REPLAY). The verdict and the insert are one store step
/// (V-STORE-ATOMIC); only an accepted new request writes (V-STORE-READONLY).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ddbexport/json/writer.hpp"
#include "ddbexport/service/context.hpp"
#include "ddbexport/service/detail/answer_frame.hpp"
#include "ddbexport/service/detail/blocking.hpp"
#include "ddbexport/service/detail/messages.hpp"
#include "ddbexport/service/detail/prelude.hpp"
#include "ddbexport/service/http.hpp"
#include "ddbexport/service/new_export.hpp"
#include "ddbexport/service/random.hpp"
#include "ddbexport/service/store.hpp"
#include "ddbexport/service/usage_error.hpp"
#include "ddbexport/validate/context.hpp"
#include "ddbexport/validate/request.hpp"
#include "ddbexport/validate/sinks.hpp"

namespace ddbexport::service {

/// How often a colliding export id is drawn again before giving up: a real
/// random source collides about never; a stuck one must not loop forever.
inline constexpr int max_export_id_draws = 64;

namespace detail {

/// A 200 `{"ExportDescription":…}`, as ExportTableToPointInTime and DescribeExport answer.
[[nodiscard]] inline answer description_answer(const answer_frame& frame, const export_description& description) {
  return frame.make(200, render([&](auto& out) { (void)json::write(export_response{description}, out); }));
}

}  // namespace detail

template <table_lookup Tables, random_source Random, destination_facts Facts, export_store Store>
handled export_table_to_point_in_time(const detail::answer_frame& frame, const export_request& request,
                                      const service_context<Tables, Random, Facts>& context, Store& store) {
  if (auto stop = detail::precheck(frame, request, context)) return std::move(*stop);

  // V-TABLE-LOOKUP: by the TableArn exactly as sent.
  std::optional<table_facts> table;
  if (request.table_arn) {
    if (!context.tables) return handled::refused({usage_problem::missing_fact, "the table lookup"});
    table = context.tables->find(*request.table_arn);
  }
  std::optional<std::string_view> bucket_owner;
  if (context.destination && request.s3_bucket) bucket_owner = context.destination->bucket(*request.s3_bucket).owner_account_id;

  const timestamp now = *context.now;
  const store_scope scope{*context.caller_account_id, context.region};
  handled outcome;
  // Views the description of an accepted export needs until the store has copied it.
  std::string export_arn;
  export_description description;

  const store_write written = store.find_or_insert(
      scope, request.client_token, [&]<class Transaction>(const Transaction& txn) -> std::optional<export_record> {
        validation_context<Transaction> facts;
        facts.now = now;
        facts.caller_account_id = context.caller_account_id;
        facts.bucket_owner_account_id = bucket_owner;
        facts.table_exists = table.has_value();
        if (table) facts.continuous_backups = table->continuous_backups;
        facts.previous_exports = &txn;
        count_sink sink;
        const validation_result verdict = validate(request, facts, sink);
        if (const auto rule = detail::blocking_rule(verdict)) {
          outcome = handled::refused({usage_problem::unchecked_rule, "the answer depends on a missing fact", rule});
          return std::nullopt;
        }
        if (!verdict.valid()) {
          outcome = handled::answered(detail::validation_answer(frame, request, facts, verdict));
          return std::nullopt;
        }
        if (verdict.replay_of) {  // V-EXP-REPLAY: nothing written, no id drawn
          const bool found = txn.find_by_arn(*verdict.replay_of, [&](const export_record& earlier) {
            outcome = handled::answered(detail::description_answer(frame, earlier.description));
          });
          if (!found) outcome = handled::refused({usage_problem::library_bug, "the replayed export is not in the store"});
          return std::nullopt;
        }
        if (!table->table_id) {
          outcome = handled::refused({usage_problem::missing_fact, "the table's TableId"});
          return std::nullopt;
        }
        // V-EXP-CREATE: 4 bytes after the request id's 52, 4 more while the ARN is taken.
        for (int draws = 0;; ++draws) {
          if (draws == max_export_id_draws) {
            outcome = handled::refused({usage_problem::export_id_exhausted, {}});
            return std::nullopt;
          }
          const auto bytes = draw<4>(*context.random);
          const std::uint32_t suffix = std::uint32_t{bytes[0]} << 24 | std::uint32_t{bytes[1]} << 16 |
                                       std::uint32_t{bytes[2]} << 8 | std::uint32_t{bytes[3]};
          auto arn = make_export_arn(*request.table_arn, now, suffix);
          if (!arn) {
            outcome = handled::refused({usage_problem::invalid_fact, "Now is outside [0, 10^14) ms"});
            return std::nullopt;
          }
          if (!txn.contains(*arn)) {
            export_arn = std::move(*arn);
            break;
          }
        }
        if (auto problem = describe_new_export(request, export_arn, *table->table_id, now, description)) {
          outcome = handled::refused(*problem);
          return std::nullopt;
        }
        outcome = handled::answered(detail::description_answer(frame, description));
        return export_record{scope, request, description, std::nullopt};
      });
  if (written == store_write::failed) return handled::refused({usage_problem::store_failed, {}});
  // V-EXP-RECORD. The store has its own copy now, so the text itself moves on.
  if (!export_arn.empty() && outcome.answer) outcome.answer->recorded_export_arn = std::move(export_arn);
  return outcome;
}

}  // namespace ddbexport::service

#endif
