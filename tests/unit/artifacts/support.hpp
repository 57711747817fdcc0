// Shared by the artifact tests: golden files, a collecting sink, rule-id sets.
#ifndef DDBEXPORT_TESTS_UNIT_ARTIFACTS_SUPPORT_HPP
#define DDBEXPORT_TESTS_UNIT_ARTIFACTS_SUPPORT_HPP

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ddbexport/artifacts/rules.hpp"

#ifndef DDBEXPORT_ARTIFACTS_TESTS_DIR
#error "DDBEXPORT_ARTIFACTS_TESTS_DIR must name tests/unit/artifacts"
#endif

namespace artifacts_test {

namespace fs = std::filesystem;
inline const fs::path tests_dir{DDBEXPORT_ARTIFACTS_TESTS_DIR};
inline const fs::path golden_dir = tests_dir / "golden";
inline const fs::path bucket_dir = golden_dir / "bucket";

inline std::string read_file(const fs::path& path) {
  std::ifstream in{path, std::ios::binary};
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::vector<std::string> read_lines(const fs::path& path) {
  std::vector<std::string> lines;
  std::istringstream in{read_file(path)};
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

/// Every file under bucket/, as key -> bytes.
inline std::vector<std::pair<std::string, std::string>> golden_objects() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& e : fs::recursive_directory_iterator(bucket_dir))
    if (e.is_regular_file()) out.emplace_back(fs::relative(e.path(), bucket_dir).generic_string(), read_file(e.path()));
  std::sort(out.begin(), out.end());
  return out;
}

struct collect {
  std::vector<ddbexport::artifacts::finding> all;
  void accept(ddbexport::artifacts::finding f) { all.push_back(std::move(f)); }
  [[nodiscard]] std::set<std::string> ids() const {
    std::set<std::string> s;
    for (const auto& f : all) s.emplace(ddbexport::artifacts::id(f.rule));
    return s;
  }
  [[nodiscard]] std::string dump() const {
    std::string s;
    for (const auto& f : all) s += std::string{ddbexport::artifacts::id(f.rule)} + " " + f.path + ": " + f.message + "\n";
    return s;
  }
};

}  // namespace artifacts_test

#endif
