#include "server/client_address.hpp"

#include <arpa/inet.h>
#include <httplib.h>

#include <algorithm>

namespace support::server {

namespace {

bool is_ip(const std::string& s) {
  unsigned char buffer[sizeof(in6_addr)];
  return inet_pton(AF_INET, s.c_str(), buffer) == 1 || inet_pton(AF_INET6, s.c_str(), buffer) == 1;
}

std::string trimmed(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t");
  if (begin == std::string::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

}  // namespace

bool is_trusted_proxy(const std::vector<std::string>& trusted, const std::string& address) {
  return std::find(trusted.begin(), trusted.end(), address) != trusted.end();
}

std::string client_address(const httplib::Request& req, const std::vector<std::string>& trusted) {
  if (!is_trusted_proxy(trusted, req.remote_addr)) return req.remote_addr;
  // Each proxy appends the address it saw; the right-most entries are the most trustworthy.
  std::vector<std::string> hops;
  const auto range = req.headers.equal_range("X-Forwarded-For");
  for (auto it = range.first; it != range.second; ++it) {
    std::size_t start = 0;
    const std::string& v = it->second;
    for (;;) {
      const auto comma = v.find(',', start);
      hops.push_back(trimmed(v.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    if (is_trusted_proxy(trusted, *it)) continue;
    return is_ip(*it) ? *it : req.remote_addr;
  }
  return req.remote_addr;
}

}  // namespace support::server
