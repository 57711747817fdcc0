// Validator properties (issue 6): a request built to satisfy every rule
// validates clean against a full context; a request mutated to break exactly
// one rule yields that rule's id, first; the three kinds of sink agree; and
// the ClientToken window behaves as RULES.md §6 says.

#include <array>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "ddbexport/ddbexport.hpp"
#include "generators.hpp"
#include "property/equality.hpp"
#include "rc_doctest.hpp"

using namespace ddbexport;
using namespace ddbexport::test;

namespace {

constexpr std::int64_t hour_ms = 3'600'000;
constexpr std::int64_t window_ms = 8 * hour_ms;

struct outcome {
  std::vector<diagnostic> all;
  validation_result result;
};

template <class Ledger>
outcome validate_all(const export_request& r, const validation_context<Ledger>& c) {
  outcome o;
  container_sink sink{o.all};
  o.result = validate(r, c, sink);
  return o;
}

std::string describe(const outcome& o) {
  std::string text;
  for (const auto& d : o.all) {
    if (!d.is_violation()) continue;
    text += std::string(to_string(d.rule)) + " ";
  }
  return text.empty() ? "no violations" : text;
}

/// What a mutation may change besides the request: facts of the context and
/// one earlier export in the ledger.
struct tweaks {
  std::optional<std::string> caller_account;
  bool table_missing = false;
  bool pitr_disabled = false;
  std::optional<owned_request> ledger_request;
};

/// One rule broken on purpose. Value mutators change the request or the
/// context; body mutators (stage D) change the written body or the limits.
struct mutator {
  rule_id rule;
  std::optional<export_kind> needs;
  std::function<void(scenario&, tweaks&)> value;
  std::function<void(std::string&, json::read_limits&)> body;
};

std::string with_dollar(std::string s) {
  s.insert(*uniform<std::size_t>(0, s.size() + 1), "$");
  return s;
}

/// Changes exactly one of the eleven members other than ClientToken, so the
/// result is not the same request (RULES.md §6).
void change_one_member(owned_request& r) {
  const auto toggle = [](std::optional<std::string>& m, std::string value) {
    if (m && *rc::gen::arbitrary<bool>()) m.reset();
    else if (m) *m += "x";
    else m = std::move(value);
  };
  switch (*uniform(0, 11)) {
    case 0: toggle(r.table_arn, "arn:aws:dynamodb:us-east-1:123456789012:table/Other"); break;
    case 1: toggle(r.s3_bucket, "other-bucket"); break;
    case 2:
      if (r.export_time && *rc::gen::arbitrary<bool>()) r.export_time.reset();
      else r.export_time = r.export_time.value_or(0) + 1;
      break;
    case 3: toggle(r.s3_bucket_owner, "123456789012"); break;
    case 4: toggle(r.s3_prefix, "p/"); break;
    case 5:
      // An explicit default differs from omission.
      if (!r.s3_sse_algorithm) r.s3_sse_algorithm = "AES256";
      else if (*r.s3_sse_algorithm == "AES256") r.s3_sse_algorithm.reset();
      else r.s3_sse_algorithm = "AES256";
      break;
    case 6: toggle(r.s3_sse_kms_key_id, "alias/other"); break;
    case 7:
      if (!r.export_format) r.export_format = "DYNAMODB_JSON";
      else r.export_format = *r.export_format == "ION" ? "DYNAMODB_JSON" : "ION";
      break;
    case 8:
      if (!r.export_type) r.export_type = "FULL_EXPORT";
      else if (*r.export_type == "FULL_EXPORT") r.export_type.reset();
      else r.export_type = "FULL_EXPORT";
      break;
    case 9:
      if (!r.incremental_export_specification) r.incremental_export_specification = owned_incremental_spec{};
      else if (*rc::gen::arbitrary<bool>()) r.incremental_export_specification.reset();
      else {
        auto& spec = *r.incremental_export_specification;
        spec.export_view_type = spec.export_view_type ? std::nullopt : std::optional<std::string>{"NEW_AND_OLD_IMAGES"};
      }
      break;
    default:
      if (!r.filter_specification) r.filter_specification = owned_filter_spec{.filter_expression = "x"};
      else if (*rc::gen::arbitrary<bool>()) r.filter_specification.reset();
      else {
        auto& f = *r.filter_specification;
        f.key_condition_expression = f.key_condition_expression ? std::nullopt : std::optional<std::string>{"k = :v"};
      }
      break;
  }
}

std::vector<mutator> build_mutators() {
  using enum rule_id;
  using K = export_kind;
  std::vector<mutator> m;
  const auto value = [&](rule_id rule, std::optional<K> needs, std::function<void(scenario&, tweaks&)> f) {
    m.push_back({rule, needs, std::move(f), {}});
  };
  const auto body = [&](rule_id rule, std::function<void(std::string&, json::read_limits&)> f) {
    m.push_back({rule, std::nullopt, {}, std::move(f)});
  };
  // Stage D, on the written body.
  body(w_json, [](std::string& b, json::read_limits&) { b += *rc::gen::element<std::string>(" x", "}", "\x01", ","); });
  body(w_limit, [](std::string& b, json::read_limits& l) {
    if (*rc::gen::arbitrary<bool>()) l.max_body_bytes = b.size() - 1;
    else {
      l.max_depth = 1;
      b.insert(1, R"("Extra":[],)");
    }
  });
  body(w_dupkey, [](std::string& b, json::read_limits&) { b.insert(1, R"("TableArn":"x",)"); });
  body(w_type, [](std::string& b, json::read_limits&) {
    b.insert(1, *rc::gen::element<std::string>(R"("S3Prefix":5,)", R"("ExportTime":"1",)", R"("FilterSpecification":[],)",
                                               R"("IncrementalExportSpecification":true,)"));
  });
  body(w_time, [](std::string& b, json::read_limits&) {
    b.insert(1, *rc::gen::element<std::string>(R"("ExportTime":1e400,)", R"("ExportTime":8640000000000.001,)",
                                               R"("ExportTime":-8640000000001,)"));
  });
  // Stage S.
  value(s_tablearn_req, {}, [](scenario& s, tweaks&) { s.request.table_arn.reset(); });
  value(s_tablearn_len, {}, [](scenario& s, tweaks&) {
    s.request.table_arn = *rc::gen::arbitrary<bool>() ? std::string() : *s.request.table_arn + std::string(1025, 'a');
  });
  value(s_bucket_req, {}, [](scenario& s, tweaks&) { s.request.s3_bucket.reset(); });
  value(s_bucket_len, {}, [](scenario& s, tweaks&) { s.request.s3_bucket = std::string(length_in(256, 400), 'b'); });
  value(s_bucket_pat, {}, [](scenario& s, tweaks&) {
    s.request.s3_bucket = *rc::gen::element<std::string>("", "a", "my bucket", "-abc", "abc-", ".ab", "b\xC3\xA9" "b",
                                                         "arn:aws:s3:::bucket");
  });
  value(s_token_pat, {}, [](scenario& s, tweaks&) {
    s.request.client_token = *rc::gen::arbitrary<bool>() ? std::string() : with_dollar(valid_token());
  });
  value(s_owner_pat, {}, [](scenario& s, tweaks&) {
    s.request.s3_bucket_owner = *rc::gen::element<std::string>("", "12345", "1234567890123", "12345678901a", " 123456789012");
  });
  value(s_prefix_len, {}, [](scenario& s, tweaks&) {
    s.request.s3_prefix = *rc::gen::arbitrary<bool>() ? std::string() : text_between(1025, 1100);
  });
  value(s_sse_enum, {}, [](scenario& s, tweaks&) {
    std::string t = *unknown_enum_text();
    if (t == "AES256" || t == "KMS") t = "aws:kms";
    s.request.s3_sse_algorithm = t;
  });
  value(s_kmsid_len, {}, [](scenario& s, tweaks&) {
    s.request.s3_sse_algorithm = "KMS";
    s.request.s3_sse_kms_key_id = *rc::gen::arbitrary<bool>() ? std::string() : std::string(length_in(2049, 2100), 'k');
  });
  const auto unknown = [](std::initializer_list<std::string_view> known) {
    std::string t = *unknown_enum_text();
    for (auto k : known)
      if (t == k) t = "CSV";
    return t;
  };
  value(s_fmt_enum, {}, [unknown](scenario& s, tweaks&) { s.request.export_format = unknown({"ION", "DYNAMODB_JSON"}); });
  value(s_type_enum, {}, [unknown](scenario& s, tweaks&) {
    s.request.export_type = unknown({"FULL_EXPORT", "INCREMENTAL_EXPORT"});
  });
  value(s_view_enum, K::incremental, [unknown](scenario& s, tweaks&) {
    s.request.incremental_export_specification->export_view_type = unknown({"NEW_IMAGE", "NEW_AND_OLD_IMAGES"});
  });
  value(s_filter_names_len, {}, [](scenario& s, tweaks&) {
    auto& f = s.request.filter_specification;
    if (!f) f = owned_filter_spec{};
    if (!f->expression_attribute_names) f->expression_attribute_names.emplace();
    auto& names = *f->expression_attribute_names;
    std::erase_if(names, [](const auto& e) { return e.first == "#too-long"; });
    names.emplace_back("#too-long", text_of_length(65536, rc::gen::just<std::uint32_t>(0x00E9)));
  });
  // Stage I.
  value(r_kmsid_needs_kms, {}, [](scenario& s, tweaks&) {
    s.request.s3_sse_kms_key_id = valid_kms_key_id();
    s.request.s3_sse_algorithm = *optional_of(rc::gen::just(std::string("AES256")));
  });
  value(r_kmsid_format, {}, [](scenario& s, tweaks&) {
    s.request.s3_sse_algorithm = "KMS";
    s.request.s3_sse_kms_key_id = *rc::gen::element<std::string>("not a key", "alias/", "arn:aws:kms:us-east-1:123:key/x",
                                                                 "key$id", "\xC3\xA9");
  });
  value(r_inc_spec_req, {}, [](scenario& s, tweaks&) {
    s.request.export_type = "INCREMENTAL_EXPORT";
    s.request.incremental_export_specification.reset();
  });
  value(r_inc_spec_full, K::incremental, [](scenario& s, tweaks&) { s.request.export_type = "FULL_EXPORT"; });
  value(r_inc_spec_notype, K::incremental, [](scenario& s, tweaks&) { s.request.export_type.reset(); });
  value(r_inc_from_req, K::incremental, [](scenario& s, tweaks&) {
    s.request.incremental_export_specification->export_from_time.reset();
  });
  value(r_filter_empty, {}, [](scenario& s, tweaks&) { s.request.filter_specification = owned_filter_spec{}; });
  value(r_av_depth, {}, [](scenario& s, tweaks&) {
    // A chain of L and M levels one to twenty levels past the limit, a scalar at its end.
    owned_attribute_value v{.kind = attribute_kind::s, .scalar = "deep"};
    const auto levels = *uniform<std::size_t>(max_attribute_depth + 1, max_attribute_depth + 21);
    for (std::size_t level = 1; level < levels; ++level) {
      owned_attribute_value outer;
      if (*rc::gen::arbitrary<bool>()) {
        outer.kind = attribute_kind::l;
        outer.list.push_back(std::move(v));
      } else {
        outer.kind = attribute_kind::m;
        outer.map.emplace_back("k", std::move(v));
      }
      v = std::move(outer);
    }
    auto& f = s.request.filter_specification;
    if (!f) f = owned_filter_spec{};
    if (!f->expression_attribute_values) f->expression_attribute_values.emplace();
    auto& values = *f->expression_attribute_values;
    std::erase_if(values, [](const auto& e) { return e.first == ":deep"; });
    values.emplace_back(":deep", std::move(v));
  });
  // Stage T.
  value(r_tablearn_notarn, {}, [](scenario& s, tweaks&) {
    s.request.table_arn = *rc::gen::element<std::string>("Music", "arn:aws:dynamodb", "arn::dynamodb:us-east-1:123456789012:table/Music",
                                                         "ARN:aws:dynamodb:us-east-1:123456789012:table/Music",
                                                         "arn:aws:dynamodb:us-east-1:123456789012:");
  });
  value(r_tablearn_nottable, {}, [](scenario& s, tweaks&) {
    const std::string arn = *s.request.table_arn;
    s.request.table_arn = *rc::gen::element<std::string>(
        arn + "/index/ByArtist", "arn:aws:s3:us-east-1:123456789012:table/Music", "arn:aws:dynamodb::123456789012:table/Music",
        "arn:aws:dynamodb:us-east-1:12345:table/Music", "arn:aws:dynamodb:us-east-1:123456789012:table/ab",
        "arn:aws:dynamodb:us-east-1:123456789012:stream/Music");
  });
  value(r_tablearn_account, {}, [](scenario& s, tweaks& t) {
    t.caller_account = s.caller_account == "999999999999" ? "111111111111" : "999999999999";
  });
  value(r_table_exists, {}, [](scenario&, tweaks& t) { t.table_missing = true; });
  // Stage P.
  value(r_pitr_req, K::full, [](scenario&, tweaks& t) { t.pitr_disabled = true; });
  value(r_pitr_req_inc, K::incremental, [](scenario&, tweaks& t) { t.pitr_disabled = true; });
  // Stage W, full.
  value(r_et_future, K::full, [](scenario& s, tweaks&) {
    s.request.export_time = s.now + *uniform<std::int64_t>(1, 1'000'000'000);
  });
  value(r_et_before_window, K::full, [](scenario& s, tweaks&) {
    s.request.export_time = s.earliest - *uniform<std::int64_t>(1, 1'000'000'000);
  });
  value(r_et_after_latest, K::full, [](scenario& s, tweaks&) {
    s.request.export_time = *uniform<std::int64_t>(s.latest + 1, s.now + 1);
  });
  // Stage W, incremental: F = from, T = to (explicit here).
  const auto window = [](scenario& s, std::int64_t from, std::int64_t to) {
    auto& spec = *s.request.incremental_export_specification;
    spec.export_from_time = from;
    spec.export_to_time = to;
  };
  value(r_inc_from_start, K::incremental, [window](scenario& s, tweaks&) {
    const std::int64_t from = s.earliest - *uniform<std::int64_t>(1, 1'000'000);
    window(s, from, from + hour_ms);
  });
  value(r_inc_to_future, K::incremental, [window](scenario& s, tweaks&) {
    const std::int64_t to = s.now + *uniform<std::int64_t>(1, 1'000'000);
    window(s, to - hour_ms, to);
  });
  value(r_inc_order, K::incremental, [window](scenario& s, tweaks&) {
    const std::int64_t to = s.now - *uniform<std::int64_t>(0, hour_ms);
    window(s, to + *uniform<std::int64_t>(0, 1'000'000), to);
  });
  value(r_inc_min, K::incremental, [window](scenario& s, tweaks&) {
    const std::int64_t to = s.now - *uniform<std::int64_t>(0, hour_ms);
    window(s, to - *uniform<std::int64_t>(1, 900'000), to);
  });
  value(r_inc_max, K::incremental, [window](scenario& s, tweaks&) {
    const std::int64_t to = s.now - *uniform<std::int64_t>(0, hour_ms);
    window(s, to - *uniform<std::int64_t>(86'400'001, to - s.earliest + 1), to);
  });
  // Stage K.
  value(r_token_conflict, {}, [](scenario& s, tweaks& t) {
    if (!s.request.client_token) s.request.client_token = valid_token();
    owned_request earlier = s.request;
    change_one_member(earlier);
    t.ledger_request = earlier;
  });
  return m;
}

const std::vector<mutator>& mutators() {
  static const std::vector<mutator> table = build_mutators();
  return table;
}

/// A request-side error rule: RULES.md's stages D to K (SERVICE.md's inputs have their own tests).
bool request_side_error(const rule_info& ri) {
  return ri.severity == severity::error && ri.stage <= stage::token && ri.source == rule_source::rules;
}

}  // namespace

TEST_CASE("every request-side error rule of RULES.md has a mutator") {
  for (std::size_t i = 0; i < rule_count; ++i) {
    const auto rule = static_cast<rule_id>(i);
    if (!request_side_error(info(rule))) continue;
    CAPTURE(to_string(rule));
    const auto n = std::count_if(mutators().begin(), mutators().end(), [&](const mutator& m) { return m.rule == rule; });
    CHECK(n == 1);
  }
}

RC_DOCTEST_PROPERTY("property: a request built to satisfy every rule validates clean", [] {
  const scenario s = *valid_scenario();
  view_store store;
  const export_request r = view(s.request, store);
  const span_ledger ledger;
  const auto o = validate_all(r, context_of(s, &ledger));
  RC_ASSERT(describe(o) == std::string("no violations"));
  RC_ASSERT(o.result.valid());
  RC_ASSERT(o.result.unchecked.empty());
  RC_ASSERT(!o.result.replay_of);
  // Warnings are advice or async only, never a violation.
  for (const auto& d : o.all) RC_ASSERT(d.is_warning());
})

namespace {
std::map<rule_id, std::size_t> mutation_hits;
}

RC_DOCTEST_PROPERTY("property: a request mutated to break one rule yields that rule's id, first", [] {
  const auto& table = mutators();
  const mutator& m = table[*uniform<std::size_t>(0, table.size())];
  scenario s = *valid_scenario(m.needs);
  tweaks t;
  std::string expected(to_string(m.rule));
  ++mutation_hits[m.rule];
  if (m.body) {
    view_store store;
    std::string body;
    container_output out{body};
    json::write_request(view(s.request, store), out);
    json::read_limits limits{.max_body_bytes = std::size_t{64} << 20};
    m.body(body, limits);
    json::owning_arena arena{body.size()};
    export_request back;
    const auto result = json::read_request(body, back, arena, limits);
    RC_ASSERT(!result.ok());
    RC_ASSERT(std::string(to_string(result.error->rule)) == expected);
    return;
  }
  m.value(s, t);
  view_store store;
  const export_request r = view(s.request, store);
  std::vector<ledger_entry> entries;
  // Noise: an export with another token, which must never match.
  entries.push_back({view(s.request, store), "arn:noise", std::nullopt});
  entries.back().request.client_token = "$noise";
  if (t.ledger_request) entries.push_back({view(*t.ledger_request, store), "arn:earlier", std::nullopt});
  const span_ledger ledger{entries};
  auto c = context_of(s, &ledger);
  if (t.caller_account) c.caller_account_id = *t.caller_account;
  if (t.table_missing) c.table_exists = false;
  if (t.pitr_disabled)
    c.continuous_backups->point_in_time_recovery_description->point_in_time_recovery_status =
        point_in_time_recovery_status::disabled;
  const auto o = validate_all(r, c);
  RC_ASSERT(describe(o) == expected + " ");
  RC_ASSERT(o.result.first_error.has_value());
  RC_ASSERT(std::string(to_string(o.result.first_error->rule)) == expected);
  RC_ASSERT(o.result.failed_stage == info(m.rule).stage);
  RC_ASSERT(o.result.error() == service_error_of(m.rule));
})

TEST_CASE("the mutation property reached every rule") {
  // Runs after the property above (doctest runs cases in file order).
  for (const auto& m : mutators()) {
    CAPTURE(to_string(m.rule));
    CHECK(mutation_hits[m.rule] > 0);
  }
}

namespace {

/// Every validator: whichever sink listens (all, stop at the first violation,
/// count only, keep four), the result is the one the collecting sink got, and
/// each sink saw what it should of the same stream.
template <class Subject, class Context>
void check_sinks_agree(const Subject& subject, const Context& context) {
  std::vector<diagnostic> all;
  container_sink everything{all};
  const validation_result reference = validate(subject, context, everything);
  std::vector<rule_id> ids;
  for (const auto& d : all)
    if (d.is_violation()) ids.push_back(d.rule);
  const std::size_t warnings = all.size() - ids.size();
  RC_ASSERT(reference.violations == ids.size());
  RC_ASSERT(reference.warnings == warnings);
  RC_ASSERT(reference.valid() == ids.empty());
  if (!ids.empty()) RC_ASSERT(reference.first_error->rule == ids.front());

  first_sink first;
  const auto rf = validate(subject, context, first);
  RC_ASSERT(first.first().has_value() == !ids.empty());
  if (!ids.empty()) RC_ASSERT(first.first()->rule == ids.front());
  count_sink count;
  const auto rc_ = validate(subject, context, count);
  RC_ASSERT(count.violations() == ids.size());
  RC_ASSERT(count.warnings() == warnings);
  collect_sink<4> bounded;
  const auto rb = validate(subject, context, bounded);
  RC_ASSERT(bounded.size() + bounded.dropped() == all.size());
  for (std::size_t i = 0; i < bounded.size(); ++i) RC_ASSERT(bounded[i].rule == all[i].rule);
  for (const validation_result* x : {&rf, &rc_, &rb}) {
    RC_ASSERT(x->violations == reference.violations);
    RC_ASSERT(x->warnings == reference.warnings);
    RC_ASSERT(x->failed_stage == reference.failed_stage);
    RC_ASSERT(x->first_error.has_value() == reference.first_error.has_value());
    if (x->first_error) RC_ASSERT(x->first_error->rule == reference.first_error->rule);
    RC_ASSERT(x->unchecked == reference.unchecked);
    RC_ASSERT(x->replay_of == reference.replay_of);
    RC_ASSERT(x->shape_items == reference.shape_items);
  }
}

}  // namespace

RC_DOCTEST_PROPERTY("property: collect-all, stop-at-first and count-only sinks agree", [](const owned_request& owned,
                                                                                           const any_facts& f) {
  view_store store;
  const export_request r = view(owned, store);
  owned_request earlier = owned;
  if (!f.ledger_same_request) change_one_member(earlier);
  const std::array<ledger_entry, 1> entries{{{view(earlier, store), "arn:earlier",
                                              detail_gen::ts(f.ledger_completed_at)}}};
  const span_ledger ledger{entries};
  check_sinks_agree(r, context_of(f, &ledger));
})

RC_DOCTEST_PROPERTY("property: the sinks agree on response checks (ExportTableToPointInTime and DescribeExport answers), with and without the request (R-DESC-ECHO)",
                    [](const owned_response& owned, const owned_request& sent) {
  view_store store;
  const export_response response{owned.export_description
                                     ? std::optional<export_description>{view(*owned.export_description, store)}
                                     : std::nullopt};
  const export_request request = view(sent, store);
  check_sinks_agree(response, response_context{});
  check_sinks_agree(response, response_context{&request});
  // DescribeExport's answer carries the same description through its own overload.
  const describe_export_response described{response.export_description};
  check_sinks_agree(described, response_context{});
  check_sinks_agree(described, response_context{&request});
})

RC_DOCTEST_PROPERTY("property: the sinks agree on error-body checks (ERR-BODY, ERR-NAME, ERR-NS)", [](const owned_error& e) {
  std::string body;
  container_output out{body};
  json::write_error_body(e.type, e.message, out);
  const std::string sent = *rc::gen::element<std::string>(std::string(body), "", "<html>", "{}");
  const auto reading = json::read_error(e.status, sent);
  check_sinks_agree(static_cast<const error_reading&>(reading), error_body_context{});
})

RC_DOCTEST_PROPERTY("property: the sinks agree on the inputs of DescribeExport and ListExports (V-DESC-SHAPE, V-LIST-SHAPE)",
                    [] {
  const auto arn = *optional_of(member_text());
  const auto table = *optional_of(member_text());
  const auto max_results = *optional_of(rc::gen::arbitrary<std::int32_t>());
  const auto token = *optional_of(member_text());
  const describe_export_request describe{.export_arn = arn ? std::optional<std::string_view>{*arn} : std::nullopt};
  const list_exports_request list{.table_arn = table ? std::optional<std::string_view>{*table} : std::nullopt,
                                  .max_results = max_results,
                                  .next_token = token ? std::optional<std::string_view>{*token} : std::nullopt};
  check_sinks_agree(describe, shape_context{});
  check_sinks_agree(list, shape_context{});
})

// ---- idempotency (RULES.md §6) ------------------------------------------------------

namespace {

/// Validates `s` against a ledger holding an earlier export of `earlier`
/// (completed at `completed_at`, or in progress) among exports with other tokens.
outcome run_token_case(const scenario& s, const owned_request& earlier, std::optional<std::int64_t> completed_at) {
  view_store store;
  const export_request r = view(s.request, store);
  std::vector<ledger_entry> entries;
  const auto noise = *uniform(0, 3);
  for (int i = 0; i < noise; ++i) {
    entries.push_back({view(earlier, store), "arn:noise", std::nullopt});
    entries.back().request.client_token = "$other-token";
  }
  entries.push_back({view(earlier, store), "arn:aws:dynamodb:us-east-1:123456789012:table/T/export/earlier",
                     completed_at ? std::optional<timestamp>{from_epoch_ms(*completed_at)} : std::nullopt});
  const span_ledger ledger{entries};
  return validate_all(r, context_of(s, &ledger));
}

scenario with_token(scenario s) {
  if (!s.request.client_token) s.request.client_token = valid_token();
  return s;
}

/// Inside the window: in progress, or completed at most 8 h before Now (inclusive).
std::optional<std::int64_t> inside_window(const scenario& s) {
  return *rc::gen::weightedOneOf<std::optional<std::int64_t>>(
      {{1, rc::gen::just(std::optional<std::int64_t>{})},
       {1, rc::gen::just(std::optional<std::int64_t>{s.now - window_ms})},
       {3, rc::gen::map(uniform<std::int64_t>(s.now - window_ms, s.now + 1),
                        [](std::int64_t t) { return std::optional<std::int64_t>{t}; })}});
}

}  // namespace

RC_DOCTEST_PROPERTY("property: a replay inside the token window returns the earlier ExportArn", [] {
  const scenario s = with_token(*valid_scenario());
  const auto o = run_token_case(s, s.request, inside_window(s));
  RC_ASSERT(describe(o) == std::string("no violations"));
  RC_ASSERT(o.result.replay_of == std::optional<std::string_view>{"arn:aws:dynamodb:us-east-1:123456789012:table/T/export/earlier"});
})

RC_DOCTEST_PROPERTY("property: one changed member inside the token window is R-TOKEN-CONFLICT", [] {
  const scenario s = with_token(*valid_scenario());
  owned_request earlier = s.request;
  change_one_member(earlier);
  const auto o = run_token_case(s, earlier, inside_window(s));
  RC_ASSERT(describe(o) == std::string("R-TOKEN-CONFLICT "));
  RC_ASSERT(o.result.error() == std::optional<error_kind>{error_kind::export_conflict});
  RC_ASSERT(!o.result.replay_of);
})

RC_DOCTEST_PROPERTY("property: after the token window (CompletedAt + 8 h + 1 ms) the request is new", [] {
  const scenario s = with_token(*valid_scenario());
  owned_request earlier = s.request;
  if (*rc::gen::arbitrary<bool>()) change_one_member(earlier);
  const std::int64_t completed = s.now - window_ms - *rc::gen::weightedOneOf<std::int64_t>(
                                                         {{1, rc::gen::just<std::int64_t>(1)},
                                                          {2, uniform<std::int64_t>(1, 30 * 86'400'000LL)}});
  const auto o = run_token_case(s, earlier, completed);
  RC_ASSERT(describe(o) == std::string("no violations"));
  RC_ASSERT(!o.result.replay_of);
})

// ---- responses ---------------------------------------------------------------------

RC_DOCTEST_PROPERTY("property: a description built for its status passes every response check", [] {
  const auto status = *rc::gen::elementOf(enum_values<export_status>);
  const description_scenario ds = *valid_description(status);
  view_store store;
  const export_response response{view(ds.description, store)};
  const export_request request = view(ds.request, store);
  std::vector<diagnostic> found;
  container_sink sink{found};
  const auto result = validate_response(response, sink, &request);
  std::string ids;
  for (const auto& d : found) ids += std::string(to_string(d.rule)) + " ";
  RC_ASSERT(ids == std::string());
  RC_ASSERT(result.valid());
})
