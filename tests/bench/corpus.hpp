#ifndef DDBEXPORT_BENCH_CORPUS_HPP
#define DDBEXPORT_BENCH_CORPUS_HPP

// The benchmark corpus (issue 7): realistic ExportTableToPointInTime request
// and response bodies from a seeded generator, so every run, compiler and
// machine measures the same bytes. Values are built as ddbexport types and
// written with ddbexport's own writer, which is byte-identical to the SDK for
// JavaScript v3, so the bodies are what a service or a client really sees.
//
//   small requests   64 bodies, ~413 bytes on average (the everyday call)
//   small responses  64 bodies, ~1,032 bytes on average
//   16 KiB and ~1 MiB request/response, grown with long strings (a long
//   FilterExpression and S3Prefix-like text) and many expression entries,
//   to show how the cost grows with size.
//
// Everything here allocates (it owns the text); the benchmarks and the
// zero-allocation test build it before they start measuring.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/ddbexport.hpp"
#include "fixtures.hpp"

namespace ddbexport::bench {

/// splitmix64: tiny, seeded, and the same on every standard library (the
/// std:: distributions are not), so the corpus is identical everywhere.
class rng {
 public:
  explicit rng(std::uint64_t seed) noexcept : state_(seed) {}
  std::uint64_t next() noexcept {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, n).
  std::uint64_t below(std::uint64_t n) noexcept { return next() % n; }
  bool chance(unsigned percent) noexcept { return below(100) < percent; }
  template <class T, std::size_t N>
  const T& pick(const T (&items)[N]) noexcept {
    return items[below(N)];
  }

 private:
  std::uint64_t state_;
};

inline constexpr std::uint64_t default_seed = 20261007;

/// The arrival time every body and the validation context agree on: 2026-09-21T14:13:20Z.
inline constexpr timestamp corpus_now = test::now;
inline constexpr std::string_view corpus_account = test::caller_account;

/// Owns every string and array the generated values view.
class text_pool {
 public:
  std::string_view keep(std::string text) {
    strings_.push_back(std::move(text));
    return strings_.back();
  }
  template <class T>
  std::span<const T> keep_array(std::vector<T> items) {
    auto& stored = arrays_of<T>().emplace_back(std::move(items));
    return {stored.data(), stored.size()};
  }

 private:
  template <class T>
  std::deque<std::vector<T>>& arrays_of() {
    if constexpr (std::is_same_v<T, string_entry>) return names_;
    else if constexpr (std::is_same_v<T, attribute_entry>) return values_;
    else if constexpr (std::is_same_v<T, attribute_value>) return lists_;
    else return sets_;
  }
  std::deque<std::string> strings_;
  std::deque<std::vector<string_entry>> names_;
  std::deque<std::vector<attribute_entry>> values_;
  std::deque<std::vector<attribute_value>> lists_;
  std::deque<std::vector<std::string_view>> sets_;
};

namespace detail {

inline constexpr const char* regions[] = {"us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1",
                                          "ap-southeast-2", "ap-northeast-1", "sa-east-1"};
inline constexpr const char* tables[] = {"Orders", "CustomerProfiles", "inventory-items", "Sessions_v2",
                                         "payments.ledger", "AuditTrail", "ProductCatalog", "user-events-prod"};
inline constexpr const char* buckets[] = {"acme-ddb-exports", "analytics-lake-raw", "data-platform-exports-prod",
                                          "backup.archive.example", "team-exports-eu"};
inline constexpr const char* attributes[] = {"status", "updatedAt", "customerId", "region", "priority", "tier",
                                             "createdAt", "category", "owner", "score"};
inline constexpr const char* words[] = {"ACTIVE", "PENDING", "gold", "silver", "EU", "Zürich", "premium",
                                        "returned", "näive café", "backorder"};

inline std::string hex(rng& r, std::size_t digits) {
  static constexpr char h[] = "0123456789abcdef";
  std::string s;
  for (std::size_t i = 0; i < digits; ++i) s += h[r.below(16)];
  return s;
}
inline std::string uuid(rng& r) {
  return hex(r, 8) + "-" + hex(r, 4) + "-4" + hex(r, 3) + "-a" + hex(r, 3) + "-" + hex(r, 12);
}
inline std::string digits(rng& r, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += static_cast<char>('0' + r.below(10));
  return s;
}

/// A FilterExpression over `clauses` attribute comparisons, with its names
/// and values; `text_per_value` pads each S value (long strings for the big bodies).
struct filter_parts {
  std::string expression;
  std::vector<string_entry> names;
  std::vector<attribute_entry> values;
};

inline filter_parts make_filter(rng& r, text_pool& pool, std::size_t clauses, std::size_t text_per_value) {
  filter_parts f;
  for (std::size_t i = 0; i < clauses; ++i) {
    const std::string n = "#a" + std::to_string(i);
    const std::string v = ":v" + std::to_string(i);
    if (i != 0) f.expression += r.chance(70) ? " AND " : " OR ";
    switch (r.below(4)) {
      case 0: f.expression += n + " = " + v; break;
      case 1: f.expression += "begins_with(" + n + ", " + v + ")"; break;
      case 2: f.expression += n + " > " + v; break;
      default: f.expression += "contains(" + n + ", " + v + ")"; break;
    }
    f.names.push_back({pool.keep(n), pool.keep(r.pick(attributes))});
    attribute_value value;
    switch (r.below(6)) {
      case 0:
      case 1: {
        std::string s = r.pick(words);
        while (s.size() < text_per_value) s += std::string(" ") + r.pick(words);
        value = attribute_value::string(pool.keep(std::move(s)));
        break;
      }
      case 2: value = attribute_value::number(pool.keep(std::to_string(1'600'000'000 + r.below(200'000'000)))); break;
      case 3: value = attribute_value::boolean(r.chance(50)); break;
      case 4: {
        std::vector<std::string_view> set{pool.keep(r.pick(words)), pool.keep(std::string(r.pick(words)) + "-2")};
        value = attribute_value::set_of(attribute_kind::ss, pool.keep_array(std::move(set)));
        break;
      }
      default: {
        std::vector<attribute_entry> inner{{pool.keep("k"), attribute_value::string(pool.keep(r.pick(words)))},
                                           {pool.keep("n"), attribute_value::number(pool.keep(digits(r, 3)))}};
        value = attribute_value::map_of(pool.keep_array(std::move(inner)));
        break;
      }
    }
    f.values.push_back({pool.keep(v), value});
  }
  return f;
}

inline void add_filter(rng& r, text_pool& pool, std::optional<filter_specification>& out, std::size_t clauses,
                       std::size_t text_per_value, std::size_t min_expression_bytes = 0) {
  filter_parts f = make_filter(r, pool, clauses, text_per_value);
  // Long text in the expression itself: a realistic IN-list of literals.
  if (f.expression.size() < min_expression_bytes) {
    f.expression += " AND #a0 IN (";
    for (std::size_t i = 0; f.expression.size() < min_expression_bytes; ++i)
      f.expression += (i == 0 ? ":v0" : ", :v0");
    f.expression += ")";
  }
  filter_specification spec;
  spec.filter_expression = pool.keep(std::move(f.expression));
  if (r.chance(40)) spec.projection_expression = pool.keep("#a0, #a1, " + std::string(r.pick(attributes)));
  spec.expression_attribute_names = pool.keep_array(std::move(f.names));
  spec.expression_attribute_values = pool.keep_array(std::move(f.values));
  out = spec;
}

inline std::string table_arn_text(std::string_view region, std::string_view table) {
  return "arn:aws:dynamodb:" + std::string(region) + ":" + std::string(corpus_account) + ":table/" +
         std::string(table);
}

/// ExportTime on the wire: whole seconds most of the time, milliseconds sometimes.
inline timestamp export_time_before_now(rng& r) {
  const std::int64_t back_ms = 3'600'000 + static_cast<std::int64_t>(r.below(6 * 86'400'000ull));
  std::int64_t ms = to_epoch_ms(corpus_now) - back_ms;
  if (!r.chance(30)) ms -= ms % 1000;
  return from_epoch_ms(ms);
}

/// One everyday request, valid under the corpus context.
inline export_request make_request(rng& r, text_pool& pool, std::size_t filter_clauses = 0,
                                   std::size_t text_per_value = 0, std::size_t min_expression_bytes = 0,
                                   std::size_t prefix_bytes = 0) {
  export_request q;
  const std::string region = r.pick(regions);
  const std::string table = r.pick(tables);
  q.table_arn = pool.keep(table_arn_text(region, table));
  q.s3_bucket = pool.keep(std::string(r.pick(buckets)));
  q.client_token = pool.keep(uuid(r));
  if (r.chance(50)) q.s3_bucket_owner = corpus_account;
  if (r.chance(85) || prefix_bytes != 0) {
    std::string prefix = "exports/" + table + "/" + region + "/2026-09-" + std::to_string(10 + r.below(11)) + "/";
    while (prefix.size() < prefix_bytes) prefix += "part-" + hex(r, 6) + "/";
    q.s3_prefix = pool.keep(std::move(prefix));
  }
  if (r.chance(45)) {
    q.s3_sse_algorithm = s3_sse_algorithm::kms;
    q.s3_sse_kms_key_id = pool.keep("arn:aws:kms:" + region + ":" + std::string(corpus_account) + ":key/" + uuid(r));
  } else if (r.chance(50)) {
    q.s3_sse_algorithm = s3_sse_algorithm::aes256;
  }
  if (r.chance(90)) q.export_format = r.chance(75) ? export_format::dynamodb_json : export_format::ion;
  if (r.chance(35)) {
    q.export_type = export_type::incremental_export;
    incremental_export_specification spec;
    const std::int64_t to = to_epoch_ms(corpus_now) - 60'000 - static_cast<std::int64_t>(r.below(86'400'000)) / 1000 * 1000;
    const std::int64_t span = 15 * 60'000 + static_cast<std::int64_t>(r.below(20)) * 3'600'000;
    if (r.chance(80)) {
      spec.export_from_time = from_epoch_ms(to - span);
      spec.export_to_time = from_epoch_ms(to);
    } else {
      spec.export_from_time = from_epoch_ms(to_epoch_ms(corpus_now) - span);  // ExportToTime defaults to now
    }
    if (r.chance(70)) spec.export_view_type = r.chance(50) ? export_view_type::new_image : export_view_type::new_and_old_images;
    q.incremental_export_specification = spec;
  } else {
    if (r.chance(80)) q.export_type = export_type::full_export;
    q.export_time = export_time_before_now(r);
  }
  if (filter_clauses != 0) {
    add_filter(r, pool, q.filter_specification, filter_clauses, text_per_value, min_expression_bytes);
  } else if (r.chance(18)) {
    add_filter(r, pool, q.filter_specification, 1 + r.below(2), 0);
  }
  return q;
}

inline export_description make_description(rng& r, text_pool& pool, std::size_t filter_clauses = 0,
                                           std::size_t text_per_value = 0, std::size_t message_bytes = 0) {
  const export_request q = make_request(r, pool, filter_clauses, text_per_value, 0, 0);
  export_description d;
  const std::int64_t start = to_epoch_ms(corpus_now) - static_cast<std::int64_t>(r.below(86'400'000));
  const std::string id = std::to_string(100'000'000'000'000 + start).substr(1) + "-" + hex(r, 8);
  d.export_arn = pool.keep(std::string(*q.table_arn) + "/export/" + id);
  d.table_arn = q.table_arn;
  d.table_id = pool.keep(uuid(r));
  d.start_time = from_epoch_ms(start);
  d.export_time = q.export_time ? q.export_time : std::optional<timestamp>{from_epoch_ms(start)};
  d.client_token = q.client_token;
  d.s3_bucket = q.s3_bucket;
  d.s3_bucket_owner = q.s3_bucket_owner ? q.s3_bucket_owner : std::optional<std::string_view>{corpus_account};
  d.s3_prefix = q.s3_prefix;
  d.s3_sse_algorithm = q.s3_sse_algorithm ? q.s3_sse_algorithm : s3_sse_algorithm_value{s3_sse_algorithm::aes256};
  d.s3_sse_kms_key_id = q.s3_sse_kms_key_id;
  d.export_format = q.export_format ? q.export_format : export_format_value{export_format::dynamodb_json};
  d.export_type = q.export_type ? q.export_type : export_type_value{export_type::full_export};
  d.incremental_export_specification = q.incremental_export_specification;
  d.filter_specification = q.filter_specification;
  const auto roll = r.below(100);
  if (roll < 25 && message_bytes == 0) {
    d.export_status = export_status::in_progress;
  } else if (roll < 85 && message_bytes == 0) {
    d.export_status = export_status::completed;
    d.end_time = from_epoch_ms(start + 60'000 + static_cast<std::int64_t>(r.below(3'600'000)));
    d.export_manifest = pool.keep(std::string(q.s3_prefix.value_or("")) + "AWSDynamoDB/" + id + "/manifest-summary.json");
    d.billed_size_bytes = static_cast<std::int64_t>(r.below(50'000'000'000ull));
    d.item_count = static_cast<std::int64_t>(r.below(400'000'000));
  } else {
    d.export_status = export_status::failed;
    d.end_time = from_epoch_ms(start + 30'000);
    d.failure_code = "S3AccessDenied";
    std::string message = "Failed to write to S3 bucket " + std::string(*q.s3_bucket) +
                          ": Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; "
                          "Request ID: " + hex(r, 16) + "; S3 Extended Request ID: " + hex(r, 40) + ")";
    while (message.size() < message_bytes) message += " Retried " + digits(r, 2) + " times; proxy said: " + r.pick(words) + ".";
    d.failure_message = pool.keep(std::move(message));
  }
  return d;
}

template <class F>
std::string write_body(F&& write) {
  std::string body;
  container_output out{body};
  write(out);
  return body;
}

}  // namespace detail

/// One body of a size class, with the value it was written from.
struct request_case {
  std::string body;
  export_request value;
};
struct response_case {
  std::string body;
  export_response value;
};

/// A named group of bodies measured together (one benchmark row).
template <class Case>
struct body_set {
  std::string name;  ///< "small", "16KiB", "1MiB"
  std::vector<Case> cases;
  [[nodiscard]] std::size_t bytes() const {
    std::size_t n = 0;
    for (const auto& c : cases) n += c.body.size();
    return n;
  }
  [[nodiscard]] std::size_t largest() const {
    std::size_t n = 0;
    for (const auto& c : cases) n = c.body.size() > n ? c.body.size() : n;
    return n;
  }
  [[nodiscard]] double average_bytes() const { return cases.empty() ? 0.0 : double(bytes()) / double(cases.size()); }
};

struct corpus {
  text_pool pool;
  std::vector<body_set<request_case>> requests;
  std::vector<body_set<response_case>> responses;
  // The full validation context: every fact known, a ledger of earlier exports.
  std::vector<ledger_entry> ledger_entries;
  span_ledger ledger;
  validation_context<> context;
};

/// Builds the corpus; `small_count` bodies in each everyday set.
inline std::unique_ptr<corpus> make_corpus(std::uint64_t seed = default_seed, std::size_t small_count = 64) {
  auto c = std::make_unique<corpus>();
  rng r{seed};
  text_pool& pool = c->pool;
  const auto request_case_of = [](export_request q) {
    return request_case{detail::write_body([&](auto& out) { json::write_request(q, out); }), q};
  };
  const auto response_case_of = [](export_description d) {
    export_response resp{d};
    return response_case{detail::write_body([&](auto& out) { json::write_response(resp, out); }), resp};
  };

  body_set<request_case> small{"small", {}};
  for (std::size_t i = 0; i < small_count; ++i) small.cases.push_back(request_case_of(detail::make_request(r, pool)));
  // 16 KiB: ~60 filter clauses, long S values and a 4 KiB expression.
  body_set<request_case> mid{"16KiB", {request_case_of(detail::make_request(r, pool, 80, 120, 8000, 1000))}};
  // ~1 MiB (under the reader's default 1 MiB limit): 2,500 clauses, long values, a 320 KiB expression.
  body_set<request_case> big{"1MiB", {request_case_of(detail::make_request(r, pool, 4000, 200, 520'000, 1000))}};
  c->requests = {std::move(small), std::move(mid), std::move(big)};

  body_set<response_case> rsmall{"small", {}};
  for (std::size_t i = 0; i < small_count; ++i)
    rsmall.cases.push_back(response_case_of(detail::make_description(r, pool, r.chance(70) ? 1 + r.below(4) : 0, 0)));
  body_set<response_case> rmid{"16KiB", {response_case_of(detail::make_description(r, pool, 70, 120, 7500))}};
  body_set<response_case> rbig{"1MiB", {response_case_of(detail::make_description(r, pool, 3700, 200, 480'000))}};
  c->responses = {std::move(rsmall), std::move(rmid), std::move(rbig)};

  // Context: the fixtures' every fact known (PITR on for a week, caller owns
  // the bucket), with a ledger of 16 earlier exports whose tokens the corpus
  // never repeats (stage K looks, finds nothing).
  for (std::size_t i = 0; i < 16; ++i) {
    export_request earlier = detail::make_request(r, pool);
    c->ledger_entries.push_back({earlier, pool.keep(std::string(*earlier.table_arn) + "/export/01789990000000-0badcafe"),
                                 corpus_now - std::chrono::hours(1 + i)});
  }
  c->ledger = span_ledger{c->ledger_entries};
  c->context = test::every_fact_context(&c->ledger);
  return c;
}

}  // namespace ddbexport::bench

#endif
