// Locale negotiation from an untrusted Accept-Language header and run-time
// formatting of any key in any locale. Input: the header, NUL, a locale, NUL,
// a message key. The negotiated locale is always a supported one.
#include "i18n/messages.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "tests/support/bundled.hpp"

using namespace support;

// The fixtures are built before fuzzing starts, so the time limit goes to inputs.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)test::messages();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto p = fuzz::parts(data, size, 3);
  const i18n::Messages& messages = test::messages();
  const std::vector<std::string> preferred = i18n::parse_accept_language(p[0]);
  const std::string locale = messages.negotiate(preferred);
  FUZZ_CHECK(messages.catalog(locale) != nullptr);
  (void)messages.format(std::string(p[1]), p[2], {{"n", "1"}});
  (void)messages.format_checked(std::string(p[1]), p[2]);
  (void)messages.error_text(locale, p[2], {});
  return 0;
}
