#include "i18n/catalog.hpp"

#include <cstdio>

namespace support::i18n {

namespace {

using nlohmann::json;

bool is_key_segment(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

void flatten(const json& node, const std::string& prefix, const std::string& pointer, const std::string& file,
             std::map<std::string, MessagePattern, std::less<>>& out) {
  for (const auto& [segment, value] : node.items()) {
    const std::string path = pointer + "/" + segment;
    if (!is_key_segment(segment)) throw ConfigError(file + ": " + path + ": key segments use a-z, 0-9 and _");
    const std::string key = prefix.empty() ? segment : prefix + "." + segment;
    if (value.is_object()) {
      flatten(value, key, path, file, out);
    } else if (value.is_string()) {
      std::string error;
      auto pattern = MessagePattern::parse(value.get<std::string>(), error);
      if (!pattern) throw ConfigError(file + ": " + path + ": malformed message: " + error);
      out.emplace(key, std::move(*pattern));
    } else {
      throw ConfigError(file + ": " + path + ": expected a message string or an object");
    }
  }
}

std::string two_digits(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

}  // namespace

Loaded<Catalog> Catalog::load(std::string_view text, std::string locale, const std::string& file) {
  return load_config<Catalog>([&] {
    const json doc = parse_config(text, file);
    if (!doc.is_object()) throw ConfigError(file + ": /: expected an object");
    Catalog c;
    c.locale_ = std::move(locale);
    flatten(doc, "", "", file, c.messages_);
    for (const char* required : {"format.decimal_separator", "format.group_separator", "format.date", "format.datetime",
                                 "format.file_size", "format.unit.byte", "format.unit.kb", "format.unit.mb",
                                 "format.unit.gb"}) {
      if (!c.find(required)) throw ConfigError(file + ": missing required message " + required);
    }
    for (int m = 1; m <= 12; ++m) {
      if (!c.find("format.month." + std::to_string(m))) {
        throw ConfigError(file + ": missing required message format.month." + std::to_string(m));
      }
    }
    c.decimal_separator_ = c.simple("format.decimal_separator", {});
    c.group_separator_ = c.simple("format.group_separator", {});
    return c;
  });
}

const MessagePattern* Catalog::find(std::string_view key) const {
  const auto it = messages_.find(key);
  return it == messages_.end() ? nullptr : &it->second;
}

std::string Catalog::simple(std::string_view key, const Args& args) const {
  std::string out;
  std::vector<std::string> problems;
  if (const MessagePattern* p = find(key)) p->format(args, *this, out, problems);
  return out;
}

std::optional<std::string> Catalog::number(std::string_view decimal) const {
  std::string_view s = decimal;
  std::string sign;
  if (!s.empty() && s[0] == '-') sign = "-", s.remove_prefix(1);
  const auto dot = s.find('.');
  const std::string_view integer = s.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  const auto digits_only = [](std::string_view v) {
    for (char c : v) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  };
  if (integer.empty() || integer.size() > 30 || !digits_only(integer) || !digits_only(fraction) ||
      (dot != std::string_view::npos && fraction.empty())) {
    return std::nullopt;
  }
  std::string out = sign;
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) out += group_separator_;
    out += integer[i];
  }
  if (!fraction.empty()) out += decimal_separator_ + std::string(fraction);
  return out;
}

std::string Catalog::date(const Date& d) const {
  return simple("format.date", {{"day", std::to_string(d.day)},
                                {"month", simple("format.month." + std::to_string(d.month), {})},
                                {"year", std::to_string(d.year)}});
}

std::string Catalog::datetime(const DateTime& t) const {
  return simple("format.datetime", {{"date", date(t.date)}, {"time", two_digits(t.hour) + ":" + two_digits(t.minute)}});
}

std::optional<std::string> Catalog::date(std::string_view iso_date) const {
  const auto d = parse_iso_date(iso_date);
  if (!d) return std::nullopt;
  return date(*d);
}

std::optional<std::string> Catalog::datetime(std::string_view iso_datetime) const {
  const auto t = parse_iso_datetime(iso_datetime);
  if (!t) return std::nullopt;
  return datetime(*t);
}

std::string Catalog::file_size(std::uint64_t bytes) const {
  static constexpr const char* kUnits[] = {"format.unit.byte", "format.unit.kb", "format.unit.mb", "format.unit.gb"};
  int unit = 0;
  std::uint64_t scale = 1;
  while (unit < 3 && bytes >= scale * 1024) scale *= 1024, ++unit;
  std::string value;
  if (unit == 0) {
    value = std::to_string(bytes);
  } else {
    // One decimal, rounded half up, without a trailing ",0".
    const std::uint64_t tenths = bytes / scale * 10 + ((bytes % scale) * 10 + scale / 2) / scale;
    value = std::to_string(tenths / 10);
    if (tenths % 10) value += "." + std::to_string(tenths % 10);
  }
  return simple("format.file_size", {{"value", *number(value)}, {"unit", simple(kUnits[unit], {})}});
}

std::optional<std::string> Catalog::file_size(std::string_view bytes) const {
  if (bytes.empty() || bytes.size() > 19) return std::nullopt;
  std::uint64_t n = 0;
  for (char c : bytes) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return file_size(n);
}

}  // namespace support::i18n
