#include "cli/chat_support.hpp"

#include "bundle/bundled_files.hpp"

namespace support::cli {

std::unique_ptr<ChatEngine> load_chat(const App& app) {
  auto kb = chat::KnowledgeBase::load(bundle::all_files(), app.forms, app.messages.locales());
  if (!kb) {
    std::cerr << "supportctl: bundled knowledge base is invalid: " << kb.error << '\n';
    return nullptr;
  }
  auto engine = std::make_unique<ChatEngine>();
  engine->kb = std::move(*kb.value);
  engine->matcher = std::make_unique<chat::Matcher>(engine->kb);
  return engine;
}

std::string answer_of(const ChatEngine& engine, const chat::MatchResult& r) {
  if (r.ranked.empty() || r.top() < engine.kb.dialogue().min_confidence) return "none";
  return r.ranked.front().topic;
}

}  // namespace support::cli
