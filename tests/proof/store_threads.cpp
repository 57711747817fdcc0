// issue 15, item 3: the service core on one memory_store from 32 threads at
// once, mixing ExportTableToPointInTime (new requests and token replays),
// DescribeExport, ListExports (paged) and lifecycle transitions. Built as an
// ordinary test (suite proof) and, by tests/proof/tsan.sh, under
// ThreadSanitizer, where any race fails it. V-STORE-ATOMIC: 32 identical
// requests sent at the same instant make exactly one export, and all 32
// answers name it.

#include <doctest/doctest.h>

#include <atomic>
#include <barrier>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "unit/service/fixtures.hpp"

using namespace service_test;

namespace {

constexpr int threads = 32;
constexpr std::int64_t t0 = 1792000000500;

/// Each thread's own random bytes: ExportArns of different requests differ.
struct thread_random {
  std::mt19937_64 engine;
  void fill(std::span<std::uint8_t> out) {
    for (auto& b : out) b = static_cast<std::uint8_t>(engine());
  }
};

using threaded_context = service_context<example_tables, thread_random, example_facts>;

/// One request through handle(), as a host thread would send it.
answer call(example_store& store, thread_random& random, std::string_view operation, std::string_view body,
            std::int64_t now_ms) {
  example_tables tables;
  tables.now = from_epoch_ms(now_ms);
  example_facts facts;
  threaded_context context;
  context.now = from_epoch_ms(now_ms);
  context.random = &random;
  context.region = "us-east-1";
  context.caller_account_id = "123456789012";
  context.tables = &tables;
  context.destination = &facts;
  const std::string target = "DynamoDB_20120810." + std::string{operation};
  const http_header headers[] = {{"Content-Type", "application/x-amz-json-1.0"}, {"X-Amz-Target", target}};
  handled h = handle(http_request{"POST", headers, body}, context, store);
  REQUIRE(h.answer);
  return std::move(*h.answer);
}

/// The text of `"Name":"…"` in a body (ExportArns and NextTokens need no unescaping).
std::string member_text(std::string_view body, std::string_view name) {
  const std::string key = "\"" + std::string{name} + "\":\"";
  const auto at = body.find(key);
  if (at == std::string_view::npos) return {};
  const auto begin = at + key.size();
  return std::string{body.substr(begin, body.find('"', begin) - begin)};
}

std::string export_body(std::string_view token) {
  return R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders","S3Bucket":"b-1","ClientToken":")j" +
         std::string{token} + "\"}";
}

}  // namespace

TEST_CASE("V-STORE-ATOMIC: 32 threads mixing all three operations, replays and transitions; identical requests make one export") {
  example_store store;
  constexpr int rounds = 40;
  std::barrier together{threads};
  std::atomic<int> recorded{0};
  std::atomic<int> failures{0};
  std::vector<std::vector<std::string>> same_arns(rounds, std::vector<std::string>(threads));
  std::vector<std::set<std::string>> own(threads);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      thread_random random{std::mt19937_64{static_cast<std::uint64_t>(t) * 7919 + 1}};
      for (int round = 0; round < rounds; ++round) {
        const std::int64_t now = t0 + round * 10;
        // Everyone at once: the same request, the same token.
        together.arrive_and_wait();
        const answer same = call(store, random, "ExportTableToPointInTime", export_body("same-" + std::to_string(round)), now);
        if (same.status != 200) ++failures;
        if (same.recorded_export_arn) ++recorded;
        same_arns[static_cast<std::size_t>(round)][static_cast<std::size_t>(t)] = member_text(same.body, "ExportArn");

        // Then each its own mix.
        const std::string mine = "t" + std::to_string(t) + "-" + std::to_string(round % 8);
        const answer created = call(store, random, "ExportTableToPointInTime", export_body(mine), now + 1);
        if (created.status != 200) ++failures;
        const std::string arn = member_text(created.body, "ExportArn");
        if (created.recorded_export_arn) {
          ++recorded;
          own[static_cast<std::size_t>(t)].insert(arn);
        }
        const answer described = call(store, random, "DescribeExport", R"({"ExportArn":")" + arn + "\"}", now + 2);
        if (described.status != 200 || member_text(described.body, "ExportArn") != arn) ++failures;
        std::string next;
        for (int page = 0; page < 3; ++page) {
          const std::string body = next.empty() ? std::string{R"({"MaxResults":7})"}
                                                : R"({"MaxResults":7,"NextToken":")" + next + "\"}";
          const answer listed = call(store, random, "ListExports", body, now + 3);
          if (listed.status != 200) ++failures;
          next = member_text(listed.body, "NextToken");
          if (next.empty()) break;
        }
        if (round % 3 == 0) {
          // Two threads may end the same export: one wins, the other hears it is terminal.
          const auto problem = complete(store, same_arns[static_cast<std::size_t>(round)][static_cast<std::size_t>(t)],
                                        from_epoch_ms(now + 5), 1, 2);
          if (problem && problem->problem != usage_problem::terminal_export) ++failures;
        }
      }
    });
  for (auto& t : pool) t.join();

  // One export per round of identical requests, named in all 32 answers.
  std::size_t own_total = 0;
  for (const auto& s : own) own_total += s.size();
  CHECK(recorded.load() == static_cast<int>(rounds + own_total));
  CHECK(failures.load() == 0);
  for (const auto& arns : same_arns) {
    CHECK_FALSE(arns.front().empty());
    CHECK(std::set<std::string>(arns.begin(), arns.end()).size() == 1);
  }
  // Eight tokens a thread, replayed five times each: eight exports a thread.
  for (const auto& s : own) CHECK(s.size() == 8);
  CHECK(store.size() == static_cast<std::size_t>(rounds) + threads * 8);
}
