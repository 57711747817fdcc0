#ifndef DDBEXPORT_SERVICE_FAILURE_MESSAGE_HPP
#define DDBEXPORT_SERVICE_FAILURE_MESSAGE_HPP

/// V-FAIL-CODES and V-FAIL-MESSAGE: the FailureCode of each async failure and
/// its FailureMessage, an S3 error string in the AWS SDK for Java form:
/// `<text> (Service: Amazon S3; Status Code: <n>; Error Code: <code>;
/// Request ID: <rid>; S3 Extended Request ID: <xid>; Proxy: null)`.
/// The deny-policy form of S3AccessDenied carries a caller's text and is not built here.

#include <array>
#include <cstdint>
#include <string_view>

#include "ddbexport/detail/ascii.hpp"
#include "ddbexport/detail/base64.hpp"
#include "ddbexport/output.hpp"
#include "ddbexport/service/random.hpp"

namespace ddbexport::service {

enum class failure_cause : std::uint8_t {
  no_such_bucket,     ///< the bucket is missing, or its name breaks S3 naming
  access_denied,      ///< a wrong S3BucketOwner, or a foreign bucket without one
  kms_key_in_region,  ///< the KMS key ARN names another region
  kms_key_missing,    ///< the KMS key does not exist
};

/// The FailureCode a cause ends with.
[[nodiscard]] constexpr std::string_view failure_code(failure_cause cause) noexcept {
  switch (cause) {
    case failure_cause::no_such_bucket: return "S3NoSuchBucket";
    case failure_cause::access_denied: return "S3AccessDenied";
    case failure_cause::kms_key_in_region:
    case failure_cause::kms_key_missing: return "KmsNotFoundException";
  }
  return {};
}

/// V-FAIL-MESSAGE: 16 bytes drawn for the request id (`0-9A-Z`[b mod 36]),
/// then 56 for the extended id (base64, 76 characters). `subject` is the
/// KMS key ARN's region (kms_key_in_region) or S3SseKmsKeyId as sent
/// (kms_key_missing); the other causes ignore it.
template <random_source Random, text_output Out>
void write_failure_message(failure_cause cause, std::string_view subject, Random& random, Out& out) {
  std::string_view status = "400";
  std::string_view code = "KMS.NotFoundException";
  switch (cause) {
    case failure_cause::no_such_bucket:
      out.write("The specified bucket does not exist");
      status = "404";
      code = "NoSuchBucket";
      break;
    case failure_cause::access_denied:
      out.write("Access Denied");
      status = "403";
      code = "AccessDenied";
      break;
    case failure_cause::kms_key_in_region:
      out.write("Invalid arn ");
      out.write(subject);
      break;
    case failure_cause::kms_key_missing:
      out.write("Key '");
      out.write(subject);
      out.write("' does not exist");
      break;
  }
  out.write(" (Service: Amazon S3; Status Code: ");
  out.write(status);
  out.write("; Error Code: ");
  out.write(code);
  out.write("; Request ID: ");
  constexpr std::string_view id_alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const auto rid_bytes = draw<16>(random);
  std::array<char, 16> rid{};
  for (std::size_t i = 0; i < rid.size(); ++i) rid[i] = id_alphabet[rid_bytes[i] % id_alphabet.size()];
  out.write(std::string_view{rid.data(), rid.size()});
  out.write("; S3 Extended Request ID: ");
  const auto xid = draw<56>(random);
  ddbexport::detail::write_base64(out, std::string_view{reinterpret_cast<const char*>(xid.data()), xid.size()});
  out.write("; Proxy: null)");
}

}  // namespace ddbexport::service

#endif
