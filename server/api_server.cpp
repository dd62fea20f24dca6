#include "server/api_server.hpp"

#include <httplib.h>

#include <sys/socket.h>

#include <chrono>
#include <map>
#include <set>
#include <ctime>
#include <iostream>
#include <mutex>
#include <regex>

#include "bundle/bundled_files.hpp"
#include "chat/privacy_guard.hpp"
#include "common/untrusted_json.hpp"
#include "server/access_token.hpp"
#include "server/connection_gate.hpp"
#include "server/client_address.hpp"
#include "server/crypto.hpp"
#include "server/problem.hpp"
#include "server/rate_limiter.hpp"
#include "forms/request_package.hpp"
#include "text/utf8.hpp"

namespace support::server {

namespace {

using nlohmann::json;

constexpr const char* kRequestsPath = "/api/v1/support/requests";
constexpr std::size_t kMaxParts = 32;
constexpr JsonLimits kRequestJsonLimits{1024 * 1024, 32};

std::int64_t unix_now() { return static_cast<std::int64_t>(std::time(nullptr)); }
std::int64_t millis_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool is_uuid(const std::string& s) {
  static const std::regex uuid("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  return s.size() == 36 && std::regex_match(s, uuid);
}

bool is_request_number(const std::string& s) {
  static const std::regex number("^[0-9]{4}-[0-9]{7}$");
  return s.size() == 12 && std::regex_match(s, number);
}

// The route a request matched, for logs: never the number itself.
std::string route_of(const std::string& path) {
  if (path == kRequestsPath) return path;
  if (path.rfind(std::string(kRequestsPath) + "/", 0) == 0) return std::string(kRequestsPath) + "/{number}";
  if (path.rfind("/api/", 0) == 0) return path.size() > 64 ? "/api/…" : path;
  return "other";
}

// The Content-Length a request declares; 0 when absent or not a number.
std::uint64_t declared_length(const httplib::Request& req) {
  const std::string v = req.get_header_value("Content-Length");
  if (v.empty() || v.size() > 19 || v.find_first_not_of("0123456789") != std::string::npos) return 0;
  return std::stoull(v);
}

int deadline_days(const chat::Channels& c, std::string_view priority) {
  if (priority == "urgent") return c.urgent_days();
  if (priority == "complex") return c.complex_days();
  return c.standard_days();
}

// The gate's own answers (limits and deadlines), built once from the catalogs in the default locale.
GateOptions gate_options(const ServerOptions& o, const Core& core) {
  const std::string locale = core.messages.negotiate({});
  const auto body = [&](int status, const char* code, i18n::Args params) {
    return problem_json({status, code, std::move(params), {}}, core.messages, locale);
  };
  GateOptions g;
  g.workers = static_cast<std::size_t>(std::max(1, o.threads));
  g.head_timeout = std::chrono::seconds(std::max(1, o.head_timeout_seconds));
  g.max_per_address = std::max<std::size_t>(1, o.max_connections_per_address);
  const std::vector<std::string> proxies = o.trusted_proxies;
  g.unlimited = [proxies](const std::string& address) { return is_trusted_proxy(proxies, address); };
  g.busy_response = closing_response(503, "Service Unavailable", body(503, "rate_limited", {{"seconds", "5"}}), 5);
  g.timeout_response = closing_response(408, "Request Timeout", body(408, "bad_request", {}));
  g.too_large_response = closing_response(431, "Request Header Fields Too Large", body(431, "bad_request", {}));
  return g;
}

}  // namespace

struct ApiServer::Impl {
  ServerOptions options;
  const Core& core;
  GatedServer server;
  RequestStore store;
  RateLimiter limiter;
  std::set<std::string> urgent_topics;
  std::mutex log_mutex;

  Impl(ServerOptions o, const Core& c)
      : options(std::move(o)), core(c), server(gate_options(options, core)), store(options.database, options.durability, unix_now(), options.idempotency_ttl_seconds),
        limiter(options.rate_per_minute, options.rate_burst) {
    for (const auto& t : core.kb.topics()) {
      if (t.urgent) urgent_topics.insert(t.id);
    }
  }

  std::string locale_of(const httplib::Request& req) const {
    return core.messages.negotiate(i18n::parse_accept_language(req.get_header_value("Accept-Language")));
  }

  void send_problem(const httplib::Request& req, httplib::Response& res, Problem p) const {
    const std::string locale = locale_of(req);
    res.status = p.status;
    res.set_header("Content-Language", locale);
    res.set_content(problem_json(p, core.messages, locale), "application/problem+json");
  }

  void add_cors(const httplib::Request& req, httplib::Response& res) const {
    // Every answer depends on Origin, allowed or not: caches must not hand one origin's answer to another.
    res.set_header("Vary", "Origin");
    const std::string origin = req.get_header_value("Origin");
    if (origin.empty() || std::find(options.cors_origins.begin(), options.cors_origins.end(), origin) == options.cors_origins.end()) {
      return;
    }
    res.set_header("Access-Control-Allow-Origin", origin);
    res.set_header("Access-Control-Expose-Headers", "Location, Retry-After, Content-Language");
  }

  bool rate_limited(const httplib::Request& req, httplib::Response& res) {
    int retry_after = 0;
    if (limiter.allow(client_address(req, options.trusted_proxies), millis_now(), retry_after)) return false;
    res.set_header("Retry-After", std::to_string(retry_after));
    send_problem(req, res, {429, "rate_limited", {{"seconds", std::to_string(retry_after)}}, {}});
    return true;
  }

  // The token's expiry follows from the request, so a replay returns the same token.
  json created_json(const RequestRecord& r) const {
    const std::int64_t expires = r.created_unix + options.token_ttl_seconds;
    return {{"number", r.number},
            {"status", r.status},
            {"created_at", r.created_at},
            {"due_date", r.due_date},
            {"priority", r.priority},
            {"access_token", issue_token(options.secret, r.number, expires)},
            {"access_token_expires_at", to_iso(moscow_from_unix(expires))},
            {"status_url", std::string(kRequestsPath) + "/" + r.number}};
  }

  void create(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader);
  void status(const httplib::Request& req, httplib::Response& res);
  void log(const httplib::Request& req, const httplib::Response& res, std::int64_t started_ms);
  void log_exception(const httplib::Request& req, std::exception_ptr error);
};

void ApiServer::Impl::create(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
  add_cors(req, res);
  if (rate_limited(req, res)) return;
  if (!req.is_multipart_form_data()) return send_problem(req, res, {415, "unsupported_media_type", {}, {}});
  const std::string key = req.get_header_value("Idempotency-Key");
  if (key.empty()) return send_problem(req, res, {400, "idempotency_key_missing", {}, {}});
  if (!is_uuid(key)) return send_problem(req, res, {400, "idempotency_key_malformed", {}, {}});

  // A body declared too large is drained unread by the HTTP layer, so the
  // client can read the 413; a chunked body is counted as its parts arrive.
  const Problem too_large_problem{413, "payload_too_large", {{"max", std::to_string(options.max_body_bytes)}}, {}};
  std::vector<httplib::MultipartFormData> parts;
  std::size_t total = 0;
  bool too_large = false, too_many = false;
  const bool read = reader(
      [&](const httplib::MultipartFormData& header) {
        if (parts.size() >= kMaxParts) {
          too_many = true;
          return false;
        }
        parts.push_back({header.name, {}, header.filename, header.content_type});
        return true;
      },
      [&](const char* data, std::size_t length) {
        total += length;
        if (total > options.max_body_bytes) {
          too_large = true;
          return false;
        }
        parts.back().content.append(data, length);
        return true;
      });
  if (too_large || declared_length(req) > options.max_body_bytes) return send_problem(req, res, too_large_problem);
  if (too_many) return send_problem(req, res, {413, "too_many_parts", {{"max", std::to_string(kMaxParts)}}, {}});
  if (!read) return send_problem(req, res, {400, "malformed_multipart", {}, {}});

  const httplib::MultipartFormData* request_part = nullptr;
  std::vector<const httplib::MultipartFormData*> files;
  for (const auto& p : parts) {
    if (p.name == "request") {
      if (request_part) return send_problem(req, res, {400, "request_part_duplicate", {}, {}});
      request_part = &p;
    } else if (p.name == "file") {
      files.push_back(&p);
    } else {
      return send_problem(req, res, {400, "unexpected_part", {{"name", text::to_valid_utf8(p.name.substr(0, 64))}}, {}});
    }
  }
  if (!request_part) return send_problem(req, res, {400, "request_part_missing", {}, {}});
  const std::string& text_json = request_part->content;
  if (!text::is_valid_utf8(text_json) || untrusted_json_problem(text_json, kRequestJsonLimits)) {
    return send_problem(req, res, {400, "request_malformed", {}, {}});
  }
  const json request = json::parse(text_json, nullptr, false);
  if (request.is_discarded()) return send_problem(req, res, {400, "request_malformed", {}, {}});

  // Same body, whatever the multipart boundary: the request and each file's digest.
  std::string fingerprint_source = request.dump();
  std::vector<std::string> digests;
  for (const auto* f : files) {
    digests.push_back(sha256_hex(f->content));
    fingerprint_source += '\n' + f->filename + '\0' + f->content_type + '\0' + digests.back();
  }
  const std::string fingerprint = sha256_hex(fingerprint_source);
  if (auto prior = store.find_by_key(key, fingerprint, unix_now())) {
    if (prior->kind == CreateOutcome::Kind::key_conflict) return send_problem(req, res, {422, "idempotency_key_reused", {}, {}});
    res.status = 201;
    res.set_header("Location", std::string(kRequestsPath) + "/" + prior->record.number);
    res.set_header("Idempotent-Replayed", "true");
    return res.set_content(created_json(prior->record).dump(), "application/json");
  }

  // Never trust the client: read the request back and validate it again.
  const auto back = forms::unpackage_request(request, core.forms.schemas);
  if (back.issue) return send_problem(req, res, {422, "validation_failed", {}, {{"request", *back.issue}}});
  const forms::FormSchema& schema = *back.request->schema;
  const DateTime now = moscow_from_unix(unix_now());
  forms::FormResult result = forms::validate_form(schema, back.request->values, {now});

  std::vector<forms::AttachmentFacts> facts;
  std::vector<StoredFile> stored;
  const json claimed = back.request->values.value("attachments", json::array());
  const forms::FieldSpec* attachment_field = nullptr;
  for (const auto& f : schema.fields) {
    if (f.type == forms::FieldType::attachments) attachment_field = &f;
  }
  if (files.size() != claimed.size() || (!files.empty() && !attachment_field)) {
    result.issues.push_back({"attachments", {"attachment.count_mismatch", {{"expected", std::to_string(claimed.size())}}}});
  } else {
    for (std::size_t i = 0; i < files.size(); ++i) {
      const std::string path = "attachments[" + std::to_string(i) + "]";
      const auto& part = *files[i];
      const json& claim = claimed[i];
      // unpackage_request checked the claim's types; checked again here, as nothing from a client is trusted twice over.
      const bool typed = claim.is_object() && claim.contains("name") && claim["name"].is_string() && claim.contains("size") &&
                         claim["size"].is_number_integer();
      const bool same = typed && claim["name"].get_ref<const std::string&>() == part.filename &&
                        claim["size"].get<std::int64_t>() == static_cast<std::int64_t>(part.content.size()) &&
                        back.request->attachments[i].sha256 == digests[i];
      if (!same) {
        result.issues.push_back({path, {"attachment.part_mismatch", {}}});
        continue;
      }
      const forms::Result check = forms::attachment::check_file(part.content, part.filename, part.content_type, *attachment_field->profile);
      if (!check.ok()) {
        result.issues.push_back({path, *check.issue});
        continue;
      }
      facts.push_back({check.value, digests[i]});
      stored.push_back({part.filename, check.value, digests[i], part.content});
    }
  }
  if (!result.valid()) return send_problem(req, res, {422, "validation_failed", {}, std::move(result.issues)});

  // Secrets never reach the database, even from a client that did not mask them.
  forms::ClientContext client = back.request->client;
  for (auto& line : client.transcript) line.text = chat::mask_secrets(line.text, chat::find_secrets(line.text));
  const forms::Result canonical = forms::package_request(schema, result.values, client, facts, urgent_topics);
  if (!canonical.ok()) return send_problem(req, res, {422, "validation_failed", {}, {{"request", *canonical.issue}}});

  const std::string priority = json::parse(canonical.value)["priority"];
  NewRequest r{key, fingerprint, schema.id, priority, canonical.value, std::move(stored), now, unix_now(),
               core.calendar.add_working_days(now.date, deadline_days(core.kb.channels(), priority))};
  const CreateOutcome outcome = store.create(r);
  if (outcome.kind == CreateOutcome::Kind::key_conflict) return send_problem(req, res, {422, "idempotency_key_reused", {}, {}});
  res.status = 201;
  res.set_header("Location", std::string(kRequestsPath) + "/" + outcome.record.number);
  if (outcome.kind == CreateOutcome::Kind::replayed) res.set_header("Idempotent-Replayed", "true");
  res.set_content(created_json(outcome.record).dump(), "application/json");
}

void ApiServer::Impl::status(const httplib::Request& req, httplib::Response& res) {
  add_cors(req, res);
  if (rate_limited(req, res)) return;
  res.set_header("Cache-Control", "no-store");
  // One answer for a missing number, a missing token and a wrong token: reveal nothing.
  const Problem not_found{404, "not_found", {}, {}};
  const std::string number = req.matches[1];
  const std::string authorization = req.get_header_value("Authorization");
  const std::string token = authorization.rfind("Bearer ", 0) == 0 ? authorization.substr(7) : std::string();
  const bool accepted = token_accepted({options.secret, options.previous_secret}, number, token, unix_now());  // in every case alike
  if (!is_request_number(number) || token.empty() || !accepted) {
    return send_problem(req, res, not_found);
  }
  if (options.demo_step_seconds > 0) store.advance(number, unix_now(), options.demo_step_seconds);
  const auto record = store.find(number);
  if (!record) return send_problem(req, res, not_found);
  const std::string locale = locale_of(req);
  json history = json::array();
  for (const auto& h : record->history) {
    history.push_back({{"status", h.status}, {"status_text", core.messages.format(locale, "status." + h.status)}, {"at", h.at}});
  }
  res.set_header("Content-Language", locale);
  res.set_content(json{{"number", record->number},
                       {"status", record->status},
                       {"status_text", core.messages.format(locale, "status." + record->status)},
                       {"created_at", record->created_at},
                       {"due_date", record->due_date},
                       {"priority", record->priority},
                       {"history", history}}
                      .dump(),
                  "application/json");
}

void ApiServer::Impl::log(const httplib::Request& req, const httplib::Response& res, std::int64_t started_ms) {
  if (!options.log) return;
  // No address, no number, no token, no body: personal data stay out of logs (152-FZ).
  const json line{{"time", to_iso(moscow_from_unix(unix_now()))},
                  {"method", req.method},
                  {"route", route_of(req.path)},
                  {"status", res.status},
                  {"ms", millis_now() - started_ms},
                  {"bytes_out", res.body.size()}};
  std::lock_guard<std::mutex> lock(log_mutex);
  std::cout << line.dump() << '\n' << std::flush;
}

// An exception no handler expected: its what() goes to the log (always, even
// with --quiet), cut short and without the JSON parser's "last read" excerpt,
// which would quote the request. Never the body, the address or the token.
void ApiServer::Impl::log_exception(const httplib::Request& req, std::exception_ptr error) {
  std::string what = "unknown exception";
  try {
    if (error) std::rethrow_exception(error);
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
  }
  const auto excerpt = what.find("; last read");
  if (excerpt != std::string::npos) what.resize(excerpt);
  what = text::to_valid_utf8(what.substr(0, 200));
  const json line{{"time", to_iso(moscow_from_unix(unix_now()))},
                  {"level", "error"},
                  {"method", req.method},
                  {"route", route_of(req.path)},
                  {"exception", what}};
  std::lock_guard<std::mutex> lock(log_mutex);
  std::cerr << line.dump() << '\n' << std::flush;
}

ApiServer::ApiServer(ServerOptions options, const Core& core) : impl_(std::make_unique<Impl>(std::move(options), core)) {
  Impl& s = *impl_;
  auto& svr = s.server;
  // Workers, deadlines and connection limits: GatedServer (server/connection_gate.hpp).
  svr.set_payload_max_length(s.options.max_body_bytes);
  svr.set_read_timeout(10, 0);
  svr.set_write_timeout(10, 0);
  svr.set_keep_alive_timeout(std::max(1, s.options.head_timeout_seconds));
  svr.set_tcp_nodelay(true);  // headers and body go out in separate writes: no 40 ms Nagle stall
  // cpp-httplib's default sets SO_REUSEPORT, with which a second server on the
  // same port starts too and the kernel splits connections between them: only
  // SO_REUSEADDR (a restart may rebind at once), so a busy port is an error.
  svr.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });

  thread_local std::int64_t started_ms = 0;
  svr.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    started_ms = millis_now();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  svr.set_logger([&s](const httplib::Request& req, const httplib::Response& res) { s.log(req, res, started_ms); });

  svr.Post(kRequestsPath, [&s](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
    s.create(req, res, reader);
  });
  svr.Get(R"(/api/v1/support/requests/([^/]+))", [&s](const httplib::Request& req, httplib::Response& res) { s.status(req, res); });
  svr.Options(R"(/api/v1/support/requests(/[^/]+)?)", [&s](const httplib::Request& req, httplib::Response& res) {
    s.add_cors(req, res);
    if (res.has_header("Access-Control-Allow-Origin")) {
      res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      res.set_header("Access-Control-Allow-Headers", "Content-Type, Idempotency-Key, Authorization, Accept-Language");
      res.set_header("Access-Control-Max-Age", "600");
    }
    res.status = 204;
  });
  svr.Get("/api/v1/health", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"status":"ok"})", "application/json");
  });
  svr.Get("/api/v1/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(bundle::file("server/openapi.json").value_or("{}")), "application/json");
  });

  if (!s.options.web_roots.empty()) mount_static_site(svr, s.options.web_roots);

  // Whatever else fails gets a problem+json body too.
  svr.set_error_handler(httplib::Server::HandlerWithResponse([&s](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    static const std::map<int, const char*> kCodes = {{400, "bad_request"}, {404, "not_found"}, {405, "method_not_allowed"},
                                                      {413, "payload_too_large"}, {414, "bad_request"}, {415, "unsupported_media_type"},
                                                      {431, "bad_request"}, {500, "internal_error"}, {503, "internal_error"}};
    const auto it = kCodes.find(res.status);
    s.add_cors(req, res);
    s.send_problem(req, res, {res.status, it == kCodes.end() ? "bad_request" : it->second,
                              {{"max", std::to_string(s.options.max_body_bytes)}}, {}});
    return httplib::Server::HandlerResponse::Handled;
  }));
  svr.set_exception_handler([&s](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
    res.body.clear();
    s.log_exception(req, error);
    s.send_problem(req, res, {500, "internal_error", {}, {}});
  });
}

ApiServer::~ApiServer() = default;

bool ApiServer::run() {
  Impl& s = *impl_;
  int port = s.options.port;
  if (port == 0) {
    port = s.server.bind_to_any_port(s.options.host);
    if (port < 0) return false;
  } else if (!s.server.bind_to_port(s.options.host, port)) {
    return false;
  }
  std::cout << "listening on http://" << s.options.host << ":" << port << std::endl;
  const bool ok = s.server.listen_after_bind();
  s.server.shutdown_gate();
  return ok;
}

void ApiServer::stop() { impl_->server.stop(); }

}  // namespace support::server
