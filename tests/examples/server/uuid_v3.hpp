#ifndef DDBEXPORT_SERVER_UUID_V3_HPP
#define DDBEXPORT_SERVER_UUID_V3_HPP

// The TableId ddbexport-server gives a table without one: the name-based
// version-3 UUID (RFC 4122 §4.3) of the TableArn, MD5 over the URL namespace
// `6ba7b811-9dad-11d1-80b4-00c04fd430c8` and the name's bytes, lowercase.

#include <cstdint>
#include <string>
#include <string_view>

#include "ddbexport/artifacts/md5.hpp"

namespace ddbexport_server {

[[nodiscard]] inline std::string uuid_v3_url(std::string_view name) {
  static constexpr std::uint8_t url_namespace[16] = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                                     0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
  ddbexport::artifacts::md5 hash;
  hash.update(std::string_view{reinterpret_cast<const char*>(url_namespace), sizeof url_namespace});
  hash.update(name);
  auto bytes = hash.finish();
  bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0F) | 0x30);
  bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3F) | 0x80);
  constexpr std::string_view hex = "0123456789abcdef";
  std::string text;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text.push_back('-');
    text.push_back(hex[bytes[i] >> 4]);
    text.push_back(hex[bytes[i] & 0xF]);
  }
  return text;
}

}  // namespace ddbexport_server

#endif
