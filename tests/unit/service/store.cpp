// SERVICE.md §7: the store concept and the owning in-memory store.

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "fixtures.hpp"

using namespace service_test;

namespace {

constexpr std::int64_t t0 = 1792000000500;

/// Records what the store hands it; refuses on request.
struct test_journal {
  std::vector<std::string> lines;
  bool refuse = false;
  bool append(const journal_insert& i) {
    if (refuse) return false;
    lines.push_back("insert " + std::string{i.scope.account_id} + " " + std::string{i.scope.region} + " " +
                    std::string{i.request} + " " + std::string{i.description});
    return true;
  }
  bool append(const journal_update& u) {
    if (refuse) return false;
    lines.push_back("update " + std::string{u.export_arn} + " " + std::string{u.description});
    return true;
  }
};

static_assert(export_store<memory_store<>>);
static_assert(export_store<memory_store<test_journal>>);
static_assert(store_transaction<memory_store<>::transaction>);

template <class Store>
handled create(Store& store, std::string body, std::int64_t now = t0) {
  example_tables tables;
  tables.now = from_epoch_ms(now);
  counting_bytes random;
  example_context context{from_epoch_ms(now), &random, "us-east-1", {}, "123456789012", &tables};
  const http_header headers[] = {{"Content-Type", "application/x-amz-json-1.0"},
                                 {"X-Amz-Target", "DynamoDB_20120810.ExportTableToPointInTime"}};
  // The body dies with this function: the store must keep its own copy.
  return handle(http_request{"POST", headers, body}, context, store);
}

const std::string request =
    R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders","S3Bucket":"b-1","ClientToken":"c\u00e9","ExportTime":1.7919E9})j";

}  // namespace

TEST_CASE("V-STORE-READONLY: a journal sees every insert and transition, in the canonical texts, and nothing else") {
  test_journal journal;
  memory_store<test_journal> store{&journal};
  const auto h = create(store, request);
  REQUIRE(h.answer);
  REQUIRE(journal.lines.size() == 1);
  CHECK(journal.lines[0].starts_with(
      "insert 123456789012 us-east-1 "
      R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders","S3Bucket":"b-1","ExportTime":1791900000,"ClientToken":"cé"} {"ExportArn":)j"));
  // A replay and a rejected request journal nothing.
  REQUIRE(create(store, request, t0 + 1).answer);
  REQUIRE(create(store, R"j({"TableArn":"x"})j").answer);
  CHECK(journal.lines.size() == 1);
  REQUIRE_FALSE(complete(store, *h.answer->recorded_export_arn, from_epoch_ms(t0 + 2), 1, 2));
  REQUIRE(journal.lines.size() == 2);
  CHECK(journal.lines[1].starts_with("update " + *h.answer->recorded_export_arn + R"j( {"ExportArn":)j"));
  CHECK(journal.lines[1].find("COMPLETED") != std::string::npos);
}

TEST_CASE("V-EXP-RECORD: a write the journal refuses is a usage error and stores nothing") {
  test_journal journal;
  journal.refuse = true;
  memory_store<test_journal> store{&journal};
  const auto h = create(store, request);
  REQUIRE_FALSE(h.answer);
  CHECK(h.usage->problem == usage_problem::store_failed);
  CHECK(store.size() == 0);
  journal.refuse = false;
  const auto ok = create(store, request);
  REQUIRE(ok.answer);
  journal.refuse = true;
  CHECK(complete(store, *ok.answer->recorded_export_arn, from_epoch_ms(t0 + 1), 0, 0)->problem ==
        usage_problem::store_failed);
  bool in_progress = false;
  store.find_by_arn(*ok.answer->recorded_export_arn, [&](const export_record& r) {
    in_progress = r.description.export_status->is(export_status::in_progress) && !r.completed_at;
  });
  CHECK(in_progress);
}

TEST_CASE("V-STORE-ATOMIC: restore replays a journal into an equal store, without journaling it again") {
  test_journal journal;
  memory_store<test_journal> original{&journal};
  std::vector<journal_insert> inserts;
  const auto h = create(original, request);
  REQUIRE(h.answer);
  REQUIRE_FALSE(fail(original, *h.answer->recorded_export_arn, from_epoch_ms(t0 + 5), "S3AccessDenied", "no"));

  memory_store<> copy;
  // Each journal line: "insert <account> <region> <request> <description>" or "update <arn> <description>".
  for (const auto& line : journal.lines) {
    const auto word = [&](std::size_t n) {
      std::size_t at = 0;
      for (std::size_t i = 0; i < n; ++i) at = line.find(' ', at) + 1;
      return at;
    };
    if (line.starts_with("insert")) {
      const std::string_view l{line};
      const auto r = word(3);
      const auto d = l.find(" {\"ExportArn\"", r);
      CHECK(copy.restore(journal_insert{{l.substr(word(1), 12), l.substr(word(2), 9)}, l.substr(r, d - r), l.substr(d + 1)}));
    } else {
      const std::string_view l{line};
      const auto d = word(2);
      CHECK(copy.restore(journal_update{l.substr(word(1), d - word(1) - 1), l.substr(d), from_epoch_ms(t0 + 5)}));
    }
  }
  CHECK(copy.size() == 1);
  std::string a, b;
  original.find_by_arn(*h.answer->recorded_export_arn, [&](const export_record& r) {
    container_output<std::string> out{a};
    json::write(r.description, out);
  });
  copy.find_by_arn(*h.answer->recorded_export_arn, [&](const export_record& r) {
    container_output<std::string> out{b};
    json::write(r.description, out);
    CHECK(r.completed_at == from_epoch_ms(t0 + 5));
  });
  CHECK(a == b);
  CHECK(a.find("FAILED") != std::string::npos);
  // An insert whose ExportArn is taken, unreadable texts, an unknown update are refused.
  CHECK_FALSE(copy.restore(journal_insert{{"123456789012", "us-east-1"}, "{}", a}));
  CHECK_FALSE(copy.restore(journal_insert{{"123456789012", "us-east-1"}, "{", "{}"}));
  CHECK_FALSE(copy.restore(journal_update{"arn:x", a, std::nullopt}));
  CHECK_FALSE(copy.restore(journal_update{*h.answer->recorded_export_arn, "{\"ExportArn\":\"other\"}", std::nullopt}));
  CHECK(copy.size() == 1);
}

TEST_CASE("V-STORE-ATOMIC: concurrent creates, describes, lists and completions on one store") {
  memory_store<> store;
  std::atomic<int> created{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 40; ++i) {
        const std::string body = R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders","S3Bucket":"b-1","ClientToken":"t)j" +
                                 std::to_string(t) + "-" + std::to_string(i % 20) + "\"}";
        const auto h = create(store, body, t0 + t * 1000 + i);
        REQUIRE(h.answer);
        if (h.answer->recorded_export_arn) {
          ++created;
          (void)complete(store, *h.answer->recorded_export_arn, from_epoch_ms(t0 + 100000), 0, 0);
        }
        store.list(list_query{{"123456789012", "us-east-1"}}, [](const list_entry& e) { return !e.export_arn.empty(); });
      }
    });
  for (auto& t : threads) t.join();
  CHECK(created == 160);  // 20 distinct tokens per thread, each replayed once
  CHECK(store.size() == 160);
  std::size_t completed = 0;
  std::string previous;
  store.list(list_query{{"123456789012", "us-east-1"}}, [&](const list_entry& e) {
    completed += e.export_status.is(export_status::completed) ? 1 : 0;
    if (!previous.empty()) CHECK(std::string{e.export_arn} < previous);
    previous = e.export_arn;
    return true;
  });
  CHECK(completed == 160);
}

TEST_CASE("V-LIST-SCOPE: list honours the scope, the TableId and the position; other scopes stay apart") {
  memory_store<> store;
  REQUIRE(create(store, R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders","S3Bucket":"b-1"})j", t0).answer);
  REQUIRE(create(store, R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders-v2","S3Bucket":"b-1"})j", t0).answer);
  const auto count = [&](const list_query& q) {
    std::size_t n = 0;
    store.list(q, [&](const list_entry&) { return ++n, true; });
    return n;
  };
  CHECK(count(list_query{{"123456789012", "us-east-1"}}) == 2);
  CHECK(count(list_query{{"123456789012", "us-west-2"}}) == 0);
  CHECK(count(list_query{{"210987654321", "us-east-1"}}) == 0);
  CHECK(count(list_query{{"123456789012", "us-east-1"}, std::string_view{orders_v2_id}}) == 1);
  // Positions compare the text after `:table/`: `orders-v2/…` < `orders/` < `orders/export/0…`.
  CHECK(count(list_query{{"123456789012", "us-east-1"}, std::nullopt, std::string_view{"orders/export/9"}}) == 2);
  CHECK(count(list_query{{"123456789012", "us-east-1"}, std::nullopt, std::string_view{"orders/"}}) == 1);
  CHECK(count(list_query{{"123456789012", "us-east-1"}, std::nullopt, std::string_view{"orders-"}}) == 0);
  CHECK(table_resource("arn:aws:dynamodb:r:1:table/a/export/b") == "a/export/b");
  CHECK(table_resource("nothing").empty());
}

TEST_CASE("V-STORE-READONLY: the store's copy owns every view, AttributeValue trees included, and refuses what is too deep") {
  // A FilterSpecification with a string map and a nested AttributeValue map, all in one buffer that is then wiped.
  std::string text = "#n:name,:v,S,inner,x";
  const auto at = [&](std::size_t pos, std::size_t n) { return std::string_view{text}.substr(pos, n); };
  const string_entry names[] = {{at(0, 2), at(3, 4)}};
  const attribute_entry inner[] = {{at(13, 5), attribute_value::string(at(19, 1))}};
  const attribute_entry values[] = {{at(8, 2), attribute_value::map_of(inner)}};
  export_request original;
  original.table_arn = at(3, 4);
  original.filter_specification = filter_specification{at(0, 2), std::nullopt, std::nullopt, names, values};
  std::unique_ptr<std::byte[]> storage;
  const auto copy = service::detail::owned_copy(original, storage);
  REQUIRE(copy);
  CHECK(same_value(*copy, original));
  const auto written = [](const export_request& r) {
    std::string body;
    container_output<std::string> out{body};
    CHECK(json::write(r, out).ok());
    return body;
  };
  const std::string before = written(*copy);
  std::fill(text.begin(), text.end(), '?');
  CHECK(written(*copy) == before);
  CHECK(before.find('?') == std::string::npos);

  // One level beyond the walk bound: refused, and the storage is left as it was.
  std::vector<attribute_value> chain(max_walk_depth + 2);
  for (std::size_t i = 0; i + 1 < chain.size(); ++i) chain[i] = attribute_value::list_of({&chain[i + 1], 1});
  const attribute_entry deep[] = {{":d", chain[0]}};
  export_request too_deep;
  too_deep.filter_specification = filter_specification{};
  too_deep.filter_specification->expression_attribute_values = std::span<const attribute_entry>{deep};
  const std::byte* kept = storage.get();
  CHECK_FALSE(service::detail::owned_copy(too_deep, storage));
  CHECK(storage.get() == kept);
}
