// ddbexport-check: validates one ExportTableToPointInTime wire body and prints
// what the service would answer, or checks one object an export leaves on S3
// (manifest-summary.json, manifest-files.json, a DYNAMODB_JSON data line).
//
// Exit status: 0 valid (warnings allowed), 1 invalid, 2 usage error or unreadable file.

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "check/artifacts.hpp"
#include "check/context_file.hpp"
#include "check/report.hpp"
#include "check/wire_io.hpp"
#include "ddbexport/ddbexport.hpp"

namespace {

using ddbexport_check::report;

enum class body_kind { request, response, error, manifest_summary, manifest_files, data_line };

struct options {
  body_kind kind = body_kind::request;
  std::optional<std::string> context_path;
  std::optional<std::string> input_path;
  bool echo = false;
  bool first = false;
  bool help = false;
  bool version = false;
};

constexpr std::string_view usage =
    "usage: ddbexport-check [--request | --response | --error] [--context FILE] [--echo] [--first] [FILE]\n"
    "       ddbexport-check (--manifest-summary | --manifest-files | --data-line) [--echo] [--first] [FILE]\n"
    "       ddbexport-check --help | --version\n"
    "\n"
    "Checks one body and prints a JSON report {valid, error, violations, warnings, unchecked}.\n"
    "  --request             an ExportTableToPointInTime request body (the default)\n"
    "  --response            an ExportTableToPointInTime response body\n"
    "  --error               an error response body\n"
    "  --manifest-summary    an export's manifest-summary.json\n"
    "  --manifest-files      an export's manifest-files.json\n"
    "  --data-line           one DYNAMODB_JSON data line, full or incremental (its final LF optional)\n"
    "  --context FILE        facts about the table and the account, as JSON (requests only)\n"
    "  --echo                print the body's canonical bytes instead of the report\n"
    "  --first               report only the first violation\n"
    "FILE is the body, - or nothing for standard input; with no input at all, a built-in sample\n"
    "request, response or error body is checked.\n"
    "Exit status: 0 valid, 1 invalid, 2 usage error or unreadable file.\n";

constexpr std::string_view sample_request =
    R"({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/Music","S3Bucket":"music-exports",)"
    R"("ExportTime":1790000000,"ClientToken":"3f2b8c1e-5d4a-4b6f-9e21-7c0d8a9b1e23","S3Prefix":"daily/",)"
    R"("ExportFormat":"DYNAMODB_JSON"})";
constexpr std::string_view sample_response =
    R"({"ExportDescription":{"ExportArn":"arn:aws:dynamodb:us-east-1:123456789012:table/Music/export/01790000000000-0a1b2c3d",)"
    R"("ExportStatus":"IN_PROGRESS","StartTime":1790000000,"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/Music",)"
    R"("TableId":"0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0","ExportTime":1790000000,"S3Bucket":"music-exports",)"
    R"("S3Prefix":"daily/","S3SseAlgorithm":"AES256","ExportFormat":"DYNAMODB_JSON","ExportType":"FULL_EXPORT"}})";
constexpr std::string_view sample_error =
    R"({"__type":"com.amazonaws.dynamodb.v20120810#PointInTimeRecoveryUnavailableException",)"
    R"("message":"Point in time recovery is not enabled for table 'Music'"})";

bool parse_arguments(int argc, char** argv, options& opt) {
  bool files_only = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (!files_only && arg == "--request") opt.kind = body_kind::request;
    else if (!files_only && arg == "--response") opt.kind = body_kind::response;
    else if (!files_only && arg == "--error") opt.kind = body_kind::error;
    else if (!files_only && arg == "--manifest-summary") opt.kind = body_kind::manifest_summary;
    else if (!files_only && arg == "--manifest-files") opt.kind = body_kind::manifest_files;
    else if (!files_only && arg == "--data-line") opt.kind = body_kind::data_line;
    else if (!files_only && arg == "--help") opt.help = true;
    else if (!files_only && arg == "--version") opt.version = true;
    else if (!files_only && arg == "--echo") opt.echo = true;
    else if (!files_only && arg == "--first") opt.first = true;
    else if (!files_only && arg == "--context") {
      if (++i == argc) return false;
      opt.context_path = argv[i];
    } else if (!files_only && arg == "--") files_only = true;
    else if (!files_only && arg.size() > 1 && arg[0] == '-') return false;
    else if (opt.input_path) return false;
    else opt.input_path = std::string(arg);
  }
  return true;
}

bool read_stream(std::istream& in, std::string& out) {
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  return in && read_stream(in, out);
}

/// The body to check, or nullopt when unreadable. With no FILE and nothing on
/// standard input, the built-in sample.
std::optional<std::string> load_input(const options& opt) {
  std::string body;
  if (opt.input_path && *opt.input_path != "-") {
    if (!read_file(*opt.input_path, body)) return std::nullopt;
    return body;
  }
  const bool explicit_stdin = opt.input_path.has_value();
  // An S3 object can be empty (an empty manifest-files.json is checked, not replaced).
  const bool artifact = opt.kind != body_kind::request && opt.kind != body_kind::response && opt.kind != body_kind::error;
  if (explicit_stdin || !isatty(STDIN_FILENO)) {
    if (!read_stream(std::cin, body)) return std::nullopt;
    if (explicit_stdin || artifact || !body.empty()) return body;
  }
  if (artifact) return std::nullopt;
  std::cerr << "ddbexport-check: no input given; checking the built-in sample "
            << (opt.kind == body_kind::request ? "request" : opt.kind == body_kind::response ? "response" : "error body")
            << "\n";
  const std::string_view sample = opt.kind == body_kind::request    ? sample_request
                                   : opt.kind == body_kind::response ? sample_response
                                                                     : sample_error;
  return std::string(sample);
}

/// Stage D: the body the service answers for an unreadable body (the report
/// form: `message` always, `""` where the service sends no text).
report unreadable(const ddbexport::diagnostic& d) {
  report r;
  r.add(d);
  r.error = ddbexport_check::write_to_string(
      [&](auto& out) { ddbexport::json::write_error_body(ddbexport::json::read_result{d}, out); });
  return r;
}

report check_request(const ddbexport_check::request_body& body, const ddbexport_check::context_file& context) {
  report r;
  std::vector<ddbexport::diagnostic> found;
  ddbexport::container_sink sink{found};
  const auto result = ddbexport::validate(body.request, context.context, sink);
  for (const auto& d : found) r.add(d);
  // The reader's own advice (W-UNKNOWN, R-ET-GRAN) joins the validator's, in rule order.
  for (const auto& d : body.warnings) r.add(d);
  std::stable_sort(r.warnings.begin(), r.warnings.end(), [](const auto& a, const auto& b) { return a.rule < b.rule; });
  r.valid = result.valid();
  r.unchecked = result.unchecked;
  if (result.replay_of) r.replay_of = std::string(*result.replay_of);
  if (result.error())
    r.error = ddbexport_check::write_to_string(
        [&](auto& out) { ddbexport::json::write_error_body(body.request, context.context, result, out); });
  return r;
}

report check_response(const ddbexport_check::response_body& body) {
  report r;
  std::vector<ddbexport::diagnostic> found;
  ddbexport::container_sink sink{found};
  ddbexport::validate(body.response, ddbexport::response_context{}, sink);
  for (const auto& d : found) r.add(d);
  return r;
}

report check_error(const ddbexport_check::error_response_body& body) {
  report r;
  for (const auto& d : body.findings) r.add(d);
  return r;
}

int finish(report r, const options& opt) {
  if (opt.first && r.violations.size() > 1) r.violations.resize(1);
  std::cout << ddbexport_check::to_json(r) << "\n";
  return r.valid ? 0 : 1;
}

int echo(const std::string& canonical) {
  std::cout << canonical;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  options opt;
  if (!parse_arguments(argc, argv, opt)) {
    std::cerr << usage;
    return 2;
  }
  if (opt.help) {
    std::cout << usage;
    return 0;
  }
  if (opt.version) {
    std::cout << "ddbexport-check " << DDBEXPORT_VERSION_MAJOR << '.' << DDBEXPORT_VERSION_MINOR << '.'
              << DDBEXPORT_VERSION_PATCH << "\n";
    return 0;
  }
  ddbexport_check::context_file context;
  if (opt.context_path) {
    std::string text, reason;
    if (!read_file(*opt.context_path, text)) {
      std::cerr << "ddbexport-check: cannot read context file " << *opt.context_path << "\n";
      return 2;
    }
    if (!context.load(text, reason)) {
      std::cerr << "ddbexport-check: " << reason << "\n";
      return 2;
    }
  }
  const auto input = load_input(opt);
  if (!input && !opt.input_path && isatty(STDIN_FILENO)) {
    std::cerr << "ddbexport-check: no input: give FILE, or the object on standard input\n" << usage;
    return 2;
  }
  if (!input) {
    std::cerr << "ddbexport-check: cannot read " << opt.input_path.value_or("standard input") << "\n";
    return 2;
  }
  switch (opt.kind) {
    case body_kind::request: {
      ddbexport_check::request_body body;
      std::string reason;
      if (!body.read(*input, reason)) return finish(unreadable(*body.error), opt);
      return opt.echo ? echo(body.canonical()) : finish(check_request(body, context), opt);
    }
    case body_kind::response: {
      ddbexport_check::response_body body;
      if (!body.read(*input)) return finish(unreadable(*body.error), opt);
      return opt.echo ? echo(body.canonical()) : finish(check_response(body), opt);
    }
    case body_kind::error: {
      ddbexport_check::error_response_body body;
      if (!body.read(*input)) return finish(unreadable(*body.error), opt);
      return opt.echo ? echo(body.canonical()) : finish(check_error(body), opt);
    }
    case body_kind::manifest_summary:
    case body_kind::manifest_files:
    case body_kind::data_line: {
      const auto which = opt.kind == body_kind::manifest_summary ? ddbexport_check::artifact_body::manifest_summary
                         : opt.kind == body_kind::manifest_files ? ddbexport_check::artifact_body::manifest_files
                                                                 : ddbexport_check::artifact_body::data_line;
      auto result = ddbexport_check::check_artifact(which, *input, opt.echo, opt.first);
      std::cout << result.output;
      return result.status;
    }
  }
  return 2;
}
