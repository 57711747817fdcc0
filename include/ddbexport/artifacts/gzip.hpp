#ifndef DDBEXPORT_ARTIFACTS_GZIP_HPP
#define DDBEXPORT_ARTIFACTS_GZIP_HPP

/// The gzip member around a data file (ARTIFACTS.md §6.1, RFC 1952): the
/// framing only. The library has no inflater: a reader parses the header and
/// trailer itself and hands the deflate bytes to the caller's raw inflater,
/// which reports back how it ended; a writer frames stored blocks itself, or
/// frames a caller's raw deflate stream with header() and the trailer.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "ddbexport/detail/crc32.hpp"
#include "ddbexport/output.hpp"

namespace ddbexport::artifacts {

/// deflate, no flags, MTIME 0, XFL 0, OS 255: what DynamoDB writes.
inline constexpr std::string_view gzip_header{"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10};
/// An empty partition's file: the header, an empty final fixed-Huffman block, CRC-32 0, ISIZE 0.
inline constexpr std::string_view empty_gzip_member{"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff\x03\x00\0\0\0\0\0\0\0\0", 20};
inline constexpr std::size_t max_stored_block = 65535;

namespace detail {
template <text_output Out>
constexpr void write_le32(Out& out, std::uint32_t v) {
  const char bytes[4] = {static_cast<char>(v & 0xFF), static_cast<char>((v >> 8) & 0xFF),
                         static_cast<char>((v >> 16) & 0xFF), static_cast<char>((v >> 24) & 0xFF)};
  out.write(std::string_view{bytes, 4});
}
}  // namespace detail

/// CRC-32 and ISIZE (length mod 2^32), little-endian.
template <text_output Out>
constexpr void write_gzip_trailer(Out& out, std::uint32_t crc, std::uint64_t content_size) {
  detail::write_le32(out, crc);
  detail::write_le32(out, static_cast<std::uint32_t>(content_size & 0xFFFFFFFFu));
}

/// Streams content into a gzip member of stored blocks (the golden form of
/// §11.3): reproducible whatever deflater a reader has. A block is written
/// only once a byte beyond it arrives, so the last block carries BFINAL and
/// no empty block trails; empty content gives the 20-byte empty member.
template <text_output Out>
class gzip_stored_writer {
 public:
  constexpr explicit gzip_stored_writer(Out& out) : out_(&out) { out_->write(gzip_header); }

  constexpr void write(std::string_view content) {
    while (!content.empty()) {
      if (used_ == max_stored_block) emit(false);
      const std::size_t take = content.size() < max_stored_block - used_ ? content.size() : max_stored_block - used_;
      for (std::size_t i = 0; i < take; ++i) block_[used_ + i] = content[i];
      crc_ = ddbexport::detail::crc32_update(crc_, content.substr(0, take));
      used_ += take;
      size_ += take;
      content.remove_prefix(take);
    }
  }

  constexpr void finish() {
    if (size_ == 0)
      out_->write(std::string_view{"\x03\x00", 2});
    else
      emit(true);
    write_gzip_trailer(*out_, crc_, size_);
  }

 private:
  constexpr void emit(bool last) {
    const auto len = static_cast<std::uint16_t>(used_);
    const auto nlen = static_cast<std::uint16_t>(~len);
    const char head[5] = {static_cast<char>(last ? 1 : 0), static_cast<char>(len & 0xFF), static_cast<char>(len >> 8),
                          static_cast<char>(nlen & 0xFF), static_cast<char>(nlen >> 8)};
    out_->write(std::string_view{head, 5});
    out_->write(std::string_view{block_.data(), used_});
    used_ = 0;
  }

  Out* out_;
  std::array<char, max_stored_block> block_{};
  std::size_t used_ = 0;
  std::uint64_t size_ = 0;
  std::uint32_t crc_ = 0;
};

/// One-shot form of gzip_stored_writer.
template <text_output Out>
constexpr void write_gzip_stored(std::string_view content, Out& out) {
  gzip_stored_writer<Out> w{out};
  w.write(content);
  w.finish();
}

/// How the caller's inflater ended on the deflate bytes it was given.
enum class inflate_end : std::uint8_t {
  not_inflated,  ///< no inflater and no content: only the header is checked
  content_only,  ///< content supplied without an inflater: the trailer is the last 8 bytes
  complete,      ///< the deflate stream ended properly after `deflate_bytes`
  invalid,       ///< the deflate stream is invalid at `deflate_bytes`
  truncated,     ///< the bytes ran out before the stream ended
};

struct inflate_outcome {
  inflate_end end = inflate_end::not_inflated;
  /// complete: bytes the deflate stream took; invalid: where it failed, in the
  /// deflate bytes handed out; otherwise unused.
  std::uint64_t deflate_bytes = 0;
};

struct gzip_problem {
  std::uint64_t offset = 0;  ///< in the stored bytes
  std::string_view why{};
};

/// Checks one gzip member as its stored bytes stream past (§6.1 reader,
/// A-GZIP): the header as soon as it is complete, the trailer at the end
/// against the content's CRC-32 and length. Memory: a few counters and the
/// last 8 bytes.
class gzip_member_check {
 public:
  /// Feeds the next stored bytes; returns the part of them that follows the
  /// header, for the inflater (empty while the header is incomplete or bad).
  constexpr std::string_view stored(std::string_view chunk) noexcept {
    const std::uint64_t chunk_start = total_;
    total_ += chunk.size();
    remember_tail(chunk);
    std::size_t i = 0;
    for (; state_ != header_state::done && state_ != header_state::failed && i < chunk.size(); ++i)
      header_byte(static_cast<std::uint8_t>(chunk[i]), chunk_start + i);
    return state_ == header_state::done ? chunk.substr(i) : std::string_view{};
  }

  /// The decompressed bytes, in order.
  constexpr void content(std::string_view bytes) noexcept {
    crc_ = ddbexport::detail::crc32_update(crc_, bytes);
    content_size_ += bytes.size();
  }

  /// A header problem as soon as it is known (lines are then not checked).
  [[nodiscard]] constexpr std::optional<gzip_problem> header_problem() const noexcept {
    if (state_ == header_state::failed) return problem_;
    return std::nullopt;
  }
  [[nodiscard]] constexpr bool header_complete() const noexcept { return state_ == header_state::done; }
  [[nodiscard]] constexpr std::uint64_t stored_size() const noexcept { return total_; }

  /// The verdict once every stored byte was fed and the inflater ended.
  [[nodiscard]] constexpr std::optional<gzip_problem> finish(const inflate_outcome& outcome) const noexcept {
    if (state_ == header_state::failed) return problem_;
    if (state_ != header_state::done) return gzip_problem{total_, total_ == 0 ? "the object is empty" : "the header is cut short"};
    switch (outcome.end) {
      case inflate_end::not_inflated: return std::nullopt;
      case inflate_end::invalid: return gzip_problem{header_size_ + outcome.deflate_bytes, "the deflate stream is invalid"};
      case inflate_end::truncated: return gzip_problem{total_, "the deflate stream is cut short"};
      case inflate_end::content_only:
        if (total_ < header_size_ + 8) return gzip_problem{total_, "the trailer is cut short"};
        return trailer_problem(total_ - 8);
      case inflate_end::complete: {
        const std::uint64_t trailer_at = header_size_ + outcome.deflate_bytes;
        if (trailer_at > total_ || total_ - trailer_at < 8) return gzip_problem{total_, "the trailer is cut short"};
        if (total_ - trailer_at > 8) return gzip_problem{trailer_at + 8, "bytes follow the trailer"};
        return trailer_problem(trailer_at);
      }
    }
    return std::nullopt;
  }

 private:
  enum class header_state : std::uint8_t { fixed, extra_length, extra, name, comment, header_crc, done, failed };

  static constexpr std::uint8_t flag_hcrc = 0x02, flag_extra = 0x04, flag_name = 0x08, flag_comment = 0x10;

  constexpr void remember_tail(std::string_view chunk) noexcept {
    for (char c : chunk.substr(chunk.size() > 8 ? chunk.size() - 8 : 0)) {
      tail_[tail_at_ % 8] = static_cast<std::uint8_t>(c);
      ++tail_at_;
    }
  }
  /// Byte `k` of the last 8 stored bytes (0 = the oldest).
  [[nodiscard]] constexpr std::uint8_t tail(std::size_t k) const noexcept { return tail_[(tail_at_ + k) % 8]; }

  [[nodiscard]] constexpr std::optional<gzip_problem> trailer_problem(std::uint64_t trailer_at) const noexcept {
    // The trailer is the last 8 stored bytes in both cases that reach here.
    const auto le32 = [&](std::size_t from) {
      return static_cast<std::uint32_t>(tail(from)) | static_cast<std::uint32_t>(tail(from + 1)) << 8 |
             static_cast<std::uint32_t>(tail(from + 2)) << 16 | static_cast<std::uint32_t>(tail(from + 3)) << 24;
    };
    if (le32(0) != crc_) return gzip_problem{trailer_at, "the trailer's CRC-32 differs from the content's"};
    if (le32(4) != static_cast<std::uint32_t>(content_size_ & 0xFFFFFFFFu))
      return gzip_problem{trailer_at + 4, "the trailer's ISIZE differs from the content's length"};
    return std::nullopt;
  }

  constexpr void fail(std::uint64_t at, std::string_view why) noexcept {
    state_ = header_state::failed;
    problem_ = {at, why};
  }

  /// Moves past an optional field once it is complete, to the next one the flags ask for.
  constexpr void next_field() noexcept {
    if (state_ < header_state::extra_length && (flags_ & flag_extra) != 0) {
      state_ = header_state::extra_length;
    } else if (state_ < header_state::name && (flags_ & flag_name) != 0) {
      state_ = header_state::name;
    } else if (state_ < header_state::comment && (flags_ & flag_comment) != 0) {
      state_ = header_state::comment;
    } else if (state_ < header_state::header_crc && (flags_ & flag_hcrc) != 0) {
      state_ = header_state::header_crc;
    } else {
      state_ = header_state::done;
      header_size_ = total_seen_;
    }
    field_bytes_ = 0;
  }

  constexpr void header_byte(std::uint8_t b, std::uint64_t at) noexcept {
    total_seen_ = at + 1;
    switch (state_) {
      case header_state::fixed:
        if ((at == 0 && b != 0x1f) || (at == 1 && b != 0x8b)) return fail(at, "it does not start with 1f 8b");
        if (at == 2 && b != 8) return fail(at, "the compression method is not deflate");
        if (at == 3) {
          if ((b & 0xE0) != 0) return fail(at, "reserved flag bits are set");
          flags_ = b;
        }
        if (at == 9) next_field();
        return;
      case header_state::extra_length:
        extra_left_ |= static_cast<std::uint32_t>(b) << (8 * field_bytes_);
        if (++field_bytes_ == 2) {
          state_ = header_state::extra;
          field_bytes_ = 0;
          if (extra_left_ == 0) next_field();
        }
        return;
      case header_state::extra:
        if (--extra_left_ == 0) next_field();
        return;
      case header_state::name:
      case header_state::comment:
        if (b == 0) next_field();
        return;
      case header_state::header_crc:
        if (++field_bytes_ == 2) next_field();
        return;
      case header_state::done:
      case header_state::failed: return;
    }
  }

  header_state state_ = header_state::fixed;
  std::uint8_t flags_ = 0;
  std::uint32_t field_bytes_ = 0;
  std::uint32_t extra_left_ = 0;
  std::uint64_t total_seen_ = 0;
  std::uint64_t header_size_ = 0;
  std::uint64_t total_ = 0;
  gzip_problem problem_{};
  std::array<std::uint8_t, 8> tail_{};
  std::uint64_t tail_at_ = 0;
  std::uint32_t crc_ = 0;
  std::uint64_t content_size_ = 0;
};

}  // namespace ddbexport::artifacts

#endif
