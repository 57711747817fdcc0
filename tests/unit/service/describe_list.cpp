// SERVICE.md §5 (DescribeExport) and §6 (ListExports, NextToken §6.1).

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "fixtures.hpp"

using namespace service_test;

namespace {

constexpr std::int64_t t0 = 1792000000500;
constexpr std::string_view validation = R"j({"__type":"com.amazon.coral.validate#ValidationException","message":")j";

std::string create(endpoint& e, std::string_view table_arn, std::int64_t now, std::string_view extra = "") {
  const answer a = e.call("ExportTableToPointInTime",
                          R"j({"TableArn":")j" + std::string{table_arn} + R"j(","S3Bucket":"ddb-exports-demo")j" +
                              std::string{extra} + "}",
                          now);
  REQUIRE(a.recorded_export_arn);
  return *a.recorded_export_arn;
}

answer describe(endpoint& e, std::string_view arn, std::int64_t now = t0 + 1000) {
  return e.call("DescribeExport", R"j({"ExportArn":")j" + std::string{arn} + "\"}", now);
}

std::string message_of(const answer& a) {
  const auto at = a.body.find("essage\":\"");
  return at == std::string::npos ? std::string{} : a.body.substr(at + 9, a.body.size() - at - 11);
}

std::vector<std::string> listed_arns(const answer& a) {
  std::vector<std::string> arns;
  for (std::size_t at = a.body.find("\"ExportArn\":\""); at != std::string::npos;
       at = a.body.find("\"ExportArn\":\"", at + 1)) {
    const auto begin = at + 13;
    arns.push_back(a.body.substr(begin, a.body.find('"', begin) - begin));
  }
  return arns;
}

std::optional<std::string> next_token_of(const answer& a) {
  const auto at = a.body.find("\"NextToken\":\"");
  if (at == std::string::npos) return std::nullopt;
  return a.body.substr(at + 13, a.body.find('"', at + 13) - at - 13);
}

}  // namespace

TEST_CASE("V-DESC-SHAPE: ExportArn absent, shorter than 37 or longer than 1024 code points") {
  endpoint e;
  CHECK(e.call("DescribeExport", "{}", t0).body == std::string{validation} +
        R"j(1 validation error detected: Value null at 'exportArn' failed to satisfy constraint: Member must not be null"})j");
  CHECK(e.call("DescribeExport", R"j({"ExportArn":null,"Other":[1]})j", t0).status == 400);
  CHECK(message_of(describe(e, "arn:aws:dynamodb:us-east-1:1:table/x")) ==
        "1 validation error detected: Value 'arn:aws:dynamodb:us-east-1:1:table/x' at 'exportArn' failed to satisfy "
        "constraint: Member must have length greater than or equal to 37");
  const std::string long_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/x/export/" + std::string(970, 'a');
  CHECK(message_of(describe(e, long_arn)).ends_with("Member must have length less than or equal to 1024"));
  // 37 code points pass, though they are 38 bytes.
  CHECK(message_of(describe(e, "\xC3\xA9" + std::string(36, 'x'))) == "Invalid Export ARN");
  CHECK(e.call("DescribeExport", R"j({"ExportArn":5})j", t0).body ==
        R"j({"__type":"com.amazon.coral.service#SerializationException","Message":"NUMBER_VALUE cannot be converted to String"})j");
}

TEST_CASE("V-DESC-NOTARN: fewer than six fields or not `arn` first") {
  endpoint e;
  for (std::string_view arn : {std::string_view{"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
                               std::string_view{"qwerty:aws:dynamodb:us-east-1:123456789012:table/orders/export/0"},
                               std::string_view{"arn:aws:dynamodb:us-east-1-123456789012-table/orders/export/0"}}) {
    CAPTURE(arn);
    CHECK(message_of(describe(e, arn)) == "Invalid Export ARN");
  }
}

TEST_CASE("V-DESC-ACCESS: partition, service, account or region replaced is AccessDenied, before the resource check") {
  endpoint e;
  for (std::string_view arn : {"arn:qwerty:dynamodb:us-east-1:123456789012:table/orders/export/0",
                               "arn:aws:qwerty:us-east-1:123456789012:table/orders/export/0",
                               "arn:aws:dynamodb:qwerty:123456789012:table/orders/export/0",
                               "arn:aws:dynamodb:us-east-1:qwerty:table/orders/export/0",
                               "arn:aws:dynamodb:us-east-1:210987654321:table/orders/export/0",
                               "arn:aws-cn:dynamodb:cn-north-1:123456789012:table/orders/export/0",
                               "arn::dynamodb:us-east-1:123456789012:table/orders/export/0000",
                               "arn:qwerty:dynamodb:us-east-1:123456789012:table/x"}) {
    CAPTURE(arn);
    const answer a = describe(e, arn);
    CHECK(a.body == R"j({"__type":"com.amazon.coral.service#AccessDeniedException","Message":"Access is denied"})j");
  }
  // The partition follows the region: a cn- endpoint accepts its own ARNs.
  endpoint cn;
  cn.region = "cn-north-1";
  CHECK(message_of(describe(cn, "arn:aws-cn:dynamodb:cn-north-1:123456789012:table/orders/export/0")).starts_with(
      "Export not found: Export not found:"));
}

TEST_CASE("V-DESC-RESOURCE: only table/<name>/export/<id>") {
  endpoint e;
  for (std::string_view arn : {"arn:aws:dynamodb:us-east-1:123456789012:table/orders",
                               "arn:aws:dynamodb:us-east-1:123456789012:table/orders/import/01792000000500-34353637",
                               "arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/",
                               "arn:aws:dynamodb:us-east-1:123456789012:table/a/b/export/0123456789",
                               "arn:aws:dynamodb:us-east-1:123456789012:table//export/01792000000500",
                               "arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/0/1",
                               "arn:aws:dynamodb:us-east-1:123456789012:backup/orders/export/0123"}) {
    CAPTURE(arn);
    CHECK(message_of(describe(e, arn)) == "Invalid Export ARN");
  }
}

TEST_CASE("V-DESC-REGION V-DESC-NOTFOUND V-DESC-OK: another region, an unknown id, a describable export") {
  endpoint e;
  const std::string arn = create(e, orders_arn, t0);
  CHECK(message_of(describe(e, "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/export/0")) ==
        "Export not found: Invalid export arn");
  // The id is not shape-checked: `…/export/0` reaches not-found.
  CHECK(message_of(describe(e, "arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/0")) ==
        "Export not found: Export not found: arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/0");
  const answer ok = describe(e, arn);
  CHECK(ok.status == 200);
  // Still describable after DeleteTable; repeated reads are identical.
  e.tables.ids.clear();
  CHECK(describe(e, arn).body == ok.body);
  CHECK(describe(e, arn, t0 + 5000).body == ok.body);
}

TEST_CASE("V-LIST-HORIZON: past StartTime + 90 days an export is neither listed nor described") {
  endpoint e;
  const std::string arn = create(e, orders_arn, t0);
  const std::int64_t edge = t0 + 7776000000;
  CHECK(describe(e, arn, edge).status == 200);
  CHECK(listed_arns(e.call("ListExports", "{}", edge)) == std::vector<std::string>{arn});
  CHECK(message_of(describe(e, arn, edge + 1)).starts_with("Export not found: Export not found:"));
  CHECK(e.call("ListExports", "{}", edge + 1).body == R"j({"ExportSummaries":[]})j");
  CHECK(past_horizon(from_epoch_ms(0), from_epoch_ms(horizon_ms + 1)));
  CHECK_FALSE(past_horizon(from_epoch_ms(0), from_epoch_ms(horizon_ms)));
}

TEST_CASE("V-LIST-SHAPE: one combined message, tableArn then maxResults, MaxResults floored and quoted") {
  endpoint e;
  const auto list_message = [&](std::string_view body) { return message_of(e.call("ListExports", body, t0)); };
  CHECK(list_message(R"j({"MaxResults":0})j") ==
        "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value "
        "greater than or equal to 1");
  CHECK(list_message(R"j({"MaxResults":26.9})j").starts_with("1 validation error detected: Value '26' at 'maxResults'"));
  CHECK(list_message(R"j({"MaxResults":-0.5})j").starts_with("1 validation error detected: Value '-1' at"));
  CHECK(list_message(R"j({"MaxResults":-0})j").starts_with("1 validation error detected: Value '0' at"));
  CHECK(list_message(R"j({"MaxResults":-2147483648})j").starts_with("1 validation error detected: Value '-2147483648'"));
  CHECK(e.call("ListExports", R"j({"MaxResults":2.5e1})j", t0).status == 200);
  CHECK(e.call("ListExports", R"j({"MaxResults":1e-400})j", t0).status == 400);  // floored to 0
  CHECK(e.call("ListExports", R"j({"MaxResults":null,"TableArn":null})j", t0).status == 200);
  const std::string long_table(1025, 't');
  CHECK(list_message(R"j({"TableArn":")j" + long_table + R"j(","MaxResults":-3})j") ==
        "2 validation errors detected: Value '" + long_table +
            "' at 'tableArn' failed to satisfy constraint: Member must have length less than or equal to 1024; Value "
            "'-3' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1");
  // The Integer texts of §6 are SerializationExceptions spelled Message.
  const auto integer = [&](std::string_view value) {
    const answer a = e.call("ListExports", R"j({"MaxResults":)j" + std::string{value} + "}", t0);
    CHECK(a.body.starts_with(R"j({"__type":"com.amazon.coral.service#SerializationException","Message":")j"));
    return message_of(a);
  };
  CHECK(integer("\"5\"") == "STRING_VALUE cannot be converted to Integer");
  CHECK(integer("true") == "TRUE_VALUE cannot be converted to Integer");
  CHECK(integer("false") == "FALSE_VALUE cannot be converted to Integer");
  CHECK(integer("[1]") == "Unrecognized collection type class java.lang.Integer");
  CHECK(integer("{\"a\":1}") == "Start of structure or map found where not expected");
  CHECK(integer("1e400") == "NUMBER_VALUE cannot be converted to Integer");
  CHECK(integer("2147483648") == "NUMBER_VALUE cannot be converted to Integer");
  CHECK(integer("-2147483649") == "NUMBER_VALUE cannot be converted to Integer");
  CHECK(integer("99999999999999999999999999") == "NUMBER_VALUE cannot be converted to Integer");
  CHECK(integer("2147483648.5") == "NUMBER_VALUE cannot be converted to Integer");
  // An escaped member name is the same member.
  CHECK(integer("true,\"x\":1") == "TRUE_VALUE cannot be converted to Integer");
  CHECK(message_of(e.call("ListExports", R"j({"Max\u0052esults":30})j", t0)).find("'30'") != std::string::npos);
}

TEST_CASE("V-LIST-TOKEN: a NextToken that does not decode is echoed in the message") {
  endpoint e;
  const auto token_message = [&](std::string_view token) {
    return message_of(e.call("ListExports", R"j({"NextToken":")j" + std::string{token} + "\"}", t0));
  };
  CHECK(token_message("") == "Invalid Request: Provided nextToken is invalid: ");
  for (std::string_view bad : {"6", "6F72", "zz", "2f6578706f72742f31",  // "/export/1": no name
                               "612f6578706f72742f",                   // "a/export/": no id
                               "612f622f6578706f72742f31",             // "a/b/export/1"
                               "612f6578706f72742f312f32",             // "a/export/1/2"
                               "61ff2f6578706f72742f31",               // invalid UTF-8
                               "6f7264657273"}) {                      // "orders"
    CAPTURE(bad);
    CHECK(token_message(bad) == "Invalid Request: Provided nextToken is invalid: " + std::string{bad});
  }
  CHECK(e.call("ListExports", R"j({"NextToken":"612f6578706f72742f31"})j", t0).status == 200);
  const auto position = decode_next_token("612f6578706f72742f31");
  REQUIRE(position);
  CHECK(position->resource == "a/export/1");
  CHECK(position->table_name() == "a");
  std::string token;
  container_output<std::string> out{token};
  write_next_token("arn:aws:dynamodb:us-east-1:123456789012:table/orders/export/01792000000500-34353637", out);
  CHECK(token == "6f72646572732f6578706f72742f30313739323030303030303530302d3334333533363337");
  CHECK(token.size() == 74);
}

TEST_CASE("V-LIST-SCOPE: the caller's account and region; with TableArn, only the table's current TableId") {
  endpoint e;
  const std::string a = create(e, orders_arn, t0);
  const std::string b = create(e, orders_v2_arn, t0 + 1);
  // Another region's records, in the same store.
  e.tables.ids["arn:aws:dynamodb:us-west-2:123456789012:table/orders"] = std::string{orders_id};
  e.region = "us-west-2";
  const std::string west = create(e, "arn:aws:dynamodb:us-west-2:123456789012:table/orders", t0 + 2);
  CHECK(listed_arns(e.call("ListExports", "{}", t0 + 3)) == std::vector<std::string>{west});
  e.region = "us-east-1";
  e.account = "210987654321";
  CHECK(listed_arns(e.call("ListExports", "{}", t0 + 3)).empty());
  e.account = "123456789012";
  CHECK(listed_arns(e.call("ListExports", R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders"})j", t0 + 3)) ==
        std::vector<std::string>{a});
  // Re-created under the same name: a new TableId lists nothing of the old table.
  e.tables.ids[std::string{orders_arn}] = "11111111-2222-3333-4444-555555555555";
  CHECK(listed_arns(e.call("ListExports", R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders"})j", t0 + 3)).empty());
  // Without TableArn, deleted tables are listed (`orders/` before `orders-v2/`); a TableArn that is no ARN lists nothing.
  e.tables.ids.clear();
  CHECK(listed_arns(e.call("ListExports", "{}", t0 + 3)) == std::vector<std::string>{a, b});
  CHECK(listed_arns(e.call("ListExports", R"j({"TableArn":"not an arn"})j", t0 + 3)).empty());
}

TEST_CASE("V-LIST-ORDER V-LIST-PAGE: ExportArn descending; pages of MaxResults, default 25; NextToken only when more remain") {
  endpoint e;
  std::vector<std::string> arns;
  for (int i = 0; i < 30; ++i) arns.push_back(create(e, i % 2 == 0 ? orders_arn : orders_v2_arn, t0 + i * 1000));
  std::vector<std::string> expected = arns;
  std::sort(expected.begin(), expected.end(), std::greater<>{});
  // `table/orders/…` sorts before `table/orders-v2/…`: '/' is above '-'.
  CHECK(expected.front().find("table/orders/") != std::string::npos);
  const answer first = e.call("ListExports", "{}", t0 + 60000);
  CHECK(listed_arns(first).size() == 25);
  const auto token = next_token_of(first);
  REQUIRE(token);
  const answer rest = e.call("ListExports", R"j({"NextToken":")j" + *token + "\"}", t0 + 60000);
  CHECK_FALSE(next_token_of(rest));
  std::vector<std::string> all = listed_arns(first);
  for (const auto& arn : listed_arns(rest)) all.push_back(arn);
  CHECK(all == expected);
  // Exactly a page: no token.
  const answer exact = e.call("ListExports", R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/orders","MaxResults":15})j", t0 + 60000);
  CHECK(listed_arns(exact).size() == 15);
  CHECK_FALSE(next_token_of(exact));
  // Paging by one visits every export once, in order.
  std::vector<std::string> walked;
  std::optional<std::string> next;
  do {
    const std::string body = next ? R"j({"MaxResults":1,"NextToken":")j" + *next + "\"}" : R"j({"MaxResults":1})j";
    const answer page = e.call("ListExports", body, t0 + 60000);
    for (const auto& arn : listed_arns(page)) walked.push_back(arn);
    next = next_token_of(page);
  } while (next);
  CHECK(walked == expected);
}

TEST_CASE("V-LIST-SUMMARY V-LIST-OUT: ExportArn, ExportStatus, ExportType (FULL_EXPORT by default); ExportSummaries always present") {
  endpoint e;
  CHECK(e.call("ListExports", "{}", t0).body == R"j({"ExportSummaries":[]})j");
  const std::string full = create(e, orders_arn, t0, R"j(,"ExportType":"FULL_EXPORT")j");
  const std::string plain = create(e, orders_arn, t0 + 1);
  CHECK(e.call("ListExports", "{}", t0 + 2).body ==
        R"j({"ExportSummaries":[{"ExportArn":")j" + plain + R"j(","ExportStatus":"IN_PROGRESS","ExportType":"FULL_EXPORT"},{"ExportArn":")j" +
            full + R"j(","ExportStatus":"IN_PROGRESS","ExportType":"FULL_EXPORT"}]})j");
}
