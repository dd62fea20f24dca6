#define BOOST_TEST_MODULE password_russian_list
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <random>
#include <sstream>

#include "bundle/bundled_files.hpp"
#include "forms/password_strength.hpp"
#include "text/keyboard.hpp"
#include "text/translit.hpp"
#include "text/utf8.hpp"

// The Russian list (forms/data/password_dictionary_ru.json): Russian words,
// names, surnames and places typed in the Latin layout, transliterated or with
// substitutions, plus a capital, a year and a symbol, are weak; strong random
// passwords and long passphrases keep their score.

using namespace support;
using namespace support::forms::password;

namespace {

std::string source_file(const std::string& path) {
  std::ifstream in(std::string(SUPPORT_SOURCE_DIR) + "/" + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string& russian_list() {
  static const std::string list = source_file("forms/data/password_dictionary_ru.json");
  return list;
}

StrengthEstimator load(bool with_list) {
  auto e = StrengthEstimator::load(*bundle::file("forms/data/password_dictionary.json"), 2026, "password_dictionary.json",
                                   with_list ? std::string_view(russian_list()) : std::string_view());
  BOOST_TEST_REQUIRE(e.value.has_value(), e.error);
  return std::move(*e.value);
}

const StrengthEstimator& with_list() {
  static const StrengthEstimator e = load(true);
  return e;
}

std::vector<std::string> list_words(const char* key) {
  const auto doc = nlohmann::json::parse(russian_list());
  std::istringstream in(doc.at(key).get<std::string>());
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string latin_layout(const std::string& cyrillic) { return text::cyrillic_layout_to_latin(cyrillic); }

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string translit(const std::string& cyrillic) {
  return text::to_utf8(text::transliterate(text::to_u32(cyrillic), text::TranslitScheme::common));
}

std::string leet(std::string s) {
  for (char& c : s) {
    if (c == 'a') c = '@';
    else if (c == 'o') c = '0';
    else if (c == 's') c = '$';
  }
  return s;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_list_loads_and_is_a_few_thousand_words) {
  const auto without = load(false);
  BOOST_TEST(with_list().word_count() >= without.word_count() + 2000);
  for (const char* key : {"words", "names", "surnames", "places"}) BOOST_TEST(list_words(key).size() >= 200u, key);
}

BOOST_AUTO_TEST_CASE(malformed_lists_are_named_precisely) {
  const std::string dictionary(*bundle::file("forms/data/password_dictionary.json"));
  const auto error = [&](const std::string& list) {
    return StrengthEstimator::load(dictionary, 2026, "d.json", list, "ru.json").error;
  };
  const std::string ok = R"("names": "наташа", "surnames": "иванов", "places": "москва")";
  BOOST_TEST(error("{").find("ru.json: malformed JSON") == 0u);
  BOOST_TEST(error(R"({"words": "пароль natasha", )" + ok + "}") == R"(ru.json: /words: "natasha" is not a Russian word)");
  BOOST_TEST(error(R"({"words": "пароль да", )" + ok + "}") == R"(ru.json: /words: "да" is shorter than three letters)");
  BOOST_TEST(error(R"({"words": "  ", )" + ok + "}") == "ru.json: /words: empty list");
  BOOST_TEST(error(R"({"names": "наташа", "surnames": "иванов", "places": "москва"})") == "ru.json: /words: missing required key");
  BOOST_TEST(error(R"({"words": "пароль", "colour": "x", )" + ok + "}") == "ru.json: /colour: unknown key");
  BOOST_TEST(error(R"({"words": "пароль", )" + ok + "}").empty());
}

BOOST_AUTO_TEST_CASE(the_issue_examples_are_weak) {
  // «наташа» + 1985 + «!» typed in the Latin layout; «запомнить», «невский», «незнаю».
  for (const char* p : {"Jyfnfif1985!", "Pfgjvybnm2020!", "Ytdcrbq1703!", "Ytpyf.2023!", "ytpyf.", "Natasha1985!",
                        "N@t@sh@85!", "Vjcrdf2024!", "Bdfyjd77!"}) {
    BOOST_TEST_CONTEXT(p) {
      const auto s = with_list().estimate(p);
      BOOST_TEST(s.score <= 2);
    }
  }
  // Without the list these pass for good: what the list is for.
  const auto without = load(false);
  for (const char* p : {"Ytdcrbq1703!", "Rjcnhjvf1999!", "Cdtnjxrf2001!"}) BOOST_TEST(without.estimate(p).score >= 3, p);
  // English words typed in the Russian layout: "зфыыцщкв" is "password".
  BOOST_TEST(with_list().estimate("Зфыыцщкв2024!").score <= 2);
}

BOOST_AUTO_TEST_CASE(russian_context_weak_passwords_score_at_most_two) {
  // Every word of every list, in the ways people dress it up: the Latin
  // layout, transliteration, substitutions, a capital, a year or two digits
  // and a symbol.
  std::mt19937 random(14);
  const auto without = load(false);
  std::size_t total = 0, weak = 0, weak_without = 0;
  std::vector<std::string> strong_ones;
  for (const char* key : {"words", "names", "surnames", "places"}) {
    for (const auto& w : list_words(key)) {
      const std::string year = std::to_string(1950 + random() % 76), two = std::to_string(10 + random() % 90);
      const std::string symbol(1, "!@#$%&*."[random() % 8]);
      for (const std::string& p : {capitalised(latin_layout(w)) + year + symbol, latin_layout(w) + two,
                                   capitalised(translit(w)) + year + symbol, leet(translit(w)) + two + symbol,
                                   w + year}) {
        ++total;
        weak_without += without.estimate(p).score <= 2;
        if (with_list().estimate(p).score <= 2) ++weak;
        else if (strong_ones.size() < 20) strong_ones.push_back(p);
      }
    }
  }
  const double share = static_cast<double>(weak) / static_cast<double>(total);
  const double share_without = static_cast<double>(weak_without) / static_cast<double>(total);
  BOOST_TEST_MESSAGE("Russian-context weak passwords scored <= 2: " << weak << " of " << total << " (" << share
                     << "); without the list " << weak_without << " (" << share_without << ")");
  BOOST_TEST(share_without < share - 0.1);  // the list, not the generator, makes them weak
  std::string examples;
  for (const auto& p : strong_ones) examples += p + " ";
  BOOST_TEST(share >= 0.95, "scored above 2, e.g.: " << examples);
}

BOOST_AUTO_TEST_CASE(strong_random_passwords_and_passphrases_keep_their_score) {
  std::mt19937 random(2026);
  const std::string alphabet =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()-_=+[]{};:,.<>?/";
  std::size_t total = 0, kept = 0;
  std::string failed;
  const auto judge = [&](const std::string& p) {
    ++total;
    if (with_list().estimate(p).score >= 3) ++kept;
    else if (failed.size() < 200) failed += p + " ";
  };
  for (int i = 0; i < 2000; ++i) {
    std::string p;
    const std::size_t length = 12 + random() % 9;
    for (std::size_t k = 0; k < length; ++k) p += alphabet[random() % alphabet.size()];
    judge(p);
  }
  // Passphrases: five random words of the list, transliterated, joined by a separator.
  std::vector<std::string> pool;
  for (const char* key : {"words", "names", "places"}) {
    for (const auto& w : list_words(key)) pool.push_back(translit(w));
  }
  for (int i = 0; i < 500; ++i) {
    std::string p;
    for (int k = 0; k < 5; ++k) p += (k ? "-" : "") + pool[random() % pool.size()];
    judge(p);
  }
  BOOST_TEST_MESSAGE("strong passwords kept at >= 3: " << kept << " of " << total);
  BOOST_TEST(kept == total, "false positives: " << failed);
}
