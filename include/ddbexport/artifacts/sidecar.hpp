#ifndef DDBEXPORT_ARTIFACTS_SIDECAR_HPP
#define DDBEXPORT_ARTIFACTS_SIDECAR_HPP

/// Checksum sidecars (ARTIFACTS.md §5.2): `manifest-summary.md5` and
/// `manifest-files.md5` hold b64md5 of their manifest's exact bytes, 24 ASCII
/// bytes without a newline.

#include <optional>
#include <string_view>

#include "ddbexport/artifacts/md5.hpp"
#include "ddbexport/output.hpp"

namespace ddbexport::artifacts {

/// The 24-byte body for a manifest.
template <text_output Out>
constexpr void write_sidecar(std::string_view manifest, Out& out) {
  out.write(to_base64(md5_of(manifest)).view());
}

/// The body with space, tab, CR and LF stripped at both ends, as readers do.
[[nodiscard]] constexpr std::string_view strip_sidecar(std::string_view body) noexcept {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!body.empty() && blank(body.front())) body.remove_prefix(1);
  while (!body.empty() && blank(body.back())) body.remove_suffix(1);
  return body;
}

/// The digest a sidecar holds, or nothing when it is not canonical b64md5 (A-SIDECAR-FORM).
[[nodiscard]] constexpr std::optional<md5_digest> read_sidecar(std::string_view body) noexcept {
  return parse_base64_md5(strip_sidecar(body));
}

enum class sidecar_result : std::uint8_t { verified, mismatch, malformed };

[[nodiscard]] constexpr std::string_view to_text(sidecar_result r) noexcept {
  constexpr std::string_view names[] = {"verified", "mismatch", "malformed"};
  return names[static_cast<std::size_t>(r)];
}

[[nodiscard]] constexpr sidecar_result check_sidecar(std::string_view body, std::string_view manifest) noexcept {
  const auto digest = read_sidecar(body);
  if (!digest) return sidecar_result::malformed;
  return *digest == md5_of(manifest) ? sidecar_result::verified : sidecar_result::mismatch;
}

}  // namespace ddbexport::artifacts

#endif
