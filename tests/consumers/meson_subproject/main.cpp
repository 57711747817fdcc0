// Consumer (a): meson, ddbexport as a subproject. Uses the umbrella header.
#include <ddbexport/ddbexport.hpp>
#include <ddbexport/json/writer.hpp>

#include <cstdio>
#include <string>
#include <string_view>

int main() {
  using namespace ddbexport;
  const export_request request{
      .table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Music",
      .s3_bucket = "my-bucket",
  };
  count_sink counted;
  if (!validate(request, counted).valid() || counted.violations() != 0) {
    std::puts("FAIL: the minimal request must be valid");
    return 1;
  }

  std::string body;
  container_output out{body};
  json::write(request, out);
  constexpr std::string_view expected =
      R"({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/Music","S3Bucket":"my-bucket"})";
  if (body != expected) {
    std::printf("FAIL: wrote %s\n", body.c_str());
    return 1;
  }

  // An incremental export needs its specification (R-INC-SPEC-REQ).
  export_request incremental = request;
  incremental.export_type = export_type::incremental_export;
  collect_sink<8> found;
  if (validate(incremental, found).valid() || !found.has(rule_id::r_inc_spec_req)) {
    std::puts("FAIL: an incremental request without its specification must fail R-INC-SPEC-REQ");
    return 1;
  }
  std::printf("ok: ddbexport %d.%d.%d via meson\n", DDBEXPORT_VERSION_MAJOR, DDBEXPORT_VERSION_MINOR,
              DDBEXPORT_VERSION_PATCH);
  return 0;
}
