// Shared by the libFuzzer targets. An input with several parts holds them
// separated by NUL bytes; the last part takes the rest, NULs included, so the
// value under test can still hold any byte. FUZZ_CHECK turns a broken
// documented property into a crash the fuzzer reports and minimises.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#define FUZZ_CHECK(cond)                                                                     \
  do {                                                                                       \
    if (!(cond)) {                                                                           \
      std::fprintf(stderr, "FUZZ_CHECK failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
      std::abort();                                                                          \
    }                                                                                        \
  } while (0)

namespace support::fuzz {

inline std::string_view whole(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Exactly `count` parts; missing ones are empty.
inline std::vector<std::string_view> parts(const std::uint8_t* data, std::size_t size, std::size_t count) {
  std::string_view rest = whole(data, size);
  std::vector<std::string_view> out;
  while (out.size() + 1 < count) {
    const std::size_t nul = rest.find('\0');
    if (nul == std::string_view::npos) break;
    out.push_back(rest.substr(0, nul));
    rest.remove_prefix(nul + 1);
  }
  out.push_back(rest);
  out.resize(count);
  return out;
}

}  // namespace support::fuzz
