#ifndef DDBEXPORT_TESTS_COUNTING_NEW_HPP
#define DDBEXPORT_TESTS_COUNTING_NEW_HPP

// The one counting global operator new of the test suite (counting_new.cpp,
// the counting-new static library). Only the no-alloc executable links it,
// so no other test runs with a replaced allocator.

#include <cstddef>

namespace ddbexport::test {

/// Heap allocations made so far by this process.
[[nodiscard]] std::size_t allocations() noexcept;

/// Heap allocations made by `f()`.
template <class F>
std::size_t allocations_during(F&& f) {
  const std::size_t before = allocations();
  f();
  return allocations() - before;
}

}  // namespace ddbexport::test

#endif
