#ifndef DDBEXPORT_TESTS_UNIT_SERVICE_FIXTURES_HPP
#define DDBEXPORT_TESTS_UNIT_SERVICE_FIXTURES_HPP

// The common context of SERVICE.md §8: us-east-1, account 123456789012, the
// tables `orders` and `orders-v2` with PITR enabled, a random source that
// yields 00 01 02 … afresh for every request.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "ddbexport/service/service.hpp"

namespace service_test {

using namespace ddbexport;
using namespace ddbexport::service;

/// Yields start, start+1, … (mod 256).
struct counting_bytes {
  std::uint8_t next = 0;
  std::size_t drawn = 0;
  void fill(std::span<std::uint8_t> out) {
    for (auto& b : out) b = next++;
    drawn += out.size();
  }
};

inline constexpr std::string_view orders_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders";
inline constexpr std::string_view orders_v2_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders-v2";
inline constexpr std::string_view orders_id = "0b5e7c1d-92f4-4a3b-8e6d-5c4f3a2b1e0d";
inline constexpr std::string_view orders_v2_id = "7a9d2e4f-1c3b-4d5e-a6f7-8b9c0d1e2f3a";

/// The tables of the worked examples, PITR enabled, Latest = the clock's Now.
struct example_tables {
  std::map<std::string, std::string, std::less<>> ids{{std::string{orders_arn}, std::string{orders_id}},
                                                     {std::string{orders_v2_arn}, std::string{orders_v2_id}}};
  timestamp now{};
  std::optional<point_in_time_recovery_status_value> pitr_status = point_in_time_recovery_status::enabled;
  bool with_latest = true;

  std::optional<table_facts> find(std::string_view arn) const {
    const auto it = ids.find(arn);
    if (it == ids.end()) return std::nullopt;
    point_in_time_recovery_description pitr;
    pitr.point_in_time_recovery_status = pitr_status;
    pitr.earliest_restorable_date_time = from_epoch_seconds(1791900000);
    if (with_latest) pitr.latest_restorable_date_time = now;
    continuous_backups_description cb;
    cb.point_in_time_recovery_description = pitr;
    return table_facts{it->second, cb};
  }
};

/// Bucket and key facts, as a host would have them.
struct example_facts {
  std::map<std::string, bucket_facts, std::less<>> buckets{};
  std::vector<std::string> missing_keys{};
  bucket_facts bucket(std::string_view name) const {
    const auto it = buckets.find(name);
    return it == buckets.end() ? bucket_facts{} : it->second;
  }
  std::optional<bool> kms_key_missing(std::string_view key) const {
    for (const auto& k : missing_keys)
      if (k == key) return true;
    return false;
  }
};

using example_store = memory_store<>;
using example_context = service_context<example_tables, counting_bytes, example_facts>;

/// One endpoint of the examples: its tables, facts, store and clock.
struct endpoint {
  example_tables tables{};
  example_facts facts{};
  example_store store{};
  std::string region = "us-east-1";
  std::string account = "123456789012";
  std::size_t last_drawn = 0;  ///< bytes the last request drew

  handled send(std::string_view method, std::vector<http_header> headers, std::string_view body, std::int64_t now_ms) {
    tables.now = from_epoch_ms(now_ms);
    counting_bytes random;
    example_context context;
    context.now = from_epoch_ms(now_ms);
    context.random = &random;
    context.region = region;
    context.caller_account_id = account;
    context.tables = &tables;
    context.destination = &facts;
    http_request request{method, headers, body};
    auto result = handle(request, context, store);
    last_drawn = random.drawn;
    return result;
  }
  /// A POST of `operation` with the examples' Content-Type; the answer, which must exist.
  answer call(std::string_view operation, std::string_view body, std::int64_t now_ms) {
    const std::string target = "DynamoDB_20120810." + std::string{operation};
    auto result = send("POST", {{"Content-Type", "application/x-amz-json-1.0"}, {"X-Amz-Target", target}}, body, now_ms);
    REQUIRE_MESSAGE(result.answer.has_value(), "usage error: " << usage_text(result));
    return std::move(*result.answer);
  }
  static std::string usage_text(const handled& h) {
    if (!h.usage) return "none";
    std::string text;
    container_output<std::string> out{text};
    h.usage->write(out);
    return text;
  }
};

/// The answer's header value by name, as the host would write it.
inline std::optional<std::string> header_of(const answer& a, std::string_view name) {
  std::optional<std::string> value;
  a.for_each_header([&](std::string_view n, std::string_view v) {
    if (n == name) value = std::string{v};
  });
  return value;
}

}  // namespace service_test

#endif
