// Item 8's HTTP row: one client, the same for both servers, measuring
// requests/s and latency over keep-alive connections.
//
//   bench-http-client --ddbexport PORT --trivial PORT [--seconds S] [--threads T] --out FILE.json
//
// What ddbexport-server is asked: DescribeExport of one export the client
// creates first. It is the steady state of a server: every request is read,
// validated, looked up, written and CRC'd by the service core, but the store
// does not grow during the run, so the 30 s measure one workload throughout
// (ExportTableToPointInTime with fresh tokens would add an export per call:
// hundreds of thousands of records and their lifecycle by the end, and a
// different server at the end than at the start). The trivial handler gets
// the very same request bytes and answers a fixed body of about the same size.
// Each of T threads has its own httplib::Client (one keep-alive connection)
// and sends back to back for S seconds; every answer must be 200, or the run stops.

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

struct result {
  std::size_t requests = 0;
  double seconds = 0;
  std::vector<double> latencies_us;
  void add(const result& r) {
    requests += r.requests;
    seconds += r.seconds;
    latencies_us.insert(latencies_us.end(), r.latencies_us.begin(), r.latencies_us.end());
  }
};

httplib::Headers headers_for(const std::string& op) { return {{"X-Amz-Target", "DynamoDB_20120810." + op}}; }

result measure(int port, const std::string& body, int threads, double seconds) {
  std::vector<std::vector<double>> latencies(static_cast<std::size_t>(threads));
  std::atomic<bool> failed{false};
  std::vector<std::thread> pool;
  const auto start = std::chrono::steady_clock::now();
  const auto deadline = start + std::chrono::duration<double>(seconds);
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      httplib::Client client{"127.0.0.1", port};
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      const auto headers = headers_for("DescribeExport");
      auto& mine = latencies[static_cast<std::size_t>(t)];
      mine.reserve(1 << 20);
      while (!failed) {
        const auto a = std::chrono::steady_clock::now();
        if (a >= deadline) break;
        const auto res = client.Post("/", headers, body, "application/x-amz-json-1.0");
        const auto b = std::chrono::steady_clock::now();
        if (!res || res->status != 200) {
          std::cerr << "bench-http-client: port " << port << " answered " << (res ? res->status : -1) << "\n";
          failed = true;
          break;
        }
        mine.push_back(std::chrono::duration<double, std::micro>(b - a).count());
      }
    });
  }
  for (auto& t : pool) t.join();
  if (failed) std::exit(2);
  result r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (auto& v : latencies) r.latencies_us.insert(r.latencies_us.end(), v.begin(), v.end());
  r.requests = r.latencies_us.size();
  return r;
}

std::string json_of(result r) {
  auto& all = r.latencies_us;
  std::sort(all.begin(), all.end());
  const auto at = [&](std::size_t per_mille) { return all.empty() ? 0.0 : all[std::min(all.size() - 1, all.size() * per_mille / 1000)]; };
  std::ostringstream o;
  o << "{\"requests\":" << r.requests << ",\"seconds\":" << r.seconds << ",\"rps\":" << double(r.requests) / r.seconds
    << ",\"p50_us\":" << at(500) << ",\"p99_us\":" << at(990) << "}";
  return o.str();
}

}  // namespace

int main(int argc, char** argv) {
  int ddb_port = 0, trivial_port = 0, threads = 2;
  double seconds = 30;
  std::string out;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--ddbexport") ddb_port = std::stoi(v);
    else if (a == "--trivial") trivial_port = std::stoi(v);
    else if (a == "--seconds") seconds = std::stod(v);
    else if (a == "--threads") threads = std::stoi(v);
    else if (a == "--out") out = v;
  }
  if (ddb_port == 0 || trivial_port == 0 || out.empty()) {
    std::cerr << "usage: bench-http-client --ddbexport PORT --trivial PORT [--seconds S] [--threads T] --out FILE.json\n";
    return 1;
  }
  // The export every DescribeExport asks about (the server's default world: table Music, PITR on).
  httplib::Client setup{"127.0.0.1", ddb_port};
  const auto created = setup.Post("/", headers_for("ExportTableToPointInTime"),
                                  R"j({"TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/Music","S3Bucket":"bench-exports","ClientToken":"bench-http-1"})j",
                                  "application/x-amz-json-1.0");
  const std::string key = "\"ExportArn\":\"";
  const auto at = created ? created->body.find(key) : std::string::npos;
  if (!created || created->status != 200 || at == std::string::npos) {
    std::cerr << "bench-http-client: ddbexport-server did not create the export\n";
    return 2;
  }
  const std::string arn = created->body.substr(at + key.size(), created->body.find('"', at + key.size()) - at - key.size());
  const std::string body = "{\"ExportArn\":\"" + arn + "\"}";
  const auto described = setup.Post("/", headers_for("DescribeExport"), body, "application/x-amz-json-1.0");
  if (!described || described->status != 200 || described->body.find(arn) == std::string::npos) {
    std::cerr << "bench-http-client: ddbexport-server did not describe the export\n";
    return 2;
  }
  // A short warm-up of each, then trivial and ddbexport alternately, each
  // S/2 seconds twice, so a change of load hits both alike.
  measure(trivial_port, body, threads, 1);
  measure(ddb_port, body, threads, 1);
  result trivial, ddb;
  for (int round = 0; round < 2; ++round) {
    trivial.add(measure(trivial_port, body, threads, seconds / 2));
    ddb.add(measure(ddb_port, body, threads, seconds / 2));
  }
  std::ostringstream o;
  o << "{\"threads\":" << threads << ",\"seconds\":" << seconds << ",\"request\":\"DescribeExport\",\"answer_bytes\":"
    << described->body.size() << ",\"trivial\":" << json_of(trivial) << ",\"ddbexport\":" << json_of(ddb) << "}\n";
  std::ofstream{out} << o.str();
  std::cout << o.str();
  return 0;
}
