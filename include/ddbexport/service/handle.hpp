#ifndef DDBEXPORT_SERVICE_HANDLE_HPP
#define DDBEXPORT_SERVICE_HANDLE_HPP

/// The service core's entry point: one HTTP request in, its complete answer
/// out (or a usage error), in the order of V-DISPATCH (SERVICE.md §2.1). The
/// request target (path, query) is never looked at; SigV4 (step 5) is the
/// host's business. No I/O: the host passes what arrived and sends what returns.

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "ddbexport/json/arena.hpp"
#include "ddbexport/json/reader.hpp"
#include "ddbexport/service/context.hpp"
#include "ddbexport/service/describe_export.hpp"
#include "ddbexport/service/detail/answer_frame.hpp"
#include "ddbexport/service/detail/json_syntax.hpp"
#include "ddbexport/service/detail/messages.hpp"
#include "ddbexport/service/detail/prelude.hpp"
#include "ddbexport/service/error_body.hpp"
#include "ddbexport/service/export_table.hpp"
#include "ddbexport/service/http.hpp"
#include "ddbexport/service/list_exports.hpp"
#include "ddbexport/service/random.hpp"
#include "ddbexport/service/store.hpp"
#include "ddbexport/service/usage_error.hpp"
#include "ddbexport/service_error.hpp"

namespace ddbexport::service {

enum class operation : std::uint8_t { export_table_to_point_in_time, describe_export, list_exports };

inline constexpr std::string_view target_prefix = "DynamoDB_20120810.";

/// Read storage kept on the stack: json::storage_bytes_for a body of ~500 bytes.
inline constexpr std::size_t small_body_storage_bytes = 16 * 1024;

/// V-TARGET: `DynamoDB_20120810.` and one of the three names, exactly.
[[nodiscard]] constexpr std::optional<operation> operation_from_target(std::string_view target) noexcept {
  if (target.substr(0, target_prefix.size()) != target_prefix) return std::nullopt;
  const std::string_view name = target.substr(target_prefix.size());
  if (name == "ExportTableToPointInTime") return operation::export_table_to_point_in_time;
  if (name == "DescribeExport") return operation::describe_export;
  if (name == "ListExports") return operation::list_exports;
  return std::nullopt;
}

/// V-METHOD's answer, also V-CTYPE's: `<UnknownOperationException/>` and a
/// newline, with no Content-Type (chosen).
inline constexpr std::string_view unknown_operation_page = "<UnknownOperationException/>\n";

namespace detail {
[[nodiscard]] inline answer not_found_answer(const answer_frame& frame) {
  answer a = frame.make(404, std::string{unknown_operation_page});
  a.content_type = {};
  return a;
}
}  // namespace detail

template <table_lookup Tables, random_source Random, destination_facts Facts, export_store Store>
handled handle(const http_request& request, const service_context<Tables, Random, Facts>& context, Store& store) {
  if (!context.random) return handled::refused({usage_problem::missing_fact, "Random"});
  const auto frame = detail::answer_frame::start(request, *context.random);

  // 1. V-METHOD; a GET is a health check.
  if (request.method != "POST") {
    if (request.method != "GET") return handled::answered(detail::not_found_answer(frame));
    if (context.region.empty()) return handled::refused({usage_problem::missing_fact, "Region"});
    return handled::answered(frame.make(200, "healthy: dynamodb." + std::string{context.region} + ".amazonaws.com "));
  }
  const bool has_body = !request.body.empty() || request.body_over_limit;
  // 2. V-CTYPE, compared exactly, case included.
  if (has_body) {
    const auto type = request.header("Content-Type");
    const std::string_view media = type ? detail::media_type(*type) : std::string_view{};
    if (!type || (media != detail::amz_json_media_type && media != detail::json_media_type))
      return handled::answered(detail::not_found_answer(frame));
  }
  // 3. V-SYNTAX, and the 413 of a body over 16 MiB, after which the host closes.
  if (request.body_over_limit || request.body.size() > max_body_bytes) {
    answer a = frame.make(413, {});
    a.close_connection = true;
    return handled::answered(std::move(a));
  }
  // 4. V-TARGET (header name in any case, value exact).
  const auto target = request.header("X-Amz-Target");
  const auto op = target ? operation_from_target(*target) : std::nullopt;
  // Step 3's grammar check is a pass of its own only where its verdict is
  // needed before step 7's reader: with a bad target. Otherwise the strict
  // reader accepts nothing that is not JSON text, so a body it reads passed
  // step 3, and only a body it refuses is checked (in `run`, below).
  const auto not_json_text = [&] { return handled::answered(frame.error(error_kind::serialization, std::nullopt)); };
  if (has_body && !op && !detail::is_json_text(request.body)) return not_json_text();
  if (!op) return handled::answered(frame.error(unknown_operation_type, 400, std::nullopt));
  // 6. V-EMPTY.
  if (!has_body) return handled::answered(frame.error(error_kind::serialization, std::nullopt));
  // 7. The operation, on its input read by stage D (the views need `storage`).
  // A body over the reader's limit fails W-LIMIT before the reader stores
  // anything, so storage for the limit suffices (not 32 bytes per body byte).
  const std::size_t storage_bytes = json::storage_bytes_for(std::min(request.body.size(), json::default_max_body_bytes));
  // Everyday bodies are a few hundred bytes: their storage is a stack block,
  // not a fresh heap block of 32 bytes per body byte on every call.
  alignas(std::max_align_t) std::array<std::byte, small_body_storage_bytes> local;
  std::unique_ptr<std::byte[]> heap;
  std::span<std::byte> bytes{local};
  if (storage_bytes > local.size()) {
    heap.reset(new std::byte[storage_bytes]);
    bytes = {heap.get(), storage_bytes};
  }
  json::arena storage{bytes};
  // Outside `run`, so that one copy serves the three inputs.
  const auto refused_read = [&](handled stop) {
    return detail::is_json_text(request.body) ? std::move(stop) : not_json_text();
  };
  const auto run = [&]<class Input>(Input input, auto&& operation) {
    if (auto stop = detail::prelude(frame, request.body, input, storage)) return refused_read(std::move(*stop));
    return operation(std::as_const(input));
  };
  switch (*op) {
    case operation::export_table_to_point_in_time:
      return run(export_request{}, [&](const export_request& r) { return export_table_to_point_in_time(frame, r, context, store); });
    case operation::describe_export:
      return run(describe_export_request{},
                 [&](const describe_export_request& r) { return describe_export(frame, r, context, std::as_const(store)); });
    case operation::list_exports:
      return run(list_exports_request{},
                 [&](const list_exports_request& r) { return list_exports(frame, r, context, std::as_const(store)); });
  }
  return handled::refused({usage_problem::library_bug, "unknown operation"});
}

/// §1.2's answer for a host that must answer over HTTP anyway: 500
/// InternalServerError, `Internal server error: <diagnostic>`. Nothing is stored.
template <random_source Random>
[[nodiscard]] answer internal_error_answer(const http_request& request, const usage_error& error, Random& random) {
  const auto frame = detail::answer_frame::start(request, random);
  const std::string message =
      "Internal server error: " + detail::render([&](auto& out) { error.write(out); });
  return frame.error(error_kind::internal_server_error, message);
}

}  // namespace ddbexport::service

#endif
