// Two-TU ODR check (with odr_b.cpp): both include every public header, so an
// inline-missing definition in any of them is a duplicate symbol at link time.
#include <ddbexport/ddbexport.hpp>
#include <ddbexport/json/writer.hpp>

#include <string>

#include "odr.hpp"

std::string odr_write_a(const ddbexport::export_request& request) {
  std::string body;
  ddbexport::container_output out{body};
  ddbexport::json::write_request(request, out);
  return body;
}

bool odr_valid_a(const ddbexport::export_request& request) {
  ddbexport::count_sink sink;
  return ddbexport::validate(request, sink).valid();
}

int main() {
  const ddbexport::export_request request{
      .table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Music",
      .s3_bucket = "my-bucket",
  };
  // Both TUs must agree, and the request is valid.
  const bool same_body = odr_write_a(request) == odr_write_b(request);
  const bool same_verdict = odr_valid_a(request) && odr_valid_b(request);
  return same_body && same_verdict ? 0 : 1;
}
