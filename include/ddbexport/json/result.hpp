#ifndef DDBEXPORT_JSON_RESULT_HPP
#define DDBEXPORT_JSON_RESULT_HPP

#include <optional>

#include "ddbexport/validate/diagnostic.hpp"

namespace ddbexport::json {

/// What a read or a write returns: nothing on success, else the one
/// diagnostic that stopped it. A failed read is stage D (W-JSON, W-LIMIT,
/// W-DUPKEY, W-TYPE, W-TIME) with its byte offset and member path; a failed
/// write is a value no reader could take back (R-AV-DEPTH beyond
/// max_walk_depth), and nothing was written.
struct result {
  std::optional<diagnostic> error;

  [[nodiscard]] constexpr bool ok() const noexcept { return !error.has_value(); }
  constexpr explicit operator bool() const noexcept { return ok(); }
};

using read_result = result;
using write_result = result;

}  // namespace ddbexport::json

#endif
