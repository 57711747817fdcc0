// Response readers: success bodies, bare ExportDescriptions and the CLI's
// ContinuousBackupsDescription. Any bytes end in a value or one stage-D
// diagnostic; a value read goes through the response checks without harm.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "fuzz_common.hpp"
#include "property/equality.hpp"

using namespace ddbexport;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body = fuzz::as_text(data, size);
  json::owning_arena storage{body.size()};

  export_response response;
  const json::read_result r = json::read_response(body, response, storage, fuzz::fuzz_limits);
  if (!r.ok()) {
    fuzz::check_read_error(*r.error, body);
    DDBEXPORT_FUZZ_CHECK(test::same_response(response, export_response{}));
  } else {
    std::vector<diagnostic> all;
    container_sink sink{all};
    const validation_result checked = validate_response(response, sink);
    DDBEXPORT_FUZZ_CHECK(checked.violations == all.size());
    for (const diagnostic& d : all) {
      DDBEXPORT_FUZZ_CHECK(info(d.rule).stage == stage::response);
      DDBEXPORT_FUZZ_CHECK(!fuzz::write_to_string([&](auto& out) { write_message(d, out); }).empty());
    }
    count_sink counter;
    DDBEXPORT_FUZZ_CHECK(validate_response(response, counter).violations == checked.violations);
    // With the description's own fields as the request, the echo rule runs too.
    if (response.export_description) {
      const export_description& d = *response.export_description;
      const export_request echo{.table_arn = d.table_arn, .s3_bucket = d.s3_bucket, .export_time = d.export_time,
                                .client_token = d.client_token, .s3_bucket_owner = d.s3_bucket_owner,
                                .s3_prefix = d.s3_prefix, .s3_sse_algorithm = d.s3_sse_algorithm,
                                .s3_sse_kms_key_id = d.s3_sse_kms_key_id, .export_format = d.export_format,
                                .export_type = d.export_type,
                                .incremental_export_specification = d.incremental_export_specification,
                                .filter_specification = d.filter_specification};
      count_sink with_request;
      (void)validate_response(response, with_request, &echo);
    }
  }

  export_description description;
  const json::read_result d = json::read_description(body, description, storage, fuzz::fuzz_limits);
  if (!d.ok()) fuzz::check_read_error(*d.error, body);

  continuous_backups_description backups;
  const json::read_result b = json::read_continuous_backups(body, backups, storage, fuzz::fuzz_limits);
  if (!b.ok()) fuzz::check_read_error(*b.error, body);
  return 0;
}
