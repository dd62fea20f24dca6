// Files that hold secrets or personal data (the token keys, the SQLite
// database with its WAL and shared-memory files) are the owner's alone from
// the moment they exist: created 0600 with O_EXCL, never chmod-ed afterwards.
#pragma once

#include <string>

namespace support::server {

inline constexpr std::size_t kMinKeyBytes = 32;

// Creates `path` empty with mode 0600 unless it exists; an existing file
// readable by group or others is narrowed to 0600. Throws std::runtime_error
// naming the file when either fails.
void ensure_private_file(const std::string& path);

// The token key in `path`: read when the file exists (refused, with a clear
// error, when shorter than kMinKeyBytes or readable by others), else created
// with O_CREAT | O_EXCL and mode 0600 from fresh random bytes.
std::string load_or_create_key(const std::string& path);

// An existing key only (for the previous key of a rotation): same checks, never created.
std::string load_key(const std::string& path);

}  // namespace support::server
