// Replaces the global operator new and delete with versions that count, for
// the tests that prove reading, validating and writing allocate nothing.

#include "counting_new.hpp"

#include <cstddef>
#include <cstdlib>
#include <new>

namespace {
std::size_t count = 0;

void* counted_allocation(std::size_t size) {
  ++count;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
#if defined(__cpp_exceptions)
  throw std::bad_alloc{};
#else
  std::abort();
#endif
}
}  // namespace

std::size_t ddbexport::test::allocations() noexcept { return count; }

void* operator new(std::size_t size) { return counted_allocation(size); }
void* operator new[](std::size_t size) { return counted_allocation(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
