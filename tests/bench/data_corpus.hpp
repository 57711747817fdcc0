#ifndef DDBEXPORT_BENCH_DATA_CORPUS_HPP
#define DDBEXPORT_BENCH_DATA_CORPUS_HPP

// The data-line corpus (issue 14, item 6): full-export DYNAMODB_JSON item
// lines (ARTIFACTS.md §6.2) from the same seeded generator as the request
// corpus, built as ddbexport AttributeValues and written by ddbexport's own
// line writer (write_data_line), so the text is what an export holds.
//
//   everyday  256 items, ~1 KB each: keys, strings (some escaped or not
//             ASCII), numbers, booleans, NULL, string and number sets, a
//             nested address map and a list of order-line maps
//   400KB     8 items of ~400,000 bytes of line text, DynamoDB's item
//             limit: a list of 1,500 maps, a 2,000-element number set and
//             a long text
//
// No B or BS attributes: ddbexport's reading holds their decoded bytes, and
// simdjson 3.0 has no base64 decoder to do the same job with.

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "corpus.hpp"

namespace ddbexport::bench {

struct line_case {
  std::string text;                          ///< without the LF, as the reader gets it
  std::span<const attribute_entry> item{};  ///< what was written: the readers must give it back
};

struct line_set {
  std::string name;
  std::vector<line_case> cases;
  [[nodiscard]] std::size_t bytes() const {
    std::size_t n = 0;
    for (const auto& c : cases) n += c.text.size();
    return n;
  }
  [[nodiscard]] std::size_t largest() const {
    std::size_t n = 0;
    for (const auto& c : cases) n = c.text.size() > n ? c.text.size() : n;
    return n;
  }
};

namespace detail {

class item_builder {
 public:
  item_builder(rng& r, text_pool& pool) : r_(r), pool_(pool) {}

  std::string_view text(std::string s) { return pool_.keep(std::move(s)); }
  attribute_value s(std::string v) { return attribute_value::string(text(std::move(v))); }
  attribute_value n(std::string v) { return attribute_value::number(text(std::move(v))); }
  attribute_value map(std::vector<attribute_entry> e) { return attribute_value::map_of(pool_.keep_array(std::move(e))); }
  attribute_value list(std::vector<attribute_value> v) { return attribute_value::list_of(pool_.keep_array(std::move(v))); }
  attribute_value set(attribute_kind k, std::vector<std::string_view> v) {
    return attribute_value::set_of(k, pool_.keep_array(std::move(v)));
  }

  std::string price() { return std::to_string(r_.below(100000)) + "." + digits(r_, 2); }
  std::string sentence(std::size_t bytes) {
    static constexpr const char* pieces[] = {"the parcel ", "was left ", "at the \"front\" door ", "near gate 4, ",
                                             "signed by Ms. Müller ", "(tracking: C:\\ups\\1Z) ", "— fragile ",
                                             "and returned.\n", "Zürich ", "café "};
    std::string t;
    while (t.size() < bytes) t += r_.pick(pieces);
    return t;
  }

  attribute_value order_line(std::size_t i) {
    return map({{"sku", s("SKU-" + hex(r_, 8))},
                {"qty", n(std::to_string(1 + r_.below(9)))},
                {"price", n(price())},
                {"line", n(std::to_string(i))}});
  }

  std::vector<attribute_entry> everyday() {
    std::vector<attribute_entry> e;
    e.push_back({"pk", s("CUSTOMER#" + uuid(r_))});
    e.push_back({"sk", s("ORDER#2026-09-" + std::to_string(10 + r_.below(19)) + "#" + hex(r_, 6))});
    e.push_back({"status", s(r_.pick(words))});
    e.push_back({"total", n(price())});
    e.push_back({"itemCount", n(std::to_string(r_.below(40)))});
    e.push_back({"createdAt", n(std::to_string(1790000000 + r_.below(10000000)))});
    e.push_back({"gift", attribute_value::boolean(r_.chance(20))});
    if (r_.chance(30)) e.push_back({"coupon", attribute_value::null()});
    if (r_.chance(60)) e.push_back({"note", s(sentence(20 + r_.below(120)))});
    std::vector<std::string_view> tags;
    for (std::size_t i = 0, k = 1 + r_.below(4); i < k; ++i) tags.push_back(text("tag-" + std::to_string(i) + hex(r_, 3)));
    e.push_back({"tags", set(attribute_kind::ss, std::move(tags))});
    if (r_.chance(50)) {
      std::vector<std::string_view> scores;
      for (std::size_t i = 0, k = 2 + r_.below(4); i < k; ++i) scores.push_back(text(std::to_string(i * 1000 + r_.below(999))));
      e.push_back({"scores", set(attribute_kind::ns, std::move(scores))});
    }
    e.push_back({"address", map({{"street", s(std::to_string(1 + r_.below(300)) + " Bahnhofstrasse")},
                                 {"city", s(r_.chance(50) ? "Zürich" : "Seattle")},
                                 {"zip", s(digits(r_, 5))},
                                 {"geo", list({n("47." + digits(r_, 4)), n("8." + digits(r_, 4))})}})});
    std::vector<attribute_value> lines;
    for (std::size_t i = 0, k = 1 + r_.below(5); i < k; ++i) lines.push_back(order_line(i));
    e.push_back({"lines", list(std::move(lines))});
    return e;
  }

  /// An item of about `bytes` of line text (DynamoDB's item limit is 400 KB):
  /// the structure first, then a long text fills the rest.
  std::vector<attribute_entry> large(std::size_t bytes) {
    std::vector<attribute_entry> e = everyday();
    std::vector<std::string_view> readings;
    for (std::size_t i = 0; i < 2000; ++i) readings.push_back(text(std::to_string(i) + "." + digits(r_, 3)));
    e.push_back({"readings", set(attribute_kind::ns, std::move(readings))});
    std::vector<attribute_value> lines;
    for (std::size_t i = 0; i < 1500; ++i) lines.push_back(order_line(i));
    e.push_back({"history", list(std::move(lines))});
    artifacts::data_line line;
    line.item = e;
    counting_output size;
    (void)artifacts::write_data_line(line, artifacts::line_format{}, size);
    const std::size_t so_far = size.size();
    e.push_back({"description", s(sentence(bytes > so_far + 64 ? bytes - so_far - 64 : 0))});
    return e;
  }

 private:
  rng& r_;
  text_pool& pool_;
};

inline line_case item_line(std::vector<attribute_entry> entries, text_pool& pool) {
  artifacts::data_line line;
  line.item = pool.keep_array(std::move(entries));
  line_case c{{}, line.item};
  container_output out{c.text};
  if (!artifacts::write_data_line(line, artifacts::line_format{}, out)) c.text.clear();
  if (!c.text.empty()) c.text.pop_back();  // the LF: lines reach the reader without it
  return c;
}

}  // namespace detail

struct data_corpus {
  text_pool pool;
  std::vector<line_set> sets;
};

inline std::unique_ptr<data_corpus> make_data_corpus(std::uint64_t seed = default_seed + 14) {
  auto c = std::make_unique<data_corpus>();
  rng r{seed};
  detail::item_builder b{r, c->pool};
  line_set everyday{"everyday", {}};
  for (std::size_t i = 0; i < 256; ++i) everyday.cases.push_back(detail::item_line(b.everyday(), c->pool));
  line_set large{"400KB", {}};
  for (std::size_t i = 0; i < 8; ++i) large.cases.push_back(detail::item_line(b.large(400'000), c->pool));
  c->sets = {std::move(everyday), std::move(large)};
  return c;
}

}  // namespace ddbexport::bench

#endif
