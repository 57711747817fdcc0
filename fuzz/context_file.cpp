// ddbexport-check's --context reader (tests/examples/check/context_file.hpp):
// any bytes load or fail with a reason, never crash; a loaded context drives
// the validator, including the ledger entries it parsed.

#include <cstddef>
#include <cstdint>
#include <string>

#include "check/context_file.hpp"
#include "fuzz_common.hpp"

using namespace ddbexport;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(fuzz::as_text(data, size));
  ddbexport_check::context_file file;
  std::string error;
  if (!file.load(text, error)) {
    DDBEXPORT_FUZZ_CHECK(!error.empty());
    return 0;
  }
  const auto& c = file.context;
  if (c.continuous_backups && c.continuous_backups->point_in_time_recovery_description) {
    const auto& pitr = *c.continuous_backups->point_in_time_recovery_description;
    if (pitr.recovery_period_in_days) DDBEXPORT_FUZZ_CHECK(*pitr.recovery_period_in_days >= 1 && *pitr.recovery_period_in_days <= 35);
    if (pitr.point_in_time_recovery_status) DDBEXPORT_FUZZ_CHECK(pitr.point_in_time_recovery_status->is_known());
  }
  if (c.caller_account_id) DDBEXPORT_FUZZ_CHECK(is_account_id(*c.caller_account_id));
  if (c.now) DDBEXPORT_FUZZ_CHECK(in_wire_range(to_epoch_ms(*c.now)));

  const export_request probes[] = {
      {.table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Music", .s3_bucket = "my-export-bucket",
       .client_token = "token-1"},
      {.table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Music", .s3_bucket = "my-export-bucket",
       .export_time = fuzz::sample_now, .client_token = "token-1", .s3_bucket_owner = "123456789012"},
      {.table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Music", .s3_bucket = "my-export-bucket",
       .export_type = export_type::incremental_export,
       .incremental_export_specification = incremental_export_specification{
           .export_from_time = fuzz::sample_now - std::chrono::hours{2}}},
  };
  for (const export_request& r : probes) {
    count_sink counter;
    const auto result = validate(r, c, counter);
    DDBEXPORT_FUZZ_CHECK(result.violations == counter.violations());
  }
  // Each ledger entry's own request, replayed against the context.
  if (c.previous_exports)
    for (const ledger_entry& e : c.previous_exports->entries()) {
      count_sink counter;
      const auto result = validate(e.request, c, counter);
      DDBEXPORT_FUZZ_CHECK(result.violations == counter.violations());
    }
  return 0;
}
