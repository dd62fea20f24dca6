// The knowledge base: topics (chat/kb/topics/*.json) with Russian and English
// content, the channels file, the lexicon and the dialogue settings. Loaded
// and checked as a whole: unknown fields, duplicate ids, missing locales,
// broken references (related topics, forms, placeholders, categories) each
// fail loading with the file and JSON path named.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "chat/channels.hpp"
#include "chat/learned_model.hpp"
#include "chat/lexicon.hpp"
#include "common/config.hpp"
#include "forms/forms_config.hpp"
#include "i18n/message_format.hpp"

namespace support::chat {

struct TopicText {
  std::string title;
  i18n::MessagePattern answer;  // placeholders: see answer_placeholders()
  std::vector<i18n::MessagePattern> steps;
  std::vector<std::string> examples;  // how people ask; what the matcher learns from
  std::vector<std::string> keywords;
};

struct FormLink {
  std::string schema;        // a form schema id
  std::string request_type;  // an option of the schema's request_type field, or empty
};

struct Topic {
  std::string id;  // "access.password_reset"
  bool urgent = false;
  bool offer_operator = true;
  std::optional<FormLink> form;
  std::vector<std::string> related;
  std::map<std::string, TopicText, std::less<>> text;  // by locale

  const TopicText& in(std::string_view locale) const;  // falls back to the first locale
  std::string area() const { return id.substr(0, id.find('.')); }
};

struct Category {
  std::string id;
  std::vector<std::string> topics;
};

struct DialogueSettings {
  std::vector<Category> categories;
  double min_confidence = 0.35;
  double clarify_margin = 0.05;
  std::size_t max_clarify_options = 3;
  std::map<std::string, std::string, std::less<>> phone_service_by_area;  // "access" -> "registration"
};

// The names answers may use: {hotline}, {chat_hours}, {support_email}, ...
const std::set<std::string>& answer_placeholders();

class KnowledgeBase {
 public:
  // Reads chat/kb/channels.json, chat/kb/lexicon.json, chat/kb/dialogue.json
  // and every chat/kb/topics/*.json in `files`, and chat/kb/model.json (the
  // learned model, which the build writes) when there is one.
  static Loaded<KnowledgeBase> load(const DataFiles& files, const forms::FormsConfig& forms,
                                    const std::vector<std::string>& locales);

  const std::vector<Topic>& topics() const { return topics_; }
  const Topic* topic(std::string_view id) const;
  const Channels& channels() const { return channels_; }
  const Lexicon& lexicon() const { return lexicon_; }
  const DialogueSettings& dialogue() const { return dialogue_; }
  const std::vector<std::string>& locales() const { return locales_; }
  // nullptr when the files hold no learned model.
  const LearnedModel* model() const { return model_ ? &*model_ : nullptr; }

 private:
  std::vector<Topic> topics_;
  Channels channels_;
  Lexicon lexicon_;
  DialogueSettings dialogue_;
  std::vector<std::string> locales_;
  std::optional<LearnedModel> model_;
};

}  // namespace support::chat
