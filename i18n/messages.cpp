#include "i18n/messages.hpp"

#include <algorithm>
#include <cstdlib>

namespace support::i18n {

namespace {

std::string normalise_tag(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '_') c = '-';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '*')) return {};
    out += c;
  }
  return out.size() <= 35 ? out : std::string();
}

bool has_file(const DataFiles& files, std::string_view path) {
  return std::any_of(files.begin(), files.end(), [&](const auto& f) { return f.first == path; });
}

}  // namespace

Loaded<Messages> Messages::load(const DataFiles& files, Locales which) {
  return load_config<Messages>([&] {
    const std::string file = "i18n/locales.json";
    ConfigFile r(require_file(files, file), file);
    Messages m;
    m.default_locale_ = r.string("default");
    const auto locales = r.strings("locales");
    if (std::find(locales.begin(), locales.end(), m.default_locale_) == locales.end()) {
      r.fail("default", "must be one of the locales");
    }
    r.finish();
    for (const auto& locale : locales) {
      const std::string path = "i18n/messages/" + locale + ".json";
      if (which == Locales::present && !has_file(files, path)) continue;
      m.catalogs_.push_back(value_or_throw(Catalog::load(require_file(files, path), locale, path)));
    }
    if (m.catalogs_.empty()) throw ConfigError("i18n/messages: no catalog of the locales in " + file);
    if (!m.catalog(m.default_locale_)) m.default_locale_ = std::string(m.catalogs_.front().locale());
    return m;
  });
}

std::vector<std::string> Messages::locales() const {
  std::vector<std::string> out;
  for (const auto& c : catalogs_) out.emplace_back(c.locale());
  return out;
}

const Catalog* Messages::catalog(std::string_view locale) const {
  for (const auto& c : catalogs_) {
    if (c.locale() == locale) return &c;
  }
  return nullptr;
}

bool Messages::has(std::string_view locale, std::string_view key) const {
  const Catalog* c = catalog(locale);
  return c && c->find(key);
}

Messages::Formatted Messages::format_checked(std::string_view locale, std::string_view key, const Args& args) const {
  Formatted out;
  const Catalog* c = catalog(locale);
  if (!c) {
    out.problems.push_back("unsupported locale '" + std::string(locale) + "'");
    c = catalog(default_locale_);
  }
  const MessagePattern* p = c->find(key);
  if (!p) {
    out.problems.push_back("missing key '" + std::string(key) + "' in " + std::string(c->locale()));
    out.text = "[" + std::string(key) + "]";
    return out;
  }
  p->format(args, *c, out.text, out.problems);
  return out;
}

std::string Messages::format(std::string_view locale, std::string_view key, const Args& args) const {
  const Catalog* c = catalog(locale);
  if (!c || !c->find(key)) c = catalog(default_locale_);
  const MessagePattern* p = c->find(key);
  if (!p) return "[" + std::string(key) + "]";
  std::string text;
  std::vector<std::string> problems;
  p->format(args, *c, text, problems);
  return text;
}

Messages::ErrorText Messages::error_text(std::string_view locale, std::string_view code, const Args& params) const {
  const std::string key = "forms." + std::string(code);
  return {format(locale, key, params), format(locale, key + "_hint", params)};
}

std::string Messages::negotiate(const std::vector<std::string>& preferred) const {
  for (const auto& raw : preferred) {
    std::string tag = normalise_tag(raw);
    if (tag == "*") return default_locale_;
    // Lookup: "en-gb-oxendict" -> "en-gb" -> "en".
    while (!tag.empty()) {
      if (catalog(tag)) return tag;
      const auto dash = tag.rfind('-');
      tag = dash == std::string::npos ? std::string() : tag.substr(0, dash);
    }
  }
  return default_locale_;
}

std::vector<std::string> parse_accept_language(std::string_view header) {
  struct Entry {
    std::string tag;
    double q;
  };
  std::vector<Entry> entries;
  std::size_t start = 0;
  while (start < header.size() && entries.size() < 32) {
    std::size_t end = header.find(',', start);
    if (end == std::string_view::npos) end = header.size();
    std::string_view item = header.substr(start, end - start);
    start = end + 1;
    const auto semi = item.find(';');
    std::string_view tag = item.substr(0, semi);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    double q = 1.0;
    if (semi != std::string_view::npos) {
      std::string params(item.substr(semi + 1));
      params.erase(std::remove(params.begin(), params.end(), ' '), params.end());
      if (params.rfind("q=", 0) != 0) continue;
      char* parse_end = nullptr;
      q = std::strtod(params.c_str() + 2, &parse_end);
      if (parse_end == params.c_str() + 2 || q < 0 || q > 1) continue;
    }
    const std::string normal = normalise_tag(tag);
    if (normal.empty() || q <= 0) continue;
    entries.push_back({normal, q});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.q > b.q; });
  std::vector<std::string> out;
  for (auto& e : entries) out.push_back(std::move(e.tag));
  return out;
}

}  // namespace support::i18n
