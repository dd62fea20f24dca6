#include "tests/support/chat_fixture.hpp"

#include <stdexcept>

#include "bundle/bundled_files.hpp"
#include "tests/support/bundled.hpp"

namespace support::test {

const chat::KnowledgeBase& knowledge_base() {
  static const chat::KnowledgeBase kb = [] {
    auto loaded = chat::KnowledgeBase::load(bundle::all_files(), forms_config(), messages().locales());
    if (!loaded) throw std::runtime_error("knowledge base: " + loaded.error);
    return std::move(*loaded.value);
  }();
  return kb;
}

const chat::Matcher& matcher() {
  static const chat::Matcher m(knowledge_base());
  return m;
}

const chat::DialogueEngine& dialogue() {
  static const chat::DialogueEngine d(knowledge_base(), matcher(), messages(), forms_config());
  return d;
}

Loaded<chat::KnowledgeBase> load_kb_with(const std::string& path, const std::string& content) {
  DataFiles files;
  bool replaced = false;
  for (const auto& [p, c] : bundle::all_files()) {
    if (p == path) {
      files.emplace_back(p, content);
      replaced = true;
    } else {
      files.emplace_back(p, c);
    }
  }
  if (!replaced) files.emplace_back(path, content);
  return chat::KnowledgeBase::load(files, forms_config(), messages().locales());
}

std::string bundled(const std::string& path) {
  const auto f = bundle::file(path);
  if (!f) throw std::runtime_error("not bundled: " + path);
  return std::string(*f);
}

}  // namespace support::test
