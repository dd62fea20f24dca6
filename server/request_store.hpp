// Support requests in SQLite. Creating one is a single transaction that also
// records its Idempotency-Key: the same key with the same fingerprint finds
// the request created first, a different fingerprint is a conflict, and ten
// concurrent sends with one key create exactly one request. A request is
// committed (WAL journal) before the server answers 201, so it survives a
// kill -9 right after. A key is remembered for `key_ttl_seconds` after its
// request was created; after that it may be used again and makes a new request.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/calendar.hpp"

namespace support::server {

inline constexpr const char* kStatuses[] = {"accepted", "in_progress", "needs_clarification", "answered", "closed"};

struct StoredFile {
  std::string name, type, sha256, content;
};

struct NewRequest {
  std::string idempotency_key;
  std::string fingerprint;
  std::string form, priority;
  std::string body;  // the canonical packaged request
  std::vector<StoredFile> files;
  DateTime created;  // Moscow time
  std::int64_t created_unix = 0;
  Date due;
};

struct HistoryEntry {
  std::string status, at;
};

struct RequestRecord {
  std::string number;
  std::string status, priority, created_at, due_date;
  std::int64_t created_unix = 0;
  std::vector<HistoryEntry> history;
};

struct CreateOutcome {
  enum class Kind { created, replayed, key_conflict } kind;
  RequestRecord record;  // as created (for a replay: as it was created)
};

enum class Durability { normal, full };  // synchronous=NORMAL survives a process crash; FULL also power loss

class RequestStore {
 public:
  static constexpr std::int64_t kDefaultKeyTtl = 24 * 3600;

  // Forgets expired keys on start, then again every few hundred creates.
  RequestStore(std::string path, Durability durability, std::int64_t now_unix, std::int64_t key_ttl_seconds = kDefaultKeyTtl);

  // The request a key already made: nullopt when the key is new or expired;
  // `conflict` when it was used for a different body.
  std::optional<CreateOutcome> find_by_key(const std::string& key, const std::string& fingerprint, std::int64_t now_unix);
  CreateOutcome create(const NewRequest& request);
  std::optional<RequestRecord> find(const std::string& number);

  // Demo mode: moves a request one status on for every `step_seconds` since
  // it was created, recording the history.
  void advance(const std::string& number, std::int64_t now_unix, std::int64_t step_seconds);

  std::int64_t count();

 private:
  std::string path_;
  Durability durability_;
  std::int64_t key_ttl_;
  std::atomic<std::uint32_t> creates_{0};

  void forget_expired_keys(std::int64_t now_unix);
};

}  // namespace support::server
