// DescribeExport and ListExports input as the service takes it, and the
// NextToken of SERVICE.md §6.1: any body reads (and then is JSON text, as
// V-SYNTAX judges it) or gives one stage-D diagnostic inside it; a read input's shape check (V-DESC-SHAPE,
// V-LIST-SHAPE) renders its answer; an ExportArn of a valid shape goes
// through §5's checks; any token decodes to a position whose re-encoding is
// the token, or to nothing.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"

using namespace ddbexport;
using namespace ddbexport::service;

namespace {

template <class Input>
void read_and_check(std::string_view body) {
  json::owning_arena storage{body.size()};
  Input input;
  const auto read = json::read(body, input, storage);
  if (!read.ok()) {
    fuzz::check_read_error(*read.error, body);
    return;
  }
  // service::handle skips its V-SYNTAX pass for a body the reader accepts.
  DDBEXPORT_FUZZ_CHECK(service::detail::is_json_text(body));
  count_sink sink;
  const validation_result shape = validate(input, shape_context{}, sink);
  if (!shape.valid()) {
    const std::string answer = fuzz::write_to_string([&](auto& out) {
      (void)json::write_error_body(input, shape_context{}, shape, out, json::message_member::as_service);
    });
    DDBEXPORT_FUZZ_CHECK(answer.starts_with("{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\""));
    DDBEXPORT_FUZZ_CHECK(service::detail::is_json_text(answer));
  } else if constexpr (std::is_same_v<Input, describe_export_request>) {
    (void)check_export_arn(*input.export_arn, "aws", "us-east-1", "123456789012");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body = fuzz::as_text(data, size);
  read_and_check<describe_export_request>(body);
  read_and_check<list_exports_request>(body);
  if (const auto position = decode_next_token(body)) {
    const std::string arn = "arn:aws:dynamodb:us-east-1:123456789012:table/" + position->resource;
    std::string token;
    container_output<std::string> out{token};
    write_next_token(arn, out);
    DDBEXPORT_FUZZ_CHECK(token == body);
    DDBEXPORT_FUZZ_CHECK(!position->table_name().empty());
  }
  return 0;
}
