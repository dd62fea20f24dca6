// The reference API server, started as a real process on a loopback port.
#define BOOST_TEST_MODULE api_server
#include <boost/test/unit_test.hpp>

#include <httplib.h>
#include <sqlite3.h>

#include <atomic>
#include <csignal>
#include <random>
#include <thread>

#include "common/work_calendar.hpp"
#include "server/crypto.hpp"
#include "forms/form_validator.hpp"
#include "forms/request_package.hpp"
#include "tests/support/bundled.hpp"
#include "tests/support/fixtures.hpp"
#include "tests/support/process.hpp"
#include "tests/support/server_process.hpp"

using namespace support;
using nlohmann::json;
using test::ServerProcess;

namespace {

constexpr const char* kPath = "/api/v1/support/requests";

std::string uuid() {
  static std::mt19937_64 rng(std::random_device{}());
  const auto hex = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += "0123456789abcdef"[rng() % 16];
    return s;
  };
  return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-a" + hex(3) + "-" + hex(12);
}

std::string fresh_db() {
  static int n = 0;
  return test::temp_dir() + "/api" + std::to_string(++n) + ".db";
}

struct Part {
  std::string name, filename, content_type, content;
};

std::string multipart(const std::vector<Part>& parts, const std::string& boundary) {
  std::string body;
  for (const auto& p : parts) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name + "\"";
    if (!p.filename.empty()) body += "; filename=\"" + p.filename + "\"";
    body += "\r\nContent-Type: " + p.content_type + "\r\n\r\n" + p.content + "\r\n";
  }
  return body + "--" + boundary + "--\r\n";
}

json feedback_form(const std::string& subject = "Не приходит SMS-код") {
  return {{"subject", subject},
          {"description", "Третий день не могу войти: код не приходит."},
          {"phone", "+7 916 123-45-67"},
          {"email", "ivan@mail.ru"},
          {"consent", true}};
}

struct File {
  std::string name, content_type, content;
};

// A packaged request as the widget sends it, with the files' facts.
std::string packaged(const json& form, const std::vector<File>& files = {}, const std::string& topic = "") {
  json values = form;
  if (!files.empty()) {
    values["attachments"] = json::array();
    for (const auto& f : files) {
      values["attachments"].push_back({{"name", f.name}, {"size", f.content.size()}, {"sha256", server::sha256_hex(f.content)}});
    }
  }
  const auto& schema = *test::forms_config().schema("feedback");
  const forms::FormResult r = forms::validate_form(schema, values, {moscow_from_unix(std::time(nullptr))});
  BOOST_REQUIRE_MESSAGE(r.valid(), "fixture form must be valid");
  std::vector<forms::AttachmentFacts> facts;
  for (const auto& f : files) facts.push_back({std::string(forms::attachment::type_name(forms::attachment::sniff(f.content).type)), server::sha256_hex(f.content)});
  forms::ClientContext client{"ru", "1.0.0", "web", "/help?x=1", topic, {{true, "мой пароль: Secret123!"}}, to_iso(moscow_from_unix(std::time(nullptr)))};
  const auto p = forms::package_request(schema, r.values, client, facts, {"access.account_locked"});
  BOOST_REQUIRE(p.ok());
  return p.value;
}

struct Client {
  httplib::Client http;
  explicit Client(int port) : http("127.0.0.1", port) {
    http.set_read_timeout(30, 0);
    http.set_write_timeout(30, 0);
  }

  httplib::Result send(const std::string& request_json, const std::vector<File>& files, const std::string& key,
                       httplib::Headers headers = {}, const std::string& boundary = "xyzBoundary123") {
    std::vector<Part> parts{{"request", "", "application/json", request_json}};
    for (const auto& f : files) parts.push_back({"file", f.name, f.content_type, f.content});
    if (!key.empty()) headers.emplace("Idempotency-Key", key);
    return http.Post(kPath, headers, multipart(parts, boundary), "multipart/form-data; boundary=" + boundary);
  }

  httplib::Result status(const std::string& number, const std::string& token, httplib::Headers headers = {}) {
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    return http.Get((std::string(kPath) + "/" + number).c_str(), headers);
  }
};

json body_of(const httplib::Result& r) { return json::parse(r->body); }

std::string problem_code(const httplib::Result& r) {
  BOOST_REQUIRE(r);
  BOOST_TEST(r->get_header_value("Content-Type") == "application/problem+json");
  return body_of(r)["code"];
}

// A peer that closes while we write must give an error, not end the tests.
struct IgnoreSigpipe {
  IgnoreSigpipe() { std::signal(SIGPIPE, SIG_IGN); }
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(IgnoreSigpipe);

BOOST_AUTO_TEST_SUITE(requests)

BOOST_AUTO_TEST_CASE(create_and_read_with_the_token) {
  ServerProcess server(fresh_db(), {"--quiet"});
  Client c(server.port());
  const File png{"screen.png", "image/png", test::make_png()};
  const auto r = c.send(packaged(feedback_form(), {png}), {png}, uuid());
  BOOST_TEST_REQUIRE(r->status == 201);
  const json created = body_of(r);
  BOOST_TEST(created["status"] == "accepted");
  BOOST_TEST(created["priority"] == "standard");
  BOOST_TEST(created["number"].get<std::string>().size() == 12u);
  BOOST_TEST(r->get_header_value("Location") == std::string(kPath) + "/" + created["number"].get<std::string>());
  // Due in five working days by the calendar file.
  const auto created_at = parse_iso_datetime(created["created_at"].get<std::string>());
  BOOST_TEST_REQUIRE(created_at.has_value());
  const auto calendar = WorkCalendar::load(test::bundled_text("common/data/work_calendar.json"));
  BOOST_TEST(created["due_date"] == to_iso(calendar.value->add_working_days(created_at->date, 5)));

  const auto s = c.status(created["number"], created["access_token"], {{"Accept-Language", "en"}});
  BOOST_TEST_REQUIRE(s->status == 200);
  const json status = body_of(s);
  BOOST_TEST(status["status"] == "accepted");
  BOOST_TEST(status["status_text"] == "Accepted");
  BOOST_TEST(status["history"].size() == 1u);
  BOOST_TEST(s->get_header_value("Cache-Control") == "no-store");
  BOOST_TEST(test::count_requests(server.db()) == 1);
}

BOOST_AUTO_TEST_CASE(urgent_topics_get_one_working_day) {
  ServerProcess server(fresh_db(), {"--quiet"});
  Client c(server.port());
  const json created = body_of(c.send(packaged(feedback_form(), {}, "access.account_locked"), {}, uuid()));
  BOOST_TEST(created["priority"] == "urgent");
  const auto calendar = WorkCalendar::load(test::bundled_text("common/data/work_calendar.json"));
  BOOST_TEST(created["due_date"] == to_iso(calendar.value->add_working_days(parse_iso_datetime(created["created_at"].get<std::string>())->date, 1)));
}

BOOST_AUTO_TEST_CASE(without_the_token_nothing_is_revealed) {
  ServerProcess server(fresh_db(), {"--quiet"});
  Client c(server.port());
  const json created = body_of(c.send(packaged(feedback_form()), {}, uuid()));
  const std::string number = created["number"];
  const auto none = c.status(number, "");
  const auto wrong = c.status(number, "x" + created["access_token"].get<std::string>());
  const auto missing = c.status("2026-9999999", created["access_token"]);
  const auto garbage = c.status("..%2F..%2Fetc", "abc");
  for (const auto* r : {&none, &wrong, &missing, &garbage}) {
    BOOST_TEST((*r)->status == 404);
    BOOST_TEST(problem_code(*r) == "not_found");
  }
  BOOST_TEST(none->body == wrong->body);
  BOOST_TEST(none->body == missing->body);
}

BOOST_AUTO_TEST_CASE(secrets_in_the_transcript_are_masked_before_storage) {
  ServerProcess server(fresh_db(), {"--quiet"});
  Client c(server.port());
  BOOST_TEST(c.send(packaged(feedback_form()), {}, uuid())->status == 201);
  std::ifstream db(server.db(), std::ios::binary);
  std::stringstream bytes;
  bytes << db.rdbuf();
  std::ifstream wal(server.db() + "-wal", std::ios::binary);
  bytes << wal.rdbuf();
  BOOST_TEST(bytes.str().find("Secret123!") == std::string::npos);
}

// Fault 1 of issue 9: a 900 KiB transcript line was masked at full length by a
// quadratic scan (452 s of one worker). Now it is cut first and scanned in linear time.
BOOST_AUTO_TEST_CASE(quadratic_masking_of_a_900_kib_transcript_line) {
  ServerProcess server(fresh_db(), {"--quiet"});
  Client c(server.port());
  std::string line;
  while (line.size() < 900 * 1024) line += "пароль";
  json request = json::parse(packaged(feedback_form()));
  request["transcript"] = json::array({{{"from", "user"}, {"text", line + " Secret123!"}}});
  const auto started = std::chrono::steady_clock::now();
  const auto r = c.send(request.dump(), {}, uuid());  // the client gives up after 30 s
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  BOOST_TEST_MESSAGE("900 KiB transcript line answered in " << seconds << " s");
  BOOST_TEST_REQUIRE(r);
  BOOST_TEST(r->status == 201);
  const auto bodies = test::query_column(server.db(), "SELECT body FROM requests");
  BOOST_TEST_REQUIRE(bodies.size() == 1u);
  const std::string stored = json::parse(bodies.front())["transcript"][0]["text"];
  BOOST_TEST(stored.size() <= 4000u);
  BOOST_TEST(stored.rfind("пароль", 0) == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(idempotency)

BOOST_AUTO_TEST_CASE(same_key_same_body_replays) {
  ServerProcess server(fresh_db(), {"--quiet"});
  Client c(server.port());
  const std::string key = uuid(), request = packaged(feedback_form());
  const auto first = c.send(request, {}, key);
  // A retry from a new FormData has a new boundary: still the same body.
  const auto again = c.send(request, {}, key, {}, "anotherBoundary987");
  BOOST_TEST_REQUIRE(first->status == 201);
  BOOST_TEST_REQUIRE(again->status == 201);
  BOOST_TEST(again->get_header_value("Idempotent-Replayed") == "true");
  BOOST_TEST(body_of(first) == body_of(again));
  BOOST_TEST(test::count_requests(server.db()) == 1);
}

BOOST_AUTO_TEST_CASE(same_key_other_body_is_refused) {
  ServerProcess server(fresh_db(), {"--quiet"});
  Client c(server.port());
  const std::string key = uuid();
  BOOST_TEST(c.send(packaged(feedback_form("Первая тема")), {}, key)->status == 201);
  const auto other = c.send(packaged(feedback_form("Другая тема")), {}, key);
  BOOST_TEST(other->status == 422);
  BOOST_TEST(problem_code(other) == "idempotency_key_reused");
  BOOST_TEST(test::count_requests(server.db()) == 1);
}

BOOST_AUTO_TEST_CASE(ten_concurrent_sends_create_one_request) {
  ServerProcess server(fresh_db(), {"--quiet", "--threads", "10"});
  const std::string key = uuid(), request = packaged(feedback_form());
  std::vector<std::thread> threads;
  std::vector<std::string> numbers(10);
  std::vector<int> statuses(10);
  for (int i = 0; i < 10; ++i) {
    threads.emplace_back([&, i] {
      Client c(server.port());
      const auto r = c.send(request, {}, key);
      statuses[static_cast<std::size_t>(i)] = r ? r->status : -1;
      if (r && r->status == 201) numbers[static_cast<std::size_t>(i)] = body_of(r)["number"];
    });
  }
  for (auto& t : threads) t.join();
  for (int i = 0; i < 10; ++i) {
    BOOST_TEST(statuses[static_cast<std::size_t>(i)] == 201);
    BOOST_TEST(numbers[static_cast<std::size_t>(i)] == numbers[0]);
  }
  BOOST_TEST(test::count_requests(server.db()) == 1);
}

BOOST_AUTO_TEST_CASE(an_expired_key_makes_a_new_request) {
  ServerProcess server(fresh_db(), {"--quiet", "--idempotency-ttl", "1"});
  Client c(server.port());
  const std::string key = uuid(), request = packaged(feedback_form());
  const json first = body_of(c.send(request, {}, key));
  BOOST_TEST(body_of(c.send(request, {}, key))["number"] == first["number"]);  // within the second: a replay
  std::this_thread::sleep_for(std::chrono::milliseconds(2200));
  const auto later = c.send(request, {}, key);
  BOOST_TEST_REQUIRE(later->status == 201);
  BOOST_TEST(!later->has_header("Idempotent-Replayed"));
  BOOST_TEST(body_of(later)["number"] != first["number"]);
  BOOST_TEST(test::count_requests(server.db()) == 2);
  // The key now belongs to the new request: replays find it, another body is refused.
  BOOST_TEST(body_of(c.send(request, {}, key))["number"] == body_of(later)["number"]);
  BOOST_TEST(problem_code(c.send(packaged(feedback_form("Другая тема")), {}, key)) == "idempotency_key_reused");
  BOOST_TEST(test::query_column(server.db(), "SELECT COUNT(*) FROM idempotency") == std::vector<std::string>{"1"});
}

BOOST_AUTO_TEST_CASE(key_is_required_and_must_be_a_uuid) {
  ServerProcess server(fresh_db(), {"--quiet"});
  Client c(server.port());
  BOOST_TEST(problem_code(c.send(packaged(feedback_form()), {}, "")) == "idempotency_key_missing");
  BOOST_TEST(problem_code(c.send(packaged(feedback_form()), {}, "not-a-uuid")) == "idempotency_key_malformed");
  BOOST_TEST(problem_code(c.send(packaged(feedback_form()), {}, "'; DROP TABLE requests; --")) == "idempotency_key_malformed");
  BOOST_TEST(test::count_requests(server.db()) == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(bad_input)

BOOST_AUTO_TEST_CASE(field_errors_use_the_forms_codes) {
  ServerProcess server(fresh_db(), {"--quiet"});
  Client c(server.port());
  json request = json::parse(packaged(feedback_form()));
  request["contacts"]["phone"] = "+7916123";
  request["contacts"]["email"] = "ivan@@mail.ru";
  const auto r = c.send(request.dump(), {}, uuid(), {{"Accept-Language", "en-GB,en;q=0.9"}});
  BOOST_TEST(r->status == 422);
  const json p = body_of(r);
  BOOST_TEST(p["code"] == "validation_failed");
  BOOST_TEST(p["title"] == "The request has errors");
  BOOST_TEST(r->get_header_value("Content-Language") == "en");
  BOOST_TEST_REQUIRE(p["errors"].size() == 2u);
  BOOST_TEST(p["errors"][0]["path"] == "phone");
  BOOST_TEST(p["errors"][0]["code"] == "phone.too_short");
  BOOST_TEST(p["errors"][0]["key"] == "forms.phone.too_short");
  BOOST_TEST(!p["errors"][0]["message"].get<std::string>().empty());
  BOOST_TEST(p["errors"][1]["code"] == "email.multiple_at");
  BOOST_TEST(test::count_requests(server.db()) == 0);
}

BOOST_AUTO_TEST_CASE(files_are_checked_by_content) {
  ServerProcess server(fresh_db(), {"--quiet"});
  Client c(server.port());
  const File exe{"invoice.png", "image/png", test::make_pe()};
  // The widget's facts say png; the server looks at the bytes.
  json request = json::parse(packaged(feedback_form(), {File{"invoice.png", "image/png", test::make_png()}}));
  request["attachments"][0]["sha256"] = server::sha256_hex(exe.content);
  request["attachments"][0]["size"] = exe.content.size();
  const auto r = c.send(request.dump(), {exe}, uuid());
  BOOST_TEST(r->status == 422);
  BOOST_TEST(body_of(r)["errors"][0]["path"] == "attachments[0]");
  BOOST_TEST(body_of(r)["errors"][0]["code"] == "attachment.executable");
  // A file that is not the one described.
  const File png{"screen.png", "image/png", test::make_png()};
  const auto swapped = c.send(packaged(feedback_form(), {png}), {File{"screen.png", "image/png", test::make_jpeg()}}, uuid());
  BOOST_TEST(body_of(swapped)["errors"][0]["code"] == "attachment.part_mismatch");
  const auto missing = c.send(packaged(feedback_form(), {png}), {}, uuid());
  BOOST_TEST(body_of(missing)["errors"][0]["code"] == "attachment.count_mismatch");
  BOOST_TEST(test::count_requests(server.db()) == 0);
}

BOOST_AUTO_TEST_CASE(broken_requests_get_precise_problems) {
  ServerProcess server(fresh_db(), {"--quiet"});
  Client c(server.port());
  BOOST_TEST(problem_code(c.send("{", {}, uuid())) == "request_malformed");
  BOOST_TEST(problem_code(c.send(std::string(100000, '['), {}, uuid())) == "request_malformed");  // a JSON bomb
  BOOST_TEST(problem_code(c.send("{\"form\": \"\xff\xfe\"}", {}, uuid())) == "request_malformed");  // invalid UTF-8
  const auto unknown = c.send(R"({"schema_version": 1, "form": "complaints", "form_version": 1})", {}, uuid());
  BOOST_TEST(body_of(unknown)["errors"][0]["code"] == "request.unknown_form");
  const auto not_multipart = c.http.Post(kPath, {{"Idempotency-Key", uuid()}}, "{}", "application/json");
  BOOST_TEST(problem_code(not_multipart) == "unsupported_media_type");
  const auto no_request = c.http.Post(kPath, {{"Idempotency-Key", uuid()}},
                                      multipart({{"file", "a.png", "image/png", "x"}}, "b1"), "multipart/form-data; boundary=b1");
  BOOST_TEST(problem_code(no_request) == "request_part_missing");
  const auto stray = c.http.Post(kPath, {{"Idempotency-Key", uuid()}},
                                 multipart({{"request", "", "application/json", "{}"}, {"evil", "", "text/plain", "x"}}, "b2"),
                                 "multipart/form-data; boundary=b2");
  BOOST_TEST(problem_code(stray) == "unexpected_part");
  const auto malformed = c.http.Post(kPath, {{"Idempotency-Key", uuid()}}, "--b3\r\nContent-Disposition: form-data\r\n\r\nno end",
                                     "multipart/form-data; boundary=b3");
  BOOST_TEST(malformed->status == 400);
  BOOST_TEST(test::count_requests(server.db()) == 0);
}

// Fault 3 of issue 9: `"from": 1` in a transcript line and `"name": 123` in an
// attachment claim were answered 500 internal_error, unlogged.
BOOST_AUTO_TEST_CASE(hostile_json_types_are_problems_not_500s) {
  ServerProcess server(fresh_db());
  Client c(server.port());
  const File png{"screen.png", "image/png", test::make_png()};
  const json good = json::parse(packaged(feedback_form(), {png}));
  struct Case {
    const char* pointer;
    json value;
    std::string path;
  };
  const std::vector<Case> cases = {{"/transcript/0/from", 1, "transcript[0].from"},
                                   {"/transcript/0/text", json::array(), "transcript[0].text"},
                                   {"/attachments/0/name", 123, "attachments[0].name"},
                                   {"/attachments/0/size", "12", "attachments[0].size"},
                                   {"/attachments/0/type", false, "attachments[0].type"},
                                   {"/attachments/0/sha256", json::object(), "attachments[0].sha256"},
                                   {"/client/page", 5, "client.page"},
                                   {"/consent/given_at", 1.5, "consent.given_at"}};
  for (const Case& k : cases) {
    BOOST_TEST_CONTEXT(k.pointer) {
      json request = good;
      request[json::json_pointer(k.pointer)] = k.value;
      const auto r = c.send(request.dump(), {png}, uuid());
      BOOST_TEST_REQUIRE(r);
      BOOST_TEST_REQUIRE(r->status == 422);
      BOOST_TEST(problem_code(r) == "validation_failed");
      const json p = body_of(r);
      BOOST_TEST_REQUIRE(p["errors"].size() >= 1u);
      BOOST_TEST(p["errors"][0]["code"] == "request.malformed");
      BOOST_TEST(p["errors"][0]["params"]["path"] == k.path);
    }
  }
  // Types the validator checks again (details, consent) are field errors too, never 500.
  for (const auto& [pointer, value] : std::vector<std::pair<const char*, json>>{
           {"/consent/personal_data", "yes"}, {"/details/agency", json::array({1})}, {"/subject", 12}}) {
    BOOST_TEST_CONTEXT(pointer) {
      json request = good;
      request[json::json_pointer(pointer)] = value;
      const auto r = c.send(request.dump(), {png}, uuid());
      BOOST_TEST_REQUIRE(r);
      BOOST_TEST(r->status / 100 == 4);
    }
  }
  BOOST_TEST(test::count_requests(server.db()) == 0);
  BOOST_TEST(server.log().find("internal_error") == std::string::npos);
  BOOST_TEST(server.log().find("\"status\":500") == std::string::npos);
}

// The other half of fault 3: an exception no handler expected is logged with
// its what(), and nothing of the request. The database is held locked by
// another connection, so creating a request fails after SQLite's busy timeout.
BOOST_AUTO_TEST_CASE(an_unexpected_exception_is_logged_without_personal_data) {
  ServerProcess server(fresh_db());
  Client c(server.port());
  BOOST_TEST_REQUIRE(c.http.Get("/api/v1/health")->status == 200);
  sqlite3* lock = nullptr;
  BOOST_TEST_REQUIRE(sqlite3_open(server.db().c_str(), &lock) == SQLITE_OK);
  BOOST_TEST_REQUIRE(sqlite3_exec(lock, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
  const auto r = c.send(packaged(feedback_form()), {}, uuid());
  sqlite3_exec(lock, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(lock);
  BOOST_TEST_REQUIRE(r);
  BOOST_TEST(r->status == 500);
  BOOST_TEST(problem_code(r) == "internal_error");
  server.terminate();
  const std::string log = server.log();
  const auto at = log.find("\"level\":\"error\"");
  BOOST_TEST_REQUIRE(at != std::string::npos);
  const std::string line = log.substr(log.rfind('\n', at) + 1, log.find('\n', at) - log.rfind('\n', at) - 1);
  const json error = json::parse(line);
  BOOST_TEST(error["route"] == kPath);
  BOOST_TEST(error["exception"].get<std::string>().find("locked") != std::string::npos);
  for (const char* personal : {"ivan@mail.ru", "79161234567", "Secret123", "SMS-код"}) {
    BOOST_TEST_CONTEXT(personal) { BOOST_TEST(log.find(personal) == std::string::npos); }
  }
}

BOOST_AUTO_TEST_CASE(sql_metacharacters_are_just_text) {
  ServerProcess server(fresh_db(), {"--quiet"});
  Client c(server.port());
  const std::string evil = "Robert'); DROP TABLE requests; -- \" ` \\ %_";
  json form = feedback_form("Тема " + evil);
  form["description"] = "Описание " + evil;
  form["agency"] = evil;
  form["full_name"] = "O'Brien D'Artagnan";    // apostrophes that names allow
  form["email"] = "o'brien+x@mail.ru";          // and that e-mail allows
  form["related_number"] = "№ 1--2 #3";        // comment markers, still a valid reference
  json request = json::parse(packaged(form));
  request["transcript"] = json::array({{{"from", "user"}, {"text", evil}}});
  request["client"]["page"] = "/help/'; DROP TABLE history; --";
  const auto r = c.send(request.dump(), {}, uuid());
  BOOST_TEST_REQUIRE(r->status == 201);
  const json created = body_of(r);
  BOOST_TEST(c.status(created["number"], created["access_token"])->status == 200);
  BOOST_TEST(test::count_requests(server.db()) == 1);
  // Stored as data, byte for byte.
  const auto bodies = test::query_column(server.db(), "SELECT body FROM requests");
  BOOST_TEST_REQUIRE(bodies.size() == 1u);
  int verbatim = 0;  // string values that carry the hostile text unchanged
  const auto count_verbatim = [&](const json& v, const auto& self) -> void {
    if (v.is_string() && v.get<std::string>().find(evil) != std::string::npos) ++verbatim;
    if (v.is_structured()) for (const auto& item : v) self(item, self);
  };
  count_verbatim(json::parse(bodies.front()), count_verbatim);
  BOOST_TEST(verbatim >= 3);  // subject, description, agency (the transcript is stored masked or not at all)
  BOOST_TEST(test::query_column(server.db(), "SELECT status FROM history").size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_hundred_megabytes_is_refused_without_storing) {
  ServerProcess server(fresh_db(), {"--quiet"});
  Client c(server.port());
  const File huge{"big.pdf", "application/pdf", std::string(100 * 1024 * 1024, 'x')};
  const auto r = c.send(packaged(feedback_form()), {huge}, uuid());
  BOOST_TEST_REQUIRE(r);
  BOOST_TEST(r->status == 413);
  BOOST_TEST(body_of(r)["code"] == "payload_too_large");
  BOOST_TEST(test::count_requests(server.db()) == 0);
  // The server is still there.
  BOOST_TEST(c.http.Get("/api/v1/health")->status == 200);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(operations)

BOOST_AUTO_TEST_CASE(rate_limit_per_client) {
  ServerProcess server(fresh_db(), {"--quiet", "--rate-limit", "6", "--rate-burst", "3"});
  Client c(server.port());
  for (int i = 0; i < 3; ++i) BOOST_TEST(c.status("2026-0000001", "x")->status == 404);
  const auto limited = c.status("2026-0000001", "x");
  BOOST_TEST(limited->status == 429);
  BOOST_TEST(problem_code(limited) == "rate_limited");
  BOOST_TEST(std::stoi(limited->get_header_value("Retry-After")) >= 1);
}

BOOST_AUTO_TEST_CASE(cors_for_configured_origins_only) {
  ServerProcess server(fresh_db(), {"--quiet", "--cors-origin", "https://portal.example"});
  Client c(server.port());
  const auto allowed = c.http.Options(kPath, {{"Origin", "https://portal.example"}, {"Access-Control-Request-Method", "POST"}});
  BOOST_TEST(allowed->status == 204);
  BOOST_TEST(allowed->get_header_value("Access-Control-Allow-Origin") == "https://portal.example");
  BOOST_TEST(allowed->get_header_value("Access-Control-Allow-Headers").find("Idempotency-Key") != std::string::npos);
  const auto other = c.http.Options(kPath, {{"Origin", "https://evil.example"}});
  BOOST_TEST(!other->has_header("Access-Control-Allow-Origin"));
  const auto post = c.send(packaged(feedback_form()), {}, uuid(), {{"Origin", "https://portal.example"}});
  BOOST_TEST(post->get_header_value("Access-Control-Allow-Origin") == "https://portal.example");
  BOOST_TEST(post->get_header_value("Access-Control-Expose-Headers").find("Location") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(demo_mode_moves_requests_through_the_statuses) {
  ServerProcess server(fresh_db(), {"--quiet", "--demo-step", "1"});
  Client c(server.port());
  const json created = body_of(c.send(packaged(feedback_form()), {}, uuid()));
  std::this_thread::sleep_for(std::chrono::milliseconds(2200));
  const json status = body_of(c.status(created["number"], created["access_token"]));
  BOOST_TEST(status["history"].size() >= 3u);
  BOOST_TEST(status["history"][1]["status"] == "in_progress");
  BOOST_TEST(status["history"][2]["status"] == "needs_clarification");
  BOOST_TEST(status["status"] != "accepted");
}

BOOST_AUTO_TEST_CASE(an_acknowledged_request_survives_kill_9) {
  const std::string db = fresh_db();
  json created;
  {
    ServerProcess server(db, {"--quiet"});
    Client c(server.port());
    const auto r = c.send(packaged(feedback_form()), {}, uuid());
    BOOST_TEST_REQUIRE(r->status == 201);
    created = body_of(r);
    server.kill_hard();  // right after the 201
  }
  ServerProcess restarted(db, {"--quiet"});
  Client c(restarted.port());
  const auto s = c.status(created["number"], created["access_token"]);
  BOOST_TEST(s->status == 200);
  BOOST_TEST(body_of(s)["number"] == created["number"]);
}

BOOST_AUTO_TEST_CASE(one_log_line_per_request_without_personal_data) {
  ServerProcess server(fresh_db());
  Client c(server.port());
  const json created = body_of(c.send(packaged(feedback_form()), {}, uuid()));
  c.status(created["number"], created["access_token"]);
  c.http.Get("/no/such/page");
  server.terminate();
  std::istringstream log(server.log());
  std::string line;
  std::getline(log, line);  // "listening on ..."
  std::vector<json> lines;
  while (std::getline(log, line)) lines.push_back(json::parse(line));
  BOOST_TEST_REQUIRE(lines.size() == 3u);
  BOOST_TEST(lines[0]["route"] == kPath);
  BOOST_TEST(lines[0]["status"] == 201);
  BOOST_TEST(lines[1]["route"] == std::string(kPath) + "/{number}");
  BOOST_TEST(lines[2]["status"] == 404);
  const std::string all = server.log();
  for (const std::string& secret : {std::string("ivan@mail.ru"), std::string("79161234567"), created["number"].get<std::string>(),
                                   created["access_token"].get<std::string>(), std::string("127.0.0.1\"")}) {
    BOOST_TEST_CONTEXT(secret) { BOOST_TEST(all.find(secret) == std::string::npos); }
  }
}

BOOST_AUTO_TEST_CASE(unknown_routes_and_methods_are_problems_too) {
  ServerProcess server(fresh_db(), {"--quiet"});
  Client c(server.port());
  const auto r = c.http.Delete(kPath);
  BOOST_TEST(r->status >= 400);
  BOOST_TEST(r->get_header_value("Content-Type") == "application/problem+json");
  BOOST_TEST(c.http.Get("/api/v1/openapi.json")->status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
