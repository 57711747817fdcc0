// Reader -> validator. The last `context_bytes` bytes of the input build a
// validation context through FuzzedDataProvider (each fact present or not,
// times around the window's edges, a ledger that replays or conflicts); the
// rest is the request body. Checks: the three kinds of sink agree (the first
// violation of collect-all is the stop-at-first one, the counts match), the
// result agrees with what the sink saw, violations come in stage order, every
// message renders, and validation is deterministic.

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "fuzz_common.hpp"

using namespace ddbexport;

namespace {

constexpr std::size_t context_bytes = 32;
constexpr std::array<std::string_view, 3> accounts{"123456789012", "210987654321", "12345"};

std::optional<timestamp> pick_time(FuzzedDataProvider& p, timestamp base) {
  switch (p.ConsumeIntegralInRange<int>(0, 3)) {
    case 0: return std::nullopt;
    case 1: return base + std::chrono::milliseconds{p.ConsumeIntegralInRange<std::int64_t>(-3, 3)};
    case 2: return base + std::chrono::seconds{p.ConsumeIntegral<std::int32_t>()};
    default: return from_epoch_ms(p.ConsumeIntegralInRange<std::int64_t>(-max_epoch_ms, max_epoch_ms));
  }
}

std::optional<std::string_view> pick_account(FuzzedDataProvider& p) {
  const int i = p.ConsumeIntegralInRange<int>(0, 3);
  return i == 3 ? std::nullopt : std::optional<std::string_view>{accounts[static_cast<std::size_t>(i)]};
}

struct summary {
  std::vector<diagnostic> all;
  validation_result result;
};

template <class Ledger>
summary run_all(const export_request& r, const validation_context<Ledger>& c) {
  summary s;
  container_sink sink{s.all};
  s.result = validate(r, c, sink);
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::size_t k = std::min(size, context_bytes);
  const std::string_view body = fuzz::as_text(data, size - k);
  FuzzedDataProvider p(data + (size - k), k);

  json::owning_arena storage{body.size()};
  export_request request;
  if (!json::read_request(body, request, storage, fuzz::fuzz_limits).ok()) return 0;

  // The context.
  validation_context<> c;
  const timestamp now = fuzz::sample_now + std::chrono::seconds{p.ConsumeIntegral<std::int32_t>()};
  if (p.ConsumeBool()) c.now = now;
  if (p.ConsumeBool()) {
    continuous_backups_description cb;
    point_in_time_recovery_description pitr;
    switch (p.ConsumeIntegralInRange<int>(0, 3)) {
      case 0: break;
      case 1: pitr.point_in_time_recovery_status = point_in_time_recovery_status::enabled; break;
      case 2: pitr.point_in_time_recovery_status = point_in_time_recovery_status::disabled; break;
      default: pitr.point_in_time_recovery_status = point_in_time_recovery_status_value::from_text("PAUSED"); break;
    }
    if (p.ConsumeBool()) pitr.recovery_period_in_days = p.ConsumeIntegralInRange<std::int32_t>(-1, 40);
    pitr.earliest_restorable_date_time = pick_time(p, now - std::chrono::days{7});
    pitr.latest_restorable_date_time = pick_time(p, now - std::chrono::seconds{5});
    cb.point_in_time_recovery_description = pitr;
    c.continuous_backups = cb;
  }
  c.caller_account_id = pick_account(p);
  c.bucket_owner_account_id = pick_account(p);
  switch (p.ConsumeIntegralInRange<int>(0, 2)) {
    case 0: break;
    case 1: c.table_exists = true; break;
    default: c.table_exists = false; break;
  }
  // The ledger: none, empty, or one entry holding this request (a replay),
  // a copy with another bucket (a conflict) or with another token.
  std::array<ledger_entry, 2> entries{};
  std::size_t used = 0;
  span_ledger ledger;
  const int ledger_kind = p.ConsumeIntegralInRange<int>(0, 4);
  if (ledger_kind != 0) {
    for (int i = 1; i < ledger_kind && used < entries.size(); ++i) {
      ledger_entry& e = entries[used++];
      e.request = request;
      if (p.ConsumeBool()) e.request.s3_bucket = "other-bucket";
      if (p.ConsumeBool()) e.request.client_token = "other-token";
      e.export_arn = used == 1 ? "arn:aws:dynamodb:us-east-1:123456789012:table/T/export/01790000000000-abcdef12"
                               : "arn:aws:dynamodb:us-east-1:123456789012:table/T/export/01790000000000-12abcdef";
      switch (p.ConsumeIntegralInRange<int>(0, 3)) {
        case 0: break;
        case 1: e.completed_at = now - std::chrono::hours{8}; break;
        case 2: e.completed_at = now - std::chrono::hours{8} - std::chrono::milliseconds{1}; break;
        default: e.completed_at = now - std::chrono::seconds{p.ConsumeIntegral<std::int16_t>()}; break;
      }
    }
    ledger = span_ledger{std::span<const ledger_entry>{entries.data(), used}};
    c.previous_exports = &ledger;
  }

  const summary s = run_all(request, c);
  const validation_result& res = s.result;

  // The result agrees with the diagnostics.
  std::size_t violations = 0, warnings = 0;
  std::optional<diagnostic> first;
  stage last_stage = stage::deserialize;
  for (const diagnostic& d : s.all) {
    DDBEXPORT_FUZZ_CHECK(d.is_violation() || d.is_warning());
    DDBEXPORT_FUZZ_CHECK(info(d.rule).stage != stage::deserialize);
    DDBEXPORT_FUZZ_CHECK(!fuzz::write_to_string([&](auto& out) { write_message(d, out); }).empty());
    if (d.is_violation()) {
      ++violations;
      if (!first) first = d;
      DDBEXPORT_FUZZ_CHECK(info(d.rule).stage >= last_stage);
      last_stage = info(d.rule).stage;
    } else {
      ++warnings;
    }
  }
  DDBEXPORT_FUZZ_CHECK(res.violations == violations);
  DDBEXPORT_FUZZ_CHECK(res.warnings == warnings);
  DDBEXPORT_FUZZ_CHECK(res.valid() == (violations == 0));
  DDBEXPORT_FUZZ_CHECK(res.first_error.has_value() == first.has_value());
  if (first) {
    DDBEXPORT_FUZZ_CHECK(res.first_error->rule == first->rule);
    DDBEXPORT_FUZZ_CHECK(res.failed_stage == info(first->rule).stage);
    DDBEXPORT_FUZZ_CHECK(res.error().has_value());
    const std::string message = fuzz::write_to_string([&](auto& out) { write_error_message(request, c, res, out); });
    DDBEXPORT_FUZZ_CHECK(!message.empty());
  }
  if (res.replay_of) DDBEXPORT_FUZZ_CHECK(res.valid() && request.client_token.has_value());

  // Stop-at-first and count-only sinks agree with collect-all.
  first_sink stop;
  const validation_result r1 = validate(request, c, stop);
  DDBEXPORT_FUZZ_CHECK(stop.first().has_value() == first.has_value());
  if (first) {
    DDBEXPORT_FUZZ_CHECK(stop.first()->rule == first->rule);
    DDBEXPORT_FUZZ_CHECK(stop.first()->path == first->path);
    DDBEXPORT_FUZZ_CHECK(stop.first()->subject == first->subject);
  }
  DDBEXPORT_FUZZ_CHECK(r1.violations == res.violations && r1.warnings == res.warnings);
  DDBEXPORT_FUZZ_CHECK(r1.unchecked == res.unchecked && r1.replay_of == res.replay_of);
  count_sink counter;
  const validation_result r2 = validate(request, c, counter);
  DDBEXPORT_FUZZ_CHECK(counter.violations() == violations && counter.warnings() == warnings);
  DDBEXPORT_FUZZ_CHECK(r2.unchecked == res.unchecked);

  // Deterministic, and the same without any context facts where none apply.
  const summary again = run_all(request, c);
  DDBEXPORT_FUZZ_CHECK(again.all.size() == s.all.size());
  for (std::size_t i = 0; i < s.all.size(); ++i) DDBEXPORT_FUZZ_CHECK(again.all[i].rule == s.all[i].rule);
  count_sink bare;
  (void)validate(request, bare);
  return 0;
}
