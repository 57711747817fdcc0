// Stage K: the ClientToken idempotency window (RULES.md §3.6, §6), and
// R-TOKEN-AUTOFILL (client_token.hpp).

#include "validation_helpers.hpp"
#include "fixtures.hpp"

#include "ddbexport/client_token.hpp"

#include <array>
#include <cstdint>
#include <deque>
#include <random>
#include <string>
#include <vector>

using namespace ddbexport;
using namespace ddbexport::test;

namespace {

constexpr std::string_view token = "token-1";
constexpr std::string_view earlier_arn =
    "arn:aws:dynamodb:us-east-1:123456789012:table/Music/export/01789990000000-0badcafe";
constexpr std::string_view other_arn =
    "arn:aws:dynamodb:us-east-1:123456789012:table/Music/export/01789995000000-12345678";
constexpr std::string_view conflict_message = "Export conflict: Duplicate request detected with conflicting parameters";

export_request with_token(export_request r = full_request()) {
  r.client_token = token;
  return r;
}

ledger_entry in_progress(const export_request& r, std::string_view arn = earlier_arn) { return {r, arn, std::nullopt}; }
ledger_entry completed(const export_request& r, timestamp at, std::string_view arn = earlier_arn) { return {r, arn, at}; }

/// Validates `request` against a ledger holding `entries`, in every_fact_context() unless told otherwise.
outcome against(const export_request& request, const std::vector<ledger_entry>& entries,
                validation_context<> ctx = every_fact_context()) {
  const span_ledger ledger{entries};
  ctx.previous_exports = &ledger;
  return validate_all(request, ctx);
}

void check_replay(const outcome& o, std::string_view arn = earlier_arn) {
  check_accepted(o);
  CHECK(o.replay_of() == arn);
  CHECK(o.result.unchecked.empty());
}

void check_new(const outcome& o) {
  check_accepted(o);
  CHECK(o.replay_of() == "<none>");
  CHECK(o.result.unchecked.empty());
}

void check_conflict(const outcome& o) {
  check_rejected(o, rule_id::r_token_conflict, "ClientToken", "ExportConflictException", conflict_message);
  CHECK(o.replay_of() == "<none>");
}

}  // namespace

// ---- the window ------------------------------------------------------------

TEST_CASE("R-TOKEN-REPLAY: the same request inside the window returns the earlier ExportArn") {
  check_replay(against(with_token(), {in_progress(with_token())}));
  check_replay(against(with_token(), {completed(with_token(), now - 1h)}));
}

TEST_CASE("R-TOKEN-REPLAY: exactly 8 h after completion is still inside") {
  check_replay(against(with_token(), {completed(with_token(), now - 8h)}));
}

TEST_CASE("R-TOKEN-WINDOW: 8 h + 1 ms after completion the request is new, even if it differs") {
  check_new(against(with_token(), {completed(with_token(), now - 8h - 1ms)}));
  export_request changed = with_token();
  changed.s3_prefix = "elsewhere/";
  check_new(against(changed, {completed(with_token(), now - 8h - 1ms)}));
}

TEST_CASE("R-TOKEN-REPLAY: an export in progress is always inside, even with Now unknown") {
  auto ctx = every_fact_context();
  ctx.now.reset();
  const auto o = against(with_token(), {in_progress(with_token())}, ctx);
  check_accepted(o);
  CHECK(o.replay_of() == earlier_arn);
  CHECK_FALSE(o.result.unchecked.contains(rule_id::r_token_replay));
  check_conflict(against(with_token(full_request()), {in_progress(with_token(incremental_request(now - 1h)))}, ctx));
}

TEST_CASE("R-TOKEN-WINDOW: tokens compare code point for code point; other tokens are no candidates") {
  export_request upper = with_token();
  upper.client_token = "Token-1";
  check_new(against(upper, {in_progress(with_token())}));
  export_request changed = with_token();
  changed.s3_prefix = "p/";
  export_request other_token = with_token();
  other_token.client_token = "token-2";
  check_new(against(changed, {in_progress(other_token)}));
}

TEST_CASE("R-TOKEN-REPLAY: among candidates inside, in progress wins, then the latest completion, then ledger order") {
  const export_request r = with_token();
  check_replay(against(r, {completed(r, now - 1h), in_progress(r, other_arn), completed(r, now - 2h)}), other_arn);
  check_replay(against(r, {completed(r, now - 2h), completed(r, now - 1h, other_arn)}), other_arn);
  check_replay(against(r, {completed(r, now - 1h), completed(r, now - 1h, other_arn)}), earlier_arn);
  check_replay(against(r, {in_progress(r), in_progress(r, other_arn)}), earlier_arn);
  // Outside entries are never chosen.
  check_replay(against(r, {completed(r, now - 9h, other_arn), completed(r, now - 7h)}), earlier_arn);
}

TEST_CASE("R-TOKEN-CONFLICT: the chosen candidate decides, even when another entry matches") {
  export_request different = with_token();
  different.s3_prefix = "other/";
  check_conflict(against(with_token(), {completed(with_token(), now - 1h), in_progress(different, other_arn)}));
}

TEST_CASE("R-TOKEN-REPLAY: without a ClientToken stage K does nothing") {
  const export_request r = full_request();
  check_new(against(r, {in_progress(r)}));
  auto no_ledger = every_fact_context();
  no_ledger.previous_exports = nullptr;
  CHECK(validate_all(r, no_ledger).result.unchecked.empty());
}

// ---- same request? -----------------------------------------------------------

TEST_CASE("R-TOKEN-CONFLICT: any changed member conflicts") {
  std::vector<export_request> changes;
  auto change = [&](auto mutate) {
    export_request r = with_token();
    mutate(r);
    changes.push_back(r);
  };
  change([](export_request& r) { r.s3_bucket = "another-bucket"; });
  change([](export_request& r) { r.export_time = now - 1h; });
  change([](export_request& r) { r.s3_prefix = "exports/"; });
  change([](export_request& r) { r.s3_sse_algorithm = s3_sse_algorithm::kms; });
  change([](export_request& r) { r.export_format = export_format::ion; });
  change([](export_request& r) {
    r.filter_specification = filter_specification{.filter_expression = "attribute_exists(a)"};
  });
  for (const auto& r : changes) check_conflict(against(r, {in_progress(with_token())}));
}

TEST_CASE("R-TOKEN-CONFLICT: the same token on another table conflicts") {
  export_request other_table = with_token();
  other_table.table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Albums";
  check_conflict(against(other_table, {in_progress(with_token())}));
}

TEST_CASE("R-TOKEN-CONFLICT: an explicit default differs from omission, both ways") {
  std::vector<export_request> explicit_defaults;
  auto add = [&](auto mutate) {
    export_request r = with_token();
    mutate(r);
    explicit_defaults.push_back(r);
  };
  add([](export_request& r) { r.s3_sse_algorithm = s3_sse_algorithm::aes256; });
  add([](export_request& r) { r.s3_bucket_owner = caller_account; });
  add([](export_request& r) { r.export_format = export_format::dynamodb_json; });
  add([](export_request& r) { r.export_type = export_type::full_export; });
  for (const auto& r : explicit_defaults) {
    check_conflict(against(r, {in_progress(with_token())}));
    check_conflict(against(with_token(), {in_progress(r)}));
  }
  // ...and an explicit ExportViewType differs from the R-INC-VIEW-DEFAULT omission.
  const export_request omitted = with_token(incremental_request(now - 1h, now - 30min));
  export_request explicit_view = omitted;
  explicit_view.incremental_export_specification->export_view_type = export_view_type::new_and_old_images;
  check_conflict(against(explicit_view, {in_progress(omitted)}));
  // Absent equals absent: two requests without ExportTime are the same.
  check_replay(against(omitted, {in_progress(omitted)}));
}

TEST_CASE("R-TOKEN-CONFLICT: '{}' differs from an absent structure or map") {
  export_request absent = with_token();
  export_request empty_filter = with_token();
  empty_filter.filter_specification = filter_specification{};
  CHECK_FALSE(same_request_ignoring_token(absent, empty_filter));
  export_request empty_spec = with_token();
  empty_spec.incremental_export_specification = incremental_export_specification{};
  CHECK_FALSE(same_request_ignoring_token(absent, empty_spec));
  CHECK(same_request_ignoring_token(empty_spec, empty_spec));

  // In a report: the request fails stage I, and the conflict is listed after it.
  const auto o = against(empty_filter, {in_progress(absent)});
  CHECK(o.rules() == "R-FILTER-EMPTY R-TOKEN-CONFLICT");
  CHECK(o.result.error() == error_kind::validation);

  // A present empty map differs from an absent one, in an otherwise valid request.
  export_request with_names = with_token();
  with_names.filter_specification = filter_specification{
      .filter_expression = "a = b", .expression_attribute_names = std::span<const string_entry>{}};
  export_request without_names = with_token();
  without_names.filter_specification = filter_specification{.filter_expression = "a = b"};
  check_conflict(against(with_names, {in_progress(without_names)}));
}

TEST_CASE("R-TOKEN-REPLAY: ExpressionAttributeNames compare as key sets with equal values") {
  const string_entry ab[] = {{"#a", "Artist"}, {"#b", "Album"}};
  const string_entry ba[] = {{"#b", "Album"}, {"#a", "Artist"}};
  const string_entry changed_value[] = {{"#a", "Artist"}, {"#b", "Song"}};
  const string_entry only_a[] = {{"#a", "Artist"}};
  auto with_names = [](std::span<const string_entry> names) {
    export_request r = with_token();
    r.filter_specification =
        filter_specification{.projection_expression = "#a, #b", .expression_attribute_names = names};
    return r;
  };
  check_replay(against(with_names(ba), {in_progress(with_names(ab))}));
  check_conflict(against(with_names(changed_value), {in_progress(with_names(ab))}));
  check_conflict(against(with_names(only_a), {in_progress(with_names(ab))}));
  check_conflict(against(with_names(ab), {in_progress(with_names(only_a))}));
}

TEST_CASE("R-TOKEN-REPLAY: AttributeValue M key order is ignored, L order counts") {
  const attribute_entry ab[] = {{"a", attribute_value::string("1")}, {"b", attribute_value::number("2")}};
  const attribute_entry ba[] = {{"b", attribute_value::number("2")}, {"a", attribute_value::string("1")}};
  const attribute_entry b_as_string[] = {{"b", attribute_value::string("2")}, {"a", attribute_value::string("1")}};
  const attribute_value one_two[] = {attribute_value::number("1"), attribute_value::number("2")};
  const attribute_value two_one[] = {attribute_value::number("2"), attribute_value::number("1")};
  const std::string_view xy[] = {"x", "y"};
  const std::string_view yx[] = {"y", "x"};

  std::deque<attribute_entry> storage;  // stable addresses: each request views one entry
  auto with_value = [&storage](const attribute_value& v) {
    storage.push_back({":v", v});
    export_request r = with_token();
    r.filter_specification = filter_specification{
        .filter_expression = "a = :v", .expression_attribute_values = std::span<const attribute_entry>{&storage.back(), 1}};
    return r;
  };
  const auto m_ab = attribute_value::map_of(ab);
  const auto m_ba = attribute_value::map_of(ba);
  check_replay(against(with_value(m_ba), {in_progress(with_value(m_ab))}));
  check_conflict(against(with_value(attribute_value::map_of(b_as_string)), {in_progress(with_value(m_ab))}));
  check_replay(against(with_value(attribute_value::list_of(one_two)),
                       {in_progress(with_value(attribute_value::list_of(one_two)))}));
  check_conflict(against(with_value(attribute_value::list_of(two_one)),
                         {in_progress(with_value(attribute_value::list_of(one_two)))}));
  check_conflict(against(with_value(attribute_value::set_of(attribute_kind::ss, yx)),
                         {in_progress(with_value(attribute_value::set_of(attribute_kind::ss, xy)))}));
  check_conflict(against(with_value(attribute_value::boolean(false)), {in_progress(with_value(attribute_value::null()))}));
}

// ---- missing facts and earlier stages --------------------------------------------

TEST_CASE("R-TOKEN-CONFLICT, R-TOKEN-REPLAY: a token without a ledger is unchecked") {
  auto ctx = every_fact_context();
  ctx.previous_exports = nullptr;
  const auto o = validate_all(with_token(), ctx);
  check_accepted(o);
  CHECK(o.unchecked() == "R-TOKEN-CONFLICT R-TOKEN-REPLAY");
  CHECK(o.replay_of() == "<none>");
}

TEST_CASE("R-TOKEN-CONFLICT, R-TOKEN-REPLAY: a completed candidate with Now unknown is unchecked") {
  auto ctx = every_fact_context();
  ctx.now.reset();
  export_request changed = with_token();
  changed.s3_prefix = "p/";
  for (const export_request& r : {with_token(), changed}) {
    const auto o = against(r, {completed(with_token(), now - 1h)}, ctx);
    check_accepted(o);
    CHECK(o.unchecked() == "R-TOKEN-CONFLICT R-TOKEN-REPLAY");
    CHECK(o.replay_of() == "<none>");
  }
}

TEST_CASE("R-TOKEN-REPLAY: replay_of needs every stage up to W to pass; warnings do not matter") {
  auto pitr_off = every_fact_context();
  pitr_of(pitr_off).point_in_time_recovery_status = point_in_time_recovery_status::disabled;
  const auto p = against(with_token(), {in_progress(with_token())}, pitr_off);
  CHECK(p.rules() == "R-PITR-REQ");
  CHECK(p.replay_of() == "<none>");

  const export_request future = with_token(incremental_request(now - 1h, now + 1h));
  const auto w = against(future, {in_progress(future)});
  CHECK(w.rules() == "R-INC-TO-FUTURE");
  CHECK(w.replay_of() == "<none>");

  export_request advised = with_token();
  advised.s3_bucket = "My_Bucket";
  advised.s3_prefix = "/exports";
  const auto a = against(advised, {in_progress(advised)});
  CHECK(a.rules() == "R-S3-NAMING-CHARS R-PREFIX-SLASH");
  check_replay(a);
}

TEST_CASE("R-TOKEN-CONFLICT: reported after earlier stages, which decide the error") {
  auto ctx = every_fact_context();
  ctx.table_exists = false;  // table existence before the token (DDB-EXPORT-023)
  export_request changed = with_token();
  changed.s3_prefix = "p/";
  const auto o = against(changed, {in_progress(with_token())}, ctx);
  CHECK(o.rules() == "R-TABLE-EXISTS R-TOKEN-CONFLICT");
  CHECK(o.result.error() == error_kind::table_not_found);
}

TEST_CASE("R-TOKEN-WINDOW: an in_memory_ledger the caller records into and completes") {
  in_memory_ledger<4> ledger;
  auto ctx = every_fact_context(&ledger);
  const export_request r = with_token();
  check_new(validate_all(r, ctx));
  REQUIRE(ledger.record(r, earlier_arn));
  check_replay(validate_all(r, ctx));
  ledger.complete(earlier_arn, now - 8h - 1ms);
  check_new(validate_all(r, ctx));
  ledger.complete(earlier_arn, now - 8h);
  check_replay(validate_all(r, ctx));
  CHECK(ledger.size() == 1);  // validating never records
}

// ---- R-TOKEN-AUTOFILL ---------------------------------------------------------

namespace {
/// Returns min(), min() + 1, ...: byte i of a token is i.
template <std::uint32_t Min>
struct counting_rng {
  using result_type = std::uint32_t;
  static constexpr result_type min() { return Min; }
  static constexpr result_type max() { return Min + 0xFFFF; }
  result_type next = Min;
  result_type operator()() { return next++; }
};
}  // namespace

TEST_CASE("R-TOKEN-AUTOFILL: bytes 00 01 ... 0f format as 00010203-0405-4607-8809-0a0b0c0d0e0f") {
  std::array<std::uint8_t, 16> bytes{};
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<std::uint8_t>(i);
  CHECK(format_uuid_v4(bytes).view() == "00010203-0405-4607-8809-0a0b0c0d0e0f");

  bytes.fill(0xFF);
  CHECK(format_uuid_v4(bytes).view() == "ffffffff-ffff-4fff-bfff-ffffffffffff");
  bytes.fill(0x00);
  CHECK(format_uuid_v4(bytes).view() == "00000000-0000-4000-8000-000000000000");
  static_assert(format_uuid_v4({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}).view() ==
                "00010203-0405-4607-8809-0a0b0c0d0e0f");
}

TEST_CASE("R-TOKEN-AUTOFILL: the 16 bytes come from the caller's generator, offset by its min()") {
  counting_rng<0> zero_based;
  CHECK(generate_client_token(zero_based).view() == "00010203-0405-4607-8809-0a0b0c0d0e0f");
  counting_rng<1000> offset;
  CHECK(generate_client_token(offset).view() == "00010203-0405-4607-8809-0a0b0c0d0e0f");

  std::mt19937 a{42};
  std::mt19937 b{42};
  const auto token_a = generate_client_token(a);
  CHECK(token_a.view() == generate_client_token(b).view());
  CHECK(token_a.view() != generate_client_token(a).view());
  const std::string_view t = token_a.view();
  REQUIRE(t.size() == 36);
  CHECK(t[14] == '4');
  CHECK(std::string_view("89ab").find(t[19]) != std::string_view::npos);
  for (std::size_t i = 0; i < t.size(); ++i) {
    CAPTURE(i);
    if (i == 8 || i == 13 || i == 18 || i == 23)
      CHECK(t[i] == '-');
    else
      CHECK(std::string_view("0123456789abcdef").find(t[i]) != std::string_view::npos);
  }
}

TEST_CASE("R-TOKEN-AUTOFILL: only an absent ClientToken is filled; '' stays and fails S-TOKEN-PAT") {
  counting_rng<0> rng;
  client_token_text storage;

  export_request absent = full_request();
  CHECK(fill_client_token(absent, storage, rng));
  CHECK(absent.client_token == "00010203-0405-4607-8809-0a0b0c0d0e0f");
  CHECK(absent.client_token->data() == storage.chars.data());  // views the caller's storage
  check_accepted(validate_all(absent, every_fact_context()));

  client_token_text untouched;
  export_request empty = full_request();
  empty.client_token = "";
  CHECK_FALSE(fill_client_token(empty, untouched, rng));
  CHECK(empty.client_token == "");
  CHECK(validate_all(empty, every_fact_context()).rules() == "S-TOKEN-PAT");

  export_request given = with_token();
  CHECK_FALSE(fill_client_token(given, untouched, rng));
  CHECK(given.client_token == token);
  CHECK(untouched.view() == std::string(36, '\0'));
}

TEST_CASE("R-TOKEN-CONFLICT, R-TOKEN-REPLAY: with Now unknown, any completed candidate leaves stage K unchecked") {
  // RULES.md §6: "A non-null CompletedAt with unknown Now makes stage K
  // unchecked" -- read literally, even when an in-progress candidate (which
  // would be preferred) is also in the ledger.
  auto ctx = every_fact_context();
  ctx.now.reset();
  const auto o = against(with_token(), {in_progress(with_token()), completed(with_token(), now - 1h, other_arn)}, ctx);
  check_accepted(o);
  CHECK(o.unchecked() == "R-TOKEN-CONFLICT R-TOKEN-REPLAY");
  CHECK(o.replay_of() == "<none>");
}

TEST_CASE("R-TOKEN-CONFLICT, R-AV-DEPTH: comparing requests nested 10^6 levels deep is bounded") {
  for (const auto s : {deep_value::shape::list, deep_value::shape::map}) {
    const deep_value deep{1'000'000, s};
    export_request r = with_token();
    r.filter_specification = filter_specification{.expression_attribute_values = deep.as_values()};
    // Beyond the walk bound nothing compares equal, not even a value with itself.
    CHECK_FALSE(same_request_ignoring_token(r, r));
    CHECK_FALSE(same_value(r, r));
    CHECK_FALSE(same_attribute_value(deep.top(), deep.top()));
    // Stage I rejects the request before stage K's comparison could matter.
    const auto o = against(r, {in_progress(r)});
    CHECK(o.result.first_error->rule == rule_id::r_av_depth);
    CHECK(o.has(rule_id::r_token_conflict));
  }
  // Within the bound, a deep value equals its equal.
  const deep_value a{max_attribute_depth, deep_value::shape::alternating};
  const deep_value b{max_attribute_depth, deep_value::shape::alternating};
  CHECK(same_attribute_value(a.top(), b.top()));
}

TEST_CASE("span_ledger: a candidate is an entry whose token equals the one asked, whatever byte tells them apart") {
  const auto entry = [](std::optional<std::string_view> token, std::string_view arn) {
    ledger_entry e;
    e.request.client_token = token;
    e.export_arn = arn;
    return e;
  };
  const std::array entries{entry(std::nullopt, "none"), entry("abcd", "short"), entry("xbcdef", "first"),
                           entry("abcdeX", "last"), entry("abcdef", "one"), entry("", "empty"),
                           entry("abcdef", "two")};
  const span_ledger ledger{entries};
  const auto candidates = [&](std::string_view token, std::size_t stop_after = 99) {
    std::string seen;
    std::size_t n = 0;
    ledger.for_each_candidate(token, [&](const ledger_entry& e) {
      seen += std::string{e.export_arn} + ' ';
      return ++n < stop_after;
    });
    return seen;
  };
  CHECK(candidates("abcdef") == "one two ");
  CHECK(candidates("abcdef", 1) == "one ");  // the callback ends the walk
  CHECK(candidates("") == "empty ");
  CHECK(candidates("abcd") == "short ");
  CHECK(candidates("zzzzzz").empty());
}
