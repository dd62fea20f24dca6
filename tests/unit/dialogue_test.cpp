#define BOOST_TEST_MODULE dialogue
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "tests/support/bundled.hpp"
#include "tests/support/chat_fixture.hpp"

using namespace support;
using namespace support::chat;

namespace {

const DateTime kSaturdayNight{{2026, 11, 21}, 23, 30};
const DateTime kMondayNoon{{2026, 11, 23}, 12, 0};
const DateTime kMondayEvening{{2026, 11, 23}, 19, 0};

DialogueContext at(const DateTime& now) { return {now, nullptr}; }

bool has_button(const Reply& r, const std::string& action) {
  return std::any_of(r.buttons.begin(), r.buttons.end(), [&](const Button& b) { return b.action == action; });
}
bool mentions(const Reply& r, const std::string& fragment) {
  return std::any_of(r.messages.begin(), r.messages.end(), [&](const std::string& m) { return m.find(fragment) != std::string::npos; });
}

}  // namespace

BOOST_AUTO_TEST_CASE(greeting_offers_the_categories) {
  ConversationState s;
  const Reply r = test::dialogue().start(s);
  BOOST_TEST(r.kind == "greeting");
  BOOST_TEST(has_button(r, "category:access"));
  BOOST_TEST(has_button(r, "operator"));
  for (const auto& b : r.buttons) BOOST_TEST(!b.label.empty());
  const Reply c = test::dialogue().on_button(s, "category:access", at(kMondayNoon));
  BOOST_TEST(c.kind == "category");
  BOOST_TEST(has_button(c, "topic:access.password_reset"));
}

BOOST_AUTO_TEST_CASE(an_answer_asks_whether_it_helped) {
  ConversationState s;
  const Reply r = test::dialogue().on_text(s, "забыл пароль", at(kMondayNoon));
  BOOST_TEST(r.kind == "answer");
  BOOST_TEST(r.topic == "access.password_reset");
  BOOST_TEST(r.title == "Восстановление пароля");
  BOOST_TEST(r.steps.size() == 5u);
  BOOST_TEST(mentions(r, "Помог ли ответ?"));
  BOOST_TEST(has_button(r, "helped:yes"));
  BOOST_TEST(has_button(r, "helped:no"));
  BOOST_TEST(has_button(r, "topic:access.sms_code"));  // related topics
  BOOST_TEST((s.stage == Stage::answered));
  // Steps quote the channels file and the password policy.
  BOOST_TEST(r.steps[3].find("не короче 8 символов") != std::string::npos);
  BOOST_TEST(r.steps[4].find("8 800 100-70-10") != std::string::npos);
  BOOST_TEST(test::dialogue().on_button(s, "helped:yes", at(kMondayNoon)).kind == "thanks");
}

BOOST_AUTO_TEST_CASE(english_conversation) {
  ConversationState s;
  s.locale = "en";
  const Reply r = test::dialogue().on_text(s, "I don't receive the SMS code", at(kMondayNoon));
  BOOST_TEST(r.title == "SMS code does not arrive");
  BOOST_TEST(mentions(r, "Did this help?"));
}

BOOST_AUTO_TEST_CASE(no_prefills_the_form_and_offers_people) {
  ConversationState s;
  test::dialogue().on_text(s, "заблокировали учетную запись", at(kMondayNoon));
  const Reply r = test::dialogue().on_button(s, "helped:no", at(kMondayNoon));
  BOOST_TEST(r.kind == "escalation");
  BOOST_TEST_REQUIRE(r.form.has_value());
  BOOST_TEST(r.form->schema == "feedback");
  BOOST_TEST(r.form->request_type == "technical_error");
  BOOST_TEST(r.form->topic == "access.account_locked");
  BOOST_TEST(r.form->urgent);
  BOOST_TEST(r.operator_available);  // Monday noon: chat operators work 08:00-22:00
  BOOST_TEST(has_button(r, "operator"));
  BOOST_TEST(mentions(r, "8 800 100-70-10"));
  BOOST_TEST((s.stage == Stage::escalated));
  // A suspicious-activity topic pre-fills its own form.
  ConversationState t;
  test::dialogue().on_text(t, "кто-то зашел в мой аккаунт", at(kMondayNoon));
  BOOST_TEST(test::dialogue().on_button(t, "helped:no", at(kMondayNoon)).form->schema == "suspicious_activity");
}

BOOST_AUTO_TEST_CASE(operators_are_back_at_eight) {
  ConversationState s;
  test::dialogue().on_text(s, "не могу войти", at(kSaturdayNight));
  const Reply r = test::dialogue().on_button(s, "helped:no", at(kSaturdayNight));
  BOOST_TEST(!r.operator_available);
  BOOST_TEST(!has_button(r, "operator"));
  BOOST_TEST(mentions(r, "вернутся завтра в 08:00"));
  // Saturday 23:30: the phone line is automated until the weekend operator at 10:00.
  BOOST_TEST(mentions(r, "автоматическом режиме"));
  BOOST_TEST(mentions(r, "завтра в 10:00"));
}

BOOST_AUTO_TEST_CASE(phone_line_by_the_hour) {
  ConversationState s;
  test::dialogue().on_text(s, "не могу войти", at(kMondayEvening));
  const Reply r = test::dialogue().on_button(s, "helped:no", at(kMondayEvening));
  // 18:00-23:00 on working days: technical and general questions only; sign-in help from 09:00.
  BOOST_TEST(mentions(r, "технические проблемы, общие вопросы"));
  BOOST_TEST(mentions(r, "регистрация и вход) помогут завтра в 09:00"));
  // A public holiday on Monday follows the days-off schedule.
  const DialogueContext holiday{kMondayNoon, [](const Date&) { return true; }};
  ConversationState h;
  test::dialogue().on_text(h, "не могу войти", holiday);
  BOOST_TEST(mentions(test::dialogue().on_button(h, "helped:no", holiday), "технические проблемы, общие вопросы"));
}

BOOST_AUTO_TEST_CASE(close_matches_get_a_clarifying_question) {
  auto doc = nlohmann::json::parse(test::bundled("chat/kb/dialogue.json"));
  doc["clarify_margin"] = 0.6;
  const auto kb = test::load_kb_with("chat/kb/dialogue.json", doc.dump());
  BOOST_TEST_REQUIRE(kb.value.has_value());
  const Matcher m(*kb.value);
  const DialogueEngine d(*kb.value, m, test::messages(), test::forms_config());
  ConversationState s;
  const Reply r = d.on_text(s, "пароль", at(kMondayNoon));
  BOOST_TEST(r.kind == "clarify");
  BOOST_TEST(r.buttons.size() >= 3u);  // 2-3 topics and "none of these"
  BOOST_TEST(r.buttons.size() <= 4u);
  BOOST_TEST(has_button(r, "helped:no"));
  BOOST_TEST((s.stage == Stage::clarifying));
  BOOST_TEST(s.options.size() == r.buttons.size() - 1);
  const Reply chosen = d.on_button(s, r.buttons.front().action, at(kMondayNoon));
  BOOST_TEST(chosen.kind == "answer");
}

BOOST_AUTO_TEST_CASE(nothing_fits) {
  ConversationState s;
  const Reply r = test::dialogue().on_text(s, "какая погода завтра", at(kMondayNoon));
  BOOST_TEST(r.kind == "no_match");
  BOOST_TEST(has_button(r, "category:access"));
  BOOST_TEST(has_button(r, "helped:no"));
  BOOST_TEST(has_button(r, "operator"));  // operators work now
}

BOOST_AUTO_TEST_CASE(secrets_are_warned_about_and_masked) {
  ConversationState s;
  const Reply r = test::dialogue().on_text(s, "не приходит смс, вот мой пароль: Qwerty123!", at(kMondayNoon));
  BOOST_TEST(r.privacy_warning.value_or("") == "password");
  BOOST_TEST(r.messages.front().find("не пишите в чат пароли") != std::string::npos);
  BOOST_TEST(s.privacy_warned);
  BOOST_TEST(s.transcript.front().from_user);
  BOOST_TEST(s.transcript.front().text == "не приходит смс, вот мой пароль: ***");
  const std::string json = s.to_json().dump();
  BOOST_TEST(json.find("Qwerty123") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(state_round_trips_through_json) {
  ConversationState s;
  s.locale = "en";
  test::dialogue().on_text(s, "payment failed", at(kMondayNoon));
  std::string error;
  const auto restored = ConversationState::from_json(nlohmann::json::parse(s.to_json().dump()), error);
  BOOST_TEST_REQUIRE(restored.has_value());
  BOOST_TEST(restored->to_json() == s.to_json());
  // The conversation goes on from the restored state.
  ConversationState r = *restored;
  BOOST_TEST(test::dialogue().on_button(r, "helped:no", at(kMondayNoon)).form->topic == "payment.error");
}

BOOST_AUTO_TEST_CASE(tampered_state_is_refused) {
  ConversationState s;
  test::dialogue().on_text(s, "забыл пароль", at(kMondayNoon));
  const nlohmann::json good = s.to_json();
  auto error_for = [](nlohmann::json j) {
    std::string e;
    BOOST_TEST(!ConversationState::from_json(j, e).has_value());
    return e;
  };
  nlohmann::json j = good;
  j["stage"] = "hacked";
  BOOST_TEST(error_for(j) == "/stage: unknown stage \"hacked\"");
  j = good;
  j["transcript"][0]["text"] = 5;
  BOOST_TEST(error_for(j) == "/transcript/0/text: expected a string");
  j = good;
  j["transcript"] = nlohmann::json::array();
  for (int i = 0; i < 100; ++i) j["transcript"].push_back({{"from", "user"}, {"text", "x"}});
  BOOST_TEST(error_for(j) == "/transcript: expected at most 60 entries");
  j = good;
  j["topic"] = "../../etc";
  BOOST_TEST(error_for(j) == "/topic: expected a topic id");
  j = good;
  j["admin"] = true;
  BOOST_TEST(error_for(j) == "/admin: unknown key");
  BOOST_TEST(error_for(nlohmann::json::array()) == "/: expected an object");
}

BOOST_AUTO_TEST_CASE(hostile_messages_get_sensible_replies) {
  ConversationState s;
  BOOST_TEST(test::dialogue().on_text(s, "", at(kMondayNoon)).kind == "empty");
  BOOST_TEST(test::dialogue().on_text(s, "   \n\t ", at(kMondayNoon)).kind == "empty");
  BOOST_TEST(test::dialogue().on_text(s, "🙂🙂🙂", at(kMondayNoon)).kind == "empty");
  const Reply bad = test::dialogue().on_text(s, "не могу войти \xff\xfe", at(kMondayNoon));
  BOOST_TEST(bad.topic == "access.login_error");
  const Reply controls = test::dialogue().on_text(s, std::string("не могу") + '\0' + " войти\x1b[31m", at(kMondayNoon));
  BOOST_TEST(controls.topic == "access.login_error");
  std::string huge = "не приходит смс с кодом ";
  while (huge.size() < 1024 * 1024) huge += "очень долго жду ";
  const Reply big = test::dialogue().on_text(s, huge, at(kMondayNoon));
  BOOST_TEST(big.topic == "access.sms_code");
  BOOST_TEST(mentions(big, "я прочитал его начало"));
  BOOST_TEST(s.transcript.back().text.size() <= ConversationState::kMaxEntryBytes);
  BOOST_TEST(s.transcript.size() <= ConversationState::kMaxTranscript);
  BOOST_TEST(test::dialogue().on_button(s, "topic:no.such", at(kMondayNoon)).kind == "greeting");
  BOOST_TEST(test::dialogue().on_button(s, "\xff\xfe", at(kMondayNoon)).kind == "greeting");
  ConversationState unknown_locale;
  unknown_locale.locale = "xx";
  BOOST_TEST(test::dialogue().on_text(unknown_locale, "не могу войти", at(kMondayNoon)).kind == "answer");
  BOOST_TEST(unknown_locale.locale == "ru");
}

BOOST_AUTO_TEST_CASE(thanks_get_the_polite_closing) {
  ConversationState s;
  test::dialogue().on_text(s, "забыл пароль", at(kMondayNoon));
  const Reply r = test::dialogue().on_text(s, "спасибо большое, всё получилось!", at(kMondayNoon));
  BOOST_TEST(r.kind == "thanks");
  BOOST_TEST(mentions(r, "Рад, что смог помочь"));
  BOOST_TEST(has_button(r, "restart"));
  // A rant is not thanked: it gets the usual "not understood" with the ways to reach support.
  ConversationState rant;
  BOOST_TEST(test::dialogue().on_text(rant, "сайт отстой, позор", at(kMondayNoon)).kind == "no_match");
}

BOOST_AUTO_TEST_CASE(a_follow_up_belongs_to_the_topic_just_answered) {
  ConversationState s;
  BOOST_TEST(test::dialogue().on_text(s, "забыл пароль", at(kMondayNoon)).topic == "access.password_reset");
  const Reply r = test::dialogue().on_text(s, "а если нет доступа к телефону?", at(kMondayNoon));
  BOOST_TEST(r.kind == "answer");
  BOOST_TEST(r.topic == "access.lost_phone_email");
  // A fresh conversation has no topic to lean to: the same words alone are matched as they are.
  ConversationState fresh;
  const Reply alone = test::dialogue().on_text(fresh, "где ближайший мфц", at(kMondayNoon));
  BOOST_TEST(alone.topic == "contact.mfc");
}

// A short follow-up that matches nothing by itself stays with the answer just
// given: the bot asks which of that topic and its related ones is meant.
BOOST_AUTO_TEST_CASE(a_vague_follow_up_asks_about_the_topic_just_answered) {
  ConversationState s;
  BOOST_TEST(test::dialogue().on_text(s, "забыл пароль", at(kMondayNoon)).topic == "access.password_reset");
  const Reply r = test::dialogue().on_text(s, "а сколько это займёт?", at(kMondayNoon));
  BOOST_TEST(r.kind == "clarify");
  BOOST_TEST_REQUIRE(r.buttons.size() >= 3u);
  BOOST_TEST(r.buttons.front().action == "topic:access.password_reset");
  BOOST_TEST(r.buttons.back().action == "helped:no");
  BOOST_TEST((s.stage == Stage::clarifying));
  // Pressing the first option answers that topic again.
  BOOST_TEST(test::dialogue().on_button(s, r.buttons.front().action, at(kMondayNoon)).topic == "access.password_reset");

  // Without an answer before it, or with a subject of its own, it is not a follow-up.
  ConversationState fresh;
  BOOST_TEST(test::dialogue().on_text(fresh, "а сколько это займёт?", at(kMondayNoon)).kind == "no_match");
  ConversationState other;
  test::dialogue().on_text(other, "забыл пароль", at(kMondayNoon));
  BOOST_TEST(test::dialogue().on_text(other, "а какая завтра погода?", at(kMondayNoon)).kind == "no_match");
  ConversationState longer;
  test::dialogue().on_text(longer, "забыл пароль", at(kMondayNoon));
  BOOST_TEST(test::dialogue().on_text(longer, "а вот скажите мне пожалуйста сколько всё это будет у вас занимать по времени", at(kMondayNoon)).kind !=
             "clarify");
}

BOOST_AUTO_TEST_CASE(fraud_warning_comes_first) {
  ConversationState s;
  const Reply r = test::dialogue().on_text(
      s, "мне позвонили якобы из поддержки, сказали что учётку заблокируют, и просят назвать код из смс. это вы?", at(kMondayNoon));
  BOOST_TEST(r.kind == "answer");
  BOOST_TEST(r.topic == "security.phishing");
}
