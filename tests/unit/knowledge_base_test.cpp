#define BOOST_TEST_MODULE knowledge_base
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <regex>
#include <sstream>

#include "tests/support/bundled.hpp"
#include "tests/support/chat_fixture.hpp"

using namespace support;
using namespace support::chat;

namespace {

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "fixture text not found: " + from);
  return s.replace(at, from.size(), to);
}

std::string error_with(const std::string& path, const std::string& content) {
  const auto loaded = test::load_kb_with(path, content);
  BOOST_REQUIRE_MESSAGE(!loaded.value, "expected a loading error for " + path);
  return loaded.error;
}

const std::string kTopics = "chat/kb/topics/access.json";

}  // namespace

BOOST_AUTO_TEST_CASE(every_spec_topic_exists_in_both_languages) {
  std::ifstream in(std::string(SUPPORT_SOURCE_DIR) + "/chat/kb/spec_topics.json");
  std::stringstream text;
  text << in.rdbuf();
  const auto spec = nlohmann::json::parse(text.str());
  BOOST_TEST(spec["topics"].size() == 40u);
  for (const auto& t : spec["topics"]) {
    const std::string id = t["id"];
    BOOST_TEST_CONTEXT(id) {
      const Topic* topic = test::knowledge_base().topic(id);
      BOOST_TEST_REQUIRE(topic != nullptr);
      for (const char* locale : {"ru", "en"}) {
        const TopicText& text_in = topic->in(locale);
        BOOST_TEST(!text_in.title.empty());
        BOOST_TEST(text_in.examples.size() >= 3u);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(every_answer_renders_with_the_channel_facts) {
  const auto& kb = test::knowledge_base();
  for (const auto& locale : kb.locales()) {
    const i18n::Args facts = test::dialogue().facts(locale);
    const i18n::Catalog& catalog = *test::messages().catalog(locale);
    for (const auto& t : kb.topics()) {
      const TopicText& text_in = t.in(locale);
      std::vector<const i18n::MessagePattern*> patterns{&text_in.answer};
      for (const auto& s : text_in.steps) patterns.push_back(&s);
      for (const auto* p : patterns) {
        std::string out;
        std::vector<std::string> problems;
        p->format(facts, catalog, out, problems);
        BOOST_TEST_CONTEXT(locale << " " << t.id) {
          BOOST_TEST(problems.empty());
          BOOST_TEST(out.find('{') == std::string::npos);
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(facts_come_from_the_data_files) {
  const i18n::Args ru = test::dialogue().facts("ru");
  const auto fact = [&](const char* name) {
    for (const auto& [k, v] : ru) {
      if (k == name) return v;
    }
    return std::string("?");
  };
  BOOST_TEST(fact("hotline") == "8 800 100-70-10");
  BOOST_TEST(fact("chat_hours") == "ежедневно с 08:00 до 22:00");
  BOOST_TEST(fact("mfc_hours") == "пн–пт с 09:00 до 18:00");
  BOOST_TEST(fact("hotline_hours") == "круглосуточно");
  BOOST_TEST(fact("upload_max_file") == "5242880");
  BOOST_TEST(fact("upload_types") == "PDF, JPEG, PNG");
  // Changing the number in the channels file changes every answer that quotes it.
  const auto changed = test::load_kb_with("chat/kb/channels.json",
                                          replace_once(test::bundled("chat/kb/channels.json"), "8 800 100-70-10", "8 800 555-35-35"));
  BOOST_TEST_REQUIRE(changed.value.has_value());
  BOOST_TEST(changed.value->channels().channel("hotline")->number == "8 800 555-35-35");
}

BOOST_AUTO_TEST_SUITE(loading_errors_name_file_and_path)

BOOST_AUTO_TEST_CASE(unknown_field) {
  const std::string t = replace_once(test::bundled(kTopics), R"("id": "access.password_reset",)",
                                     R"("id": "access.password_reset", "colour": "red",)");
  BOOST_TEST(error_with(kTopics, t) == "chat/kb/topics/access.json: /topics/0/colour: unknown key");
}

BOOST_AUTO_TEST_CASE(duplicate_id_across_files) {
  const std::string t = replace_once(test::bundled("chat/kb/topics/tech.json"), R"("id": "tech.upload_error")",
                                     R"("id": "access.password_reset")");
  BOOST_TEST(error_with("chat/kb/topics/tech.json", t) ==
             "chat/kb/topics/tech.json: /topics/0/id: duplicate topic id \"access.password_reset\", first at "
             "chat/kb/topics/access.json: /topics/0");
}

BOOST_AUTO_TEST_CASE(missing_locale) {
  auto doc = nlohmann::json::parse(test::bundled(kTopics));
  doc["topics"][2].erase("en");
  BOOST_TEST(error_with(kTopics, doc.dump()) == "chat/kb/topics/access.json: /topics/2: missing locale \"en\"");
}

BOOST_AUTO_TEST_CASE(broken_related_reference) {
  auto doc = nlohmann::json::parse(test::bundled(kTopics));
  doc["topics"][1]["related"][0] = "access.pasword_reset";
  BOOST_TEST(error_with(kTopics, doc.dump()) ==
             "chat/kb/topics/access.json: /topics/1/related/0: no such topic \"access.pasword_reset\"");
}

BOOST_AUTO_TEST_CASE(unknown_placeholder_and_malformed_text) {
  auto doc = nlohmann::json::parse(test::bundled(kTopics));
  doc["topics"][0]["ru"]["steps"][4] = "Позвоните на {hotlin}.";
  BOOST_TEST(error_with(kTopics, doc.dump()) == "chat/kb/topics/access.json: /topics/0/ru/steps/4: unknown placeholder {hotlin}");
  doc = nlohmann::json::parse(test::bundled(kTopics));
  doc["topics"][0]["en"]["answer"] = "Call {hotline";
  BOOST_TEST(error_with(kTopics, doc.dump()).find("/topics/0/en/answer: malformed text: at 13") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(broken_form_links) {
  auto doc = nlohmann::json::parse(test::bundled(kTopics));
  doc["topics"][0]["form"]["schema"] = "fax";
  BOOST_TEST(error_with(kTopics, doc.dump()) == "chat/kb/topics/access.json: /topics/0/form/schema: unknown form \"fax\"");
  doc = nlohmann::json::parse(test::bundled(kTopics));
  doc["topics"][0]["form"]["request_type"] = "praise";
  BOOST_TEST(error_with(kTopics, doc.dump()) ==
             "chat/kb/topics/access.json: /topics/0/form/request_type: \"praise\" is not a request type of form \"feedback\"");
}

BOOST_AUTO_TEST_CASE(too_few_examples_and_bad_ids) {
  auto doc = nlohmann::json::parse(test::bundled(kTopics));
  doc["topics"][0]["ru"]["examples"] = {"забыл пароль"};
  BOOST_TEST(error_with(kTopics, doc.dump()) == "chat/kb/topics/access.json: /topics/0/ru/examples: give at least three ways people ask");
  doc = nlohmann::json::parse(test::bundled(kTopics));
  doc["topics"][0]["id"] = "Password Reset";
  BOOST_TEST(error_with(kTopics, doc.dump()) ==
             "chat/kb/topics/access.json: /topics/0/id: expected area.name in lower case, got \"Password Reset\"");
}

BOOST_AUTO_TEST_CASE(dialogue_and_channels) {
  BOOST_TEST(error_with("chat/kb/dialogue.json", replace_once(test::bundled("chat/kb/dialogue.json"), "\"access.sms_code\"", "\"access.sms\"")) ==
             "chat/kb/dialogue.json: /categories/0/topics/2: no such topic \"access.sms\"");
  const std::string channels = test::bundled("chat/kb/channels.json");
  BOOST_TEST(error_with("chat/kb/channels.json", replace_once(channels, "8 800 100-70-10", "8 800 100-70")) ==
             "chat/kb/channels.json: /channels/hotline/number: not a valid Russian phone number: 8 800 100-70");
  BOOST_TEST(error_with("chat/kb/channels.json", replace_once(channels, "\"08:00-22:00\"", "\"8am-10pm\"")) ==
             "chat/kb/channels.json: /schedules/chat_operators/daily/0: expected HH:MM-HH:MM, got \"8am-10pm\"");
  BOOST_TEST(error_with("chat/kb/channels.json", replace_once(channels, "\"schedule\": \"mfc\"", "\"schedule\": \"office\"")) ==
             "chat/kb/channels.json: /channels/mfc/schedule: unknown schedule \"office\"");
  BOOST_TEST(error_with("chat/kb/channels.json", replace_once(channels, "support@gosuslugi.ru", "support@gosuslugi")) ==
             "chat/kb/channels.json: /channels/support_email/address: not a valid e-mail address: support@gosuslugi");
}

BOOST_AUTO_TEST_CASE(lexicon) {
  auto doc = nlohmann::json::parse(test::bundled("chat/kb/lexicon.json"));
  doc["ru"]["synonyms"][0].push_back("электронная почта");
  BOOST_TEST(error_with("chat/kb/lexicon.json", doc.dump()) ==
             "chat/kb/lexicon.json: /ru/synonyms/0/13: synonyms are single words; use replacements for phrases");
  doc = nlohmann::json::parse(test::bundled("chat/kb/lexicon.json"));
  doc["ru"]["synonyms"][1].push_back("войти");
  BOOST_TEST(error_with("chat/kb/lexicon.json", doc.dump()).find("is already in another synonym group") != std::string::npos);
  // Word pairs, cue groups, strong words and negations are checked too.
  doc = nlohmann::json::parse(test::bundled("chat/kb/lexicon.json"));
  doc["ru"]["pairs"]["грузится"] = "сайт";
  BOOST_TEST(error_with("chat/kb/lexicon.json", doc.dump()) == "chat/kb/lexicon.json: /ru/pairs/грузится: a pair is two words");
  doc = nlohmann::json::parse(test::bundled("chat/kb/lexicon.json"));
  doc["ru"]["cues"]["gossip"] = nlohmann::json::object();
  BOOST_TEST(error_with("chat/kb/lexicon.json", doc.dump()) == "chat/kb/lexicon.json: /ru/cues/gossip: unknown key");
  doc = nlohmann::json::parse(test::bundled("chat/kb/lexicon.json"));
  doc["en"]["cues"]["fraud_doubt"]["stems"].push_back("is it real");
  BOOST_TEST(error_with("chat/kb/lexicon.json", doc.dump()) ==
             "chat/kb/lexicon.json: /en/cues/fraud_doubt/stems: \"is it real\" is not a single word");
  doc = nlohmann::json::parse(test::bundled("chat/kb/lexicon.json"));
  doc["en"]["cues"]["fraud_doubt"]["forms"].push_back("is it real");
  BOOST_TEST(error_with("chat/kb/lexicon.json", doc.dump()) ==
             "chat/kb/lexicon.json: /en/cues/fraud_doubt/forms: \"is it real\" is not one or two words");
  doc = nlohmann::json::parse(test::bundled("chat/kb/lexicon.json"));
  doc["ru"]["strong"].push_back("плагин браузера");
  BOOST_TEST(error_with("chat/kb/lexicon.json", doc.dump()) == "chat/kb/lexicon.json: /ru/strong: \"плагин браузера\" is not a single word");
  doc = nlohmann::json::parse(test::bundled("chat/kb/lexicon.json"));
  doc["ru"]["negations"] = "не";
  BOOST_TEST(!error_with("chat/kb/lexicon.json", doc.dump()).empty());
}

BOOST_AUTO_TEST_CASE(malformed_json_and_missing_files) {
  BOOST_TEST(error_with(kTopics, "{\"topics\": [").find("chat/kb/topics/access.json: malformed JSON") == 0u);
  BOOST_TEST(error_with(kTopics, std::string(5000, '[')) == "chat/kb/topics/access.json: nesting deeper than 64 levels");
  DataFiles none;
  BOOST_TEST(KnowledgeBase::load(none, test::forms_config(), {"ru"}).error == "chat/kb/channels.json: missing data file");
}

BOOST_AUTO_TEST_SUITE_END()
