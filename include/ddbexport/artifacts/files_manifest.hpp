#ifndef DDBEXPORT_ARTIFACTS_FILES_MANIFEST_HPP
#define DDBEXPORT_ARTIFACTS_FILES_MANIFEST_HPP

/// manifest-files.json (ARTIFACTS.md §4): one line per data file, its model,
/// member table, writer and strict reader (A-FILES-LINE, A-FILES-ENTRY,
/// A-FILES-UNKNOWN, A-ETAG-FORM).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/detail/table.hpp"
#include "ddbexport/artifacts/detail/findings.hpp"
#include "ddbexport/artifacts/detail/json_document.hpp"
#include "ddbexport/artifacts/detail/lines.hpp"
#include "ddbexport/artifacts/etag.hpp"
#include "ddbexport/artifacts/limits.hpp"
#include "ddbexport/artifacts/md5.hpp"
#include "ddbexport/artifacts/rules.hpp"
#include "ddbexport/detail/number.hpp"
#include "ddbexport/json/arena.hpp"
#include "ddbexport/json/detail/escape.hpp"
#include "ddbexport/output.hpp"

namespace ddbexport::artifacts {

/// One data file as the manifest lists it.
struct files_entry {
  std::int64_t item_count = 0;
  std::string_view md5_checksum;  ///< b64md5 of the stored (gzip) bytes
  std::string_view etag;          ///< as recorded: unquoted when DynamoDB wrote it
  std::string_view data_file_s3_key;
};

template <class Field>
struct files_member {
  std::string_view name;
  Field files_entry::*field;
  /// Why a JSON value of the right type is still wrong, when it can be.
  std::string_view (*problem)(const Field&) = nullptr;
};
template <class Field>
files_member(std::string_view, Field files_entry::*, std::string_view (*)(const Field&) = nullptr) -> files_member<Field>;

namespace detail {
inline std::string_view md5_checksum_problem(const std::string_view& v) {
  return parse_base64_md5(v) ? std::string_view{} : "is not a base64 MD5";
}
}  // namespace detail

/// §4's members, in the order the writer emits them.
inline constexpr ddbexport::detail::table files_members{
    files_member{"itemCount", &files_entry::item_count},
    files_member{"md5Checksum", &files_entry::md5_checksum, detail::md5_checksum_problem},
    files_member{"etag", &files_entry::etag},
    files_member{"dataFileS3Key", &files_entry::data_file_s3_key},
};

template <class F>
constexpr void for_each_files_member(F&& f) {
  files_members.apply([&](const auto&... m) { (f(m), ...); });
}

/// A member's name, by its field.
template <class Field>
[[nodiscard]] constexpr std::string_view files_name(Field files_entry::*field) noexcept {
  std::string_view name;
  for_each_files_member([&](const auto& m) {
    if constexpr (std::is_same_v<decltype(m.field), Field files_entry::*>)
      if (m.field == field) name = m.name;
  });
  return name;
}

/// One line with its LF (§4): compact, members in order.
template <text_output Out>
constexpr void write_files_line(const files_entry& e, Out& out) {
  bool first = true;
  out.write("{");
  for_each_files_member([&](const auto& m) {
    out.write(first ? "\"" : ",\"");
    first = false;
    out.write(m.name);
    out.write("\":");
    if constexpr (std::is_same_v<decltype(e.*(m.field)), const std::int64_t&>) {
      ddbexport::detail::integer_text_buffer buf;
      out.write(ddbexport::detail::format_integer(e.*(m.field), buf));
    } else {
      ddbexport::detail::write_json_string(out, e.*(m.field));
    }
  });
  out.write("}\n");
}

/// The whole manifest: every line ends with LF; no entry gives 0 bytes.
template <text_output Out>
constexpr void write_files_manifest(std::span<const files_entry> entries, Out& out) {
  for (const auto& e : entries) write_files_line(e, out);
}

/// The entry for a data file from its stored bytes (what a writer records):
/// b64md5 and the one-part ETag of §5.3, into caller storage for the texts.
struct files_entry_text {
  fixed_text<24> md5_checksum;
  std::string etag;
};
[[nodiscard]] inline files_entry_text checksums_of(std::string_view stored_bytes) {
  const md5_digest d = md5_of(stored_bytes);
  return {to_base64(d), one_part_etag(d)};
}

struct files_read_context {
  std::string_view key;  ///< the manifest's key, for finding paths
  artifact_limits limits{};
};

/// What a line of the manifest gave. A line that passed the JSON test always
/// reports its dataFileS3Key when that is a string (A-OBJ-EXTRA counts it);
/// `entry` is true only without an A-FILES-ENTRY finding.
struct files_line {
  std::uint64_t number = 0;
  std::uint64_t offset = 0;
  bool entry = false;
  bool etag_form = false;  ///< etag passed A-ETAG-FORM
  std::optional<std::string_view> data_file_s3_key;
  files_entry value{};
};

/// How the text as a whole went (§7.3): A-FILES-SUM and A-FILES-NONE depend on it.
struct files_manifest_status {
  bool utf8 = true;
  bool json_and_entries = true;  ///< no line failed the JSON test or A-FILES-ENTRY
  bool line_findings = false;    ///< some line had an A-FILES-LINE finding
  std::size_t entries = 0;
};

namespace detail {

/// False when `storage` ran out: the line then failed as if it were not JSON
/// (one A-FILES-LINE finding, no entry, no on_line).
template <class Report>
bool read_files_members(const json_document& doc, files_line& line, json::arena& storage, Report&& report) {
  files_entry& e = line.value;
  bool ok = true, stored = true;
  for_each_files_member([&](const auto& m) {
    if (!stored) return;
    const std::size_t node = doc.member(0, m.name);
    using field_type = std::remove_cvref_t<decltype(e.*(m.field))>;
    std::string_view why;
    if (node == json_document::npos) {
      why = "is missing";
    } else if constexpr (std::is_same_v<field_type, std::int64_t>) {
      const auto v = doc[node].kind == json_kind::number && doc[node].integral
                         ? ddbexport::detail::parse_json_integer(doc[node].text, ddbexport::detail::max_safe_integer)
                         : std::nullopt;
      if (!v || *v < 0)
        why = "is not an integer from 0 to 9007199254740991";
      else
        e.*(m.field) = *v;
    } else {
      if (doc[node].kind != json_kind::string) {
        why = "is not a string";
      } else {
        const auto text = keep_string(doc[node], storage);
        if (!text) {
          stored = false;
          return report(rule::files_line, std::nullopt, m.name, "reader storage exhausted", false);
        }
        e.*(m.field) = *text;
        if (m.problem != nullptr) why = m.problem(*text);
      }
    }
    if (!why.empty()) {
      ok = false;
      report(rule::files_entry, node == json_document::npos ? std::nullopt : std::optional{doc[node].offset}, m.name, why,
             true);
    }
  });
  line.entry = ok && stored;
  return stored;
}

}  // namespace detail

/// Reads the manifest text whole (§4 reader). Findings go to `sink` in
/// §8.3's order for each line; `on_line(const files_line&)` follows each line
/// that passed the JSON test, so a caller can add its own per-line findings
/// (A-FILES-KEY, A-FILES-DUP) in their place. Strings view `text` or `storage`
/// (room for text.size() bytes always suffices: detail::text_storage).
template <finding_sink Sink, class OnLine>
files_manifest_status read_files_manifest(std::string_view text, json::arena& storage, const files_read_context& context,
                                          Sink& sink, OnLine&& on_line) {
  files_manifest_status status;
  const std::string_view key = context.key;
  const auto line_finding = [&](rule r, std::uint64_t number, std::optional<std::uint64_t> offset, std::string_view member,
                                std::initializer_list<message_arg> args) {
    sink.accept(make_finding(r, false, detail::line_path(key, number, member), offset, args));
  };
  // A text that is not UTF-8 gives one finding and no entry (§7.3).
  {
    detail::utf8_checker utf8;
    std::uint64_t line = 1, start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto b = static_cast<std::uint8_t>(text[i]);
      if (!utf8.mid_sequence()) start = i;
      if (!utf8.feed(b) || (i + 1 == text.size() && utf8.mid_sequence())) {
        for (std::size_t k = 0; k < start; ++k) line += text[k] == '\n' ? 1 : 0;
        status.utf8 = false;
        status.json_and_entries = false;
        status.line_findings = true;
        const std::string n = detail::decimal(line);
        line_finding(rule::files_line, line, start, {}, {{"n", n}, {"why", "the text is not UTF-8"}});
        return status;
      }
    }
  }
  detail::line_splitter splitter{context.limits.manifest_line_bytes};
  detail::json_document doc;
  const auto each_line = [&](std::string_view, const detail::line_info& info) {
    // The whole text is here: entries view it, not the splitter's copy of a last line without LF.
    const std::string_view bytes = text.substr(info.offset, info.complete ? info.size : 0);
    const std::string n = detail::decimal(info.number);
    const auto framing = [&](std::uint64_t offset, std::string_view why) {
      status.line_findings = true;
      line_finding(rule::files_line, info.number, offset, {}, {{"n", n}, {"why", why}});
    };
    if (info.blank) return framing(info.offset, "blank line");
    if (info.has_cr) framing(info.cr_offset, "holds a CR");
    if (!info.terminated) framing(info.offset + info.size, "the text does not end with LF");
    if (!info.complete) {
      status.json_and_entries = false;
      const std::string why = "longer than " + detail::decimal(context.limits.manifest_line_bytes) + " bytes";
      return framing(info.offset + context.limits.manifest_line_bytes, why);
    }
    if (!doc.parse(bytes, context.limits.depth)) {
      status.json_and_entries = false;
      const std::string why = "not a JSON object: " + std::string{doc.problem().why};
      return framing(info.offset + doc.problem().offset, why);
    }
    files_line line;
    line.number = info.number;
    line.offset = info.offset;
    const auto member_finding = [&](rule r, std::optional<std::size_t> at, std::string_view member, std::string_view why,
                                    bool entry_rule) {
      const auto offset = at ? std::optional<std::uint64_t>{info.offset + *at} : std::nullopt;
      if (!entry_rule) return framing(info.offset, why);
      line_finding(r, info.number, offset, member, {{"n", n}, {"m", member}, {"why", why}});
    };
    const bool stored = detail::read_files_members(doc, line, storage, member_finding);
    if (!line.entry) status.json_and_entries = false;
    if (!stored) return;
    doc.for_each_child(0, [&](std::size_t child) {
      bool known = false;
      for_each_files_member([&](const auto& m) { known = known || m.name == doc[child].name; });
      if (!known)
        line_finding(rule::files_unknown, info.number, info.offset + doc[child].name_offset, doc[child].name,
                     {{"n", n}, {"m", doc[child].name}});
    });
    const auto string_member = [&](std::string_view name) {
      const std::size_t node = doc.member(0, name);
      return node != detail::json_document::npos && doc[node].kind == detail::json_kind::string ? node : detail::json_document::npos;
    };
    const std::string_view etag_name = files_name(&files_entry::etag);
    if (const std::size_t etag = string_member(etag_name); etag != detail::json_document::npos) {
      line.etag_form = parse_etag(strip_etag_quotes(line.value.etag)).has_value();
      if (!line.etag_form)
        line_finding(rule::etag_form, info.number, info.offset + doc[etag].offset, etag_name, {{"n", n}, {"v", line.value.etag}});
    }
    if (string_member(files_name(&files_entry::data_file_s3_key)) != detail::json_document::npos)
      line.data_file_s3_key = line.value.data_file_s3_key;
    if (line.entry) ++status.entries;
    on_line(static_cast<const files_line&>(line));
  };
  splitter.feed(text, each_line);
  splitter.finish(each_line);
  return status;
}

}  // namespace ddbexport::artifacts

#endif
