// ICU MessageFormat subset: parsing any pattern, then formatting it in each
// bundled locale with untrusted arguments. Input: the pattern, NUL, then
// arguments as "name=value" lines. Formatting never throws.
#include <string>

#include "i18n/message_format.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "tests/support/bundled.hpp"

using namespace support;

// The fixtures are built before fuzzing starts, so the time limit goes to inputs.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)test::messages();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto p = fuzz::parts(data, size, 2);
  std::string error;
  const auto pattern = i18n::MessagePattern::parse(p[0], error);
  FUZZ_CHECK(pattern.has_value() == error.empty());
  if (!pattern) return 0;

  i18n::Args args;
  std::string_view lines = p[1];
  while (!lines.empty() && args.size() < 16) {
    const std::size_t eol = lines.find('\n');
    const std::string_view line = lines.substr(0, eol);
    lines = eol == std::string_view::npos ? std::string_view() : lines.substr(eol + 1);
    const std::size_t eq = line.find('=');
    args.emplace_back(std::string(line.substr(0, eq)), eq == std::string_view::npos ? "" : std::string(line.substr(eq + 1)));
  }
  const i18n::Messages& messages = test::messages();
  for (const std::string& locale : messages.locales()) {
    std::string out;
    std::vector<std::string> problems;
    pattern->format(args, *messages.catalog(locale), out, problems);
  }
  return 0;
}
