// ddbexport-verify: verifies a local copy of an S3 bucket (what `aws s3 sync
// s3://bucket DIR` leaves, or only the part under an export's prefix, with the
// prefix kept as folders) against ARTIFACTS.md, with zlib as the inflater.
//
//   ddbexport-verify [--export ID] [--description FILE] [--key-schema NAME[,NAME]] [--track-keys] DIR
//
// Every AWSDynamoDB/<id>/manifest-summary.json under DIR, at any depth, is an
// export to verify (or only the one whose id is ID). An object's key is its
// path relative to DIR. stdout: {"valid":…,"exports":[…]}, one §8.4 report
// per export in ExportId order, each with "exportId" first. Exit status: 0
// every export valid, 1 a finding of error severity, 2 usage error.
// Progress goes to stderr, one line per data file, only when it is a terminal.

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ddbexport/artifacts/report.hpp"
#include "ddbexport/artifacts/verify.hpp"
#include "ddbexport/json/reader.hpp"
#include "ddbexport/version.hpp"
#include "verify/zlib_feed.hpp"

namespace {

namespace fs = std::filesystem;
namespace art = ddbexport::artifacts;

constexpr std::string_view usage =
    "usage: ddbexport-verify [--export ID] [--description FILE] [--key-schema NAME[,NAME]] [--track-keys] DIR\n";
constexpr std::string_view help =
    "\n"
    "Verifies the DynamoDB exports (ExportTableToPointInTime) found in DIR, a local copy of an S3\n"
    "bucket or of the part under an export's prefix: every AWSDynamoDB/<id>/manifest-summary.json at\n"
    "any depth is an export. Checks every rule of ARTIFACTS.md (A- ids): manifests, sidecars,\n"
    "MD5s and ETags, gzip framing, every data line and the key layout.\n"
    "\n"
    "  --export ID            verify only the export whose id (the folder name) is ID\n"
    "  --description FILE     a DescribeExport response body or an ExportDescription object, checked\n"
    "                         against the export whose ExportArn it names\n"
    "  --key-schema NAME[,NAME]  the table's key attributes (HASH, then RANGE)\n"
    "  --track-keys           remember every primary key to find repeats (memory grows with items)\n"
    "  --help, --version\n"
    "\n"
    "Prints {\"valid\":…,\"exports\":[…]}: one report per export (ARTIFACTS.md §8.4, with \"exportId\").\n"
    "Exit status: 0 every export is valid, 1 a violation was found, 2 usage error.\n";

[[noreturn]] void usage_error(std::string_view why) {
  std::cerr << "ddbexport-verify: " << why << "\n" << usage;
  std::exit(2);
}

std::optional<std::string> read_whole(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(path, ec))) return std::nullopt;
  std::ifstream in{path, std::ios::binary};
  if (!in) return std::nullopt;
  std::string text{std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
  if (in.bad()) return std::nullopt;
  return text;
}

/// DIR as a bundle: a key is a path relative to DIR. Keys that would leave
/// DIR (`..` segments) or hold a NUL name no file, so a manifest cannot make
/// the tool read elsewhere.
class directory_bundle {
 public:
  explicit directory_bundle(fs::path root) : root_(std::move(root)) {
    std::error_code ec;
    for (fs::recursive_directory_iterator it{root_, ec}, end; !ec && it != end; it.increment(ec)) {
      std::error_code type_ec;
      if (it->symlink_status(type_ec).type() == fs::file_type::regular)
        keys_.push_back(fs::relative(it->path(), root_, type_ec).generic_string());
    }
    std::sort(keys_.begin(), keys_.end());
  }

  [[nodiscard]] const std::vector<std::string>& keys() const noexcept { return keys_; }
  void progress(bool on) noexcept { progress_ = on; }

  [[nodiscard]] std::optional<std::string> object(std::string_view key) const {
    const auto path = path_of(key);
    if (!path) return std::nullopt;
    return read_whole(*path);
  }

  bool data_file(std::string_view key, art::data_file_feed& feed) {
    const auto path = path_of(key);
    std::error_code ec;
    if (!path || !fs::is_regular_file(fs::symlink_status(*path, ec))) return false;
    std::ifstream in{*path, std::ios::binary};
    if (!in) return false;
    if (progress_) std::cerr << "ddbexport-verify: " << key << "\n";
    ddbexport_verify::zlib_feed z{feed};
    std::vector<char> chunk(1 << 20);
    while (in) {
      in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      if (in.gcount() > 0) z.stored(std::string_view{chunk.data(), static_cast<std::size_t>(in.gcount())});
    }
    z.finish();
    return true;
  }

  template <class F>
  void keys_under(std::string_view prefix, F&& f) const {
    for (auto it = std::lower_bound(keys_.begin(), keys_.end(), prefix); it != keys_.end() && it->starts_with(prefix); ++it)
      f(std::string_view{*it});
  }

 private:
  [[nodiscard]] std::optional<fs::path> path_of(std::string_view key) const {
    if (key.empty() || key.find('\0') != std::string_view::npos) return std::nullopt;
    std::size_t start = 0;
    while (start <= key.size()) {
      const std::size_t slash = std::min(key.find('/', start), key.size());
      const std::string_view segment = key.substr(start, slash - start);
      if (segment == "." || segment == "..") return std::nullopt;
      start = slash + 1;
    }
    return fs::path{root_.string() + "/" + std::string{key}};
  }

  fs::path root_;
  std::vector<std::string> keys_;
  bool progress_ = false;
};

struct found_export {
  std::string id;
  std::string summary_key;
};

/// Every `AWSDynamoDB/<id>/manifest-summary.json`, in ExportId order.
std::vector<found_export> exports_in(const std::vector<std::string>& keys, std::optional<std::string_view> only) {
  constexpr std::string_view tail = "/manifest-summary.json", root = "AWSDynamoDB/";
  std::vector<found_export> found;
  for (const auto& key : keys) {
    if (!key.ends_with(tail)) continue;
    const std::string_view folder = std::string_view{key}.substr(0, key.size() - tail.size());
    const auto slash = folder.rfind('/');
    const std::string_view id = slash == std::string_view::npos ? folder : folder.substr(slash + 1);
    const std::string_view parent = folder.substr(0, folder.size() - id.size());
    if (id.empty() || !parent.ends_with(root) || (parent.size() > root.size() && parent[parent.size() - root.size() - 1] != '/'))
      continue;
    if (only && id != *only) continue;
    found.push_back({std::string{id}, key});
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return found;
}

struct options {
  std::optional<std::string> export_id;
  std::optional<std::string> description_file;
  std::vector<std::string> key_names;
  bool track_keys = false;
  std::optional<std::string> dir;
};

options parse(int argc, char** argv) {
  options o;
  const auto value = [&](int& i, std::string_view flag) -> std::string {
    if (i + 1 >= argc) usage_error(std::string{flag} + " needs a value");
    return argv[++i];
  };
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--help" || a == "-h") {
      std::cout << usage << help;
      std::exit(0);
    }
    if (a == "--version") {
      std::cout << "ddbexport-verify " << DDBEXPORT_VERSION_MAJOR << "." << DDBEXPORT_VERSION_MINOR << "."
                << DDBEXPORT_VERSION_PATCH << "\n";
      std::exit(0);
    }
    if (a == "--export") {
      o.export_id = value(i, a);
    } else if (a == "--description") {
      o.description_file = value(i, a);
    } else if (a == "--key-schema") {
      const std::string names = value(i, a);
      o.key_names.clear();
      std::size_t start = 0;
      for (std::size_t comma; start <= names.size(); start = comma + 1) {
        comma = std::min(names.find(',', start), names.size());
        o.key_names.push_back(names.substr(start, comma - start));
      }
      if (o.key_names.size() > 2 || std::any_of(o.key_names.begin(), o.key_names.end(), [](const auto& n) { return n.empty(); }))
        usage_error("--key-schema takes one or two attribute names: NAME[,NAME]");
    } else if (a == "--track-keys") {
      o.track_keys = true;
    } else if (a.starts_with("-") && a != "-") {
      usage_error("unknown option " + std::string{a});
    } else if (o.dir) {
      usage_error("one DIR only");
    } else {
      o.dir = std::string{a};
    }
  }
  if (!o.dir) usage_error("DIR is missing");
  return o;
}

/// The description file: a DescribeExport body, or a bare ExportDescription.
struct description_file {
  std::string text;
  std::optional<ddbexport::json::owning_arena> storage;
  ddbexport::export_description description;

  explicit description_file(const std::string& path) {
    auto read = read_whole(path);
    if (!read) usage_error("cannot read " + path);
    text = std::move(*read);
    storage.emplace(text.size());
    ddbexport::export_response response;
    if (ddbexport::json::read(text, response, *storage) && response.export_description) {
      description = *response.export_description;
      return;
    }
    storage.emplace(text.size());
    if (!ddbexport::json::read(text, description, *storage))
      usage_error(path + " holds neither a DescribeExport response nor an ExportDescription");
    if (!description.export_arn) usage_error(path + ": the ExportDescription has no ExportArn");
  }

  /// Whether it names the export with this id.
  [[nodiscard]] bool names(std::string_view id) const {
    const std::string_view arn = description.export_arn.value_or("");
    const auto at = arn.rfind("/export/");
    return at != std::string_view::npos && arn.substr(at + 8) == id;
  }
};

}  // namespace

int main(int argc, char** argv) {
  const options o = parse(argc, argv);
  std::error_code ec;
  if (!fs::is_directory(*o.dir, ec)) usage_error("not a directory: " + *o.dir);
  std::optional<description_file> description;
  if (o.description_file) description.emplace(*o.description_file);

  directory_bundle bundle{*o.dir};
  bundle.progress(isatty(STDERR_FILENO) == 1);
  const auto exports = exports_in(bundle.keys(), o.export_id);
  if (exports.empty())
    usage_error(o.export_id ? "no export " + *o.export_id + " under " + *o.dir
                            : "no AWSDynamoDB/<id>/manifest-summary.json under " + *o.dir);

  std::vector<art::key_attribute> schema;
  for (std::size_t i = 0; i < o.key_names.size(); ++i) schema.push_back({o.key_names[i], i == 1, std::nullopt});

  bool valid = true;
  std::string out = "{\"valid\":";
  std::string reports;
  ddbexport::container_output<std::string> w{reports};
  for (std::size_t i = 0; i < exports.size(); ++i) {
    art::verify_context c;
    if (!schema.empty()) c.key_schema = std::span<const art::key_attribute>{schema};
    c.track_keys = o.track_keys;
    c.complete = true;
    if (description && description->names(exports[i].id)) c.description = &description->description;
    const auto report = art::verify_export(exports[i].summary_key, bundle, c);
    valid = valid && report.valid();
    std::string prefix = "\"exportId\":";
    ddbexport::container_output<std::string> p{prefix};
    ddbexport::detail::write_json_string(p, exports[i].id);
    prefix += ",";
    if (i != 0) reports += ",";
    art::write_report(report, w, prefix);
  }
  out += valid ? "true" : "false";
  out += ",\"exports\":[" + reports + "]}\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return valid ? 0 : 1;
}
