#include <ddbexport/ddbexport.hpp>
#include <cstdio>

int main() {
  using namespace ddbexport;
  export_request request{.table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Music",
                         .s3_bucket = "my-bucket", .export_type = export_type::incremental_export};
  collect_sink<8> found;
  auto result = validate(request, found);
  for (const diagnostic& d : found) std::printf("%s\n", to_string(d.rule).data());  // R-INC-SPEC-REQ
  return result.valid() ? 0 : 1;
}
