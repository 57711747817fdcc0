// The service core end to end: any method, headers and body end in a
// well-formed answer, never a crash and, with every context fact supplied,
// never a usage error. Byte 0 picks the method, the media type, the target
// and whether the host cut an oversized body; byte 1 a lifecycle step and how
// far the clock moves; the rest is the body. One store lives across inputs
// (emptied now and then), so DescribeExport, ListExports and replays meet
// real records. Checks: status and V-HEADERS (Content-Type rule, request id
// alphabet, x-amz-crc32 of the body), error bodies readable with a string
// __type, and every 200 description passing RULES' response checks.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"

using namespace ddbexport;
using namespace ddbexport::service;

namespace {

struct counter_bytes {
  std::uint8_t next = 0;
  void fill(std::span<std::uint8_t> out) {
    for (auto& b : out) b = next++;
  }
};

constexpr std::string_view music = "arn:aws:dynamodb:us-east-1:123456789012:table/Music";

struct tables {
  timestamp now{};
  std::optional<table_facts> find(std::string_view arn) const {
    if (arn != music && arn != "arn:aws:dynamodb:us-east-1:123456789012:table/orders") return std::nullopt;
    point_in_time_recovery_description pitr;
    pitr.point_in_time_recovery_status = arn == music ? point_in_time_recovery_status::enabled
                                                      : point_in_time_recovery_status::disabled;
    pitr.earliest_restorable_date_time = now - std::chrono::days{35};
    pitr.latest_restorable_date_time = now;
    return table_facts{"e79a3724-2f34-3ab2-8cc0-8d4d02b50227", continuous_backups_description{std::nullopt, pitr}};
  }
};

struct fuzz_facts {
  bucket_facts bucket(std::string_view name) const {
    return name == "gone" ? bucket_facts{"123456789012", true} : bucket_facts{"123456789012", false};
  }
  std::optional<bool> kms_key_missing(std::string_view key) const { return key == "alias/missing"; }
};

std::unique_ptr<memory_store<>> store = std::make_unique<memory_store<>>();
std::int64_t clock_ms = 1'792'000'000'000;
std::vector<std::string> accepted;

bool is_base32hex(std::string_view id) {
  for (char c : id)
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'V'))) return false;
  return id.size() == request_id_size;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  if (store->size() > 400) {
    store = std::make_unique<memory_store<>>();
    accepted.clear();
  }
  const std::uint8_t shape = data[0];
  const std::uint8_t step = data[1];
  const std::string_view body = fuzz::as_text(data + 2, size - 2);
  clock_ms += (step >> 2) * 997;

  static constexpr std::array<std::string_view, 8> methods{"POST", "POST", "POST", "GET", "PUT", "HEAD", "", "post"};
  static constexpr std::array<std::string_view, 4> media{"application/x-amz-json-1.0", "application/json; charset=utf-8",
                                                         "Application/JSON", ""};
  static constexpr std::array<std::string_view, 4> targets{"DynamoDB_20120810.ExportTableToPointInTime",
                                                           "DynamoDB_20120810.DescribeExport",
                                                           "DynamoDB_20120810.ListExports", "DynamoDB_20120810.Scan"};
  std::vector<http_header> headers;
  const std::string_view type = media[(shape >> 3) & 3];
  if (!type.empty()) headers.push_back({"content-type", type});
  headers.push_back({"X-AMZ-TARGET", targets[(shape >> 5) & 3]});
  const http_request request{methods[shape & 7], headers, body, (shape & 0x80) != 0 && (shape & 0x18) == 0};

  tables t{from_epoch_ms(clock_ms)};
  const fuzz_facts f;
  counter_bytes random{static_cast<std::uint8_t>(step)};
  service_context<tables, counter_bytes, fuzz_facts> context{from_epoch_ms(clock_ms), &random, "us-east-1", std::nullopt,
                                                        "123456789012", &t, &f};
  const handled h = handle(request, context, *store);
  DDBEXPORT_FUZZ_CHECK(h.answer.has_value() && !h.usage);
  const answer& a = *h.answer;
  DDBEXPORT_FUZZ_CHECK(a.status == 200 || a.status == 400 || a.status == 404 || a.status == 413);
  DDBEXPORT_FUZZ_CHECK(a.crc32 == ddbexport::detail::crc32(a.body));
  DDBEXPORT_FUZZ_CHECK(is_base32hex(a.request_id_text()));
  if (a.status == 404) {
    DDBEXPORT_FUZZ_CHECK(a.content_type.empty() && a.body == unknown_operation_page);
  } else {
    DDBEXPORT_FUZZ_CHECK(a.content_type == "application/json" || a.content_type == "application/x-amz-json-1.0");
  }
  if (a.status == 413) DDBEXPORT_FUZZ_CHECK(a.body.empty() && a.close_connection);
  if (a.status == 400) {
    const auto reading = json::read_error(400, a.body);
    DDBEXPORT_FUZZ_CHECK(!reading.parse_error && reading.type.has_value());
  }
  if (a.status == 200 && request.method == "POST") {
    if ((shape >> 5 & 3) == 2) {
      DDBEXPORT_FUZZ_CHECK(a.body.starts_with("{\"ExportSummaries\":[") && service::detail::is_json_text(a.body));
    } else {
      json::owning_arena storage{a.body.size()};
      export_response response;
      DDBEXPORT_FUZZ_CHECK(json::read(a.body, response, storage, fuzz::fuzz_limits).ok());
      count_sink sink;
      DDBEXPORT_FUZZ_CHECK(validate(response, response_context{}, sink).valid());
    }
  }
  if (a.recorded_export_arn) accepted.push_back(*a.recorded_export_arn);
  // The lifecycle: end the latest export, or try to end it twice (a usage error, never a crash).
  if (!accepted.empty()) {
    const std::string& arn = accepted[step % accepted.size()];
    const timestamp end = from_epoch_ms(clock_ms + (step & 3) * 1000);
    switch (step & 3) {
      case 1: (void)complete(*store, arn, end, step, step * 1000); break;
      case 2: {
        std::string message;
        container_output<std::string> out{message};
        write_failure_message(failure_cause::no_such_bucket, {}, random, out);
        (void)fail(*store, arn, end, "S3NoSuchBucket", message);
        break;
      }
      default: break;
    }
  }
  return 0;
}
