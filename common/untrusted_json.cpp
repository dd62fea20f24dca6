#include "common/untrusted_json.hpp"

namespace support {

std::optional<std::string> untrusted_json_problem(std::string_view text, const JsonLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return "document larger than " + std::to_string(limits.max_bytes) + " bytes";
  }
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limits.max_depth) {
        return "nesting deeper than " + std::to_string(limits.max_depth) + " levels";
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

}  // namespace support
