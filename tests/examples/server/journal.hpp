#ifndef DDBEXPORT_SERVER_JOURNAL_HPP
#define DDBEXPORT_SERVER_JOURNAL_HPP

// `--store FILE`: the exports survive a restart. FILE is JSON lines, one
// object per accepted export or transition, in the server's own format:
//   {"Insert":{"AccountId":"…","Region":"…","Request":{…},"Description":{…}}}
//   {"Update":{"ExportArn":"…","Description":{…},"CompletedAt":<epoch seconds>}}
// Each line is appended and made durable (fdatasync) before the answer that
// reports it is sent; the memory store calls append() under its write lock,
// so lines never interleave. A write that fails is cut off again, so the file
// never holds half a line before a good one.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "check/json_tree.hpp"
#include "ddbexport/detail/number.hpp"
#include "ddbexport/json/detail/escape.hpp"
#include "ddbexport/output.hpp"
#include "ddbexport/service/memory_store.hpp"
#include "ddbexport/timestamp.hpp"

namespace ddbexport_server {

class file_journal {
 public:
  file_journal() = default;
  file_journal(const file_journal&) = delete;
  file_journal& operator=(const file_journal&) = delete;
  ~file_journal() {
    if (fd_ >= 0) ::close(fd_);
  }

  /// Opens FILE for reading and appending, creating it; false (with the
  /// reason) for a path it cannot create, read or append to.
  bool open(const std::string& path, std::string& error) {
    struct stat st{};
    const bool existed = ::stat(path.c_str(), &st) == 0;
    if (existed && S_ISDIR(st.st_mode)) return fail(error, path + " is a directory");
    if (existed && !S_ISREG(st.st_mode)) return fail(error, path + " is not a regular file");
    // Root may write anything: a file without write permission counts as read-only all the same.
    if (existed && S_ISREG(st.st_mode) && (st.st_mode & 0222) == 0) return fail(error, path + " is read-only");
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd_ < 0) return fail(error, "cannot open " + path + ": " + std::strerror(errno));
    if (!existed) {
      // The new file's directory entry must survive a crash too.
      const auto dir = std::filesystem::path{path}.parent_path();
      const int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (dfd >= 0) {
        (void)::fsync(dfd);
        ::close(dfd);
      }
    }
    return true;
  }

  /// Replays the file into `store`, in order. A torn last line (bytes after
  /// the last LF) is cut off the file; a complete line that cannot be read is
  /// skipped. Both are reported on `warnings`; nothing here stops a start.
  template <class Store>
  void replay(Store& store, std::ostream& warnings) {
    std::string text;
    char buf[65536];
    if (::lseek(fd_, 0, SEEK_SET) < 0) return;
    for (;;) {
      const ssize_t n = ::read(fd_, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      text.append(buf, static_cast<std::size_t>(n));
    }
    const auto last_lf = text.rfind('\n');
    const std::size_t complete = last_lf == std::string::npos ? 0 : last_lf + 1;
    if (complete < text.size()) {
      warnings << "ddbexport-server: warning: the store's last line is torn (" << text.size() - complete
               << " bytes after the last newline); cut off\n";
      if (::ftruncate(fd_, static_cast<off_t>(complete)) != 0)
        warnings << "ddbexport-server: warning: cannot cut the torn line: " << std::strerror(errno) << "\n";
      (void)::fdatasync(fd_);
    }
    size_ = static_cast<off_t>(complete);
    std::size_t line_number = 0;
    for (std::size_t begin = 0; begin < complete;) {
      const std::size_t end = text.find('\n', begin);
      ++line_number;
      std::string reason;
      if (!restore_line(store, std::string_view{text}.substr(begin, end - begin), reason))
        warnings << "ddbexport-server: warning: store line " << line_number << " skipped: " << reason << "\n";
      begin = end + 1;
    }
  }

  bool append(const ddbexport::service::journal_insert& entry) {
    std::string line = "{\"Insert\":{\"AccountId\":";
    put_string(line, entry.scope.account_id);
    line += ",\"Region\":";
    put_string(line, entry.scope.region);
    line += ",\"Request\":";
    line += entry.request;
    line += ",\"Description\":";
    line += entry.description;
    line += "}}\n";
    return write_line(line);
  }
  bool append(const ddbexport::service::journal_update& entry) {
    std::string line = "{\"Update\":{\"ExportArn\":";
    put_string(line, entry.export_arn);
    line += ",\"Description\":";
    line += entry.description;
    if (entry.completed_at) {
      ddbexport::time_text_buffer buf;
      line += ",\"CompletedAt\":";
      line += ddbexport::format_epoch_seconds(*entry.completed_at, buf);
    }
    line += "}}\n";
    return write_line(line);
  }

 private:
  static bool fail(std::string& error, std::string reason) {
    error = std::move(reason);
    return false;
  }
  static void put_string(std::string& line, std::string_view text) {
    ddbexport::container_output<std::string> out{line};
    ddbexport::detail::write_json_string(out, text);
  }

  bool write_line(std::string_view line) {
    std::size_t written = 0;
    while (written < line.size()) {
      const ssize_t n = ::write(fd_, line.data() + written, line.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return undo();
      written += static_cast<std::size_t>(n);
    }
    if (::fdatasync(fd_) != 0) return undo();
    size_ += static_cast<off_t>(line.size());
    return true;
  }
  /// Cuts a failed line off again: the store does not hold it, so the file must not either.
  bool undo() {
    (void)::ftruncate(fd_, size_);
    (void)::fdatasync(fd_);
    return false;
  }

  template <class Store>
  static bool restore_line(Store& store, std::string_view line, std::string& reason) {
    using ddbexport_check::json_node;
    ddbexport_check::json_parse_error error{};
    ddbexport_check::json_tree_parser parser{line};
    const auto root = parser.parse(error);
    if (!root) return (reason = "not JSON (" + error.reason + " at byte " + std::to_string(error.offset) + ")"), false;
    const auto member = [](const json_node& object, std::string_view name, json_node::kind kind) -> const json_node* {
      const json_node* v = object.type == json_node::kind::object ? object.find(name) : nullptr;
      return v && v->type == kind ? v : nullptr;
    };
    if (const auto* insert = member(*root, "Insert", json_node::kind::object)) {
      const auto* account = member(*insert, "AccountId", json_node::kind::string);
      const auto* region = member(*insert, "Region", json_node::kind::string);
      const auto* request = member(*insert, "Request", json_node::kind::object);
      const auto* description = member(*insert, "Description", json_node::kind::object);
      if (!account || !region || !request || !description) return (reason = "an Insert lacks a member"), false;
      if (!store.restore(ddbexport::service::journal_insert{{account->text, region->text}, request->raw, description->raw}))
        return (reason = "the export does not read back, or its ExportArn is taken"), false;
      return true;
    }
    if (const auto* update = member(*root, "Update", json_node::kind::object)) {
      const auto* arn = member(*update, "ExportArn", json_node::kind::string);
      const auto* description = member(*update, "Description", json_node::kind::object);
      if (!arn || !description) return (reason = "an Update lacks a member"), false;
      std::optional<ddbexport::timestamp> completed_at;
      if (const auto* at = member(*update, "CompletedAt", json_node::kind::number)) {
        const auto ms = ddbexport::detail::epoch_ms_from_json_number(at->raw);
        if (!ms) return (reason = "CompletedAt is out of range"), false;
        completed_at = ddbexport::from_epoch_ms(*ms);
      }
      if (!store.restore(ddbexport::service::journal_update{arn->text, description->raw, completed_at}))
        return (reason = "the transition names no export, or does not read back"), false;
      return true;
    }
    reason = "neither an Insert nor an Update";
    return false;
  }

  int fd_ = -1;
  off_t size_ = 0;
};

}  // namespace ddbexport_server

#endif
