// ddbexport's rows for the artifacts and the service (issue 14, items 5, 6 and
// 8's service core); the peers are in peers_openssl.cpp (MD5) and
// peers_simdjson.cpp (data lines).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "bench_common.hpp"

namespace ddbexport::bench {
namespace {

// ---- 6. data lines ---------------------------------------------------------------

struct counting_findings {
  std::size_t count = 0;
  void accept(artifacts::finding) { ++count; }
};

/// Reads every corpus line with ddbexport and compares the item with the one
/// written: the row is only timed when the reader does the job.
void verify_data_lines() {
  auto& d = data_lines();
  for (std::size_t set = 0; set < d.data->sets.size(); ++set) {
    const auto& lines = d.data->sets[set];
    std::vector<std::byte> storage(artifacts::line_storage_bytes(lines.largest()));
    artifacts::data_line_reader reader;
    for (std::size_t i = 0; i < lines.cases.size(); ++i) {
      if (lines.cases[i].text.empty()) setup_failure("the data-line writer refused a corpus item");
      json::arena arena{std::span<std::byte>{storage}};
      artifacts::data_line line;
      counting_findings sink;
      const auto status = reader.read(lines.cases[i].text, line, arena, artifacts::data_line_context{}, sink);
      if (!status.values || sink.count != 0) setup_failure("ddbexport rejected a corpus data line");
      plain::store st;
      const auto root = plain::add_value(st, attribute_value::map_of(line.item));
      if (!plain::same_value(st, root, d.stores[set], d.roots[set][i]))
        setup_failure("ddbexport's reading of a data line differs from the item written");
    }
  }
}

void register_data_lines() {
  verify_data_lines();
  register_job("read_data_line", "ddbexport", data_lines().data->sets, [](benchmark::State& state, std::size_t set) {
    const auto& lines = data_lines().data->sets[set];
    std::vector<std::byte> storage(artifacts::line_storage_bytes(lines.largest()));
    artifacts::data_line_reader reader;  // kept across lines, as the verifier keeps it
    const artifacts::data_line_context context{};
    for (auto _ : state) {
      for (const auto& c : lines.cases) {
        json::arena arena{std::span<std::byte>{storage}};
        artifacts::data_line line;
        counting_findings sink;
        const auto status = reader.read(c.text, line, arena, context, sink);
        benchmark::DoNotOptimize(status);
        benchmark::DoNotOptimize(line);
      }
    }
  });
}

// ---- 8. the service core -----------------------------------------------------------

constexpr std::string_view service_table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders";
constexpr std::string_view service_account = "123456789012";

/// One table, PITR on since a week before now and restorable up to now.
struct one_table {
  timestamp now{};
  std::optional<service::table_facts> find(std::string_view arn) const {
    if (arn != service_table_arn) return std::nullopt;
    point_in_time_recovery_description pitr;
    pitr.point_in_time_recovery_status = point_in_time_recovery_status::enabled;
    pitr.earliest_restorable_date_time = now - std::chrono::hours(24 * 7);
    pitr.latest_restorable_date_time = now;
    continuous_backups_description cb;
    cb.point_in_time_recovery_description = pitr;
    return service::table_facts{"0b5e7c1d-92f4-4a3b-8e6d-5c4f3a2b1e0d", cb};
  }
};

/// Seeded bytes for request and export ids (the service draws ~60 per answer).
struct seeded_bytes {
  rng r{default_seed + 8};
  void fill(std::span<std::uint8_t> out) {
    for (auto& b : out) b = static_cast<std::uint8_t>(r.next());
  }
};

/// The everyday call, each body with its own ClientToken (a UUID, as the SDK
/// sends) so that every call is a new export: validated against the store's
/// exports (stage K), described, recorded, written and CRC'd.
std::vector<std::string> service_bodies(std::size_t count) {
  rng r{default_seed + 80};
  std::vector<std::string> bodies;
  for (std::size_t i = 0; i < count; ++i) {
    export_request q;
    const std::string token = detail::uuid(r);
    q.table_arn = service_table_arn;
    q.s3_bucket = "acme-ddb-exports";
    q.s3_prefix = "exports/orders/2026-09-21/";
    q.s3_sse_algorithm = s3_sse_algorithm::aes256;
    q.export_format = export_format::dynamodb_json;
    q.export_type = export_type::full_export;
    q.client_token = token;
    bodies.push_back(detail::write_body([&](auto& out) { json::write_request(q, out); }));
  }
  return bodies;
}

// A store holds every export it accepted, so each batch of `batch` distinct
// tokens gets a fresh store (built and dropped outside the timed region):
// the ledger stage K searches stays at most a batch long, like a busy account's.
constexpr std::size_t batch = 256;

void register_service() {
  using store_type = service::memory_store<>;
  using context_type = service::service_context<one_table, seeded_bytes>;
  struct fixture {
    one_table tables;
    seeded_bytes random;
    context_type context;
    std::vector<std::string> bodies = service_bodies(batch);
    const std::string target = std::string{service::target_prefix} + "ExportTableToPointInTime";
    std::vector<service::http_header> headers{{"Content-Type", "application/x-amz-json-1.0"}, {"X-Amz-Target", target}};
    fixture() {
      tables.now = corpus_now;
      context.now = corpus_now;
      context.random = &random;
      context.region = "us-east-1";
      context.caller_account_id = service_account;
      context.tables = &tables;
    }
    service::handled call(std::size_t i, store_type& store) {
      const service::http_request request{"POST", headers, bodies[i]};
      return service::handle(request, context, store);
    }
  };
  {
    fixture f;
    auto store = std::make_unique<store_type>();
    for (std::size_t i = 0; i < batch; ++i) {
      const auto h = f.call(i, *store);
      if (!h.answer || h.answer->status != 200 || !h.answer->recorded_export_arn)
        setup_failure("the service core did not accept a corpus ExportTableToPointInTime");
    }
    if (store->size() != batch) setup_failure("the service core did not record every export");
  }
  benchmark::RegisterBenchmark("service_export/ddbexport/everyday", [](benchmark::State& state) {
    fixture f;
    std::size_t bytes = 0;
    for (const auto& b : f.bodies) bytes += b.size();
    for (auto _ : state) {
      state.PauseTiming();
      auto store = std::make_unique<store_type>();
      state.ResumeTiming();
      for (std::size_t i = 0; i < batch; ++i) {
        auto h = f.call(i, *store);
        benchmark::DoNotOptimize(h);
      }
      state.PauseTiming();
      store.reset();
      state.ResumeTiming();
    }
    state.counters["bodies"] = static_cast<double>(batch);
    state.counters["body_bytes"] = static_cast<double>(bytes) / static_cast<double>(batch);
  });
}

}  // namespace

void register_issue14_rows() {
  register_md5("ddbexport", [](const std::string& bytes) { return artifacts::md5_of(bytes); });
  register_data_lines();
  register_service();
}

}  // namespace ddbexport::bench
