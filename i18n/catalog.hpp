// One locale's messages, flattened from the nested JSON catalog
// (i18n/messages/<locale>.json: {"forms": {"snils": {"checksum": "…"}}} is
// the key "forms.snils.checksum"). Every message is parsed at load. The
// catalog also formats numbers, dates and file sizes with its own words
// (format.* keys: month names, units, «МСК»).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "common/calendar.hpp"
#include "common/config.hpp"
#include "i18n/message_format.hpp"

namespace support::i18n {

class Catalog : public ValueFormatter {
 public:
  static Loaded<Catalog> load(std::string_view json, std::string locale, const std::string& file);

  std::string_view locale() const override { return locale_; }
  const MessagePattern* find(std::string_view key) const;
  const std::map<std::string, MessagePattern, std::less<>>& messages() const { return messages_; }

  // "1234567.5" -> "1 234 567,5" (ru, NBSP) / "1,234,567.5" (en).
  std::optional<std::string> number(std::string_view decimal) const override;
  // "2026-11-25" -> «25 ноября 2026 г.» / "25 November 2026".
  std::optional<std::string> date(std::string_view iso_date) const override;
  // "2026-11-25T14:30:00+03:00" -> «25 ноября 2026 г., 14:30 (МСК)».
  std::optional<std::string> datetime(std::string_view iso_datetime) const override;
  // "5242880" -> «5 МБ» (NBSP) / "5 MB"; binary units, one decimal at most.
  std::optional<std::string> file_size(std::string_view bytes) const override;

  std::string date(const Date& d) const;
  std::string datetime(const DateTime& t) const;
  std::string file_size(std::uint64_t bytes) const;

 private:
  std::string locale_;
  std::map<std::string, MessagePattern, std::less<>> messages_;
  std::string decimal_separator_, group_separator_;

  std::string simple(std::string_view key, const Args& args) const;
};

}  // namespace support::i18n
