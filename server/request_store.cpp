#include "server/request_store.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>

#include "server/sqlite.hpp"

namespace support::server {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS requests (
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  form TEXT NOT NULL,
  priority TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_unix INTEGER NOT NULL,
  due_date TEXT NOT NULL,
  body TEXT NOT NULL,
  UNIQUE (year, seq)
);
CREATE TABLE IF NOT EXISTS attachments (
  request_id INTEGER NOT NULL REFERENCES requests(id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  content BLOB NOT NULL,
  PRIMARY KEY (request_id, position)
);
CREATE TABLE IF NOT EXISTS history (
  request_id INTEGER NOT NULL REFERENCES requests(id),
  status TEXT NOT NULL,
  at TEXT NOT NULL,
  at_unix INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS history_by_request ON history (request_id, at_unix);
CREATE TABLE IF NOT EXISTS idempotency (
  key TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  request_id INTEGER NOT NULL REFERENCES requests(id)
);
)sql";

// One connection per worker thread and database file.
Database& connection(const std::string& path, Durability durability) {
  thread_local std::map<std::string, std::unique_ptr<Database>> connections;
  auto& db = connections[path];
  if (!db) {
    db = std::make_unique<Database>(path);
    db->exec("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;");
    db->exec(durability == Durability::full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;");
  }
  return *db;
}

RequestRecord load(Database& db, std::int64_t id) {
  Statement s(db, "SELECT number, status, priority, created_at, due_date, created_unix FROM requests WHERE id = ?");
  s.bind(1, id);
  RequestRecord r;
  if (!s.step()) throw SqliteError("request vanished");
  r.number = s.text(0);
  r.status = s.text(1);
  r.priority = s.text(2);
  r.created_at = s.text(3);
  r.due_date = s.text(4);
  r.created_unix = s.integer(5);
  Statement h(db, "SELECT status, at FROM history WHERE request_id = ? ORDER BY at_unix, rowid");
  h.bind(1, id);
  while (h.step()) r.history.push_back({h.text(0), h.text(1)});
  return r;
}

constexpr std::uint32_t kCreatesBetweenPurges = 500;

// Keys of requests created before `oldest_unix` are expired.
std::optional<CreateOutcome> by_key(Database& db, const std::string& key, const std::string& fingerprint,
                                    std::int64_t oldest_unix) {
  Statement s(db,
              "SELECT i.fingerprint, i.request_id FROM idempotency i JOIN requests r ON r.id = i.request_id "
              "WHERE i.key = ? AND r.created_unix >= ?");
  s.bind(1, key).bind(2, oldest_unix);
  if (!s.step()) return std::nullopt;
  if (s.text(0) != fingerprint) return CreateOutcome{CreateOutcome::Kind::key_conflict, {}};
  RequestRecord first = load(db, s.integer(1));
  // A replay answers what the first send was answered, whatever happened since.
  first.status = kStatuses[0];
  first.history.resize(1);
  return CreateOutcome{CreateOutcome::Kind::replayed, std::move(first)};
}

}  // namespace

RequestStore::RequestStore(std::string path, Durability durability, std::int64_t now_unix, std::int64_t key_ttl_seconds)
    : path_(std::move(path)), durability_(durability), key_ttl_(std::max<std::int64_t>(0, key_ttl_seconds)) {
  {
    static std::mutex schema_mutex;
    std::lock_guard<std::mutex> lock(schema_mutex);
    connection(path_, durability_).exec(kSchema);
  }
  forget_expired_keys(now_unix);
}

void RequestStore::forget_expired_keys(std::int64_t now_unix) {
  Database& db = connection(path_, durability_);
  Statement s(db, "DELETE FROM idempotency WHERE request_id IN (SELECT id FROM requests WHERE created_unix < ?)");
  s.bind(1, now_unix - key_ttl_).run();
}

std::optional<CreateOutcome> RequestStore::find_by_key(const std::string& key, const std::string& fingerprint,
                                                       std::int64_t now_unix) {
  return by_key(connection(path_, durability_), key, fingerprint, now_unix - key_ttl_);
}

CreateOutcome RequestStore::create(const NewRequest& r) {
  if (++creates_ % kCreatesBetweenPurges == 0) forget_expired_keys(r.created_unix);
  Database& db = connection(path_, durability_);
  Transaction tx(db);
  // Checked again under the write lock: a concurrent send may have won the race.
  if (auto existing = by_key(db, r.idempotency_key, r.fingerprint, r.created_unix - key_ttl_)) return *existing;

  Statement next(db, "SELECT COALESCE(MAX(seq), 0) + 1 FROM requests WHERE year = ?");
  next.bind(1, static_cast<std::int64_t>(r.created.date.year));
  next.step();
  const std::int64_t seq = next.integer(0);
  char number[32];
  std::snprintf(number, sizeof number, "%04d-%07lld", r.created.date.year, static_cast<long long>(seq));
  const std::string created_at = to_iso(r.created);

  Statement insert(db,
                   "INSERT INTO requests (number, year, seq, form, priority, status, created_at, created_unix, due_date, body) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, std::string_view(number)).bind(2, static_cast<std::int64_t>(r.created.date.year)).bind(3, seq);
  insert.bind(4, r.form).bind(5, r.priority).bind(6, kStatuses[0]).bind(7, created_at).bind(8, r.created_unix);
  insert.bind(9, to_iso(r.due)).bind(10, r.body);
  insert.run();
  const std::int64_t id = db.last_insert_rowid();

  for (std::size_t i = 0; i < r.files.size(); ++i) {
    Statement file(db, "INSERT INTO attachments (request_id, position, name, type, size, sha256, content) VALUES (?, ?, ?, ?, ?, ?, ?)");
    file.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, r.files[i].name).bind(4, r.files[i].type);
    file.bind(5, static_cast<std::int64_t>(r.files[i].content.size())).bind(6, r.files[i].sha256).bind_blob(7, r.files[i].content);
    file.run();
  }
  Statement history(db, "INSERT INTO history (request_id, status, at, at_unix) VALUES (?, ?, ?, ?)");
  history.bind(1, id).bind(2, kStatuses[0]).bind(3, created_at).bind(4, r.created_unix).run();
  // Any row this key still has is expired (by_key found none live): the new request takes its place.
  Statement key(db, "INSERT OR REPLACE INTO idempotency (key, fingerprint, request_id) VALUES (?, ?, ?)");
  key.bind(1, r.idempotency_key).bind(2, r.fingerprint).bind(3, id).run();

  RequestRecord record = load(db, id);
  tx.commit();
  return {CreateOutcome::Kind::created, std::move(record)};
}

std::optional<RequestRecord> RequestStore::find(const std::string& number) {
  Database& db = connection(path_, durability_);
  Statement s(db, "SELECT id FROM requests WHERE number = ?");
  s.bind(1, number);
  if (!s.step()) return std::nullopt;
  return load(db, s.integer(0));
}

void RequestStore::advance(const std::string& number, std::int64_t now_unix, std::int64_t step_seconds) {
  if (step_seconds <= 0) return;
  Database& db = connection(path_, durability_);
  Transaction tx(db);
  Statement s(db, "SELECT id, created_unix, status FROM requests WHERE number = ?");
  s.bind(1, number);
  if (!s.step()) return;
  const std::int64_t id = s.integer(0), created = s.integer(1);
  const std::string status = s.text(2);
  std::size_t current = 0;
  while (current < 4 && status != kStatuses[current]) ++current;
  const auto target = static_cast<std::size_t>(std::min<std::int64_t>(4, (now_unix - created) / step_seconds));
  if (target <= current) return;
  for (std::size_t k = current + 1; k <= target; ++k) {
    const std::int64_t at = created + static_cast<std::int64_t>(k) * step_seconds;
    Statement h(db, "INSERT INTO history (request_id, status, at, at_unix) VALUES (?, ?, ?, ?)");
    h.bind(1, id).bind(2, kStatuses[k]).bind(3, to_iso(moscow_from_unix(at))).bind(4, at).run();
  }
  Statement u(db, "UPDATE requests SET status = ? WHERE id = ?");
  u.bind(1, kStatuses[target]).bind(2, id).run();
  tx.commit();
}

std::int64_t RequestStore::count() {
  Statement s(connection(path_, durability_), "SELECT COUNT(*) FROM requests");
  s.step();
  return s.integer(0);
}

}  // namespace support::server
