#ifndef DDBEXPORT_ARTIFACTS_ETAG_HPP
#define DDBEXPORT_ARTIFACTS_ETAG_HPP

/// S3 ETags of data files (ARTIFACTS.md §5.3): the two forms, quote
/// stripping, computing them from the stored bytes in one pass (whole-object
/// MD5 and, given a part size, the part MD5s), and the verdict that tells
/// verified, mismatch and unverifiable apart.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ddbexport/artifacts/md5.hpp"
#include "ddbexport/detail/ascii.hpp"

namespace ddbexport::artifacts {

/// S3's multipart limit, and so the largest N of a `-N` ETag.
inline constexpr std::uint32_t max_etag_parts = 10000;

/// Removes exactly one pair of surrounding `"` (RFC 9110 quoting), if present.
[[nodiscard]] constexpr std::string_view strip_etag_quotes(std::string_view etag) noexcept {
  if (etag.size() >= 2 && etag.front() == '"' && etag.back() == '"') return etag.substr(1, etag.size() - 2);
  return etag;
}

/// A well-formed ETag: 32 lowercase hex digits, then for a multipart upload
/// `-N` with N in 1..10000 (`parts` 0 means single-part).
struct etag_form {
  std::string_view digest_hex;
  std::uint32_t parts = 0;
};

/// `^[0-9a-f]{32}$` or `^[0-9a-f]{32}-([1-9][0-9]{0,3}|10000)$`, after quote stripping (A-ETAG-FORM).
[[nodiscard]] constexpr std::optional<etag_form> parse_etag(std::string_view stripped) noexcept {
  if (stripped.size() < 32) return std::nullopt;
  for (std::size_t i = 0; i < 32; ++i)
    if (!ddbexport::detail::is_lower_hex(stripped[i])) return std::nullopt;
  etag_form form{stripped.substr(0, 32), 0};
  if (stripped.size() == 32) return form;
  const std::string_view count = stripped.substr(33);
  if (stripped[32] != '-' || count.empty() || count.size() > 5 || count[0] == '0') return std::nullopt;
  std::uint32_t n = 0;
  for (char c : count) {
    if (!ddbexport::detail::is_digit(c)) return std::nullopt;
    n = n * 10 + static_cast<std::uint32_t>(c - '0');
  }
  if (n > max_etag_parts) return std::nullopt;
  form.parts = n;
  return form;
}

/// hex(md5(md5(P1) ‖ … ‖ md5(PN))) + `-N`.
[[nodiscard]] inline std::string multipart_etag_text(const md5_digest& of_digests, std::uint64_t parts) {
  std::string text{to_hex(of_digests).view()};
  text += '-';
  text += std::to_string(parts);
  return text;
}

/// The ETag DynamoDB records (§5.3): one-part multipart, `hex(md5(md5(bytes)))-1`.
[[nodiscard]] inline std::string one_part_etag(const md5_digest& whole) {
  return multipart_etag_text(md5_of(digest_bytes(whole).view()), 1);
}

/// The digests of a stored object, fed once: the whole-object MD5 (which is
/// also md5Checksum and the single-part ETag) and, when a part size is known,
/// the MD5 of every part of that size, for a multipart ETag with N > 1.
class stored_digests {
 public:
  constexpr stored_digests() noexcept = default;
  constexpr explicit stored_digests(std::optional<std::uint64_t> part_size) noexcept
      : part_size_(part_size && *part_size > 0 ? part_size : std::nullopt) {}

  constexpr void update(std::string_view bytes) noexcept {
    whole_.update(bytes);
    if (!part_size_) return;
    while (!bytes.empty()) {
      const std::uint64_t room = *part_size_ - part_.size();
      const std::size_t take = bytes.size() < room ? bytes.size() : static_cast<std::size_t>(room);
      part_.update(bytes.substr(0, take));
      bytes.remove_prefix(take);
      if (part_.size() == *part_size_) close_part();
    }
  }

  [[nodiscard]] constexpr std::uint64_t size() const noexcept { return whole_.size(); }
  [[nodiscard]] constexpr md5_digest whole() const noexcept { return whole_.finish(); }
  /// ⌈len / S⌉ (an empty object is one empty part), or nothing without a part size.
  [[nodiscard]] constexpr std::optional<std::uint64_t> parts() const noexcept {
    if (!part_size_) return std::nullopt;
    return parts_ + (part_.size() != 0 || parts_ == 0 ? 1 : 0);
  }
  /// The ETag of the parts of the given size, when there is one.
  [[nodiscard]] std::optional<std::string> multipart_etag() const {
    if (!part_size_) return std::nullopt;
    md5 digests = of_parts_;
    if (part_.size() != 0 || parts_ == 0) digests.update(digest_bytes(part_.finish()).view());
    return multipart_etag_text(digests.finish(), *parts());
  }

 private:
  constexpr void close_part() noexcept {
    of_parts_.update(digest_bytes(part_.finish()).view());
    part_ = md5{};
    ++parts_;
  }

  md5 whole_;
  std::optional<std::uint64_t> part_size_;
  md5 part_;
  md5 of_parts_;
  std::uint64_t parts_ = 0;
};

enum class check_result : std::uint8_t { verified, mismatch, unverifiable };
/// Why an etag is unverifiable (§5.3); `none` for verified, mismatch, and an
/// unusable s3SseAlgorithm.
enum class etag_reason : std::uint8_t { none, form, kms, parts, missing };

[[nodiscard]] constexpr std::string_view to_text(check_result r) noexcept {
  constexpr std::string_view names[] = {"verified", "mismatch", "unverifiable"};
  return names[static_cast<std::size_t>(r)];
}
[[nodiscard]] constexpr std::string_view to_text(etag_reason r) noexcept {
  constexpr std::string_view names[] = {"", "form", "kms", "parts", "missing"};
  return names[static_cast<std::size_t>(r)];
}

struct etag_verdict {
  check_result result = check_result::unverifiable;
  etag_reason reason = etag_reason::none;
  std::string computed;  ///< the ETag computed from the bytes, when one was
};

/// What the server-side encryption does to ETags: `unknown` when the
/// summary's s3SseAlgorithm is unusable.
enum class sse_kind : std::uint8_t { unknown, s3_managed, kms };

/// §5.3's table for an object that is present: the first row that applies decides.
[[nodiscard]] inline etag_verdict check_etag(std::string_view manifest_etag, sse_kind sse, const stored_digests& digests) {
  const auto form = parse_etag(strip_etag_quotes(manifest_etag));
  if (!form) return {check_result::unverifiable, etag_reason::form, {}};
  if (sse == sse_kind::unknown) return {check_result::unverifiable, etag_reason::none, {}};
  if (sse == sse_kind::kms) return {check_result::unverifiable, etag_reason::kms, {}};
  std::string computed;
  if (form->parts == 0) {
    computed = std::string{to_hex(digests.whole()).view()};
  } else if (form->parts == 1) {
    computed = one_part_etag(digests.whole());
  } else if (const auto n = digests.parts(); n && *n == form->parts) {
    computed = *digests.multipart_etag();
  } else {
    return {check_result::unverifiable, etag_reason::parts, {}};
  }
  const std::string_view recorded = strip_etag_quotes(manifest_etag);
  return {recorded == computed ? check_result::verified : check_result::mismatch, etag_reason::none, computed};
}

}  // namespace ddbexport::artifacts

#endif
