#ifndef DDBEXPORT_SERVICE_HANDLED_HPP
#define DDBEXPORT_SERVICE_HANDLED_HPP

/// The outcome of handling one request: the complete answer, or the usage
/// error that kept the library from answering (SERVICE.md §1.2), never both.

#include <optional>
#include <utility>

#include "ddbexport/service/http.hpp"
#include "ddbexport/service/usage_error.hpp"

namespace ddbexport::service {

struct handled {
  std::optional<service::answer> answer{};
  std::optional<usage_error> usage{};

  static handled answered(service::answer a) {
    handled h;
    h.answer = std::move(a);
    return h;
  }
  static handled refused(usage_error u) {
    handled h;
    h.usage = u;
    return h;
  }
  [[nodiscard]] explicit operator bool() const noexcept { return answer.has_value(); }
};

}  // namespace ddbexport::service

#endif
