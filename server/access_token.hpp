// Access tokens for reading a request's status: "EXPIRES.MAC", where EXPIRES
// is the Unix time the token stops working and MAC is HMAC-SHA256 over the
// request number and EXPIRES with the server's key. Nothing is stored: a
// token cannot be extended without the key, and replacing the key revokes
// every token. To rotate without locking citizens out, the previous key is
// kept for verification only (--previous-secret-file) until its tokens expire.
#pragma once

#include <cstdint>
#include <string>

namespace support::server {

struct TokenKeys {
  std::string current;   // signs new tokens, verifies
  std::string previous;  // verifies only; empty: none
};

std::string issue_token(const std::string& key, const std::string& number, std::int64_t expires_unix);

// True when `token` was issued for `number` by either key and `now_unix` is
// not past its expiry. The same work is done for any token, well-formed or not.
bool token_accepted(const TokenKeys& keys, const std::string& number, const std::string& token, std::int64_t now_unix);

}  // namespace support::server
