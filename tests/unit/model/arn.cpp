#include "ddbexport/arn.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace ddbexport;

TEST_CASE("table_arn parse and build") {
  const auto arn = table_arn::parse("arn:aws:dynamodb:us-east-1:123456789012:table/Music");
  REQUIRE(arn);
  CHECK(arn->partition == "aws");
  CHECK(arn->region == "us-east-1");
  CHECK(arn->account == "123456789012");
  CHECK(arn->table_name == "Music");
  std::string text;
  container_output out{text};
  arn->write(out);
  CHECK(text == "arn:aws:dynamodb:us-east-1:123456789012:table/Music");
}

TEST_CASE("table_arn distinguishes not-an-ARN from not-a-table (R-TABLEARN-NOTARN, R-TABLEARN-NOTTABLE)") {
  const auto problem_of = [](std::string_view text) {
    table_arn_problem p{};
    REQUIRE_FALSE(table_arn::parse(text, &p));
    return p;
  };
  CHECK(problem_of("Music") == table_arn_problem::not_an_arn);
  CHECK(problem_of("arn:aws:dynamodb:us-east-1:123456789012") == table_arn_problem::not_an_arn);
  CHECK(problem_of("arx:aws:dynamodb:us-east-1:123456789012:table/Music") == table_arn_problem::not_an_arn);
  CHECK(problem_of("arn::dynamodb:us-east-1:123456789012:table/Music") == table_arn_problem::not_an_arn);
  CHECK(problem_of("arn:aws::us-east-1:123456789012:table/Music") == table_arn_problem::not_an_arn);
  CHECK(problem_of("arn:aws:dynamodb:us-east-1:123456789012:") == table_arn_problem::not_an_arn);
  CHECK(problem_of("arn:aws:s3:us-east-1:123456789012:table/Music") == table_arn_problem::not_a_table_arn);
  CHECK(problem_of("arn:aws:dynamodb::123456789012:table/Music") == table_arn_problem::not_a_table_arn);
  CHECK(problem_of("arn:aws:dynamodb:us-east-1:12345678901:table/Music") == table_arn_problem::not_a_table_arn);
  CHECK(problem_of("arn:aws:dynamodb:us-east-1:1234567890123:table/Music") == table_arn_problem::not_a_table_arn);
  CHECK(problem_of("arn:aws:dynamodb:us-east-1:123456789012:table/Mu") == table_arn_problem::not_a_table_arn);
  CHECK(problem_of("arn:aws:dynamodb:us-east-1:123456789012:table/Music/index/ByArtist") ==
        table_arn_problem::not_a_table_arn);
  CHECK(table_arn::parse("arn:aws:dynamodb:us-east-1:123456789012:table/" + std::string(255, 'a')));
  CHECK_FALSE(table_arn::parse("arn:aws:dynamodb:us-east-1:123456789012:table/" + std::string(256, 'a')));
}

TEST_CASE("export ids and export ARNs") {
  const auto id = export_id::parse("01791506414432-abcdef12");
  REQUIRE(id);
  CHECK(id->start_ms == 1791506414432);
  CHECK(id->suffix == 0xabcdef12u);
  CHECK(to_epoch_ms(id->start_time()) == 1791506414432);
  CHECK_FALSE(export_id::parse("1791506414432-abcdef12"));
  CHECK_FALSE(export_id::parse("01791506414432-ABCDEF12"));
  CHECK_FALSE(export_id::parse("01791506414432_abcdef12"));

  const auto built = export_id::from_start_time(from_epoch_ms(5), 0x1f);
  REQUIRE(built);
  std::string text;
  container_output out{text};
  built->write(out);
  CHECK(text == "00000000000005-0000001f");
  CHECK_FALSE(export_id::from_start_time(from_epoch_ms(-1), 0));

  const auto arn = export_arn::parse("arn:aws:dynamodb:us-east-1:123456789012:table/T/export/01683331200000-abcdef12");
  REQUIRE(arn);
  CHECK(arn->table_arn_text == "arn:aws:dynamodb:us-east-1:123456789012:table/T");
  CHECK_FALSE(arn->table());  // "T" is shorter than TableName's minimum of 3
  CHECK(arn->id.start_ms == 1683331200000);
}

TEST_CASE("partition_fits_region (R-TABLEARN-PARTITION)") {
  CHECK(partition_fits_region("aws", "us-east-1"));
  CHECK(partition_fits_region("aws", "il-central-1"));
  CHECK_FALSE(partition_fits_region("aws", "cn-north-1"));
  CHECK_FALSE(partition_fits_region("aws", "us-gov-west-1"));
  CHECK(partition_fits_region("aws-us-gov", "us-gov-west-1"));
  CHECK(partition_fits_region("aws-cn", "cn-northwest-1"));
  CHECK(partition_fits_region("aws-iso-b", "us-isob-east-1"));
  CHECK(partition_fits_region("aws-eusc", "eusc-de-east-1"));
  CHECK_FALSE(partition_fits_region("aws-moon", "us-east-1"));
  CHECK_FALSE(partition_fits_region("aws", "us-east-"));
  CHECK_FALSE(partition_fits_region("aws", "useast1"));
}

TEST_CASE("the byte helpers the matchers use agree with std::string_view at every length and mismatch position") {
  namespace cc = detail::char_class;
  std::string a;
  for (std::size_t n = 0; n <= 40; ++n) {
    CAPTURE(n);
    std::string_view sa{a};
    CHECK(detail::equal(sa, sa));
    CHECK(detail::starts_with(sa, sa));
    CHECK(detail::ends_with(sa, sa));
    CHECK(detail::all_in<cc::word | cc::dot | cc::dash>(sa));
    CHECK_FALSE(detail::contains_run<false>(sa, ':'));
    for (std::size_t at = 0; at < n; ++at) {
      CAPTURE(at);
      std::string b = a;
      b[at] = ':';
      const std::string_view sb{b};
      CHECK_FALSE(detail::equal(sa, sb));
      CHECK(detail::starts_with(sa, sb.substr(0, at)));
      CHECK_FALSE(detail::starts_with(sa, sb.substr(0, at + 1)));
      CHECK_FALSE(detail::ends_with(sa, sb.substr(at)));
      CHECK(detail::ends_with(sa, sa.substr(at)));
      // The SSE2 path (16 bytes and more) must find the one stray byte wherever it is.
      CHECK_FALSE(detail::all_in<cc::word | cc::dot | cc::dash>(sb));
      CHECK(detail::all_in<cc::word | cc::dot | cc::dash | cc::colon_or_slash>(sb));
      CHECK(detail::contains_run<false>(sb, ':'));
      CHECK_FALSE(detail::contains_run<true>(sb, ':'));
      if (at + 1 < n) {
        b[at + 1] = ':';
        CHECK(detail::contains_run<true>(std::string_view{b}, ':'));
      }
    }
    if (n > 0) {
      CHECK_FALSE(detail::equal(sa, sa.substr(0, n - 1)));
      CHECK_FALSE(detail::starts_with(sa.substr(0, n - 1), sa));
      CHECK_FALSE(detail::ends_with(sa.substr(1), sa));
    }
    a.push_back("ab.-_9Z"[n % 7]);
  }
}
