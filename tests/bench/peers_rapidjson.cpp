// Peer: RapidJSON 1.1. Reading: a Document (DOM) parse with UTF-8
// validation, into the plain model, then the hand-written checks. Writing: a
// Writer over a reused StringBuffer, from the plain model; its output must be
// byte-identical to ddbexport's (checked at set-up), so it writes whole
// seconds as integers and other times as doubles, as the SDK does.
//
// Allocation: the DOM goes to a MemoryPoolAllocator over a reused buffer
// (cleared per body), the best case for RapidJSON; its parse stack is the
// library's own (one malloc per parse).

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <string>
#include <vector>

#include "bench_common.hpp"

namespace ddbexport::bench {
namespace {

using rj_allocator = rapidjson::MemoryPoolAllocator<>;
using rj_document = rapidjson::GenericDocument<rapidjson::UTF8<>, rj_allocator>;
using rj_value = rj_document::ValueType;
constexpr unsigned parse_flags = rapidjson::kParseValidateEncodingFlag;

std::string_view view(const rj_value& v) { return {v.GetString(), v.GetStringLength()}; }

bool read_string(const rj_value& v, std::optional<std::string_view>& out) {
  if (!v.IsString()) return false;
  out = view(v);
  return true;
}
bool read_time(const rj_value& v, std::optional<std::int64_t>& out) {
  if (!v.IsNumber()) return false;
  out = plain::ms_from_seconds(v.GetDouble());
  return true;
}

bool read_attribute_value(const rj_value& v, plain::store& st, std::uint32_t& id) {
  if (!v.IsObject() || v.MemberCount() != 1) return false;
  const auto& m = *v.MemberBegin();
  const int kind = plain::attribute_kind_of(view(m.name));
  if (kind < 0) return false;
  plain::value n;
  n.kind = static_cast<std::uint8_t>(kind);
  const rj_value& x = m.value;
  switch (kind) {
    case 0:
    case 1:
    case 2:
      if (!x.IsString()) return false;
      n.scalar = view(x);
      break;
    case 3:
    case 4:
    case 5:
      if (!x.IsArray()) return false;
      n.first = static_cast<std::uint32_t>(st.strings.size());
      for (const auto& item : x.GetArray()) {
        if (!item.IsString()) return false;
        st.strings.push_back(view(item));
      }
      n.count = static_cast<std::uint32_t>(st.strings.size()) - n.first;
      break;
    case 6: {
      if (!x.IsObject()) return false;
      const std::size_t mark = st.entry_stack.size();
      for (const auto& e : x.GetObject()) {
        std::uint32_t child = 0;
        if (!read_attribute_value(e.value, st, child)) return false;
        st.entry_stack.push_back({view(e.name), child});
      }
      n.first = static_cast<std::uint32_t>(st.entries.size());
      n.count = static_cast<std::uint32_t>(st.entry_stack.size() - mark);
      st.entries.insert(st.entries.end(), st.entry_stack.begin() + static_cast<std::ptrdiff_t>(mark), st.entry_stack.end());
      st.entry_stack.resize(mark);
      break;
    }
    case 7: {
      if (!x.IsArray()) return false;
      const std::size_t mark = st.child_stack.size();
      for (const auto& item : x.GetArray()) {
        std::uint32_t child = 0;
        if (!read_attribute_value(item, st, child)) return false;
        st.child_stack.push_back(child);
      }
      n.first = static_cast<std::uint32_t>(st.children.size());
      n.count = static_cast<std::uint32_t>(st.child_stack.size() - mark);
      st.children.insert(st.children.end(), st.child_stack.begin() + static_cast<std::ptrdiff_t>(mark), st.child_stack.end());
      st.child_stack.resize(mark);
      break;
    }
    default:
      if (!x.IsBool()) return false;
      n.flag = x.GetBool();
      break;
  }
  st.nodes.push_back(n);
  id = static_cast<std::uint32_t>(st.nodes.size() - 1);
  return true;
}

bool read_filter(const rj_value& v, plain::filter& f, plain::store& st) {
  if (!v.IsObject()) return false;
  for (const auto& m : v.GetObject()) {
    const rj_value& x = m.value;
    switch (plain::key_of(view(m.name))) {
      case plain::key::FilterExpression: if (!read_string(x, f.filter_expression)) return false; break;
      case plain::key::ProjectionExpression: if (!read_string(x, f.projection_expression)) return false; break;
      case plain::key::KeyConditionExpression: if (!read_string(x, f.key_condition_expression)) return false; break;
      case plain::key::ExpressionAttributeNames: {
        if (!x.IsObject()) return false;
        const auto first = static_cast<std::uint32_t>(st.names.size());
        for (const auto& e : x.GetObject()) {
          if (!e.value.IsString()) return false;
          st.names.emplace_back(view(e.name), view(e.value));
        }
        f.names = plain::range{first, static_cast<std::uint32_t>(st.names.size()) - first};
        break;
      }
      case plain::key::ExpressionAttributeValues: {
        if (!x.IsObject()) return false;
        const std::size_t mark = st.entry_stack.size();
        for (const auto& e : x.GetObject()) {
          std::uint32_t child = 0;
          if (!read_attribute_value(e.value, st, child)) return false;
          st.entry_stack.push_back({view(e.name), child});
        }
        f.values = plain::range{static_cast<std::uint32_t>(st.entries.size()),
                                static_cast<std::uint32_t>(st.entry_stack.size() - mark)};
        st.entries.insert(st.entries.end(), st.entry_stack.begin() + static_cast<std::ptrdiff_t>(mark), st.entry_stack.end());
        st.entry_stack.resize(mark);
        break;
      }
      default: break;
    }
  }
  return true;
}

bool read_incremental(const rj_value& v, plain::incremental& s) {
  if (!v.IsObject()) return false;
  for (const auto& m : v.GetObject()) {
    switch (plain::key_of(view(m.name))) {
      case plain::key::ExportFromTime: if (!read_time(m.value, s.from_ms)) return false; break;
      case plain::key::ExportToTime: if (!read_time(m.value, s.to_ms)) return false; break;
      case plain::key::ExportViewType: if (!read_string(m.value, s.view_type)) return false; break;
      default: break;
    }
  }
  return true;
}

template <class T>
bool read_common(plain::key key, const rj_value& x, T& r, plain::store& st, bool& known) {
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
    default: known = false; return true;
  }
}

/// Reusable parse state: the pool's first chunk is a caller buffer sized for the largest body.
struct reader {
  std::vector<char> pool_buffer;
  explicit reader(std::size_t largest) : pool_buffer(largest * 24 + 65536) {}

  template <class F>
  bool parse(const std::string& body, F&& use) {
    rj_allocator pool(pool_buffer.data(), pool_buffer.size());
    rj_document doc(&pool);
    doc.Parse<parse_flags>(body.data(), body.size());
    if (doc.HasParseError() || !doc.IsObject()) return false;
    return use(static_cast<const rj_value&>(doc));
  }
};

bool read_request(reader& rd, const std::string& body, plain::request& r, plain::store& st) {
  r = plain::request{};
  st.clear();
  return rd.parse(body, [&](const rj_value& root) {
    std::uint64_t seen = 0;
    for (const auto& m : root.GetObject()) {
      const plain::key key = plain::key_of(view(m.name));
      const std::uint64_t bit = std::uint64_t{1} << static_cast<unsigned>(key);
      if (key != plain::key::unknown && (seen & bit) != 0) return false;
      seen |= bit;
      bool known = false;
      if (!read_common(key, m.value, r, st, known)) return false;
    }
    return true;
  });
}

bool read_description(const rj_value& v, plain::description& d, plain::store& st) {
  if (!v.IsObject()) return false;
  std::uint64_t seen = 0;
  for (const auto& m : v.GetObject()) {
    const plain::key key = plain::key_of(view(m.name));
    const std::uint64_t bit = std::uint64_t{1} << static_cast<unsigned>(key);
    if (key != plain::key::unknown && (seen & bit) != 0) return false;
    seen |= bit;
    const rj_value& x = m.value;
    bool known = false;
    if (!read_common(key, x, d, st, known)) return false;
    if (known) continue;
    bool ok = true;
    switch (key) {
      case plain::key::ExportArn: ok = read_string(x, d.export_arn); break;
      case plain::key::ExportStatus: ok = read_string(x, d.export_status); break;
      case plain::key::StartTime: ok = read_time(x, d.start_ms); break;
      case plain::key::EndTime: ok = read_time(x, d.end_ms); break;
      case plain::key::ExportManifest: ok = read_string(x, d.export_manifest); break;
      case plain::key::TableId: ok = read_string(x, d.table_id); break;
      case plain::key::FailureCode: ok = read_string(x, d.failure_code); break;
      case plain::key::FailureMessage: ok = read_string(x, d.failure_message); break;
      case plain::key::BilledSizeBytes:
        ok = x.IsInt64();
        if (ok) d.billed_size_bytes = x.GetInt64();
        break;
      case plain::key::ItemCount:
        ok = x.IsInt64();
        if (ok) d.item_count = x.GetInt64();
        break;
      default: break;
    }
    if (!ok) return false;
  }
  return true;
}

bool read_response(reader& rd, const std::string& body, plain::description& d, plain::store& st) {
  d = plain::description{};
  st.clear();
  return rd.parse(body, [&](const rj_value& root) {
    const auto it = root.FindMember("ExportDescription");
    return it != root.MemberEnd() && read_description(it->value, d, st);
  });
}

// ---- writing ------------------------------------------------------------------

using rj_writer = rapidjson::Writer<rapidjson::StringBuffer>;

void put(rj_writer& w, const char* name, std::string_view s) {
  w.Key(name);
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}
void put(rj_writer& w, const char* name, const std::optional<std::string_view>& s) {
  if (s) put(w, name, *s);
}
void put_time(rj_writer& w, const char* name, const std::optional<std::int64_t>& ms) {
  if (!ms) return;
  w.Key(name);
  if (*ms % 1000 == 0)
    w.Int64(*ms / 1000);
  else
    w.Double(static_cast<double>(*ms) / 1000.0);
}

void write_value(rj_writer& w, const plain::store& st, std::uint32_t id) {
  static constexpr const char* names[] = {"S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL"};
  const plain::value& n = st.nodes[id];
  w.StartObject();
  w.Key(names[n.kind]);
  switch (n.kind) {
    case 0: case 1: case 2: w.String(n.scalar.data(), static_cast<rapidjson::SizeType>(n.scalar.size())); break;
    case 3: case 4: case 5:
      w.StartArray();
      for (std::uint32_t i = 0; i < n.count; ++i) {
        const auto s = st.strings[n.first + i];
        w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
      }
      w.EndArray();
      break;
    case 6:
      w.StartObject();
      for (std::uint32_t i = 0; i < n.count; ++i) {
        const plain::entry& e = st.entries[n.first + i];
        w.Key(e.key.data(), static_cast<rapidjson::SizeType>(e.key.size()));
        write_value(w, st, e.node);
      }
      w.EndObject();
      break;
    case 7:
      w.StartArray();
      for (std::uint32_t i = 0; i < n.count; ++i) write_value(w, st, st.children[n.first + i]);
      w.EndArray();
      break;
    default: w.Bool(n.flag); break;
  }
  w.EndObject();
}

void write_request(rj_writer& w, const plain::request& r, const plain::store& st) {
  w.StartObject();
  put(w, "TableArn", r.table_arn);
  put(w, "S3Bucket", r.s3_bucket);
  put_time(w, "ExportTime", r.export_time_ms);
  put(w, "ClientToken", r.client_token);
  put(w, "S3BucketOwner", r.s3_bucket_owner);
  put(w, "S3Prefix", r.s3_prefix);
  put(w, "S3SseAlgorithm", r.s3_sse_algorithm);
  put(w, "S3SseKmsKeyId", r.s3_sse_kms_key_id);
  put(w, "ExportFormat", r.export_format);
  put(w, "ExportType", r.export_type);
  if (r.ies) {
    w.Key("IncrementalExportSpecification");
    w.StartObject();
    put_time(w, "ExportFromTime", r.ies->from_ms);
    put_time(w, "ExportToTime", r.ies->to_ms);
    put(w, "ExportViewType", r.ies->view_type);
    w.EndObject();
  }
  if (r.fs) {
    w.Key("FilterSpecification");
    w.StartObject();
    put(w, "FilterExpression", r.fs->filter_expression);
    put(w, "ProjectionExpression", r.fs->projection_expression);
    put(w, "KeyConditionExpression", r.fs->key_condition_expression);
    if (r.fs->names) {
      w.Key("ExpressionAttributeNames");
      w.StartObject();
      for (std::uint32_t i = 0; i < r.fs->names->count; ++i) {
        const auto& [k, v] = st.names[r.fs->names->first + i];
        w.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
        w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
      }
      w.EndObject();
    }
    if (r.fs->values) {
      w.Key("ExpressionAttributeValues");
      w.StartObject();
      for (std::uint32_t i = 0; i < r.fs->values->count; ++i) {
        const plain::entry& e = st.entries[r.fs->values->first + i];
        w.Key(e.key.data(), static_cast<rapidjson::SizeType>(e.key.size()));
        write_value(w, st, e.node);
      }
      w.EndObject();
    }
    w.EndObject();
  }
  w.EndObject();
}

std::size_t largest(const auto& sets) {
  std::size_t n = 0;
  for (const auto& s : sets) n = s.largest() > n ? s.largest() : n;
  return n;
}

void verify() {
  auto& s = shared();
  reader rd{largest(s.data->responses) > largest(s.data->requests) ? largest(s.data->responses)
                                                                     : largest(s.data->requests)};
  plain::store st;
  rapidjson::StringBuffer sb;
  for (std::size_t set = 0; set < s.data->requests.size(); ++set) {
    for (std::size_t i = 0; i < s.data->requests[set].cases.size(); ++i) {
      const auto& body = s.data->requests[set].cases[i].body;
      plain::request r;
      if (!read_request(rd, body, r, st)) setup_failure("RapidJSON could not read a corpus request");
      if (!plain::same_as(r, st, s.plain_requests[set][i], s.plain_request_stores[set]))
        setup_failure("RapidJSON's request differs from ddbexport's reading");
      sb.Clear();
      rj_writer w(sb);
      write_request(w, s.plain_requests[set][i], s.plain_request_stores[set]);
      if (std::string_view{sb.GetString(), sb.GetSize()} != body)
        setup_failure("RapidJSON's Writer output is not byte-identical to ddbexport's:\n  " +
                      std::string(sb.GetString(), sb.GetSize()).substr(0, 400) + "\n  " + body.substr(0, 400));
    }
  }
  for (std::size_t set = 0; set < s.data->responses.size(); ++set) {
    for (std::size_t i = 0; i < s.data->responses[set].cases.size(); ++i) {
      plain::description d;
      if (!read_response(rd, s.data->responses[set].cases[i].body, d, st))
        setup_failure("RapidJSON could not read a corpus response");
      if (!plain::same_as(d, st, s.plain_descriptions[set][i], s.plain_description_stores[set]))
        setup_failure("RapidJSON's response differs from ddbexport's reading");
    }
  }
}

}  // namespace

void register_rapidjson_peers() {
  verify();
  register_job("read_validate_request", "rapidjson_document", shared().data->requests,
               [](benchmark::State& state, std::size_t set) {
                 const auto& cases = shared().data->requests[set].cases;
                 reader rd{shared().data->requests[set].largest()};
                 plain::store st;
                 plain::request r;
                 const plain::context& ctx = shared().plain_context;
                 for (auto _ : state) {
                   for (const auto& c : cases) {
                     const bool ok = read_request(rd, c.body, r, st);
                     const int bad = plain::check(r, st, ctx);
                     benchmark::DoNotOptimize(ok);
                     benchmark::DoNotOptimize(bad);
                   }
                 }
               });
  register_job("write_request", "rapidjson_writer", shared().data->requests,
               [](benchmark::State& state, std::size_t set) {
                 const auto& values = shared().plain_requests[set];
                 const auto& st = shared().plain_request_stores[set];
                 rapidjson::StringBuffer sb;
                 rj_writer w(sb);
                 for (auto _ : state) {
                   for (const auto& v : values) {
                     sb.Clear();  // buffer and writer keep their capacity: no allocation once warm
                     w.Reset(sb);
                     write_request(w, v, st);
                     benchmark::DoNotOptimize(sb.GetString());
                     benchmark::ClobberMemory();
                   }
                 }
               });
  register_job("read_response", "rapidjson_document", shared().data->responses,
               [](benchmark::State& state, std::size_t set) {
                 const auto& cases = shared().data->responses[set].cases;
                 reader rd{shared().data->responses[set].largest()};
                 plain::store st;
                 plain::description d;
                 for (auto _ : state) {
                   for (const auto& c : cases) {
                     const bool ok = read_response(rd, c.body, d, st);
                     benchmark::DoNotOptimize(ok);
                     benchmark::DoNotOptimize(d);
                   }
                 }
               });
}

}  // namespace ddbexport::bench
