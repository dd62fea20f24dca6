// Intent matching on the bundled knowledge base. Input: locale, NUL, message.
// Results are known topics, best first, with confidences in 0..1.
#include "chat/matcher.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "tests/support/chat_fixture.hpp"

using namespace support;

// The fixtures are built before fuzzing starts, so the time limit goes to inputs.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)test::matcher();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto p = fuzz::parts(data, size, 2);
  const chat::MatchResult r = test::matcher().match(p[1], p[0]);
  double previous = 1.0;
  for (const auto& s : r.ranked) {
    FUZZ_CHECK(s.confidence >= 0.0 && s.confidence <= 1.0 && s.confidence <= previous);
    FUZZ_CHECK(test::knowledge_base().topic(s.topic) != nullptr);
    previous = s.confidence;
  }
  FUZZ_CHECK(r.ranked.size() <= 5);
  return 0;
}
