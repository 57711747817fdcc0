#ifndef DDBEXPORT_TESTS_RC_DOCTEST_HPP
#define DDBEXPORT_TESTS_RC_DOCTEST_HPP

// A minimal rapidcheck -> doctest adapter (Debian's rapidcheck ships none):
// each property is one doctest case that runs `rc::check` and CHECKs its
// verdict, so properties count in the CI total like any other case.
//
// rapidcheck reads RC_PARAMS (tests/meson.build sets max_success and a seed)
// and prints "Using configuration: seed=..." once per executable; a failing
// property prints its shrunk counterexample and a `reproduce=` string to
// rerun exactly that case: RC_PARAMS="reproduce=..." <test binary>.

#include <utility>

#include <doctest/doctest.h>
#include <rapidcheck.h>

namespace ddbexport::test {

/// Runs one property and reports it as a doctest check.
template <class Testable>
bool rc_doctest_check(const char* name, Testable&& testable) {
  const bool ok = rc::check(name, std::forward<Testable>(testable));
  CHECK_MESSAGE(ok, "property failed: " << name << " (seed and reproduce string printed above)");
  return ok;
}

}  // namespace ddbexport::test

/// `RC_DOCTEST_PROPERTY("name", [](const T& value) { RC_ASSERT(...); })`:
/// a doctest case named "name" that checks the property.
#define RC_DOCTEST_PROPERTY(name, ...) \
  TEST_CASE(name) { ::ddbexport::test::rc_doctest_check(name, __VA_ARGS__); }

#endif
