// Peer: simdjson On-Demand (3.x) parsing into the plain model, then the
// hand-written checks (and, as a second row, the same checks with std::regex).
// On-Demand needs SIMDJSON_PADDING readable bytes after the body: the bodies
// are copied into padded strings at set-up, as a server would read them.
// simdjson 3.0 has no document::at_end(), so trailing text after the object
// is not checked here (ddbexport checks it). On-Demand picks its kernel at
// compile time: meson.build builds the benchmark with -march=native so this
// peer gets its SIMD kernel rather than the scalar fallback.

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <vector>

#include "bench_common.hpp"

namespace ddbexport::bench {
namespace {

namespace od = simdjson::ondemand;
using simdjson::error_code;

#define TRY(expr)                                   \
  do {                                              \
    if (const error_code e_ = (expr); e_) return e_; \
  } while (0)

error_code read_string(od::value& v, std::optional<std::string_view>& out) {
  std::string_view s;
  TRY(v.get_string().get(s));
  out = s;
  return simdjson::SUCCESS;
}
error_code read_time(od::value& v, std::optional<std::int64_t>& out) {
  double d = 0;
  TRY(v.get_double().get(d));
  out = plain::ms_from_seconds(d);
  return simdjson::SUCCESS;
}

error_code read_attribute_value(od::value v, plain::store& st, std::uint32_t& id);

/// An object of attribute names to AttributeValues (an M's body, an Item) into node `n`.
error_code read_attribute_map(od::value& x, plain::store& st, plain::value& n) {
  od::object m;
  TRY(x.get_object().get(m));
  const std::size_t mark = st.entry_stack.size();
  for (auto inner_result : m) {
    od::field inner;
    TRY(std::move(inner_result).get(inner));
    std::string_view ik;
    TRY(inner.unescaped_key().get(ik));
    std::uint32_t child = 0;
    TRY(read_attribute_value(inner.value(), st, child));
    st.entry_stack.push_back({ik, child});
  }
  n.first = static_cast<std::uint32_t>(st.entries.size());
  n.count = static_cast<std::uint32_t>(st.entry_stack.size() - mark);
  st.entries.insert(st.entries.end(), st.entry_stack.begin() + static_cast<std::ptrdiff_t>(mark), st.entry_stack.end());
  st.entry_stack.resize(mark);
  return simdjson::SUCCESS;
}

error_code read_attribute_value(od::value v, plain::store& st, std::uint32_t& id) {
  od::object o;
  TRY(v.get_object().get(o));
  plain::value n;
  bool have = false;
  for (auto field_result : o) {
    od::field field;
    TRY(std::move(field_result).get(field));
    std::string_view k;
    TRY(field.unescaped_key().get(k));
    const int kind = plain::attribute_kind_of(k);
    if (kind < 0 || have) return simdjson::INCORRECT_TYPE;
    have = true;
    n.kind = static_cast<std::uint8_t>(kind);
    od::value& x = field.value();
    switch (kind) {
      case 0:
      case 1:
      case 2: TRY(x.get_string().get(n.scalar)); break;
      case 3:
      case 4:
      case 5: {
        od::array a;
        TRY(x.get_array().get(a));
        const std::size_t mark = st.string_stack.size();
        for (auto item : a) {
          std::string_view s;
          TRY(item.get_string().get(s));
          st.string_stack.push_back(s);
        }
        n.first = static_cast<std::uint32_t>(st.strings.size());
        n.count = static_cast<std::uint32_t>(st.string_stack.size() - mark);
        st.strings.insert(st.strings.end(), st.string_stack.begin() + static_cast<std::ptrdiff_t>(mark), st.string_stack.end());
        st.string_stack.resize(mark);
        break;
      }
      case 6: TRY(read_attribute_map(x, st, n)); break;
      case 7: {
        od::array a;
        TRY(x.get_array().get(a));
        const std::size_t mark = st.child_stack.size();
        for (auto item : a) {
          od::value iv;
          TRY(item.get(iv));
          std::uint32_t child = 0;
          TRY(read_attribute_value(iv, st, child));
          st.child_stack.push_back(child);
        }
        n.first = static_cast<std::uint32_t>(st.children.size());
        n.count = static_cast<std::uint32_t>(st.child_stack.size() - mark);
        st.children.insert(st.children.end(), st.child_stack.begin() + static_cast<std::ptrdiff_t>(mark), st.child_stack.end());
        st.child_stack.resize(mark);
        break;
      }
      default: TRY(x.get_bool().get(n.flag)); break;
    }
  }
  if (!have) return simdjson::INCORRECT_TYPE;
  st.nodes.push_back(n);
  id = static_cast<std::uint32_t>(st.nodes.size() - 1);
  return simdjson::SUCCESS;
}

error_code read_filter(od::value& v, plain::filter& f, plain::store& st) {
  od::object o;
  TRY(v.get_object().get(o));
  for (auto field_result : o) {
    od::field field;
    TRY(std::move(field_result).get(field));
    std::string_view k;
    TRY(field.unescaped_key().get(k));
    od::value& x = field.value();
    switch (plain::key_of(k)) {
      case plain::key::FilterExpression: TRY(read_string(x, f.filter_expression)); break;
      case plain::key::ProjectionExpression: TRY(read_string(x, f.projection_expression)); break;
      case plain::key::KeyConditionExpression: TRY(read_string(x, f.key_condition_expression)); break;
      case plain::key::ExpressionAttributeNames: {
        od::object m;
        TRY(x.get_object().get(m));
        const auto first = static_cast<std::uint32_t>(st.names.size());
        for (auto entry_result : m) {
          od::field entry;
          TRY(std::move(entry_result).get(entry));
          std::string_view ek, ev;
          TRY(entry.unescaped_key().get(ek));
          TRY(entry.value().get_string().get(ev));
          st.names.emplace_back(ek, ev);
        }
        f.names = plain::range{first, static_cast<std::uint32_t>(st.names.size()) - first};
        break;
      }
      case plain::key::ExpressionAttributeValues: {
        plain::value map;
        TRY(read_attribute_map(x, st, map));
        f.values = plain::range{map.first, map.count};
        break;
      }
      default: break;  // unknown members are skipped
    }
  }
  return simdjson::SUCCESS;
}

error_code read_incremental(od::value& v, plain::incremental& s) {
  od::object o;
  TRY(v.get_object().get(o));
  for (auto field_result : o) {
    od::field field;
    TRY(std::move(field_result).get(field));
    std::string_view k;
    TRY(field.unescaped_key().get(k));
    od::value& x = field.value();
    switch (plain::key_of(k)) {
      case plain::key::ExportFromTime: TRY(read_time(x, s.from_ms)); break;
      case plain::key::ExportToTime: TRY(read_time(x, s.to_ms)); break;
      case plain::key::ExportViewType: TRY(read_string(x, s.view_type)); break;
      default: break;
    }
  }
  return simdjson::SUCCESS;
}

/// Members shared by the request and the description.
template <class T>
error_code read_common(plain::key key, od::value& x, T& r, plain::store& st, bool& known) {
  known = true;
  switch (key) {
    case plain::key::TableArn: return read_string(x, r.table_arn);
    case plain::key::S3Bucket: return read_string(x, r.s3_bucket);
    case plain::key::ExportTime: return read_time(x, r.export_time_ms);
    case plain::key::ClientToken: return read_string(x, r.client_token);
    case plain::key::S3BucketOwner: return read_string(x, r.s3_bucket_owner);
    case plain::key::S3Prefix: return read_string(x, r.s3_prefix);
    case plain::key::S3SseAlgorithm: return read_string(x, r.s3_sse_algorithm);
    case plain::key::S3SseKmsKeyId: return read_string(x, r.s3_sse_kms_key_id);
    case plain::key::ExportFormat: return read_string(x, r.export_format);
    case plain::key::ExportType: return read_string(x, r.export_type);
    case plain::key::IncrementalExportSpecification: return read_incremental(x, r.ies.emplace());
    case plain::key::FilterSpecification: return read_filter(x, r.fs.emplace(), st);
    default: known = false; return simdjson::SUCCESS;
  }
}

error_code read_request(od::parser& parser, const simdjson::padded_string& body, plain::request& r, plain::store& st) {
  r = plain::request{};
  st.clear();
  od::document doc;
  TRY(parser.iterate(body).get(doc));
  od::object o;
  TRY(doc.get_object().get(o));
  std::uint64_t seen = 0;  // duplicate members are an error, as for ddbexport
  for (auto field_result : o) {
    od::field field;
    TRY(std::move(field_result).get(field));
    std::string_view k;
    TRY(field.unescaped_key().get(k));
    const plain::key key = plain::key_of(k);
    const std::uint64_t bit = std::uint64_t{1} << static_cast<unsigned>(key);
    if (key != plain::key::unknown && (seen & bit) != 0) return simdjson::TAPE_ERROR;
    seen |= bit;
    bool known = false;
    TRY(read_common(key, field.value(), r, st, known));
  }
  return simdjson::SUCCESS;
}

error_code read_description(od::value& v, plain::description& d, plain::store& st) {
  od::object o;
  TRY(v.get_object().get(o));
  std::uint64_t seen = 0;
  for (auto field_result : o) {
    od::field field;
    TRY(std::move(field_result).get(field));
    std::string_view k;
    TRY(field.unescaped_key().get(k));
    const plain::key key = plain::key_of(k);
    const std::uint64_t bit = std::uint64_t{1} << static_cast<unsigned>(key);
    if (key != plain::key::unknown && (seen & bit) != 0) return simdjson::TAPE_ERROR;
    seen |= bit;
    od::value& x = field.value();
    bool known = false;
    TRY(read_common(key, x, d, st, known));
    if (known) continue;
    switch (key) {
      case plain::key::ExportArn: TRY(read_string(x, d.export_arn)); break;
      case plain::key::ExportStatus: TRY(read_string(x, d.export_status)); break;
      case plain::key::StartTime: TRY(read_time(x, d.start_ms)); break;
      case plain::key::EndTime: TRY(read_time(x, d.end_ms)); break;
      case plain::key::ExportManifest: TRY(read_string(x, d.export_manifest)); break;
      case plain::key::TableId: TRY(read_string(x, d.table_id)); break;
      case plain::key::FailureCode: TRY(read_string(x, d.failure_code)); break;
      case plain::key::FailureMessage: TRY(read_string(x, d.failure_message)); break;
      case plain::key::BilledSizeBytes: {
        std::int64_t n = 0;
        TRY(x.get_int64().get(n));
        d.billed_size_bytes = n;
        break;
      }
      case plain::key::ItemCount: {
        std::int64_t n = 0;
        TRY(x.get_int64().get(n));
        d.item_count = n;
        break;
      }
      default: break;
    }
  }
  return simdjson::SUCCESS;
}

error_code read_response(od::parser& parser, const simdjson::padded_string& body, plain::description& d,
                         bool& has_description, plain::store& st) {
  d = plain::description{};
  st.clear();
  has_description = false;
  od::document doc;
  TRY(parser.iterate(body).get(doc));
  od::object o;
  TRY(doc.get_object().get(o));
  for (auto field_result : o) {
    od::field field;
    TRY(std::move(field_result).get(field));
    std::string_view k;
    TRY(field.unescaped_key().get(k));
    if (k == "ExportDescription") {
      if (has_description) return simdjson::TAPE_ERROR;
      has_description = true;
      TRY(read_description(field.value(), d, st));
    }
  }
  return simdjson::SUCCESS;
}

/// A full export's line (item 6): {"Item":{...}} into an M node.
error_code read_item_line(od::parser& parser, const simdjson::padded_string& line, plain::store& st, std::uint32_t& root) {
  st.clear();
  od::document doc;
  TRY(parser.iterate(line).get(doc));
  od::object o;
  TRY(doc.get_object().get(o));
  bool have = false;
  for (auto field_result : o) {
    od::field field;
    TRY(std::move(field_result).get(field));
    std::string_view k;
    TRY(field.unescaped_key().get(k));
    if (k != "Item" || have) return simdjson::INCORRECT_TYPE;
    have = true;
    plain::value n;
    n.kind = 6;
    TRY(read_attribute_map(field.value(), st, n));
    st.nodes.push_back(n);
    root = static_cast<std::uint32_t>(st.nodes.size() - 1);
  }
  return have ? simdjson::SUCCESS : simdjson::INCORRECT_TYPE;
}

#undef TRY

struct padded_sets {
  std::vector<std::vector<simdjson::padded_string>> requests, responses, lines;
};

padded_sets& padded() {
  static padded_sets p = [] {
    padded_sets out;
    for (const auto& set : shared().data->requests) {
      out.requests.emplace_back();
      for (const auto& c : set.cases) out.requests.back().emplace_back(c.body);
    }
    for (const auto& set : shared().data->responses) {
      out.responses.emplace_back();
      for (const auto& c : set.cases) out.responses.back().emplace_back(c.body);
    }
    for (const auto& set : data_lines().data->sets) {
      out.lines.emplace_back();
      for (const auto& c : set.cases) out.lines.back().emplace_back(c.text);
    }
    return out;
  }();
  return p;
}

void verify() {
  auto& s = shared();
  od::parser parser;
  plain::store st;
  for (std::size_t set = 0; set < padded().requests.size(); ++set) {
    for (std::size_t i = 0; i < padded().requests[set].size(); ++i) {
      plain::request r;
      if (read_request(parser, padded().requests[set][i], r, st) != simdjson::SUCCESS)
        setup_failure("simdjson could not read a corpus request");
      if (!plain::same_as(r, st, s.plain_requests[set][i], s.plain_request_stores[set]))
        setup_failure("simdjson's request differs from ddbexport's reading");
    }
  }
  for (std::size_t set = 0; set < padded().responses.size(); ++set) {
    for (std::size_t i = 0; i < padded().responses[set].size(); ++i) {
      plain::description d;
      bool has = false;
      if (read_response(parser, padded().responses[set][i], d, has, st) != simdjson::SUCCESS || !has)
        setup_failure("simdjson could not read a corpus response");
      if (!plain::same_as(d, st, s.plain_descriptions[set][i], s.plain_description_stores[set]))
        setup_failure("simdjson's response differs from ddbexport's reading");
    }
  }
  // Data lines: the tree must be the item written (which ddbexport's reading
  // is checked against too, in bench_artifacts_service.cpp).
  for (std::size_t set = 0; set < padded().lines.size(); ++set) {
    for (std::size_t i = 0; i < padded().lines[set].size(); ++i) {
      std::uint32_t root = 0;
      if (read_item_line(parser, padded().lines[set][i], st, root) != simdjson::SUCCESS)
        setup_failure("simdjson could not read a corpus data line");
      if (!plain::same_value(st, root, data_lines().stores[set], data_lines().roots[set][i]))
        setup_failure("simdjson's data line differs from the item written");
    }
  }
}

void register_read_validate(const std::string& impl, bool regex) {
  register_job("read_validate_request", impl, shared().data->requests,
               [regex](benchmark::State& state, std::size_t set) {
                 static const plain::regex_patterns patterns;
                 const auto& bodies = padded().requests[set];
                 od::parser parser;
                 plain::store st;
                 plain::request r;
                 const plain::context& ctx = shared().plain_context;
                 for (auto _ : state) {
                   for (const auto& body : bodies) {
                     const auto e = read_request(parser, body, r, st);
                     const int bad = plain::check(r, st, ctx, regex ? &patterns : nullptr);
                     benchmark::DoNotOptimize(e);
                     benchmark::DoNotOptimize(bad);
                   }
                 }
               });
}

}  // namespace

void register_simdjson_peers() {
  verify();
  register_read_validate("simdjson_ondemand", false);
  register_read_validate("simdjson_ondemand_regex", true);
  register_job("read_response", "simdjson_ondemand", shared().data->responses,
               [](benchmark::State& state, std::size_t set) {
                 const auto& bodies = padded().responses[set];
                 od::parser parser;
                 plain::store st;
                 plain::description d;
                 for (auto _ : state) {
                   for (const auto& body : bodies) {
                     bool has = false;
                     const auto e = read_response(parser, body, d, has, st);
                     benchmark::DoNotOptimize(e);
                     benchmark::DoNotOptimize(d);
                   }
                 }
               });
  register_job("read_data_line", "simdjson_ondemand", data_lines().data->sets,
               [](benchmark::State& state, std::size_t set) {
                 const auto& lines = padded().lines[set];
                 od::parser parser;
                 plain::store st;
                 for (auto _ : state) {
                   for (const auto& line : lines) {
                     std::uint32_t root = 0;
                     const auto e = read_item_line(parser, line, st, root);
                     benchmark::DoNotOptimize(e);
                     benchmark::DoNotOptimize(root);
                   }
                 }
               });
}

}  // namespace ddbexport::bench
