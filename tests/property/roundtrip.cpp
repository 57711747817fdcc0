// Wire round trips (issue 6): write then read is the identity on every value
// the model can hold, and read then write reproduces the canonical bytes.
// Equality is field by field (property/equality.hpp): maps as key sets,
// AttributeValues as JSON values, everything else exactly.

#include <string>

#include "ddbexport/ddbexport.hpp"
#include "generators.hpp"
#include "property/equality.hpp"
#include "rc_doctest.hpp"

using namespace ddbexport;
using namespace ddbexport::test;

namespace {

// Generated bodies may hold several boundary-length strings: lift the 1 MiB
// default so the property is about the codec, not the limit.
constexpr json::read_limits roomy{.max_body_bytes = std::size_t{64} << 20};

template <class T, class Write>
std::string written(const T& value, Write write) {
  std::string text;
  container_output out{text};
  write(value, out);
  return text;
}

constexpr auto write_request = [](const export_request& r, auto& out) { json::write_request(r, out); };
constexpr auto write_response = [](const export_response& r, auto& out) { json::write_response(r, out); };
constexpr auto write_description = [](const export_description& d, auto& out) { json::write_description(d, out); };

std::string diagnosis(const json::read_result& r) {
  if (r.ok()) return "ok";
  std::string text(to_string(r.error->rule));
  text += " at byte " + std::to_string(r.error->offset) + ": ";
  container_output out{text};
  write_message(*r.error, out);
  return text;
}

}  // namespace

RC_DOCTEST_PROPERTY("property: request, write then read is the identity", [](const owned_request& owned) {
  view_store store;
  const export_request value = view(owned, store);
  const std::string body = written(value, write_request);
  json::owning_arena arena{body.size()};
  export_request back;
  const auto result = json::read_request(body, back, arena, roomy);
  RC_ASSERT(diagnosis(result) == std::string("ok"));
  RC_ASSERT(same_request(value, back));
})

RC_DOCTEST_PROPERTY("property: request, read then write reproduces the canonical bytes", [](const owned_request& owned) {
  view_store store;
  const std::string body = written(view(owned, store), write_request);
  json::owning_arena arena{body.size()};
  export_request back;
  RC_ASSERT(json::read_request(body, back, arena, roomy).ok());
  RC_ASSERT(written(back, write_request) == body);
})

RC_DOCTEST_PROPERTY("property: response, write then read is the identity", [](const owned_response& owned) {
  view_store store;
  const export_response value = view(owned, store);
  const std::string body = written(value, write_response);
  json::owning_arena arena{body.size()};
  export_response back;
  const auto result = json::read_response(body, back, arena, roomy);
  RC_ASSERT(diagnosis(result) == std::string("ok"));
  RC_ASSERT(same_response(value, back));
})

RC_DOCTEST_PROPERTY("property: response, read then write reproduces the canonical bytes", [](const owned_response& owned) {
  view_store store;
  const std::string body = written(view(owned, store), write_response);
  json::owning_arena arena{body.size()};
  export_response back;
  RC_ASSERT(json::read_response(body, back, arena, roomy).ok());
  RC_ASSERT(written(back, write_response) == body);
})

RC_DOCTEST_PROPERTY("property: bare ExportDescription, write then read is the identity", [] {
  const owned_description owned = *any_description();
  view_store store;
  const export_description value = view(owned, store);
  const std::string body = written(value, write_description);
  json::owning_arena arena{body.size()};
  export_description back;
  RC_ASSERT(json::read_description(body, back, arena, roomy).ok());
  RC_ASSERT(same_description(value, back));
  RC_ASSERT(written(back, write_description) == body);
})

RC_DOCTEST_PROPERTY("property: error body, write then read finds the code and message", [](const owned_error& e) {
  std::string body;
  container_output out{body};
  json::write_error_body(e.type, e.message, out);
  const auto reading = json::read_error(e.status, body);
  RC_ASSERT(!reading.parse_error);
  RC_ASSERT(reading.code == std::string_view(e.expected_code));
  RC_ASSERT(reading.message == (e.message.empty() ? std::string_view("UnknownError") : std::string_view(e.message)));
  RC_ASSERT(reading.modeled == is_dynamodb_model_error(e.expected_code));
  RC_ASSERT(reading.fault == fault_for(e.expected_code, e.status));
  // The error-body checks: never ERR-BODY; ERR-NAME iff the code is not one
  // of RULES.md §2.4's errors; ERR-NS iff a namespace prefix is the wrong one.
  std::vector<diagnostic> findings;
  container_sink sink{findings};
  json::check_error_body(reading, sink);
  const auto kind = error_kind_from_name(e.expected_code);
  const auto hash = e.type.find('#');
  const bool wrong_namespace = kind && hash != std::string::npos &&
                               std::string_view(e.type).substr(0, hash) != info(*kind).wire_namespace;
  std::size_t name = 0, ns = 0;
  for (const auto& d : findings) {
    RC_ASSERT(d.rule != rule_id::err_body);
    name += d.rule == rule_id::err_name ? 1 : 0;
    ns += d.rule == rule_id::err_ns ? 1 : 0;
  }
  RC_ASSERT(name == (kind ? 0u : 1u));
  RC_ASSERT(ns == (wrong_namespace ? 1u : 0u));
  // The echo of a body with a message is the body itself.
  if (!e.message.empty()) {
    std::string echo;
    container_output echo_out{echo};
    json::write_error_echo(reading, echo_out);
    RC_ASSERT(echo == body);
  }
})

RC_DOCTEST_PROPERTY("property: timestamps read back as the SDK reads them, within 1 ms beyond 2^51 ms", [] {
  // Beyond ±2^51 ms a millisecond fraction may not survive the SDK's
  // Math.round(x * 1000): ddbexport must then give what the SDK gives.
  const std::int64_t magnitude = *uniform<std::int64_t>(exact_time_limit_ms, max_epoch_ms + 1);
  const std::int64_t t = *rc::gen::element<std::int64_t>(1, -1) * magnitude;
  const export_request value{.export_time = from_epoch_ms(t)};
  const std::string body = written(value, write_request);
  json::owning_arena arena{body.size()};
  export_request back;
  RC_ASSERT(json::read_request(body, back, arena).ok());
  const std::int64_t read = to_epoch_ms(*back.export_time);
  RC_ASSERT(read == sdk_time_echo(t));
  RC_ASSERT(read - t <= 1 && t - read <= 1);
  RC_TAG(read == t ? "exact" : "1 ms off");
})
