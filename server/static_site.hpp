// Static files beside the API: the built widget (build/web), demo and test
// pages, each folder mounted at a URL prefix. Every file goes out with the
// widget's strict Content-Security-Policy, `nosniff` and a cache policy that
// trusts content-hashed names only; text, JSON and WASM as their precompressed
// copies (file.br, file.gz from web/precompress.mjs) when the client takes them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace httplib {
class Server;
}  // namespace httplib

namespace support::server {

// The policy every page and asset of ours runs under (the widget issue's CSP).
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

struct WebMount {
  std::string prefix;  // "/" or "/widget/": always starts and ends with '/'
  std::string dir;     // canonical absolute path of the folder
};

// Parses a --web-root value: "DIR" (mounted at /) or "/PREFIX=DIR".
// nullopt and `error` when the folder does not exist or the prefix is malformed.
std::optional<WebMount> parse_web_mount(std::string_view spec, std::string& error);

// A file a URL path names under one of `mounts`, or nullopt when none does or
// the path tries to leave its folder ("..", NUL, hidden names, symlinks out).
struct StaticFile {
  std::string path;       // absolute path on disk
  std::string mime;       // Content-Type
  bool immutable = false; // the name carries a content hash
};
std::optional<StaticFile> resolve_static(const std::vector<WebMount>& mounts, const std::string& url_path);

// MIME type of a file name by extension (application/octet-stream when unknown).
std::string mime_of(std::string_view name);

// True when a file name carries a content hash (name-0123abcd.js, name.0123abcd.json):
// such a file never changes and may be cached for a year.
bool has_content_hash(std::string_view name);

// True when an Accept-Encoding header value takes `coding` ("gzip, br;q=1"
// takes br; "br;q=0" and a missing coding do not; "*" stands for the rest).
bool accepts_encoding(std::string_view accept_encoding, std::string_view coding);

// Registers GET (and HEAD) for every file under `mounts`, after the API routes.
void mount_static_site(httplib::Server& server, const std::vector<WebMount>& mounts);

}  // namespace support::server
