// The bundled knowledge base, its matcher and a dialogue engine, built once
// per test binary; and a helper to load a knowledge base with one file changed.
#pragma once

#include <memory>
#include <string>

#include "chat/dialogue.hpp"
#include "chat/knowledge_base.hpp"
#include "chat/matcher.hpp"

namespace support::test {

const chat::KnowledgeBase& knowledge_base();
const chat::Matcher& matcher();
const chat::DialogueEngine& dialogue();

// The bundled files with `path` replaced by `content` (or added).
Loaded<chat::KnowledgeBase> load_kb_with(const std::string& path, const std::string& content);

// The bundled content of a file, as a string to edit.
std::string bundled(const std::string& path);

}  // namespace support::test
