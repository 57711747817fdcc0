#include "ddbexport/enums.hpp"

#include <doctest/doctest.h>

using namespace ddbexport;

TEST_CASE("to_wire and from_wire are inverse for every enumerator") {
  const auto check = [](auto values) {
    for (auto v : values) {
      const auto name = to_wire(v);
      CHECK_FALSE(name.empty());
      REQUIRE(from_wire<decltype(v)>(name).has_value());
      CHECK(*from_wire<decltype(v)>(name) == v);
    }
  };
  check(enum_values<s3_sse_algorithm>);
  check(enum_values<export_format>);
  check(enum_values<export_type>);
  check(enum_values<export_view_type>);
  check(enum_values<export_status>);
  check(enum_values<point_in_time_recovery_status>);
}

TEST_CASE("from_wire is exact and case-sensitive") {
  CHECK_FALSE(from_wire<s3_sse_algorithm>("aes256"));
  CHECK_FALSE(from_wire<s3_sse_algorithm>("aws:kms"));
  CHECK_FALSE(from_wire<export_view_type>("NEW_IMAGES"));
  CHECK_FALSE(from_wire<export_format>(""));
  CHECK(from_wire<export_format>("ION") == export_format::ion);
}

TEST_CASE("open_enum keeps unknown values verbatim") {
  const auto status = export_status_value::from_text("PAUSED");
  CHECK(status.text() == "PAUSED");
  CHECK_FALSE(status.is_known());
  CHECK_FALSE(status == export_status::completed);
  const export_status_value done = export_status::completed;
  CHECK(done.text() == "COMPLETED");
  CHECK(done.known() == export_status::completed);
  CHECK(done == export_status_value::from_text("COMPLETED"));
}

TEST_CASE("documented defaults") {
  CHECK(to_wire(default_export_type) == "FULL_EXPORT");
  CHECK(to_wire(default_export_view_type) == "NEW_AND_OLD_IMAGES");
  CHECK(to_wire(default_export_format) == "DYNAMODB_JSON");
  CHECK(to_wire(default_s3_sse_algorithm) == "AES256");
  CHECK(enum_traits<export_format>::value_set == "[ION, DYNAMODB_JSON]");
}
