#ifndef DDBEXPORT_TESTS_PROPERTY_SERVICE_CORE_HPP
#define DDBEXPORT_TESTS_PROPERTY_SERVICE_CORE_HPP

// The endpoint the service and artifacts properties drive: handle() on one
// memory_store, with the worked examples' tables (tests/unit/service/
// fixtures.hpp), a clock the property moves, and random bytes from a
// generated seed (so rapidcheck's reproduce string replays a case exactly).

#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <string_view>

#include <rapidcheck.h>

#include "ddbexport/json/detail/escape.hpp"
#include "ddbexport/service/service.hpp"
#include "unit/service/fixtures.hpp"

namespace ddbexport::test::service_core {

using namespace ddbexport::service;

inline constexpr std::int64_t t0 = 1792000000500;
inline constexpr std::int64_t hour_ms = 3'600'000;
inline constexpr std::string_view account = "123456789012";
inline constexpr std::string_view region = "us-east-1";

struct seeded_random {
  std::mt19937_64 engine;
  void fill(std::span<std::uint8_t> out) {
    for (auto& b : out) b = static_cast<std::uint8_t>(engine());
  }
};

using property_context = service_context<service_test::example_tables, seeded_random, service_test::example_facts>;

struct core {
  service_test::example_tables tables{};
  service_test::example_facts facts{};
  memory_store<> store{};
  seeded_random random;
  std::int64_t now = t0;

  explicit core(std::uint64_t seed) : random{std::mt19937_64{seed}} {}

  /// A POST of `operation`; handle() must answer (a usage error fails the property).
  answer send(std::string_view operation, std::string_view body) {
    tables.now = from_epoch_ms(now);
    property_context context;
    context.now = from_epoch_ms(now);
    context.random = &random;
    context.region = region;
    context.caller_account_id = account;
    context.tables = &tables;
    context.destination = &facts;
    const std::string target = "DynamoDB_20120810." + std::string{operation};
    const http_header headers[] = {{"Content-Type", "application/x-amz-json-1.0"}, {"X-Amz-Target", target}};
    handled h = handle(http_request{"POST", headers, body}, context, store);
    RC_ASSERT(h.answer.has_value());
    return std::move(*h.answer);
  }
};

/// `s` as a JSON string.
inline std::string quoted(std::string_view s) {
  std::string out;
  container_output<std::string> o{out};
  ddbexport::detail::write_json_string(o, s);
  return out;
}

inline std::string describe_body(std::string_view arn) { return "{\"ExportArn\":" + quoted(arn) + "}"; }

}  // namespace ddbexport::test::service_core

#endif
