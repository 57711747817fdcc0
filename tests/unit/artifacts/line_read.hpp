// One data line read the way the verifier reads it, for the data-line and
// ION tests: the line, its status and findings, and the storage its values
// live in, kept together so nothing dangles.
#ifndef DDBEXPORT_TESTS_UNIT_ARTIFACTS_LINE_READ_HPP
#define DDBEXPORT_TESTS_UNIT_ARTIFACTS_LINE_READ_HPP

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/artifacts/data_line.hpp"
#include "support.hpp"

namespace artifacts_test {

/// Reads its own copy of the line: the values' strings view it. Neither
/// copied nor moved (a short string's bytes would move), so it is made in place.
struct line_read {
  std::string text;
  ddbexport::artifacts::data_line line;
  ddbexport::artifacts::data_line_status status;
  collect findings;
  std::vector<std::byte> buffer;
  ddbexport::json::arena storage;

  line_read(std::string_view t, const ddbexport::artifacts::data_line_context& c, std::size_t bytes)
      : text(t), buffer(bytes), storage(std::span<std::byte>{buffer}) {
    status = ddbexport::artifacts::read_data_line(text, line, storage, c, findings);
  }
  line_read(std::string_view t, const ddbexport::artifacts::data_line_context& c)
      : line_read(t, c, ddbexport::artifacts::line_storage_bytes(t.size())) {}
  line_read(const line_read&) = delete;
  line_read& operator=(const line_read&) = delete;
};

/// The context of a line in object "k", in `format`.
[[nodiscard]] inline ddbexport::artifacts::data_line_context line_context(
    ddbexport::export_format format = ddbexport::export_format::dynamodb_json, bool incremental = false) {
  ddbexport::artifacts::data_line_context c;
  c.key = "k";
  c.format = {format, incremental};
  return c;
}

}  // namespace artifacts_test

#endif
