#define BOOST_TEST_MODULE eval_sets
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include "chat/text_analyzer.hpp"
#include "tests/support/chat_fixture.hpp"
#include "tests/support/eval_sets.hpp"
#include "text/utf8.hpp"

// Evaluation hygiene: a figure measured on a set means something only when its
// rows are not the knowledge base's own phrasings and no row is counted twice.

using namespace support;

namespace {

const std::string kRoot = SUPPORT_SOURCE_DIR;

// Case, ё/е, punctuation and spacing do not make a different phrasing.
std::string normalised(const std::string& text) {
  std::string out;
  for (const auto& word : chat::split_words(text::to_u32(text), 4096)) {
    if (!out.empty()) out += ' ';
    out += text::to_utf8(word);
  }
  return out;
}

// The shared seed development set is the source of many knowledge-base
// phrasings by design; every other set must stay apart from the knowledge base.
bool kept_apart_from_kb(const std::string& name) { return name != "dev/queries-shared"; }

std::vector<std::string> all_sets() {
  auto names = test::eval_set_names(kRoot, "dev");
  const auto held = test::eval_set_names(kRoot, "heldout");
  names.insert(names.end(), held.begin(), held.end());
  return names;
}

}  // namespace

BOOST_AUTO_TEST_CASE(normalisation_ignores_case_yo_and_punctuation) {
  BOOST_TEST(normalised("Учётная запись — ЗАБЛОКИРОВАНА!!!") == "учетная запись заблокирована");
  BOOST_TEST(normalised("  can't   log in?") == "can't log in");
  BOOST_TEST(normalised("не могу войти") != normalised("не могу выйти"));
}

BOOST_AUTO_TEST_CASE(sets_exist_and_are_well_formed) {
  BOOST_TEST(test::eval_set_names(kRoot, "heldout").size() >= 1u);
  BOOST_TEST(test::eval_set_names(kRoot, "dev").size() >= 7u);
  for (const auto& name : all_sets()) {
    const auto set = test::read_eval_set(kRoot, name);
    BOOST_TEST_CONTEXT(name) {
      BOOST_TEST(set.header_ok);
      BOOST_TEST(set.rows.size() >= 50u);
      for (const auto& row : set.rows) {
        BOOST_TEST_CONTEXT("line " << row.line) {
          BOOST_TEST((row.topic == "none" || test::knowledge_base().topic(row.topic) != nullptr), row.topic);
          BOOST_TEST((row.locale == "ru" || row.locale == "en"), row.locale);
          // Only a "none" row may be punctuation alone ("!!!").
          BOOST_TEST((row.topic == "none" || !normalised(row.query).empty()));
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(no_row_is_a_knowledge_base_phrasing) {
  std::map<std::string, std::string> phrasings;  // normalised -> topic id
  for (const auto& topic : test::knowledge_base().topics()) {
    for (const auto& [locale, text] : topic.text) {
      phrasings.emplace(normalised(text.title), topic.id);
      for (const auto& e : text.examples) phrasings.emplace(normalised(e), topic.id);
    }
  }
  BOOST_TEST_REQUIRE(phrasings.size() > 500u);
  std::size_t checked = 0;
  for (const auto& name : all_sets()) {
    if (!kept_apart_from_kb(name)) continue;
    for (const auto& row : test::read_eval_set(kRoot, name).rows) {
      ++checked;
      const auto hit = phrasings.find(normalised(row.query));
      BOOST_TEST_CONTEXT(name << " line " << row.line) {
        const bool apart = hit == phrasings.end();
        BOOST_TEST(apart, row.query << " is a phrasing of " << (apart ? "" : hit->second));
      }
    }
  }
  BOOST_TEST(checked > 1000u);
}

// The learned model trains on the development sets and the knowledge base:
// a near twin of a held-out row there (most of its words the same) would be
// the held-out row learned. Word sets of 3+ words, shared / all >= 0.6.
BOOST_AUTO_TEST_CASE(no_training_text_is_a_near_twin_of_a_held_out_row) {
  using Words = std::vector<std::string>;
  const auto words_of = [](const std::string& text) {
    Words w;
    for (const auto& word : chat::split_words(text::to_u32(text), 4096)) w.push_back(text::to_utf8(word));
    std::sort(w.begin(), w.end());
    w.erase(std::unique(w.begin(), w.end()), w.end());
    return w;
  };
  const auto twins = [](const Words& a, const Words& b) {
    if (a.size() < 3 || b.size() < 3) return false;
    Words shared;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
    return 10 * shared.size() >= 6 * (a.size() + b.size() - shared.size());
  };
  std::vector<std::pair<Words, std::string>> held;  // words, "set line"
  for (const auto& name : test::eval_set_names(kRoot, "heldout")) {
    for (const auto& row : test::read_eval_set(kRoot, name).rows) {
      held.emplace_back(words_of(row.query), name + " line " + std::to_string(row.line));
    }
  }
  BOOST_TEST_REQUIRE(held.size() > 500u);
  const auto check = [&](const std::string& text, const std::string& where) {
    const Words w = words_of(text);
    const auto twin = std::find_if(held.begin(), held.end(), [&](const auto& h) { return twins(w, h.first); });
    const bool apart = twin == held.end();
    BOOST_TEST(apart, where << " is a near twin of " << (apart ? "" : twin->second) << ": " << text);
  };
  for (const auto& name : test::eval_set_names(kRoot, "dev")) {
    for (const auto& row : test::read_eval_set(kRoot, name).rows) check(row.query, name + " line " + std::to_string(row.line));
  }
  for (const auto& topic : test::knowledge_base().topics()) {
    for (const auto& [locale, text] : topic.text) {
      check(text.title, topic.id + " title (" + locale + ")");
      for (const auto& e : text.examples) check(e, topic.id + " example (" + locale + ")");
    }
  }
}

BOOST_AUTO_TEST_CASE(no_query_is_repeated_across_sets) {
  std::map<std::string, std::string> first_seen;  // normalised -> "set line"
  for (const auto& name : all_sets()) {
    for (const auto& row : test::read_eval_set(kRoot, name).rows) {
      if (normalised(row.query).empty()) continue;
      const std::string where = name + " line " + std::to_string(row.line);
      const auto [it, inserted] = first_seen.emplace(normalised(row.query), where);
      BOOST_TEST(inserted, where << " repeats " << it->second << ": " << row.query);
    }
  }
}
