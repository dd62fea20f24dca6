#include "tests/support/bundled.hpp"

#include <stdexcept>

#include "bundle/bundled_files.hpp"

namespace support::test {

const forms::FormsConfig& forms_config() {
  static const forms::FormsConfig config = [] {
    auto loaded = forms::FormsConfig::load(bundle::all_files());
    if (!loaded) throw std::runtime_error("bundled forms data: " + loaded.error);
    return std::move(*loaded.value);
  }();
  return config;
}

}  // namespace support::test
