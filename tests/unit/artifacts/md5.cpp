// MD5 against RFC 1321's test suite (Appendix A.5), in constant evaluation and
// at run time, whole and fed in pieces; base64 and hex forms of ARTIFACTS.md §5.
#include "ddbexport/artifacts/md5.hpp"

#include <doctest/doctest.h>

#include <array>
#include <string>
#include <string_view>

namespace {
using namespace ddbexport::artifacts;

struct vector {
  std::string_view input;
  std::string_view hex;
};

constexpr std::array<vector, 7> rfc1321 = {{
    {"", "d41d8cd98f00b204e9800998ecf8427e"},
    {"a", "0cc175b9c0f1b6a831c399e269772661"},
    {"abc", "900150983cd24fb0d6963f7d28e17f72"},
    {"message digest", "f96b697d7cb7938d525a2f31aaf161d0"},
    {"abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"},
    {"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"},
    {"12345678901234567890123456789012345678901234567890123456789012345678901234567890",
     "57edf4a22be3c955ac49da2e2107b67a"},
}};

constexpr bool all_vectors_hold() {
  for (const auto& v : rfc1321)
    if (to_hex(md5_of(v.input)).view() != v.hex) return false;
  return true;
}
static_assert(all_vectors_hold(), "RFC 1321 A.5 in constant evaluation");

// Incremental in constant evaluation: every split of the longest vector.
constexpr bool splits_hold() {
  const auto& v = rfc1321[6];
  for (std::size_t cut = 0; cut <= v.input.size(); ++cut) {
    md5 h;
    h.update(v.input.substr(0, cut));
    h.update(v.input.substr(cut));
    if (to_hex(h.finish()).view() != v.hex) return false;
  }
  return true;
}
static_assert(splits_hold());
static_assert(parse_base64_md5("1B2M2Y8AsgTpgAmY7PhCfg==") == md5_of(""));

// A string the optimiser cannot see through, so the run-time path (word loads
// by memcpy straight from the caller's bytes) is what runs.
std::string runtime_copy(std::string_view s) {
  volatile char sink = 0;
  std::string out(s);
  for (char& c : out) {
    sink = c;
    c = sink;
  }
  return out;
}

TEST_CASE("MD5 matches RFC 1321's test suite at run time") {
  for (const auto& v : rfc1321) {
    const std::string input = runtime_copy(v.input);
    CAPTURE(v.input);
    CHECK(to_hex(md5_of(input)).view() == v.hex);
  }
}

TEST_CASE("MD5 fed in pieces equals the one-shot digest at every split and chunk size") {
  std::string data;
  for (int i = 0; i < 1000; ++i) data += static_cast<char>((i * 131 + 7) & 0xFF);
  const md5_digest whole = md5_of(data);
  for (std::size_t chunk = 1; chunk <= 130; ++chunk) {
    md5 h;
    for (std::size_t at = 0; at < data.size(); at += chunk) h.update(std::string_view{data}.substr(at, chunk));
    CAPTURE(chunk);
    CHECK(h.finish() == whole);
    CHECK(h.size() == data.size());
  }
  // Unaligned starts: the word loads must not assume alignment.
  for (std::size_t skip = 0; skip < 8; ++skip) {
    const std::string shifted = std::string(skip, 'x') + data;
    CHECK(md5_of(std::string_view{shifted}.substr(skip)) == whole);
  }
}

TEST_CASE("MD5 of lengths around the padding boundary (55, 56, 63, 64, 65 bytes) differ and are stable") {
  // Digests of "a" repeated n times, as Python's hashlib computes them.
  CHECK(to_hex(md5_of(std::string(55, 'a'))).view() == "ef1772b6dff9a122358552954ad0df65");
  CHECK(to_hex(md5_of(std::string(56, 'a'))).view() == "3b0c8ac703f828b04c6c197006d17218");
  CHECK(to_hex(md5_of(std::string(64, 'a'))).view() == "014842d480b571495a4a0363793f7367");
  CHECK(to_hex(md5_of(std::string(1'000'000, 'a'))).view() == "7707d6ae4e027c70eea2a935c2296f21");
}

TEST_CASE("finish() leaves the running digest usable") {
  md5 h;
  h.update("ab");
  CHECK(to_hex(h.finish()).view() == to_hex(md5_of("ab")).view());
  h.update("c");
  CHECK(to_hex(h.finish()).view() == "900150983cd24fb0d6963f7d28e17f72");
}

TEST_CASE("base64 md5 (b64md5) is 24 characters and parses back only in canonical form") {
  const auto d = md5_of("abc");
  CHECK(to_base64(d).view() == "kAFQmDzST7DWlj99KOF/cg==");
  CHECK(parse_base64_md5("kAFQmDzST7DWlj99KOF/cg==") == d);
  // The 22nd digit may only carry the digest's top two bits of byte 16.
  CHECK_FALSE(parse_base64_md5("kAFQmDzST7DWlj99KOF/ch=="));
  CHECK_FALSE(parse_base64_md5("kAFQmDzST7DWlj99KOF/cg="));
  CHECK_FALSE(parse_base64_md5("kAFQmDzST7DWlj99KOF/cg==\n"));
  CHECK_FALSE(parse_base64_md5("kAFQmDzST7DWlj99KOF_cg=="));
  CHECK_FALSE(parse_base64_md5("kAFQmDzST7DWlj99KOF/cgA="));
  CHECK_FALSE(parse_base64_md5(""));
  CHECK(digest_bytes(d).view().size() == 16);
  CHECK(static_cast<unsigned char>(digest_bytes(d).view()[0]) == 0x90);
}
}  // namespace
