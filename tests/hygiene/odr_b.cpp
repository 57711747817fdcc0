// The second TU of the ODR check; see odr_a.cpp.
#include <ddbexport/ddbexport.hpp>
#include <ddbexport/json/writer.hpp>

#include <string>

#include "odr.hpp"

std::string odr_write_b(const ddbexport::export_request& request) {
  std::string body;
  ddbexport::container_output out{body};
  ddbexport::json::write_request(request, out);
  return body;
}

bool odr_valid_b(const ddbexport::export_request& request) {
  ddbexport::count_sink sink;
  return ddbexport::validate(request, sink).valid();
}
