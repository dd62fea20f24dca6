// Whom a request comes from, for rate limits. Behind a reverse proxy every
// connection comes from the proxy, so its X-Forwarded-For is read instead,
// but only when the peer is one of the configured trusted proxies: anyone else
// could write that header to get a fresh bucket.
#pragma once

#include <string>
#include <vector>

namespace httplib {
struct Request;
}  // namespace httplib

namespace support::server {

bool is_trusted_proxy(const std::vector<std::string>& trusted, const std::string& address);

// The peer address; when the peer is trusted, the right-most X-Forwarded-For
// entry (over all such headers) that is not itself a trusted proxy, if it is
// an IP address; else the peer.
std::string client_address(const httplib::Request& req, const std::vector<std::string>& trusted);

}  // namespace support::server
