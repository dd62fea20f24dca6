#define BOOST_TEST_MODULE matcher
#include <boost/test/unit_test.hpp>

#include <set>

#include <fstream>
#include <sstream>

#include "chat/fuzzy_vocabulary.hpp"
#include "chat/text_analyzer.hpp"
#include "tests/support/chat_fixture.hpp"
#include "tests/support/eval_sets.hpp"
#include "text/utf8.hpp"

using namespace support;
using namespace support::chat;

namespace {

double threshold() { return test::knowledge_base().dialogue().min_confidence; }

std::string answer(const std::string& text, const std::string& locale = "ru") {
  const auto r = test::matcher().match(text, locale);
  return r.ranked.empty() || r.top() < threshold() ? "none" : r.ranked.front().topic;
}

// Whether the matcher's cues read a message as a fraud report.
bool reads_as_fraud(const std::string& text, const std::string& locale = "ru") {
  return test::matcher().match(text, locale).signal == "fraud";
}

void expect(const std::vector<std::pair<std::string, std::string>>& cases, const std::string& locale = "ru") {
  for (const auto& [text, topic] : cases) {
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(answer(text, locale) == topic); }
  }
}

// Each message is read as `signal` (a kind of message) and gets no answer.
void expect_unanswered(const std::string& signal, const std::vector<std::pair<std::string, std::string>>& texts_and_locales) {
  for (const auto& [text, locale] : texts_and_locales) {
    const auto r = test::matcher().match(text, locale);
    BOOST_TEST(r.signal == signal, text);
    BOOST_TEST(r.top() < threshold(), text);
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(case_punctuation_and_yo) {
  expect({{"НЕ МОГУ ВОЙТИ!!!", "access.login_error"},
          {"не могу войти,,, помогите...", "access.login_error"},
          {"учётная запись заблокирована", "access.account_locked"},
          {"учетная запись заблокирована", "access.account_locked"}});
}

BOOST_AUTO_TEST_CASE(typos) {
  expect({{"не магу вайти в кабинет", "access.login_error"},
          {"забыл пороль", "access.password_reset"},
          {"не приходит сообшение с кодом", "access.sms_code"},
          {"восстоновить пароль", "access.password_reset"}});
}

BOOST_AUTO_TEST_CASE(decomposed_letters) {
  // "й" pasted as и + U+0306, "ё" as е + U+0308: one word, as if typed composed.
  BOOST_TEST((split_words(U"двухфакторнаи\u0306 ЗАЧЕ\u0308Т") == std::vector<std::u32string>{U"двухфакторнай", U"зачет"}));
  expect({{"двухфакторнаи\u0306 аутентификацией проблема", "access.two_factor"}});
}

BOOST_AUTO_TEST_CASE(misspellings_are_corrected_within_limits) {
  FuzzyVocabulary v;
  for (const char* w : {"пароль", "войти", "восстановить", "pay", "line", "payment"}) v.add(text::to_u32(w));
  const auto nearest = [&](const char* w) {
    const auto hit = v.nearest(text::to_u32(w));
    return hit ? std::to_string(hit->distance) + ":" + text::to_utf8(hit->word) : std::string("none");
  };
  BOOST_TEST(nearest("пороль") == "1:пароль");
  BOOST_TEST(nearest("вайти") == "1:войти");
  BOOST_TEST(nearest("востоновить") == "2:восстановить");  // long words: two typos
  BOOST_TEST(nearest("paymnet") == "1:payment");           // a transposition is one typo
  BOOST_TEST(nearest("play") == "none");                   // short words are other words, not typos
  BOOST_TEST(nearest("life") == "none");
  BOOST_TEST(nearest("нароль") == "none");                 // the first letter is trusted
  BOOST_TEST(nearest("поролььь") == "none");               // three typos
  // The distance itself, for words longer than any the vocabulary holds too.
  const auto distance = [](const char* a, const char* b) { return edit_distance(text::to_u32(a), text::to_u32(b), 2); };
  BOOST_TEST(distance("пароль", "пароль") == 0);
  BOOST_TEST(distance("paymnet", "payment") == 1);
  BOOST_TEST(distance("восстановить", "востоновить") == 2);
  BOOST_TEST(distance("abc", "abcdefgh") == 3);  // more than `max` apart: max + 1
  const std::string long_word(40, 'a');
  BOOST_TEST(distance(long_word.c_str(), (long_word + "b").c_str()) == 1);
  BOOST_TEST(distance(long_word.c_str(), ("b" + long_word.substr(1)).c_str()) == 1);
  BOOST_TEST(distance(long_word.c_str(), std::string(40, 'b').c_str()) == 3);
}

BOOST_AUTO_TEST_CASE(slang_and_abbreviations) {
  expect({{"учетку заблочили", "access.account_locked"},
          {"смска не приходит", "access.sms_code"},
          {"как получить эцп", "tech.digital_signature"},
          {"где ближайший мфц", "contact.mfc"},
          {"не могу зайти в лк", "access.login_error"}});
  // Slang declines like any word: the lexicon lists one form.
  expect({{"как отключить двухфакторку", "access.two_factor"},
          {"с двухфакторкой проблема", "access.two_factor"},
          {"учеткой не могу воспользоваться, заблочили", "access.account_locked"}});
}

BOOST_AUTO_TEST_CASE(morphology) {
  // войти / вхожу / входа; one stem or one concept.
  expect({{"проблема со входом в кабинет", "access.login_error"},
          {"вхожу а там ошибка", "access.login_error"},
          {"заблокировали кабинет", "access.account_locked"},
          {"блокировка кабинета", "access.account_locked"}});
}

BOOST_AUTO_TEST_CASE(wrong_keyboard_layout_and_transliteration) {
  const auto layout = test::matcher().match("yt vjue djqnb", "ru");
  BOOST_TEST(layout.ranked.front().topic == "access.login_error");
  BOOST_TEST(reading_name(layout.reading) == "keyboard_layout");
  const auto translit = test::matcher().match("ne mogu voyti v kabinet", "ru");
  BOOST_TEST(translit.ranked.front().topic == "access.login_error");
  BOOST_TEST(reading_name(translit.reading) == "transliteration");
  expect({{"pf,sk gfhjkm", "access.password_reset"}, {"zabyl parol", "access.password_reset"}});
}

BOOST_AUTO_TEST_CASE(long_polite_messages) {
  expect({{"Здравствуйте! Извините за беспокойство. Подскажите, пожалуйста, уже третий день пытаюсь оформить справку, "
           "но у меня не приходит смс с кодом подтверждения, хотя телефон работает. Заранее большое спасибо!",
           "access.sms_code"},
          {"Добрый день. Я вышла замуж и сменила фамилию, подскажите как теперь изменить данные в профиле, спасибо",
           "profile.change_personal_data"}});
}

BOOST_AUTO_TEST_CASE(slang_by_stem_only_for_long_words) {
  const auto features = [](const char* word, const char* locale) {
    std::vector<std::u32string> out;
    for (const auto& term : analyze(text::to_u32(word), test::knowledge_base().lexicon().language(locale))) out.push_back(term.feature);
    return out;
  };
  BOOST_TEST((features("двухфакторку", "ru") == features("двухфакторный", "ru")));
  BOOST_TEST((features("учеткой", "ru") == features("учетная запись", "ru")));
  // "pass" is slang for password, but "passed" is not: four letters say too little.
  BOOST_TEST((features("pass", "en") == features("password", "en")));
  BOOST_TEST((features("passed", "en") != features("password", "en")));
}

BOOST_AUTO_TEST_CASE(words_spread_over_several_phrasings) {
  // "несколько попыток" and "ввод пароля" are in different phrasings of one
  // topic: together they still make a clear answer, as typed or in the wrong layout.
  for (const char* text : {"несколько раз ввел пароль и меня заблокировали", "ytcrjkmrj hfp ddtk gfhjkm b vtyz pf,kjrbhjdfkb"}) {
    BOOST_TEST_CONTEXT(text) {
      const auto r = test::matcher().match(text, "ru");
      BOOST_TEST_REQUIRE(r.ranked.size() >= 2u);
      BOOST_TEST(r.ranked[0].topic == "access.account_locked");
      BOOST_TEST(r.top() >= 0.5);
      BOOST_TEST(r.ranked[1].confidence < r.top() - test::knowledge_base().dialogue().clarify_margin);
    }
  }
}

BOOST_AUTO_TEST_CASE(english_matches_english_content) {
  const auto r = test::matcher().match("I forgot my password", "en");
  BOOST_TEST(r.ranked.front().topic == "access.password_reset");
  BOOST_TEST(r.matched_locale == "en");
  expect({{"can't log in", "access.login_error"}, {"talk to a human", "contact.chat_operator"},
          {"my account was hacked", "security.suspicious_activity"},
          {"the service is not available right now", "service.unavailable"},
          {"I no longer have the phone number linked to my account", "access.lost_phone_email"}}, "en");
}

BOOST_AUTO_TEST_CASE(off_topic_gets_none) {
  expect({{"какая погода завтра в москве", "none"}, {"расскажи анекдот", "none"}, {"купить билет на поезд", "none"},
          {"asdkjh qwpeoiu zmxnb", "none"}, {"ааааааа", "none"}, {"12345", "none"}});
  // Sharing only general words (time, "включить") with a phrasing is not enough.
  expect({{"какой сегодня день недели", "none"}, {"включи музыку", "none"}});
  expect({{"what is the capital of France", "none"}}, "en");
}

BOOST_AUTO_TEST_CASE(results_are_ranked_and_bounded) {
  const auto r = test::matcher().match("пароль", "ru", 3);
  BOOST_TEST(r.ranked.size() <= 3u);
  for (std::size_t i = 1; i < r.ranked.size(); ++i) BOOST_TEST(r.ranked[i - 1].confidence >= r.ranked[i].confidence);
  for (const auto& s : r.ranked) BOOST_TEST((s.confidence > 0 && s.confidence <= 1));
}

BOOST_AUTO_TEST_CASE(hostile_messages) {
  BOOST_TEST(test::matcher().match("", "ru").ranked.empty());
  BOOST_TEST(test::matcher().match("\xff\xfe\xfd", "ru").ranked.empty());
  BOOST_TEST(test::matcher().match(std::string("\0\0\0", 3), "ru").ranked.empty());
  BOOST_TEST(test::matcher().match("🙂🙂🙂", "ru").ranked.empty());
  BOOST_TEST(answer("не приходит 🙂 смс с кодом 🙏") == "access.sms_code");
  // A megabyte: read up to its first words, no hang, no crash.
  std::string huge;
  while (huge.size() < 1024 * 1024) huge += "не приходит смс с кодом ";
  BOOST_TEST(answer(huge) == "access.sms_code");
  BOOST_TEST(test::matcher().match(std::string(1024 * 1024, 'x'), "ru").ranked.empty());
  // Unknown locale: the default index, never a crash.
  BOOST_TEST(!test::matcher().match("не могу войти", "xx").ranked.empty());
}

BOOST_AUTO_TEST_CASE(negation_is_a_feature) {
  const auto& ru = test::knowledge_base().lexicon().language("ru");
  const auto features = [&](const char* text) {
    std::vector<std::u32string> out;
    for (const auto& term : analyze(text::to_u32(text), ru)) out.push_back(term.feature);
    return out;
  };
  // "не" reaches past stop words ("так и") to the word it negates, as a second feature.
  const auto negated = features("мне так и не ответили");
  const auto plain = features("мне ответили");
  BOOST_TEST_REQUIRE(plain.size() == 1u);
  BOOST_TEST((negated == std::vector<std::u32string>{plain[0], kNegationMark + plain[0]}));
  // Told apart: no answer is a problem to escalate; an answer is to be read.
  expect({{"мне так и не ответили на обращение", "appeal.escalate"},
          {"мне ответили на обращение, где посмотреть ответ", "appeal.track"}});
}

BOOST_AUTO_TEST_CASE(english_contractions_and_little_words) {
  // "haven't", "hasn't", "couldn't" are negations like "didn't"; the pieces of
  // "it's" and "yet", "already" say nothing a message is about.
  expect({{"I still haven't got the code", "access.sms_code"},
          {"no code yet", "access.sms_code"},
          {"the code hasn't come, it's been ages", "access.sms_code"},
          {"couldn't sign in, it says wrong password", "access.login_error"}},
         "en");
  // An idiom for forgetting.
  expect({{"пароль вылетел из головы, как восстановить", "access.password_reset"}});
}

BOOST_AUTO_TEST_CASE(word_pairs_settle_polysemy) {
  // «не загружаются госуслуги» is the site not loading, not a file upload.
  expect({{"не загружаются госуслуги", "tech.site_error"}, {"госуслуги не грузятся весь день", "tech.site_error"},
          {"не загружается файл", "tech.upload_error"}});
  expect({{"the portal is not loading", "tech.site_error"}}, "en");
}

BOOST_AUTO_TEST_CASE(domain_terms_carry_long_reports) {
  expect({{"добрый день, у меня на ноутбуке стоит криптопро и плагин, при входе всё висит и ничего не происходит",
           "tech.digital_signature"},
          {"с включенным впн портал не открывается, хром пишет ERR_CONNECTION_RESET, без него иногда работает",
           "tech.site_error"}});
  expect({{"the browser hangs when I try to sign, cryptopro is installed and the plugin too", "tech.digital_signature"}}, "en");
}

BOOST_AUTO_TEST_CASE(people_say_it_in_their_own_words) {
  // The person's situation and everyday words instead of the portal's: being
  // logged out, a phone brand's store, the passport office, a home country.
  expect({{"меня разлогинивает каждые пять минут", "service.unavailable"},
          {"на хуавее не ставится приложение госуслуг", "tech.mobile_app"},
          {"паспортный стол тянет с заменой паспорта уже второй месяц", "contact.agency"},
          {"я из казахстана, как мне создать учетную запись", "account.registration"},
          {"деньги за пошлину списали, а квитанция так и не пришла", "payment.error"},
          // A browser error name the knowledge base does not list, the provider blamed.
          {"третий день не открываются госуслуги ни дома ни на работе, браузер пишет ERR_CONNECTION_CLOSED, провайдер говорит проблем нет",
           "tech.site_error"}});
  expect({{"the site keeps logging me out after a minute", "service.unavailable"},
          {"the portal only shows a placeholder, is it maintenance?", "service.unavailable"},
          {"i am from kazakhstan, how can i register", "account.registration"},
          {"the app from appgallery does not open", "tech.mobile_app"},
          {"i am a foreign citizen with a residence permit, what do i need to get the account confirmed",
           "account.identity_confirmation"}},
         "en");
}

BOOST_AUTO_TEST_CASE(fraud_reports_reach_phishing_first) {
  // A call or a message asking for a code or a link, with a question whether it
  // is genuine, goes to the fraud warning even when it names another topic.
  for (const auto& [text, locale] : std::vector<std::pair<std::string, std::string>>{
           {"позвонил мужчина, сказал что из поддержки госуслуг, попросил код из смс. это правда?", "ru"},
           {"пришло смс со ссылкой, пишут что учетная запись заблокирована, это мошенники?", "ru"},
           {"someone called claiming to be from support and asked for the sms code, is it legit?", "en"},
           // Two-word cues: staff who "могут позвонить", a site "похожий на" the portal.
           {"слышал что сотрудники госуслуг могут позвонить и уточнить код из смс, это правда?", "ru"},
           {"зашел по ссылке на сайт похожий на госуслуги и ввел там пароль, что теперь будет", "ru"},
           {"a page that looked like gosuslugi asked for my password and sms code, was it a fake site?", "en"},
           // A messenger named in any of its forms, a message asking to call back.
           {"в телеграме предложили получить выплату от госуслуг, просят номер карты", "ru"},
           {"пришла смс что мой аккаунт взломан и нужно перезвонить по номеру, мошенники?", "ru"},
           // "Is it you?" doubts the sender; an app to install is a request too.
           {"пришло письмо что учетку удалят, надо перейти по ссылке и обновить данные. это точно вы прислали?", "ru"},
           {"a man on telegram says he is from the central bank and i must install an app to protect my account", "en"},
           {"got an email with a link to my application status from some gmail address, is that from you?", "en"},
           // "Supposedly" doubts the sender; the bank's "security service" is who
           // such callers claim to be; a copy "looked exactly like" the portal.
           {"got an email with an attachment, supposedly from the portal, should I open it", "en"},
           {"папа продиктовал код из смс службе безопасности банка, теперь не может войти", "ru"},
           {"the page looked exactly like gosuslugi and asked for my password and the sms code", "en"},
           // Who reaches out ("texted me", a robocall), what they want (a
           // remote-access app, a prize behind a link), and "is this real".
           {"a robocall said my account will be blocked unless I press 1 and read out the code, is this real", "en"},
           {"someone texted me that I won a prize from the portal, I only need to follow the link", "en"},
           {"a man messaged me on the phone to install anydesk so he can protect my account", "en"},
           {"позвонили из поддержки, просят поставить anydesk чтобы проверить мой кабинет, это правда нужно?", "ru"}}) {
    BOOST_TEST_CONTEXT(text) {
      const auto r = test::matcher().match(text, locale);
      BOOST_TEST_REQUIRE(!r.ranked.empty());
      BOOST_TEST(r.ranked.front().topic == "security.phishing");
      BOOST_TEST(r.signal == "fraud");
      BOOST_TEST(r.top() >= threshold());
      if (r.ranked.size() > 1) BOOST_TEST(r.ranked[1].confidence < r.top() - test::knowledge_base().dialogue().clarify_margin);
    }
  }
  // An address pasted from a message is a link to follow, whatever its wording;
  // the portal's address in a plain problem report is no fraud.
  for (const auto& [text, locale] : std::vector<std::pair<std::string, std::string>>{
           {"смс: ваша учетная запись будет удалена, подтвердите данные на gosuslugi-id.online. это правда?", "ru"},
           {"a text says my portal profile is suspended and to visit https://gos-uslugi-help.com to restore it, is it real?", "en"}}) {
    BOOST_TEST_CONTEXT(text) {
      const auto r = test::matcher().match(text, locale);
      BOOST_TEST(r.signal == "fraud");
      BOOST_TEST_REQUIRE(!r.ranked.empty());
      BOOST_TEST(r.ranked.front().topic == "security.phishing");
    }
  }
  for (const char* text : {"захожу на gosuslugi.ru, ввожу код из смс, пишет неверный код", "пришло смс. ru-номер, код не подходит"}) {
    BOOST_TEST(!reads_as_fraud(text, "ru"), text);
  }
  // A contact or a request the person denies is none; a report that names one
  // before the denial stays a report.
  for (const auto& [text, locale] : std::vector<std::pair<std::string, std::string>>{
           {"при входе пишет что учетная запись заблокирована, никто не звонил, сама увидела", "ru"},
           {"nobody called me, the portal itself says my account is locked after wrong passwords", "en"},
           {"someone phoned about my parcel but didnt ask codes, just the time", "en"},
           {"курьер привез посылку, код из смс не просил, все нормально", "ru"}}) {
    BOOST_TEST(!reads_as_fraud(text, locale), text);
  }
  BOOST_TEST(reads_as_fraud("мне позвонили и попросили код, я не назвала, это мошенники?", "ru"));
  // A denial reaches a request a few words on; "if you do not" is a threat, not a denial.
  BOOST_TEST(!reads_as_fraud("The delivery man phoned to agree on a time and didn't ask for any codes or details", "en"));
  for (const auto& [text, locale] : std::vector<std::pair<std::string, std::string>>{
           {"мне позвонили и сказали, что кабинет закроют, если я не назову код", "ru"},
           {"a man called and said my account will be closed if you do not give him the code", "en"}}) {
    BOOST_TEST(reads_as_fraud(text, locale), text);
  }
  // A doubt the person denies is none; being unsure is a doubt.
  BOOST_TEST(!reads_as_fraud("пришло смс с кодом, это не развод, я сама запросила восстановление пароля", "ru"));
  BOOST_TEST(!reads_as_fraud("the email with the link came right after I changed my address, it is not a scam", "en"));
  BOOST_TEST(reads_as_fraud("не знаю, мошенники это или нет: пришло смс со ссылкой на оплату штрафа", "ru"));
  BOOST_TEST(reads_as_fraud("got a text with a link to pay a fine, not sure it is real", "en"));
  // A message that threatens a block and gives a link to lift it is a report
  // without a doubt; a password-reset letter with a link is not. A code given
  // away already is one too, a code kept is not.
  BOOST_TEST(reads_as_fraud("пришло письмо: ваша учётная запись будет удалена, чтобы сохранить её перейдите по ссылке", "ru"));
  BOOST_TEST(reads_as_fraud("got an email that my account is suspended, click the link to restore it", "en"));
  BOOST_TEST(!reads_as_fraud("письмо для сброса пароля пришло, но ссылка в нём уже устарела", "ru"));
  BOOST_TEST(reads_as_fraud("я уже продиктовала код мужчине, что теперь делать", "ru"));
  BOOST_TEST(!reads_as_fraud("я не продиктовала код, а войти теперь не могу", "ru"));
  // A denial stays in its clause: "или нет:" does not deny the link after it.
  BOOST_TEST(reads_as_fraud("мошенники или нет: пришло смс со ссылкой", "ru"));
  // The person's own call or letter is no approach: "я звонил", "I called",
  // "пишу от имени мамы", "writing on behalf of my father".
  for (const auto& [text, locale] : std::vector<std::pair<std::string, std::string>>{
           {"я звонил на горячую линию, там сказали сбросить пароль самому, где это сделать", "ru"},
           {"I called the hotline yesterday and they told me to reset my password myself, where do I do that", "en"},
           {"пишу от имени мамы, она не помнит пароль от кабинета, как его восстановить", "ru"},
           {"I'm writing on behalf of my father, he forgot his password and the reset code does not come", "en"}}) {
    BOOST_TEST(!reads_as_fraud(text, locale), text);
    BOOST_TEST(answer(text, locale) != "security.phishing", text);
  }
  // A contact and a request sentences apart in a long message are no report;
  // a doubt may close a long story from twice as far.
  const std::string apart =
      "Звонил на горячую линию в понедельник, там сказали подождать ответа на обращение до пяти рабочих дней. "
      "Прошла неделя, ответа нет, заявление на пособие висит, деньги нужны к концу месяца, а в личном кабинете "
      "до сих пор пишет что код подтверждения устарел";
  BOOST_TEST(!reads_as_fraud(apart, "ru"));
  const std::string story =
      "Вчера вечером мне позвонила женщина, представилась сотрудницей портала, долго и вежливо рассказывала про "
      "какую-то проверку учётной записи и новые правила для пенсионеров, говорила про обновление профиля и "
      "срочность. Это вообще правда бывает?";
  BOOST_TEST(reads_as_fraud(story, "ru"));
  // A code that does not come, or calling the hotline, is not fraud.
  expect({{"не приходит смс с кодом", "access.sms_code"}, {"как позвонить в поддержку", "contact.phone"}});
  BOOST_TEST(test::matcher().match("не приходит смс с кодом", "ru").signal.empty());
  for (const char* text : {"как позвонить в поддержку если забыл пароль", "на сайте похожая ошибка, пароль не принимает",
                           "в поддержке написали что пароль надо сбросить, как это сделать"}) {
    BOOST_TEST(test::matcher().match(text, "ru").signal.empty(), text);
  }
  // With no fraud cue the words an SMS code shares with the warning do not carry it.
  expect({{"смс с кодом приходит через час, когда код уже просрочен, связь нормальная", "access.sms_code"},
          {"смс с кодом не приходит, это от вас зависит или от оператора?", "access.sms_code"},
          {"в поддержке написали что пароль надо сбросить, как это сделать", "access.password_reset"}});
  // The person contacting their operator or support is no approach.
  for (const char* text : {"the sms code does not arrive, is it on your side or my mobile operator?",
                           "I contacted my mobile operator and they say the sms code was delivered, but I see nothing",
                           "I reached out to support last week about the code and nobody answered",
                           "my bank employee told me to verify my account on the portal, how do I do that"}) {
    BOOST_TEST(test::matcher().match(text, "en").signal.empty(), text);
  }
  // "Развод" is also a divorce: a profile question, not a fraud report. (The
  // learned model ranks the data-mismatch topic, whose answer also covers an
  // old surname, above the change-of-data one: both must be there.)
  const auto divorce = test::matcher().match("фамилию меняла после развода, в профиле старая", "ru");
  BOOST_TEST_REQUIRE(divorce.ranked.size() >= 2u);
  BOOST_TEST(divorce.signal.empty());
  BOOST_TEST(divorce.ranked.front().topic != "security.phishing");
  std::set<std::string> first_two = {divorce.ranked[0].topic, divorce.ranked[1].topic};
  BOOST_TEST(first_two.count("profile.change_personal_data") == 1u);
  BOOST_TEST(first_two.count("profile.data_mismatch") == 1u);
}

BOOST_AUTO_TEST_CASE(not_ours_and_courtesy) {
  // A developer integrating the login system: nothing ranked, whatever word matched.
  for (const auto& [text, locale] : std::vector<std::pair<std::string, std::string>>{
           {"подскажите как получить client_id и redirect_uri для интеграции с есиа", "ru"},
           {"we need api access and oauth docs to integrate sign-in", "en"},
           {"хотим сделать вход на нашем сайте через госуслуги, куда обращаться за ключами", "ru"},
           {"where do we get a client id to let users of our app log in with their portal account", "en"},
           {"we want to embed your support widget on our online shop, where is the js snippet", "en"},
           {"хочу сделать на своем сайте вход через госуслуги, куда писать", "ru"}}) {
    const auto r = test::matcher().match(text, locale);
    BOOST_TEST(r.ranked.empty(), text);
    BOOST_TEST(r.signal == "not_ours", text);
  }
  // Thanks, praise and rants without a question are not questions...
  expect({{"спасибо большое, всё получилось", "none"}, {"вы молодцы, быстро всё сделали", "none"},
          {"сайт отстой, позор", "none"}});
  expect({{"thanks a lot, it worked", "none"}, {"just testing lol", "none"}}, "en");
  expect({{"проверка связи", "none"}});
  BOOST_TEST(test::matcher().match("спасибо большое, всё получилось", "ru").signal == "courtesy");
  BOOST_TEST(test::matcher().match("сайт отстой, позор", "ru").signal == "rant");
  // A store review with a verdict and stars, a problem reported as solved.
  expect({{"приложение худшее из всех что ставил, одна звезда", "none"}, {"благодарю, вопрос решён", "none"}});
  expect({{"worst app ever, one star", "none"}, {"problem solved, appreciate it", "none"}}, "en");
  // A long story that says it asks nothing, whatever topic its words touch.
  expect_unanswered("courtesy", {
           {"вчера наконец подала заявление на загранпаспорт сама, без сына, и через неделю уже пришло приглашение "
            "получить его. никаких вопросов, просто поделиться радостью",
            "ru"},
           {"my mother renewed her passport through the portal last month and the application status changed every "
            "day, she loved it. no question, just sharing",
            "en"}});
  // The login system's integrators in their own terms.
  for (const auto& [text, locale] : std::vector<std::pair<std::string, std::string>>{
           {"где на технологическом портале взять мнемонику для нашей системы", "ru"},
           {"the test environment returns unauthorized client for our client secret", "en"}}) {
    BOOST_TEST(test::matcher().match(text, locale).signal == "not_ours", text);
  }
  // ...but thanks around a real problem still find it.
  expect({{"спасибо, но код так и не пришел, что делать?", "access.sms_code"}});
}

BOOST_AUTO_TEST_CASE(subjects_that_are_not_the_portals) {
  // General questions get no topic because one of their words matched...
  expect_unanswered("elsewhere", {
           {"когда сажать помидоры в теплице", "ru"},
           {"где выгоднее оформить ипотеку на квартиру", "ru"},
           {"how do i transfer money to my mother abroad", "en"},
           {"where can i buy cheap train tickets to sochi", "en"},
           // A bank's own card or credit, an advert.
           {"банк заблокировал карту, как снять блокировку", "ru"},
           {"продам дачу с баней, недорого", "ru"},
           {"my credit card got blocked at the atm, what do i do", "en"}});
  // ...while a real problem that mentions such a subject still finds its topic.
  expect({{"завтра уезжаю на поезде, а деньги за пошлину списали и платеж не подтвердился, помогите", "payment.error"}});
  expect({{"i'm leaving by train tomorrow and the fee payment failed twice, help", "payment.error"}}, "en");
}

BOOST_AUTO_TEST_CASE(problems_with_another_companys_product) {
  // A password, a code or a payment of another service is not the portal's,
  // however well the words fit one of its topics...
  expect_unanswered("elsewhere", {
           {"забыла пароль от одноклассников, как восстановить", "ru"},
           {"на озоне списали деньги дважды за один заказ", "ru"},
           {"my steam account got locked after a password change", "en"},
           {"cannot reset my netflix password, the email never comes", "en"}});
  // ...unless the message names the portal, or names the other service as
  // one that works while the portal's app does not.
  expect({{"не могу войти на госуслуги через вконтакте, пишет ошибка входа", "access.login_error"},
          {"приложение пишет нет подключения к интернету, хотя ютуб и ватсап работают", "tech.mobile_app"}});
  expect({{"the app says there is no internet connection but youtube and telegram work fine", "tech.mobile_app"}}, "en");
}

BOOST_AUTO_TEST_CASE(follow_ups_lean_to_the_conversation) {
  // Alone, "а если нет доступа к телефону?" is ambiguous; after the password
  // answer it means the phone linked to the account.
  const std::vector<std::string> after_reset = {"access.password_reset", "access.sms_code", "access.lost_phone_email"};
  const auto r = test::matcher().match("а если нет доступа к телефону?", "ru", 5, after_reset);
  BOOST_TEST_REQUIRE(!r.ranked.empty());
  BOOST_TEST(r.ranked.front().topic == "access.lost_phone_email");
  BOOST_TEST(r.top() >= threshold());
  // A follow-up that clearly names another topic keeps it.
  const auto other = test::matcher().match("где ближайший мфц", "ru", 5, after_reset);
  BOOST_TEST(other.ranked.front().topic == "contact.mfc");
}

// Accuracy on labelled sets that are not part of the knowledge base. A
// regression guard: the figures themselves are reported by `supportctl eval`.
// The development sets (tuned against) are pooled, with a floor per set; a
// held-out set (measured once, blind, then frozen) keeps the floor of its
// blind measurement: no change may make it worse than it was before.
namespace {

struct Tally {
  std::size_t real = 0, top1 = 0, top3 = 0, none = 0, none_right = 0;
  static double share(std::size_t n, std::size_t of) { return of ? static_cast<double>(n) / static_cast<double>(of) : 0.0; }
  double top1_rate() const { return share(top1, real); }
  double top3_rate() const { return share(top3, real); }
  double none_rate() const { return share(none_right, none); }
  void add(const Tally& o) { real += o.real, top1 += o.top1, top3 += o.top3, none += o.none, none_right += o.none_right; }
};

Tally measure(const std::string& name) {
  const auto set = test::read_eval_set(SUPPORT_SOURCE_DIR, name);
  BOOST_TEST_REQUIRE(!set.rows.empty(), name);
  Tally one;
  for (const auto& row : set.rows) {
    const auto r = test::matcher().match(row.query, row.locale);
    const bool confident = !r.ranked.empty() && r.top() >= threshold();
    if (row.topic == "none") {
      ++one.none;
      one.none_right += !confident;
      continue;
    }
    ++one.real;
    one.top1 += confident && r.ranked.front().topic == row.topic;
    for (std::size_t i = 0; i < r.ranked.size() && i < 3; ++i) {
      if (r.ranked[i].topic == row.topic && r.ranked[i].confidence >= threshold()) ++one.top3;
    }
  }
  return one;
}

// A held-out set's floors: its blind figures (or the bars where met).
void expect_at_least(const std::string& set, double top1, double top3, double none) {
  const Tally t = measure(set);
  BOOST_TEST(t.top1_rate() >= top1, set);
  BOOST_TEST(t.top3_rate() >= top3, set);
  BOOST_TEST(t.none_rate() >= none, set);
}

}  // namespace

BOOST_AUTO_TEST_CASE(accuracy_on_development_sets) {
  Tally all;
  for (const char* set : {"dev/queries-a", "dev/queries-b", "dev/queries-c", "dev/queries-d", "dev/queries-e", "dev/queries-f"}) {
    const Tally one = measure(set);
    BOOST_TEST_CONTEXT(set) {
      BOOST_TEST(one.top1_rate() >= 0.85);
      BOOST_TEST(one.top3_rate() >= 0.93);
    }
    all.add(one);
  }
  BOOST_TEST(all.top1_rate() >= 0.95);  // the bar for the team's own sets
  BOOST_TEST(all.top3_rate() >= 0.97);
  BOOST_TEST(all.none_rate() >= 0.90);
}

BOOST_AUTO_TEST_CASE(accuracy_on_held_out_set_g) {
  // Blind measurement before any change made for it (commit d7190e6):
  // top-1 0.719, top-3 0.815, none refused 0.774. Measured again, rows unread,
  // after issue 14's work (commit 5431984): top-1 0.890, top-3 0.952, none
  // 0.935; top-1 is held to the bar for real messages, 0.85.
  expect_at_least("heldout/queries-g", 0.85, 0.815, 0.774);
}

BOOST_AUTO_TEST_CASE(accuracy_on_held_out_set_i) {
  // 206 long, messy messages (121 ru, 85 en; 43 not ours, 18 fraud), written
  // without reading the knowledge base or the other sets, measured once
  // before any change made for them (engine of commit d4deba1): top-1 0.706,
  // top-3 0.890, none refused 0.791, questions answered none 0.031, fraud
  // reaching security.phishing 14 of 18. Frozen: never tuned against.
  // With the learned model (commit 64e06d9): top-1 0.834, top-3
  // 0.933, none refused 0.977: refusals are held to the bar, 0.90.
  expect_at_least("heldout/queries-i", 115.0 / 163, 145.0 / 163, 0.90);  // of 163 real questions
}

BOOST_AUTO_TEST_CASE(accuracy_on_held_out_set_m) {
  // 200 messages (120 ru, 80 en; 35 not ours, 30 fraud): situations told in
  // the person's words, long technical and emotional reports, other
  // organisations' questions, negations and noise, written without reading the
  // knowledge base's examples or the other sets, measured once before any
  // change made for them (engine of commit 7664889): top-1 0.739, top-3 0.867,
  // none refused 0.771, questions answered none 0.048, fraud reaching
  // security.phishing 23 of 30. Frozen: never tuned against.
  // With the learned model, trained on no near twin of a held-out row: top-1
  // 0.897, top-3 0.939, none refused 0.886: top-1 is held to the bar, 0.85.
  expect_at_least("heldout/queries-m", 0.85, 143.0 / 165, 27.0 / 35);  // of 165 real questions
}

BOOST_AUTO_TEST_CASE(accuracy_on_held_out_set_p) {
  // 200 messages (120 ru, 80 en): 90 not ours, 50 fraud, 60 real questions
  // that look like either, written blind by a helper for training, measured
  // once (the learned model of commit 4d59a38): top-1 0.918,
  // top-3 0.964, none refused 0.867, questions answered none 0.009, fraud 46
  // of 50. Trained on, it lowered top-1 on the development sets left out in
  // turn (0.926 -> 0.915) and on M, so it became a held-out set instead; five
  // rows that repeated other sets were reworded, and four development rows that
  // were its near twins. Measured again after that: top-1 0.927, top-3 0.964,
  // none refused 0.856 (77 of 90). Frozen: never tuned against.
  expect_at_least("heldout/queries-p", 101.0 / 110, 106.0 / 110, 77.0 / 90);  // of 110 real questions
}

BOOST_AUTO_TEST_CASE(accuracy_on_held_out_set_r) {
  // 200 messages (110 ru, 90 en) as forty different people write them: bug
  // reports, situations, fraud, not ours (integrators, general questions,
  // reviews, thanks, spam), everyday questions and bare follow-ups; written
  // blind by a helper and measured once with the model of commit 157175d:
  // top-1 0.881, top-3 0.930, none refused 0.930, fraud 21 of 22. Ten rows
  // that repeated other sets or were near twins of held-out rows were
  // reworded, and five development rows that were its near twins; measured
  // again after that: top-1 0.867, top-3 0.923, none refused 0.912 (52 of
  // 57), questions answered none 0.028. Frozen: never tuned against.
  expect_at_least("heldout/queries-r", 124.0 / 143, 132.0 / 143, 52.0 / 57);  // of 143 real questions
}

BOOST_AUTO_TEST_CASE(accuracy_on_held_out_set_u) {
  // 200 messages (120 ru, 80 en) in the voice of public posts: comments under
  // the portal's posts, store reviews with a problem inside, complaint sites,
  // expats' groups; 45 questions with emotion, 35 technical reports, 30
  // situations, 30 fraud, 60 not ours. Written blind by a helper and measured
  // once, after the training sets S and T and before any change made for it
  // (four rows that repeated other sets were reworded first, and one
  // development row that was a near twin): top-1 0.829, top-3 0.886, none
  // refused 0.917 (55 of 60), questions answered none 0.043, fraud 22 of 23;
  // the build at the start of that session: 0.807, 0.893, 0.917, 19 of 23.
  // Frozen: never tuned against.
  expect_at_least("heldout/queries-u", 116.0 / 140, 124.0 / 140, 55.0 / 60);  // of 140 real questions
}

BOOST_AUTO_TEST_CASE(accuracy_on_held_out_set_x) {
  // 240 messages (144 ru, 96 en) as posted in public: comments in VK and
  // Telegram channels, store reviews, complaint sites, tech forums, Q&A sites;
  // 72 short, 96 medium, 72 long; 25 fraud, 14 with fraud words that are not
  // fraud, 35 not ours. Written blind by a helper and measured once (commit
  // fcd6392): top-1 0.898, top-3 0.951, none refused 0.886 (31 of 35),
  // questions answered none 0.010, fraud 24 of 25; the build at the start of
  // that session: 0.873, 0.951, 0.886. Its misses were read once, and three
  // fraud-cue changes followed that left its figures as they were; trained on,
  // it cost the other held-out sets 5 first answers and 4 fraud reports, so it
  // is held out. Sixteen rows were reworded before freezing it: one was a
  // knowledge-base phrasing, two near twins of set G, thirteen short ones near
  // twins of development rows (one of the sixteen is now missed). Frozen from here.
  expect_at_least("heldout/queries-x", 183.0 / 205, 194.0 / 205, 31.0 / 35);  // of 205 real questions
}

BOOST_AUTO_TEST_CASE(accuracy_on_held_out_set_aa) {
  // 200 messages (120 ru, 80 en) in the classes of issue 14: long stories with
  // the problem inside, situations in everyday words, technical details, an
  // agency's delay against the portal's, sloppy and wrong-layout ones; 18
  // fraud, 42 not ours (many sharing a word with a topic). Written blind by a
  // helper, rows unread. Seven rows that repeated development rows or a
  // knowledge-base phrasing were reworded, then measured once (commit
  // 9351095, a clean build): top-1 0.842, top-3 0.937, none refused 0.810 (34
  // of 42), questions answered none 0.038, fraud 16 of 18; the build at the
  // start of that session (bdb05cf): 0.816, 0.930, 0.762, 0.044, 16 of 18.
  // Frozen from here.
  expect_at_least("heldout/queries-aa", 133.0 / 158, 148.0 / 158, 34.0 / 42);  // of 158 real questions
}
