// Compile-only: the checksums and time conversions in constant evaluation.
// They live here rather than beside their definitions so that including the
// library does not pay for evaluating them (g++ spent ~0.2 s of every
// translation unit on the CRC checks alone).
#include "ddbexport/artifacts/detail/iso_time.hpp"
#include "ddbexport/detail/crc32.hpp"

namespace {
using ddbexport::detail::crc32;
using ddbexport::detail::crc32_update;
using namespace ddbexport::artifacts::detail;

// The standard check value, and SERVICE.md V-CRC's `{}`; chunked equals whole.
static_assert(crc32("123456789") == 0xCBF43926u);
static_assert(crc32("{}") == 2745614147u);
static_assert(crc32_update(crc32("{\"a\":"), "1}") == crc32("{\"a\":1}"));
static_assert(crc32("") == 0u);

static_assert(parse_iso_ms("2026-05-04T09:15:27.318Z") == 1777886127318);
static_assert(parse_iso_ms("1970-01-01T00:00:00.000Z") == 0);
static_assert(!parse_iso_ms("2026-02-29T00:00:00.000Z"));
static_assert(format_iso_ms(1777890641000).has_value());
}  // namespace
