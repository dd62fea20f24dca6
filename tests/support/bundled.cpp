#include "tests/support/bundled.hpp"

#include <stdexcept>

#include "bundle/bundled_files.hpp"

namespace support::test {

namespace {
template <class T>
T load_or_die(Loaded<T> loaded, const char* what) {
  if (!loaded) throw std::runtime_error(std::string(what) + ": " + loaded.error);
  return std::move(*loaded.value);
}
}  // namespace

const forms::FormsConfig& forms_config() {
  static const forms::FormsConfig config = load_or_die(forms::FormsConfig::load(bundle::all_files()), "forms data");
  return config;
}

const i18n::Messages& messages() {
  static const i18n::Messages m = load_or_die(i18n::Messages::load(bundle::all_files()), "catalogs");
  return m;
}

std::string bundled_text(const std::string& path) {
  const auto f = bundle::file(path);
  if (!f) throw std::runtime_error("not bundled: " + path);
  return std::string(*f);
}

}  // namespace support::test
