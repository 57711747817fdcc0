#ifndef DDBEXPORT_BENCH_PLAIN_MODEL_HPP
#define DDBEXPORT_BENCH_PLAIN_MODEL_HPP

// What a user writes instead of ddbexport: a plain struct of std::string_view
// members filled from a general JSON library, and hand-written checks for the
// same rules ddbexport's validator applies (required members, lengths in code
// points, the model's patterns, the enums, the table ARN, the incremental
// window, KMS, the PITR window against "now", owner and ledger look-ups).
// The peers (peers_*.cpp) fill these structs; the same checks run after each.
//
// Peers must do honest, equivalent work: every member of the model is
// extracted (AttributeValues as a tree), and at set-up each peer's result is
// compared with ddbexport's own reading of the same body (`same_as`), so a peer
// that skipped a member would fail before anything is timed.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <regex>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ddbexport/ddbexport.hpp"

namespace ddbexport::bench::plain {

/// One AttributeValue node; children live in the store, found by index range.
struct value {
  std::uint8_t kind = 0;  ///< ddbexport::attribute_kind's numbering
  bool flag = false;
  std::string_view scalar{};
  std::uint32_t first = 0;  ///< SS/NS/BS: store.strings; L: store.children; M: store.entries
  std::uint32_t count = 0;
};
struct entry {
  std::string_view key;
  std::uint32_t node;
};

/// Reusable storage for a read: vectors cleared, never shrunk, so a warmed-up
/// peer does not allocate either (except the libraries' own internals).
struct store {
  std::vector<value> nodes;
  std::vector<std::string_view> strings;
  std::vector<std::uint32_t> children;
  std::vector<entry> entries;
  std::vector<std::pair<std::string_view, std::string_view>> names;
  // Staging stacks: a container's items are collected here, then moved
  // contiguously into the vectors above when it closes (children of nested
  // containers are added in between).
  std::vector<std::uint32_t> child_stack;
  std::vector<entry> entry_stack;
  std::vector<std::string_view> string_stack;
  void clear() {
    nodes.clear();
    strings.clear();
    children.clear();
    entries.clear();
    names.clear();
    child_stack.clear();
    entry_stack.clear();
    string_stack.clear();
  }
};

struct range {
  std::uint32_t first = 0;
  std::uint32_t count = 0;
};

struct filter {
  std::optional<std::string_view> filter_expression, projection_expression, key_condition_expression;
  std::optional<range> names;   ///< store.names
  std::optional<range> values;  ///< store.entries
};
struct incremental {
  std::optional<std::int64_t> from_ms, to_ms;
  std::optional<std::string_view> view_type;
};

struct request {
  std::optional<std::string_view> table_arn, s3_bucket, client_token, s3_bucket_owner, s3_prefix, s3_sse_algorithm,
      s3_sse_kms_key_id, export_format, export_type;
  std::optional<std::int64_t> export_time_ms;
  std::optional<incremental> ies;
  std::optional<filter> fs;
};

struct description {
  std::optional<std::string_view> export_arn, export_status, export_manifest, table_arn, table_id, client_token,
      s3_bucket, s3_bucket_owner, s3_prefix, s3_sse_algorithm, s3_sse_kms_key_id, failure_code, failure_message,
      export_format, export_type;
  std::optional<std::int64_t> start_ms, end_ms, export_time_ms, billed_size_bytes, item_count;
  std::optional<incremental> ies;
  std::optional<filter> fs;
};

/// Timestamps as the peers read them: a double of epoch seconds, rounded to ms.
inline std::int64_t ms_from_seconds(double seconds) {
  const double ms = seconds * 1000.0;
  return static_cast<std::int64_t>(ms < 0 ? ms - 0.5 : ms + 0.5);
}

/// Member names, for the switch every peer uses to dispatch a key.
enum class key : std::uint8_t {
  unknown, TableArn, S3Bucket, ExportTime, ClientToken, S3BucketOwner, S3Prefix, S3SseAlgorithm, S3SseKmsKeyId,
  ExportFormat, ExportType, IncrementalExportSpecification, FilterSpecification, ExportFromTime, ExportToTime,
  ExportViewType, FilterExpression, ProjectionExpression, KeyConditionExpression, ExpressionAttributeNames,
  ExpressionAttributeValues, ExportArn, ExportStatus, StartTime, EndTime, ExportManifest, TableId, FailureCode,
  FailureMessage, BilledSizeBytes, ItemCount, ExportDescription
};

/// A hand-written dispatch on length then text, as one would write it.
inline key key_of(std::string_view k) {
  switch (k.size()) {
    case 7: return k == "TableId" ? key::TableId : k == "EndTime" ? key::EndTime : key::unknown;
    case 8:
      return k == "TableArn" ? key::TableArn : k == "S3Bucket" ? key::S3Bucket : k == "S3Prefix" ? key::S3Prefix
                                                                                                 : key::unknown;
    case 9:
      return k == "ExportArn" ? key::ExportArn : k == "StartTime" ? key::StartTime : k == "ItemCount" ? key::ItemCount
                                                                                                         : key::unknown;
    case 10: return k == "ExportTime" ? key::ExportTime : k == "ExportType" ? key::ExportType : key::unknown;
    case 11: return k == "ClientToken" ? key::ClientToken : k == "FailureCode" ? key::FailureCode : key::unknown;
    case 12:
      return k == "ExportFormat"   ? key::ExportFormat
             : k == "ExportStatus" ? key::ExportStatus
             : k == "ExportToTime" ? key::ExportToTime
                                   : key::unknown;
    case 13:
      return k == "S3SseKmsKeyId" ? key::S3SseKmsKeyId : k == "S3BucketOwner" ? key::S3BucketOwner : key::unknown;
    case 14:
      return k == "S3SseAlgorithm"   ? key::S3SseAlgorithm
             : k == "ExportFromTime" ? key::ExportFromTime
             : k == "ExportViewType" ? key::ExportViewType
             : k == "FailureMessage" ? key::FailureMessage
             : k == "ExportManifest" ? key::ExportManifest
                                     : key::unknown;
    case 15: return k == "BilledSizeBytes" ? key::BilledSizeBytes : key::unknown;
    case 16: return k == "FilterExpression" ? key::FilterExpression : key::unknown;
    case 17: return k == "ExportDescription" ? key::ExportDescription : key::unknown;
    case 19: return k == "FilterSpecification" ? key::FilterSpecification : key::unknown;
    case 20: return k == "ProjectionExpression" ? key::ProjectionExpression : key::unknown;
    case 22: return k == "KeyConditionExpression" ? key::KeyConditionExpression : key::unknown;
    case 24: return k == "ExpressionAttributeNames" ? key::ExpressionAttributeNames : key::unknown;
    case 25: return k == "ExpressionAttributeValues" ? key::ExpressionAttributeValues : key::unknown;
    case 30: return k == "IncrementalExportSpecification" ? key::IncrementalExportSpecification : key::unknown;
    default: break;
  }
  return key::unknown;
}

inline int attribute_kind_of(std::string_view k) {
  if (k == "S") return 0;
  if (k == "N") return 1;
  if (k == "B") return 2;
  if (k == "SS") return 3;
  if (k == "NS") return 4;
  if (k == "BS") return 5;
  if (k == "M") return 6;
  if (k == "L") return 7;
  if (k == "NULL") return 8;
  if (k == "BOOL") return 9;
  return -1;
}

// ---- hand-written checks ----------------------------------------------------

struct context {
  std::int64_t now_ms = 0;
  std::int64_t earliest_ms = 0;
  std::int64_t latest_ms = 0;
  bool pitr_enabled = true;
  std::string_view caller_account, bucket_owner_account;
  std::vector<std::string_view> ledger_tokens;
};

inline std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}
inline bool alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool digits12(std::string_view s) {
  if (s.size() != 12) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}
inline bool bucket_ok(std::string_view s) {
  if (s.size() < 2 || !alnum(s.front()) || !alnum(s.back())) return false;
  for (char c : s)
    if (!alnum(c) && c != '_' && c != '.' && c != '-') return false;
  return true;
}
/// arn:<partition>:dynamodb:<region>:<12 digits>:table/<[A-Za-z0-9_.-]{3,255}>
inline bool table_arn_ok(std::string_view s, std::string_view& account) {
  std::string_view f[6];
  std::size_t start = 0;
  for (int i = 0; i < 5; ++i) {
    const auto colon = s.find(':', start);
    if (colon == std::string_view::npos) return false;
    f[i] = s.substr(start, colon - start);
    start = colon + 1;
  }
  f[5] = s.substr(start);
  if (f[0] != "arn" || f[1].empty() || f[2] != "dynamodb" || f[3].empty() || !digits12(f[4])) return false;
  if (f[5].substr(0, 6) != "table/") return false;
  const auto name = f[5].substr(6);
  if (name.size() < 3 || name.size() > 255) return false;
  for (char c : name)
    if (!alnum(c) && c != '_' && c != '.' && c != '-') return false;
  account = f[4];
  return true;
}
inline bool key_char(char c) { return alnum(c) || c == '-'; }
inline bool alias_char(char c) { return alnum(c) || c == ':' || c == '/' || c == '_' || c == '-'; }
inline bool all(std::string_view s, bool (*p)(char)) {
  for (char c : s)
    if (!p(c)) return false;
  return true;
}
inline bool kms_key_ok(std::string_view s) {
  if (!s.empty() && all(s, key_char)) return true;
  if (s.substr(0, 6) == "alias/" && s.size() > 6 && all(s.substr(6), alias_char)) return true;
  if (s.substr(0, 7) != "arn:aws") return false;
  std::size_t p = 7;
  while (p < s.size() && ((s[p] >= 'a' && s[p] <= 'z') || s[p] == '-')) ++p;
  auto rest = s.substr(p);
  if (rest.substr(0, 5) != ":kms:") return false;
  rest.remove_prefix(5);
  const auto colon = rest.find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  rest.remove_prefix(colon + 1);
  if (rest.size() < 13 || !digits12(rest.substr(0, 12)) || rest[12] != ':') return false;
  rest.remove_prefix(13);
  if (rest.substr(0, 4) == "key/") return rest.size() > 4 && all(rest.substr(4), key_char);
  return rest.substr(0, 6) == "alias/" && rest.size() > 6 && all(rest.substr(6), alias_char);
}

/// The model's patterns through std::regex, as many hand-written models do it.
struct regex_patterns {
  std::regex bucket{R"(^[a-z0-9A-Z]+[\.\-\w]*[a-z0-9A-Z]+$)"};
  std::regex token{R"(^[^\$]+$)"};
  std::regex owner{R"(^[0-9]{12}$)"};
  std::regex table_arn{R"(^arn:[^:]+:dynamodb:[^:]+:([0-9]{12}):table/[a-zA-Z0-9_.-]{3,255}$)"};
  std::regex kms{
      R"(^(arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key/[a-zA-Z0-9-]+|alias/[a-zA-Z0-9:/_-]+)|alias/[a-zA-Z0-9:/_-]+|[a-zA-Z0-9-]+)$)"};
};

inline bool matches(const std::regex& re, std::string_view s) {
  return std::regex_match(s.begin(), s.end(), re);
}

/// Counts violations of the rules ddbexport's validator checks; with
/// `patterns`, the pattern rules go through std::regex instead.
inline int check(const request& r, const store& st, const context& ctx, const regex_patterns* patterns = nullptr) {
  int bad = 0;
  std::string_view account;
  // Shape: required, lengths, patterns, enums.
  if (!r.table_arn || code_points(*r.table_arn) < 1 || code_points(*r.table_arn) > 1024) ++bad;
  if (!r.s3_bucket || code_points(*r.s3_bucket) > 255 ||
      !(patterns ? matches(patterns->bucket, *r.s3_bucket) : bucket_ok(*r.s3_bucket)))
    ++bad;
  if (r.client_token &&
      !(patterns ? matches(patterns->token, *r.client_token)
                 : !r.client_token->empty() && r.client_token->find('$') == std::string_view::npos))
    ++bad;
  if (r.s3_bucket_owner && !(patterns ? matches(patterns->owner, *r.s3_bucket_owner) : digits12(*r.s3_bucket_owner)))
    ++bad;
  if (r.s3_prefix && (code_points(*r.s3_prefix) < 1 || code_points(*r.s3_prefix) > 1024)) ++bad;
  if (r.s3_sse_algorithm && *r.s3_sse_algorithm != "AES256" && *r.s3_sse_algorithm != "KMS") ++bad;
  if (r.s3_sse_kms_key_id && (code_points(*r.s3_sse_kms_key_id) < 1 || code_points(*r.s3_sse_kms_key_id) > 2048)) ++bad;
  if (r.export_format && *r.export_format != "DYNAMODB_JSON" && *r.export_format != "ION") ++bad;
  if (r.export_type && *r.export_type != "FULL_EXPORT" && *r.export_type != "INCREMENTAL_EXPORT") ++bad;
  if (r.ies && r.ies->view_type && *r.ies->view_type != "NEW_IMAGE" && *r.ies->view_type != "NEW_AND_OLD_IMAGES") ++bad;
  if (r.fs && r.fs->names)
    for (std::uint32_t i = 0; i < r.fs->names->count; ++i)
      if (code_points(st.names[r.fs->names->first + i].second) > 65535) ++bad;
  // Invalid request: KMS, incremental spec, empty filter.
  if (r.s3_sse_kms_key_id) {
    const bool kms = r.s3_sse_algorithm && *r.s3_sse_algorithm == "KMS";
    if (!kms || !(patterns ? matches(patterns->kms, *r.s3_sse_kms_key_id) : kms_key_ok(*r.s3_sse_kms_key_id))) ++bad;
  }
  const bool incremental = r.export_type && *r.export_type == "INCREMENTAL_EXPORT";
  if (incremental && (!r.ies || !r.ies->from_ms)) ++bad;
  if (r.ies && (!r.export_type || *r.export_type == "FULL_EXPORT")) ++bad;
  if (r.fs && !r.fs->filter_expression && !r.fs->projection_expression && !r.fs->key_condition_expression &&
      !r.fs->names && !r.fs->values)
    ++bad;
  // Table ARN and account.
  if (r.table_arn) {
    if (patterns) {
      std::match_results<std::string_view::const_iterator> m;
      if (std::regex_match(r.table_arn->begin(), r.table_arn->end(), m, patterns->table_arn))
        account = std::string_view{&*m[1].first, static_cast<std::size_t>(m[1].length())};
      else
        ++bad;
    } else if (!table_arn_ok(*r.table_arn, account)) {
      ++bad;
    }
    if (!account.empty() && account != ctx.caller_account) ++bad;
  }
  // PITR and the time window.
  if (!ctx.pitr_enabled) ++bad;
  if (!incremental && r.export_time_ms) {
    const auto t = *r.export_time_ms;
    if (t > ctx.now_ms || t < ctx.earliest_ms || t > ctx.latest_ms) ++bad;
  }
  if (incremental && r.ies && r.ies->from_ms) {
    const auto f = *r.ies->from_ms;
    const auto t = r.ies->to_ms ? *r.ies->to_ms : ctx.now_ms / 1000 * 1000;
    if (f < ctx.earliest_ms || (r.ies->to_ms && *r.ies->to_ms > ctx.now_ms)) ++bad;
    if (f >= t || t - f < 900'000 || t - f > 86'400'000) ++bad;
  }
  // Owner and idempotency.
  if (r.s3_bucket_owner && *r.s3_bucket_owner != ctx.bucket_owner_account) ++bad;
  if (r.client_token)
    for (auto t : ctx.ledger_tokens)
      if (t == *r.client_token) ++bad;  // the corpus never replays a token
  return bad;
}

// ---- set-up only: the same value from ddbexport's types, and comparison ----

inline std::uint32_t add_value(store& st, const attribute_value& v) {
  value n;
  n.kind = static_cast<std::uint8_t>(v.kind);
  n.flag = v.kind == attribute_kind::boolean || v.kind == attribute_kind::null ? v.flag : false;
  n.scalar = v.scalar;
  switch (v.kind) {
    case attribute_kind::ss:
    case attribute_kind::ns:
    case attribute_kind::bs:
      n.first = static_cast<std::uint32_t>(st.strings.size());
      n.count = static_cast<std::uint32_t>(v.set.size());
      for (auto s : v.set) st.strings.push_back(s);
      break;
    case attribute_kind::l: {
      std::vector<std::uint32_t> ids;
      for (const auto& item : v.list()) ids.push_back(add_value(st, item));
      n.first = static_cast<std::uint32_t>(st.children.size());
      n.count = static_cast<std::uint32_t>(ids.size());
      st.children.insert(st.children.end(), ids.begin(), ids.end());
      break;
    }
    case attribute_kind::m: {
      std::vector<entry> es;
      for (const auto& e : v.map()) es.push_back({e.key, add_value(st, e.value)});
      n.first = static_cast<std::uint32_t>(st.entries.size());
      n.count = static_cast<std::uint32_t>(es.size());
      st.entries.insert(st.entries.end(), es.begin(), es.end());
      break;
    }
    default: break;
  }
  st.nodes.push_back(n);
  return static_cast<std::uint32_t>(st.nodes.size() - 1);
}

inline std::optional<std::string_view> text_of(const auto& e) {
  if (!e) return std::nullopt;
  return e->text();
}
inline std::optional<std::int64_t> ms_of(const std::optional<timestamp>& t) {
  if (!t) return std::nullopt;
  return to_epoch_ms(*t);
}

inline std::optional<filter> filter_from(const std::optional<filter_specification>& f, store& st) {
  if (!f) return std::nullopt;
  filter out{f->filter_expression, f->projection_expression, f->key_condition_expression, {}, {}};
  if (f->expression_attribute_names) {
    out.names = range{static_cast<std::uint32_t>(st.names.size()),
                      static_cast<std::uint32_t>(f->expression_attribute_names->size())};
    for (const auto& e : *f->expression_attribute_names) st.names.emplace_back(e.key, e.value);
  }
  if (f->expression_attribute_values) {
    std::vector<entry> es;
    for (const auto& e : *f->expression_attribute_values) es.push_back({e.key, add_value(st, e.value)});
    out.values = range{static_cast<std::uint32_t>(st.entries.size()), static_cast<std::uint32_t>(es.size())};
    st.entries.insert(st.entries.end(), es.begin(), es.end());
  }
  return out;
}
inline std::optional<incremental> incremental_from(const std::optional<incremental_export_specification>& s) {
  if (!s) return std::nullopt;
  return incremental{ms_of(s->export_from_time), ms_of(s->export_to_time), text_of(s->export_view_type)};
}

inline request from(const export_request& q, store& st) {
  request r;
  r.table_arn = q.table_arn;
  r.s3_bucket = q.s3_bucket;
  r.export_time_ms = ms_of(q.export_time);
  r.client_token = q.client_token;
  r.s3_bucket_owner = q.s3_bucket_owner;
  r.s3_prefix = q.s3_prefix;
  r.s3_sse_algorithm = text_of(q.s3_sse_algorithm);
  r.s3_sse_kms_key_id = q.s3_sse_kms_key_id;
  r.export_format = text_of(q.export_format);
  r.export_type = text_of(q.export_type);
  r.ies = incremental_from(q.incremental_export_specification);
  r.fs = filter_from(q.filter_specification, st);
  return r;
}

inline description from(const export_description& d, store& st) {
  description r;
  r.export_arn = d.export_arn;
  r.export_status = text_of(d.export_status);
  r.start_ms = ms_of(d.start_time);
  r.end_ms = ms_of(d.end_time);
  r.export_manifest = d.export_manifest;
  r.table_arn = d.table_arn;
  r.table_id = d.table_id;
  r.export_time_ms = ms_of(d.export_time);
  r.client_token = d.client_token;
  r.s3_bucket = d.s3_bucket;
  r.s3_bucket_owner = d.s3_bucket_owner;
  r.s3_prefix = d.s3_prefix;
  r.s3_sse_algorithm = text_of(d.s3_sse_algorithm);
  r.s3_sse_kms_key_id = d.s3_sse_kms_key_id;
  r.failure_code = d.failure_code;
  r.failure_message = d.failure_message;
  r.export_format = text_of(d.export_format);
  r.billed_size_bytes = d.billed_size_bytes;
  r.item_count = d.item_count;
  r.export_type = text_of(d.export_type);
  r.ies = incremental_from(d.incremental_export_specification);
  r.fs = filter_from(d.filter_specification, st);
  return r;
}

inline bool same_value(const store& a, std::uint32_t x, const store& b, std::uint32_t y) {
  const value& p = a.nodes[x];
  const value& q = b.nodes[y];
  if (p.kind != q.kind || p.flag != q.flag || p.scalar != q.scalar || p.count != q.count) return false;
  for (std::uint32_t i = 0; i < p.count; ++i) {
    switch (p.kind) {
      case 3: case 4: case 5:
        if (a.strings[p.first + i] != b.strings[q.first + i]) return false;
        break;
      case 7:
        if (!same_value(a, a.children[p.first + i], b, b.children[q.first + i])) return false;
        break;
      case 6: {
        const entry& e = a.entries[p.first + i];
        const entry& f = b.entries[q.first + i];
        if (e.key != f.key || !same_value(a, e.node, b, f.node)) return false;
        break;
      }
      default: break;
    }
  }
  return true;
}

inline bool same_filter(const std::optional<filter>& x, const store& a, const std::optional<filter>& y, const store& b) {
  if (x.has_value() != y.has_value()) return false;
  if (!x) return true;
  if (x->filter_expression != y->filter_expression || x->projection_expression != y->projection_expression ||
      x->key_condition_expression != y->key_condition_expression || x->names.has_value() != y->names.has_value() ||
      x->values.has_value() != y->values.has_value())
    return false;
  if (x->names) {
    if (x->names->count != y->names->count) return false;
    for (std::uint32_t i = 0; i < x->names->count; ++i)
      if (a.names[x->names->first + i] != b.names[y->names->first + i]) return false;
  }
  if (x->values) {
    if (x->values->count != y->values->count) return false;
    for (std::uint32_t i = 0; i < x->values->count; ++i) {
      const entry& e = a.entries[x->values->first + i];
      const entry& f = b.entries[y->values->first + i];
      if (e.key != f.key || !same_value(a, e.node, b, f.node)) return false;
    }
  }
  return true;
}
inline bool same_incremental(const std::optional<incremental>& x, const std::optional<incremental>& y) {
  if (x.has_value() != y.has_value()) return false;
  return !x || (x->from_ms == y->from_ms && x->to_ms == y->to_ms && x->view_type == y->view_type);
}

/// Same members, same text (by content, whoever holds it), same trees.
inline bool same_as(const request& x, const store& a, const request& y, const store& b) {
  return x.table_arn == y.table_arn && x.s3_bucket == y.s3_bucket && x.client_token == y.client_token &&
         x.s3_bucket_owner == y.s3_bucket_owner && x.s3_prefix == y.s3_prefix &&
         x.s3_sse_algorithm == y.s3_sse_algorithm && x.s3_sse_kms_key_id == y.s3_sse_kms_key_id &&
         x.export_format == y.export_format && x.export_type == y.export_type &&
         x.export_time_ms == y.export_time_ms && same_incremental(x.ies, y.ies) && same_filter(x.fs, a, y.fs, b);
}
inline bool same_as(const description& x, const store& a, const description& y, const store& b) {
  return x.export_arn == y.export_arn && x.export_status == y.export_status && x.start_ms == y.start_ms &&
         x.end_ms == y.end_ms && x.export_manifest == y.export_manifest && x.table_arn == y.table_arn &&
         x.table_id == y.table_id && x.export_time_ms == y.export_time_ms && x.client_token == y.client_token &&
         x.s3_bucket == y.s3_bucket && x.s3_bucket_owner == y.s3_bucket_owner && x.s3_prefix == y.s3_prefix &&
         x.s3_sse_algorithm == y.s3_sse_algorithm && x.s3_sse_kms_key_id == y.s3_sse_kms_key_id &&
         x.failure_code == y.failure_code && x.failure_message == y.failure_message &&
         x.export_format == y.export_format && x.billed_size_bytes == y.billed_size_bytes &&
         x.item_count == y.item_count && x.export_type == y.export_type && same_incremental(x.ies, y.ies) &&
         same_filter(x.fs, a, y.fs, b);
}

inline context context_from(const validation_context<>& c) {
  context out;
  out.now_ms = to_epoch_ms(*c.now);
  const auto& p = *c.continuous_backups->point_in_time_recovery_description;
  out.earliest_ms = to_epoch_ms(*p.earliest_restorable_date_time);
  out.latest_ms = to_epoch_ms(*p.latest_restorable_date_time);
  out.pitr_enabled = p.point_in_time_recovery_status->is(point_in_time_recovery_status::enabled);
  out.caller_account = *c.caller_account_id;
  out.bucket_owner_account = *c.bucket_owner_account_id;
  for (const auto& e : c.previous_exports->entries()) out.ledger_tokens.push_back(*e.request.client_token);
  return out;
}

}  // namespace ddbexport::bench::plain

#endif
