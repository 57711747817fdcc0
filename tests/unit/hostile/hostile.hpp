#ifndef DDBEXPORT_TESTS_HOSTILE_HPP
#define DDBEXPORT_TESTS_HOSTILE_HPP

// Helpers of the hostile-input catalogue: read a body with the strict reader
// and assert the one documented stage-D diagnostic (rule id, byte offset,
// member path, Coral/detail text) or success.

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/ddbexport.hpp"

namespace ddbexport::hostile {

template <class T>
struct outcome {
  std::unique_ptr<json::owning_arena> storage;
  T value{};
  json::read_result result;
  std::vector<diagnostic> warnings;
};

inline outcome<export_request> read_request(std::string_view body, json::read_limits limits = {}) {
  outcome<export_request> o;
  o.storage = std::make_unique<json::owning_arena>(body.size());
  container_sink sink{o.warnings};
  o.result = json::read_request(body, o.value, *o.storage, limits, sink);
  return o;
}

inline outcome<export_response> read_response(std::string_view body, json::read_limits limits = {}) {
  outcome<export_response> o;
  o.storage = std::make_unique<json::owning_arena>(body.size());
  o.result = json::read_response(body, o.value, *o.storage, limits);
  return o;
}

inline outcome<continuous_backups_description> read_backups(std::string_view body, json::read_limits limits = {}) {
  outcome<continuous_backups_description> o;
  o.storage = std::make_unique<json::owning_arena>(body.size());
  o.result = json::read_continuous_backups(body, o.value, *o.storage, limits);
  return o;
}

inline std::string path_text(const field_path& path) {
  std::string text;
  container_output out{text};
  path.write(out);
  return text;
}

template <class T>
std::string canonical(const T& value) {
  std::string text;
  container_output out{text};
  if constexpr (std::is_same_v<T, export_request>) json::write_request(value, out);
  else if constexpr (std::is_same_v<T, export_response>) json::write_response(value, out);
  else json::write_continuous_backups(value, out);
  return text;
}

/// The stage-D diagnostic a body must produce; empty fields are not checked.
struct expect {
  rule_id rule;
  std::size_t offset;
  std::string_view path;
  std::string_view detail = {};
};

template <class T>
void check(const outcome<T>& o, const expect& want) {
  REQUIRE_FALSE(o.result.ok());
  const diagnostic& d = *o.result.error;
  CHECK(to_string(d.rule) == to_string(want.rule));
  CHECK(d.offset == want.offset);
  CHECK(path_text(d.path) == want.path);
  if (!want.detail.empty()) CHECK(d.detail == want.detail);
  CHECK(canonical(o.value) == canonical(T{}));  // nothing half-read is left behind
}

inline void request_fails(std::string_view body, const expect& want, json::read_limits limits = {}) {
  CAPTURE(body.substr(0, 200));
  check(read_request(body, limits), want);
}
inline void response_fails(std::string_view body, const expect& want, json::read_limits limits = {}) {
  CAPTURE(body.substr(0, 200));
  check(read_response(body, limits), want);
}
inline void backups_fail(std::string_view body, const expect& want, json::read_limits limits = {}) {
  CAPTURE(body.substr(0, 200));
  check(read_backups(body, limits), want);
}

/// The canonical echo of a request body that must be accepted.
inline std::string request_echo(std::string_view body, json::read_limits limits = {}) {
  CAPTURE(body.substr(0, 200));
  const auto o = read_request(body, limits);
  if (!o.result.ok()) {
    FAIL_CHECK(to_string(o.result.error->rule) << " at " << o.result.error->offset << ": " << o.result.error->detail);
    return {};
  }
  return canonical(o.value);
}
inline std::string response_echo(std::string_view body) {
  CAPTURE(body.substr(0, 200));
  const auto o = read_response(body);
  if (!o.result.ok()) {
    FAIL_CHECK(to_string(o.result.error->rule) << " at " << o.result.error->offset << ": " << o.result.error->detail);
    return {};
  }
  return canonical(o.value);
}

inline std::size_t at(std::string_view body, std::string_view needle) { return body.find(needle); }

}  // namespace ddbexport::hostile

#endif
