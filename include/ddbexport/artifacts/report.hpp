#ifndef DDBEXPORT_ARTIFACTS_REPORT_HPP
#define DDBEXPORT_ARTIFACTS_REPORT_HPP

/// The verification report of ARTIFACTS.md §8.4: its model and its JSON.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/artifacts/etag.hpp"
#include "ddbexport/artifacts/rules.hpp"
#include "ddbexport/artifacts/sidecar.hpp"
#include "ddbexport/detail/number.hpp"
#include "ddbexport/json/detail/escape.hpp"
#include "ddbexport/output.hpp"

namespace ddbexport::artifacts {

/// `export`: the summary's identity as far as it is usable.
struct export_identity {
  std::optional<std::string> export_arn;
  std::optional<std::string> version;
  std::optional<std::string> output_format;
  std::string folder;                      ///< F′, always
  std::optional<std::string> data_folder;  ///< D′ once `version` passed A-SUM-VERSION
};

/// One data file of step 4 (§8.3), absent ones included.
struct file_result {
  std::string key;
  std::int64_t item_count = 0;
  std::optional<std::uint64_t> lines;  ///< when A-DATA-COUNT was evaluated
  check_result md5 = check_result::unverifiable;
  check_result etag = check_result::unverifiable;
  etag_reason reason = etag_reason::none;
};

struct sidecar_check {
  std::string key;
  sidecar_result result = sidecar_result::malformed;
};

struct verify_report {
  export_identity exported;
  std::vector<finding> violations;
  std::vector<finding> warnings;
  std::vector<rule> unchecked;  ///< each id once, in §8.2's order
  std::vector<file_result> files;
  std::vector<sidecar_check> sidecars;

  [[nodiscard]] bool valid() const noexcept { return violations.empty(); }
};

namespace detail {
template <text_output Out>
void write_optional_string(Out& out, const std::optional<std::string>& s) {
  if (s)
    ddbexport::detail::write_json_string(out, *s);
  else
    out.write("null");
}
template <text_output Out>
void write_findings(Out& out, const std::vector<finding>& findings) {
  out.write("[");
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const finding& f = findings[i];
    out.write(i == 0 ? "{\"rule\":" : ",{\"rule\":");
    ddbexport::detail::write_json_string(out, id(f.rule));
    out.write(",\"path\":");
    ddbexport::detail::write_json_string(out, f.path);
    out.write(",\"offset\":");
    if (f.offset) {
      char digits[24];
      out.write(ddbexport::detail::format_unsigned(*f.offset, digits));
    } else {
      out.write("null");
    }
    out.write(",\"message\":");
    ddbexport::detail::write_json_string(out, f.message);
    out.write("}");
  }
  out.write("]");
}
}  // namespace detail

/// The report as one compact JSON object in §8.4's member order. A tool may
/// put its own members first (`prefix`, e.g. `"exportId":"…",`).
template <text_output Out>
void write_report(const verify_report& r, Out& out, std::string_view prefix = {}) {
  out.write("{");
  out.write(prefix);
  out.write(r.valid() ? "\"valid\":true" : "\"valid\":false");
  out.write(",\"export\":{\"exportArn\":");
  detail::write_optional_string(out, r.exported.export_arn);
  out.write(",\"version\":");
  detail::write_optional_string(out, r.exported.version);
  out.write(",\"outputFormat\":");
  detail::write_optional_string(out, r.exported.output_format);
  out.write(",\"folder\":");
  ddbexport::detail::write_json_string(out, r.exported.folder);
  out.write(",\"dataFolder\":");
  detail::write_optional_string(out, r.exported.data_folder);
  out.write("},\"violations\":");
  detail::write_findings(out, r.violations);
  out.write(",\"warnings\":");
  detail::write_findings(out, r.warnings);
  out.write(",\"unchecked\":[");
  for (std::size_t i = 0; i < r.unchecked.size(); ++i) {
    out.write(i == 0 ? "" : ",");
    ddbexport::detail::write_json_string(out, id(r.unchecked[i]));
  }
  out.write("],\"files\":[");
  for (std::size_t i = 0; i < r.files.size(); ++i) {
    const file_result& f = r.files[i];
    char digits[24];
    out.write(i == 0 ? "{\"key\":" : ",{\"key\":");
    ddbexport::detail::write_json_string(out, f.key);
    out.write(",\"itemCount\":");
    ddbexport::detail::integer_text_buffer count;
    out.write(ddbexport::detail::format_integer(f.item_count, count));
    out.write(",\"lines\":");
    out.write(f.lines ? ddbexport::detail::format_unsigned(*f.lines, digits) : std::string_view{"null"});
    out.write(",\"md5\":\"");
    out.write(to_text(f.md5));
    out.write("\",\"etag\":\"");
    out.write(to_text(f.etag));
    out.write("\",\"etagReason\":");
    if (f.reason == etag_reason::none) {
      out.write("null}");
    } else {
      out.write("\"");
      out.write(to_text(f.reason));
      out.write("\"}");
    }
  }
  out.write("],\"sidecars\":[");
  for (std::size_t i = 0; i < r.sidecars.size(); ++i) {
    out.write(i == 0 ? "{\"key\":" : ",{\"key\":");
    ddbexport::detail::write_json_string(out, r.sidecars[i].key);
    out.write(",\"result\":\"");
    out.write(to_text(r.sidecars[i].result));
    out.write("\"}");
  }
  out.write("]}");
}

}  // namespace ddbexport::artifacts

#endif
