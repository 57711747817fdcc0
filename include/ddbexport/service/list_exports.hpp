#ifndef DDBEXPORT_SERVICE_LIST_EXPORTS_HPP
#define DDBEXPORT_SERVICE_LIST_EXPORTS_HPP

/// ListExports (SERVICE.md §6): V-LIST-SHAPE, V-LIST-TOKEN, then a page of the
/// scope's records (V-LIST-SCOPE, V-LIST-HORIZON) in V-LIST-ORDER, each as an
/// ExportSummary (V-LIST-SUMMARY), with the stateless NextToken of §6.1.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/json/writer.hpp"
#include "ddbexport/list_exports.hpp"
#include "ddbexport/members.hpp"
#include "ddbexport/service/context.hpp"
#include "ddbexport/service/detail/answer_frame.hpp"
#include "ddbexport/service/detail/messages.hpp"
#include "ddbexport/service/detail/prelude.hpp"
#include "ddbexport/service/export_table.hpp"
#include "ddbexport/service/horizon.hpp"
#include "ddbexport/service/http.hpp"
#include "ddbexport/service/next_token.hpp"
#include "ddbexport/service/store.hpp"
#include "ddbexport/validate/context.hpp"
#include "ddbexport/validate/inputs.hpp"
#include "ddbexport/validate/sinks.hpp"

namespace ddbexport::service {

/// V-LIST-PAGE (chosen): without MaxResults, the maximum of the model's range.
inline constexpr auto default_list_results = static_cast<std::int32_t>(facts::max_results.range->max);

namespace detail {
/// One page of ListExports from a store's records: the same for every store
/// type, so compiled once rather than once per store.
struct list_page {
  const list_query& query;
  timestamp now;
  std::size_t size;
  // Copies: the store's views last only as long as its callback.
  struct listed {
    std::string export_arn, export_status, export_type;
  };
  std::vector<listed> rows{};
  bool more = false;

  /// False once the page is full and one more record shows there is a next page.
  bool take(const list_entry& entry) {
    // The store may ignore the query's filters; they are the service's rules.
    if (query.table_id && entry.table_id != *query.table_id) return true;
    if (query.before && !(table_resource(entry.export_arn) < *query.before)) return true;
    if (past_horizon(entry.start_time, now)) return true;
    if (rows.size() == size) {
      more = true;
      return false;
    }
    // V-LIST-SUMMARY: a default export lists as FULL_EXPORT (ALT).
    listed row{std::string{entry.export_arn}, std::string{entry.export_status.text()},
               std::string{to_wire(export_type::full_export)}};
    if (entry.export_type) row.export_type = entry.export_type->text();
    rows.push_back(std::move(row));
    return true;
  }

  [[nodiscard]] std::vector<export_summary> summaries() const {
    std::vector<export_summary> out;
    out.reserve(rows.size());
    for (const auto& row : rows)
      out.push_back({row.export_arn, export_status_value::from_text(row.export_status),
                     export_type_value::from_text(row.export_type)});
    return out;
  }
};
}  // namespace detail

template <table_lookup Tables, random_source Random, destination_facts Facts, export_store Store>
handled list_exports(const detail::answer_frame& frame, const list_exports_request& input,
                     const service_context<Tables, Random, Facts>& context, const Store& store) {
  if (auto stop = detail::precheck(frame, input, context)) return std::move(*stop);  // V-LIST-SHAPE

  std::optional<next_token_position> position;
  if (input.next_token) {
    position = decode_next_token(*input.next_token);
    if (!position)
      return handled::answered(frame.error(
          error_kind::validation, "Invalid Request: Provided nextToken is invalid: " + std::string{*input.next_token}));
  }

  const auto page = [&](const std::vector<export_summary>& summaries, std::optional<std::string_view> next_token) {
    list_exports_response response;
    response.export_summaries = std::span<const export_summary>{summaries};
    response.next_token = next_token;
    return handled::answered(frame.make(200, detail::render([&](auto& out) { (void)json::write(response, out); })));
  };

  list_query query;
  query.scope = store_scope{*context.caller_account_id, context.region};
  std::optional<std::string> table_id;
  if (input.table_arn) {
    if (!context.tables) return handled::refused({usage_problem::missing_fact, "the table lookup"});
    const auto table = context.tables->find(*input.table_arn);
    // V-LIST-SCOPE: no such table (deleted, never made) lists nothing.
    if (!table) return page({}, std::nullopt);
    if (!table->table_id) return handled::refused({usage_problem::missing_fact, "the table's TableId"});
    table_id = std::string{*table->table_id};
    query.table_id = *table_id;
    // A token of another table continues nothing here (DDB-EXPORT-006).
    const std::string_view resource = table_resource(*input.table_arn);
    if (position && position->table_name() != resource.substr(0, resource.find('/'))) return page({}, std::nullopt);
  }
  if (position) query.before = position->resource;

  detail::list_page collector{query, *context.now,
                              static_cast<std::size_t>(input.max_results.value_or(default_list_results))};
  store.list(query, [&](const list_entry& entry) { return collector.take(entry); });
  const std::vector<export_summary> summaries = collector.summaries();
  std::string token;
  if (collector.more) {
    container_output<std::string> out{token};
    write_next_token(collector.rows.back().export_arn, out);
  }
  return page(summaries, collector.more ? std::optional<std::string_view>{token} : std::nullopt);
}

}  // namespace ddbexport::service

#endif
