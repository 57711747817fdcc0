// ddbexport-server: a DynamoDB-compatible endpoint for ExportTableToPointInTime,
// DescribeExport and ListExports, for local testing of export pipelines. The
// library answers (ddbexport/service/); this program does the I/O: sockets
// (cpp-httplib), the clock, randomness, the state file, the journal and the
// exports' objects under --s3-root (zlib for the data files).
//
// Exit status: 0 after SIGTERM/SIGINT or --help/--version; 2 for a bad
// command line, an address it cannot listen on, a malformed state file, an
// unusable --store path or an unusable --s3-root directory.

#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <sys/random.h>

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "ddbexport/service/handle.hpp"
#include "ddbexport/service/memory_store.hpp"
#include "ddbexport/version.hpp"
#include "server/http_host.hpp"
#include "server/journal.hpp"
#include "server/lifecycle_driver.hpp"
#include "server/options.hpp"
#include "server/s3_root.hpp"
#include "server/state.hpp"

namespace {

using namespace ddbexport_server;
namespace service = ddbexport::service;

/// The system's randomness (getrandom), safe from any thread.
struct system_random {
  void fill(std::span<std::uint8_t> out) {
    std::size_t done = 0;
    while (done < out.size()) {
      const ssize_t n = ::getrandom(out.data() + done, out.size() - done, 0);
      if (n > 0) done += static_cast<std::size_t>(n);
    }
  }
};

ddbexport::timestamp system_now() {
  return ddbexport::from_epoch_ms(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count());
}

int usage_error(const std::string& message) {
  std::cerr << "ddbexport-server: " << message << "\n" << usage;
  return 2;
}
int start_error(const std::string& message) {
  std::cerr << "ddbexport-server: " << message << "\n";
  return 2;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in{path, std::ios::binary};
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return text.str();
}

using store_type = service::memory_store<file_journal>;
using driver_type = lifecycle_driver<store_type, system_random>;

/// One request through the core: the lifecycle first, then the answer.
class endpoint {
 public:
  endpoint(const world& w, store_type& store, driver_type& driver) : world_(w), store_(store), driver_(driver) {}

  void serve(const httplib::Request& req, httplib::Response& res, std::string_view body, bool over_limit) {
    exchange_state* state = current_exchange;
    std::vector<service::http_header> headers;
    headers.reserve(req.headers.size());
    for (const auto& [name, value] : req.headers)
      if (name != "REMOTE_ADDR" && name != "REMOTE_PORT" && name != "LOCAL_ADDR" && name != "LOCAL_PORT")
        headers.push_back({name, value});
    const service::http_request request{req.method, headers, body, over_limit};

    // Now, the exports due by it, the answer and the export it creates, in one turn (lifecycle_driver.hpp).
    const service::answer a = driver_.turn(system_now, [&](ddbexport::timestamp now, bool ended) {
      if (state) state->now_ms = ddbexport::to_epoch_ms(now);
      service::handled outcome;
      if (!ended) {
        outcome = service::handled::refused({service::usage_problem::store_failed, "ending a due export"});
      } else {
        const world_tables tables{&world_, now};
        const world_facts facts{&world_};
        service::service_context<world_tables, system_random, world_facts> context;
        context.now = now;
        context.random = &random_;
        context.region = world_.region;
        context.partition = world_.partition;
        context.caller_account_id = world_.account;
        context.tables = &tables;
        context.destination = &facts;
        outcome = service::handle(request, context, store_);
      }
      service::answer answer = outcome.answer ? std::move(*outcome.answer)
                                              : service::internal_error_answer(request, *outcome.usage, random_);
      if (answer.recorded_export_arn) driver_.track(*answer.recorded_export_arn, now);
      return answer;
    });

    res.status = a.status;
    res.body = a.body;
    a.for_each_header([&](std::string_view name, std::string_view value) {
      if (name != "Content-Length") res.headers.emplace(std::string{name}, std::string{value});
    });
    if (state) {
      state->core_answered = true;
      state->omit_content_type = a.content_type.empty();
      if (a.close_connection) state->close_after = true;
    }
  }

  std::string request_id() {
    std::array<std::uint8_t, service::request_id_size> bytes{};
    random_.fill(bytes);
    const auto id = service::detail::request_id_from(bytes);
    return std::string{id.data(), id.size()};
  }

 private:
  const world& world_;
  store_type& store_;
  driver_type& driver_;
  system_random random_;
};

/// Content-Length as sent, if it is a plain decimal number.
std::optional<std::uint64_t> content_length(const httplib::Request& req) {
  if (!req.has_header("Content-Length")) return std::nullopt;
  const std::string text = req.get_header_value("Content-Length");
  if (text.empty() || text.size() > 19) return std::nullopt;
  std::uint64_t n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return n;
}

bool is_chunked(const httplib::Request& req) {
  return req.get_header_value("Transfer-Encoding").find("chunked") != std::string::npos;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  options opts;
  std::string error;
  if (!parse_options(args, opts, error)) return usage_error(error);
  if (opts.help) {
    std::cout << usage;
    return 0;
  }
  if (opts.version) {
    std::cout << "ddbexport-server " << DDBEXPORT_VERSION_MAJOR << "." << DDBEXPORT_VERSION_MINOR << "."
              << DDBEXPORT_VERSION_PATCH << "\n";
    return 0;
  }

  const ddbexport::timestamp start = system_now();
  world w;
  {
    std::string text = "{}";
    if (opts.state_file) {
      const auto file = read_file(*opts.state_file);
      if (!file) return start_error("cannot read the state file " + *opts.state_file);
      text = *file;
    }
    if (!load_world(text, start, w, error)) return start_error("malformed state file: " + error);
  }

  file_journal journal;
  store_type store;
  if (opts.store_file) {
    if (!journal.open(*opts.store_file, error)) return start_error("unusable --store: " + error);
    journal.replay(store, std::cerr);
    store.set_journal(&journal);
  }
  s3_root objects;
  if (opts.s3_root && !objects.open(*opts.s3_root, error)) return start_error("unusable --s3-root: " + error);
  system_random driver_random;
  driver_type driver{opts.complete_after_ms, w, store, driver_random, opts.s3_root ? &objects : nullptr, std::cerr};
  // Exports restored in progress end on the same schedule.
  store.list(service::list_query{{w.account, w.region}}, [&](const service::list_entry& e) {
    if (e.export_status.is(ddbexport::export_status::in_progress)) driver.track(std::string{e.export_arn}, e.start_time);
    return true;
  });
  endpoint service_endpoint{w, store, driver};

  // SIGTERM and SIGINT go to one thread that stops the server; every other
  // thread (httplib's pool included) inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  ::signal(SIGPIPE, SIG_IGN);
  ::signal(SIGXFSZ, SIG_IGN);  // a write past RLIMIT_FSIZE fails (and is answered 500) instead of killing

  // Bodies (up to 16 MiB) are mapped and given back when freed: glibc's
  // sliding threshold would otherwise keep each one in its thread's arena,
  // and the threads' arenas grow to gigabytes under a stream of large bodies.
  ::mallopt(M_MMAP_THRESHOLD, 256 * 1024);

  host_server server;
  server.set_payload_max_length(service::max_body_bytes);
  server.set_keep_alive_max_count(1000000);
  // Headers and body go out in two writes: without TCP_NODELAY, Nagle holds
  // the body for the client's delayed ACK (40 ms an answer on one connection).
  server.set_tcp_nodelay(true);
  // Only SO_REUSEADDR: httplib's default SO_REUSEPORT would let a second server share a busy port.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    if (req.method == "POST") return httplib::Server::HandlerResponse::Unhandled;
    // Other methods are answered without their body, which is then left unread.
    if (exchange_state* state = current_exchange;
        state && (is_chunked(req) || content_length(req).value_or(0) > 0 || (req.has_header("Content-Length") && !content_length(req)))) {
      state->close_after = true;
      state->unread_body = true;
    }
    service_endpoint.serve(req, res, {}, false);
    return httplib::Server::HandlerResponse::Handled;
  });
  // A body announced over 16 MiB is answered before it is sent: 413, and the connection closes.
  server.set_expect_100_continue_handler([&](const httplib::Request& req, httplib::Response& res) {
    if (req.method != "POST" || content_length(req).value_or(0) <= service::max_body_bytes) return 100;
    if (exchange_state* state = current_exchange) state->close_after = state->unread_body = true;
    service_endpoint.serve(req, res, {}, true);
    return res.status;
  });
  server.Post(".*", [&](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
    exchange_state* state = current_exchange;
    std::string body;
    bool over_limit = false;
    bool read_ok = true;
    const auto length = content_length(req);
    const auto receive = [&](const char* data, std::size_t n) {
      if (body.size() + n > service::max_body_bytes) {
        over_limit = true;
        return false;
      }
      body.append(data, n);
      return true;
    };
    if (is_chunked(req)) {
      read_ok = reader(receive) || over_limit;
    } else if (length && *length > service::max_body_bytes) {
      over_limit = true;  // not read: the answer is 413 whatever the rest says
    } else if (length && *length > 0) {
      body.reserve(*length);  // one allocation of the size announced, at most 16 MiB
      read_ok = reader(receive) || over_limit;
    } else if (req.has_header("Content-Length") && !length) {
      read_ok = false;
    }
    if (!read_ok) {
      // A body that could not be read (a broken connection, an unknown Content-Encoding).
      res.status = 400;
      if (state) state->close_after = true;
      return;
    }
    if (over_limit && state) state->close_after = state->unread_body = true;
    service_endpoint.serve(req, res, body, over_limit);
  });
  server.set_post_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    server.finish_headers(req, res, [&] { return service_endpoint.request_id(); });
  });

  const bool bound = opts.port == 0 ? server.bind_to_any_port(opts.host) > 0 : server.bind_to_port(opts.host, opts.port);
  if (!bound) return start_error("cannot listen on " + opts.host + " port " + std::to_string(opts.port));
  // httplib listens with a backlog of 5: a burst of connections would have
  // SYNs dropped and retried a second later. Listening again resizes it.
  ::listen(server.listening_socket(), 1024);
  std::cout << "listening on http://" << bound_address(server.listening_socket()) << std::endl;

  // httplib's stop() does nothing until listen has begun, so a signal that
  // comes right after the listening line waits for it. `finished` (under the
  // mutex) keeps the thread off the server once main is done with it.
  std::mutex stop_mutex;
  bool finished = false;
  std::thread signal_thread{[&] {
    int received = 0;
    sigwait(&stop_signals, &received);
    server.begin_stop();
    for (;;) {
      {
        std::lock_guard lock{stop_mutex};
        if (finished) return;
        if (server.is_running()) {
          server.stop();
          return;
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }};
  signal_thread.detach();
  const bool listened = server.listen_after_bind();
  {
    std::lock_guard lock{stop_mutex};
    finished = true;
  }
  std::cout.flush();
  // A stop always ends in listen_after_bind returning; anything else is a failure to listen.
  return listened || server.stopping() ? 0 : 2;
}
