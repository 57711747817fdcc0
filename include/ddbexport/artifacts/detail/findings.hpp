#ifndef DDBEXPORT_ARTIFACTS_DETAIL_FINDINGS_HPP
#define DDBEXPORT_ARTIFACTS_DETAIL_FINDINGS_HPP

/// Small helpers every artifact reader uses to phrase findings.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/artifacts/detail/json_document.hpp"
#include "ddbexport/json/arena.hpp"
#include "ddbexport/output.hpp"

namespace ddbexport::artifacts::detail {

[[nodiscard]] inline std::string decimal(std::uint64_t v) { return std::to_string(v); }

/// A value as a message shows it: a string's text, anything else as compact JSON.
[[nodiscard]] inline std::string shown(const json_document& doc, std::size_t node) {
  if (doc[node].kind == json_kind::string) return std::string{doc[node].text};
  std::string text;
  container_output<std::string> out{text};
  doc.write(node, out);
  return text;
}

/// Copies a string out of the document: a view of the text when it had no
/// escape, the arena otherwise.
[[nodiscard]] inline std::optional<std::string_view> keep_string(const json_node& n, json::arena& storage) {
  if (!n.escaped) return n.text;
  char* text = storage.keep_text(n.text.size());
  if (text == nullptr && !n.text.empty()) return std::nullopt;
  for (std::size_t i = 0; i < n.text.size(); ++i) text[i] = n.text[i];
  return std::string_view{text, n.text.size()};
}

/// An arena for the strings a manifest reader decodes: never more than the
/// text (an escape is never shorter than what it stands for), so a buffer of
/// the text's size (capped by the reader's own limit) always suffices.
class text_storage {
 public:
  explicit text_storage(std::size_t text_size) : bytes_(text_size + alignof(std::max_align_t)), arena_(std::span<std::byte>{bytes_}) {}
  text_storage(const text_storage&) = delete;
  text_storage& operator=(const text_storage&) = delete;
  [[nodiscard]] json::arena& arena() noexcept { return arena_; }

 private:
  std::vector<std::byte> bytes_;
  json::arena arena_;
};

/// `<key>#<member>`, `<key>:<n>`, `<key>:<n>#<path>`: §7's path forms.
[[nodiscard]] inline std::string member_path(std::string_view key, std::string_view member) {
  std::string p{key};
  p += '#';
  p += member;
  return p;
}
[[nodiscard]] inline std::string line_path(std::string_view key, std::uint64_t line, std::string_view member = {}) {
  std::string p{key};
  p += ':';
  p += decimal(line);
  if (!member.empty()) {
    p += '#';
    p += member;
  }
  return p;
}

}  // namespace ddbexport::artifacts::detail

#endif
