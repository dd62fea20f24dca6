// The part of ICU MessageFormat this product needs:
//   text {name} '{quoted}' ''
//   {n, plural, =0 {…} one {# файл} few {# файла} many {# файлов} other {# файла}}
//   {kind, select, pdf {PDF} other {…}}
//   {n, number} {d, date} {t, datetime} {bytes, filesize}
// Patterns are parsed once (malformed ones are refused at load with the
// position of the mistake); formatting never throws.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace support::i18n {

using Args = std::vector<std::pair<std::string, std::string>>;

// How typed arguments are written in one locale (implemented by Catalog).
class ValueFormatter {
 public:
  virtual ~ValueFormatter() = default;
  virtual std::string_view locale() const = 0;
  virtual std::optional<std::string> number(std::string_view decimal) const = 0;
  virtual std::optional<std::string> date(std::string_view iso_date) const = 0;
  virtual std::optional<std::string> datetime(std::string_view iso_datetime) const = 0;
  virtual std::optional<std::string> file_size(std::string_view bytes) const = 0;
};

class MessagePattern {
 public:
  enum class ArgType { none, number, date, datetime, filesize, plural, select };

  // nullopt and `error` ("at 14: plural needs an 'other' branch") when malformed.
  static std::optional<MessagePattern> parse(std::string_view pattern, std::string& error);

  // Names of all arguments the pattern uses, in every branch.
  const std::set<std::string>& arguments() const { return arguments_; }

  // Appends the formatted text to `out`. Problems (a missing argument, a
  // value that is not a number for a plural) are appended to `problems`;
  // the output then shows the argument as "{name}" or its raw value.
  void format(const Args& args, const ValueFormatter& formatter, std::string& out,
              std::vector<std::string>& problems) const;

  struct Node;
  struct Branch;

 private:
  std::vector<Node> nodes_;
  std::set<std::string> arguments_;
  friend class PatternParser;
};

struct MessagePattern::Branch {
  std::string key;  // "one", "=0", "pdf", "other"
  std::vector<Node> nodes;
};

struct MessagePattern::Node {
  enum class Kind { text, argument, pound } kind = Kind::text;
  std::string text;  // text, or argument name
  ArgType type = ArgType::none;
  std::vector<Branch> branches;
};

}  // namespace support::i18n
