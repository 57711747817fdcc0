// Request reader: any bytes end in a value (then JSON text, as V-SYNTAX
// judges it) or exactly one stage-D diagnostic,
// never a crash; a failed read leaves nothing half-filled; and a reader given
// too little storage either agrees with one given enough or says W-LIMIT.

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "fuzz_common.hpp"
#include "property/equality.hpp"

using namespace ddbexport;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body = fuzz::as_text(data, size);
  json::owning_arena storage{body.size()};
  export_request request;
  std::vector<diagnostic> warnings;
  container_sink sink{warnings};
  const json::read_result result = json::read_request(body, request, storage, fuzz::fuzz_limits, sink);
  if (!result.ok()) {
    fuzz::check_read_error(*result.error, body);
    DDBEXPORT_FUZZ_CHECK(test::same_request(request, export_request{}));
  } else {
    // service::handle skips its V-SYNTAX pass for a body the reader accepts.
    DDBEXPORT_FUZZ_CHECK(service::detail::is_json_text(body));
    for (const diagnostic& w : warnings) {
      DDBEXPORT_FUZZ_CHECK(w.rule == rule_id::w_unknown || w.rule == rule_id::r_et_gran);
      DDBEXPORT_FUZZ_CHECK(w.offset <= body.size());
      DDBEXPORT_FUZZ_CHECK(!fuzz::write_to_string([&](auto& out) { write_message(w, out); }).empty());
    }
  }

  // The same body over a small caller buffer.
  alignas(std::max_align_t) static std::array<std::byte, 4096> small;
  json::arena little{std::span<std::byte>{small.data(), (size * 7) % small.size()}};
  export_request again;
  const json::read_result tight = json::read_request(body, again, little, fuzz::fuzz_limits);
  if (tight.ok()) {
    DDBEXPORT_FUZZ_CHECK(result.ok());
    DDBEXPORT_FUZZ_CHECK(test::same_request(request, again));
  } else if (result.ok()) {
    DDBEXPORT_FUZZ_CHECK(tight.error->rule == rule_id::w_limit);
  }
  return 0;
}
