#include "bundle/bundled_files.hpp"

namespace support::bundle {

std::optional<std::string_view> file(std::string_view path) {
  for (const auto& [name, content] : all_files()) {
    if (name == path) return content;
  }
  return std::nullopt;
}

}  // namespace support::bundle
