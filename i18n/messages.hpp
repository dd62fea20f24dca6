// All catalogs, the default locale and negotiation: the one place the rest
// of the product turns a key and its arguments into text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/config.hpp"
#include "i18n/catalog.hpp"

namespace support::i18n {

class Messages {
 public:
  // Which catalogs `load` requires: every listed locale (tools, server), or
  // only those among the files, at least one (a page fetches its own locale).
  enum class Locales { all, present };

  // Reads i18n/locales.json and i18n/messages/<locale>.json for each locale.
  // With Locales::present and the default's catalog absent, the first loaded
  // locale is the fallback.
  static Loaded<Messages> load(const DataFiles& files, Locales which = Locales::all);

  const std::string& default_locale() const { return default_locale_; }
  std::vector<std::string> locales() const;
  const Catalog* catalog(std::string_view locale) const;  // nullptr if unsupported

  struct Formatted {
    std::string text;
    std::vector<std::string> problems;  // empty when the key and every argument were found
  };
  // Strict formatting for tests and tools: reports a key missing in this
  // locale and every missing or unformattable argument.
  Formatted format_checked(std::string_view locale, std::string_view key, const Args& args = {}) const;

  // Run time: never fails. A key missing in `locale` falls back to the
  // default locale, then to the key itself shown in brackets; a missing
  // argument stays visible as {name}.
  std::string format(std::string_view locale, std::string_view key, const Args& args = {}) const;
  bool has(std::string_view locale, std::string_view key) const;

  // The text of a forms error code such as "snils.checksum": the message
  // (key forms.<code>) and how to fix it (key forms.<code>_hint).
  struct ErrorText {
    std::string message, hint;
  };
  ErrorText error_text(std::string_view locale, std::string_view code, const Args& params) const;

  // RFC 4647 lookup of the preferred tags ("ru-RU", "en-GB", "uk", "*") in
  // the supported locales; the default locale when nothing matches.
  std::string negotiate(const std::vector<std::string>& preferred) const;

 private:
  std::string default_locale_;
  std::vector<Catalog> catalogs_;
};

// Preferred languages from an Accept-Language header, highest q first;
// malformed entries and q=0 are dropped.
std::vector<std::string> parse_accept_language(std::string_view header);

}  // namespace support::i18n
