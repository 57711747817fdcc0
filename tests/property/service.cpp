// Service-core properties (issue 15, item 2): whatever sequence of requests
// reaches handle(), every answer reads back with the library's own readers
// and passes the response checks; a replay answers exactly what
// DescribeExport answers at that instant; ListExports paged with any
// MaxResults in 1..25 yields every export of the scope once, in V-LIST-ORDER,
// while new exports arrive between pages; and the lifecycle only moves
// forward (V-LIFE-STATES): a terminal record never changes again.
//
// Each case is a short script of requests against one memory_store, its
// clock moving forward by generated steps; randomness comes from a generated
// seed, so a failing case reproduces from rapidcheck's reproduce string.

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/ddbexport.hpp"
#include "ddbexport/detail/crc32.hpp"
#include "generators.hpp"
#include "rc_doctest.hpp"
#include "property/service_core.hpp"

using namespace ddbexport;
using namespace ddbexport::service;
using namespace ddbexport::test;
using namespace ddbexport::test::service_core;

namespace {

/// An ExportTableToPointInTime body: mostly valid, sometimes not (an
/// unknown table, an ExportTime out of the window, a bad format).
rc::Gen<std::string> export_body(std::int64_t now) {
  return rc::gen::exec([now] {
    std::string body = "{\"TableArn\":";
    const int table = *rc::gen::weightedElement<int>({{6, 0}, {3, 1}, {1, 2}});
    body += quoted(table == 0   ? service_test::orders_arn
                   : table == 1 ? service_test::orders_v2_arn
                                : std::string_view{"arn:aws:dynamodb:us-east-1:123456789012:table/missing"});
    body += ",\"S3Bucket\":" + quoted(*rc::gen::element<std::string>("bucket-a", "bucket-b"));
    if (*rc::gen::arbitrary<bool>()) body += ",\"ClientToken\":" + quoted("tok-" + std::to_string(*uniform(0, 4)));
    if (*uniform(0, 3) == 0) body += ",\"S3Prefix\":" + quoted(*rc::gen::element<std::string>("p", "p/", "a/b"));
    if (*uniform(0, 3) == 0) body += ",\"ExportFormat\":" + quoted(*rc::gen::element<std::string>("ION", "DYNAMODB_JSON", "CSV"));
    const int kind = *uniform(0, 6);
    if (kind == 0) {
      body += ",\"ExportTime\":" + std::to_string((now - *uniform<std::int64_t>(0, 48 * hour_ms)) / 1000);
    } else if (kind == 1) {
      const std::int64_t to = now / 1000 - *uniform<std::int64_t>(0, 3600);
      const std::int64_t from = to - *rc::gen::element<std::int64_t>(900, 3600, 86400, 86401, 60);
      body += ",\"ExportType\":\"INCREMENTAL_EXPORT\",\"IncrementalExportSpecification\":{\"ExportFromTime\":" +
              std::to_string(from) + ",\"ExportToTime\":" + std::to_string(to) +
              ",\"ExportViewType\":\"" + *rc::gen::element<std::string>("NEW_IMAGE", "NEW_AND_OLD_IMAGES") + "\"}";
    } else if (kind == 2) {
      body += ",\"ExportType\":\"FULL_EXPORT\"";
    }
    return body + "}";
  });
}

/// The ExportArn an answer names, read with the library's reader.
std::string arn_of(const answer& a) {
  json::owning_arena storage{a.body.size()};
  export_response r;
  if (!json::read(a.body, r, storage).ok() || !r.export_description || !r.export_description->export_arn) return {};
  return std::string{*r.export_description->export_arn};
}

/// Every answer: V-CRC holds, and the body reads back with the reader of
/// its kind and passes the checks of that kind.
void check_answer(std::string_view operation, std::string_view sent, const answer& a) {
  RC_ASSERT(a.crc32 == ddbexport::detail::crc32(a.body));
  json::owning_arena storage{a.body.size() + sent.size()};
  std::vector<diagnostic> found;
  container_sink sink{found};
  if (a.status != 200) {
    RC_ASSERT(!a.content_type.empty());
    const auto reading = json::read_error(a.status, a.body);
    RC_ASSERT(!reading.parse_error);
    RC_ASSERT(reading.code != "Unknown");
    RC_ASSERT(validate(static_cast<const error_reading&>(reading), error_body_context{}, sink).valid());
    return;
  }
  if (operation == "ExportTableToPointInTime") {
    export_request request;
    RC_ASSERT(json::read(sent, request, storage).ok());
    export_response response;
    RC_ASSERT(json::read(a.body, response, storage).ok());
    const auto result = validate_response(response, sink, &request);
    RC_ASSERT(result.valid());
  } else if (operation == "DescribeExport") {
    describe_export_response response;
    RC_ASSERT(json::read(a.body, response, storage).ok());
    RC_ASSERT(validate(response, response_context{}, sink).valid());
  } else {
    list_exports_response response;
    RC_ASSERT(json::read(a.body, response, storage).ok());
    RC_ASSERT(response.export_summaries.has_value());
    for (const auto& s : *response.export_summaries) {
      RC_ASSERT(s.export_arn.has_value());
      RC_ASSERT(s.export_status.has_value());
    }
  }
  for (const auto& d : found) RC_ASSERT(!d.is_violation());
}

/// The ExportSummaries' ExportArns and the NextToken of a ListExports answer.
struct page {
  std::vector<std::string> arns;
  std::optional<std::string> next_token;
};
page page_of(const answer& a) {
  json::owning_arena storage{a.body.size()};
  list_exports_response response;
  RC_ASSERT(json::read(a.body, response, storage).ok());
  page p;
  for (const auto& s : *response.export_summaries) p.arns.emplace_back(*s.export_arn);
  if (response.next_token) p.next_token = std::string{*response.next_token};
  return p;
}

std::string list_body(int max_results, const std::optional<std::string>& token) {
  std::string body = "{\"MaxResults\":" + std::to_string(max_results);
  if (token) body += ",\"NextToken\":" + quoted(*token);
  return body + "}";
}

/// Ends an export through the lifecycle, COMPLETED or FAILED.
void end_export(core& c, const std::string& arn, bool completed) {
  const auto problem = completed ? complete(c.store, arn, from_epoch_ms(c.now), *uniform<std::int64_t>(0, 1000),
                                            *uniform<std::int64_t>(0, 1 << 20))
                                 : fail(c.store, arn, from_epoch_ms(c.now), "S3AccessDenied", "Access Denied");
  RC_ASSERT(!problem || problem->problem == usage_problem::terminal_export);
}

}  // namespace

RC_DOCTEST_PROPERTY("property: every answer of the service core reads back and passes validate_response (V-CRC, R-DESC-*, ERR-*)",
                    [] {
  core c{*rc::gen::arbitrary<std::uint64_t>()};
  std::vector<std::string> arns;
  const int steps = *uniform(1, 12);
  for (int i = 0; i < steps; ++i) {
    c.now += *uniform<std::int64_t>(0, 2 * hour_ms);
    const int op = *rc::gen::weightedElement<int>({{5, 0}, {3, 1}, {2, 2}, {1, 3}, {1, 4}});
    std::string operation;
    std::string body;
    if (op == 0) {
      operation = "ExportTableToPointInTime";
      body = *export_body(c.now);
    } else if (op == 1) {
      operation = "DescribeExport";
      body = describe_body(arns.empty() || *uniform(0, 5) == 0 ? std::string{"arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/01792000000500-00000000"}
                                                                 : *rc::gen::elementOf(arns));
    } else if (op == 2) {
      operation = "ListExports";
      body = *rc::gen::element<std::string>("{}", "{\"MaxResults\":3}", "{\"MaxResults\":0}",
                                            "{\"TableArn\":" + quoted(service_test::orders_arn) + "}",
                                            "{\"NextToken\":\"bogus\"}");
    } else if (op == 3) {
      // A lifecycle step between requests.
      if (!arns.empty()) end_export(c, *rc::gen::elementOf(arns), *rc::gen::arbitrary<bool>());
      continue;
    } else {
      operation = *rc::gen::element<std::string>("ExportTableToPointInTime", "DescribeExport", "ListExports");
      body = *rc::gen::element<std::string>("{", "[]", "{\"TableArn\":5}", "{\"Bogus\":1}", "{\"ExportArn\":\"x\"}", "{}");
    }
    const answer a = c.send(operation, body);
    check_answer(operation, body, a);
    if (a.recorded_export_arn) arns.push_back(*a.recorded_export_arn);
  }
})

RC_DOCTEST_PROPERTY("property: a replay answers what DescribeExport answers at that instant (RULES §6, V-EXP-REPLAY)", [] {
  core c{*rc::gen::arbitrary<std::uint64_t>()};
  std::string body = *export_body(c.now);
  if (body.find("ClientToken") == std::string::npos) body.insert(body.size() - 1, ",\"ClientToken\":\"replayed\"");
  const answer first = c.send("ExportTableToPointInTime", body);
  if (!first.recorded_export_arn) return;  // a request the core refused: nothing to replay
  const std::string arn = *first.recorded_export_arn;
  // Time passes, perhaps the export ends; the replay comes inside the window.
  const int steps = *uniform(1, 4);
  for (int i = 0; i < steps; ++i) {
    c.now += *uniform<std::int64_t>(0, 3 * hour_ms);
    if (*uniform(0, 2) == 0) end_export(c, arn, *rc::gen::arbitrary<bool>());
    const answer replay = c.send("ExportTableToPointInTime", body);
    const answer described = c.send("DescribeExport", describe_body(arn));
    std::optional<timestamp> completed_at;
    c.store.find_by_arn(arn, [&](const export_record& r) { completed_at = r.completed_at; });
    if (completed_at && c.now > to_epoch_ms(*completed_at) + 8 * hour_ms) {
      // Past the window the same request is new (covered by the token property): stop here.
      RC_ASSERT(replay.status != 200 || replay.recorded_export_arn || arn_of(replay) != arn);
      return;
    }
    RC_ASSERT(replay.status == 200);
    RC_ASSERT(described.status == 200);
    RC_ASSERT(!replay.recorded_export_arn);
    RC_ASSERT(replay.body == described.body);
  }
})

RC_DOCTEST_PROPERTY("property: ListExports paged with MaxResults 1..25 yields every export of the scope once, in order, while new ones arrive (V-LIST-ORDER, §6.1)",
                    [] {
  core c{*rc::gen::arbitrary<std::uint64_t>()};
  const auto create = [&](int n) {
    for (int i = 0; i < n; ++i) {
      // Several exports may share a millisecond: their order is the random part's.
      c.now += *uniform<std::int64_t>(0, 3);
      const bool v2 = *uniform(0, 3) == 0;
      const answer a = c.send("ExportTableToPointInTime",
                              "{\"TableArn\":" + quoted(v2 ? service_test::orders_v2_arn : service_test::orders_arn) +
                                  ",\"S3Bucket\":\"bucket-a\"}");
      RC_ASSERT(a.recorded_export_arn.has_value());
    }
  };
  create(*uniform(0, 40));
  std::vector<std::string> before;
  c.store.list(list_query{{account, region}}, [&](const list_entry& e) {
    before.emplace_back(e.export_arn);
    return true;
  });
  std::vector<std::string> seen;
  std::optional<std::string> token;
  for (int pages = 0;; ++pages) {
    RC_ASSERT(pages <= 200);
    c.now += 1;
    const answer a = c.send("ListExports", list_body(*uniform(1, 26), token));
    RC_ASSERT(a.status == 200);
    const page p = page_of(a);
    seen.insert(seen.end(), p.arns.begin(), p.arns.end());
    token = p.next_token;
    if (!token) break;
    if (*uniform(0, 2) == 0) create(*uniform(1, 5));  // new exports between two pages
  }
  // In order, each once.
  for (std::size_t i = 1; i < seen.size(); ++i) RC_ASSERT(table_resource(seen[i - 1]) > table_resource(seen[i]));
  // Every export there when the listing began.
  const std::set<std::string> listed(seen.begin(), seen.end());
  for (const auto& arn : before) RC_ASSERT(listed.count(arn) == 1u);
})

RC_DOCTEST_PROPERTY("property: the lifecycle only moves forward and a terminal record never changes (V-LIFE-STATES)", [] {
  core c{*rc::gen::arbitrary<std::uint64_t>()};
  std::vector<std::string> arns;
  std::map<std::string, std::string> terminal;  // ExportArn -> its DescribeExport body once ended
  const int steps = *uniform(1, 20);
  for (int i = 0; i < steps; ++i) {
    c.now += *uniform<std::int64_t>(0, hour_ms);
    const int op = *uniform(0, 4);
    if (op == 0 || arns.empty()) {
      const answer a = c.send("ExportTableToPointInTime", *export_body(c.now));
      if (a.recorded_export_arn) arns.push_back(*a.recorded_export_arn);
      continue;
    }
    const std::string arn = *rc::gen::elementOf(arns);
    if (op == 1 || op == 2) {
      const bool was_terminal = terminal.count(arn) != 0;
      const auto problem = op == 1 ? complete(c.store, arn, from_epoch_ms(c.now), 1, 1)
                                   : fail(c.store, arn, from_epoch_ms(c.now), "S3AccessDenied", "Access Denied");
      // Exactly the first transition takes; every later one is refused.
      RC_ASSERT(problem.has_value() == was_terminal);
      if (problem) RC_ASSERT(problem->problem == usage_problem::terminal_export);
    }
    const answer described = c.send("DescribeExport", describe_body(arn));
    RC_ASSERT(described.status == 200);
    json::owning_arena storage{described.body.size()};
    describe_export_response r;
    RC_ASSERT(json::read(described.body, r, storage).ok());
    const export_status_value status = *r.export_description->export_status;
    if (const auto it = terminal.find(arn); it != terminal.end()) {
      RC_ASSERT(described.body == it->second);
    } else if (!status.is(export_status::in_progress)) {
      RC_ASSERT(status.is(export_status::completed) || status.is(export_status::failed));
      terminal[arn] = described.body;
    }
  }
})
