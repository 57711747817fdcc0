// Streams a data file into the verifier with zlib as the inflater: the
// library frames the gzip member itself and hands back the raw deflate bytes,
// which zlib (windowBits -15, no gzip header of its own) turns into content.
// One pass: each stored chunk feeds MD5, the ETag and the inflater together.
#ifndef DDBEXPORT_TESTS_EXAMPLES_VERIFY_ZLIB_FEED_HPP
#define DDBEXPORT_TESTS_EXAMPLES_VERIFY_ZLIB_FEED_HPP

#include <zlib.h>

#include <array>
#include <cstdint>
#include <string_view>

#include "ddbexport/artifacts/verify.hpp"

namespace ddbexport_verify {

class zlib_feed {
 public:
  explicit zlib_feed(ddbexport::artifacts::data_file_feed& feed) : feed_(&feed) {
    ok_ = inflateInit2(&z_, -MAX_WBITS) == Z_OK;
  }
  zlib_feed(const zlib_feed&) = delete;
  zlib_feed& operator=(const zlib_feed&) = delete;
  ~zlib_feed() {
    if (ok_) inflateEnd(&z_);
  }

  /// The next stored bytes of the object.
  void stored(std::string_view chunk) {
    const std::string_view payload = feed_->stored(chunk);
    if (!ok_ || state_ != state::running) return;
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(payload.data()));
    z_.avail_in = static_cast<uInt>(payload.size());
    while (z_.avail_in > 0 && state_ == state::running) {
      z_.next_out = reinterpret_cast<Bytef*>(out_.data());
      z_.avail_out = static_cast<uInt>(out_.size());
      const std::uint64_t before = z_.total_in;
      const int rc = inflate(&z_, Z_NO_FLUSH);
      if (z_.avail_out != out_.size()) feed_->content(std::string_view{out_.data(), out_.size() - z_.avail_out});
      if (rc == Z_STREAM_END) {
        state_ = state::ended;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        state_ = state::failed;
        failed_at_ = z_.total_in;
      } else if (rc == Z_BUF_ERROR && z_.total_in == before && z_.avail_out != 0) {
        break;  // needs more input
      }
    }
  }

  /// No more stored bytes: how the inflater ended.
  void finish() {
    if (!ok_) return feed_->end({ddbexport::artifacts::inflate_end::not_inflated, 0});
    // Output zlib still holds (it never holds any without input here, but be sure).
    if (state_ == state::running) {
      z_.next_in = nullptr;
      z_.avail_in = 0;
      for (;;) {
        z_.next_out = reinterpret_cast<Bytef*>(out_.data());
        z_.avail_out = static_cast<uInt>(out_.size());
        const int rc = inflate(&z_, Z_NO_FLUSH);
        if (z_.avail_out != out_.size()) feed_->content(std::string_view{out_.data(), out_.size() - z_.avail_out});
        if (rc == Z_STREAM_END) state_ = state::ended;
        if (rc != Z_OK || z_.avail_out != 0) break;
      }
    }
    using ddbexport::artifacts::inflate_end;
    switch (state_) {
      case state::ended: return feed_->end({inflate_end::complete, z_.total_in});
      case state::failed: return feed_->end({inflate_end::invalid, failed_at_});
      case state::running: return feed_->end({inflate_end::truncated, z_.total_in});
    }
  }

 private:
  enum class state { running, ended, failed };
  ddbexport::artifacts::data_file_feed* feed_;
  z_stream z_{};
  bool ok_ = false;
  state state_ = state::running;
  std::uint64_t failed_at_ = 0;
  std::array<char, 65536> out_{};
};

}  // namespace ddbexport_verify

#endif
