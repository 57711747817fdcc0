#ifndef DDBEXPORT_JSON_ARENA_HPP
#define DDBEXPORT_JSON_ARENA_HPP

/// Storage for what the reader cannot view in the body: unescaped strings,
/// decoded base64, map entries, AttributeValue nodes and the index it uses to
/// find duplicate keys. The reader never allocates; it takes an arena over a
/// caller's buffer and reports W-LIMIT when the buffer runs out.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <span>
#include <type_traits>

#include "ddbexport/fwd.hpp"

namespace ddbexport::detail {
// Base-from-member: the buffer must exist before the arena base is built over it.
struct owned_bytes {
  std::unique_ptr<std::byte[]> bytes;
};
}  // namespace ddbexport::detail

namespace ddbexport::json {

/// A buffer that always suffices for a body of `body_size` bytes. Worst cases
/// per body byte: a list of `{"S":""}` (9 bytes each) keeps one 80-byte node
/// and stages another while its list is open (~18 B); a body made only of
/// names fills the duplicate-key index (16-byte slots, at most half full,
/// grown by doubling: ~26 B); unescaped text at most 1 B. A body is one mix or
/// the other, so 32 B per byte covers it. Untouched pages cost nothing on
/// common systems, and typical requests use a small part of it.
[[nodiscard]] constexpr std::size_t storage_bytes_for(std::size_t body_size) noexcept {
  return body_size * 32 + 1024;
}

/// Two stacks in one caller buffer: kept data grows up from the start and is
/// what the parsed value points into; staged data (elements of an array or map
/// still being read, whose count is not known yet) grows down from the end
/// and is moved to the kept side when its container closes.
class arena {
 public:
  constexpr arena() noexcept = default;
  explicit arena(std::span<std::byte> buffer) noexcept { assign(buffer); }
  explicit arena(std::span<char> buffer) noexcept : arena(std::as_writable_bytes(buffer)) {}

  /// Forgets everything: views into earlier results dangle afterwards.
  void reset() noexcept {
    kept_ = begin_;
    staged_ = end_;
  }
  [[nodiscard]] std::size_t capacity() const noexcept { return static_cast<std::size_t>(end_ - begin_); }
  [[nodiscard]] std::size_t used() const noexcept {
    return static_cast<std::size_t>(kept_ - begin_) + static_cast<std::size_t>(end_ - staged_);
  }

  // ---- for readers (and input-format plug-ins) ----------------------------

  /// `size` bytes of text on the kept side, or nullptr when full.
  [[nodiscard]] char* keep_text(std::size_t size) noexcept {
    if (size > free_bytes()) return nullptr;
    char* p = reinterpret_cast<char*>(kept_);
    kept_ += size;
    return p;
  }
  /// Gives back the unused tail of the latest keep_text block.
  void shrink_text(char* block, std::size_t old_size, std::size_t new_size) noexcept {
    if (reinterpret_cast<std::byte*>(block) + old_size == kept_) kept_ -= old_size - new_size;
  }

  /// Raw kept storage for `count` objects of T, aligned, or nullptr when full.
  template <class T>
  [[nodiscard]] T* keep_uninitialized(std::size_t count) noexcept {
    const std::size_t pad = (alignof(T) - reinterpret_cast<std::uintptr_t>(kept_) % alignof(T)) % alignof(T);
    if (pad > free_bytes() || count > (free_bytes() - pad) / sizeof(T)) return nullptr;
    kept_ += pad;
    T* p = reinterpret_cast<T*>(kept_);
    kept_ += count * sizeof(T);
    return p;
  }

  /// Where the staged stack is now; elements staged after it belong to the
  /// container being read.
  [[nodiscard]] std::byte* stage_mark() const noexcept { return staged_; }

  /// Stages one element; false when full.
  template <class T>
  [[nodiscard]] bool stage(const T& value) noexcept {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
    static_assert(sizeof(T) % alignof(T) == 0 && alignof(T) <= alignof(std::max_align_t));
    if (sizeof(T) > free_bytes()) return false;
    staged_ -= sizeof(T);
    ::new (static_cast<void*>(staged_)) T(value);
    return true;
  }

  /// Moves the `count` elements staged since `mark` to the kept side, in the
  /// order they were staged, and unstages them. Returns the kept array
  /// (nullptr for count 0); `ok` is false when the kept side is full.
  template <class T>
  [[nodiscard]] const T* keep_staged(std::byte* mark, std::size_t count, bool& ok) noexcept {
    ok = true;
    if (count == 0) {
      staged_ = mark;
      return nullptr;
    }
    T* out = keep_uninitialized<T>(count);
    if (out == nullptr) {
      ok = false;
      return nullptr;
    }
    // Staging grows downward, so the first staged element sits just below the mark.
    for (std::size_t i = 0; i < count; ++i)
      ::new (static_cast<void*>(out + i)) T(*std::launder(reinterpret_cast<const T*>(mark - (i + 1) * sizeof(T))));
    staged_ = mark;
    return out;
  }

  /// Drops what was staged since `mark` (a container abandoned after an error).
  void unstage(std::byte* mark) noexcept { staged_ = mark; }

 private:
  void assign(std::span<std::byte> buffer) noexcept {
    begin_ = buffer.data();
    // Align the staging end so staged nodes are aligned without per-element padding.
    const auto end_address = reinterpret_cast<std::uintptr_t>(buffer.data() + buffer.size());
    const std::size_t trim = end_address % alignof(std::max_align_t);
    end_ = buffer.size() >= trim ? buffer.data() + (buffer.size() - trim) : buffer.data();
    reset();
  }
  [[nodiscard]] std::size_t free_bytes() const noexcept { return static_cast<std::size_t>(staged_ - kept_); }

  std::byte* begin_ = nullptr;
  std::byte* end_ = nullptr;
  std::byte* kept_ = nullptr;
  std::byte* staged_ = nullptr;
};

/// An arena that owns a buffer sized by storage_bytes_for(body_size): reading
/// a body of at most that size never runs out. The allocation happens here,
/// in the constructor, never inside a read.
class owning_arena : private detail::owned_bytes, public arena {
 public:
  explicit owning_arena(std::size_t body_size)
      : detail::owned_bytes{std::unique_ptr<std::byte[]>(new std::byte[storage_bytes_for(body_size)])},
        arena(std::span<std::byte>{bytes.get(), storage_bytes_for(body_size)}) {}
};

}  // namespace ddbexport::json

#endif
