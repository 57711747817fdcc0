#ifndef DDBEXPORT_ARTIFACTS_MEMORY_BUNDLE_HPP
#define DDBEXPORT_ARTIFACTS_MEMORY_BUNDLE_HPP

/// The simplest bundle of ARTIFACTS.md §8.1: a map of key → stored bytes,
/// and, optionally, a data file's content as the caller decompressed it. The
/// library has no inflater: without content a data file's framing and
/// checksums are checked and its content rules are unchecked (§8.2); with
/// it, the gzip trailer is compared with that content.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "ddbexport/artifacts/verify.hpp"

namespace ddbexport::artifacts {

struct memory_bundle {
  std::map<std::string, std::string, std::less<>> objects;   ///< key → stored bytes
  std::map<std::string, std::string, std::less<>> contents;  ///< data file key → its content, when known

  [[nodiscard]] std::optional<std::string_view> object(std::string_view key) const {
    const auto it = objects.find(key);
    if (it == objects.end()) return std::nullopt;
    return std::string_view{it->second};
  }

  bool data_file(std::string_view key, data_file_feed& feed) const {
    const auto bytes = object(key);
    if (!bytes) return false;
    (void)feed.stored(*bytes);
    const auto content = contents.find(key);
    if (content == contents.end()) {
      feed.end({inflate_end::not_inflated, 0});
    } else {
      feed.content(content->second);
      feed.end({inflate_end::content_only, 0});
    }
    return true;
  }

  template <class F>
  void keys_under(std::string_view prefix, F&& f) const {
    for (auto it = objects.lower_bound(prefix); it != objects.end() && it->first.starts_with(prefix); ++it) f(it->first);
  }
};

}  // namespace ddbexport::artifacts

#endif
