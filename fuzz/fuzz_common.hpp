#ifndef DDBEXPORT_FUZZ_COMMON_HPP
#define DDBEXPORT_FUZZ_COMMON_HPP

// Shared helpers of the fuzz targets (fmt's fuzzer-common.h plays this role):
// a check that aborts (libFuzzer and the replay main both report an abort as
// a finding), byte/text views, a FuzzedDataProvider (LLVM's where the
// compiler ships it, else a compatible subset so g++ builds run the same
// corpus the same way), and owned bodies for the round-trip oracles.

#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

#include "ddbexport/ddbexport.hpp"
#include "support/fixtures.hpp"

#if __has_include(<fuzzer/FuzzedDataProvider.h>)
#include <fuzzer/FuzzedDataProvider.h>
#else
/// The subset of LLVM's FuzzedDataProvider the targets use, with the same
/// byte consumption: integers come from the end of the data, text from the front.
class FuzzedDataProvider {
 public:
  FuzzedDataProvider(const std::uint8_t* data, std::size_t size) : data_(data), remaining_(size) {}

  template <class T>
  T ConsumeIntegralInRange(T min, T max) {
    static_assert(std::is_integral_v<T>);
    if (min > max) std::abort();
    const std::uint64_t range = static_cast<std::uint64_t>(max) - static_cast<std::uint64_t>(min);
    std::uint64_t result = 0;
    std::size_t offset = 0;
    while (offset < sizeof(T) * CHAR_BIT && (range >> offset) > 0 && remaining_ != 0) {
      --remaining_;
      result = (result << CHAR_BIT) | data_[remaining_];
      offset += CHAR_BIT;
    }
    if (range != std::numeric_limits<std::uint64_t>::max()) result = result % (range + 1);
    return static_cast<T>(static_cast<std::uint64_t>(min) + result);
  }
  template <class T>
  T ConsumeIntegral() {
    return ConsumeIntegralInRange(std::numeric_limits<T>::min(), std::numeric_limits<T>::max());
  }
  bool ConsumeBool() { return (ConsumeIntegral<std::uint8_t>() & 1) != 0; }
  std::string ConsumeRandomLengthString(std::size_t max_length) {
    std::string result;
    for (std::size_t i = 0; i < max_length && remaining_ != 0; ++i) {
      char next = static_cast<char>(data_[0]);
      advance(1);
      if (next == '\\' && remaining_ != 0) {
        next = static_cast<char>(data_[0]);
        advance(1);
        if (next != '\\') break;
      }
      result += next;
    }
    return result;
  }
  std::string ConsumeRemainingBytesAsString() {
    std::string result(reinterpret_cast<const char*>(data_), remaining_);
    advance(remaining_);
    return result;
  }
  [[nodiscard]] std::size_t remaining_bytes() const { return remaining_; }

 private:
  void advance(std::size_t n) {
    data_ += n;
    remaining_ -= n;
  }
  const std::uint8_t* data_;
  std::size_t remaining_;
};
#endif

/// Aborts with a message when a property of a target fails.
#define DDBEXPORT_FUZZ_CHECK(condition)                                                          \
  do {                                                                                           \
    if (!(condition)) {                                                                          \
      std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #condition);    \
      std::abort();                                                                              \
    }                                                                                            \
  } while (false)

namespace ddbexport::fuzz {

[[nodiscard]] inline std::string_view as_text(const std::uint8_t* data, std::size_t size) noexcept {
  return {reinterpret_cast<const char*>(data), size};
}

template <class F>
[[nodiscard]] std::string write_to_string(F&& write) {
  std::string text;
  container_output out{text};
  write(out);
  return text;
}

/// Every bound a stage-D diagnostic must respect, whatever the input.
inline void check_read_error(const diagnostic& d, std::string_view body) {
  DDBEXPORT_FUZZ_CHECK(info(d.rule).stage == stage::deserialize);
  DDBEXPORT_FUZZ_CHECK(d.offset <= body.size());
  DDBEXPORT_FUZZ_CHECK(!to_string(d.rule).empty());
  // The message renders without touching freed or foreign memory.
  const std::string message = write_to_string([&](auto& out) { write_message(d, out); });
  DDBEXPORT_FUZZ_CHECK(!message.empty());
}

/// A read value together with the storage it views.
template <class T>
struct owned_read {
  explicit owned_read(std::string_view text) : body(text), storage(std::make_unique<json::owning_arena>(text.size())) {}
  std::string body;
  std::unique_ptr<json::owning_arena> storage;
  T value{};
  json::read_result result{};
};

/// Limits that let any input the fuzzer makes be read (the default 1 MiB
/// body cap is exercised by the hostile-input tests instead).
inline constexpr json::read_limits fuzz_limits{.max_body_bytes = std::size_t{64} << 20};

/// The time the targets' contexts and values are built around: the fixtures' `now`.
inline constexpr timestamp sample_now = test::now;

}  // namespace ddbexport::fuzz

#endif
