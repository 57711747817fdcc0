#ifndef DDBEXPORT_ARTIFACTS_LIMITS_HPP
#define DDBEXPORT_ARTIFACTS_LIMITS_HPP

#include <cstddef>

namespace ddbexport::artifacts {

/// The caller-set limits of ARTIFACTS.md §8.2, shared by every artifact
/// reader: they bound what one read may hold in memory.
struct artifact_limits {
  std::size_t summary_bytes = 1048576;         ///< manifest-summary.json (A-SUM-JSON)
  std::size_t manifest_line_bytes = 65536;     ///< one line of manifest-files.json (A-FILES-LINE)
  std::size_t data_line_bytes = 4194304;       ///< one data line (A-LINE-JSON, A-ION-SYNTAX)
  std::size_t depth = 128;                     ///< open arrays and objects (structs, lists) at once
};

}  // namespace ddbexport::artifacts

#endif
