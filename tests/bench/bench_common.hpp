#ifndef DDBEXPORT_BENCH_COMMON_HPP
#define DDBEXPORT_BENCH_COMMON_HPP

// Shared by the benchmark's translation units: the corpus (built once), its
// plain-model reference values, and naming. A benchmark is named
// `<job>/<implementation>/<body set>` and reports the counter `bodies` (bodies
// handled per iteration), so ns per body = real_time / bodies; report.py does
// that division and the ratios.
//
// Jobs (issue 7):
//   read_validate_request  strict read of a request + full validation (a)
//   write_request          serialise a request into a sized buffer   (b)
//   read_response          read a response body                      (c)
//   validate_request       validate an already-parsed request        (d)

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "corpus.hpp"
#include "plain_model.hpp"

namespace ddbexport::bench {

struct shared_state {
  std::unique_ptr<bench::corpus> data = make_corpus();
  plain::context plain_context = plain::context_from(data->context);
  /// The plain-model value of each request, per set, for the writers and
  /// checks that start from a parsed value, and to verify the peers.
  std::vector<std::vector<plain::request>> plain_requests;
  std::vector<plain::store> plain_request_stores;
  std::vector<std::vector<plain::description>> plain_descriptions;
  std::vector<plain::store> plain_description_stores;

  shared_state() {
    for (const auto& set : data->requests) {
      plain_request_stores.emplace_back();
      plain_requests.emplace_back();
      for (const auto& c : set.cases) plain_requests.back().push_back(plain::from(c.value, plain_request_stores.back()));
    }
    for (const auto& set : data->responses) {
      plain_description_stores.emplace_back();
      plain_descriptions.emplace_back();
      for (const auto& c : set.cases)
        plain_descriptions.back().push_back(plain::from(*c.value.export_description, plain_description_stores.back()));
    }
  }
};

inline shared_state& shared() {
  static shared_state s;
  return s;
}

/// Registers `<job>/<impl>/<set>`; `body(state)` runs one iteration over the
/// whole set. Each set's counters are attached here.
template <class Sets>
void register_job(const std::string& job, const std::string& impl, const Sets& sets,
                  std::function<void(benchmark::State&, std::size_t)> run) {
  for (std::size_t i = 0; i < sets.size(); ++i) {
    const std::size_t bodies = sets[i].cases.size();
    const std::size_t bytes = sets[i].bytes();
    benchmark::RegisterBenchmark((job + "/" + impl + "/" + sets[i].name).c_str(),
                                 [run, i, bodies, bytes](benchmark::State& state) {
                                   run(state, i);
                                   state.counters["bodies"] = static_cast<double>(bodies);
                                   state.counters["body_bytes"] = static_cast<double>(bytes) / static_cast<double>(bodies);
                                   state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
                                   state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * bodies));
                                 });
  }
}

/// Set-up checks abort the run: a peer that does not do the job is not timed.
[[noreturn]] inline void setup_failure(const std::string& what) {
  std::fprintf(stderr, "benchmark set-up failed: %s\n", what.c_str());
  std::exit(2);
}

// Peer registration, one per optional library (peers_*.cpp).
void register_simdjson_peers();
void register_rapidjson_peers();
void register_nlohmann_peers();

}  // namespace ddbexport::bench

#endif
