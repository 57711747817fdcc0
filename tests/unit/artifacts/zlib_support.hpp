// zlib for the tests: the library has no inflater, its callers do.
#ifndef DDBEXPORT_TESTS_UNIT_ARTIFACTS_ZLIB_SUPPORT_HPP
#define DDBEXPORT_TESTS_UNIT_ARTIFACTS_ZLIB_SUPPORT_HPP

#include "support.hpp"
#include <zlib.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace artifacts_test {

/// The content of a whole gzip member (zlib checks the framing itself).
inline std::string gunzip(std::string_view stored) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) artifacts_test::fatal("inflateInit2");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(stored.data()));
  z.avail_in = static_cast<uInt>(stored.size());
  std::string out;
  char buf[16384];
  int rc = Z_OK;
  do {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
  } while (rc == Z_OK);
  inflateEnd(&z);
  if (rc != Z_STREAM_END) artifacts_test::fatal("not a gzip member");
  return out;
}

}  // namespace artifacts_test

#endif
