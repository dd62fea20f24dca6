// The chat engine for supportctl, loaded only by the commands that use it.
#pragma once

#include <memory>

#include "chat/knowledge_base.hpp"
#include "chat/matcher.hpp"
#include "cli/app.hpp"

namespace support::cli {

struct ChatEngine {
  chat::KnowledgeBase kb;
  std::unique_ptr<chat::Matcher> matcher;
};

// nullptr (after printing why) when the bundled knowledge base is invalid.
std::unique_ptr<ChatEngine> load_chat(const App& app);

// "none" when nothing fits, else the top topic.
std::string answer_of(const ChatEngine& engine, const chat::MatchResult& r);

}  // namespace support::cli
