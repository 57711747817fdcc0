// Precompiled once per clang test executable with several sources (meson's
// cpp_pch; see tests/support/meson.build for why not with g++): doctest and
// the whole library, which each of those sources parsed again, about 3 s
// apiece. Sources still include what they use; the hygiene targets, which
// check exactly that, never use it.
#include <doctest/doctest.h>

#include "ddbexport/ddbexport.hpp"
