#ifndef DDBEXPORT_ARTIFACTS_SUMMARY_HPP
#define DDBEXPORT_ARTIFACTS_SUMMARY_HPP

/// manifest-summary.json (ARTIFACTS.md §3): the model of both versions, one
/// member table (name, kind, version set, ExportDescription counterpart,
/// allowed values), the byte-exact writer, the summary an ExportDescription
/// implies, and the strict reader with the per-member rules of §7.1.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "ddbexport/detail/table.hpp"
#include "ddbexport/artifacts/detail/findings.hpp"
#include "ddbexport/artifacts/detail/iso_time.hpp"
#include "ddbexport/artifacts/detail/json_document.hpp"
#include "ddbexport/artifacts/layout.hpp"
#include "ddbexport/artifacts/limits.hpp"
#include "ddbexport/artifacts/rules.hpp"
#include "ddbexport/arn.hpp"
#include "ddbexport/detail/number.hpp"
#include "ddbexport/detail/patterns.hpp"
#include "ddbexport/detail/utf8.hpp"
#include "ddbexport/enums.hpp"
#include "ddbexport/export_description.hpp"
#include "ddbexport/json/arena.hpp"
#include "ddbexport/json/detail/escape.hpp"
#include "ddbexport/members.hpp"
#include "ddbexport/output.hpp"
#include "ddbexport/timestamp.hpp"

namespace ddbexport::artifacts {

inline constexpr std::string_view full_version = "2020-06-30";
inline constexpr std::string_view incremental_version = "2023-08-01";

/// Both versions' members. Which of them a summary has is its version's set
/// (summary_members); a member outside it is left at its default.
struct manifest_summary {
  std::string_view version;
  std::string_view export_arn;
  timestamp start_time{};
  timestamp end_time{};
  std::string_view table_arn;
  std::string_view table_id;
  timestamp export_time{};
  timestamp export_from_time{};
  timestamp export_to_time{};
  std::string_view s3_bucket;
  std::optional<std::string_view> s3_prefix;         ///< nullopt: `null`
  std::string_view s3_sse_algorithm;
  std::optional<std::string_view> s3_sse_kms_key_id;  ///< nullopt: `null`
  std::string_view manifest_files_s3_key;
  std::int64_t billed_size_bytes = 0;
  std::int64_t item_count = 0;
  std::string_view output_format;
  std::string_view output_view;
  std::string_view export_type;

  [[nodiscard]] constexpr bool incremental() const noexcept { return version == incremental_version; }
};

enum class summary_kind : std::uint8_t { text, nullable_text, time, count };
enum class summary_scope : std::uint8_t { both, full, incremental };

/// One row of §3.1.
template <class Field>
struct summary_member {
  std::string_view name;
  Field manifest_summary::*field;
  summary_kind kind;
  summary_scope scope;
  /// Its ExportDescription counterpart as A-DESC-FIELD names it; empty when derived.
  std::string_view description_member;
  /// The enumeration it must be one of (A-SUM-ENUM); empty for free text.
  std::span<const std::string_view> allowed{};
  /// A-SUM-VALUE's test, when it has one.
  bool (*valid)(std::string_view) = nullptr;
};
template <class Field>
summary_member(std::string_view, Field manifest_summary::*, summary_kind, summary_scope, std::string_view,
               std::span<const std::string_view> = {}, bool (*)(std::string_view) = nullptr) -> summary_member<Field>;

namespace detail {
inline constexpr std::array<std::string_view, 1> incremental_export_type{"INCREMENTAL_EXPORT"};
[[nodiscard]] constexpr bool code_points_within(std::string_view s, std::size_t max) noexcept {
  const std::size_t n = ddbexport::detail::code_point_count(s);
  return n >= 1 && n <= max;
}
// S-BUCKET-LEN and S-BUCKET-PAT; S3Prefix 1..1024 and KMS key id 1..2048 code points (RULES.md §4).
constexpr bool valid_bucket(std::string_view s) noexcept {
  return ddbexport::detail::code_point_count(s) <= 255 && ddbexport::detail::matches_s3_bucket_pattern(s);
}
constexpr bool valid_prefix(std::string_view s) noexcept { return code_points_within(s, 1024); }
constexpr bool valid_kms_key_id(std::string_view s) noexcept { return code_points_within(s, 2048); }
constexpr bool valid_table_id(std::string_view s) noexcept { return ddbexport::detail::matches_table_id_pattern(s); }
}  // namespace detail

/// An ExportDescription member path as A-DESC-FIELD names it
/// (`IncrementalExportSpecification.ExportFromTime`), joined at compile time
/// from the member tables' wire names so that none is typed here.
template <const member_facts&... Parts>
struct description_path {
  static constexpr std::size_t size = ((Parts.name.size() + 1) + ...) - 1;
  static constexpr std::array<char, size> text = [] {
    std::array<char, size> out{};
    std::size_t at = 0;
    for (const std::string_view part : {Parts.name...}) {
      if (at != 0) out[at++] = '.';
      for (const char c : part) out[at++] = c;
    }
    return out;
  }();
  static constexpr std::string_view value{text.data(), text.size()};
};

/// §3.1 in one table, in the order both versions write (the full set skips
/// the incremental rows and vice versa).
inline constexpr ddbexport::detail::table summary_members{
    summary_member{"version", &manifest_summary::version, summary_kind::text, summary_scope::both, facts::export_type.name},
    summary_member{"exportArn", &manifest_summary::export_arn, summary_kind::text, summary_scope::both, facts::export_arn.name},
    summary_member{"startTime", &manifest_summary::start_time, summary_kind::time, summary_scope::both, facts::start_time.name},
    summary_member{"endTime", &manifest_summary::end_time, summary_kind::time, summary_scope::both, facts::end_time.name},
    summary_member{"tableArn", &manifest_summary::table_arn, summary_kind::text, summary_scope::both, facts::table_arn.name},
    summary_member{"tableId", &manifest_summary::table_id, summary_kind::text, summary_scope::both, facts::table_id.name, {},
                   detail::valid_table_id},
    summary_member{"exportTime", &manifest_summary::export_time, summary_kind::time, summary_scope::full, facts::export_time.name},
    summary_member{"exportFromTime", &manifest_summary::export_from_time, summary_kind::time, summary_scope::incremental,
                   description_path<facts::incremental_export_specification, facts::export_from_time>::value},
    summary_member{"exportToTime", &manifest_summary::export_to_time, summary_kind::time, summary_scope::incremental,
                   description_path<facts::incremental_export_specification, facts::export_to_time>::value},
    summary_member{"s3Bucket", &manifest_summary::s3_bucket, summary_kind::text, summary_scope::both, facts::s3_bucket.name, {},
                   detail::valid_bucket},
    summary_member{"s3Prefix", &manifest_summary::s3_prefix, summary_kind::nullable_text, summary_scope::both, facts::s3_prefix.name,
                   {}, detail::valid_prefix},
    summary_member{"s3SseAlgorithm", &manifest_summary::s3_sse_algorithm, summary_kind::text, summary_scope::both,
                   facts::s3_sse_algorithm.name, std::span<const std::string_view>{enum_traits<s3_sse_algorithm>::names}},
    summary_member{"s3SseKmsKeyId", &manifest_summary::s3_sse_kms_key_id, summary_kind::nullable_text,
                   summary_scope::both, facts::s3_sse_kms_key_id.name, {}, detail::valid_kms_key_id},
    summary_member{"manifestFilesS3Key", &manifest_summary::manifest_files_s3_key, summary_kind::text,
                   summary_scope::both, ""},
    summary_member{"billedSizeBytes", &manifest_summary::billed_size_bytes, summary_kind::count, summary_scope::both,
                   facts::billed_size_bytes.name},
    summary_member{"itemCount", &manifest_summary::item_count, summary_kind::count, summary_scope::both, facts::item_count.name},
    summary_member{"outputFormat", &manifest_summary::output_format, summary_kind::text, summary_scope::both,
                   facts::export_format.name, std::span<const std::string_view>{enum_traits<export_format>::names}},
    summary_member{"outputView", &manifest_summary::output_view, summary_kind::text, summary_scope::incremental,
                   description_path<facts::incremental_export_specification, facts::export_view_type>::value,
                   std::span<const std::string_view>{enum_traits<export_view_type>::names}},
    summary_member{"exportType", &manifest_summary::export_type, summary_kind::text, summary_scope::incremental,
                   facts::export_type.name, std::span<const std::string_view>{detail::incremental_export_type}},
};

inline constexpr std::size_t summary_member_count = decltype(summary_members)::size;

/// Calls f(index, member) for each row of the table, in order.
template <class F>
constexpr void for_each_summary_member(F&& f) {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (f(I, ddbexport::detail::table_entry<I>(summary_members)), ...);
  }(std::make_index_sequence<summary_member_count>{});
}

/// The row index of a field, so code names fields by pointer, never by name.
template <class Field>
[[nodiscard]] constexpr std::size_t summary_index(Field manifest_summary::*field) noexcept {
  std::size_t found = summary_member_count;
  for_each_summary_member([&](std::size_t i, const auto& m) {
    if constexpr (std::is_same_v<decltype(m.field), Field manifest_summary::*>)
      if (m.field == field) found = i;
  });
  return found;
}

[[nodiscard]] constexpr bool in_scope(summary_scope scope, bool incremental) noexcept {
  return scope == summary_scope::both || (scope == summary_scope::incremental) == incremental;
}

/// A row's facts that do not depend on its field's type. Walks over every
/// row loop over these at run time: one test per fact in one loop, where a
/// walk with for_each_summary_member has one copy of each test per row, most
/// of whose outcomes are fixed by the row.
struct summary_row {
  std::string_view name;
  summary_kind kind;
  summary_scope scope;
  std::string_view description_member;
};
inline constexpr std::array<summary_row, summary_member_count> summary_rows = [] {
  std::array<summary_row, summary_member_count> rows{};
  for_each_summary_member([&](std::size_t i, const auto& m) { rows[i] = {m.name, m.kind, m.scope, m.description_member}; });
  return rows;
}();

template <class Field>
[[nodiscard]] constexpr std::string_view summary_name(Field manifest_summary::*field) noexcept {
  const std::size_t i = summary_index(field);
  return i < summary_member_count ? summary_rows[i].name : std::string_view{};
}

namespace detail {
template <std::size_t I, class F>
decltype(auto) call_with_summary_member(F& f) {
  return f(ddbexport::detail::table_entry<I>(summary_members));
}
}  // namespace detail

/// f(member) for row number `i` (below summary_member_count), through a table
/// of one call per row: the typed half of a run-time walk over summary_rows.
/// f returns the same type for every row.
template <class F>
decltype(auto) visit_summary_member(std::size_t i, F&& f) {
  using function = std::remove_reference_t<F>;
  using result = decltype(f(ddbexport::detail::table_entry<0>(summary_members)));
  static constexpr auto calls = []<std::size_t... I>(std::index_sequence<I...>) {
    return std::array<result (*)(function&), sizeof...(I)>{&detail::call_with_summary_member<I, function>...};
  }(std::make_index_sequence<summary_member_count>{});
  return calls[i](f);
}

/// Which members of a summary may be used (§3.3): present in the version's
/// set and free of A-SUM-TYPE, A-SUM-TIME, A-SUM-ENUM and A-SUM-VALUE.
struct summary_status {
  bool json = false;     ///< A-SUM-JSON passed
  bool version = false;  ///< A-SUM-VERSION passed
  std::uint32_t usable = 0;

  template <class Field>
  [[nodiscard]] constexpr bool is_usable(Field manifest_summary::*field) const noexcept {
    return (usable >> summary_index(field) & 1u) != 0;
  }
};

// ---- writing ----------------------------------------------------------------

namespace detail {
template <text_output Out, class Field>
constexpr bool write_summary_value(Out& out, const Field& value) {
  if constexpr (std::is_same_v<Field, std::string_view>) {
    ddbexport::detail::write_json_string(out, value);
  } else if constexpr (std::is_same_v<Field, std::optional<std::string_view>>) {
    if (value)
      ddbexport::detail::write_json_string(out, *value);
    else
      out.write("null");
  } else if constexpr (std::is_same_v<Field, timestamp>) {
    const auto text = format_iso_ms(to_epoch_ms(value));
    if (!text) return false;
    out.write("\"");
    out.write(std::string_view{text->data(), text->size()});
    out.write("\"");
  } else {
    ddbexport::detail::integer_text_buffer buf;
    out.write(ddbexport::detail::format_integer(value, buf));
  }
  return true;
}
}  // namespace detail

/// The summary's bytes (§3.2): compact, the version's members in §3.1 order,
/// no trailing newline. False, with nothing written, when a time lies outside
/// years 0000-9999 or the version is neither of the two.
template <text_output Out>
bool write_summary(const manifest_summary& s, Out& out) {
  if (s.version != full_version && s.version != incremental_version) return false;
  const bool incremental = s.incremental();
  bool writable = true;
  counting_output probe;
  for (std::size_t i = 0; i < summary_member_count; ++i)
    if (in_scope(summary_rows[i].scope, incremental))
      writable = visit_summary_member(i, [&](const auto& m) { return detail::write_summary_value(probe, s.*(m.field)); }) && writable;
  if (!writable) return false;
  bool first = true;
  out.write("{");
  for (std::size_t i = 0; i < summary_member_count; ++i) {
    if (!in_scope(summary_rows[i].scope, incremental)) continue;
    out.write(first ? "\"" : ",\"");
    first = false;
    out.write(summary_rows[i].name);
    out.write("\":");
    visit_summary_member(i, [&](const auto& m) { return detail::write_summary_value(out, s.*(m.field)); });
  }
  out.write("}");
  return true;
}

// ---- from an ExportDescription ---------------------------------------------

/// The summary an ExportDescription implies (§3.1's last column), and which
/// members it determines. `writer` applies the writer's fallbacks (ExportTime
/// from StartTime, R-ET-DEFAULT) and derives manifestFilesS3Key into
/// `storage`; without it (A-DESC-FIELD) a member without a default stays
/// undetermined when the description lacks it.
[[nodiscard]] inline std::uint32_t expected_summary(const export_description& d, manifest_summary& out,
                                                    json::arena* storage, bool writer) {
  out = manifest_summary{};
  std::uint32_t known = 0;
  const auto set = [&](auto field, const auto& value) {
    if (!value) return;
    out.*field = *value;
    known |= 1u << summary_index(field);
  };
  const bool incremental = d.export_type ? d.export_type->is(export_type::incremental_export)
                                         : d.incremental_export_specification.has_value();
  const auto& spec = d.incremental_export_specification;
  set(&manifest_summary::version, std::optional{incremental ? incremental_version : full_version});
  set(&manifest_summary::export_arn, d.export_arn);
  set(&manifest_summary::start_time, d.start_time);
  set(&manifest_summary::end_time, d.end_time);
  set(&manifest_summary::table_arn, d.table_arn);
  set(&manifest_summary::table_id, d.table_id);
  set(&manifest_summary::export_time, writer && !d.export_time ? d.start_time : d.export_time);
  set(&manifest_summary::export_from_time, spec ? spec->export_from_time : std::nullopt);
  set(&manifest_summary::export_to_time, spec ? spec->export_to_time : std::nullopt);
  set(&manifest_summary::s3_bucket, d.s3_bucket);
  using nullable = std::optional<std::optional<std::string_view>>;
  set(&manifest_summary::s3_prefix, nullable{d.s3_prefix});
  set(&manifest_summary::s3_sse_algorithm,
      std::optional{d.s3_sse_algorithm ? d.s3_sse_algorithm->text() : to_wire(default_s3_sse_algorithm)});
  set(&manifest_summary::s3_sse_kms_key_id, nullable{d.s3_sse_kms_key_id});
  set(&manifest_summary::billed_size_bytes, d.billed_size_bytes);
  set(&manifest_summary::item_count, d.item_count);
  set(&manifest_summary::output_format,
      std::optional{d.export_format ? d.export_format->text() : to_wire(default_export_format)});
  set(&manifest_summary::output_view, std::optional{spec && spec->export_view_type ? spec->export_view_type->text()
                                                                                   : to_wire(default_export_view_type)});
  // Against the description's type (A-DESC-FIELD): a full one disagrees with an incremental summary.
  set(&manifest_summary::export_type,
      std::optional{to_wire(incremental ? export_type::incremental_export : export_type::full_export)});
  if (writer && storage != nullptr) {
    if (const auto layout = layout_of(d)) {
      const std::string key = layout->files_manifest_key();
      if (char* text = storage->keep_text(key.size())) {
        for (std::size_t i = 0; i < key.size(); ++i) text[i] = key[i];
        set(&manifest_summary::manifest_files_s3_key, std::optional{std::string_view{text, key.size()}});
      }
    }
  }
  return known;
}

/// The summary the writer emits for a COMPLETED ExportDescription, or the
/// member that it lacks or that holds a time outside years 0000-9999 (§3.2:
/// the writer refuses such a description).
[[nodiscard]] inline std::optional<std::string_view> summary_for(const export_description& d, manifest_summary& out,
                                                                 json::arena& storage) {
  if (!d.export_status || !d.export_status->is(export_status::completed)) return facts::export_status.name;
  const std::uint32_t known = expected_summary(d, out, &storage, true);
  for (std::size_t i = 0; i < summary_member_count; ++i) {
    const summary_row& row = summary_rows[i];
    if (!in_scope(row.scope, out.incremental())) continue;
    // manifestFilesS3Key comes from the ExportArn's id; a time must fit ISO-ms.
    counting_output probe;
    if ((known >> i & 1u) == 0 ||
        !visit_summary_member(i, [&](const auto& m) { return detail::write_summary_value(probe, out.*(m.field)); }))
      return row.description_member.empty() ? facts::export_arn.name : row.description_member;
  }
  return std::nullopt;
}

// ---- identity ---------------------------------------------------------------

/// The export id (eid) when A-SUM-ARN was evaluated and passed: tableArn is a
/// table ARN and exportArn is tableArn + `/export/` + eid (§8.3). `evaluated`
/// tells a failed check from one skipped for unusable members.
[[nodiscard]] inline std::optional<std::string_view> summary_export_id(const manifest_summary& s, const summary_status& status,
                                                                       bool* evaluated = nullptr) {
  const bool can = status.is_usable(&manifest_summary::export_arn) && status.is_usable(&manifest_summary::table_arn);
  if (evaluated != nullptr) *evaluated = can;
  if (!can) return std::nullopt;
  const auto arn = export_arn::parse(s.export_arn);
  const bool ok = table_arn::parse(s.table_arn) && arn && arn->table_arn_text == s.table_arn &&
                  s.export_arn.size() == s.table_arn.size() + export_arn::separator.size() + export_id::text_size;
  if (!ok) return std::nullopt;
  return s.export_arn.substr(s.export_arn.size() - export_id::text_size);
}

// ---- reading ----------------------------------------------------------------

struct summary_read_context {
  std::string_view key;  ///< the summary's key, for finding paths
  artifact_limits limits{};
};

namespace detail {

enum class member_problem : std::uint8_t { none, absent, type, time, enumeration, value, storage };

/// Reads one member's value into the summary; the problem it has, if any.
template <class Field>
member_problem read_summary_value(const json_document& doc, std::size_t node, const summary_member<Field>& m,
                                  manifest_summary& out, json::arena& storage) {
  const json_node& n = doc[node];
  if constexpr (std::is_same_v<Field, std::int64_t>) {
    if (n.kind != json_kind::number || !n.integral) return member_problem::type;
    const auto v = ddbexport::detail::parse_json_integer(n.text, ddbexport::detail::max_safe_integer);
    if (!v || *v < 0) return member_problem::type;
    out.*(m.field) = *v;
    return member_problem::none;
  } else {
    if (std::is_same_v<Field, std::optional<std::string_view>> && n.kind == json_kind::null_literal) {
      out.*(m.field) = Field{};
      return member_problem::none;
    }
    if (n.kind != json_kind::string) return member_problem::type;
    const auto text = keep_string(n, storage);
    if (!text) return member_problem::storage;
    if constexpr (std::is_same_v<Field, timestamp>) {
      const auto ms = parse_iso_ms(*text);
      if (!ms) return member_problem::time;
      out.*(m.field) = from_epoch_ms(*ms);
      return member_problem::none;
    } else {
      out.*(m.field) = *text;
      if (!m.allowed.empty()) {
        bool known = false;
        for (auto a : m.allowed) known = known || a == *text;
        if (!known) return member_problem::enumeration;
      }
      if (m.valid != nullptr && !m.valid(*text)) return member_problem::value;
      return member_problem::none;
    }
  }
}

}  // namespace detail

/// Reads manifest-summary.json (§3.3) into `out`, reporting A-SUM-JSON,
/// A-SUM-VERSION, A-SUM-MEMBERS, A-SUM-UNKNOWN, A-SUM-TYPE, A-SUM-TIME,
/// A-SUM-ENUM and A-SUM-VALUE to `sink` in §7.1's order. Strings view `text`
/// or `storage`, which needs room for text.size() bytes at most (detail::text_storage).
template <finding_sink Sink>
summary_status read_summary(std::string_view text, manifest_summary& out, json::arena& storage,
                            const summary_read_context& context, Sink& sink) {
  out = manifest_summary{};
  summary_status status;
  const std::string_view key = context.key;
  const auto report = [&](rule r, std::string path, std::optional<std::uint64_t> offset,
                          std::initializer_list<message_arg> args, std::size_t choice = 0) {
    sink.accept(make_finding(r, false, std::move(path), offset, args, choice));
  };
  if (text.size() > context.limits.summary_bytes) {
    const std::string why = "larger than " + detail::decimal(context.limits.summary_bytes) + " bytes";
    report(rule::sum_json, std::string{key}, context.limits.summary_bytes, {{"why", why}});
    return status;
  }
  detail::json_document doc;
  if (!doc.parse(text, context.limits.depth)) {
    report(rule::sum_json, std::string{key}, doc.problem().offset, {{"why", doc.problem().why}});
    return status;
  }
  status.json = true;

  const std::size_t version_node = doc.member(0, summary_name(&manifest_summary::version));
  const std::string version_path = detail::member_path(key, summary_name(&manifest_summary::version));
  if (version_node == detail::json_document::npos) {
    report(rule::sum_version, version_path, std::nullopt, {{"v", "absent"}});
    return status;
  }
  const detail::json_node& v = doc[version_node];
  if (v.kind != detail::json_kind::string || (v.text != full_version && v.text != incremental_version)) {
    report(rule::sum_version, version_path, v.offset, {{"v", detail::shown(doc, version_node)}});
    return status;
  }
  status.version = true;
  out.version = v.text == full_version ? full_version : incremental_version;
  const bool incremental = out.incremental();

  // Where each row's value is, and the document's members outside the set.
  std::array<std::size_t, summary_member_count> node_of{};
  node_of.fill(detail::json_document::npos);
  std::vector<std::size_t> foreign, unknown;
  doc.for_each_child(0, [&](std::size_t child) {
    const detail::json_node& n = doc[child];
    bool known = false;
    for (std::size_t i = 0; i < summary_member_count; ++i) {
      if (summary_rows[i].name != n.name) continue;
      known = true;
      if (in_scope(summary_rows[i].scope, incremental)) {
        node_of[i] = child;
      } else if (i == summary_index(&manifest_summary::export_type) && n.kind == detail::json_kind::string &&
                 n.text == to_wire(export_type::full_export)) {
        // §3.3's exception: `"exportType":"FULL_EXPORT"` in a full summary is accepted and ignored.
      } else {
        foreign.push_back(child);
      }
    }
    if (!known) unknown.push_back(child);
  });

  std::array<detail::member_problem, summary_member_count> problems{};
  for (std::size_t i = 0; i < summary_member_count; ++i) {
    if (!in_scope(summary_rows[i].scope, incremental) || i == summary_index(&manifest_summary::version)) continue;
    problems[i] = node_of[i] == detail::json_document::npos
                      ? detail::member_problem::absent
                      : visit_summary_member(i, [&](const auto& m) {
                          return detail::read_summary_value(doc, node_of[i], m, out, storage);
                        });
  }
  for (auto p : problems)
    if (p == detail::member_problem::storage) {
      report(rule::sum_json, std::string{key}, std::nullopt, {{"why", "reader storage exhausted"}});
      status.json = false;
      return status;
    }
  // A key id only goes with KMS (A-SUM-VALUE), judged when the algorithm is usable.
  const std::size_t algorithm = summary_index(&manifest_summary::s3_sse_algorithm);
  const std::size_t key_id = summary_index(&manifest_summary::s3_sse_kms_key_id);
  if (problems[algorithm] == detail::member_problem::none && problems[key_id] == detail::member_problem::none &&
      out.s3_sse_kms_key_id && out.s3_sse_algorithm != to_wire(s3_sse_algorithm::kms))
    problems[key_id] = detail::member_problem::value;

  for (std::size_t i = 0; i < summary_member_count; ++i) {
    const std::string_view name = summary_rows[i].name;
    if (in_scope(summary_rows[i].scope, incremental) && problems[i] == detail::member_problem::absent)
      report(rule::sum_members, detail::member_path(key, name), std::nullopt, {{"m", name}, {"version", out.version}});
  }
  for (std::size_t child : foreign)
    report(rule::sum_members, detail::member_path(key, doc[child].name), doc[child].name_offset,
           {{"m", doc[child].name}, {"version", out.version}}, 1);
  for (std::size_t child : unknown)
    sink.accept(make_finding(rule::sum_unknown, false, detail::member_path(key, doc[child].name), doc[child].name_offset,
                             {{"m", doc[child].name}}));
  constexpr std::array<std::pair<detail::member_problem, rule>, 4> value_rules{{
      {detail::member_problem::type, rule::sum_type},
      {detail::member_problem::time, rule::sum_time},
      {detail::member_problem::enumeration, rule::sum_enum},
      {detail::member_problem::value, rule::sum_value},
  }};
  for (const auto& value_rule : value_rules)
    for (std::size_t i = 0; i < summary_member_count; ++i) {
      const summary_row& row = summary_rows[i];
      if (problems[i] != value_rule.first || !in_scope(row.scope, incremental)) continue;
      const std::size_t choice = row.kind == summary_kind::nullable_text ? 1 : row.kind == summary_kind::count ? 2 : 0;
      report(value_rule.second, detail::member_path(key, row.name), doc[node_of[i]].offset,
             {{"m", row.name}, {"v", detail::shown(doc, node_of[i])}}, choice);
    }
  for (std::size_t i = 0; i < summary_member_count; ++i)
    if (in_scope(summary_rows[i].scope, incremental) && problems[i] == detail::member_problem::none) status.usable |= 1u << i;
  return status;
}

/// The rest of §7.1, on a read summary: A-SUM-ARN, A-SUM-ARN-TIME,
/// A-SUM-FOLDER, A-SUM-FILESKEY, A-SUM-TIMES, A-SUM-BILL, in that order. The
/// two that compare with the summary's own key need it; without it
/// (`key` empty, a summary read from elsewhere) they are skipped.
template <finding_sink Sink>
void check_summary(const manifest_summary& s, const summary_status& status, std::string_view key, Sink& sink) {
  if (!status.version) return;
  const bool incremental = s.incremental();
  const auto report = [&](rule r, std::string path, std::initializer_list<message_arg> args) {
    sink.accept(make_finding(r, incremental, std::move(path), std::nullopt, args));
  };
  const auto at = [&](auto field) { return detail::member_path(key, summary_name(field)); };
  const auto iso = [](timestamp t) {
    const auto text = detail::format_iso_ms(to_epoch_ms(t));
    return text ? std::string{text->data(), text->size()} : std::to_string(to_epoch_ms(t)) + " ms";
  };
  bool evaluated = false;
  const std::optional<std::string_view> eid = summary_export_id(s, status, &evaluated);
  if (evaluated && !eid) report(rule::sum_arn, at(&manifest_summary::export_arn), {{"tableArn", s.table_arn}, {"v", s.export_arn}});
  if (eid && status.is_usable(&manifest_summary::start_time) && export_id::parse(*eid)->start_ms != to_epoch_ms(s.start_time))
    report(rule::sum_arn_time, at(&manifest_summary::start_time), {{"eid", *eid}, {"v", iso(s.start_time)}});
  if (!key.empty() && eid && status.is_usable(&manifest_summary::s3_prefix)) {
    const std::string expected = layout_of(s.s3_prefix, *eid, incremental).summary_key();
    if (expected != key) report(rule::sum_folder, std::string{key}, {{"key", key}, {"x", expected}});
  }
  if (!key.empty() && status.is_usable(&manifest_summary::manifest_files_s3_key)) {
    const std::string expected = folders_of_summary(key, incremental).folder + std::string{files_manifest_name};
    if (s.manifest_files_s3_key != expected)
      report(rule::sum_fileskey, at(&manifest_summary::manifest_files_s3_key), {{"v", s.manifest_files_s3_key}, {"x", expected}});
  }
  // A-SUM-TIMES's conditions in their order; each needs its members usable.
  const auto ms = [&](timestamp manifest_summary::*f) -> std::optional<std::int64_t> {
    return status.is_usable(f) ? std::optional{to_epoch_ms(s.*f)} : std::nullopt;
  };
  const auto out_of_order = [&](timestamp manifest_summary::*f, std::string_view why) {
    report(rule::sum_times, at(f), {{"m", summary_name(f)}, {"why", why}});
  };
  const auto start = ms(&manifest_summary::start_time), end = ms(&manifest_summary::end_time);
  if (start && end && *end < *start) out_of_order(&manifest_summary::end_time, "endTime is before startTime");
  if (!incremental) {
    const auto export_time = ms(&manifest_summary::export_time);
    if (start && export_time && *export_time > *start) out_of_order(&manifest_summary::export_time, "exportTime is after startTime");
    return;
  }
  const auto from = ms(&manifest_summary::export_from_time), to = ms(&manifest_summary::export_to_time);
  if (from && to && *from >= *to)
    out_of_order(&manifest_summary::export_from_time, "exportFromTime is not before exportToTime");
  else if (from && to && (*to - *from < 900'000 || *to - *from > 86'400'000))
    out_of_order(&manifest_summary::export_to_time, "the window is shorter than 15 minutes or longer than 24 hours");
  if (to && start && *to > *start) out_of_order(&manifest_summary::export_to_time, "exportToTime is after startTime");
  if (status.is_usable(&manifest_summary::billed_size_bytes) && s.billed_size_bytes < 10'000'000)
    report(rule::sum_bill, at(&manifest_summary::billed_size_bytes), {{"v", detail::decimal(static_cast<std::uint64_t>(s.billed_size_bytes))}});
}

}  // namespace ddbexport::artifacts

#endif
