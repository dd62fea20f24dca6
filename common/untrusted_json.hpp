// Cheap pre-checks before handing untrusted text to the JSON parser: a size
// cap and a nesting-depth cap ("JSON bombs" of 100k brackets), found in one
// linear scan that respects strings and escapes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace support {

struct JsonLimits {
  std::size_t max_bytes;
  std::size_t max_depth;
};

inline constexpr JsonLimits kConfigJsonLimits{16 * 1024 * 1024, 64};

// A human-readable problem ("nesting deeper than 32 levels"), or nullopt.
std::optional<std::string> untrusted_json_problem(std::string_view text, const JsonLimits& limits);

}  // namespace support
