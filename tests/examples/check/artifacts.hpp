// What ddbexport-check does with the bodies of issue 13, item 7:
// --manifest-summary, --manifest-files and --data-line (DYNAMODB_JSON, full
// or incremental, one line with or without its final LF), each checked by the
// library's strict reader, reported in ddbexport-check's report shape
// ({"valid","error","violations","warnings","unchecked"}), or echoed in its
// canonical bytes with --echo.
#ifndef DDBEXPORT_CHECK_ARTIFACTS_HPP
#define DDBEXPORT_CHECK_ARTIFACTS_HPP

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/artifacts/data_line.hpp"
#include "ddbexport/artifacts/files_manifest.hpp"
#include "ddbexport/artifacts/summary.hpp"
#include "ddbexport/json/detail/escape.hpp"
#include "ddbexport/output.hpp"

namespace ddbexport_check {

enum class artifact_body { manifest_summary, manifest_files, data_line };

/// The option naming each body, for the usage text.
inline constexpr std::string_view artifact_options = "--manifest-summary | --manifest-files | --data-line";

struct artifact_result {
  std::string output;  ///< the report (with its LF), or the canonical bytes
  int status = 0;      ///< 0 valid, 1 invalid
};

namespace detail {

namespace art = ddbexport::artifacts;

struct collected {
  std::vector<art::finding> all;
  void accept(art::finding f) { all.push_back(std::move(f)); }
  [[nodiscard]] bool valid() const {
    for (const auto& f : all)
      if (f.severity == art::severity::error) return false;
    return true;
  }
};

/// ddbexport-check's report: A- rules carry no service error, so "error" is
/// null, each finding's too, and nothing is ever unchecked here.
inline std::string report_json(const collected& c, bool first_only) {
  std::string out = "{\"valid\":";
  ddbexport::container_output<std::string> o{out};
  out += c.valid() ? "true" : "false";
  out += ",\"error\":null";
  for (const auto severity : {art::severity::error, art::severity::warning}) {
    out += severity == art::severity::error ? ",\"violations\":[" : ",\"warnings\":[";
    bool first = true;
    for (const auto& f : c.all) {
      if (f.severity != severity) continue;
      // --first: the first violation only, as for the other bodies.
      if (first_only && !first && severity == art::severity::error) break;
      out += first ? "{\"rule\":" : ",{\"rule\":";
      first = false;
      ddbexport::detail::write_json_string(o, art::id(f.rule));
      out += ",\"path\":";
      ddbexport::detail::write_json_string(o, f.path);
      out += ",\"error\":null,\"message\":";
      ddbexport::detail::write_json_string(o, f.message);
      out += "}";
    }
    out += "]";
  }
  out += ",\"unchecked\":[]}\n";
  return out;
}

inline artifact_result finish(const collected& c, bool echo, bool first_only, bool readable, std::string canonical) {
  if (echo && readable) return {std::move(canonical), 0};
  return {report_json(c, first_only), c.valid() ? 0 : 1};
}

}  // namespace detail

/// Checks `text` as `body`: the report, or with `echo` the canonical bytes of
/// a readable body; `first_only` keeps the first violation, like --first.
inline artifact_result check_artifact(artifact_body body, std::string_view text, bool echo, bool first_only) {
  namespace art = ddbexport::artifacts;
  detail::collected found;
  std::string canonical;
  ddbexport::container_output<std::string> out{canonical};
  switch (body) {
    case artifact_body::manifest_summary: {
      // Without the object's key, A-SUM-FOLDER and A-SUM-FILESKEY cannot be told.
      art::detail::text_storage storage{text.size()};
      art::manifest_summary s;
      const auto status = art::read_summary(text, s, storage.arena(), {"manifest-summary.json", {}}, found);
      art::check_summary(s, status, {}, found);
      bool complete = status.version;
      art::for_each_summary_member([&](std::size_t i, const auto& m) {
        if (art::in_scope(m.scope, s.incremental()) && (status.usable >> i & 1u) == 0) complete = false;
      });
      // Written before `canonical` is handed over: argument order is unspecified.
      const bool readable = complete && art::write_summary(s, out);
      return detail::finish(found, echo, first_only, readable, std::move(canonical));
    }
    case artifact_body::manifest_files: {
      art::detail::text_storage storage{text.size()};
      std::vector<art::files_entry> entries;
      const auto status = art::read_files_manifest(text, storage.arena(), {"manifest-files.json", {}}, found,
                                                   [&](const art::files_line& line) {
                                                     if (line.entry) entries.push_back(line.value);
                                                   });
      art::write_files_manifest(entries, out);
      return detail::finish(found, echo, first_only, status.utf8 && status.json_and_entries, std::move(canonical));
    }
    case artifact_body::data_line: {
      // One line: a final LF is allowed, nothing else that frames lines.
      std::string_view line = text;
      if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
      art::data_line_context c;
      c.key = "data-line";
      // The top-level members tell a full export's line from an incremental record.
      art::detail::json_document probe;
      c.format.incremental = probe.parse(line, c.limits.depth) &&
                             probe.member(0, art::slot_name(art::line_slot::item)) == art::detail::json_document::npos;
      if (line.find('\n') != std::string_view::npos || line.find('\r') != std::string_view::npos ||
          !ddbexport::detail::is_strict_utf8(line)) {
        found.accept(art::make_finding(art::rule::data_frame, c.format.incremental, "data-line:1", std::nullopt,
                                       {{"key", "data-line"}, {"n", "1"}, {"why", "FILE holds more than one line, a CR or invalid UTF-8"}}));
        return detail::finish(found, false, first_only, false, {});
      }
      std::vector<std::byte> buffer(art::line_storage_bytes(line.size()));
      ddbexport::json::arena storage{std::span<std::byte>{buffer}};
      art::data_line parsed;
      const auto status = art::read_data_line(line, parsed, storage, c, found);
      const bool readable = status.values && art::write_data_line(parsed, c.format, out);
      return detail::finish(found, echo, first_only, readable, std::move(canonical));
    }
  }
  return {detail::report_json(found, first_only), 2};
}

}  // namespace ddbexport_check

#endif
