#ifndef DDBEXPORT_SERVER_HTTP_HOST_HPP
#define DDBEXPORT_SERVER_HTTP_HOST_HPP

// cpp-httplib 0.11 as the host of the service core. httplib parses requests
// and writes responses; this file takes over what the service needs exactly:
// - its own keep-alive loop (httplib's closes after 5 requests and cannot be
//   told to close after one answer), which also makes SIGTERM graceful: no new
//   connection is taken, every request already received is answered;
// - the 413 of SERVICE.md V-SYNTAX without reading the rest of the body, then
//   a closed connection;
// - the headers: V-HEADERS from the core, plus Date, `Server: Server` and
//   `Connection: keep-alive` (httplib writes `Keep-Alive: timeout=…` instead),
//   no Content-Type on the 404 page (httplib adds text/plain), no range or
//   gzip treatment of an answer (the body and x-amz-crc32 must agree).
// - a hostile network (issue 15, item 4): a request's head must arrive within
//   head_deadline_ms of its first byte and stay under max_head_bytes, the
//   whole request within request_deadline_ms (else httplib's 400 and a
//   close), so that a client sending a byte a second or endless headers holds
//   a thread for seconds, not for ever; 512 threads, so that 256 idle
//   connections leave plenty for the working ones; and when every thread is
//   busy all the same, an idle connection gives its thread up to one that
//   waits for it (otherwise each holds its thread for its 60 s keep-alive).

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>

#include "ddbexport/detail/crc32.hpp"
#include "ddbexport/service/handle.hpp"
#include "ddbexport/timestamp.hpp"

namespace ddbexport_server {

/// What the handlers tell the connection loop about the current exchange.
struct exchange_state {
  bool close_after = false;          ///< close once this answer is out
  bool unread_body = false;          ///< part of the body was left unread: linger before closing
  bool omit_content_type = false;    ///< the 404 page has none
  bool core_answered = false;        ///< the service core made this answer (and its V-HEADERS)
  std::int64_t now_ms = 0;           ///< the request's arrival time, for Date
};

inline thread_local exchange_state* current_exchange = nullptr;

/// IMF-fixdate (RFC 9110 §5.6.7): `Wed, 14 Oct 2026 17:46:40 GMT`.
inline std::string imf_fixdate(std::int64_t epoch_ms) {
  static constexpr std::string_view days[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  static constexpr std::string_view months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::int64_t seconds = ddbexport::detail::floor_div(epoch_ms, 1000);
  const std::int64_t day = ddbexport::detail::floor_div(seconds, 86400);
  const std::int64_t sod = seconds - day * 86400;
  const auto date = ddbexport::detail::civil_from_days(day);
  char text[64];
  std::snprintf(text, sizeof text, "%s, %02u %s %04lld %02lld:%02lld:%02lld GMT",
                std::string{days[((day % 7) + 7) % 7]}.c_str(), date.day, std::string{months[date.month - 1]}.c_str(),
                static_cast<long long>(date.year), static_cast<long long>(sod / 3600),
                static_cast<long long>(sod / 60 % 60), static_cast<long long>(sod % 60));
  return text;
}

/// A buffered socket stream, as httplib's own (which its split build keeps private).
class socket_stream final : public httplib::Stream {
 public:
  socket_stream(int sock, int read_timeout_ms, int write_timeout_ms) noexcept
      : sock_(sock), read_timeout_ms_(read_timeout_ms), write_timeout_ms_(write_timeout_ms) {}

  using clock = std::chrono::steady_clock;

  /// A new request begins (its first byte is here): its head must end by
  /// `head_by` within `max_head` bytes, the whole request by `request_by`.
  void begin_request(clock::time_point head_by, clock::time_point request_by, std::size_t max_head) noexcept {
    head_by_ = head_by;
    request_by_ = request_by;
    max_head_ = max_head;
    head_bytes_ = 0;
    head_state_ = 0;
  }

  bool is_readable() const override { return wait(POLLIN, read_wait_ms()); }
  bool is_writable() const override { return wait(POLLOUT, write_timeout_ms_); }

  ssize_t read(char* ptr, size_t size) override {
    // httplib reads a head one byte at a time: the size limit is checked on
    // every call, the clock only where a call can wait (a receive), which
    // is where a slow client's time goes. Once per byte, the clock was a
    // tenth of the server's time under load.
    if (head_too_long()) return -1;
    if (off_ < len_) {
      const size_t n = std::min(size, len_ - off_);
      std::memcpy(ptr, buffer_.data() + off_, n);
      off_ += n;
      return delivered(ptr, n);
    }
    if (past_limits()) return -1;
    if (!is_readable()) return -1;
    if (size >= buffer_.size()) {
      const ssize_t n = receive(ptr, size);
      return n <= 0 ? n : delivered(ptr, static_cast<size_t>(n));
    }
    const ssize_t n = receive(buffer_.data(), buffer_.size());
    if (n <= 0) return n;
    len_ = static_cast<size_t>(n);
    off_ = std::min(size, len_);
    std::memcpy(ptr, buffer_.data(), off_);
    return delivered(ptr, off_);
  }
  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    for (;;) {
      const ssize_t n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      return n;
    }
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override { address(true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { address(false, ip, port); }
  socket_t socket() const override { return sock_; }

  /// Bytes of a next request already here (read ahead, or waiting in the socket).
  [[nodiscard]] bool has_pending() const { return off_ < len_ || wait(POLLIN, 0); }
  [[nodiscard]] bool has_buffered() const noexcept { return off_ < len_; }

 private:
  bool wait(short events, int timeout_ms) const {
    pollfd p{sock_, events, 0};
    for (;;) {
      const int r = ::poll(&p, 1, timeout_ms);
      if (r < 0 && errno == EINTR) continue;
      return r > 0;
    }
  }
  /// A read waits no longer than the request has left.
  int read_wait_ms() const {
    if (head_by_ == clock::time_point{}) return read_timeout_ms_;
    const auto by = head_state_ == head_done ? request_by_ : std::min(head_by_, request_by_);
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(by - clock::now()).count();
    return static_cast<int>(std::clamp<std::int64_t>(left, 0, read_timeout_ms_));
  }
  bool head_too_long() const noexcept {
    return head_by_ != clock::time_point{} && head_state_ != head_done && head_bytes_ > max_head_;
  }
  bool past_limits() const {
    if (head_by_ == clock::time_point{}) return false;
    if (head_state_ != head_done && (head_bytes_ > max_head_ || clock::now() > head_by_)) return true;
    return clock::now() > request_by_;
  }
  /// Counts the head's bytes until its blank line (CR LF CR LF, the only end
  /// httplib knows) has gone by.
  ssize_t delivered(const char* ptr, size_t n) noexcept {
    for (size_t i = 0; i < n && head_state_ != head_done; ++i) {
      ++head_bytes_;
      const char c = ptr[i];
      const bool expected = (head_state_ % 2 == 0) ? c == '\r' : c == '\n';
      head_state_ = expected ? head_state_ + 1 : (c == '\r' ? 1 : 0);
    }
    return static_cast<ssize_t>(n);
  }
  ssize_t receive(char* ptr, size_t size) {
    for (;;) {
      const ssize_t n = ::recv(sock_, ptr, size, 0);
      if (n < 0 && errno == EINTR) continue;
      return n;
    }
  }
  void address(bool peer, std::string& ip, int& port) const {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    const int r = peer ? ::getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len)
                       : ::getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len);
    if (r != 0) return;
    char text[INET6_ADDRSTRLEN] = {};
    if (addr.ss_family == AF_INET6) {
      const auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
      ::inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
      port = ntohs(a->sin6_port);
    } else {
      const auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
      ::inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
      port = ntohs(a->sin_port);
    }
    ip = text;
  }

  static constexpr int head_done = 4;
  int sock_;
  int read_timeout_ms_;
  int write_timeout_ms_;
  clock::time_point head_by_{};
  clock::time_point request_by_{};
  std::size_t max_head_ = 0;
  std::size_t head_bytes_ = 0;
  int head_state_ = 0;  ///< how much of CR LF CR LF was last seen; head_done once all of it
  std::array<char, 4096> buffer_{};
  size_t off_ = 0;
  size_t len_ = 0;
};

/// httplib's thread pool, counting the accepted connections that wait for
/// a thread and the threads that serve one.
class counting_pool final : public httplib::ThreadPool {
 public:
  counting_pool(std::size_t threads, std::atomic<int>& waiting, std::atomic<int>& busy)
      : ThreadPool(threads), waiting_(&waiting), busy_(&busy) {}
  void enqueue(std::function<void()> fn) override {
    ++*waiting_;
    ThreadPool::enqueue([waiting = waiting_, busy = busy_, fn = std::move(fn)] {
      ++*busy;
      --*waiting;
      fn();
      --*busy;
    });
  }

 private:
  std::atomic<int>* waiting_;
  std::atomic<int>* busy_;
};

/// httplib's Server with the service's connection handling.
class host_server : public httplib::Server {
 public:
  /// How long an idle kept-alive connection is held open.
  static constexpr int keep_alive_ms = 60'000;
  static constexpr int poll_slice_ms = 100;
  /// While every thread is busy and an accepted connection waits for one,
  /// an idle connection gives its thread up after this long: a kept-alive
  /// one soon (its client must be ready for that, RFC 9112 §9.3.1), a new
  /// one that has not sent its first request yet after a second.
  static constexpr int crowded_kept_alive_ms = 20;
  static constexpr int crowded_new_ms = 1000;
  /// The limits of one request (see the top of this file). A request head of
  /// an SDK is a few KiB; 16 MiB (the service's body limit) takes well under
  /// a minute even at 1 MB/s.
  static constexpr int head_deadline_ms = 10'000;
  static constexpr int request_deadline_ms = 60'000;
  static constexpr std::size_t max_head_bytes = 64 * 1024;

  host_server() {
    new_task_queue = [this] { return new counting_pool(threads, waiting_, busy_); };
  }
  /// Room for hundreds of idle connections beside the working ones; a thread
  /// waiting in poll costs a few KiB of resident stack.
  static constexpr std::size_t threads = 512;

  /// No new request from now on; the answers in flight go out. The caller
  /// then stops the accept loop (stop(), once listen is running).
  void begin_stop() noexcept { stopping_ = true; }
  [[nodiscard]] bool stopping() const noexcept { return stopping_; }
  [[nodiscard]] int listening_socket() const noexcept { return svr_sock_; }

  /// The post-routing step, for every response (httplib's own error answers
  /// too): the connection header, Date, Server, Content-Length, and the
  /// V-HEADERS of an answer the core did not make. `request_id` gives one.
  template <class RequestId>
  void finish_headers(const httplib::Request& req, httplib::Response& res, RequestId&& request_id) const {
    exchange_state* state = current_exchange;
    const socket_stream* stream = current_stream;
    if (state && !state->core_answered) {
      // httplib answered by itself: a request it could not parse. Its headers
      // may still be in the stream, so this connection is done. A request line
      // whose method httplib does not know is still not POST: V-METHOD's page.
      state->close_after = true;
      if (res.status == 400 && !req.method.empty() && req.method.find_first_of(" \r\n") == std::string::npos &&
          !known_method(req.method)) {
        res.status = 404;
        res.body = std::string{ddbexport::service::unknown_operation_page};
        state->omit_content_type = true;
      }
    }
    // Stopping: the last request already received is told the connection closes.
    const bool closing = res.get_header_value("Connection") == "close" || (state && state->close_after) ||
                         (stopping_ && (!stream || !stream->has_pending()));
    if (state && closing) state->close_after = true;
    res.headers.erase("Keep-Alive");
    res.headers.erase("Connection");
    res.headers.emplace("Connection", closing ? "close" : "keep-alive");
    if (state && state->omit_content_type) res.headers.erase("Content-Type");
    res.headers.erase("Content-Length");
    res.headers.emplace("Content-Length", std::to_string(res.body.size()));
    res.headers.erase("Transfer-Encoding");
    res.headers.erase("Date");
    const std::int64_t now_ms = state && state->now_ms != 0
                                    ? state->now_ms
                                    : std::chrono::duration_cast<std::chrono::milliseconds>(
                                          std::chrono::system_clock::now().time_since_epoch())
                                          .count();
    res.headers.emplace("Date", imf_fixdate(now_ms));
    res.headers.erase("Server");
    res.headers.emplace("Server", "Server");
    if (!state || !state->core_answered) {
      res.headers.erase("x-amzn-RequestId");
      res.headers.emplace("x-amzn-RequestId", request_id());
      res.headers.erase("x-amz-crc32");
      res.headers.emplace("x-amz-crc32", std::to_string(ddbexport::detail::crc32(res.body)));
    }
  }

 private:
  bool process_and_close_socket(socket_t sock) override {
    socket_stream stream{sock, static_cast<int>(read_timeout_sec_ * 1000 + read_timeout_usec_ / 1000),
                         static_cast<int>(write_timeout_sec_ * 1000 + write_timeout_usec_ / 1000)};
    exchange_state state;
    current_exchange = &state;
    current_stream = &stream;
    for (bool served_one = false;; served_one = true) {
      if (!await_request(stream, served_one)) break;
      const auto first_byte = socket_stream::clock::now();
      stream.begin_request(first_byte + std::chrono::milliseconds(head_deadline_ms),
                           first_byte + std::chrono::milliseconds(request_deadline_ms), max_head_bytes);
      state = exchange_state{};
      bool closed = false;
      const bool ok = process_request(stream, false, closed, [&](httplib::Request& request) {
        // The answer is the service's bytes: no ranges, no compression.
        request.ranges.clear();
        request.headers.erase("Range");
        request.headers.erase("Accept-Encoding");
      });
      if (!ok || closed || state.close_after) break;
    }
    current_exchange = nullptr;
    current_stream = nullptr;
    if (state.unread_body) linger(sock);
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return true;
  }

  /// Waits for the next request on a connection, in slices so that a stop
  /// is seen within one, and gives the thread up while crowded (above): an
  /// idle crowd cannot keep the next client out (RFC 9112 §9.6 lets a
  /// server close an idle connection at any time).
  bool await_request(socket_stream& stream, bool served_one) const {
    if (stream.has_buffered()) return true;
    int crowded_for = 0;
    for (int waited = 0; waited < keep_alive_ms;) {
      const bool crowded = waiting_ > 0 && busy_ >= static_cast<int>(threads);
      const int slice = crowded ? crowded_kept_alive_ms : poll_slice_ms;
      pollfd p{stream.socket(), POLLIN, 0};
      const int r = ::poll(&p, 1, slice);
      if (r > 0) return true;
      if (r < 0 && errno != EINTR) return false;
      waited += slice;
      crowded_for = crowded ? crowded_for + slice : 0;
      if (stopping_ || crowded_for >= (served_one ? crowded_kept_alive_ms : crowded_new_ms)) return false;
    }
    return false;
  }

  /// Half-closes and drains what the client still sends (at most a few
  /// seconds), so that its unread body does not turn the close into a reset
  /// that would destroy the answer before the client reads it.
  static void linger(int sock) {
    ::shutdown(sock, SHUT_WR);
    char sink[65536];
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (std::chrono::steady_clock::now() < until) {
      pollfd p{sock, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      if (::recv(sock, sink, sizeof sink, 0) <= 0) return;
    }
  }

  std::atomic<bool> stopping_{false};
  std::atomic<int> waiting_{0};
  std::atomic<int> busy_{0};
  static bool known_method(const std::string& m) {
    for (std::string_view k : {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "PRI"})
      if (m == k) return true;
    return false;
  }

  static inline thread_local const socket_stream* current_stream = nullptr;
};

/// The numeric address actually bound, an IPv6 one in brackets, and the port.
inline std::string bound_address(int sock) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (::getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return {};
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET6) {
    const auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
    ::inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
    return "[" + std::string{text} + "]:" + std::to_string(ntohs(a->sin6_port));
  }
  const auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
  ::inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
  return std::string{text} + ":" + std::to_string(ntohs(a->sin_port));
}

}  // namespace ddbexport_server

#endif
