// Error-body reader (WIRE.md §7): code, message and fault from any bytes, the
// error-body checks, and the echo: reading the echo gives the same code,
// message and fault.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "fuzz_common.hpp"

using namespace ddbexport;

namespace {

void one(int status, std::string_view body, std::optional<std::string_view> header) {
  json::owning_arena storage{body.size()};
  const json::error_reading r = json::read_error(status, body, header, storage, fuzz::fuzz_limits);
  DDBEXPORT_FUZZ_CHECK(r.http_status == status);
  DDBEXPORT_FUZZ_CHECK(!r.message.empty());
  DDBEXPORT_FUZZ_CHECK(r.code.find_first_of(",:#") == std::string_view::npos);
  DDBEXPORT_FUZZ_CHECK(json::sanitize_error_code(r.code) == r.code);
  std::vector<diagnostic> findings;
  container_sink sink{findings};
  DDBEXPORT_FUZZ_CHECK(json::check_error_body(r, sink) == findings.size());
  if (r.parse_error) {
    DDBEXPORT_FUZZ_CHECK(r.problem.has_value());
    fuzz::check_read_error(*r.problem, body);
    DDBEXPORT_FUZZ_CHECK(findings.size() == 1 && findings[0].rule == rule_id::err_body);
    return;
  }
  for (const diagnostic& d : findings)
    DDBEXPORT_FUZZ_CHECK(!fuzz::write_to_string([&](auto& out) { write_message(d, out); }).empty());
  const std::string echo = fuzz::write_to_string([&](auto& out) { json::write_error_echo(r, out); });
  json::owning_arena echo_storage{echo.size()};
  const json::error_reading again = json::read_error(status, echo, std::nullopt, echo_storage, fuzz::fuzz_limits);
  DDBEXPORT_FUZZ_CHECK(!again.parse_error);
  DDBEXPORT_FUZZ_CHECK(again.code == r.code);
  DDBEXPORT_FUZZ_CHECK(again.message == r.message);
  DDBEXPORT_FUZZ_CHECK(again.fault == r.fault);
  DDBEXPORT_FUZZ_CHECK(again.modeled == r.modeled);
  // The echo is canonical: echoing it again changes nothing.
  DDBEXPORT_FUZZ_CHECK(fuzz::write_to_string([&](auto& out) { json::write_error_echo(again, out); }) == echo);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body = fuzz::as_text(data, size);
  one(400, body, std::nullopt);
  one(500, body, std::nullopt);
  one(503, body, "com.amazon.coral.availability#ThrottlingException:http://internal.amazon.com/");
  return 0;
}
