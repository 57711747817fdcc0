// Validation never touches the heap. Part of the no-alloc executable, which
// links the suite's one counting operator new (support/counting_new.cpp).

#include "validation_helpers.hpp"

#include <cstddef>
#include <vector>

#include "counting_new.hpp"

using namespace ddbexport;
using namespace ddbexport::test;

TEST_CASE("the counting operator new sees allocations") {
  std::vector<diagnostic> diags;
  container_sink sink{diags};
  export_request r = full_request();
  r.s3_bucket = "my bucket";
  CHECK(allocations_during([&] { validate(r, sink); }) > 0);  // the vector grows
  CHECK(diags.size() == 1);
}

TEST_CASE("validating with a full context and a ledger allocates nothing") {
  // Inputs are built before counting starts.
  const string_entry names[] = {{"#a", "Artist"}, {"#b", "Album"}};
  const attribute_entry fields[] = {{"x", attribute_value::string("1")}, {"y", attribute_value::number("2")}};
  const attribute_entry values[] = {{":m", attribute_value::map_of(fields)}};
  export_request r = full_request();
  r.client_token = "tok-1";
  r.s3_bucket_owner = caller_account;
  r.filter_specification = filter_specification{.projection_expression = "#a, #b",
                                                .expression_attribute_names = std::span<const string_entry>{names},
                                                .expression_attribute_values =
                                                    std::span<const attribute_entry>{values}};
  export_request other = r;
  other.client_token = "tok-2";
  other.s3_prefix = "p/";
  const ledger_entry entries[] = {{r, "arn:aws:dynamodb:us-east-1:123456789012:table/Music/export/01789990000000-0badcafe",
                                   now - 1h},
                                  {other, "arn:aws:dynamodb:us-east-1:123456789012:table/Music/export/01789990000001-0badcafe",
                                   std::nullopt}};
  const span_ledger ledger{entries};
  auto ctx = every_fact_context();
  ctx.previous_exports = &ledger;

  export_request failing = other;  // conflicts with entries[1], and fails several stages
  failing.s3_prefix = "";
  failing.export_time = now + 1h;
  failing.s3_bucket = "My_Bucket";

  for (const export_request* request : {&r, &failing}) {
    collect_sink<32> collected;
    first_sink first;
    count_sink counted;
    validation_result result{};
    char text[1024];
    buffer_output out{text};
    const std::size_t n = allocations_during([&] {
      result = validate(*request, ctx, collected);
      validate(*request, ctx, first);
      validate(*request, ctx, counted);
      write_error_message(*request, ctx, result, out);
      for (const auto& d : collected) {
        counting_output size;
        write_message(d, size);
      }
    });
    CHECK(n == 0);
    CHECK(collected.size() == result.violations + result.warnings);
  }
}
