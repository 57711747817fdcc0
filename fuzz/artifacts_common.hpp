#ifndef DDBEXPORT_FUZZ_ARTIFACTS_COMMON_HPP
#define DDBEXPORT_FUZZ_ARTIFACTS_COMMON_HPP

// Shared by the artifact fuzz targets: findings must respect their bounds, and
// a text written by a writer must read back clean.

#include <string>
#include <string_view>

#include "ddbexport/artifacts/artifacts.hpp"
#include "fuzz_common.hpp"

namespace ddbexport::fuzz {

struct findings {
  std::vector<artifacts::finding> all;
  void accept(artifacts::finding f) { all.push_back(std::move(f)); }
};

/// A finding names a catalogued rule with its own severity, and a message.
inline void check_finding(const artifacts::finding& f, std::size_t size) {
  DDBEXPORT_FUZZ_CHECK(static_cast<std::size_t>(f.rule) < artifacts::rule_catalogue.size());
  DDBEXPORT_FUZZ_CHECK(f.severity == artifacts::severity_in(f.rule, false) || f.severity == artifacts::severity_in(f.rule, true));
  DDBEXPORT_FUZZ_CHECK(!f.message.empty());
  DDBEXPORT_FUZZ_CHECK(!f.offset || *f.offset <= size);
}

}  // namespace ddbexport::fuzz

#endif
