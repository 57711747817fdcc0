#ifndef DDBEXPORT_DETAIL_CRC32_HPP
#define DDBEXPORT_DETAIL_CRC32_HPP

/// CRC-32 as zlib's `crc32` computes it (IEEE 802.3, reflected polynomial
/// 0xEDB88320, initial and final XOR 0xFFFFFFFF). Two users: the service's
/// x-amz-crc32 header (SERVICE.md V-CRC) and the gzip trailer of data files
/// (ARTIFACTS.md §6.1). Incremental: feed `crc32_update` chunk by chunk,
/// starting from 0, and the result equals one call over the whole.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ddbexport::detail {

/// Eight tables for slicing-by-8: table[0] is the classic byte table and
/// table[k][b] advances table[k-1][b] by one more zero byte, so eight input
/// bytes fold into the CRC with eight lookups and no loop-carried shift chain.
/// Plain arrays rather than std::array: every subscript of a std::array is a
/// function call to the constant evaluator, and building the tables that way
/// cost g++ about 0.1 s in every translation unit that includes this header.
struct crc32_slicing_tables {
  std::uint32_t t[8][256];
};
inline constexpr crc32_slicing_tables crc32_tables = [] {
  crc32_slicing_tables s{};
  for (std::uint32_t b = 0; b < 256; ++b) {
    std::uint32_t c = b;
    for (int k = 0; k < 8; ++k) c = (c & 1u) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    s.t[0][b] = c;
  }
  for (std::size_t k = 1; k < 8; ++k)
    for (std::size_t b = 0; b < 256; ++b) s.t[k][b] = (s.t[k - 1][b] >> 8) ^ s.t[0][s.t[k - 1][b] & 0xFFu];
  return s;
}();

/// Continues `crc` (a previous result, or 0 to start) over `bytes`.
[[nodiscard]] constexpr std::uint32_t crc32_update(std::uint32_t crc, std::string_view bytes) noexcept {
  const auto& t = crc32_tables.t;
  std::uint32_t c = ~crc;
  std::size_t i = 0;
  const auto byte = [&](std::size_t at) { return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])); };
  for (; i + 8 <= bytes.size(); i += 8) {
    // Little-endian assembly by shifts, so constant evaluation and every
    // target compute the same value without reinterpreting memory.
    const std::uint32_t lo = c ^ (byte(i) | byte(i + 1) << 8 | byte(i + 2) << 16 | byte(i + 3) << 24);
    const std::uint32_t hi = byte(i + 4) | byte(i + 5) << 8 | byte(i + 6) << 16 | byte(i + 7) << 24;
    c = t[7][lo & 0xFFu] ^ t[6][(lo >> 8) & 0xFFu] ^ t[5][(lo >> 16) & 0xFFu] ^ t[4][lo >> 24] ^
        t[3][hi & 0xFFu] ^ t[2][(hi >> 8) & 0xFFu] ^ t[1][(hi >> 16) & 0xFFu] ^ t[0][hi >> 24];
  }
  for (; i < bytes.size(); ++i) c = t[0][(c ^ byte(i)) & 0xFFu] ^ (c >> 8);
  return ~c;
}

[[nodiscard]] constexpr std::uint32_t crc32(std::string_view bytes) noexcept { return crc32_update(0, bytes); }

}  // namespace ddbexport::detail

#endif
