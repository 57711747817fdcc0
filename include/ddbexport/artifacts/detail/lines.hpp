#ifndef DDBEXPORT_ARTIFACTS_DETAIL_LINES_HPP
#define DDBEXPORT_ARTIFACTS_DETAIL_LINES_HPP

/// Lines as ARTIFACTS.md §1 defines them (split at LF; the empty segment
/// after a final LF is not a line), found in a text that arrives in chunks:
/// manifest-files.json whole, or a data file's content as the inflater yields
/// it. Memory: at most `cap` bytes of the current line; a line within one
/// chunk is handed out as a view of it, without a copy. Each line comes with
/// what the framing rules need: blank, CR, UTF-8, LF at the end.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace ddbexport::artifacts::detail {

struct line_info {
  std::uint64_t number = 0;  ///< 1-based, blank lines included
  std::uint64_t offset = 0;  ///< of the line's first byte in the text
  std::uint64_t size = 0;    ///< bytes before the LF
  bool terminated = false;   ///< followed by LF
  bool blank = true;         ///< empty, or only SP, HT and CR
  bool has_cr = false;
  std::uint64_t cr_offset = 0;  ///< the first CR, in the text
  bool utf8 = true;
  std::uint64_t bad_utf8_offset = 0;  ///< the start of the first ill-formed sequence
  bool complete = true;               ///< every byte is in the view (size <= cap)
};

/// RFC 3629 UTF-8, one byte at a time (a sequence may span chunks).
class utf8_checker {
 public:
  /// False at the first byte that makes the text ill-formed.
  constexpr bool feed(std::uint8_t b) noexcept {
    if (need_ != 0) {
      if (b < lo_ || b > hi_) return false;
      --need_;
      lo_ = 0x80;
      hi_ = 0xBF;
      return true;
    }
    if (b < 0x80) return true;
    if (b >= 0xC2 && b <= 0xDF) return expect(1, 0x80, 0xBF);
    if (b == 0xE0) return expect(2, 0xA0, 0xBF);
    if (b == 0xED) return expect(2, 0x80, 0x9F);
    if (b >= 0xE1 && b <= 0xEF) return expect(2, 0x80, 0xBF);
    if (b == 0xF0) return expect(3, 0x90, 0xBF);
    if (b >= 0xF1 && b <= 0xF3) return expect(3, 0x80, 0xBF);
    if (b == 0xF4) return expect(3, 0x80, 0x8F);
    return false;
  }
  [[nodiscard]] constexpr bool mid_sequence() const noexcept { return need_ != 0; }
  constexpr void reset() noexcept { *this = utf8_checker{}; }

 private:
  constexpr bool expect(std::uint8_t need, std::uint8_t lo, std::uint8_t hi) noexcept {
    need_ = need;
    lo_ = lo;
    hi_ = hi;
    return true;
  }
  std::uint8_t need_ = 0;
  std::uint8_t lo_ = 0x80;
  std::uint8_t hi_ = 0xBF;
};

class line_splitter {
 public:
  explicit line_splitter(std::size_t cap) : cap_(cap) {}

  /// Feeds the next bytes; calls on_line(bytes, info) for each line that ends in them.
  template <class F>
  void feed(std::string_view chunk, F&& on_line) {
    while (!chunk.empty()) {
      const void* lf = std::memchr(chunk.data(), '\n', chunk.size());
      const std::size_t take = lf == nullptr ? chunk.size() : static_cast<std::size_t>(static_cast<const char*>(lf) - chunk.data());
      const std::string_view part = chunk.substr(0, take);
      // The whole line is in this chunk when nothing of it came before.
      const bool direct = !started_;
      scan(part);
      if (lf == nullptr) {
        keep(part);
        return;
      }
      if (!direct) keep(part);
      info_.terminated = true;
      end_line(direct ? part : std::string_view{held_}, on_line);
      offset_ += 1;  // the LF
      chunk.remove_prefix(take + 1);
    }
  }

  /// Ends the text: the last line, when it does not end with LF.
  template <class F>
  void finish(F&& on_line) {
    if (!started_) return;
    info_.terminated = false;
    end_line(std::string_view{held_}, on_line);
  }

  [[nodiscard]] std::uint64_t lines() const noexcept { return number_; }
  [[nodiscard]] std::uint64_t size() const noexcept { return offset_; }
  /// Bytes of an unfinished line, kept so far (at most the cap).
  [[nodiscard]] bool pending() const noexcept { return started_; }

 private:
  /// Notes what the framing rules ask about `part`, the next bytes of the current line.
  void scan(std::string_view part) noexcept {
    if (!started_ && part.empty()) return;
    if (!started_) begin_line();
    for (std::size_t i = 0; i < part.size();) {
      const auto b = static_cast<std::uint8_t>(part[i]);
      // Fast path: eight ASCII bytes that are neither CR nor blank-breaking
      // matter only for blankness, which the first of them already decided.
      if (!info_.blank && !utf8_.mid_sequence() && i + 8 <= part.size()) {
        std::uint64_t w;
        std::memcpy(&w, part.data() + i, 8);
        constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
        const std::uint64_t x = w ^ (ones * '\r');
        if (((w & highs) | ((x - ones) & ~x & highs)) == 0) {
          i += 8;
          continue;
        }
      }
      const std::uint64_t at = offset_ + i;
      if (b == '\r' && !info_.has_cr) {
        info_.has_cr = true;
        info_.cr_offset = at;
      }
      if (b != ' ' && b != '\t' && b != '\r') info_.blank = false;
      if (info_.utf8) {
        // A byte that breaks a sequence makes that sequence the ill-formed one.
        if (!utf8_.mid_sequence()) sequence_start_ = at;
        if (!utf8_.feed(b)) {
          info_.utf8 = false;
          info_.bad_utf8_offset = sequence_start_;
        }
      }
      ++i;
    }
    offset_ += part.size();
    info_.size += part.size();
  }

  void begin_line() noexcept {
    started_ = true;
    info_ = line_info{};
    info_.number = number_ + 1;
    info_.offset = offset_;
    utf8_.reset();
    held_.clear();
  }

  void keep(std::string_view part) {
    if (!started_) return;
    const std::size_t room = held_.size() < cap_ ? cap_ - held_.size() : 0;
    held_.append(part.substr(0, room));
  }

  template <class F>
  void end_line(std::string_view bytes, F& on_line) {
    if (!started_) begin_line();
    if (info_.utf8 && utf8_.mid_sequence()) {
      info_.utf8 = false;
      info_.bad_utf8_offset = sequence_start_;
    }
    info_.complete = info_.size <= cap_;
    ++number_;
    started_ = false;
    on_line(bytes.substr(0, cap_ < bytes.size() ? cap_ : bytes.size()), static_cast<const line_info&>(info_));
    held_.clear();
  }

  std::size_t cap_;
  std::string held_;
  line_info info_{};
  utf8_checker utf8_;
  std::uint64_t sequence_start_ = 0;
  std::uint64_t offset_ = 0;
  std::uint64_t number_ = 0;
  bool started_ = false;
};

}  // namespace ddbexport::artifacts::detail

#endif
