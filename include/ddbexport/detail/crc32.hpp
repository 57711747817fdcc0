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
#include <type_traits>

// The carry-less multiply path: x86-64 with GCC or Clang (their target
// attribute and CPU check), chosen at run time, so a build for baseline
// x86-64 still uses it where the CPU has PCLMULQDQ.
#if !defined(DDBEXPORT_CRC32_CLMUL)
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define DDBEXPORT_CRC32_CLMUL 1
#else
#define DDBEXPORT_CRC32_CLMUL 0
#endif
#endif
#if DDBEXPORT_CRC32_CLMUL
#include <smmintrin.h>
#include <wmmintrin.h>
#endif

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

/// Slicing-by-8 from register state `c` (the CRC inverted), from byte `i` on.
[[nodiscard]] constexpr std::uint32_t crc32_tables_step(std::uint32_t c, std::string_view bytes, std::size_t i) noexcept {
  const auto& t = crc32_tables.t;
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
  return c;
}

#if DDBEXPORT_CRC32_CLMUL
/// Folding with carry-less multiplication (Gopal et al., "Fast CRC
/// Computation for Generic Polynomials Using PCLMULQDQ", Intel, 2009), in the
/// bit-reflected domain of this CRC: four 128-bit lanes absorb 64 bytes per
/// step, fold into one lane, and a Barrett reduction ends in 32 bits. The
/// constants are that paper's for the polynomial 0x04C11DB7: x^(k) mod P for
/// the fold distances (512±64, 128±64, 64 and 96 bits), and P with its
/// Barrett quotient mu. Every service answer (its x-amz-crc32) and every
/// gzip trailer runs through here; slicing-by-8 costs ~1 cycle a byte, this ~0.1.
/// Takes and returns the register state; `size` is a multiple of 16, at least 64.
#define DDBEXPORT_CLMUL_TARGET __attribute__((target("pclmul,sse4.1")))
DDBEXPORT_CLMUL_TARGET inline __m128i crc32_clmul_load(const char* at) noexcept {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
}
/// One lane moved 128 bits on (its halves times the two constants of `k`) and `next` added.
DDBEXPORT_CLMUL_TARGET inline __m128i crc32_clmul_step(__m128i lane, __m128i k, __m128i next) noexcept {
  return _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(lane, k, 0x00), _mm_clmulepi64_si128(lane, k, 0x11)), next);
}
DDBEXPORT_CLMUL_TARGET inline std::uint32_t crc32_clmul_fold(std::uint32_t c, const char* p, std::size_t size) noexcept {
  constexpr auto load = crc32_clmul_load;
  constexpr auto fold = crc32_clmul_step;
  __m128i x1 = _mm_xor_si128(load(p), _mm_cvtsi32_si128(static_cast<int>(c)));
  __m128i x2 = load(p + 16);
  __m128i x3 = load(p + 32);
  __m128i x4 = load(p + 48);
  p += 64;
  size -= 64;
  const __m128i k1k2 = _mm_set_epi64x(0x01c6e41596, 0x0154442bd4);
  for (; size >= 64; p += 64, size -= 64) {
    x1 = fold(x1, k1k2, load(p));
    x2 = fold(x2, k1k2, load(p + 16));
    x3 = fold(x3, k1k2, load(p + 32));
    x4 = fold(x4, k1k2, load(p + 48));
  }
  const __m128i k3k4 = _mm_set_epi64x(0x00ccaa009e, 0x01751997d0);
  x1 = fold(x1, k3k4, x2);
  x1 = fold(x1, k3k4, x3);
  x1 = fold(x1, k3k4, x4);
  for (; size >= 16; p += 16, size -= 16) x1 = fold(x1, k3k4, load(p));

  // 128 bits to 64, then to 32 by Barrett reduction.
  const __m128i low32 = _mm_setr_epi32(~0, 0, ~0, 0);
  x1 = _mm_xor_si128(_mm_srli_si128(x1, 8), _mm_clmulepi64_si128(x1, k3k4, 0x10));
  const __m128i k5 = _mm_set_epi64x(0, 0x0163cd6124);
  x1 = _mm_xor_si128(_mm_srli_si128(x1, 4), _mm_clmulepi64_si128(_mm_and_si128(x1, low32), k5, 0x00));
  const __m128i poly_mu = _mm_set_epi64x(0x01f7011641, 0x01db710641);
  __m128i t = _mm_clmulepi64_si128(_mm_and_si128(x1, low32), poly_mu, 0x10);
  t = _mm_clmulepi64_si128(_mm_and_si128(t, low32), poly_mu, 0x00);
  return static_cast<std::uint32_t>(_mm_extract_epi32(_mm_xor_si128(x1, t), 1));
}
#undef DDBEXPORT_CLMUL_TARGET

[[nodiscard]] inline bool crc32_clmul_available() noexcept {
  static const bool available = __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse4.1");
  return available;
}
#endif

/// Continues `crc` (a previous result, or 0 to start) over `bytes`.
[[nodiscard]] constexpr std::uint32_t crc32_update(std::uint32_t crc, std::string_view bytes) noexcept {
#if DDBEXPORT_CRC32_CLMUL
  // Below 64 bytes the fold's set-up costs more than the tables.
  if (!std::is_constant_evaluated() && bytes.size() >= 64 && crc32_clmul_available()) {
    const std::size_t folded = bytes.size() & ~std::size_t{15};
    const std::uint32_t c = crc32_clmul_fold(~crc, bytes.data(), folded);
    return ~crc32_tables_step(c, bytes, folded);
  }
#endif
  return ~crc32_tables_step(~crc, bytes, 0);
}

[[nodiscard]] constexpr std::uint32_t crc32(std::string_view bytes) noexcept { return crc32_update(0, bytes); }

}  // namespace ddbexport::detail

#endif
