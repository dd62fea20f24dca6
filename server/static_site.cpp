#include "server/static_site.hpp"

#include <httplib.h>
#include <sys/stat.h>

#include <cctype>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

namespace support::server {

namespace {

constexpr std::size_t kMaxFileBytes = 64 * 1024 * 1024;  // ours are far smaller; never slurp a stray huge file

std::optional<std::string> canonical(const std::string& path) {
  char buffer[PATH_MAX];
  if (!realpath(path.c_str(), buffer)) return std::nullopt;
  return std::string(buffer);
}

bool is_regular_file(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// A precompressed copy that may stand for the file: a regular file of its own
// (no link out of the folder), written no earlier than the file.
bool current_copy(const std::string& copy, const struct stat& file) {
  const auto real = canonical(copy);
  struct stat st {};
  if (!real || *real != copy || stat(copy.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  return st.st_mtim.tv_sec != file.st_mtim.tv_sec ? st.st_mtim.tv_sec > file.st_mtim.tv_sec
                                                   : st.st_mtim.tv_nsec >= file.st_mtim.tv_nsec;
}

bool is_directory(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Each segment of the part of a URL path below a mount: plain names only.
bool safe_relative(std::string_view rel) {
  if (rel.find('\0') != std::string_view::npos || rel.find('\\') != std::string_view::npos) return false;
  std::size_t start = 0;
  while (start < rel.size()) {
    const std::size_t end = std::min(rel.find('/', start), rel.size());
    const std::string_view segment = rel.substr(start, end - start);
    // "", ".", ".." and hidden files (.git, .env) are never served.
    if (segment.empty() && end != rel.size()) return false;
    if (!segment.empty() && segment.front() == '.') return false;
    start = end + 1;
  }
  return true;
}

std::string read_file(const std::string& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  ok = static_cast<bool>(in) || in.eof();
  return out.str();
}

// The precompressed copies web/precompress.mjs writes beside a file, best first.
struct Precompressed {
  const char* suffix;
  const char* coding;
};
constexpr Precompressed kPrecompressed[] = {{".br", "br"}, {".gz", "gzip"}};

std::string_view trim(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return v;
}

bool same_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

bool compressible(std::string_view mime) {
  return mime.rfind("text/", 0) == 0 || mime == "application/json" || mime == "application/wasm" || mime == "image/svg+xml";
}

}  // namespace

bool accepts_encoding(std::string_view accept_encoding, std::string_view coding) {
  bool any = false;  // "*" stands for every coding not named
  std::size_t start = 0;
  while (start <= accept_encoding.size()) {
    const std::size_t end = std::min(accept_encoding.find(',', start), accept_encoding.size());
    std::string_view item = accept_encoding.substr(start, end - start);
    start = end + 1;
    const std::size_t semi = item.find(';');
    const std::string_view name = trim(item.substr(0, semi));
    // "q=0" (or 0.0, 0.000) refuses the coding; any other weight accepts it.
    bool refused = false;
    if (semi != std::string_view::npos) {
      std::string_view params = trim(item.substr(semi + 1));
      if (params.size() >= 2 && (params[0] == 'q' || params[0] == 'Q') && params[1] == '=') {
        params.remove_prefix(2);
        refused = !params.empty() && params.find_first_not_of("0.") == std::string_view::npos;
      }
    }
    if (same_ignoring_case(name, coding)) return !refused;
    if (name == "*") any = !refused;
  }
  return any;
}

std::optional<WebMount> parse_web_mount(std::string_view spec, std::string& error) {
  WebMount m{"/", std::string(spec)};
  if (!spec.empty() && spec.front() == '/') {
    const std::size_t eq = spec.find('=');
    if (eq != std::string_view::npos) {
      m.prefix = std::string(spec.substr(0, eq));
      m.dir = std::string(spec.substr(eq + 1));
      if (m.prefix.back() != '/') m.prefix += '/';
      if (!safe_relative(std::string_view(m.prefix).substr(1, m.prefix.size() - 2)) || m.prefix.find("//") != std::string::npos) {
        error = "--web-root: malformed URL prefix " + m.prefix;
        return std::nullopt;
      }
    }
  }
  const auto dir = canonical(m.dir);
  if (!dir || !is_directory(*dir)) {
    error = "--web-root: not a folder: " + m.dir;
    return std::nullopt;
  }
  m.dir = *dir;
  return m;
}

std::string mime_of(std::string_view name) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".wasm", "application/wasm"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
      {".woff2", "font/woff2"},
  };
  const std::size_t dot = name.rfind('.');
  if (dot != std::string_view::npos) {
    std::string ext(name.substr(dot));
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& [e, type] : kTypes) {
      if (ext == e) return type;
    }
  }
  return "application/octet-stream";
}

bool has_content_hash(std::string_view name) {
  const std::size_t slash = name.rfind('/');
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  const std::string_view stem = name.substr(0, dot);
  const std::size_t sep = stem.find_last_of("-.");
  if (sep == std::string_view::npos) return false;
  const std::string_view hash = stem.substr(sep + 1);
  bool digit = false;
  for (const char c : hash) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return false;
    digit = digit || std::isdigit(static_cast<unsigned char>(c));
  }
  return hash.size() >= 8 && digit;
}

std::optional<StaticFile> resolve_static(const std::vector<WebMount>& mounts, const std::string& url_path) {
  // The longest prefix wins, so /widget/ can sit inside a folder mounted at /.
  const WebMount* best = nullptr;
  for (const auto& m : mounts) {
    if (url_path.rfind(m.prefix, 0) == 0 && (!best || m.prefix.size() > best->prefix.size())) best = &m;
  }
  if (!best) return std::nullopt;
  const std::string rel = url_path.substr(best->prefix.size());
  if (!safe_relative(rel)) return std::nullopt;
  std::string candidate = best->dir + "/" + rel;
  if (rel.empty() || rel.back() == '/') {
    candidate += "index.html";
  } else if (!is_regular_file(candidate) && rel.find('.') == std::string::npos) {
    candidate += ".html";  // clean URLs: /mobile -> mobile.html
  }
  // A symlink may not lead out of the mounted folder.
  const auto real = canonical(candidate);
  if (!real || real->rfind(best->dir + "/", 0) != 0 || !is_regular_file(*real)) return std::nullopt;
  return StaticFile{*real, mime_of(candidate), has_content_hash(candidate)};
}

void mount_static_site(httplib::Server& server, const std::vector<WebMount>& mounts) {
  server.Get(R"(/.*)", [mounts](const httplib::Request& req, httplib::Response& res) {
    // The API's own paths stay the API's: an unknown one is its 404, not a file.
    const auto file = req.path.rfind("/api/", 0) == 0 ? std::nullopt : resolve_static(mounts, req.path);
    if (!file) {
      res.status = 404;  // the error handler writes the problem+json body
      return;
    }
    bool ok = false;
    struct stat st {};
    if (stat(file->path.c_str(), &st) != 0 || static_cast<std::size_t>(st.st_size) > kMaxFileBytes) {
      res.status = 404;
      return;
    }
    // A precompressed copy when the client takes it and it is not older than
    // the file (data redeployed without web/precompress.mjs goes out as it is).
    // Nothing is compressed per request: Debian's cpp-httplib would Brotli
    // every response at quality 11, 136 ms for the 88 KB knowledge base.
    std::string source = file->path;
    const char* coding = nullptr;
    const bool may_encode = compressible(file->mime);
    if (may_encode && !req.has_header("Range")) {
      const std::string accepted = req.get_header_value("Accept-Encoding");
      for (const auto& p : kPrecompressed) {
        if (!accepts_encoding(accepted, p.coding)) continue;
        const std::string sibling = file->path + p.suffix;
        if (current_copy(sibling, st)) {
          source = sibling;
          coding = p.coding;
          break;
        }
      }
    }
    auto body = std::make_shared<std::string>(read_file(source, ok));
    if (!ok) {
      res.status = 500;
      return;
    }
    res.set_header("Content-Security-Policy", kContentSecurityPolicy);
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "same-origin");
    res.set_header("Cache-Control", file->immutable ? "public, max-age=31536000, immutable" : "no-cache");
    if (may_encode) res.set_header("Vary", "Accept-Encoding");
    if (coding) res.set_header("Content-Encoding", coding);
    if (body->empty()) {
      res.set_content(std::string(), file->mime);
      return;
    }
    // A content provider: the library then sends the bytes as they are.
    res.set_content_provider(body->size(), file->mime, [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
      return sink.write(body->data() + offset, length);
    });
  });
}

}  // namespace support::server
