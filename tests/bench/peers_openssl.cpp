// Peer of item 5: OpenSSL's MD5 through the EVP interface (MD5() itself is
// deprecated in OpenSSL 3), the digest fetched once and the context reused,
// as a program hashing many buffers would. At set-up both digests of every
// buffer must agree, or the run stops.

#include <openssl/evp.h>

#include <array>
#include <cstring>
#include <string>

#include "bench_common.hpp"

namespace ddbexport::bench {
namespace {

struct openssl_md5 {
  EVP_MD* md = EVP_MD_fetch(nullptr, "MD5", nullptr);
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  openssl_md5() {
    if (md == nullptr || ctx == nullptr) setup_failure("OpenSSL has no MD5 (EVP_MD_fetch)");
  }
  openssl_md5(const openssl_md5&) = delete;
  openssl_md5& operator=(const openssl_md5&) = delete;
  ~openssl_md5() {
    EVP_MD_CTX_free(ctx);
    EVP_MD_free(md);
  }
  std::array<unsigned char, 16> operator()(const std::string& bytes) const {
    std::array<unsigned char, 16> out{};
    unsigned int size = 0;
    EVP_DigestInit_ex(ctx, md, nullptr);
    EVP_DigestUpdate(ctx, bytes.data(), bytes.size());
    EVP_DigestFinal_ex(ctx, out.data(), &size);
    return out;
  }
};

openssl_md5& hasher() {
  static openssl_md5 h;
  return h;
}

}  // namespace

void register_openssl_peers() {
  for (const auto& b : md5_buffers()) {
    const auto theirs = hasher()(b.bytes);
    const auto ours = artifacts::md5_of(b.bytes);
    if (std::memcmp(theirs.data(), ours.data(), ours.size()) != 0) setup_failure("OpenSSL's MD5 differs from ddbexport's");
  }
  register_md5("openssl", [](const std::string& bytes) { return hasher()(bytes); });
}

}  // namespace ddbexport::bench
