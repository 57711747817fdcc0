// Shared by the artifact tests: golden files, a collecting sink, rule-id sets.
#ifndef DDBEXPORT_TESTS_UNIT_ARTIFACTS_SUPPORT_HPP
#define DDBEXPORT_TESTS_UNIT_ARTIFACTS_SUPPORT_HPP

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "ddbexport/artifacts/rules.hpp"

#ifndef DDBEXPORT_ARTIFACTS_TESTS_DIR
#error "DDBEXPORT_ARTIFACTS_TESTS_DIR must name tests/unit/artifacts"
#endif

namespace artifacts_test {

namespace fs = std::filesystem;
/// A broken fixture (a golden file missing or unreadable): the test cannot
/// go on. An exception where there are exceptions (doctest reports it against
/// the test case), else a message and abort (CI's no-exceptions leg).
[[noreturn]] inline void fatal(const std::string& why) {
#if defined(__cpp_exceptions)
  throw std::runtime_error(why);
#else
  std::fprintf(stderr, "artifacts test fixture: %s\n", why.c_str());
  std::abort();
#endif
}

inline const fs::path tests_dir{DDBEXPORT_ARTIFACTS_TESTS_DIR};
inline const fs::path golden_dir = tests_dir / "golden";
inline const fs::path bucket_dir = golden_dir / "bucket";

inline std::string read_file(const fs::path& path) {
  std::ifstream in{path, std::ios::binary};
  if (!in) fatal("cannot read " + path.string());
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
