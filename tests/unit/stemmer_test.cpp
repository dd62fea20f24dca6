// Against the Snowball project's published vocabulary/output pairs
// (snowball-data: russian/, english/).
#define BOOST_TEST_MODULE stemmers
#include <boost/test/unit_test.hpp>

#include "chat/stemmer.hpp"
#include "text/utf8.hpp"

using namespace support;

namespace {
std::u32string u32(std::string_view s) { return text::to_u32(s); }
std::string utf8(const std::u32string& s) { return text::to_utf8(s); }
}  // namespace

BOOST_AUTO_TEST_CASE(russian_reference_pairs) {
  const std::vector<std::pair<const char*, const char*>> pairs = {
      {"абонировался", "абонирова"}, {"абонируйся", "абонир"},         {"авдотьей", "авдот"},
      {"автобиографию", "автобиограф"}, {"автомобили", "автомоб"},      {"автомобиль", "автомобил"},
      {"административный", "административн"}, {"адресовано", "адресова"}, {"аккуратнее", "аккуратн"},
      {"алексеев", "алексе"},       {"алексей", "алекс"},             {"аленькие", "аленьк"},
      {"английского", "английск"},  {"аплодирует", "аплодир"},        {"аплодируя", "аплодиру"},
      {"апельсинничаешь", "апельсиннича"}, {"арестовывают", "арестовыва"}, {"арестуйте", "арест"},
      {"аристократическою", "аристократическ"}, {"анамнясь", "анамн"},  {"ангажемент", "ангажемент"},
      {"государственная", "государствен"}, {"господствовавшей", "господствова"}, {"громаднейшего", "громадн"},
      {"готовлюсь", "готовл"},      {"горячившегося", "горяч"},       {"грубеешь", "грубееш"},
      {"грубейшим", "груб"},        {"грохнулась", "грохнул"},        {"гостеприимном", "гостеприимн"},
      {"готовность", "готовн"},     {"грубость", "грубост"},          {"горящими", "горя"},
      {"гостиница", "гостиниц"},    {"готовящегося", "готовя"},       {"гремит", "грем"},
      {"а", "а"},                   {"ай", "а"},                      {"гр", "гр"},
  };
  for (const auto& [word, expected] : pairs) {
    BOOST_TEST_CONTEXT(word) { BOOST_TEST(utf8(chat::stem_russian(u32(word))) == expected); }
  }
}

BOOST_AUTO_TEST_CASE(english_reference_pairs) {
  const std::vector<std::pair<const char*, const char*>> pairs = {
      {"consolatory", "consolatori"}, {"conspiracy", "conspiraci"},     {"constable", "constabl"},
      {"constitutional", "constitut"}, {"consumption", "consumpt"},     {"contagious", "contagi"},
      {"continental", "continent"},   {"contradictory", "contradictori"}, {"contrivance", "contriv"},
      {"conventionalities", "convent"}, {"cooing", "coo"},             {"coping", "cope"},
      {"copied", "copi"},             {"coolly", "coolli"},             {"costly", "cost"},
      {"cosily", "cosili"},           {"cornwall", "cornwal"},          {"conspicuously", "conspicu"},
      {"consolingly", "consol"},      {"contentious", "contenti"},      {"cottagers", "cottag"},
      {"corpses", "corps"},           {"copse", "cops"},                {"consolidated", "consolid"},
      {"controlled", "control"},      {"convinces", "convinc"},         {"contemporaries", "contemporari"},
      {"generously", "generous"},     {"skies", "sky"},                 {"dying", "die"},
      {"news", "news"},               {"succeeded", "succeed"},         {"cries", "cri"},
      {"ties", "tie"},                {"hopping", "hop"},               {"hoped", "hope"},
  };
  for (const auto& [word, expected] : pairs) {
    BOOST_TEST_CONTEXT(word) { BOOST_TEST(utf8(chat::stem_english(u32(word))) == expected); }
  }
}

BOOST_AUTO_TEST_CASE(forms_of_one_word_share_a_stem) {
  auto s = [](const char* w) { return utf8(chat::stem(u32(w))); };
  BOOST_TEST(s("пароль") == s("пароля"));
  BOOST_TEST(s("пароль") == s("паролем"));
  BOOST_TEST(s("приходит") == s("приходят"));
  BOOST_TEST(s("заблокировали") == s("заблокировал"));
  BOOST_TEST(s("login") == s("logins"));
  BOOST_TEST(s("uploading") == s("uploaded"));
  BOOST_TEST(s("123") == "123");
  // One step past Snowball: -ировать/-изовать verbs in every form, and their -ировка nouns.
  BOOST_TEST(s("разблокируйте") == s("разблокировать"));
  BOOST_TEST(s("разблокирую") == s("разблокировать"));
  BOOST_TEST(s("блокировка") == s("блокировать"));
  BOOST_TEST(s("авторизуйтесь") == s("авторизоваться"));
  BOOST_TEST(s("зарегистрируйте") == s("зарегистрироваться"));
  // The pure Snowball stemmer is unchanged.
  BOOST_TEST(utf8(chat::stem_russian(u32("разблокируйте"))) == "разблокир");
  BOOST_TEST(utf8(chat::stem_russian(u32("разблокировать"))) == "разблокирова");
}
