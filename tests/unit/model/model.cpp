#include "ddbexport/continuous_backups.hpp"
#include "ddbexport/describe_export.hpp"
#include "ddbexport/list_exports.hpp"
#include "ddbexport/members.hpp"
#include "ddbexport/request_equality.hpp"
#include "ddbexport/service_error.hpp"
#include "ddbexport/validate/rules.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace ddbexport;

TEST_CASE("the request's name table has the 12 members in wire order") {
  export_request request{};
  std::vector<std::string> names;
  for_each_member(request, [&](std::string_view name, auto&) { names.emplace_back(name); });
  CHECK(names == std::vector<std::string>{"TableArn", "S3Bucket", "ExportTime", "ClientToken", "S3BucketOwner",
                                          "S3Prefix", "S3SseAlgorithm", "S3SseKmsKeyId", "ExportFormat",
                                          "ExportType", "IncrementalExportSpecification", "FilterSpecification"});
}

TEST_CASE("ExportDescription has 22 members, BilledSizeBytes before ItemCount") {
  const export_description d{};
  std::vector<std::string> names;
  for_each_member(d, [&](std::string_view name, const auto&) { names.emplace_back(name); });
  REQUIRE(names.size() == 22);
  CHECK(names[17] == "BilledSizeBytes");
  CHECK(names[18] == "ItemCount");
  CHECK(names[21] == "FilterSpecification");
}

TEST_CASE("member kinds are derived from the C++ types") {
  CHECK(member_kind_v<decltype(export_request::table_arn)> == member_kind::string);
  CHECK(member_kind_v<decltype(export_request::export_time)> == member_kind::timestamp);
  CHECK(member_kind_v<decltype(export_request::export_format)> == member_kind::enumeration);
  CHECK(member_kind_v<decltype(export_request::incremental_export_specification)> == member_kind::structure);
  CHECK(member_kind_v<decltype(filter_specification::expression_attribute_names)> == member_kind::string_map);
  CHECK(member_kind_v<decltype(filter_specification::expression_attribute_values)> == member_kind::attribute_map);
  CHECK(member_kind_v<decltype(export_description::item_count)> == member_kind::long_integer);
}

TEST_CASE("absent differs from explicitly default") {
  export_request omitted{};
  export_request explicit_default{.s3_sse_algorithm = s3_sse_algorithm::aes256};
  CHECK_FALSE(omitted.s3_sse_algorithm.has_value());
  REQUIRE(explicit_default.s3_sse_algorithm.has_value());
  CHECK(explicit_default.s3_sse_algorithm->is(default_s3_sse_algorithm));
}

TEST_CASE("error catalogue: namespaces, status and fault") {
  CHECK(info(error_kind::validation).type == "com.amazon.coral.validate#ValidationException");
  CHECK(info(error_kind::serialization).type == "com.amazon.coral.service#SerializationException");
  CHECK(info(error_kind::throttling).wire_namespace == "com.amazon.coral.availability");
  CHECK(info(error_kind::internal_server_error).http_status == 500);
  CHECK(info(error_kind::internal_server_error).fault == fault::server);
  CHECK(info(error_kind::table_not_found).fault == fault::client);
  int modelled = 0;
  for (const auto& e : error_catalogue) {
    modelled += e.modelled_by_operation ? 1 : 0;
    CHECK(e.type == std::string(e.wire_namespace) + "#" + std::string(e.name));
    CHECK(error_kind_from_name(e.name).has_value());
  }
  CHECK(modelled == 6);
  CHECK(fault_for("InternalServerError", 400) == fault::server);
  CHECK(fault_for("TableNotFoundException", 500) == fault::client);
  CHECK(fault_for("SomethingNewException", 500) == fault::server);
  CHECK(fault_for("tablenotfoundexception", 400) == fault::client);
}

TEST_CASE("rule catalogue round-trips ids") {
  for (std::size_t i = 0; i < rule_count; ++i) {
    const auto r = static_cast<rule_id>(i);
    CHECK(rule_from_string(to_string(r)) == r);
  }
  CHECK(error_name(rule_id::r_pitr_req) == "PointInTimeRecoveryUnavailableException");
  CHECK(info(rule_id::r_owner_xacct).severity == severity::async);
  rule_set s;
  s.insert(rule_id::r_inc_min);
  s.insert(rule_id::w_json);
  CHECK(s.size() == 2);
  CHECK(s.contains(rule_id::r_inc_min));
  s.erase(rule_id::r_inc_min);
  CHECK_FALSE(s.contains(rule_id::r_inc_min));
}

namespace {
/// A value of T with only its member number `k` present (default-valued).
template <class T>
T with_only_member(std::size_t k) {
  T value{};
  with_member_at(value, k, [](std::string_view, auto& member) { member.emplace(); });
  return value;
}

template <class T>
void check_every_member_counts() {
  const T none{};
  for (std::size_t k = 0; k < member_count<T>; ++k) {
    const T one = with_only_member<T>(k);
    CHECK_MESSAGE(!same_value(none, one), member_names<T>[k] << " present is the same as absent");
    CHECK_MESSAGE(!same_value(one, none), member_names<T>[k] << " absent is the same as present");
    CHECK(same_value(one, one));
  }
}
}  // namespace

TEST_CASE("RULES.md §6 same_value: present differs from absent in every member of every shape") {
  check_every_member_counts<export_request>();
  check_every_member_counts<incremental_export_specification>();
  check_every_member_counts<filter_specification>();
  check_every_member_counts<export_description>();
  check_every_member_counts<export_response>();
  check_every_member_counts<describe_export_request>();
  check_every_member_counts<describe_export_response>();
  check_every_member_counts<list_exports_request>();
  check_every_member_counts<export_summary>();
  check_every_member_counts<list_exports_response>();
  check_every_member_counts<point_in_time_recovery_description>();
  check_every_member_counts<continuous_backups_description>();
}

TEST_CASE("R-TOKEN-CONFLICT: same_request_ignoring_token skips ClientToken and no other member") {
  const export_request none{};
  for (std::size_t k = 0; k < member_count<export_request>; ++k) {
    const bool is_token = k == member_index<&export_request::client_token>;
    CHECK_MESSAGE(same_request_ignoring_token(none, with_only_member<export_request>(k)) == is_token,
                  member_names<export_request>[k]);
  }
}
