// doctest's main, compiled once into the test-main library that every test
// executable links. rapidcheck, in the property tests, reads its
// configuration from RC_PARAMS, which property/meson.build sets for `meson
// test` (10,000 cases per property and a fixed seed). DDBEXPORT_RC_PARAMS,
// when set, replaces it, so a caller can ask for fewer or more cases, or
// another seed, without editing the build: e.g. the sanitizer stage of .ci/run.

#include <cstdlib>

#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

int main(int argc, char** argv) {
  if (const char* override_params = std::getenv("DDBEXPORT_RC_PARAMS"); override_params && *override_params)
    ::setenv("RC_PARAMS", override_params, 1);
  doctest::Context context(argc, argv);
  return context.run();
}
