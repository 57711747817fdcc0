// Must not compile: a request built in code whose incremental window is 14
// minutes long breaks R-INC-MIN, and check_request turns that into a compile
// error naming the rule. With DDBEXPORT_COMPILE_FAIL_CONTROL the window is
// 16 minutes and the file compiles, which shows the error has no other cause.
#include <chrono>

#include "ddbexport/validate/request.hpp"
#include "fixtures.hpp"

namespace {
using namespace ddbexport;
using namespace std::chrono_literals;

#ifdef DDBEXPORT_COMPILE_FAIL_CONTROL
constexpr auto window = 16min;
#else
constexpr auto window = 14min;
#endif

constexpr export_request request{
    .table_arn = test::music_arn,
    .s3_bucket = test::bucket,
    .export_type = export_type::incremental_export,
    .incremental_export_specification =
        incremental_export_specification{.export_from_time = test::now - 1h, .export_to_time = test::now - 1h + window},
};

constexpr auto context = test::every_fact_context();
static_assert(check_request(request, context));
}  // namespace
