#ifndef DDBEXPORT_SERVICE_RANDOM_HPP
#define DDBEXPORT_SERVICE_RANDOM_HPP

/// The service's randomness is the caller's (SERVICE.md §1.3): request ids,
/// export ids and failure messages draw their bytes from a source the caller
/// hands in, so a test can replay the worked examples byte for byte.

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <random>
#include <span>

namespace ddbexport::service {

/// Fills the span with random bytes, in order: what is drawn first comes first.
template <class R>
concept random_source = requires(R& r, std::span<std::uint8_t> out) { r.fill(out); };

/// Any uniform random bit generator (std::random_device, std::mt19937_64) as a
/// random_source: one byte per draw, its low bits, as the ClientToken filler does.
template <std::uniform_random_bit_generator G>
class generator_bytes {
 public:
  static_assert(G::max() - G::min() >= 255, "the generator must produce at least 8 random bits per call");
  explicit generator_bytes(G& generator) noexcept : generator_(&generator) {}

  void fill(std::span<std::uint8_t> out) {
    for (auto& b : out) b = static_cast<std::uint8_t>(((*generator_)() - G::min()) & 0xFF);
  }

 private:
  G* generator_;
};

/// Draws `N` bytes at once.
template <std::size_t N, random_source R>
[[nodiscard]] std::array<std::uint8_t, N> draw(R& random) {
  std::array<std::uint8_t, N> bytes{};
  random.fill(bytes);
  return bytes;
}

}  // namespace ddbexport::service

#endif
