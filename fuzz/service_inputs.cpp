// The readers of DescribeExport and ListExports input and the NextToken of
// SERVICE.md §6.1: any body reads or gives one stage-D diagnostic inside it;
// a read ListExports input renders its shape message; any token decodes to a
// position whose re-encoding is the token, or to nothing.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"

using namespace ddbexport;
using namespace ddbexport::service;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body = fuzz::as_text(data, size);
  {
    json::owning_arena storage{body.size()};
    describe_export_request input;
    const auto read = service::detail::read_input(body, input, storage);
    if (!read.ok()) fuzz::check_read_error(*read.error, body);
    if (read.ok() && input.export_arn)
      (void)check_export_arn(input.export_arn, "aws", "us-east-1", "123456789012");
  }
  {
    json::owning_arena storage{body.size()};
    list_exports_request input;
    const auto read = service::detail::read_input(body, input, storage);
    if (!read.ok()) {
      fuzz::check_read_error(*read.error, body);
    } else if (const auto message = service::detail::list_shape_message(input)) {
      DDBEXPORT_FUZZ_CHECK(message->find("validation error") != std::string::npos);
    }
  }
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
