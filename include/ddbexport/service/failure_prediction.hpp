#ifndef DDBEXPORT_SERVICE_FAILURE_PREDICTION_HPP
#define DDBEXPORT_SERVICE_FAILURE_PREDICTION_HPP

/// V-FAIL-PREDICT: how an emulator ends an accepted export on the failure
/// path, from the request's warnings and the host's bucket and key facts
/// (SERVICE.md §1.3, §4.3). Ranked (chosen): a missing bucket, then access
/// denied, then the KMS key.

#include <optional>
#include <string_view>

#include "ddbexport/request.hpp"
#include "ddbexport/service/context.hpp"
#include "ddbexport/service/failure_message.hpp"
#include "ddbexport/validate/context.hpp"
#include "ddbexport/validate/diagnostic.hpp"
#include "ddbexport/validate/request.hpp"
#include "ddbexport/validate/rules.hpp"

namespace ddbexport::service {

struct failure_prediction {
  failure_cause cause{};
  std::string_view subject{};  ///< what write_failure_message names: the key's region, or the key as sent

  [[nodiscard]] constexpr std::string_view code() const noexcept { return failure_code(cause); }
};

namespace detail {
/// Keeps the rules of the warnings the prediction reads.
class warning_rules {
 public:
  constexpr bool accept(const diagnostic& d) noexcept {
    if (d.is_warning()) rules_.insert(d.rule);
    return true;
  }
  [[nodiscard]] constexpr bool has(rule_id rule) const noexcept { return rules_.contains(rule); }

 private:
  rule_set rules_{};
};

/// `arn:<partition>:kms:<region>:…` → `<region>`, for a key or alias ARN.
[[nodiscard]] constexpr std::optional<std::string_view> kms_arn_region(std::string_view key) noexcept {
  std::string_view fields[4];
  std::size_t start = 0;
  for (auto& field : fields) {
    const auto colon = key.find(':', start);
    if (colon == std::string_view::npos) return std::nullopt;
    field = key.substr(start, colon - start);
    start = colon + 1;
  }
  if (fields[0] != "arn" || fields[2] != "kms") return std::nullopt;
  return fields[3];
}
}  // namespace detail

/// The failure an accepted `request` ends with at an endpoint in `region`,
/// or nothing when it completes. `destination` may be nullptr (no facts).
template <destination_facts Facts>
[[nodiscard]] std::optional<failure_prediction> predict_failure(const export_request& request, std::string_view region,
                                                                std::optional<std::string_view> caller_account_id,
                                                                const Facts* destination) {
  using enum rule_id;
  const bucket_facts bucket = destination && request.s3_bucket ? destination->bucket(*request.s3_bucket) : bucket_facts{};
  validation_context<> facts;
  facts.caller_account_id = caller_account_id;
  facts.bucket_owner_account_id = bucket.owner_account_id;
  detail::warning_rules warnings;
  (void)validate(request, facts, warnings);
  // A name that breaks S3 naming never exists, whatever the bucket fact says.
  for (const rule_id naming : {r_s3_naming_len, r_s3_naming_chars, r_s3_naming_dots, r_s3_naming_ip,
                               r_s3_naming_prefix, r_s3_naming_suffix})
    if (warnings.has(naming)) return failure_prediction{failure_cause::no_such_bucket};
  if (bucket.missing == true) return failure_prediction{failure_cause::no_such_bucket};
  if (warnings.has(r_owner_mismatch) || warnings.has(r_owner_xacct))
    return failure_prediction{failure_cause::access_denied};
  if (request.s3_sse_kms_key_id) {
    const std::string_view key = *request.s3_sse_kms_key_id;
    // A listed key is missing even when its ARN names another region (chosen).
    if (destination && destination->kms_key_missing(key) == true)
      return failure_prediction{failure_cause::kms_key_missing, key};
    if (const auto key_region = detail::kms_arn_region(key); key_region && *key_region != region)
      return failure_prediction{failure_cause::kms_key_in_region, *key_region};
  }
  return std::nullopt;
}

}  // namespace ddbexport::service

#endif
