#include "chat/lexicon.hpp"

#include "chat/stemmer.hpp"
#include "chat/text_analyzer.hpp"
#include "text/utf8.hpp"

namespace support::chat {

namespace {
// Shorter words ("pass", "text", "мыло") have stems that other words share.
constexpr std::size_t kMinStemmedSlang = 5;
}  // namespace

const std::vector<std::string>& Lexicon::cue_groups() {
  static const std::vector<std::string> groups = {
      "fraud_approach",  // someone reached the person: "позвонили", "представился", "whatsapp"
      "fraud_self",      // the person did it: "я" in "я звонил в поддержку", "I" in "I called"
      "fraud_condition", // a negation after it is no denial: "если" in "удалят, если не продиктуете код"
      "fraud_channel",   // a message came: "смс", "письмо", "email"
      "fraud_request",   // it asks for something: "код", "ссылка", "продиктовать"
      "fraud_doubt",     // the person asks whether it is genuine: "мошенники", "правда", "scam"
      "fraud_fake_site", // a copy of the portal: "похожий на", "поддельный сайт", "lookalike"
      "fraud_threat",    // what a fake message threatens: "заблокирован", "удалят", "suspended"
      "fraud_link",      // what it asks to follow: "ссылка", "перейдите", "click"
      "fraud_disclosed", // the person already gave a code away: "продиктовала код", "сказал код"
      "web_address",     // a pasted address: forms follow a dot ("ru" in "gosuslugi-help.ru"), stems anywhere ("http")
      "not_ours",        // a developer's integration question: "api", "oauth", "интеграция"
      "courtesy",        // thanks or praise: "спасибо", "молодцы", "great"
      "rant",            // a complaint with no request: "отстой", "позор", "awful"
      "no_request",      // the person says there is nothing to do, however long the story: "никаких вопросов", "just sharing"
      "elsewhere",       // a subject that is not the portal's: "погода", "ипотека", "train tickets"
      "other_service",   // another company's app, site or device: "вконтакте", "wildberries", "steam", "телевизор"
      "portal",          // the portal named: "госуслуги", "портал", "gosuslugi"
      "working",         // after another service, a comparison: "вк и ватсап работают", "youtube loads fine"
      "question",        // a request for help: "как", "почему", "how"
  };
  return groups;
}

Loaded<Lexicon> Lexicon::load(std::string_view json, const std::vector<std::string>& locales, const std::string& file) {
  return load_config<Lexicon>([&] {
    ConfigFile root(json, file);
    const nlohmann::json& doc = root.json();
    Lexicon lexicon;
    for (const auto& locale : locales) {
      ObjectReader r = root.object(locale);
      Language& lang = lexicon.languages_[locale];
      for (const auto& w : r.strings("stopwords")) {
        const auto words = split_words(text::to_u32(w));
        if (words.size() != 1) r.fail("stopwords", "\"" + w + "\" is not a single word");
        lang.stopwords.insert(words[0]);
      }
      ObjectReader replacements = r.object("replacements");
      for (const auto& item : doc.at(locale).at("replacements").items()) {
        if (!item.value().is_string()) replacements.fail(item.key(), "expected a string");
        const auto from = split_words(text::to_u32(item.key()));
        auto to = split_words(text::to_u32(item.value().get<std::string>()));
        replacements.allow(item.key());
        // "e-mail" is one word to the tokenizer; "sign in" two.
        if (from.empty() || from.size() > 2) replacements.fail(item.key(), "replace one word or a two-word phrase");
        if (to.empty()) replacements.fail(item.key(), "empty replacement");
        if (to == from) replacements.fail(item.key(), "replaces a word with itself");
        if (from.size() == 2) {
          lang.phrases.emplace(from[0] + U" " + from[1], std::move(to));
        } else {
          if (from[0].size() >= kMinStemmedSlang) lang.stem_replacements.emplace(stem(from[0]), to);
          lang.replacements.emplace(from[0], std::move(to));
        }
      }
      replacements.finish();
      const auto& groups = r.required("synonyms");
      if (!groups.is_array()) r.fail("synonyms", "expected an array of word groups");
      for (std::size_t g = 0; g < groups.size(); ++g) {
        if (!groups[g].is_array() || groups[g].size() < 2) r.fail_item("synonyms", g, "expected a group of two or more words");
        std::u32string concept_id;
        for (std::size_t i = 0; i < groups[g].size(); ++i) {
          const std::string gs = std::to_string(g), is = std::to_string(i);
          if (!groups[g][i].is_string()) r.fail_at({"synonyms", gs, is}, "expected a word");
          const auto words = split_words(text::to_u32(groups[g][i].get<std::string>()));
          if (words.size() != 1) r.fail_at({"synonyms", gs, is}, "synonyms are single words; use replacements for phrases");
          const std::u32string s = stem(words[0]);
          if (concept_id.empty()) concept_id = s;
          const auto [it, inserted] = lang.concepts.emplace(s, concept_id);
          if (!inserted && it->second != concept_id) {
            r.fail_at({"synonyms", gs, is}, "\"" + groups[g][i].get<std::string>() + "\" is already in another synonym group");
          }
        }
      }
      for (const auto& w : r.strings_or_empty("weak")) {
        const auto words = split_words(text::to_u32(w));
        if (words.size() != 1) r.fail("weak", "\"" + w + "\" is not a single word");
        lang.weak.insert(feature_of(lang, words[0]));
      }
      for (const auto& w : r.strings_or_empty("strong")) {
        const auto words = split_words(text::to_u32(w));
        if (words.size() != 1) r.fail("strong", "\"" + w + "\" is not a single word");
        lang.strong.insert(feature_of(lang, words[0]));
      }
      for (const auto& w : r.strings_or_empty("negations")) {
        const auto words = split_words(text::to_u32(w));
        if (words.size() != 1) r.fail("negations", "\"" + w + "\" is not a single word");
        lang.negations.insert(words[0]);
      }
      if (r.has("pairs")) {
        ObjectReader pairs = r.object("pairs");
        for (const auto& item : doc.at(locale).at("pairs").items()) {
          pairs.allow(item.key());
          if (!item.value().is_string()) pairs.fail(item.key(), "expected a string");
          const auto from = split_words(text::to_u32(item.key()));
          const auto to = split_words(text::to_u32(item.value().get<std::string>()));
          if (from.size() != 2) pairs.fail(item.key(), "a pair is two words");
          if (to.empty()) pairs.fail(item.key(), "empty replacement");
          const std::u32string a = feature_of(lang, from[0]), b = feature_of(lang, from[1]);
          lang.pairs.emplace(a + U" " + b, to);
          lang.pairs.emplace(b + U" " + a, to);
        }
        pairs.finish();
      }
      if (r.has("cues")) {
        ObjectReader cues = r.object("cues");
        for (const auto& group : cue_groups()) {
          if (!cues.has(group)) continue;
          ObjectReader g = cues.object(group);
          Language::Cue& cue = lang.cues[group];
          for (const char* kind : {"stems", "forms"}) {
            for (const auto& w : g.strings_or_empty(kind)) {
              const auto words = split_words(text::to_u32(w));
              // A form may be two neighbouring words ("client id", "похожий на"):
              // a pair says what neither word says alone.
              if (kind[0] == 's' && words.size() != 1) g.fail(kind, "\"" + w + "\" is not a single word");
              if (kind[0] == 'f' && (words.empty() || words.size() > 2)) g.fail(kind, "\"" + w + "\" is not one or two words");
              if (kind[0] == 's') cue.stems.insert(stem(words[0]));
              else cue.forms.insert(words.size() == 1 ? words[0] : words[0] + U" " + words[1]);
            }
          }
          g.finish();
        }
        cues.finish();
      }
      r.finish();
    }
    root.finish();
    return lexicon;
  });
}

const Lexicon::Language& Lexicon::language(std::string_view locale) const {
  static const Language empty;
  const auto it = languages_.find(std::string(locale));
  return it == languages_.end() ? empty : it->second;
}

}  // namespace support::chat
