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
// and issue 14's (bench_artifacts_service.cpp, peers_openssl.cpp, peers_simdjson.cpp):
//   md5                    MD5 of a 1 KiB and a 1 MiB buffer         (5)
//   read_data_line         a DYNAMODB_JSON item line into the model  (6)
//   service_export         answer an ExportTableToPointInTime        (8)
// (7, the verifier, and 8's HTTP comparison are separate programs:
// bench_verify.cpp, http_client.cpp.)

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "corpus.hpp"
#include "data_corpus.hpp"
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

/// The data-line corpus and, per line, the plain tree of the item that was
/// written (an M node), which every reader's result must equal.
struct data_state {
  std::unique_ptr<bench::data_corpus> data = make_data_corpus();
  std::vector<plain::store> stores;
  std::vector<std::vector<std::uint32_t>> roots;
  data_state() {
    for (const auto& set : data->sets) {
      stores.emplace_back();
      roots.emplace_back();
      for (const auto& c : set.cases) roots.back().push_back(plain::add_value(stores.back(), attribute_value::map_of(c.item)));
    }
  }
};

inline data_state& data_lines() {
  static data_state s;
  return s;
}

/// The MD5 buffers of item 5: seeded bytes, 1 KiB and 1 MiB.
struct md5_buffer {
  std::string name;
  std::string bytes;
};
inline const std::vector<md5_buffer>& md5_buffers() {
  static const std::vector<md5_buffer> buffers = [] {
    rng r{default_seed + 5};
    std::vector<md5_buffer> out;
    for (auto [name, size] : {std::pair{"1KiB", std::size_t{1} << 10}, std::pair{"1MiB", std::size_t{1} << 20}}) {
      md5_buffer b{name, std::string(size, '\0')};
      for (auto& ch : b.bytes) ch = static_cast<char>(r.next() & 0xFF);
      out.push_back(std::move(b));
    }
    return out;
  }();
  return buffers;
}

/// Registers `md5/<impl>/<buffer>`; `digest(bytes)` hashes one buffer.
template <class Digest>
void register_md5(const std::string& impl, Digest digest) {
  for (std::size_t i = 0; i < md5_buffers().size(); ++i) {
    benchmark::RegisterBenchmark(("md5/" + impl + "/" + md5_buffers()[i].name).c_str(), [digest, i](benchmark::State& state) {
      const std::string& bytes = md5_buffers()[i].bytes;
      for (auto _ : state) benchmark::DoNotOptimize(digest(bytes));
      state.counters["bodies"] = 1;
      state.counters["body_bytes"] = static_cast<double>(bytes.size());
      state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
    });
  }
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
void register_openssl_peers();
void register_issue14_rows();

}  // namespace ddbexport::bench

#endif
