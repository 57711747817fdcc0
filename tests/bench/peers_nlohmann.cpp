// Peer: nlohmann/json 3.11 (ordered_json, so map entries keep their order as
// the wire has them). Reading parses a DOM (no exceptions: parse errors give a
// discarded value) into the plain model, then the hand-written checks.
// Writing builds an ordered_json from the plain model and dumps it; the text
// must be byte-identical to ddbexport's (checked at set-up). This is the
// convenient way, and allocates per node: it shows the cost of convenience.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "bench_common.hpp"

namespace ddbexport::bench {
namespace {

using njson = nlohmann::ordered_json;

bool read_string(const njson& v, std::optional<std::string_view>& out) {
  if (!v.is_string()) return false;
  out = v.get_ref<const std::string&>();
  return true;
}
bool read_time(const njson& v, std::optional<std::int64_t>& out) {
  if (!v.is_number()) return false;
  out = plain::ms_from_seconds(v.get<double>());
  return true;
}

bool read_attribute_value(const njson& v, plain::store& st, std::uint32_t& id) {
  if (!v.is_object() || v.size() != 1) return false;
  const auto it = v.begin();
  const int kind = plain::attribute_kind_of(it.key());
  if (kind < 0) return false;
  plain::value n;
  n.kind = static_cast<std::uint8_t>(kind);
  const njson& x = it.value();
  switch (kind) {
    case 0: case 1: case 2:
      if (!x.is_string()) return false;
      n.scalar = x.get_ref<const std::string&>();
      break;
    case 3: case 4: case 5:
      if (!x.is_array()) return false;
      n.first = static_cast<std::uint32_t>(st.strings.size());
      for (const auto& item : x) {
        if (!item.is_string()) return false;
        st.strings.emplace_back(item.get_ref<const std::string&>());
      }
      n.count = static_cast<std::uint32_t>(st.strings.size()) - n.first;
      break;
    case 6: {
      if (!x.is_object()) return false;
      const std::size_t mark = st.entry_stack.size();
      for (auto e = x.begin(); e != x.end(); ++e) {
        std::uint32_t child = 0;
        if (!read_attribute_value(e.value(), st, child)) return false;
        st.entry_stack.push_back({e.key(), child});
      }
      n.first = static_cast<std::uint32_t>(st.entries.size());
      n.count = static_cast<std::uint32_t>(st.entry_stack.size() - mark);
      st.entries.insert(st.entries.end(), st.entry_stack.begin() + static_cast<std::ptrdiff_t>(mark), st.entry_stack.end());
      st.entry_stack.resize(mark);
      break;
    }
    case 7: {
      if (!x.is_array()) return false;
      const std::size_t mark = st.child_stack.size();
      for (const auto& item : x) {
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
      if (!x.is_boolean()) return false;
      n.flag = x.get<bool>();
      break;
  }
  st.nodes.push_back(n);
  id = static_cast<std::uint32_t>(st.nodes.size() - 1);
  return true;
}

bool read_filter(const njson& v, plain::filter& f, plain::store& st) {
  if (!v.is_object()) return false;
  for (auto m = v.begin(); m != v.end(); ++m) {
    const njson& x = m.value();
    switch (plain::key_of(m.key())) {
      case plain::key::FilterExpression: if (!read_string(x, f.filter_expression)) return false; break;
      case plain::key::ProjectionExpression: if (!read_string(x, f.projection_expression)) return false; break;
      case plain::key::KeyConditionExpression: if (!read_string(x, f.key_condition_expression)) return false; break;
      case plain::key::ExpressionAttributeNames: {
        if (!x.is_object()) return false;
        const auto first = static_cast<std::uint32_t>(st.names.size());
        for (auto e = x.begin(); e != x.end(); ++e) {
          if (!e.value().is_string()) return false;
          st.names.emplace_back(e.key(), e.value().get_ref<const std::string&>());
        }
        f.names = plain::range{first, static_cast<std::uint32_t>(st.names.size()) - first};
        break;
      }
      case plain::key::ExpressionAttributeValues: {
        if (!x.is_object()) return false;
        const std::size_t mark = st.entry_stack.size();
        for (auto e = x.begin(); e != x.end(); ++e) {
          std::uint32_t child = 0;
          if (!read_attribute_value(e.value(), st, child)) return false;
          st.entry_stack.push_back({e.key(), child});
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

bool read_incremental(const njson& v, plain::incremental& s) {
  if (!v.is_object()) return false;
  for (auto m = v.begin(); m != v.end(); ++m) {
    switch (plain::key_of(m.key())) {
      case plain::key::ExportFromTime: if (!read_time(m.value(), s.from_ms)) return false; break;
      case plain::key::ExportToTime: if (!read_time(m.value(), s.to_ms)) return false; break;
      case plain::key::ExportViewType: if (!read_string(m.value(), s.view_type)) return false; break;
      default: break;
    }
  }
  return true;
}

template <class T>
bool read_common(plain::key key, const njson& x, T& r, plain::store& st, bool& known) {
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

/// The DOM must outlive the plain value, which views its strings.
bool read_request(njson& doc, const std::string& body, plain::request& r, plain::store& st) {
  r = plain::request{};
  st.clear();
  doc = njson::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return false;
  for (auto m = doc.begin(); m != doc.end(); ++m) {
    bool known = false;
    if (!read_common(plain::key_of(m.key()), m.value(), r, st, known)) return false;
  }
  return true;
}

bool read_response(njson& doc, const std::string& body, plain::description& d, plain::store& st) {
  d = plain::description{};
  st.clear();
  doc = njson::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return false;
  const auto it = doc.find("ExportDescription");
  if (it == doc.end() || !it->is_object()) return false;
  for (auto m = it->begin(); m != it->end(); ++m) {
    const plain::key key = plain::key_of(m.key());
    const njson& x = m.value();
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
        ok = x.is_number_integer();
        if (ok) d.billed_size_bytes = x.get<std::int64_t>();
        break;
      case plain::key::ItemCount:
        ok = x.is_number_integer();
        if (ok) d.item_count = x.get<std::int64_t>();
        break;
      default: break;
    }
    if (!ok) return false;
  }
  return true;
}

// ---- writing ------------------------------------------------------------------

void put(njson& o, const char* name, const std::optional<std::string_view>& s) {
  if (s) o[name] = std::string(*s);
}
void put_time(njson& o, const char* name, const std::optional<std::int64_t>& ms) {
  if (!ms) return;
  if (*ms % 1000 == 0)
    o[name] = *ms / 1000;
  else
    o[name] = static_cast<double>(*ms) / 1000.0;
}

njson value_json(const plain::store& st, std::uint32_t id) {
  static constexpr const char* names[] = {"S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL"};
  const plain::value& n = st.nodes[id];
  njson o = njson::object();
  njson& x = o[names[n.kind]];
  switch (n.kind) {
    case 0: case 1: case 2: x = std::string(n.scalar); break;
    case 3: case 4: case 5:
      x = njson::array();
      for (std::uint32_t i = 0; i < n.count; ++i) x.push_back(std::string(st.strings[n.first + i]));
      break;
    case 6:
      x = njson::object();
      for (std::uint32_t i = 0; i < n.count; ++i) {
        const plain::entry& e = st.entries[n.first + i];
        x[std::string(e.key)] = value_json(st, e.node);
      }
      break;
    case 7:
      x = njson::array();
      for (std::uint32_t i = 0; i < n.count; ++i) x.push_back(value_json(st, st.children[n.first + i]));
      break;
    default: x = n.flag; break;
  }
  return o;
}

std::string write_request(const plain::request& r, const plain::store& st) {
  njson o = njson::object();
  put(o, "TableArn", r.table_arn);
  put(o, "S3Bucket", r.s3_bucket);
  put_time(o, "ExportTime", r.export_time_ms);
  put(o, "ClientToken", r.client_token);
  put(o, "S3BucketOwner", r.s3_bucket_owner);
  put(o, "S3Prefix", r.s3_prefix);
  put(o, "S3SseAlgorithm", r.s3_sse_algorithm);
  put(o, "S3SseKmsKeyId", r.s3_sse_kms_key_id);
  put(o, "ExportFormat", r.export_format);
  put(o, "ExportType", r.export_type);
  if (r.ies) {
    njson& s = o["IncrementalExportSpecification"] = njson::object();
    put_time(s, "ExportFromTime", r.ies->from_ms);
    put_time(s, "ExportToTime", r.ies->to_ms);
    put(s, "ExportViewType", r.ies->view_type);
  }
  if (r.fs) {
    njson& f = o["FilterSpecification"] = njson::object();
    put(f, "FilterExpression", r.fs->filter_expression);
    put(f, "ProjectionExpression", r.fs->projection_expression);
    put(f, "KeyConditionExpression", r.fs->key_condition_expression);
    if (r.fs->names) {
      njson& m = f["ExpressionAttributeNames"] = njson::object();
      for (std::uint32_t i = 0; i < r.fs->names->count; ++i) {
        const auto& [k, v] = st.names[r.fs->names->first + i];
        m[std::string(k)] = std::string(v);
      }
    }
    if (r.fs->values) {
      njson& m = f["ExpressionAttributeValues"] = njson::object();
      for (std::uint32_t i = 0; i < r.fs->values->count; ++i) {
        const plain::entry& e = st.entries[r.fs->values->first + i];
        m[std::string(e.key)] = value_json(st, e.node);
      }
    }
  }
  return o.dump();
}

void verify() {
  auto& s = shared();
  plain::store st;
  njson doc;
  for (std::size_t set = 0; set < s.data->requests.size(); ++set) {
    for (std::size_t i = 0; i < s.data->requests[set].cases.size(); ++i) {
      const auto& body = s.data->requests[set].cases[i].body;
      plain::request r;
      if (!read_request(doc, body, r, st)) setup_failure("nlohmann could not read a corpus request");
      if (!plain::same_as(r, st, s.plain_requests[set][i], s.plain_request_stores[set]))
        setup_failure("nlohmann's request differs from ddbexport's reading");
      const std::string text = write_request(s.plain_requests[set][i], s.plain_request_stores[set]);
      if (text != body)
        setup_failure("nlohmann's dump is not byte-identical to ddbexport's:\n  " + text.substr(0, 400) + "\n  " +
                      body.substr(0, 400));
    }
  }
  for (std::size_t set = 0; set < s.data->responses.size(); ++set) {
    for (std::size_t i = 0; i < s.data->responses[set].cases.size(); ++i) {
      plain::description d;
      if (!read_response(doc, s.data->responses[set].cases[i].body, d, st))
        setup_failure("nlohmann could not read a corpus response");
      if (!plain::same_as(d, st, s.plain_descriptions[set][i], s.plain_description_stores[set]))
        setup_failure("nlohmann's response differs from ddbexport's reading");
    }
  }
}

}  // namespace

void register_nlohmann_peers() {
  verify();
  register_job("read_validate_request", "nlohmann", shared().data->requests,
               [](benchmark::State& state, std::size_t set) {
                 const auto& cases = shared().data->requests[set].cases;
                 njson doc;
                 plain::store st;
                 plain::request r;
                 const plain::context& ctx = shared().plain_context;
                 for (auto _ : state) {
                   for (const auto& c : cases) {
                     const bool ok = read_request(doc, c.body, r, st);
                     const int bad = plain::check(r, st, ctx);
                     benchmark::DoNotOptimize(ok);
                     benchmark::DoNotOptimize(bad);
                   }
                 }
               });
  register_job("write_request", "nlohmann", shared().data->requests, [](benchmark::State& state, std::size_t set) {
    const auto& values = shared().plain_requests[set];
    const auto& st = shared().plain_request_stores[set];
    for (auto _ : state) {
      for (const auto& v : values) {
        const std::string text = write_request(v, st);
        benchmark::DoNotOptimize(text.data());
      }
    }
  });
  register_job("read_response", "nlohmann", shared().data->responses, [](benchmark::State& state, std::size_t set) {
    const auto& cases = shared().data->responses[set].cases;
    njson doc;
    plain::store st;
    plain::description d;
    for (auto _ : state) {
      for (const auto& c : cases) {
        const bool ok = read_response(doc, c.body, d, st);
        benchmark::DoNotOptimize(ok);
        benchmark::DoNotOptimize(d);
      }
    }
  });
}

}  // namespace ddbexport::bench
