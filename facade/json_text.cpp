#include "facade/json_text.hpp"

#include <algorithm>

namespace support::facade {

namespace {

// Length of the well-formed UTF-8 sequence at `i` (Unicode table 3-7, the
// same set nlohmann::json's decoder accepts), 0 when it is not one.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  const auto in = [](unsigned v, unsigned lo, unsigned hi) { return v >= lo && v <= hi; };
  const unsigned b0 = byte(0), b1 = byte(1);
  if (in(b0, 0xC2, 0xDF)) return in(b1, 0x80, 0xBF) ? 2 : 0;
  const bool tail2 = in(byte(2), 0x80, 0xBF);
  if (b0 == 0xE0) return in(b1, 0xA0, 0xBF) && tail2 ? 3 : 0;
  if (in(b0, 0xE1, 0xEC) || in(b0, 0xEE, 0xEF)) return in(b1, 0x80, 0xBF) && tail2 ? 3 : 0;
  if (b0 == 0xED) return in(b1, 0x80, 0x9F) && tail2 ? 3 : 0;
  const bool tail3 = tail2 && in(byte(3), 0x80, 0xBF);
  if (b0 == 0xF0) return in(b1, 0x90, 0xBF) && tail3 ? 4 : 0;
  if (in(b0, 0xF1, 0xF3)) return in(b1, 0x80, 0xBF) && tail3 ? 4 : 0;
  if (b0 == 0xF4) return in(b1, 0x80, 0x8F) && tail3 ? 4 : 0;
  return 0;
}

const char* short_escape(unsigned char c) {
  switch (c) {
    case '\b': return "\\b";
    case '\t': return "\\t";
    case '\n': return "\\n";
    case '\f': return "\\f";
    case '\r': return "\\r";
    case '"': return "\\\"";
    case '\\': return "\\\\";
    default: return nullptr;
  }
}

}  // namespace

void JsonText::grow(std::size_t more) {
  const std::size_t capacity = std::max(capacity_ * 2, size_ + more);
  auto bigger = std::make_unique<char[]>(capacity);
  if (size_) std::memcpy(bigger.get(), buffer_.get(), size_);
  buffer_ = std::move(bigger);
  capacity_ = capacity;
}

void JsonText::quoted(std::string_view s) {
  // Pointers and whole runs rather than a call per byte: -Oz inlines little.
  const char* const begin = s.data();
  const char* const end = begin + s.size();
  const char* plain = begin;  // start of the bytes not yet copied
  const char* p = begin;
  const std::size_t start = size_;
  put('"');
  while (p != end) {
    const auto c = static_cast<unsigned char>(*p);
    if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
      ++p;
      continue;
    }
    if (c >= 0x80) {
      const std::size_t n = utf8_sequence(s, static_cast<std::size_t>(p - begin));
      if (n == 0) {
        // Invalid UTF-8 is rare (echoed input): nlohmann's own replacement rules apply.
        size_ = start;
        const std::string replaced = Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
        put(replaced.data(), replaced.size());
        return;
      }
      p += n;
      continue;
    }
    put(plain, static_cast<std::size_t>(p - plain));
    if (const char* e = short_escape(c)) {
      put(e, 2);
    } else {
      static const char hex[] = "0123456789abcdef";
      const char u[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
      put(u, sizeof u);
    }
    plain = ++p;
  }
  put(plain, static_cast<std::size_t>(end - plain));
  put('"');
}

void JsonText::separate() {
  if (size_ == 0) return;
  const char last = buffer_[size_ - 1];
  if (last != '{' && last != '[' && last != ':') put(',');
}

JsonText& JsonText::open(char bracket) {
  separate();
  put(bracket);
  return *this;
}

JsonText& JsonText::close(char bracket) {
  put(bracket);
  return *this;
}

JsonText& JsonText::key(std::string_view name) {
  separate();
  quoted(name);
  put(':');
  return *this;
}

JsonText& JsonText::string(std::string_view s) {
  separate();
  quoted(s);
  return *this;
}

JsonText& JsonText::boolean(bool b) {
  separate();
  if (b) {
    put("true", 4);
  } else {
    put("false", 5);
  }
  return *this;
}

JsonText& JsonText::null() {
  separate();
  put("null", 4);
  return *this;
}

JsonText& JsonText::value(const Json& j) {
  switch (j.type()) {
    case Json::value_t::object:
      begin_object();
      for (const auto& [k, v] : j.items()) key(k).value(v);
      return end_object();
    case Json::value_t::array:
      begin_array();
      for (const auto& v : j) value(v);
      return end_array();
    case Json::value_t::string: return string(j.get_ref<const std::string&>());
    case Json::value_t::boolean: return boolean(j.get<bool>());
    case Json::value_t::null: return null();
    default:
      // Numbers (and a discarded value): nlohmann's own digits.
      separate();
      const std::string number = to_text(j);
      put(number.data(), number.size());
      return *this;
  }
}

}  // namespace support::facade
