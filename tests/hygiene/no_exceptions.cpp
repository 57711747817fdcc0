// Built with exceptions and RTTI off in every configuration (see
// tests/hygiene/meson.build): the library's validate and write paths must
// not need them. Also allocation-free: fixed sinks and a caller buffer.
#include <ddbexport/ddbexport.hpp>
#include <ddbexport/json/writer.hpp>

#include <array>
#include <string_view>

#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
#error "no_exceptions.cpp must be compiled with -fno-exceptions"
#endif
#if defined(__GXX_RTTI) || defined(__cpp_rtti)
#error "no_exceptions.cpp must be compiled with -fno-rtti"
#endif

int main() {
  using namespace ddbexport;
  const export_request request{
      .table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Music",
      .s3_bucket = "my-bucket",
      .client_token = "token-1",
  };
  count_sink counted;
  if (!validate(request, counted).valid() || counted.violations() != 0) return 1;

  std::array<char, 256> storage{};
  buffer_output out{storage};
  json::write_request(request, out);
  constexpr std::string_view expected =
      R"({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/Music","S3Bucket":"my-bucket",)"
      R"("ClientToken":"token-1"})";
  if (out.overflowed() || out.view() != expected) return 2;

  // An incremental export needs its specification (R-INC-SPEC-REQ).
  export_request incremental = request;
  incremental.export_type = export_type::incremental_export;
  collect_sink<8> found;
  if (validate(incremental, found).valid() || !found.has(rule_id::r_inc_spec_req)) return 3;
  return 0;
}
