// A conversation restored from untrusted state, then driven by untrusted steps.
// Input: the state's JSON, NUL, then one step per line: "/ACTION" presses a
// button, anything else is a message. A state that restores writes back to
// JSON that restores to the same JSON; so does the state after every step.
#include <nlohmann/json.hpp>

#include "chat/dialogue.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "tests/support/chat_fixture.hpp"

using namespace support;

namespace {
void check_round_trip(const chat::ConversationState& state) {
  const nlohmann::json j = state.to_json();
  std::string error;
  const auto back = chat::ConversationState::from_json(nlohmann::json::parse(j.dump()), error);
  FUZZ_CHECK(back.has_value());
  FUZZ_CHECK(back->to_json() == j);
}
}  // namespace

// The fixtures are built before fuzzing starts, so the time limit goes to inputs.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)test::dialogue();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto p = fuzz::parts(data, size, 2);
  const auto& engine = test::dialogue();
  const chat::DialogueContext context{DateTime{{2026, 12, 2}, 11, 30}, {}};

  const nlohmann::json j = nlohmann::json::parse(p[0], nullptr, false);
  std::string error;
  std::optional<chat::ConversationState> restored;
  if (!j.is_discarded()) restored = chat::ConversationState::from_json(j, error);
  chat::ConversationState state = restored ? *restored : chat::ConversationState{};
  if (restored) check_round_trip(state);
  else (void)engine.start(state).to_json();

  std::string_view steps = p[1];
  for (int n = 0; n < 8 && !steps.empty(); ++n) {
    const std::size_t eol = steps.find('\n');
    const std::string_view step = steps.substr(0, eol);
    steps = eol == std::string_view::npos ? std::string_view() : steps.substr(eol + 1);
    const chat::Reply reply = !step.empty() && step[0] == '/' ? engine.on_button(state, step.substr(1), context)
                                                              : engine.on_text(state, step, context);
    (void)reply.to_json().dump();
    check_round_trip(state);
  }
  return 0;
}
