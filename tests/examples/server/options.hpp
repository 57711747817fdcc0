#ifndef DDBEXPORT_SERVER_OPTIONS_HPP
#define DDBEXPORT_SERVER_OPTIONS_HPP

// ddbexport-server's command line.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ddbexport_server {

inline constexpr std::string_view usage =
    "usage: ddbexport-server [--host ADDR] [--port N] [--state FILE] [--complete-after SECONDS] [--store FILE]\n"
    "                        [--s3-root DIR]\n"
    "       ddbexport-server --help | --version\n"
    "\n"
    "A DynamoDB-compatible endpoint for ExportTableToPointInTime, DescribeExport and ListExports.\n"
    "  --host ADDR               address to listen on (default 127.0.0.1; an IPv6 address works too)\n"
    "  --port N                  port, 0 to 65535 (default 8000; 0 picks a free one)\n"
    "  --state FILE              the world as JSON: Region, AccountId, Tables (with their Items),\n"
    "                            Buckets, MissingKmsKeys\n"
    "                            (default: us-east-1, 123456789012, the table Music with PITR enabled)\n"
    "  --complete-after SECONDS  an export ends SECONDS after it started (default 5; e.g. 2 or 0.25)\n"
    "  --store FILE              keep the exports in FILE (JSON lines) across restarts\n"
    "  --s3-root DIR             write each completed export's objects (manifests, checksums, gzip\n"
    "                            data files) to DIR/<bucket>/<key>, as S3 would hold them; DIR must\n"
    "                            be a writable directory. The state file's \"Items\" of a table\n"
    "                            (DynamoDB JSON) are what a full export holds\n"
    "  --help                    this text\n"
    "  --version                 the ddbexport version\n"
    "\n"
    "The first line on stdout is `listening on http://ADDR:PORT`. SIGTERM or SIGINT stops it cleanly.\n";

struct options {
  std::string host = "127.0.0.1";
  int port = 8000;
  std::optional<std::string> state_file;
  std::int64_t complete_after_ms = 5000;
  std::optional<std::string> store_file;
  std::optional<std::string> s3_root;
  bool help = false;
  bool version = false;
};

/// SECONDS: at most 9 digits, then optionally `.` and 1 to 3 digits; in ms.
[[nodiscard]] inline std::optional<std::int64_t> parse_seconds(std::string_view text) {
  const auto dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view frac = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  const auto digits = [](std::string_view s) {
    for (char c : s)
      if (c < '0' || c > '9') return false;
    return true;
  };
  if (whole.empty() || whole.size() > 9 || !digits(whole)) return std::nullopt;
  if (dot != std::string_view::npos && (frac.empty() || frac.size() > 3 || !digits(frac))) return std::nullopt;
  std::int64_t ms = 0;
  for (char c : whole) ms = ms * 10 + (c - '0');
  ms *= 1000;
  std::int64_t scale = 100;
  for (char c : frac) {
    ms += (c - '0') * scale;
    scale /= 10;
  }
  return ms;
}

[[nodiscard]] inline std::optional<int> parse_port(std::string_view text) {
  if (text.empty() || text.size() > 5) return std::nullopt;
  int port = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    port = port * 10 + (c - '0');
  }
  return port <= 65535 ? std::optional<int>{port} : std::nullopt;
}

/// Fills `out`; false with the reason for a bad command line. `--opt=value` works too.
inline bool parse_options(const std::vector<std::string>& args, options& out, std::string& error) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string name = args[i];
    std::optional<std::string> value;
    if (const auto eq = name.find('='); name.starts_with("--") && eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
    }
    const auto take = [&]() -> std::optional<std::string> {
      if (value) return value;
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    if ((name == "--help" || name == "-h") && !value) {
      out.help = true;
    } else if (name == "--version" && !value) {
      out.version = true;
    } else if (name == "--host" || name == "--port" || name == "--state" || name == "--complete-after" ||
               name == "--store" || name == "--s3-root") {
      const auto v = take();
      if (!v) return (error = name + " needs a value"), false;
      if (name == "--host") {
        if (v->empty()) return (error = "--host needs an address"), false;
        out.host = *v;
      } else if (name == "--port") {
        const auto port = parse_port(*v);
        if (!port) return (error = "--port must be a number from 0 to 65535, not '" + *v + "'"), false;
        out.port = *port;
      } else if (name == "--complete-after") {
        const auto ms = parse_seconds(*v);
        if (!ms) return (error = "--complete-after must be SECONDS such as 2 or 0.25, not '" + *v + "'"), false;
        out.complete_after_ms = *ms;
      } else if (name == "--state") {
        out.state_file = *v;
      } else if (name == "--s3-root") {
        out.s3_root = *v;
      } else {
        out.store_file = *v;
      }
    } else {
      return (error = "unknown option '" + args[i] + "'"), false;
    }
  }
  return true;
}

}  // namespace ddbexport_server

#endif
