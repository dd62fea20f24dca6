#include "chat/privacy_guard.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "forms/snils.hpp"
#include "text/chars.hpp"
#include "text/utf8.hpp"

namespace support::chat {

namespace {

constexpr std::size_t kContextBytes = 48;  // how far before a number its context word may stand

// A run of digits in groups split by single spaces or dashes: "4276 1600 1234 5678", "123-456-789 01".
struct DigitRun {
  std::size_t begin, end;
  std::string digits;
  std::vector<std::size_t> groups;  // sizes
};

bool is_group_separator(std::string_view s, std::size_t pos, std::size_t& length) {
  const auto d = text::decode_at(s, pos);
  length = d.length;
  return d.valid && (d.code_point == U' ' || d.code_point == 0xA0 || text::is_dash(d.code_point));
}

std::vector<DigitRun> digit_runs(std::string_view s) {
  std::vector<DigitRun> runs;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!(s[i] >= '0' && s[i] <= '9') || (i > 0 && std::isalnum(static_cast<unsigned char>(s[i - 1])))) {
      ++i;
      continue;
    }
    DigitRun run{i, i, {}, {}};
    std::size_t pos = i;
    for (;;) {
      const std::size_t group_start = pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') run.digits += s[pos++];
      run.groups.push_back(pos - group_start);
      run.end = pos;
      std::size_t sep = 0;
      if (pos < s.size() && is_group_separator(s, pos, sep) && pos + sep < s.size() && s[pos + sep] >= '0' &&
          s[pos + sep] <= '9') {
        pos += sep;
        continue;
      }
      break;
    }
    // A digit glued to letters ("abc123") is part of a word, not a number.
    const bool glued = run.end < s.size() && std::isalpha(static_cast<unsigned char>(s[run.end]));
    if (!glued) runs.push_back(std::move(run));
    i = std::max(run.end, i + 1);
  }
  return runs;
}

bool luhn(const std::string& digits) {
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (twice && (d *= 2) > 9) d -= 9;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

std::string lower_window(std::string_view s, std::size_t end, std::size_t bytes) {
  const std::size_t begin = end > bytes ? end - bytes : 0;
  return text::to_lower(s.substr(begin, end - begin));
}

bool mentions(const std::string& window, std::initializer_list<const char*> words) {
  return std::any_of(words.begin(), words.end(), [&](const char* w) { return window.find(w) != std::string::npos; });
}

// Lower case with every byte offset kept: a character whose lower case has
// another UTF-8 length, and any invalid byte, stays as it is.
std::string lower_in_place(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  while (pos < s.size()) {
    const auto d = text::decode_at(s, pos);
    std::string lowered;
    if (d.valid) text::append_utf8(lowered, text::to_lower(d.code_point));
    out += lowered.size() == d.length ? lowered : std::string(s.substr(pos, d.length));
    pos += d.length;
  }
  return out;
}

bool is_word_byte(char c) { return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80; }
bool is_separator_byte(char c) { return c == ' ' || c == ':' || c == '-' || c == '='; }
bool ends_token(char c) { return c == ' ' || c == '\n' || c == '\t' || c == ','; }
bool is_password_symbol(char c) { return std::ispunct(static_cast<unsigned char>(c)) && c != '.' && c != '?' && c != '!'; }

// The token after a cue: where it ends and the last digit, symbol and capital
// in it, so that any suffix of it is judged without reading it again.
struct Token {
  std::size_t begin = 0, end = 0;
  std::size_t last_digit = std::string_view::npos, last_symbol = std::string_view::npos, last_upper = std::string_view::npos;

  static Token scan(std::string_view s, std::size_t pos) {
    Token t;
    t.begin = pos;
    std::size_t end = pos;
    for (; end < s.size() && !ends_token(s[end]); ++end) {
      const char c = s[end];
      if (c >= '0' && c <= '9') t.last_digit = end;
      if (is_password_symbol(c)) t.last_symbol = end;
      if (c >= 'A' && c <= 'Z') t.last_upper = end;
    }
    t.end = end;
    return t;
  }
  bool contains(std::size_t pos) const { return pos >= begin && pos < end; }
  static bool at_or_after(std::size_t last, std::size_t pos) { return last != std::string_view::npos && last >= pos; }
};

// The word after "пароль", "password" (and a colon, dash or "is"/"это"): what
// someone types to give their password away. Linear in the text's length:
// cues inside one word share its end and are judged once, and a token is read
// once however many cues lead into it. (Rescanning from every cue made
// "парольпароль…" quadratic: 128 KiB held a worker 4 s.)
void find_passwords(std::string_view s, std::vector<SecretSpan>& out) {
  const std::string lower = lower_in_place(s);
  for (const char* cue : {"пароль", "password", "пасс", "парол"}) {
    const std::size_t cue_size = std::string_view(cue).size();
    std::size_t word_end = 0;  // end of the last cue word judged
    bool any = false;
    Token token;
    for (std::size_t at = lower.find(cue); at != std::string::npos; at = lower.find(cue, at + 1)) {
      std::size_t pos = at + cue_size;
      if (any && pos <= word_end) continue;  // same word as the last cue: same token
      any = true;
      // Rest of the cue word ("пароля", "passwords"), then fillers.
      while (pos < s.size() && is_word_byte(s[pos])) ++pos;
      word_end = pos;
      for (int fillers = 0; fillers < 3; ++fillers) {
        while (pos < s.size() && is_separator_byte(s[pos])) ++pos;
        const std::size_t from = pos;
        bool skipped = false;
        for (const char* filler : {"is ", "это ", "такой ", "от ", "my ", "мой "}) {
          const std::size_t size = std::string_view(filler).size();
          if (lower.compare(from, size, filler) == 0) pos += size, skipped = true;
        }
        if (!skipped) break;
      }
      if (!token.contains(pos)) token = Token::scan(s, pos);
      const std::size_t end = token.end, length = end - pos;
      // A password has a digit or a symbol, or mixes cases; plain words ("забыл") do not count.
      const bool digit = Token::at_or_after(token.last_digit, pos);
      const bool symbol = Token::at_or_after(token.last_symbol, pos);
      const bool upper_inside = length > 1 && Token::at_or_after(token.last_upper, pos + 1);
      if (length >= 4 && (digit || symbol || upper_inside)) out.push_back({SecretKind::password, pos, end});
    }
  }
}

}  // namespace

std::string_view secret_kind_name(SecretKind kind) {
  switch (kind) {
    case SecretKind::password: return "password";
    case SecretKind::sms_code: return "sms_code";
    case SecretKind::card_number: return "card";
    case SecretKind::snils: return "snils";
    case SecretKind::passport: return "passport";
  }
  return "password";
}

std::vector<SecretSpan> find_secrets(std::string_view s) {
  std::vector<SecretSpan> found;
  for (const DigitRun& run : digit_runs(s)) {
    const std::size_t n = run.digits.size();
    const std::string before = lower_window(s, run.begin, kContextBytes);
    if (n >= 13 && n <= 19 && luhn(run.digits)) {
      found.push_back({SecretKind::card_number, run.begin, run.end});
    } else if (n == 11 && (forms::snils::is_valid(run.digits) || mentions(before, {"снилс", "snils"}))) {
      found.push_back({SecretKind::snils, run.begin, run.end});
    } else if (n == 10 && (mentions(before, {"паспорт", "серия", "passport"}) ||
                           run.groups == std::vector<std::size_t>{4, 6} ||
                           run.groups == std::vector<std::size_t>{2, 2, 6})) {
      found.push_back({SecretKind::passport, run.begin, run.end});
    } else if (n >= 4 && n <= 8 && run.groups.size() == 1 &&
               mentions(before, {"код", "code", "смс", "sms", "пароль из", "otp"})) {
      found.push_back({SecretKind::sms_code, run.begin, run.end});
    }
  }
  find_passwords(s, found);
  std::sort(found.begin(), found.end(), [](const SecretSpan& a, const SecretSpan& b) { return a.begin < b.begin; });
  std::vector<SecretSpan> merged;
  for (const auto& f : found) {
    if (!merged.empty() && f.begin < merged.back().end) continue;  // overlapping: keep the first
    merged.push_back(f);
  }
  return merged;
}

std::string mask_secrets(std::string_view s, const std::vector<SecretSpan>& spans) {
  std::string out;
  std::size_t pos = 0;
  for (const auto& span : spans) {
    out.append(s.substr(pos, span.begin - pos));
    out += "***";
    pos = span.end;
  }
  out.append(s.substr(pos));
  return out;
}

}  // namespace support::chat
