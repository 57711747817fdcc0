#ifndef DDBEXPORT_CLIENT_TOKEN_HPP
#define DDBEXPORT_CLIENT_TOKEN_HPP

#include <array>
#include <concepts>
#include <cstdint>
#include <limits>
#include <random>
#include <string_view>

#include "ddbexport/request.hpp"

namespace ddbexport {

/// A generated ClientToken: 36 characters of lowercase RFC 4122 version-4 UUID.
struct client_token_text {
  std::array<char, 36> chars{};
  [[nodiscard]] constexpr std::string_view view() const noexcept { return {chars.data(), chars.size()}; }
};

/// Formats 16 random bytes as a version-4 UUID (R-TOKEN-AUTOFILL): byte 6 gets
/// version 4, byte 8 the RFC 4122 variant, then 8-4-4-4-12 lowercase hex.
[[nodiscard]] constexpr client_token_text format_uuid_v4(std::array<std::uint8_t, 16> bytes) noexcept {
  bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0F) | 0x40);
  bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3F) | 0x80);
  constexpr char hex[] = "0123456789abcdef";
  client_token_text out;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.chars[pos++] = '-';
    out.chars[pos++] = hex[bytes[i] >> 4];
    out.chars[pos++] = hex[bytes[i] & 0xF];
  }
  return out;
}

/// Draws 16 bytes from the caller's uniform random bit generator; ddbexport has
/// no hidden global source of randomness.
template <std::uniform_random_bit_generator Rng>
[[nodiscard]] constexpr client_token_text generate_client_token(Rng& rng) {
  std::array<std::uint8_t, 16> bytes{};
  using result = typename Rng::result_type;
  // Take one byte per draw from the low bits of a value spread over the full
  // range; every standard engine covers at least [0, 255].
  static_assert(Rng::max() - Rng::min() >= 255, "the generator must produce at least 8 random bits per call");
  for (auto& b : bytes) b = static_cast<std::uint8_t>(static_cast<result>(rng() - Rng::min()) & 0xFF);
  return format_uuid_v4(bytes);
}

/// Fills an absent ClientToken; an explicit one (even `""`) is left alone, as
/// the SDK does. `storage` must outlive the request, which then views it.
template <std::uniform_random_bit_generator Rng>
constexpr bool fill_client_token(export_request& request, client_token_text& storage, Rng& rng) {
  if (request.client_token) return false;
  storage = generate_client_token(rng);
  request.client_token = storage.view();
  return true;
}

}  // namespace ddbexport

#endif
