// The benchmark corpus, end to end, with no heap allocation (issue 7, item 2).
//
// tests/unit/json/no_allocation.cpp already proves one hand-made body reads
// and writes without allocating, and tests/unit/validate/no_alloc.cpp does the
// same for validation. This adds the corpus-wide combination the benchmarks
// time: for every body of every size (64 everyday requests and responses, the
// 16 KiB and ~1 MiB ones), read into an arena over caller storage, validate
// the request with the full context (ledger included), and write it back into
// a buffer sized up front. A global operator new that counts sees nothing.
// Writing must also give back the very bytes that were read.
//
// Part of the no-alloc executable, which links the suite's one counting
// operator new (support/counting_new.cpp).

#include <doctest/doctest.h>

#include <cstddef>
#include <string_view>
#include <vector>

#include "corpus.hpp"
#include "counting_new.hpp"

using namespace ddbexport;
using ddbexport::test::allocations;

TEST_CASE("the counting operator new sees the corpus being built") {
  const std::size_t before = allocations();
  const auto corpus = bench::make_corpus(bench::default_seed, 4);
  CHECK(allocations() > before);
}

TEST_CASE("read, validate and write the whole request corpus without allocating") {
  const auto corpus = bench::make_corpus();
  std::size_t largest = 0;
  for (const auto& set : corpus->requests) largest = set.largest() > largest ? set.largest() : largest;
  // Caller storage, made before counting: the arena and an output buffer each sized for the largest body.
  std::vector<std::byte> storage(json::storage_bytes_for(largest));
  std::vector<char> output(largest);

  for (const auto& set : corpus->requests) {
    for (const auto& c : set.cases) {
      CAPTURE(set.name);
      const std::size_t before = allocations();
      json::arena arena{std::span<std::byte>{storage}};
      export_request request;
      count_sink warnings;
      const auto read = json::read_request(c.body, request, arena, json::read_limits{}, warnings);
      count_sink sink;
      const auto verdict = validate(request, corpus->context, sink);
      buffer_output out{std::span<char>{output}};
      json::write_request(request, out);
      const std::size_t during = allocations() - before;

      REQUIRE(read.ok());
      CHECK(during == 0);
      CHECK(verdict.valid());
      CHECK(verdict.unchecked.empty());  // the context knows every fact
      REQUIRE_FALSE(out.overflowed());
      CHECK(out.view() == std::string_view{c.body});
    }
  }
}

TEST_CASE("read and write the whole response corpus without allocating") {
  const auto corpus = bench::make_corpus();
  std::size_t largest = 0;
  for (const auto& set : corpus->responses) largest = set.largest() > largest ? set.largest() : largest;
  std::vector<std::byte> storage(json::storage_bytes_for(largest));
  std::vector<char> output(largest);

  for (const auto& set : corpus->responses) {
    for (const auto& c : set.cases) {
      CAPTURE(set.name);
      const std::size_t before = allocations();
      json::arena arena{std::span<std::byte>{storage}};
      export_response response;
      const auto read = json::read_response(c.body, response, arena);
      buffer_output out{std::span<char>{output}};
      json::write_response(response, out);
      const std::size_t during = allocations() - before;

      REQUIRE(read.ok());
      CHECK(during == 0);
      REQUIRE_FALSE(out.overflowed());
      CHECK(out.view() == std::string_view{c.body});
    }
  }
}
