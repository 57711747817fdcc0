#ifndef DDBEXPORT_ARTIFACTS_MD5_HPP
#define DDBEXPORT_ARTIFACTS_MD5_HPP

/// MD5 (RFC 1321) for the checksums of an export (ARTIFACTS.md §5): the
/// base64 md5Checksum of a data file's stored bytes, the sidecar bodies and
/// the hex S3 ETags. constexpr, so golden digests can be checked at compile
/// time, and fast at run time: a data file of gigabytes goes through it once,
/// together with the inflater, so it must not be the slow stage.

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

#include "ddbexport/detail/base64.hpp"

// The 64 steps must be inlined into one block function, where the four
// registers stay in registers; clang otherwise calls the step sequence out of
// line with the registers in memory (0.78x OpenSSL instead of 1.0x).
#if defined(__GNUC__) || defined(__clang__)
#define DDBEXPORT_MD5_INLINE [[gnu::always_inline]] inline
#else
#define DDBEXPORT_MD5_INLINE inline
#endif

namespace ddbexport::artifacts {

/// The 16 digest bytes, in RFC 1321's output order.
using md5_digest = std::array<std::uint8_t, 16>;

/// Text of a fixed length held by value (a digest's base64 or hex form), so
/// callers need no allocation to print or compare it.
template <std::size_t N>
struct fixed_text {
  std::array<char, N> chars{};
  [[nodiscard]] constexpr std::string_view view() const noexcept { return {chars.data(), N}; }
  friend constexpr bool operator==(const fixed_text&, const fixed_text&) noexcept = default;
};

namespace detail {

inline constexpr std::size_t md5_block_size = 64;

/// T[i] = floor(2^32 * |sin(i + 1)|), RFC 1321 §3.4.
inline constexpr std::array<std::uint32_t, 64> md5_sine = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};

/// The shift of step i: four per round, repeated four times (RFC 1321 §3.4).
[[nodiscard]] constexpr int md5_shift(std::size_t step) noexcept {
  constexpr int shifts[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};
  return shifts[step / 16][step % 4];
}

/// The message word step i reads: k, 1 + 5k, 5 + 3k, 7k (mod 16) in rounds 1-4.
[[nodiscard]] constexpr std::size_t md5_word(std::size_t step) noexcept {
  constexpr std::size_t start[4] = {0, 1, 5, 0};
  constexpr std::size_t stride[4] = {1, 5, 3, 7};
  return (start[step / 16] + stride[step / 16] * (step % 16)) % 16;
}

/// The round functions, arranged so that the fewest operations wait for b,
/// the register the previous step has just produced: the terms of c and d
/// alone can start early (G as a sum of disjoint masks, after OpenSSL's).
template <std::size_t Step>
[[nodiscard]] constexpr std::uint32_t md5_mix(std::uint32_t b, std::uint32_t c, std::uint32_t d) noexcept {
  if constexpr (Step < 16) return d ^ (b & (c ^ d));
  else if constexpr (Step < 32) return (c & ~d) + (b & d);
  else if constexpr (Step < 48) return b ^ (c ^ d);
  else return c ^ (b | ~d);
}

/// One of the 64 steps. The four registers rotate roles every step, so the
/// step index picks which array element plays a, b, c and d; after inlining
/// the indices are constants and the array lives in registers. The sum adds
/// what does not depend on b first, for the same reason as md5_mix. `Runtime`
/// is chosen once per call of md5_blocks, not tested in each of the 64 steps.
template <std::size_t Step, bool Runtime>
DDBEXPORT_MD5_INLINE constexpr void md5_step(std::array<std::uint32_t, 4>& r, const std::array<std::uint32_t, 16>& x) noexcept {
  constexpr std::size_t a = (64 - Step) % 4, b = (65 - Step) % 4, c = (66 - Step) % 4, d = (67 - Step) % 4;
  std::uint32_t early = r[a] + x[md5_word(Step)] + md5_sine[Step];
#if defined(__GNUC__) || defined(__clang__)
  // clang reassociates the sum to add the constant last, after the mix, one
  // more add on the critical path (0.83x OpenSSL); an empty asm pins `early`.
  if constexpr (Runtime) asm("" : "+r"(early));
#endif
  r[a] = r[b] + std::rotl(early + md5_mix<Step>(r[b], r[c], r[d]), md5_shift(Step));
}

template <bool Runtime, std::size_t... Steps>
DDBEXPORT_MD5_INLINE constexpr void md5_steps(std::array<std::uint32_t, 4>& r, const std::array<std::uint32_t, 16>& x,
                         std::index_sequence<Steps...>) noexcept {
  (md5_step<Steps, Runtime>(r, x), ...);
}

/// The little-endian 32-bit word at `p`: one load at run time, byte
/// assembly in constant evaluation (where memcpy cannot reinterpret).
template <bool Runtime>
[[nodiscard]] constexpr std::uint32_t md5_load(const char* p) noexcept {
  if constexpr (Runtime && std::endian::native == std::endian::little) {
    std::uint32_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
  } else {
    const auto byte = [&](int i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(p[i])); };
    return byte(0) | byte(1) << 8 | byte(2) << 16 | byte(3) << 24;
  }
}

template <bool Runtime>
constexpr void md5_blocks_as(std::array<std::uint32_t, 4>& state, const char* p, std::size_t blocks) noexcept {
  for (; blocks != 0; --blocks, p += md5_block_size) {
    std::array<std::uint32_t, 16> x;
    for (std::size_t i = 0; i < 16; ++i) x[i] = md5_load<Runtime>(p + 4 * i);
    std::array<std::uint32_t, 4> r = state;
    md5_steps<Runtime>(r, x, std::make_index_sequence<64>{});
    for (std::size_t i = 0; i < 4; ++i) state[i] += r[i];
  }
}

/// Folds whole 64-byte blocks of `p` into `state`.
constexpr void md5_blocks(std::array<std::uint32_t, 4>& state, const char* p, std::size_t blocks) noexcept {
  if (std::is_constant_evaluated()) {
    md5_blocks_as<false>(state, p, blocks);
  } else {
    md5_blocks_as<true>(state, p, blocks);
  }
}

}  // namespace detail

/// Incremental MD5: `update` any number of times with consecutive pieces of
/// the input, then `finish`; the digest equals md5_of(the concatenation).
/// `finish` does not change the object, so a running digest can be read.
class md5 {
 public:
  constexpr void update(std::string_view bytes) noexcept {
    total_ += bytes.size();
    if (pending_ != 0) {
      const std::size_t take = std::min(bytes.size(), detail::md5_block_size - pending_);
      for (std::size_t i = 0; i < take; ++i) block_[pending_ + i] = bytes[i];
      pending_ += take;
      bytes.remove_prefix(take);
      if (pending_ < detail::md5_block_size) return;
      detail::md5_blocks(state_, block_.data(), 1);
      pending_ = 0;
    }
    // Whole blocks straight from the caller's bytes: no copy.
    const std::size_t whole = bytes.size() / detail::md5_block_size;
    detail::md5_blocks(state_, bytes.data(), whole);
    bytes.remove_prefix(whole * detail::md5_block_size);
    for (std::size_t i = 0; i < bytes.size(); ++i) block_[i] = bytes[i];
    pending_ = bytes.size();
  }

  [[nodiscard]] constexpr md5_digest finish() const noexcept {
    md5 tail = *this;
    // Padding: 0x80, zeros up to 56 mod 64, then the bit length (mod 2^64) little-endian.
    const std::uint64_t bits = total_ * 8;
    std::array<char, 2 * detail::md5_block_size> pad{};
    pad[0] = static_cast<char>(0x80);
    const std::size_t zeros = (pending_ < 56 ? 56 : 120) - pending_;
    for (std::size_t i = 0; i < 8; ++i) pad[zeros + i] = static_cast<char>((bits >> (8 * i)) & 0xFF);
    tail.update(std::string_view{pad.data(), zeros + 8});
    md5_digest out{};
    for (std::size_t i = 0; i < 16; ++i) out[i] = static_cast<std::uint8_t>((tail.state_[i / 4] >> (8 * (i % 4))) & 0xFF);
    return out;
  }

  /// Bytes fed so far.
  [[nodiscard]] constexpr std::uint64_t size() const noexcept { return total_; }

 private:
  std::array<std::uint32_t, 4> state_{0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  std::array<char, detail::md5_block_size> block_{};
  std::size_t pending_ = 0;
  std::uint64_t total_ = 0;
};

[[nodiscard]] constexpr md5_digest md5_of(std::string_view bytes) noexcept {
  md5 h;
  h.update(bytes);
  return h.finish();
}

/// The digest as its 16 bytes, for feeding into another MD5 (multipart ETags).
[[nodiscard]] constexpr fixed_text<16> digest_bytes(const md5_digest& d) noexcept {
  fixed_text<16> out;
  for (std::size_t i = 0; i < 16; ++i) out.chars[i] = static_cast<char>(d[i]);
  return out;
}

/// base64 of the digest (ARTIFACTS.md b64md5): 24 characters ending in `==`.
[[nodiscard]] constexpr fixed_text<24> to_base64(const md5_digest& d) noexcept {
  struct fill {
    fixed_text<24>* text;
    std::size_t used = 0;
    constexpr void write(std::string_view s) noexcept {
      // 16 bytes are always 24 digits; the bound keeps the compiler sure of it.
      for (char c : s)
        if (used < text->chars.size()) text->chars[used++] = c;
    }
  };
  fixed_text<24> out;
  fill sink{&out};
  const auto raw = digest_bytes(d);
  ddbexport::detail::write_base64(sink, raw.view());
  return out;
}

/// Lowercase hex of the digest (ARTIFACTS.md hex(x)): what an S3 ETag holds.
[[nodiscard]] constexpr fixed_text<32> to_hex(const md5_digest& d) noexcept {
  constexpr char digits[] = "0123456789abcdef";
  fixed_text<32> out;
  for (std::size_t i = 0; i < 16; ++i) {
    out.chars[2 * i] = digits[d[i] >> 4];
    out.chars[2 * i + 1] = digits[d[i] & 0xF];
  }
  return out;
}

/// The digest of the canonical b64md5 form `^[A-Za-z0-9+/]{21}[AQgw]==$`
/// (ARTIFACTS.md §5.1), nothing for anything else: the last digit may carry
/// only the two bits the 16th byte needs, so exactly one text per digest.
[[nodiscard]] constexpr std::optional<md5_digest> parse_base64_md5(std::string_view text) noexcept {
  if (text.size() != 24 || text[22] != '=' || text[23] != '=') return std::nullopt;
  const char last = text[21];
  if (last != 'A' && last != 'Q' && last != 'g' && last != 'w') return std::nullopt;
  if (ddbexport::detail::base64_decoded_size(text) != std::optional<std::size_t>{16}) return std::nullopt;
  std::array<char, 18> raw{};
  ddbexport::detail::decode_base64(text, raw.data());
  md5_digest out{};
  for (std::size_t i = 0; i < 16; ++i) out[i] = static_cast<std::uint8_t>(raw[i]);
  return out;
}

// RFC 1321 Appendix A.5, checked in every translation unit that includes this.
static_assert(to_hex(md5_of("")).view() == "d41d8cd98f00b204e9800998ecf8427e");
static_assert(to_hex(md5_of("abc")).view() == "900150983cd24fb0d6963f7d28e17f72");
static_assert(to_base64(md5_of("")).view() == "1B2M2Y8AsgTpgAmY7PhCfg==");

}  // namespace ddbexport::artifacts

#undef DDBEXPORT_MD5_INLINE

#endif
