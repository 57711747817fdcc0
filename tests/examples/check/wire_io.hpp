#ifndef DDBEXPORT_CHECK_WIRE_IO_HPP
#define DDBEXPORT_CHECK_WIRE_IO_HPP

// Bodies read with the library's strict reader, each owning the storage its
// parsed value views.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/validate/sinks.hpp"
#include "ddbexport/json/error_body.hpp"
#include "ddbexport/json/reader.hpp"
#include "ddbexport/json/writer.hpp"
#include "ddbexport/output.hpp"

namespace ddbexport_check {

template <class F>
std::string write_to_string(F&& write) {
  std::string text;
  ddbexport::container_output out{text};
  write(out);
  return text;
}

/// A request body; keeps a copy of the text so embedded requests (context
/// file entries) stay valid after their document is gone.
class request_body {
 public:
  ddbexport::export_request request{};
  std::vector<ddbexport::diagnostic> warnings{};
  std::optional<ddbexport::diagnostic> error{};

  bool read(std::string_view text, std::string& reason) {
    text_ = std::string(text);
    storage_ = std::make_unique<ddbexport::json::owning_arena>(text_.size());
    ddbexport::container_sink sink{warnings};
    const auto result = ddbexport::json::read_request(text_, request, *storage_, sink);
    if (result.ok()) return true;
    error = result.error;
    reason = ddbexport::to_string(error->rule);
    return false;
  }
  [[nodiscard]] std::string canonical() const {
    return write_to_string([&](auto& out) { ddbexport::json::write_request(request, out); });
  }

 private:
  std::string text_{};
  std::unique_ptr<ddbexport::json::owning_arena> storage_{};
};

class response_body {
 public:
  ddbexport::export_response response{};
  std::optional<ddbexport::diagnostic> error{};

  bool read(std::string_view text) {
    storage_ = std::make_unique<ddbexport::json::owning_arena>(text.size());
    const auto result = ddbexport::json::read_response(text, response, *storage_);
    error = result.error;
    return result.ok();
  }
  [[nodiscard]] std::string canonical() const {
    return write_to_string([&](auto& out) { ddbexport::json::write_response(response, out); });
  }

 private:
  std::unique_ptr<ddbexport::json::owning_arena> storage_{};
};

/// An error body, read as a 400 without headers (the tool sees only the body).
class error_response_body {
 public:
  ddbexport::json::error_reading reading{};
  std::vector<ddbexport::diagnostic> findings{};
  std::optional<ddbexport::diagnostic> error{};

  bool read(std::string_view text) {
    storage_ = std::make_unique<ddbexport::json::owning_arena>(text.size());
    reading = ddbexport::json::read_error(400, text, std::nullopt, *storage_);
    if (reading.parse_error) {
      error = reading.problem;
      return false;
    }
    ddbexport::container_sink sink{findings};
    ddbexport::validate(reading, ddbexport::error_body_context{}, sink);
    return true;
  }
  [[nodiscard]] std::string canonical() const {
    return write_to_string([&](auto& out) { ddbexport::json::write_error_echo(reading, out); });
  }

 private:
  std::unique_ptr<ddbexport::json::owning_arena> storage_{};
};

}  // namespace ddbexport_check

#endif
