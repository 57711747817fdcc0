#ifndef DDBEXPORT_OUTPUT_HPP
#define DDBEXPORT_OUTPUT_HPP

#include <concepts>
#include <cstddef>
#include <cstring>
#include <iterator>
#include <span>
#include <string_view>
#include <type_traits>

namespace ddbexport {

/// Where ddbexport writes text (wire bodies, messages). Anything with
/// `write(std::string_view)` qualifies; the adapters below cover buffers,
/// containers and output iterators.
template <class T>
concept text_output = requires(T& out, std::string_view text) { out.write(text); };

/// Writes into caller storage and never allocates. On overflow it keeps
/// counting so the caller learns the size it needs (`required()`).
class buffer_output {
 public:
  constexpr explicit buffer_output(std::span<char> buffer) noexcept : buffer_(buffer) {}

  constexpr void write(std::string_view text) noexcept {
    // The usual case, kept small so it inlines: the text fits, and a
    // literal's size is a constant there, so the copy becomes a few moves.
    if (!std::is_constant_evaluated() && text.size() <= room()) {
      if (!text.empty()) std::memcpy(buffer_.data() + used_, text.data(), text.size());
      used_ += text.size();
      return;
    }
    write_partly(text);
  }

  [[nodiscard]] constexpr bool overflowed() const noexcept { return used_ > buffer_.size(); }
  [[nodiscard]] constexpr std::size_t required() const noexcept { return used_; }
  /// What was written; empty-but-nonsense after overflow, so check `overflowed()` first.
  [[nodiscard]] constexpr std::string_view view() const noexcept {
    return {buffer_.data(), overflowed() ? buffer_.size() : used_};
  }

 private:
  [[nodiscard]] constexpr std::size_t room() const noexcept {
    return used_ < buffer_.size() ? buffer_.size() - used_ : 0;
  }
  /// What fits, and counts the rest (also the constant-evaluation path).
  constexpr void write_partly(std::string_view text) noexcept {
    const std::size_t n = text.size() <= room() ? text.size() : room();
    for (std::size_t i = 0; i < n; ++i) buffer_[used_ + i] = text[i];
    used_ += text.size();
  }

  std::span<char> buffer_;
  std::size_t used_ = 0;
};

/// Appends to any container with `append(const char*, size)` or `push_back(char)`,
/// e.g. std::string or std::vector<char>.
template <class Container>
class container_output {
 public:
  constexpr explicit container_output(Container& target) noexcept : target_(&target) {}

  constexpr void write(std::string_view text) {
    if constexpr (requires { target_->append(text.data(), text.size()); })
      target_->append(text.data(), text.size());
    else
      for (char c : text) target_->push_back(c);
  }

 private:
  Container* target_;
};

/// Writes through any output iterator of char.
template <std::output_iterator<char> It>
class iterator_output {
 public:
  constexpr explicit iterator_output(It it) noexcept : it_(it) {}
  constexpr void write(std::string_view text) {
    for (char c : text) *it_++ = c;
  }
  [[nodiscard]] constexpr It position() const noexcept { return it_; }

 private:
  It it_;
};

/// Counts bytes only: the size a body will take, with no storage.
class counting_output {
 public:
  constexpr void write(std::string_view text) noexcept { size_ += text.size(); }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }

 private:
  std::size_t size_ = 0;
};

}  // namespace ddbexport

#endif
