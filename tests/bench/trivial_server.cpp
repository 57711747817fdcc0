// The peer of item 8's HTTP row: the least a cpp-httplib service can do, a
// handler that answers every POST with one fixed 200 JSON body (an
// ExportDescription of about the size of ddbexport-server's DescribeExport answer, ~450 bytes).
// Keep-alive without a request cap (httplib's default closes after 5) and
// TCP_NODELAY, as ddbexport-server has them.
//
//   bench-trivial-server PORT     (0: any free port) prints `listening on PORT` once bound

#include <httplib.h>

#include <cstdlib>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: bench-trivial-server PORT\n";
    return 1;
  }
  static const std::string body =
      R"j({"ExportDescription":{"ClientToken":"bench-http-1",)j"
      R"j("ExportArn":"arn:aws:dynamodb:us-east-1:123456789012:table/Music/export/01790000000000-0badcafe",)j"
      R"j("ExportFormat":"DYNAMODB_JSON","ExportStatus":"IN_PROGRESS","ExportTime":1.790000000123E9,)j"
      R"j("ExportType":"FULL_EXPORT","S3Bucket":"bench-exports","S3SseAlgorithm":"AES256","StartTime":1.790000000123E9,)j"
      R"j("TableArn":"arn:aws:dynamodb:us-east-1:123456789012:table/Music","TableId":"0b5e7c1d-92f4-4a3b-8e6d-5c4f3a2b1e0d"}})j";
  httplib::Server server;
  server.set_keep_alive_max_count(1000000);
  server.set_tcp_nodelay(true);  // as ddbexport-server: headers and body are two writes
  server.Post(".*", [](const httplib::Request&, httplib::Response& res) {
    res.status = 200;
    res.set_content(body, "application/x-amz-json-1.0");
  });
  int port = std::atoi(argv[1]);
  if (port == 0) port = server.bind_to_any_port("127.0.0.1");
  else if (!server.bind_to_port("127.0.0.1", port)) port = -1;
  if (port <= 0) {
    std::cerr << "bench-trivial-server: cannot bind port " << port << "\n";
    return 1;
  }
  std::cout << "listening on " << port << std::endl;
  server.listen_after_bind();
  return 0;
}
