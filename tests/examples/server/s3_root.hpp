#ifndef DDBEXPORT_SERVER_S3_ROOT_HPP
#define DDBEXPORT_SERVER_S3_ROOT_HPP

// `--s3-root DIR`: S3 as a directory tree, object <bucket>/<key> at the path
// DIR/<bucket>/<key> (what `aws s3 sync s3://<bucket> DIR/<bucket>` leaves).
// An object is written whole or not at all: its bytes go to a temporary
// sibling, are flushed to disk (fdatasync), and the file is renamed into
// place, then the directory is synced, so a reader never sees a torn object
// and an export reported COMPLETED keeps its files after a crash.
//
// A key the tree cannot hold (an empty, `.` or `..` segment, as a prefix
// with a leading `/` or `//` gives, a segment over 255 bytes, a NUL) is a
// write failure like any other.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

namespace ddbexport_server {

class s3_root {
 public:
  /// DIR must be an existing directory this process can write in.
  bool open(const std::string& dir, std::string& error) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) return fail(error, dir + ": " + std::strerror(errno));
    if (!S_ISDIR(st.st_mode)) return fail(error, dir + " is not a directory");
    if (::access(dir.c_str(), W_OK | X_OK) != 0) return fail(error, dir + ": " + std::strerror(errno));
    dir_ = dir;
    return true;
  }

  /// Stores one object; false with the reason (the path and the system's error).
  bool put(std::string_view bucket, std::string_view key, std::string_view bytes, std::string& error) const {
    if (!holdable(bucket) || !holdable_key(key))
      return fail(error, "the object " + std::string{bucket} + "/" + std::string{key} +
                             " cannot be a path under --s3-root (an empty, '.' or '..' segment, or one over 255 bytes)");
    const std::filesystem::path path = std::filesystem::path{dir_} / std::string{bucket} / std::string{key};
    const std::filesystem::path folder = path.parent_path();
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) return fail(error, folder.string() + ": " + ec.message());
    // One writer at a time per server (the lifecycle driver's turn); the pid keeps two servers apart.
    const std::filesystem::path temporary = folder / (".ddbexport-partial-" + std::to_string(::getpid()));
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return fail(error, temporary.string() + ": " + std::strerror(errno));
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return abandon(fd, temporary, error);
      done += static_cast<std::size_t>(n);
    }
    if (::fdatasync(fd) != 0) return abandon(fd, temporary, error);
    if (::close(fd) != 0) {
      const int saved = errno;
      ::unlink(temporary.c_str());
      return fail(error, temporary.string() + ": " + std::strerror(saved));
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
      const int saved = errno;
      ::unlink(temporary.c_str());
      return fail(error, path.string() + ": " + std::strerror(saved));
    }
    return sync_folder(folder, error);
  }

  [[nodiscard]] const std::string& dir() const noexcept { return dir_; }

 private:
  static bool fail(std::string& error, std::string reason) {
    error = std::move(reason);
    return false;
  }
  static bool abandon(int fd, const std::filesystem::path& temporary, std::string& error) {
    const int saved = errno;
    ::close(fd);
    ::unlink(temporary.c_str());
    return fail(error, temporary.string() + ": " + std::strerror(saved));
  }
  static bool sync_folder(const std::filesystem::path& folder, std::string& error) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
      const int saved = errno;
      if (fd >= 0) ::close(fd);
      return fail(error, folder.string() + ": " + std::strerror(saved));
    }
    ::close(fd);
    return true;
  }
  static bool holdable(std::string_view segment) {
    return !segment.empty() && segment != "." && segment != ".." && segment.size() <= 255 &&
           segment.find('\0') == std::string_view::npos && segment.find('/') == std::string_view::npos;
  }
  static bool holdable_key(std::string_view key) {
    for (;;) {
      const auto slash = key.find('/');
      if (!holdable(key.substr(0, slash))) return false;
      if (slash == std::string_view::npos) return true;
      key.remove_prefix(slash + 1);
    }
  }

  std::string dir_;
};

}  // namespace ddbexport_server

#endif
