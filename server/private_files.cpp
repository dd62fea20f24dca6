#include "server/private_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "server/crypto.hpp"

namespace support::server {

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path) {
  throw std::runtime_error(what + " " + path + ": " + std::strerror(errno));
}

bool others_may_read(const struct stat& st) { return (st.st_mode & (S_IRWXG | S_IRWXO)) != 0; }

std::string read_key(int fd, const std::string& path) {
  struct stat st {};
  if (fstat(fd, &st) != 0) fail("cannot stat", path);
  if (others_may_read(st)) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%03o", static_cast<unsigned>(st.st_mode & 0777));
    throw std::runtime_error("token key " + path + " is readable by group or others (mode " + mode + "): chmod 600 it");
  }
  std::string key;
  char chunk[256];
  for (;;) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("cannot read", path);
    if (n == 0) break;
    key.append(chunk, static_cast<std::size_t>(n));
    if (key.size() > 4096) throw std::runtime_error("token key " + path + " is larger than 4096 bytes: not a key file");
  }
  if (key.size() < kMinKeyBytes) {
    throw std::runtime_error("token key " + path + " has " + std::to_string(key.size()) + " bytes, at least " +
                             std::to_string(kMinKeyBytes) + " are needed; it is left as it is (remove it to make a new key, " +
                             "which invalidates every access token issued with it)");
  }
  return key;
}

}  // namespace

void ensure_private_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
  if (fd >= 0) {
    ::close(fd);
    return;
  }
  if (errno != EEXIST) fail("cannot create", path);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) fail("cannot stat", path);
  if (others_may_read(st) && ::chmod(path.c_str(), S_IRUSR | S_IWUSR) != 0) fail("cannot make private", path);
}

std::string load_key(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) fail("cannot open token key", path);
  try {
    std::string key = read_key(fd, path);
    ::close(fd);
    return key;
  } catch (...) {
    ::close(fd);
    throw;
  }
}

std::string load_or_create_key(const std::string& path) {
  const std::string key = base64url(random_bytes(kMinKeyBytes));
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, S_IRUSR | S_IWUSR);
  if (fd < 0) {
    if (errno == EEXIST) return load_key(path);
    fail("cannot create token key", path);
  }
  std::size_t written = 0;
  while (written < key.size()) {
    const ssize_t n = ::write(fd, key.data() + written, key.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      ::unlink(path.c_str());
      fail("cannot write token key", path);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(path.c_str());
    fail("cannot write token key", path);
  }
  return key;
}

}  // namespace support::server
