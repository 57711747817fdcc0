// Must not compile: the body is a temporary string, which dies at the end of
// the call while the request read from it still views it. With
// DDBEXPORT_COMPILE_FAIL_CONTROL the body is a named string that outlives it.
#include <string>

#include "ddbexport/json/reader.hpp"
#include "ddbexport/request.hpp"

namespace {
using namespace ddbexport;

std::string fetch_body() { return R"({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/T","S3Bucket":"b"})"; }

[[maybe_unused]] bool use() {
  export_request request;
  json::owning_arena storage{256};
#ifdef DDBEXPORT_COMPILE_FAIL_CONTROL
  const std::string body = fetch_body();
  return json::read(body, request, storage).ok();
#else
  return json::read(fetch_body(), request, storage).ok();
#endif
}
}  // namespace
