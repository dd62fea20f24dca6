// Loading a message catalog from untrusted JSON, and its value formatting
// (numbers, dates, date-times, file sizes) on untrusted text. Input: the value
// to format, NUL, the catalog's JSON. Loading fails with an error or gives a
// catalog whose every message formats without throwing.
#include <string>

#include "i18n/catalog.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "tests/support/bundled.hpp"

using namespace support;

namespace {
void format_values(const i18n::Catalog& c, std::string_view value) {
  (void)c.number(value);
  (void)c.date(value);
  (void)c.datetime(value);
  (void)c.file_size(value);
}
}  // namespace

// The fixtures are built before fuzzing starts, so the time limit goes to inputs.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)test::messages();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto p = fuzz::parts(data, size, 2);
  for (const std::string& locale : test::messages().locales()) format_values(*test::messages().catalog(locale), p[0]);

  const Loaded<i18n::Catalog> loaded = i18n::Catalog::load(p[1], "ru", "fuzz.json");
  FUZZ_CHECK(loaded.value.has_value() == loaded.error.empty());
  if (!loaded) return 0;
  for (const auto& [key, pattern] : loaded.value->messages()) {
    std::string out;
    std::vector<std::string> problems;
    pattern.format({{"n", std::string(p[0])}}, *loaded.value, out, problems);
  }
  format_values(*loaded.value, p[0]);
  return 0;
}
