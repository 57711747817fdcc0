// Data line readers, DYNAMODB_JSON and ION, full and incremental (the first
// byte chooses): any bytes end in findings within bounds, never a crash; a
// line read clean writes a line that reads back clean and writes the same.

#include "artifacts_common.hpp"

using namespace ddbexport;

namespace {
struct read_once {
  std::vector<std::byte> buffer;
  json::arena storage;
  artifacts::data_line line;
  artifacts::data_line_status status;
  fuzz::findings found;
  read_once(std::string_view text, const artifacts::data_line_context& c) : buffer(artifacts::line_storage_bytes(text.size())) {
    storage = json::arena{std::span<std::byte>{buffer}};
    status = artifacts::read_data_line(text, line, storage, c, found);
  }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t mode = data[0];
  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  artifacts::data_line_context c;
  c.key = "k";
  c.format.format = (mode & 1) != 0 ? export_format::ion : export_format::dynamodb_json;
  c.format.incremental = (mode & 2) != 0;
  if ((mode & 4) != 0) c.view = (mode & 8) != 0 ? export_view_type::new_image : export_view_type::new_and_old_images;
  if ((mode & 16) != 0) {
    c.window_from_ms = 1'777'890'000'000;
    c.window_to_ms = 1'777'891'800'000;
  }
  c.limits.depth = 64;
  read_once first{text, c};
  for (const auto& f : first.found.all) fuzz::check_finding(f, text.size());
  if (!first.status.values) return 0;
  std::string written;
  container_output<std::string> out{written};
  if (!artifacts::write_data_line(first.line, c.format, out)) {
    // Only ION refuses, for a number its reader would not give (JSON N texts are kept as given).
    DDBEXPORT_FUZZ_CHECK(c.format.format == export_format::ion || !first.found.all.empty());
    return 0;
  }
  DDBEXPORT_FUZZ_CHECK(!written.empty() && written.back() == '\n');
  written.pop_back();
  read_once second{written, c};
  DDBEXPORT_FUZZ_CHECK(second.status.values);
  std::string again;
  container_output<std::string> out2{again};
  DDBEXPORT_FUZZ_CHECK(artifacts::write_data_line(second.line, c.format, out2));
  DDBEXPORT_FUZZ_CHECK(again == written + "\n");
  return 0;
}
