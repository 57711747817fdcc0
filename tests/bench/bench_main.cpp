// ddbexport's benchmarks (issue 7) and main. The peers (simdjson, RapidJSON,
// nlohmann) are in peers_*.cpp, compiled in when meson finds the library
// (DDBEXPORT_BENCH_<PEER> is then defined); without them only ddbexport's
// rows run. See README.md ("Performance") and run.sh.

#include <cstddef>
#include <span>
#include <vector>

#include "bench_common.hpp"

namespace ddbexport::bench {
namespace {

void register_ddbexport() {
  auto& s = shared();
  const auto& requests = s.data->requests;
  const auto& responses = s.data->responses;

  // (a) strict read + full validation (context with PITR, accounts and a ledger).
  register_job("read_validate_request", "ddbexport", requests, [&s](benchmark::State& state, std::size_t set) {
    const auto& cases = s.data->requests[set].cases;
    std::vector<std::byte> storage(json::storage_bytes_for(s.data->requests[set].largest()));
    for (auto _ : state) {
      for (const auto& c : cases) {
        json::arena arena{std::span<std::byte>{storage}};
        export_request request;
        count_sink warnings;
        const auto read = json::read_request(c.body, request, arena, json::read_limits{}, warnings);
        count_sink sink;
        const auto verdict = validate(request, s.data->context, sink);
        benchmark::DoNotOptimize(read);
        benchmark::DoNotOptimize(verdict);
      }
    }
  });

  // (b) write into a buffer sized up front (no allocation).
  register_job("write_request", "ddbexport", requests, [&s](benchmark::State& state, std::size_t set) {
    const auto& cases = s.data->requests[set].cases;
    std::vector<char> buffer(s.data->requests[set].largest());
    for (auto _ : state) {
      for (const auto& c : cases) {
        buffer_output out{std::span<char>{buffer}};
        json::write_request(c.value, out);
        benchmark::DoNotOptimize(out);
        benchmark::ClobberMemory();
      }
    }
  });

  // (c) read a success response.
  register_job("read_response", "ddbexport", responses, [&s](benchmark::State& state, std::size_t set) {
    const auto& cases = s.data->responses[set].cases;
    std::vector<std::byte> storage(json::storage_bytes_for(s.data->responses[set].largest()));
    for (auto _ : state) {
      for (const auto& c : cases) {
        json::arena arena{std::span<std::byte>{storage}};
        export_response response;
        const auto read = json::read_response(c.body, response, arena);
        benchmark::DoNotOptimize(read);
        benchmark::DoNotOptimize(response);
      }
    }
  });

  // (d) validate an already-parsed request, count_sink: full context, and none.
  register_job("validate_request", "ddbexport", requests, [&s](benchmark::State& state, std::size_t set) {
    const auto& cases = s.data->requests[set].cases;
    for (auto _ : state) {
      for (const auto& c : cases) {
        count_sink sink;
        const auto verdict = validate(c.value, s.data->context, sink);
        benchmark::DoNotOptimize(verdict);
      }
    }
  });
  register_job("validate_request", "ddbexport_no_context", requests, [&s](benchmark::State& state, std::size_t set) {
    const auto& cases = s.data->requests[set].cases;
    for (auto _ : state) {
      for (const auto& c : cases) {
        count_sink sink;
        const auto verdict = validate(c.value, sink);
        benchmark::DoNotOptimize(verdict);
      }
    }
  });

  // The plain model's hand-written checks over an already-extracted struct:
  // what (d) costs a user without ddbexport, with hand-coded patterns and with std::regex.
  register_job("validate_request", "handwritten", requests, [&s](benchmark::State& state, std::size_t set) {
    const auto& values = s.plain_requests[set];
    const auto& store = s.plain_request_stores[set];
    for (auto _ : state)
      for (const auto& v : values) benchmark::DoNotOptimize(plain::check(v, store, s.plain_context));
  });
  register_job("validate_request", "handwritten_regex", requests, [&s](benchmark::State& state, std::size_t set) {
    const auto& values = s.plain_requests[set];
    const auto& store = s.plain_request_stores[set];
    static const plain::regex_patterns patterns;
    for (auto _ : state)
      for (const auto& v : values) benchmark::DoNotOptimize(plain::check(v, store, s.plain_context, &patterns));
  });
}

void verify_corpus() {
  // The corpus itself must be valid under the context, for ddbexport and for
  // the hand-written checks alike, or the comparison would be meaningless.
  auto& s = shared();
  for (std::size_t set = 0; set < s.data->requests.size(); ++set) {
    for (std::size_t i = 0; i < s.data->requests[set].cases.size(); ++i) {
      count_sink sink;
      if (!validate(s.data->requests[set].cases[i].value, s.data->context, sink).valid())
        setup_failure("corpus request rejected by ddbexport");
      if (plain::check(s.plain_requests[set][i], s.plain_request_stores[set], s.plain_context) != 0)
        setup_failure("corpus request rejected by the hand-written checks");
    }
  }
}

}  // namespace
}  // namespace ddbexport::bench

int main(int argc, char** argv) {
  using namespace ddbexport::bench;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  verify_corpus();
  register_ddbexport();
  register_issue14_rows();
#ifdef DDBEXPORT_BENCH_SIMDJSON
  register_simdjson_peers();
#endif
#ifdef DDBEXPORT_BENCH_RAPIDJSON
  register_rapidjson_peers();
#endif
#ifdef DDBEXPORT_BENCH_NLOHMANN
  register_nlohmann_peers();
#endif
#ifdef DDBEXPORT_BENCH_OPENSSL
  register_openssl_peers();
#endif
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
