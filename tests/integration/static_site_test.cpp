// The reference server's static files (--web-root): the built widget and pages
// under the strict CSP, right MIME types, cache policy by content hash, and no
// way out of the mounted folders.
#define BOOST_TEST_MODULE static_site
#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>

#include "server/static_site.hpp"
#include "tests/support/process.hpp"
#include "tests/support/server_process.hpp"

using namespace support;
namespace fs = std::filesystem;

namespace {

constexpr const char* kSecret = "SECRET-OUTSIDE-THE-WEB-ROOT";

void write(const fs::path& p, const std::string& content) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

// A site folder, a widget folder mounted inside it, and a secret beside them.
struct Site {
  fs::path root = fs::path(test::temp_dir()) / "site";
  fs::path widget = fs::path(test::temp_dir()) / "widget-build";
  Site() {
    write(root / "index.html", "<!doctype html><title>home</title>");
    write(root / "mobile.html", "<!doctype html><title>mobile</title>");
    write(root / "pages/app.js", "export const x = 1;");
    write(root / ".env", kSecret);
    write(root / "api/v1/health", "a file must not shadow the API");
    write(widget / "support-widget.js", "(()=>{})();");
    write(widget / "widget-4F2KQ7ZA.js", "export {};");
    write(widget / "widget-4F2KQ7ZA.css", ":host{}");
    write(widget / "support-core.wasm", std::string("\0asm\1\0\0\0", 8));
    write(widget / "data/chat.ru.0a1b2c3d4e.json", "{}");
    // Precompressed copies as web/precompress.mjs writes them: after their file.
    write(widget / "widget-4F2KQ7ZA.js.br", "BROTLI-BYTES");
    write(widget / "widget-4F2KQ7ZA.js.gz", "GZIP-BYTES");
    write(widget / "logo.png", "PNG");
    write(widget / "logo.png.br", "NOT-SENT");
    write(widget / "plain.js", "export const plain = 1;");
    // A copy older than its file: the data was redeployed without precompressing.
    write(widget / "stale.js", "export const fresh = 2;");
    write(widget / "stale.js.br", "OLD-BROTLI");
    fs::last_write_time(widget / "stale.js.br", fs::last_write_time(widget / "stale.js") - std::chrono::hours(1));
    write(widget / "linked.js", "export const linked = 3;");
    fs::remove(widget / "linked.js.br");
    fs::create_symlink(fs::path(test::temp_dir()) / "secret.txt", widget / "linked.js.br");
    write(fs::path(test::temp_dir()) / "secret.txt", kSecret);
    fs::remove(root / "escape.txt");
    fs::create_symlink(fs::path(test::temp_dir()) / "secret.txt", root / "escape.txt");
  }
};

const Site& site() {
  static const Site s;
  return s;
}

struct Server {
  test::ServerProcess process{test::temp_dir() + "/static.db",
                              {"--quiet", "--web-root", site().root.string(), "--web-root", "/widget=" + site().widget.string()}};
  httplib::Client http{"127.0.0.1", process.port()};
};

Server& site_server() {
  static Server s;
  return s;
}

// One request exactly as written, for paths an HTTP client library would clean up.
std::string raw_get(const std::string& target) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  const timeval limit{10, 0};  // a server that stalls fails the test instead of hanging it
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(site_server().process.port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  BOOST_REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  const std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  BOOST_REQUIRE(send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size()));
  std::string response;
  char buffer[4096];
  for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) response.append(buffer, static_cast<std::size_t>(n));
  close(fd);
  return response;
}

struct IgnoreSigpipe {
  IgnoreSigpipe() { std::signal(SIGPIPE, SIG_IGN); }
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(IgnoreSigpipe);

BOOST_AUTO_TEST_CASE(files_come_with_their_type_and_the_strict_csp) {
  const std::pair<const char*, const char*> cases[] = {
      {"/", "text/html; charset=utf-8"},
      {"/pages/app.js", "text/javascript; charset=utf-8"},
      {"/widget/support-widget.js", "text/javascript; charset=utf-8"},
      {"/widget/widget-4F2KQ7ZA.css", "text/css; charset=utf-8"},
      {"/widget/support-core.wasm", "application/wasm"},
      {"/widget/data/chat.ru.0a1b2c3d4e.json", "application/json"},
  };
  for (const auto& [path, type] : cases) {
    BOOST_TEST_CONTEXT(path) {
      const auto r = site_server().http.Get(path);
      BOOST_REQUIRE(r);
      BOOST_TEST(r->status == 200);
      BOOST_TEST(r->get_header_value("Content-Type") == type);
      BOOST_TEST(r->get_header_value("Content-Security-Policy") == server::kContentSecurityPolicy);
      BOOST_TEST(r->get_header_value("X-Content-Type-Options") == "nosniff");
    }
  }
  const auto wasm = site_server().http.Get("/widget/support-core.wasm");
  BOOST_TEST(wasm->body == std::string("\0asm\1\0\0\0", 8));
  BOOST_TEST(std::string(server::kContentSecurityPolicy) ==
             "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'");
}

BOOST_AUTO_TEST_CASE(clean_urls_and_index_pages) {
  BOOST_TEST(site_server().http.Get("/")->body.find("home") != std::string::npos);
  BOOST_TEST(site_server().http.Get("/mobile")->body.find("mobile") != std::string::npos);
  BOOST_TEST(site_server().http.Get("/mobile.html")->body.find("mobile") != std::string::npos);
  BOOST_TEST(site_server().http.Get("/nothing-here")->status == 404);
  BOOST_TEST(site_server().http.Get("/widget/missing.js")->status == 404);
}

BOOST_AUTO_TEST_CASE(only_hashed_names_are_cached_for_long) {
  BOOST_TEST(site_server().http.Get("/widget/widget-4F2KQ7ZA.js")->get_header_value("Cache-Control") == "public, max-age=31536000, immutable");
  BOOST_TEST(site_server().http.Get("/widget/data/chat.ru.0a1b2c3d4e.json")->get_header_value("Cache-Control") ==
             "public, max-age=31536000, immutable");
  // The loader's name is what host pages embed: it must be revalidated.
  BOOST_TEST(site_server().http.Get("/widget/support-widget.js")->get_header_value("Cache-Control") == "no-cache");
  BOOST_TEST(site_server().http.Get("/")->get_header_value("Cache-Control") == "no-cache");

  BOOST_TEST(server::has_content_hash("widget-4F2KQ7ZA.js"));
  BOOST_TEST(server::has_content_hash("data/kb.ru.0123abcd.json"));
  BOOST_TEST(!server::has_content_hash("support-widget.js"));
  BOOST_TEST(!server::has_content_hash("widget-settings.js"));  // a word, not a hash
  BOOST_TEST(!server::has_content_hash("a-1234.js"));           // too short
}

// The bytes exactly as sent: no decompression by the client.
httplib::Result get_encoded(const std::string& path, const std::string& accept_encoding, const std::string& range = "") {
  httplib::Client client{"127.0.0.1", site_server().process.port()};
  client.set_decompress(false);
  httplib::Headers headers{{"Accept-Encoding", accept_encoding}};
  if (!range.empty()) headers.emplace("Range", range);
  return client.Get(path, headers);
}

BOOST_AUTO_TEST_CASE(precompressed_copies_go_out_when_the_client_takes_them) {
  const auto br = get_encoded("/widget/widget-4F2KQ7ZA.js", "gzip, deflate, br");
  BOOST_REQUIRE(br);
  BOOST_TEST(br->status == 200);
  BOOST_TEST(br->body == "BROTLI-BYTES");
  BOOST_TEST(br->get_header_value("Content-Encoding") == "br");
  BOOST_TEST(br->get_header_value("Vary") == "Accept-Encoding");
  BOOST_TEST(br->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
  BOOST_TEST(br->get_header_value("Content-Length") == "12");
  BOOST_TEST(br->get_header_value("Content-Security-Policy") == server::kContentSecurityPolicy);

  const auto gz = get_encoded("/widget/widget-4F2KQ7ZA.js", "br;q=0, gzip");
  BOOST_TEST(gz->body == "GZIP-BYTES");
  BOOST_TEST(gz->get_header_value("Content-Encoding") == "gzip");

  for (const char* none : {"", "identity", "br;q=0, gzip;q=0.000", "deflate"}) {
    BOOST_TEST_CONTEXT(none) {
      const auto plain = get_encoded("/widget/widget-4F2KQ7ZA.js", none);
      BOOST_TEST(plain->body == "export {};");
      BOOST_TEST(!plain->has_header("Content-Encoding"));
    }
  }
  // A range is of the file itself.
  const auto range = get_encoded("/widget/widget-4F2KQ7ZA.js", "br", "bytes=0-5");
  BOOST_TEST(range->status == 206);
  BOOST_TEST(range->body == "export");
  BOOST_TEST(!range->has_header("Content-Encoding"));
}

BOOST_AUTO_TEST_CASE(nothing_is_compressed_per_request) {
  // No copy: the file as it is, never compressed on the fly (Debian's
  // cpp-httplib would Brotli it at quality 11 on every request).
  const auto plain = get_encoded("/widget/plain.js", "gzip, deflate, br");
  BOOST_TEST(plain->body == "export const plain = 1;");
  BOOST_TEST(!plain->has_header("Content-Encoding"));
  // A copy older than its file is not what the file says now.
  const auto stale = get_encoded("/widget/stale.js", "br");
  BOOST_TEST(stale->body == "export const fresh = 2;");
  BOOST_TEST(!stale->has_header("Content-Encoding"));
  // A copy that is a link out of the folder is never followed.
  const auto linked = get_encoded("/widget/linked.js", "br");
  BOOST_TEST(linked->body == "export const linked = 3;");
  BOOST_TEST(linked->body.find(kSecret) == std::string::npos);
  // Images are compressed already: a stray copy beside one is not sent.
  const auto image = get_encoded("/widget/logo.png", "br");
  BOOST_TEST(image->body == "PNG");
  BOOST_TEST(!image->has_header("Content-Encoding"));
  BOOST_TEST(!image->has_header("Vary"));
}

BOOST_AUTO_TEST_CASE(accept_encoding_is_read_as_http_says) {
  BOOST_TEST(server::accepts_encoding("gzip, deflate, br", "br"));
  BOOST_TEST(server::accepts_encoding("GZIP;q=0.5", "gzip"));
  BOOST_TEST(server::accepts_encoding(" br ; q=1 ", "br"));
  BOOST_TEST(!server::accepts_encoding("br;q=0", "br"));
  BOOST_TEST(!server::accepts_encoding("br;q=0.0", "br"));
  BOOST_TEST(!server::accepts_encoding("brotli, xbr", "br"));
  BOOST_TEST(!server::accepts_encoding("", "gzip"));
  BOOST_TEST(server::accepts_encoding("*", "gzip"));
  BOOST_TEST(!server::accepts_encoding("*, gzip;q=0", "gzip"));
  BOOST_TEST(!server::accepts_encoding("*;q=0", "br"));
}

BOOST_AUTO_TEST_CASE(no_path_leads_out_of_the_folder) {
  for (const char* target : {"/../secret.txt", "/%2e%2e/secret.txt", "/pages/../../secret.txt", "/pages/%2E%2E/%2E%2E/secret.txt",
                             "/.env", "/%2eenv", "/pages//app.js", "/escape.txt", "/widget/../../secret.txt",
                             "/widget/..%2f..%2fsecret.txt", "/pages/app.js%00.html", "/pages%5c..%5c..%5csecret.txt"}) {
    BOOST_TEST_CONTEXT(target) {
      const std::string response = raw_get(target);
      BOOST_TEST(response.find(kSecret) == std::string::npos);
      BOOST_TEST(response.rfind("HTTP/1.1 200", 0) != 0u);
    }
  }
  // The same server still serves what it should.
  BOOST_TEST(raw_get("/pages/app.js").rfind("HTTP/1.1 200", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(the_api_keeps_its_paths) {
  const auto health = site_server().http.Get("/api/v1/health");
  BOOST_TEST(health->body == R"({"status":"ok"})");
  const auto missing = site_server().http.Get("/api/v1/nothing");
  BOOST_TEST(missing->status == 404);
  BOOST_TEST(missing->get_header_value("Content-Type") == "application/problem+json");
  // Only GET and HEAD read files.
  BOOST_TEST(site_server().http.Post("/pages/app.js", "x", "text/plain")->status >= 400);
  const auto head = site_server().http.Head("/pages/app.js");
  BOOST_TEST(head->status == 200);
  BOOST_TEST(head->body.empty());
}

BOOST_AUTO_TEST_CASE(a_missing_folder_is_a_clear_startup_error) {
  // `timeout`: a server that wrongly starts must fail the test, not hang it.
  const auto r = test::run_command("timeout 10 " + std::string(SUPPORT_API_PATH) + " --port 0 --db " + test::temp_dir() +
                                   "/x.db --web-root /does/not/exist");
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err.find("--web-root: not a folder: /does/not/exist") != std::string::npos);
  const auto prefix = test::run_command("timeout 10 " + std::string(SUPPORT_API_PATH) + " --port 0 --db " + test::temp_dir() +
                                        "/y.db --web-root /../x=" + test::temp_dir());
  BOOST_TEST(prefix.exit_code == 2);
  BOOST_TEST(prefix.err.find("malformed URL prefix") != std::string::npos);
}
