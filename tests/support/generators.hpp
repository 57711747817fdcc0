#ifndef DDBEXPORT_TESTS_GENERATORS_HPP
#define DDBEXPORT_TESTS_GENERATORS_HPP

// rapidcheck generators for ddbexport's values (issue 6).
//
// ddbexport's values hold string_views and spans into caller storage, and a
// generator must hand out copyable values (rapidcheck copies them to shrink).
// So each generator makes an *owned mirror*: owned_request, owned_description,
// ... with std::string / std::vector members; `view(store)` builds the
// ddbexport value pointing into the mirror and into a `view_store` (which
// holds the arrays of spans). Keep both alive while the view is used, and do
// not copy the mirror after viewing it.
//
// Text is WTF-8 built from code points: ASCII, controls, `"` `\` `/` `$`,
// 2-, 3- and 4-byte characters, U+2028/U+2029/U+FEFF/U+FFFF and lone
// surrogates (a high surrogate directly followed by a low one is merged into
// the supplementary character, as WTF-8 requires). Lengths cluster at the
// model's bounds; times at ±8.64e15 ms and the PITR window's edges; enums
// take every known value (from enum_values<E>) and unknown strings.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <deque>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <rapidcheck.h>

#include "ddbexport/ddbexport.hpp"
#include "property/equality.hpp"

namespace ddbexport::test {

/// A value in [lo, hi) drawn over the whole range. rapidcheck's inRange
/// scales the range with the test's size (small early on); here every case
/// may reach the bounds, and shrinking still goes towards `lo`.
template <class T>
rc::Gen<T> uniform(T lo, T hi) {
  return rc::gen::resize(rc::kNominalSize, rc::gen::inRange<T>(lo, hi));
}

// ---- owned mirrors ----------------------------------------------------------

struct owned_attribute_value {
  attribute_kind kind = attribute_kind::null;
  std::string scalar{};
  bool flag = true;
  std::vector<std::string> set{};
  std::vector<owned_attribute_value> list{};
  std::vector<std::pair<std::string, owned_attribute_value>> map{};
};

struct owned_incremental_spec {
  std::optional<std::int64_t> export_from_time{};
  std::optional<std::int64_t> export_to_time{};
  std::optional<std::string> export_view_type{};
};

struct owned_filter_spec {
  std::optional<std::string> filter_expression{};
  std::optional<std::string> projection_expression{};
  std::optional<std::string> key_condition_expression{};
  std::optional<std::vector<std::pair<std::string, std::string>>> expression_attribute_names{};
  std::optional<std::vector<std::pair<std::string, owned_attribute_value>>> expression_attribute_values{};
};

struct owned_request {
  std::optional<std::string> table_arn{};
  std::optional<std::string> s3_bucket{};
  std::optional<std::int64_t> export_time{};
  std::optional<std::string> client_token{};
  std::optional<std::string> s3_bucket_owner{};
  std::optional<std::string> s3_prefix{};
  std::optional<std::string> s3_sse_algorithm{};
  std::optional<std::string> s3_sse_kms_key_id{};
  std::optional<std::string> export_format{};
  std::optional<std::string> export_type{};
  std::optional<owned_incremental_spec> incremental_export_specification{};
  std::optional<owned_filter_spec> filter_specification{};
};

struct owned_description {
  std::optional<std::string> export_arn{};
  std::optional<std::string> export_status{};
  std::optional<std::int64_t> start_time{};
  std::optional<std::int64_t> end_time{};
  std::optional<std::string> export_manifest{};
  std::optional<std::string> table_arn{};
  std::optional<std::string> table_id{};
  std::optional<std::int64_t> export_time{};
  std::optional<std::string> client_token{};
  std::optional<std::string> s3_bucket{};
  std::optional<std::string> s3_bucket_owner{};
  std::optional<std::string> s3_prefix{};
  std::optional<std::string> s3_sse_algorithm{};
  std::optional<std::string> s3_sse_kms_key_id{};
  std::optional<std::string> failure_code{};
  std::optional<std::string> failure_message{};
  std::optional<std::string> export_format{};
  std::optional<std::int64_t> billed_size_bytes{};
  std::optional<std::int64_t> item_count{};
  std::optional<std::string> export_type{};
  std::optional<owned_incremental_spec> incremental_export_specification{};
  std::optional<owned_filter_spec> filter_specification{};
};

struct owned_response {
  std::optional<owned_description> export_description{};
};

/// An error body's parts: `__type` (namespace#Name, or anything) and message.
struct owned_error {
  int status = 400;
  std::string type{};
  std::string message{};
  std::string expected_code;  ///< what read_error must find in `type`
};

// ---- views ------------------------------------------------------------------

/// Arrays the views' spans point into. Element addresses are stable (deque).
class view_store {
 public:
  template <class T>
  std::span<const T> keep(std::vector<T> items) {
    auto& slot = store<T>().emplace_back(std::move(items));
    return {slot.data(), slot.size()};
  }

 private:
  template <class T>
  std::deque<std::vector<T>>& store() {
    if constexpr (std::is_same_v<T, attribute_value>) return values_;
    else if constexpr (std::is_same_v<T, attribute_entry>) return entries_;
    else if constexpr (std::is_same_v<T, string_entry>) return names_;
    else return texts_;
  }
  std::deque<std::vector<attribute_value>> values_;
  std::deque<std::vector<attribute_entry>> entries_;
  std::deque<std::vector<string_entry>> names_;
  std::deque<std::vector<std::string_view>> texts_;
};

namespace detail_gen {
inline std::optional<std::string_view> sv(const std::optional<std::string>& s) {
  return s ? std::optional<std::string_view>{*s} : std::nullopt;
}
inline std::optional<timestamp> ts(const std::optional<std::int64_t>& ms) {
  return ms ? std::optional<timestamp>{from_epoch_ms(*ms)} : std::nullopt;
}
template <class E>
std::optional<open_enum<E>> en(const std::optional<std::string>& s) {
  return s ? std::optional<open_enum<E>>{open_enum<E>::from_text(*s)} : std::nullopt;
}
}  // namespace detail_gen

inline attribute_value view(const owned_attribute_value& a, view_store& store) {
  attribute_value v{a.kind};
  v.scalar = a.scalar;
  v.flag = a.flag;
  switch (a.kind) {
    case attribute_kind::ss:
    case attribute_kind::ns:
    case attribute_kind::bs: {
      std::vector<std::string_view> items(a.set.begin(), a.set.end());
      v.set = store.keep(std::move(items));
      break;
    }
    case attribute_kind::l: {
      std::vector<attribute_value> items;
      for (const auto& child : a.list) items.push_back(view(child, store));
      const auto kept = store.keep(std::move(items));
      v.list_data = kept.data();
      v.list_size = kept.size();
      break;
    }
    case attribute_kind::m: {
      std::vector<attribute_entry> items;
      for (const auto& [key, child] : a.map) items.push_back({key, view(child, store)});
      const auto kept = store.keep(std::move(items));
      v.map_data = kept.data();
      v.map_size = kept.size();
      break;
    }
    default: break;
  }
  return v;
}

inline incremental_export_specification view(const owned_incremental_spec& s) {
  return {detail_gen::ts(s.export_from_time), detail_gen::ts(s.export_to_time),
          detail_gen::en<export_view_type>(s.export_view_type)};
}

inline filter_specification view(const owned_filter_spec& f, view_store& store) {
  filter_specification v{detail_gen::sv(f.filter_expression), detail_gen::sv(f.projection_expression),
                         detail_gen::sv(f.key_condition_expression)};
  if (f.expression_attribute_names) {
    std::vector<string_entry> items;
    for (const auto& [k, value] : *f.expression_attribute_names) items.push_back({k, value});
    v.expression_attribute_names = store.keep(std::move(items));
  }
  if (f.expression_attribute_values) {
    std::vector<attribute_entry> items;
    for (const auto& [k, value] : *f.expression_attribute_values) items.push_back({k, view(value, store)});
    v.expression_attribute_values = store.keep(std::move(items));
  }
  return v;
}

inline export_request view(const owned_request& o, view_store& store) {
  using namespace detail_gen;
  export_request r;
  r.table_arn = sv(o.table_arn);
  r.s3_bucket = sv(o.s3_bucket);
  r.export_time = ts(o.export_time);
  r.client_token = sv(o.client_token);
  r.s3_bucket_owner = sv(o.s3_bucket_owner);
  r.s3_prefix = sv(o.s3_prefix);
  r.s3_sse_algorithm = en<s3_sse_algorithm>(o.s3_sse_algorithm);
  r.s3_sse_kms_key_id = sv(o.s3_sse_kms_key_id);
  r.export_format = en<export_format>(o.export_format);
  r.export_type = en<export_type>(o.export_type);
  if (o.incremental_export_specification) r.incremental_export_specification = view(*o.incremental_export_specification);
  if (o.filter_specification) r.filter_specification = view(*o.filter_specification, store);
  return r;
}

inline export_description view(const owned_description& o, view_store& store) {
  using namespace detail_gen;
  export_description d;
  d.export_arn = sv(o.export_arn);
  d.export_status = en<export_status>(o.export_status);
  d.start_time = ts(o.start_time);
  d.end_time = ts(o.end_time);
  d.export_manifest = sv(o.export_manifest);
  d.table_arn = sv(o.table_arn);
  d.table_id = sv(o.table_id);
  d.export_time = ts(o.export_time);
  d.client_token = sv(o.client_token);
  d.s3_bucket = sv(o.s3_bucket);
  d.s3_bucket_owner = sv(o.s3_bucket_owner);
  d.s3_prefix = sv(o.s3_prefix);
  d.s3_sse_algorithm = en<s3_sse_algorithm>(o.s3_sse_algorithm);
  d.s3_sse_kms_key_id = sv(o.s3_sse_kms_key_id);
  d.failure_code = sv(o.failure_code);
  d.failure_message = sv(o.failure_message);
  d.export_format = en<export_format>(o.export_format);
  d.billed_size_bytes = o.billed_size_bytes;
  d.item_count = o.item_count;
  d.export_type = en<export_type>(o.export_type);
  if (o.incremental_export_specification) d.incremental_export_specification = view(*o.incremental_export_specification);
  if (o.filter_specification) d.filter_specification = view(*o.filter_specification, store);
  return d;
}

inline export_response view(const owned_response& o, view_store& store) {
  export_response r;
  if (o.export_description) r.export_description = view(*o.export_description, store);
  return r;
}

/// The canonical body of a value, for messages and comparisons.
template <class Owned>
std::string body_of(const Owned& o) {
  view_store store;
  const auto v = view(o, store);
  std::string text;
  container_output out{text};
  if constexpr (std::is_same_v<Owned, owned_request>)
    json::write_request(v, out);
  else if constexpr (std::is_same_v<Owned, owned_response>)
    json::write_response(v, out);
  else
    json::write_description(v, out);
  return text;
}

// rapidcheck prints counterexamples with operator<<: the canonical body.
inline std::ostream& operator<<(std::ostream& os, const owned_request& r) { return os << body_of(r); }
inline std::ostream& operator<<(std::ostream& os, const owned_response& r) { return os << body_of(r); }
inline std::ostream& operator<<(std::ostream& os, const owned_description& d) { return os << body_of(d); }
inline std::ostream& operator<<(std::ostream& os, const owned_error& e) {
  return os << "status " << e.status << " __type '" << e.type << "' message '" << e.message << "'";
}

// ---- text -------------------------------------------------------------------

/// WTF-8 of code points; surrogate pairs are merged into one character.
inline std::string wtf8(const std::vector<std::uint32_t>& cps) {
  std::string out;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    std::uint32_t c = cps[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < cps.size() && cps[i + 1] >= 0xDC00 && cps[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (cps[i + 1] - 0xDC00);
      ++i;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

/// One code point of any interesting class.
inline rc::Gen<std::uint32_t> code_point() {
  return rc::gen::weightedOneOf<std::uint32_t>({
      {12, uniform<std::uint32_t>(0x20, 0x7F)},
      {2, uniform<std::uint32_t>(0x00, 0x20)},
      {2, rc::gen::element<std::uint32_t>('"', '\\', '/', '$', 0x7F, 0x00)},
      {2, uniform<std::uint32_t>(0x80, 0x800)},
      {2, uniform<std::uint32_t>(0x800, 0xD800)},
      {1, uniform<std::uint32_t>(0xE000, 0x10000)},
      {1, rc::gen::element<std::uint32_t>(0x2028, 0x2029, 0xFEFF, 0xFFFF, 0x10FFFF)},
      {2, uniform<std::uint32_t>(0xD800, 0xE000)},
      {2, uniform<std::uint32_t>(0x10000, 0x110000)},
  });
}

/// Code points counted as the validator counts them (a merged pair is one).
inline std::size_t code_points_of(std::string_view s) { return ddbexport::detail::code_point_count(s); }

/// Any WTF-8 text of rapidcheck's current size.
inline rc::Gen<std::string> any_text() {
  return rc::gen::map(rc::gen::container<std::vector<std::uint32_t>>(code_point()), wtf8);
}

/// Text of exactly `n` code points drawn from `cp` (no surrogate pairs form:
/// a high surrogate is never followed by a low one).
inline std::string text_of_length(std::size_t n, const rc::Gen<std::uint32_t>& cp) {
  std::vector<std::uint32_t> cps;
  cps.reserve(n);
  while (cps.size() < n) {
    std::uint32_t c = *cp;
    if (!cps.empty() && cps.back() >= 0xD800 && cps.back() <= 0xDBFF && c >= 0xDC00 && c <= 0xDFFF) c = 'x';
    cps.push_back(c);
  }
  return wtf8(cps);
}

/// Lengths at and around the model's bounds.
inline const std::vector<std::size_t> boundary_lengths = {0, 1, 2, 3, 12, 36, 63, 64, 254, 255, 256, 1023, 1024, 1025, 2047, 2048, 2049};

/// Text that is mostly short and arbitrary, sometimes a boundary length.
inline rc::Gen<std::string> member_text() {
  return rc::gen::weightedOneOf<std::string>({
      {8, any_text()},
      {1, rc::gen::exec([] {
         const std::size_t n = *rc::gen::elementOf(boundary_lengths);
         return text_of_length(n, *rc::gen::element(code_point(), rc::gen::just<std::uint32_t>('a')));
       })},
  });
}

template <class T>
rc::Gen<std::optional<T>> optional_of(rc::Gen<T> gen, int absent_weight = 1, int present_weight = 1) {
  return rc::gen::weightedOneOf<std::optional<T>>({
      {static_cast<std::size_t>(absent_weight), rc::gen::just(std::optional<T>{})},
      {static_cast<std::size_t>(present_weight), rc::gen::map(std::move(gen), [](T v) { return std::optional<T>{std::move(v)}; })},
  });
}

// ---- scalars ------------------------------------------------------------------

/// Times whose write-then-read is exact: the range's edges and whole seconds
/// anywhere in it, zero and its neighbours, today's times with milliseconds,
/// anything below 2^51 ms.
inline rc::Gen<std::int64_t> any_time() {
  constexpr std::int64_t exact = exact_time_limit_ms - 1;
  return rc::gen::weightedOneOf<std::int64_t>({
      {2, rc::gen::element<std::int64_t>(-max_epoch_ms, -max_epoch_ms + 1000, -exact, -1001, -1000, -999, -1, 0, 1, 999,
                                         1000, 1001, exact, max_epoch_ms - 1000, max_epoch_ms, 1'577'836'800'000,
                                         1'790'000'000'000)},
      {3, uniform<std::int64_t>(1'500'000'000'000, 2'100'000'000'000)},
      {2, uniform<std::int64_t>(-exact, exact + 1)},
      {1, rc::gen::map(uniform<std::int64_t>(-max_epoch_ms / 1000, max_epoch_ms / 1000 + 1),
                       [](std::int64_t s) { return s * 1000; })},
  });
}

/// Any long the reader accepts: within ±(2^53 - 1).
inline rc::Gen<std::int64_t> any_long() {
  constexpr std::int64_t max = 9'007'199'254'740'991;
  return rc::gen::weightedOneOf<std::int64_t>({
      {1, rc::gen::element<std::int64_t>(-max, -1, 0, 1, 10'000'000, max)},
      {2, uniform<std::int64_t>(0, 1'000'000'000'000)},
      {1, uniform<std::int64_t>(-max, max + 1)},
  });
}

/// Unknown enum texts: near misses first.
inline rc::Gen<std::string> unknown_enum_text() {
  return rc::gen::weightedOneOf<std::string>({
      {3, rc::gen::element<std::string>("", "aes256", "aws:kms", "CSV", "PARQUET", "NEW_IMAGES", "FULL", "full_export",
                                        "IN PROGRESS", "ENABLED ", "\xC3\x89NABLED")},
      {1, any_text()},
  });
}

template <wire_enumeration E>
rc::Gen<std::string> known_enum_text() {
  std::vector<std::string> names;
  for (const E e : enum_values<E>) names.emplace_back(to_wire(e));
  return rc::gen::elementOf(names);
}

/// Every known value of E, and unknown strings.
template <wire_enumeration E>
rc::Gen<std::string> enum_text() {
  return rc::gen::weightedOneOf<std::string>({{4, known_enum_text<E>()}, {1, unknown_enum_text()}});
}

// ---- AttributeValues and maps -------------------------------------------------

/// Map keys, unique, with array-index-like keys that reorder on write (WIRE.md §5.6).
inline rc::Gen<std::string> map_key() {
  return rc::gen::weightedOneOf<std::string>({
      {4, any_text()},
      {1, rc::gen::element<std::string>("0", "1", "2", "10", "01", "-1", "4294967294", "4294967295", "#n", ":v", "")},
  });
}

template <class V>
std::vector<std::pair<std::string, V>> unique_entries(std::vector<std::pair<std::string, V>> entries) {
  std::set<std::string> seen;
  std::vector<std::pair<std::string, V>> out;
  for (auto& e : entries)
    if (seen.insert(e.first).second) out.push_back(std::move(e));
  return out;
}

/// Any bytes (B and BS hold decoded binary).
inline rc::Gen<std::string> any_bytes() { return rc::gen::container<std::string>(rc::gen::arbitrary<char>()); }

/// Well-formed AttributeValues, nesting at most `depth` levels of M and L.
inline rc::Gen<owned_attribute_value> attribute_value_gen(int depth) {
  return rc::gen::exec([depth] {
    owned_attribute_value a;
    const int kinds = depth > 0 ? 10 : 8;
    static constexpr attribute_kind order[] = {attribute_kind::s,  attribute_kind::n,  attribute_kind::b,
                                               attribute_kind::ss, attribute_kind::ns, attribute_kind::bs,
                                               attribute_kind::null, attribute_kind::boolean, attribute_kind::m,
                                               attribute_kind::l};
    a.kind = order[*uniform(0, kinds)];
    const auto small = [] { return *uniform<std::size_t>(0, 4); };
    switch (a.kind) {
      case attribute_kind::s: a.scalar = *any_text(); break;
      case attribute_kind::n: a.scalar = *rc::gen::weightedOneOf<std::string>({{3, rc::gen::element<std::string>("0", "-1.5e3", "1E+400", "12345678901234567890123456789012345678")}, {1, any_text()}}); break;
      case attribute_kind::b: a.scalar = *any_bytes(); break;
      case attribute_kind::ss:
      case attribute_kind::ns:
        for (std::size_t i = 0, n = small(); i < n; ++i) a.set.push_back(*any_text());
        break;
      case attribute_kind::bs:
        for (std::size_t i = 0, n = small(); i < n; ++i) a.set.push_back(*any_bytes());
        break;
      case attribute_kind::null: a.flag = *rc::gen::weightedOneOf<bool>({{4, rc::gen::just(true)}, {1, rc::gen::just(false)}}); break;
      case attribute_kind::boolean: a.flag = *rc::gen::arbitrary<bool>(); break;
      case attribute_kind::l:
        for (std::size_t i = 0, n = small(); i < n; ++i) a.list.push_back(*attribute_value_gen(depth - 1));
        break;
      case attribute_kind::m: {
        std::vector<std::pair<std::string, owned_attribute_value>> entries;
        for (std::size_t i = 0, n = small(); i < n; ++i) entries.emplace_back(*map_key(), *attribute_value_gen(depth - 1));
        a.map = unique_entries(std::move(entries));
        break;
      }
    }
    return a;
  });
}

inline rc::Gen<std::vector<std::pair<std::string, std::string>>> names_map() {
  return rc::gen::exec([] {
    std::vector<std::pair<std::string, std::string>> entries;
    const std::size_t n = *uniform<std::size_t>(0, 5);
    for (std::size_t i = 0; i < n; ++i) {
      // A value at the 65535 bound now and then (S-FILTER-NAMES-LEN).
      const bool at_bound = *rc::gen::weightedOneOf<bool>({{60, rc::gen::just(false)}, {1, rc::gen::just(true)}});
      entries.emplace_back(*map_key(), at_bound ? std::string(65535, 'n') : *member_text());
    }
    return unique_entries(std::move(entries));
  });
}

inline rc::Gen<std::vector<std::pair<std::string, owned_attribute_value>>> values_map(int depth = 3) {
  return rc::gen::exec([depth] {
    std::vector<std::pair<std::string, owned_attribute_value>> entries;
    const std::size_t n = *uniform<std::size_t>(0, 4);
    for (std::size_t i = 0; i < n; ++i) entries.emplace_back(*map_key(), *attribute_value_gen(depth));
    return unique_entries(std::move(entries));
  });
}

// ---- arbitrary shapes -------------------------------------------------------------

inline rc::Gen<owned_incremental_spec> any_incremental_spec() {
  return rc::gen::exec([] {
    owned_incremental_spec s;
    s.export_from_time = *optional_of(any_time(), 1, 3);
    s.export_to_time = *optional_of(any_time());
    s.export_view_type = *optional_of(enum_text<export_view_type>());
    return s;
  });
}

inline rc::Gen<owned_filter_spec> any_filter_spec() {
  return rc::gen::exec([] {
    owned_filter_spec f;
    f.filter_expression = *optional_of(member_text());
    f.projection_expression = *optional_of(member_text());
    f.key_condition_expression = *optional_of(member_text());
    f.expression_attribute_names = *optional_of(names_map());
    f.expression_attribute_values = *optional_of(values_map());
    return f;
  });
}

/// Any request the wire can carry: each member absent or any value of its type.
inline rc::Gen<owned_request> any_request() {
  return rc::gen::exec([] {
    owned_request r;
    r.table_arn = *optional_of(member_text(), 1, 3);
    r.s3_bucket = *optional_of(member_text(), 1, 3);
    r.export_time = *optional_of(any_time());
    r.client_token = *optional_of(member_text());
    r.s3_bucket_owner = *optional_of(member_text());
    r.s3_prefix = *optional_of(member_text());
    r.s3_sse_algorithm = *optional_of(enum_text<s3_sse_algorithm>());
    r.s3_sse_kms_key_id = *optional_of(member_text());
    r.export_format = *optional_of(enum_text<export_format>());
    r.export_type = *optional_of(enum_text<export_type>());
    r.incremental_export_specification = *optional_of(any_incremental_spec());
    r.filter_specification = *optional_of(any_filter_spec(), 2, 1);
    return r;
  });
}

inline rc::Gen<owned_description> any_description() {
  return rc::gen::exec([] {
    owned_description d;
    d.export_arn = *optional_of(member_text(), 1, 3);
    d.export_status = *optional_of(enum_text<export_status>(), 1, 3);
    d.start_time = *optional_of(any_time());
    d.end_time = *optional_of(any_time());
    d.export_manifest = *optional_of(member_text());
    d.table_arn = *optional_of(member_text());
    d.table_id = *optional_of(member_text());
    d.export_time = *optional_of(any_time());
    d.client_token = *optional_of(member_text());
    d.s3_bucket = *optional_of(member_text());
    d.s3_bucket_owner = *optional_of(member_text());
    d.s3_prefix = *optional_of(member_text());
    d.s3_sse_algorithm = *optional_of(enum_text<s3_sse_algorithm>());
    d.s3_sse_kms_key_id = *optional_of(member_text());
    d.failure_code = *optional_of(member_text());
    d.failure_message = *optional_of(member_text());
    d.export_format = *optional_of(enum_text<export_format>());
    d.billed_size_bytes = *optional_of(any_long());
    d.item_count = *optional_of(any_long());
    d.export_type = *optional_of(enum_text<export_type>());
    d.incremental_export_specification = *optional_of(any_incremental_spec());
    d.filter_specification = *optional_of(any_filter_spec(), 2, 1);
    return d;
  });
}

inline rc::Gen<owned_response> any_response() {
  return rc::gen::exec([] { return owned_response{*optional_of(any_description(), 1, 6)}; });
}

// ---- valid values ---------------------------------------------------------------------

inline std::string chars_of(std::string_view alphabet, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += alphabet[*uniform<std::size_t>(0, alphabet.size())];
  return s;
}
inline constexpr std::string_view digits = "0123456789";
inline constexpr std::string_view alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
inline constexpr std::string_view hex_lower = "0123456789abcdef";

/// A length in [lo, hi], often exactly at either end.
inline std::size_t length_in(std::size_t lo, std::size_t hi) {
  return *rc::gen::weightedOneOf<std::size_t>({{1, rc::gen::just(lo)}, {1, rc::gen::just(hi)},
                                               {4, uniform(lo, std::min(hi, lo + 40) + 1)},
                                               {1, uniform(lo, hi + 1)}});
}

/// Partitions with a region that fits them (RULES.md §3.7).
inline rc::Gen<std::pair<std::string, std::string>> partition_and_region() {
  using P = std::pair<std::string, std::string>;
  static const std::vector<P> pairs{
      {"aws", "us-east-1"}, {"aws", "eu-west-3"}, {"aws", "ap-southeast-2"}, {"aws-cn", "cn-north-1"},
      {"aws-us-gov", "us-gov-west-1"}, {"aws-iso", "us-iso-east-1"}, {"aws-iso-b", "us-isob-east-1"},
      {"aws-iso-e", "eu-isoe-west-1"}, {"aws-iso-f", "us-isof-south-1"}, {"aws-eusc", "eusc-de-east-1"}};
  return rc::gen::elementOf(pairs);
}

inline std::string table_arn_for(std::string_view account) {
  const auto [partition, region] = *partition_and_region();
  return "arn:" + partition + ":dynamodb:" + region + ":" + std::string(account) + ":table/" +
         chars_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-", length_in(3, 255));
}

/// `^[a-z0-9A-Z]+[\.\-\w]*[a-z0-9A-Z]+$`, 2..255 characters.
inline std::string valid_bucket() {
  const std::size_t n = length_in(2, 255);
  return chars_of(alnum, 1) + chars_of("abcdefghijklmnopqrstuvwxyz0123456789.-_ABC", n - 2) + chars_of(alnum, 1);
}

/// Pattern P of RULES.md §3.5: key ids, key ARNs, aliases, alias ARNs.
inline std::string valid_kms_key_id() {
  switch (*uniform(0, 4)) {
    case 0: return chars_of("abcdef0123456789-", length_in(1, 64));
    case 1: return "alias/" + chars_of("abcdefghijklmnopqrstuvwxyz0123456789:/_-", length_in(1, 64));
    case 2: return "arn:aws:kms:us-east-1:" + chars_of(digits, 12) + ":key/" + chars_of("abcdef0123456789-", 36);
    default: return "arn:aws-cn:kms:cn-north-1:" + chars_of(digits, 12) + ":alias/" + chars_of("abc/_-:", length_in(1, 30));
  }
}

/// A token the pattern `^[^\$]+$` accepts: non-empty, any text but `$`.
inline std::string valid_token() {
  std::string t = *rc::gen::weightedOneOf<std::string>({{1, rc::gen::just(std::string("t"))}, {6, any_text()}});
  std::replace(t.begin(), t.end(), '$', '%');
  return t.empty() ? std::string("\xF0\x9F\x98\x80") : t;
}

/// Text of `lo..hi` code points of any class.
inline std::string text_between(std::size_t lo, std::size_t hi) {
  return text_of_length(length_in(lo, hi), code_point());
}

enum class export_kind { full, incremental };

/// A request built to pass every rule against the context it comes with.
struct scenario {
  owned_request request;
  export_kind kind = export_kind::full;
  std::int64_t now = 0;
  std::int64_t earliest = 0;       ///< EarliestRestorableDateTime
  std::int64_t latest = 0;         ///< LatestRestorableDateTime, strictly before now
  std::int32_t recovery_days = 35;
  std::string caller_account;
  std::string bucket_owner_account;
};

inline std::optional<std::string> maybe(std::string value) {
  return *rc::gen::arbitrary<bool>() ? std::optional<std::string>{std::move(value)} : std::nullopt;
}

/// A valid filter: at least one member.
inline owned_filter_spec valid_filter() {
  owned_filter_spec f;
  while (!f.filter_expression && !f.projection_expression && !f.key_condition_expression &&
         !f.expression_attribute_names && !f.expression_attribute_values) {
    f = *any_filter_spec();
  }
  return f;
}

/// A valid scenario of the given kind (or either).
inline rc::Gen<scenario> valid_scenario(std::optional<export_kind> kind = std::nullopt) {
  return rc::gen::exec([kind] {
    scenario s;
    s.kind = kind ? *kind : *rc::gen::element(export_kind::full, export_kind::incremental);
    s.now = *uniform<std::int64_t>(1'609'459'200'000, 2'051'222'400'000);  // 2021 .. 2035
    s.recovery_days = *uniform<std::int32_t>(2, 36);
    s.earliest = s.now - std::int64_t{s.recovery_days} * 86'400'000 + *uniform<std::int64_t>(0, 3'600'000);
    s.latest = s.now - *rc::gen::weightedOneOf<std::int64_t>({{1, rc::gen::just<std::int64_t>(1)},
                                                              {3, uniform<std::int64_t>(1, 300'000)}});
    s.caller_account = chars_of(digits, 12);
    s.bucket_owner_account = s.caller_account;

    owned_request& r = s.request;
    r.table_arn = table_arn_for(s.caller_account);
    r.s3_bucket = valid_bucket();
    if (*rc::gen::arbitrary<bool>()) r.client_token = valid_token();
    if (*rc::gen::arbitrary<bool>()) {
      r.s3_bucket_owner = chars_of(digits, 12);
      s.bucket_owner_account = *r.s3_bucket_owner;
    }
    if (*rc::gen::arbitrary<bool>()) r.s3_prefix = text_between(1, 1024);
    switch (*uniform(0, 4)) {
      case 0: break;
      case 1: r.s3_sse_algorithm = "AES256"; break;
      case 2: r.s3_sse_algorithm = "KMS"; break;
      default:
        r.s3_sse_algorithm = "KMS";
        r.s3_sse_kms_key_id = valid_kms_key_id();
        break;
    }
    r.export_format = *optional_of(known_enum_text<export_format>());
    if (s.kind == export_kind::full) {
      r.export_type = *optional_of(rc::gen::just(std::string("FULL_EXPORT")));
      if (*rc::gen::arbitrary<bool>())
        r.export_time = *rc::gen::weightedOneOf<std::int64_t>({{1, rc::gen::just(s.earliest)},
                                                               {1, rc::gen::just(s.latest)},
                                                               {3, uniform(s.earliest, s.latest + 1)}});
    } else {
      r.export_type = "INCREMENTAL_EXPORT";
      owned_incremental_spec spec;
      const bool explicit_to = *rc::gen::arbitrary<bool>();
      // T: explicit (at most Now) or floor(Now) in whole seconds (R-INC-TO-DEFAULT).
      const std::int64_t to = explicit_to ? *rc::gen::weightedOneOf<std::int64_t>({{1, rc::gen::just(s.now)},
                                                                                  {3, uniform(s.now - 86'400'000, s.now + 1)}})
                                          : s.now / 1000 * 1000;
      const std::int64_t span = *rc::gen::weightedOneOf<std::int64_t>({{1, rc::gen::just<std::int64_t>(900'000)},
                                                                       {1, rc::gen::just<std::int64_t>(86'400'000)},
                                                                       {3, uniform<std::int64_t>(900'000, 86'400'001)}});
      spec.export_from_time = std::max(to - span, s.earliest);
      if (to - *spec.export_from_time < 900'000) spec.export_from_time = to - 900'000;
      if (explicit_to) spec.export_to_time = to;
      spec.export_view_type = *optional_of(known_enum_text<export_view_type>());
      r.incremental_export_specification = spec;
    }
    if (*rc::gen::weightedOneOf<bool>({{3, rc::gen::just(false)}, {1, rc::gen::just(true)}}))
      r.filter_specification = valid_filter();
    return s;
  });
}

/// The context a scenario promises: every fact known, PITR enabled.
template <class Ledger = span_ledger>
validation_context<Ledger> context_of(const scenario& s, const Ledger* ledger) {
  validation_context<Ledger> c;
  c.now = from_epoch_ms(s.now);
  c.continuous_backups = continuous_backups_description{
      .continuous_backups_status = continuous_backups_status::enabled,
      .point_in_time_recovery_description =
          point_in_time_recovery_description{
              .point_in_time_recovery_status = point_in_time_recovery_status::enabled,
              .recovery_period_in_days = s.recovery_days,
              .earliest_restorable_date_time = from_epoch_ms(s.earliest),
              .latest_restorable_date_time = from_epoch_ms(s.latest),
          },
  };
  c.caller_account_id = s.caller_account;
  c.bucket_owner_account_id = s.bucket_owner_account;
  c.table_exists = true;
  c.previous_exports = ledger;
  return c;
}

/// Facts for the sink property: each one present or not, any value.
struct any_facts {
  std::optional<std::int64_t> now;
  std::optional<std::string> pitr_status;
  std::optional<std::int32_t> recovery_days;
  std::optional<std::int64_t> earliest;
  std::optional<std::int64_t> latest;
  std::optional<std::string> caller_account;
  std::optional<std::string> bucket_owner_account;
  std::optional<bool> table_exists;
  bool with_ledger = false;
  std::optional<std::int64_t> ledger_completed_at;
  bool ledger_same_request = true;
};

inline rc::Gen<any_facts> facts() {
  return rc::gen::exec([] {
    any_facts f;
    f.now = *optional_of(uniform<std::int64_t>(1'500'000'000'000, 2'100'000'000'000), 1, 3);
    f.pitr_status = *optional_of(enum_text<point_in_time_recovery_status>(), 1, 3);
    f.recovery_days = *optional_of(uniform<std::int32_t>(1, 36));
    const std::int64_t base = f.now.value_or(1'790'000'000'000);
    f.earliest = *optional_of(uniform<std::int64_t>(base - 40 * 86'400'000LL, base));
    f.latest = *optional_of(uniform<std::int64_t>(base - 600'000, base + 600'000));
    f.caller_account = *optional_of(rc::gen::element<std::string>("123456789012", "210987654321"));
    f.bucket_owner_account = *optional_of(rc::gen::element<std::string>("123456789012", "210987654321"));
    f.table_exists = *optional_of(rc::gen::arbitrary<bool>());
    f.with_ledger = *rc::gen::arbitrary<bool>();
    f.ledger_completed_at = *optional_of(uniform<std::int64_t>(base - 10 * 3'600'000LL, base));
    f.ledger_same_request = *rc::gen::arbitrary<bool>();
    return f;
  });
}

inline validation_context<> context_of(const any_facts& f, const span_ledger* ledger) {
  validation_context<> c;
  c.now = detail_gen::ts(f.now);
  if (f.pitr_status || f.recovery_days || f.earliest || f.latest) {
    point_in_time_recovery_description p;
    p.point_in_time_recovery_status = detail_gen::en<point_in_time_recovery_status>(f.pitr_status);
    p.recovery_period_in_days = f.recovery_days;
    p.earliest_restorable_date_time = detail_gen::ts(f.earliest);
    p.latest_restorable_date_time = detail_gen::ts(f.latest);
    c.continuous_backups = continuous_backups_description{.point_in_time_recovery_description = p};
  }
  c.caller_account_id = detail_gen::sv(f.caller_account);
  c.bucket_owner_account_id = detail_gen::sv(f.bucket_owner_account);
  c.table_exists = f.table_exists;
  c.previous_exports = f.with_ledger ? ledger : nullptr;
  return c;
}

// ---- valid descriptions, per status --------------------------------------------------

/// An ExportDescription the response checks of RULES.md §8 accept, for the
/// given status, with the request it echoes.
struct description_scenario {
  owned_description description;
  owned_request request;
};

inline rc::Gen<description_scenario> valid_description(export_status status) {
  return rc::gen::exec([status] {
    const scenario s = *valid_scenario();
    description_scenario out;
    out.request = s.request;
    const owned_request& r = s.request;
    owned_description& d = out.description;
    const std::int64_t start = s.now + *uniform<std::int64_t>(0, 5'000);
    std::string eid = std::to_string(start);
    eid = std::string(14 - eid.size(), '0') + eid + "-" + chars_of(hex_lower, 8);
    d.export_arn = *r.table_arn + "/export/" + eid;
    d.export_status = std::string(to_wire(status));
    d.start_time = start;
    d.table_arn = r.table_arn;
    d.table_id = chars_of(hex_lower, 8) + "-" + chars_of(hex_lower, 4) + "-" + chars_of(hex_lower, 4) + "-" +
                 chars_of(hex_lower, 4) + "-" + chars_of(hex_lower, 12);
    d.client_token = r.client_token;
    d.s3_bucket = r.s3_bucket;
    d.s3_bucket_owner = r.s3_bucket_owner;
    d.s3_prefix = r.s3_prefix;
    d.s3_sse_algorithm = r.s3_sse_algorithm.value_or("AES256");
    d.s3_sse_kms_key_id = r.s3_sse_kms_key_id;
    d.export_format = r.export_format.value_or("DYNAMODB_JSON");
    d.export_type = r.export_type;
    d.filter_specification = r.filter_specification;
    const bool incremental = s.kind == export_kind::incremental;
    if (incremental) {
      owned_incremental_spec spec = *r.incremental_export_specification;
      if (!spec.export_to_time) spec.export_to_time = s.now / 1000 * 1000;
      if (!spec.export_view_type) spec.export_view_type = "NEW_AND_OLD_IMAGES";
      d.incremental_export_specification = spec;
    } else {
      d.export_time = r.export_time.value_or(start);
    }
    const auto end = [&] { return start + *uniform<std::int64_t>(0, 86'400'000); };
    const std::int64_t min_billed = incremental ? incremental_min_billed_bytes : 0;
    switch (status) {
      case export_status::in_progress: break;
      case export_status::completed: {
        d.end_time = end();
        const std::string& p = r.s3_prefix ? *r.s3_prefix : std::string();
        d.export_manifest = (p.empty() || p.back() == '/' ? p : p + "/") + "AWSDynamoDB/" + eid + "/manifest-summary.json";
        d.item_count = *uniform<std::int64_t>(0, 1'000'000'000);
        d.billed_size_bytes = *uniform<std::int64_t>(min_billed, 1'000'000'000'000);
        break;
      }
      case export_status::failed:
        d.failure_code = *rc::gen::element<std::string>("S3AccessDenied", "KmsNotFoundException", "UNKNOWN");
        d.failure_message = *any_text();
        if (*rc::gen::arbitrary<bool>()) d.end_time = end();
        if (*rc::gen::arbitrary<bool>()) d.billed_size_bytes = *uniform<std::int64_t>(0, 1'000'000);
        break;
    }
    return out;
  });
}

// ---- error bodies ------------------------------------------------------------------

/// The service's errors with their namespaces (RULES.md §2.4), plus others.
inline rc::Gen<owned_error> any_error() {
  return rc::gen::exec([] {
    owned_error e;
    const auto kind = static_cast<error_kind>(*uniform<std::size_t>(0, error_catalogue.size()));
    const auto& ki = info(kind);
    const std::string name = *rc::gen::weightedOneOf<std::string>(
        {{4, rc::gen::just(std::string(ki.name))},
         {1, rc::gen::element<std::string>("IdempotentParameterMismatchException", "RequestLimitExceeded",
                                           "ResourceNotFoundException", "tablenotfoundexception")}});
    e.expected_code = name;
    switch (*uniform(0, 4)) {
      case 0: e.type = name; break;
      case 1: e.type = std::string(ki.wire_namespace) + "#" + name; break;
      case 2: e.type = "x#" + name + ":http://internal.amazon.com/coral/" + *rc::gen::element<std::string>("", "a,b"); break;
      default: e.type = name + ",Other"; break;
    }
    e.message = *any_text();
    e.status = *rc::gen::element(400, 403, 413, 500, 503);
    return e;
  });
}

}  // namespace ddbexport::test

namespace rc {
template <>
struct Arbitrary<ddbexport::test::owned_request> {
  static Gen<ddbexport::test::owned_request> arbitrary() { return ddbexport::test::any_request(); }
};
template <>
struct Arbitrary<ddbexport::test::owned_response> {
  static Gen<ddbexport::test::owned_response> arbitrary() { return ddbexport::test::any_response(); }
};
template <>
struct Arbitrary<ddbexport::test::owned_error> {
  static Gen<ddbexport::test::owned_error> arbitrary() { return ddbexport::test::any_error(); }
};
template <>
struct Arbitrary<ddbexport::test::any_facts> {
  static Gen<ddbexport::test::any_facts> arbitrary() { return ddbexport::test::facts(); }
};
}  // namespace rc

#endif
