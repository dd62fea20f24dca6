// The server's few cryptographic needs, from OpenSSL's libcrypto: SHA-256 of
// attachments and request fingerprints, random secrets, and access tokens
// derived from a server secret (so that no token is stored anywhere).
#pragma once

#include <string>
#include <string_view>

namespace support::server {

std::string sha256_hex(std::string_view bytes);
std::string random_bytes(std::size_t n);  // throws std::runtime_error if the system has no randomness
std::string base64url(std::string_view bytes);
// HMAC-SHA256(key, message), base64url without padding.
std::string hmac_token(std::string_view key, std::string_view message);
// Comparison in time independent of where the strings differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace support::server
