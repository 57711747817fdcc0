// Item 7 of issue 14: verifying a synthetic 1 GiB export against the
// physical floor of the job, in one program that tests/bench/run.sh runs.
//
//   bench-verify --dir DIR [--gib G] [--reps N] --out FILE.json
//
// The export (a full DYNAMODB_JSON export of G GiB of item lines, in 64 MiB
// data files, gzip level 6 = zlib's default, what DynamoDB's files look like)
// is generated once under DIR and reused while its parameters match. Then,
// interleaved N times, each in a child process of its own (so that
// getrusage(RUSAGE_CHILDREN)-style figures, CPU time and peak RSS, are the
// job's alone):
//
//   verifier  verify_export over the files, zlib as the inflater exactly as
//             ddbexport-verify feeds it (tests/examples/verify/zlib_feed.hpp),
//             1 MiB reads; the report must be valid, or the run stops;
//   floor     what any verifier of this format must do at least: read every
//             object, inflate each data file with zlib in gzip mode (which
//             also checks the CRC-32 and ISIZE trailer, as A-GZIP requires),
//             MD5 of each data file's stored bytes (md5Checksum; the one-part
//             ETag is the MD5 of that digest) and MD5 of both manifests (their
//             sidecars). ddbexport's MD5 is used: item 5 measures it at 1.0x OpenSSL.
//
// Output: JSON with the medians, every repetition and the peak RSS.

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "data_corpus.hpp"
#include "ddbexport/ddbexport.hpp"
#include "server/export_artifacts.hpp"
#include "verify/zlib_feed.hpp"

namespace fs = std::filesystem;
namespace art = ddbexport::artifacts;
using namespace ddbexport;

namespace {

constexpr std::size_t file_content_bytes = std::size_t{64} << 20;
constexpr int gzip_level = 6;  // zlib's default, which export_artifacts.hpp's gzip_member uses
constexpr std::string_view bucket = "bench-exports";

struct params {
  fs::path dir;
  double gib = 1.0;
  int reps = 3;
  fs::path out;
};

export_description the_description(std::int64_t items, std::int64_t bytes) {
  export_description d;
  d.export_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/export/01790000000000-0badcafe";
  d.export_status = export_status::completed;
  d.start_time = from_epoch_ms(1790000000000);
  d.end_time = from_epoch_ms(1790000600000);
  d.export_time = from_epoch_ms(1790000000000);
  d.table_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders";
  d.table_id = "0b5e7c1d-92f4-4a3b-8e6d-5c4f3a2b1e0d";
  d.s3_bucket = bucket;
  d.s3_prefix = "bench";
  d.s3_sse_algorithm = s3_sse_algorithm::aes256;
  d.export_format = export_format::dynamodb_json;
  d.export_type = export_type::full_export;
  d.item_count = items;
  d.billed_size_bytes = bytes;
  return d;
}

std::string read_whole(const fs::path& p) {
  std::ifstream in{p, std::ios::binary};
  return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}
void write_whole(const fs::path& p, std::string_view bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream out{p, std::ios::binary};
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    std::cerr << "bench-verify: cannot write " << p << "\n";
    std::exit(2);
  }
}

std::string stamp_of(const params& p) {
  std::ostringstream s;
  s << "gib=" << p.gib << " file_bytes=" << file_content_bytes << " level=" << gzip_level << " seed=" << bench::default_seed;
  return s.str();
}

/// Writes the export under p.dir/<bucket>/ (one data file in memory at a time).
void generate(const params& p) {
  const fs::path root = p.dir / std::string{bucket};
  fs::remove_all(p.dir);
  const auto total = static_cast<std::size_t>(p.gib * double(std::size_t{1} << 30));
  const std::size_t files = std::max<std::size_t>(1, (total + file_content_bytes - 1) / file_content_bytes);
  bench::rng r{bench::default_seed + 7};
  const auto layout = *art::layout_of(the_description(0, 0));
  std::vector<std::string> keys;
  std::vector<art::files_entry_text> sums;
  std::vector<std::int64_t> counts;
  std::int64_t items = 0;
  std::size_t left = total;
  for (std::size_t f = 0; f < files; ++f) {
    bench::text_pool pool;  // per file, so memory stays one file's worth
    bench::detail::item_builder b{r, pool};
    std::string content;
    content.reserve(file_content_bytes + 4096);
    std::int64_t lines = 0;
    const std::size_t want = std::min(left, file_content_bytes);
    while (content.size() < want) {
      const auto c = bench::detail::item_line(b.everyday(), pool);
      content += c.text;
      content += '\n';
      ++lines;
    }
    left -= std::min(left, content.size());
    const auto member = ddbexport_server::gzip_member(content);
    if (!member) std::exit(2);
    std::array<std::uint8_t, 16> name_bytes{};
    for (auto& x : name_bytes) x = static_cast<std::uint8_t>(r.next());
    const auto name = art::data_file_name(std::span<const std::uint8_t, 16>{name_bytes});
    keys.push_back(layout.data_file_key(std::string_view{name.data(), name.size()}, export_format::dynamodb_json));
    sums.push_back(art::checksums_of(*member));
    counts.push_back(lines);
    items += lines;
    write_whole(root / keys.back(), *member);
    std::cerr << "bench-verify: wrote " << keys.back() << " (" << content.size() << " bytes of lines, " << member->size()
              << " stored)\n";
  }
  std::vector<art::files_entry> entries;
  for (std::size_t i = 0; i < files; ++i) entries.push_back({counts[i], sums[i].md5_checksum.view(), sums[i].etag, keys[i]});
  const auto d = the_description(items, static_cast<std::int64_t>(total));
  json::owning_arena storage{1024};
  art::manifest_summary summary;
  if (const auto refused = art::summary_for(d, summary, storage)) {
    std::cerr << "bench-verify: no summary: " << *refused << "\n";
    std::exit(2);
  }
  const auto with_sidecar = [&](const std::string& key, const auto& write) {
    std::string text, sidecar;
    container_output<std::string> t{text}, s{sidecar};
    write(t);
    art::write_sidecar(text, s);
    write_whole(root / key, text);
    write_whole(root / art::sidecar_keys(key)[0], sidecar);
  };
  write_whole(root / layout.started_key(), {});
  with_sidecar(layout.files_manifest_key(), [&](auto& t) { art::write_files_manifest(entries, t); });
  with_sidecar(layout.summary_key(), [&](auto& t) { (void)art::write_summary(summary, t); });
  write_whole(p.dir / "stamp", stamp_of(p));
}

/// Reads `path` in 1 MiB chunks, calling f(chunk).
template <class F>
bool read_chunks(const fs::path& path, F&& f) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return false;
  std::vector<char> chunk(1 << 20);
  for (;;) {
    const ssize_t n = ::read(fd, chunk.data(), chunk.size());
    if (n <= 0) break;
    f(std::string_view{chunk.data(), static_cast<std::size_t>(n)});
  }
  ::close(fd);
  return true;
}

/// The bucket directory as the verifier's bundle (the tool's, less listing).
struct bundle {
  fs::path root;
  std::optional<std::string> object(std::string_view key) const {
    const fs::path p = root / std::string{key};
    if (!fs::is_regular_file(p)) return std::nullopt;
    return read_whole(p);
  }
  bool data_file(std::string_view key, art::data_file_feed& feed) {
    ddbexport_verify::zlib_feed z{feed};
    if (!read_chunks(root / std::string{key}, [&](std::string_view c) { z.stored(c); })) return false;
    z.finish();
    return true;
  }
};

std::string summary_key() { return art::layout_of(the_description(0, 0))->summary_key(); }

int run_verifier(const params& p) {
  bundle b{p.dir / std::string{bucket}};
  const art::verify_context c{};
  const auto report = art::verify_export(summary_key(), b, c);
  if (!report.valid() || report.files.empty()) {
    for (const auto& v : report.violations) std::cerr << "bench-verify: " << v.message << "\n";
    return 3;
  }
  return 0;
}

int run_floor(const params& p) {
  const fs::path root = p.dir / std::string{bucket};
  const auto layout = *art::layout_of(the_description(0, 0));
  std::uint64_t sink = 0;
  for (const auto& key : {layout.summary_key(), layout.files_manifest_key()}) {
    const std::string text = read_whole(root / key);
    const std::string sidecar = read_whole(root / art::sidecar_keys(key)[0]);
    sink += art::md5_of(text)[0] + sidecar.size();
  }
  (void)read_whole(root / layout.started_key());
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator{root / layout.folder / "data"}) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<unsigned char> out(65536);
  for (const auto& f : files) {
    art::md5 h;
    z_stream z{};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return 3;
    int rc = Z_OK;
    read_chunks(f, [&](std::string_view c) {
      h.update(c);
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(c.data()));
      z.avail_in = static_cast<uInt>(c.size());
      while (z.avail_in > 0 && rc == Z_OK) {
        z.next_out = out.data();
        z.avail_out = static_cast<uInt>(out.size());
        rc = inflate(&z, Z_NO_FLUSH);
        sink += out[0];
      }
    });
    inflateEnd(&z);
    if (rc != Z_STREAM_END) return 3;
    const auto d = h.finish();
    sink += art::md5_of(art::digest_bytes(d).view())[0];  // the one-part ETag
  }
  return sink == 1 ? 4 : 0;  // keep the work observable
}

struct sample {
  double cpu_s = 0, wall_s = 0;
  long max_rss_kib = 0;
};

/// Runs `job` in a child; its CPU time, wall time and peak RSS.
template <class Job>
sample in_child(Job job, const char* what) {
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) _exit(job());
  int status = 0;
  rusage u{};
  wait4(pid, &status, 0, &u);
  const auto wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::cerr << "bench-verify: the " << what << " failed (status " << status << "): the run stops\n";
    std::exit(2);
  }
  sample s;
  s.cpu_s = double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
  s.wall_s = wall;
  s.max_rss_kib = u.ru_maxrss;
  return s;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string json_of(const std::vector<sample>& s) {
  std::vector<double> cpu, wall;
  long rss = 0;
  std::ostringstream o;
  o << "{\"reps\":[";
  for (std::size_t i = 0; i < s.size(); ++i) {
    o << (i ? "," : "") << "{\"cpu_s\":" << s[i].cpu_s << ",\"wall_s\":" << s[i].wall_s << ",\"max_rss_kib\":" << s[i].max_rss_kib
      << "}";
    cpu.push_back(s[i].cpu_s);
    wall.push_back(s[i].wall_s);
    rss = std::max(rss, s[i].max_rss_kib);
  }
  o << "],\"cpu_s\":" << median(cpu) << ",\"wall_s\":" << median(wall) << ",\"max_rss_kib\":" << rss << "}";
  return o.str();
}

}  // namespace

int main(int argc, char** argv) {
  params p;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--dir") p.dir = v;
    else if (a == "--gib") p.gib = std::stod(v);
    else if (a == "--reps") p.reps = std::stoi(v);
    else if (a == "--out") p.out = v;
    else {
      std::cerr << "usage: bench-verify --dir DIR [--gib G] [--reps N] --out FILE.json\n";
      return 1;
    }
  }
  if (p.dir.empty() || p.out.empty()) {
    std::cerr << "usage: bench-verify --dir DIR [--gib G] [--reps N] --out FILE.json\n";
    return 1;
  }
  // Generated in a child too, so its memory never shows in the parent's forks.
  if (!fs::exists(p.dir / "stamp") || read_whole(p.dir / "stamp") != stamp_of(p)) {
    std::cerr << "bench-verify: generating the export under " << p.dir << " (once)\n";
    in_child([&] { generate(p); return 0; }, "generation");
  }
  std::uint64_t stored = 0, files = 0;
  for (const auto& e : fs::recursive_directory_iterator{p.dir / std::string{bucket}})
    if (e.is_regular_file() && e.path().extension() == ".gz") stored += e.file_size(), ++files;
  std::vector<sample> verifier, floor;
  for (int i = 0; i < p.reps; ++i) {
    // Alternate which goes first, so the page cache and load hit both alike.
    if (i % 2 == 0) {
      verifier.push_back(in_child([&] { return run_verifier(p); }, "verifier"));
      floor.push_back(in_child([&] { return run_floor(p); }, "floor"));
    } else {
      floor.push_back(in_child([&] { return run_floor(p); }, "floor"));
      verifier.push_back(in_child([&] { return run_verifier(p); }, "verifier"));
    }
    std::cerr << "bench-verify: rep " << i + 1 << ": verifier " << verifier.back().cpu_s << " s, floor " << floor.back().cpu_s
              << " s CPU\n";
  }
  std::ostringstream o;
  o << "{\"content_bytes\":" << static_cast<std::uint64_t>(p.gib * double(std::size_t{1} << 30)) << ",\"stored_bytes\":" << stored
    << ",\"data_files\":" << files << ",\"gzip_level\":" << gzip_level << ",\"bound\":1.25,\"verifier\":" << json_of(verifier)
    << ",\"floor\":" << json_of(floor) << "}\n";
  std::ofstream{p.out} << o.str();
  std::cout << o.str();
  return 0;
}
