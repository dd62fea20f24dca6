// JSON text written straight into a string, byte for byte what to_text()
// prints for the same tree: the hot calls (one field, a whole form) build no
// nlohmann::json objects, whose maps, nodes and serializer cost most of a
// call in the WASM module. Callers write an object's keys in sorted order, as
// nlohmann::json keeps them.
#pragma once

#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "facade/facade.hpp"

namespace support::facade {

class JsonText {
 public:
  explicit JsonText(std::size_t reserve = 256) { grow(reserve); }

  JsonText& begin_object() { return open('{'); }
  JsonText& end_object() { return close('}'); }
  JsonText& begin_array() { return open('['); }
  JsonText& end_array() { return close(']'); }
  JsonText& key(std::string_view name);
  JsonText& string(std::string_view s);
  JsonText& boolean(bool b);
  JsonText& null();
  // Any tree, written as to_text would write it (numbers by nlohmann itself).
  JsonText& value(const Json& j);

  // An object member, for short call sites: key, then the value.
  JsonText& member(std::string_view name, std::string_view s) { return key(name).string(s); }
  JsonText& member(std::string_view name, const char* s) { return key(name).string(s); }
  JsonText& member(std::string_view name, bool b) { return key(name).boolean(b); }
  // A string, or null when `present` is false.
  JsonText& member_or_null(std::string_view name, bool present, std::string_view s) {
    key(name);
    return present ? string(s) : null();
  }

  std::string take() const { return std::string(buffer_.get(), size_); }

 private:
  JsonText& open(char bracket);
  JsonText& close(char bracket);
  void separate();  // the comma before a value or key that follows another
  void quoted(std::string_view s);

  // Bytes go into a plain buffer: at -Oz every std::string::push_back is a
  // chain of out-of-line calls, which cost most of a field check.
  [[gnu::always_inline]] void put(char c) {
    if (size_ == capacity_) grow(1);
    buffer_[size_++] = c;
  }
  [[gnu::always_inline]] void put(const char* s, std::size_t n) {
    if (capacity_ - size_ < n) grow(n);
    std::memcpy(buffer_.get() + size_, s, n);
    size_ += n;
  }
  void grow(std::size_t more);

  std::unique_ptr<char[]> buffer_;
  std::size_t size_ = 0, capacity_ = 0;
};

}  // namespace support::facade
