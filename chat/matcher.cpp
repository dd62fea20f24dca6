#include "chat/matcher.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_set>

#include "chat/same_bits_math.hpp"
#include "chat/stemmer.hpp"
#include "chat/text_analyzer.hpp"
#include "text/chars.hpp"
#include "text/keyboard.hpp"
#include "text/translit.hpp"
#include "text/utf8.hpp"

namespace support::chat {

namespace {

constexpr float kKeywordScale = 0.8f;     // a keyword list is weaker evidence than a phrasing
constexpr float kFuzzyWeight[] = {1.0f, 0.85f, 0.7f};  // by edit distance
constexpr double kAlternativeReading = 0.95;  // a re-read message must beat the plain reading clearly
// F-beta: covering the phrasing counts 1.5 times as much as explaining the
// whole message, so a long polite message still finds its short example.
constexpr double kRecallBias = 1.5;
constexpr float kWeakWord = 0.5f;
// A domain term (an error name, a plugin, an agency: lexicon "strong") is
// strong evidence: it says what the message is about whatever surrounds it.
constexpr float kStrongWord = 2.0f;
// A negated word ("не пришел") is a second, lighter feature beside the word:
// it tells "не ответили" from "ответили" without outweighing the words.
constexpr float kNegatedWord = 0.5f;  // weight of a weak word (lexicon "weak") against its rarity
// A phrasing that shares only weak words with a message ("где найти",
// "день недели") says little that the message is about its topic.
constexpr double kOnlyWeakWords = 0.6;
constexpr std::size_t kWindowWords = 6;  // words (after stop words) in a stretch of a long message
constexpr double kWindowFactor = 0.95;   // a stretch is slightly weaker evidence than the whole
// A word of the message that one phrasing lacks but another phrasing of the
// same topic has still explains part of the message ("ввел пароль" and
// "заблокировали" in different examples), at this fraction of its weight.
constexpr float kTopicWordCredit = 0.5f;
// A fraud report puts security.phishing this far above the best other topic,
// and at least at kFraudFloor: its warning must come first.
constexpr double kFraudLead = 0.1;
constexpr double kFraudFloor = 0.6;
// How many words apart the contact and what it asked for may stand (the
// doubt twice as far). Chosen by leaving each development set out: 20 words
// kept every fraud report of 1000 and dropped a fifth of the false ones.
constexpr std::size_t kFraudSpan = 20;
// A message where nobody reached the person and nothing is doubted is
// weaker evidence for the phishing warning.
constexpr double kNotReported = 0.8;
// Thanks, praise or a rant without a question: a topic must be clearly meant.
constexpr double kCourtesy = 0.45;
constexpr std::size_t kCourtesyWords = 8;  // a longer message is a request with thanks in it
// A word of a subject the portal's support does not handle (the weather, a
// garden, a mortgage, train tickets): a topic must be clearly meant, not
// chosen because one other word of the message matched.
constexpr double kElsewhere = 0.55;
// A problem with another company's product and no word of the portal ("пароль
// от ВКонтакте", "my Steam account"): only a topic far ahead survives.
constexpr double kOtherService = 0.4;
// How many words after such a product a word like "работает" makes it a comparison.
constexpr std::size_t kComparisonSpan = 4;
// A short follow-up ("а если нет доступа к телефону?") leans to the topics of
// the conversation: their scores count this much more.
constexpr std::size_t kFollowUpWords = 6;
constexpr double kFollowUpBoost = 1.3;
// The learned model and the phrasings count half each: the model knows the
// words of messy real messages, the phrasings the knowledge base's own.
constexpr double kLearnedShare = 0.5;
// ...of a message of at least this many features: "пароль" alone is
// ambiguous, whatever the model learned of the word.
constexpr std::size_t kLearnedFullFeatures = 4;
// When the model finds a message is about none of the topics, a phrasing
// that fits this well still stands; below it every topic counts this much.
constexpr double kKeepAgainstNone = 0.6;
constexpr double kUnclear = 0.65;
// A topic the model gives less than this share of its favourite's probability
// gets nothing from it: the ranking lists topics with some evidence only.
constexpr double kLearnedEvidence = 0.1;

double f_beta(double precision, double recall) {
  const double b2 = kRecallBias * kRecallBias;
  const double d = b2 * precision + recall;
  return d > 0 ? (1 + b2) * precision * recall / d : 0;
}

// The words of a text, each marked when it begins a clause (after a comma,
// colon, semicolon, newline or a sentence's end); as many as split_words gives.
std::vector<std::pair<std::u32string, bool>> words_by_clause(std::u32string_view text) {
  std::vector<std::pair<std::u32string, bool>> out;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= text.size() && out.size() < kMaxSplitWords; ++i) {
    const bool end = i == text.size() || text[i] == U',' || text[i] == U';' || text[i] == U':' || text[i] == U'!' ||
                     text[i] == U'?' || text[i] == U'\n' ||
                     (text[i] == U'.' && (i + 1 == text.size() || text::is_space(text[i + 1])));
    if (!end) continue;
    bool first = true;
    for (auto& w : split_words(text.substr(begin, i - begin), kMaxSplitWords - out.size())) {
      out.emplace_back(std::move(w), first);
      first = false;
    }
    begin = i + 1;
  }
  return out;
}

// Each feature once, in the order of first use.
std::vector<std::u32string> distinct(std::vector<std::u32string> features) {
  std::vector<std::u32string> out;
  std::unordered_set<std::u32string> seen;
  for (auto& f : features) {
    if (seen.insert(f).second) out.push_back(std::move(f));
  }
  return out;
}

struct LetterMix {
  std::size_t latin = 0, cyrillic = 0;
};

LetterMix letters_of(std::u32string_view s) {
  LetterMix m;
  for (char32_t c : s) {
    const auto script = text::script_of(c);
    m.latin += script == text::Script::latin;
    m.cyrillic += script == text::Script::cyrillic;
  }
  return m;
}

}  // namespace

std::string_view reading_name(Reading r) {
  switch (r) {
    case Reading::as_typed: return "as_typed";
    case Reading::keyboard_layout: return "keyboard_layout";
    case Reading::transliteration: return "transliteration";
    case Reading::other_language: return "other_language";
  }
  return "as_typed";
}

Matcher::Matcher(const KnowledgeBase& kb) {
  for (const auto& t : kb.topics()) {
    if (t.id == "security.phishing") phishing_topic_ = static_cast<std::int64_t>(topic_ids_.size());
    topic_ids_.push_back(t.id);
  }
  for (const auto& locale : kb.locales()) build(kb, locale);
  model_ = kb.model();
  if (model_) {
    for (const auto& id : topic_ids_) {
      const auto& classes = model_->classes();
      const auto it = std::find(classes.begin(), classes.end(), id);
      model_class_.push_back(it == classes.end() ? -1 : static_cast<std::int64_t>(it - classes.begin()));
    }
  }
}

std::size_t Matcher::feature_count(std::string_view locale) const {
  const auto it = indices_.find(locale);
  return it == indices_.end() ? 0 : it->second.idf.size();
}

void Matcher::build(const KnowledgeBase& kb, const std::string& locale) {
  Index& index = indices_[locale];
  index.language = &kb.lexicon().language(locale);
  struct Pending {
    std::uint32_t topic;
    std::vector<std::uint32_t> features;
    float scale;
  };
  std::vector<Pending> pending;
  std::vector<std::unordered_set<std::uint32_t>> topics_of_feature;

  auto add_unit = [&](std::uint32_t topic, std::u32string_view text, float scale) {
    Pending p{topic, {}, scale};
    for (const Term& term : analyze(text, *index.language)) {
      const auto [it, inserted] = index.feature_ids.emplace(term.feature, static_cast<std::uint32_t>(index.feature_ids.size()));
      if (inserted) topics_of_feature.emplace_back();
      topics_of_feature[it->second].insert(topic);
      if (std::find(p.features.begin(), p.features.end(), it->second) == p.features.end()) p.features.push_back(it->second);
      index.vocabulary.add(term.word);
      index.word_feature.emplace(term.word, term.feature);
    }
    if (!p.features.empty()) pending.push_back(std::move(p));
  };

  for (std::uint32_t t = 0; t < kb.topics().size(); ++t) {
    const TopicText& text = kb.topics()[t].in(locale);
    add_unit(t, text::to_u32(text.title), 1.0f);
    for (const auto& e : text.examples) add_unit(t, text::to_u32(e), 1.0f);
    std::u32string keywords;
    for (const auto& k : text.keywords) {
      keywords += text::to_u32(k) + U" ";
      // A domain term ("росреестр", "криптопро") is a unit of its own: named
      // anywhere in a long message, it points to its topic.
      const auto terms = analyze(text::to_u32(k), *index.language);
      if (std::any_of(terms.begin(), terms.end(), [&](const Term& term) { return index.language->strong.count(term.feature) > 0; })) {
        add_unit(t, text::to_u32(k), kKeywordScale);
      }
    }
    if (!keywords.empty()) add_unit(t, keywords, kKeywordScale);
  }
  // Lexicon words are known words too, so typos of them are recognised.
  for (const auto& [word, _] : index.language->replacements) index.vocabulary.add(word);

  const double n = static_cast<double>(kb.topics().size());
  index.idf.resize(index.feature_ids.size());
  index.weak.resize(index.feature_ids.size());
  std::vector<float> sorted;
  std::vector<std::u32string> feature_names(index.feature_ids.size());
  for (const auto& [name, id] : index.feature_ids) feature_names[id] = name;
  for (std::size_t f = 0; f < index.idf.size(); ++f) {
    const double df = static_cast<double>(topics_of_feature[f].size());
    index.idf[f] = static_cast<float>(same_bits::log((n + 1) / (df + 0.5)));
    index.weak[f] = index.language->weak.count(feature_names[f]) > 0;
    if (index.weak[f]) index.idf[f] *= kWeakWord;
    if (!feature_names[f].empty() && feature_names[f][0] == kNegationMark[0]) index.idf[f] *= kNegatedWord;
    if (index.language->strong.count(feature_names[f])) index.idf[f] *= kStrongWord;
    sorted.push_back(index.idf[f]);
  }
  // An unknown word counts like a typical word when judging how much of a message is explained.
  std::sort(sorted.begin(), sorted.end());
  index.unknown_weight = sorted.empty() ? 1.0f : sorted[sorted.size() / 2];

  // The script most of its words are written in.
  std::size_t latin = 0, cyrillic = 0;
  for (const auto& name : feature_names) {
    const LetterMix m = letters_of(name);
    latin += m.latin;
    cyrillic += m.cyrillic;
  }
  index.script = latin > cyrillic ? text::Script::latin : text::Script::cyrillic;

  index.topic_postings.resize(index.idf.size());
  for (std::size_t f = 0; f < index.idf.size(); ++f) {
    index.topic_postings[f].assign(topics_of_feature[f].begin(), topics_of_feature[f].end());
  }
  index.postings.resize(index.idf.size());
  for (const Pending& p : pending) {
    const auto id = static_cast<std::uint32_t>(index.units.size());
    float mass = 0;
    for (std::uint32_t f : p.features) {
      mass += index.idf[f];
      index.postings[f].push_back(id);
    }
    index.units.push_back({p.topic, mass, p.scale});
  }
}

std::vector<Matcher::Resolved> Matcher::resolve(const Index& index, std::u32string_view text,
                                                std::vector<std::u32string>* features) const {
  std::vector<Resolved> out;
  for (const Term& term : analyze(text, *index.language)) {
    auto known = index.feature_ids.find(term.feature);
    if (!term.feature.empty() && term.feature[0] == kNegationMark[0]) {
      if (features) features->push_back(term.feature);
      // A negation the knowledge base never uses says nothing either way.
      if (known == index.feature_ids.end()) continue;
      out.push_back({known->second, index.idf[known->second]});
      continue;
    }
    float factor = 1.0f;
    if (known == index.feature_ids.end() && !index.vocabulary.contains(term.word)) {
      if (const auto hit = index.vocabulary.nearest(term.word)) {
        const auto wf = index.word_feature.find(hit->word);
        if (wf != index.word_feature.end()) known = index.feature_ids.find(wf->second);
        factor = kFuzzyWeight[hit->distance];
      }
    }
    // The learned model reads a misspelt word as the word it was taken for, as the phrasings do.
    if (features) features->push_back(known != index.feature_ids.end() ? known->first : term.feature);
    if (known != index.feature_ids.end()) {
      out.push_back({known->second, index.idf[known->second] * factor});
    } else {
      // Numbers are details (an error code, "20 минут"), not the intent.
      const bool number = std::all_of(term.word.begin(), term.word.end(), text::is_ascii_digit);
      out.push_back({-1, number ? 0.0f : index.unknown_weight});
    }
  }
  return out;
}

void Matcher::score_span(const Index& index, const Resolved* begin, const Resolved* end, double factor,
                         std::vector<double>& topic_scores) const {
  // The span's features, each with its largest weight, in feature order: float
  // sums in a fixed order give the same bits natively and in WASM (a hash
  // map's order differs between the standard libraries). An unknown word adds
  // only to the mass.
  thread_local std::vector<std::pair<std::uint32_t, float>> features;
  features.clear();
  float mass = 0;
  for (const Resolved* r = begin; r != end; ++r) {
    if (r->feature < 0) mass += r->weight;
    else features.emplace_back(static_cast<std::uint32_t>(r->feature), r->weight);
  }
  std::sort(features.begin(), features.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first < b.first : a.second > b.second; });
  features.erase(std::unique(features.begin(), features.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                 features.end());
  for (const auto& f : features) mass += f.second;
  if (features.empty() || mass <= 0) return;
  // Per-unit sums in flat arrays reused across calls (one set per thread):
  // posting lists of common words run into the thousands on a large base.
  thread_local std::vector<float> message_side, unit_side, topic_side;
  thread_local std::vector<std::uint32_t> touched, touched_topics;
  thread_local std::vector<unsigned char> strong_word;  // per unit: shares a word that is not weak
  if (message_side.size() < index.units.size()) {
    message_side.resize(index.units.size(), 0.0f);
    unit_side.resize(index.units.size(), 0.0f);
    strong_word.resize(index.units.size(), 0);
  }
  if (topic_side.size() < topic_ids_.size()) topic_side.resize(topic_ids_.size(), 0.0f);
  touched.clear();
  touched_topics.clear();
  for (const auto& [f, w] : features) {
    for (std::uint32_t u : index.postings[f]) {
      if (unit_side[u] == 0.0f) touched.push_back(u);
      message_side[u] += w;
      unit_side[u] += index.idf[f] > 0 ? index.idf[f] : 1e-6f;
      strong_word[u] |= !index.weak[f];
    }
    for (std::uint32_t t : index.topic_postings[f]) {
      if (topic_side[t] == 0.0f) touched_topics.push_back(t);
      topic_side[t] += w > 0 ? w : 1e-6f;
    }
  }
  for (std::uint32_t u : touched) {
    const Unit& unit = index.units[u];
    const float elsewhere = std::max(0.0f, topic_side[unit.topic] - message_side[u]);
    const double explained = (message_side[u] + kTopicWordCredit * elsewhere) / mass;
    const double evidence = strong_word[u] ? 1.0 : kOnlyWeakWords;
    const double s = factor * evidence * unit.scale * f_beta(std::min(1.0, explained), unit_side[u] / unit.mass);
    topic_scores[unit.topic] = std::max(topic_scores[unit.topic], s);
    message_side[u] = unit_side[u] = 0.0f;
    strong_word[u] = 0;
  }
  for (std::uint32_t t : touched_topics) topic_side[t] = 0.0f;
}

std::vector<double> Matcher::score(const Index& index, std::u32string_view text, std::vector<std::u32string>* features) const {
  std::vector<double> topic_scores(topic_ids_.size(), 0.0);
  const std::vector<Resolved> words = resolve(index, text, features);
  score_span(index, words.data(), words.data() + words.size(), 1.0, topic_scores);
  // A long message states its problem somewhere in the middle: each stretch
  // of a few words is judged on its own too.
  if (words.size() > kWindowWords) {
    for (std::size_t i = 0; i + kWindowWords <= words.size(); ++i) {
      score_span(index, words.data() + i, words.data() + i + kWindowWords, kWindowFactor, topic_scores);
    }
  }
  return topic_scores;
}

Matcher::Cues Matcher::cues_of(const Index& index, std::u32string_view text) const {
  const auto& cues = index.language->cues;
  std::u32string pair;  // the word with the one before it
  // Each group looked up once, not once per word.
  const auto group = [&](const char* name) -> const Lexicon::Language::Cue* {
    const auto it = cues.find(name);
    return it == cues.end() ? nullptr : &it->second;
  };
  const auto *approach_cue = group("fraud_approach"), *channel_cue = group("fraud_channel"),
             *request_cue = group("fraud_request"), *doubt_cue = group("fraud_doubt"),
             *fake_site_cue = group("fraud_fake_site"), *self_cue = group("fraud_self"),
             *condition_cue = group("fraud_condition"), *threat_cue = group("fraud_threat"),
             *link_cue = group("fraud_link"), *disclosed_cue = group("fraud_disclosed"), *not_ours_cue = group("not_ours"),
             *courtesy_cue = group("courtesy"), *elsewhere_cue = group("elsewhere"), *rant_cue = group("rant"),
             *question_cue = group("question"), *other_service_cue = group("other_service"), *portal_cue = group("portal"),
             *working_cue = group("working"), *no_request_cue = group("no_request");
  const auto has = [&](const Lexicon::Language::Cue* cue, const std::u32string& word, const std::u32string& word_stem) {
    return cue && cue->matches(word, word_stem, pair);
  };
  // Where each kind of fraud cue was last seen (a word's position): a fraud
  // report names the contact and what it asked for close together, while a
  // long message can hold "звонил в поддержку" and "код" sentences apart.
  constexpr std::size_t kNever = static_cast<std::size_t>(-1);
  std::size_t approach = kNever, channel = kNever, request = kNever, doubt = kNever, fake_site = kNever, threat = kNever,
              link = kNever;
  std::size_t product = kNever;  // where another company's product was last named, unless a comparison
  const auto within = [](std::size_t a, std::size_t b, std::size_t span) {
    return a != kNever && b != kNever && (a > b ? a - b : b - a) <= span;
  };
  const auto near = [&](std::size_t a, std::size_t b) { return within(a, b, kFraudSpan); };
  // The doubt often closes a long story ("…это правда?"): twice as far.
  const auto near_doubt = [&](std::size_t cue) { return within(cue, doubt, 2 * kFraudSpan); };
  Cues c;
  c.question = text.find(U'?') != std::u32string_view::npos;
  const auto& language = *index.language;
  // A web address pasted from a message ("перейдите gosuslugi-help.ru") is a link to follow.
  const Lexicon::Language::Cue* address = group("web_address");
  bool address_pasted = false;
  const auto word_char = [](char32_t ch) { return text::is_letter(ch) || text::is_ascii_digit(ch); };
  for (std::size_t dot = text.find(U'.'); address && dot != std::u32string_view::npos; dot = text.find(U'.', dot + 1)) {
    // "…help.ru", not a sentence's full stop before the next word
    if (dot == 0 || dot + 1 == text.size() || !word_char(text[dot - 1]) || !text::is_letter(text[dot + 1])) continue;
    const auto after = split_words(text.substr(dot + 1), 1);
    if (!after.empty() && address->forms.count(after.front())) address_pasted = true;
  }
  std::u32string previous;
  // "никто не звонил", "не просили код", "nobody called": a contact or a
  // request the person denies is none. A contraction the lexicon spells out
  // ("didn't" -> "did not") is a negation too.
  const auto negation = [&](const std::u32string& w) {
    if (language.negations.count(w)) return true;
    const auto spelt = language.replacements.find(w);
    return spelt != language.replacements.end() &&
           std::any_of(spelt->second.begin(), spelt->second.end(), [&](const auto& part) { return language.negations.count(part) > 0; });
  };
  // Content words since the last negation: it denies the next word's contact
  // or doubt, and a request up to three words on ("didn't ask for any codes
  // or details").
  // "удалят, если (вы) не продиктуете код" is a condition, not a denial.
  constexpr std::size_t kNoNegation = 100;
  std::size_t since_negation = kNoNegation;
  std::size_t since_condition = kNoNegation;  // words, "если я не", "if you do not"
  // "я звонил в поддержку", "I called", "I can call": the person's own call is
  // no approach (the subject one word before it, or before a two-word form).
  bool self_1 = false, self_2 = false;
  const auto approach_only_as_pair = [&](const std::u32string& word, const std::u32string& word_stem) {
    return approach_cue && !approach_cue->forms.count(word) && !approach_cue->stems.count(word_stem);
  };
  bool fraud = false;
  std::size_t at = 0;
  for (const auto& [word, clause_begins] : words_by_clause(text)) {
    // A denial, a condition or the person as subject stays in its clause:
    // "мошенники или нет: пришло смс со ссылкой".
    if (clause_begins) {
      since_negation = since_condition = kNoNegation;
      self_1 = self_2 = false;
    }
    if (!language.stopwords.count(word) && !language.negations.count(word)) ++c.content_words;
    pair = previous.empty() ? std::u32string() : previous + U" " + word;
    const std::u32string s = stem(word);
    if (since_negation != 0 && has(approach_cue, word, s) && !self_1 && !(self_2 && approach_only_as_pair(word, s))) approach = at;
    if (has(channel_cue, word, s)) channel = at;
    if ((since_negation > 2 && has(request_cue, word, s)) || (address && address->stems.count(s))) request = at;
    // "не развод", "not a scam" deny; "не знаю, мошенники ли", "not sure it is real" still doubt.
    if (since_negation != 0 && has(doubt_cue, word, s)) doubt = at;
    if (has(fake_site_cue, word, s)) fake_site = at;
    if (since_negation > 2 && has(threat_cue, word, s)) threat = at;
    if (since_negation > 2 && has(link_cue, word, s)) link = at;
    // Someone called or wrote asking for a code or a link, or the person
    // doubts a message that asks for one, or a message threatens a block and
    // gives a link to lift it, or a copy of the portal asked for a password,
    // or the person already gave a code away; a pasted web address is a link
    // to follow wherever it is.
    const bool asked = near(approach, request) || (address_pasted && approach != kNever);
    fraud |= asked || near_doubt(approach) || (near(channel, request) && near_doubt(channel)) ||
             (near(channel, threat) && near(channel, link)) || near(fake_site, request) || near_doubt(fake_site) ||
             (address_pasted && (fake_site != kNever || (channel != kNever && doubt != kNever))) ||
             (since_negation > 1 && has(disclosed_cue, word, s));  // a pair: "не" stands before its first word
    c.not_ours |= has(not_ours_cue, word, s);
    c.courtesy |= has(courtesy_cue, word, s);
    c.elsewhere |= has(elsewhere_cue, word, s);
    // "вк и телега работают": another service named as one that works is a
    // comparison, not the subject.
    if (has(other_service_cue, word, s)) product = at;
    if (has(working_cue, word, s) && within(product, at, kComparisonSpan)) product = kNever;
    if (product != kNever && at > product + kComparisonSpan) c.other_service = true;
    c.portal |= has(portal_cue, word, s);
    c.rant |= has(rant_cue, word, s);
    c.no_request |= has(no_request_cue, word, s);
    c.question |= has(question_cue, word, s);
    if (negation(word) && since_condition > 3) since_negation = 0;
    else if (!language.stopwords.count(word)) since_negation = std::min(since_negation + 1, kNoNegation);
    since_condition = has(condition_cue, word, s) ? 1 : std::min(since_condition + 1, kNoNegation);
    self_2 = self_1;
    self_1 = has(self_cue, word, s);
    previous = word;
    ++at;
  }
  c.other_service |= product != kNever;
  c.fraud = fraud;
  c.reported = approach != kNever || doubt != kNever || fake_site != kNever;
  return c;
}

void Matcher::apply_cues(MatchResult& result, const std::string& locale, std::u32string_view text,
                         std::vector<double>& scores, const std::vector<std::string>& favoured) const {
  const auto index = indices_.find(locale);
  if (index == indices_.end() || scores.empty()) return;
  const Cues c = cues_of(index->second, text);
  const double top = *std::max_element(scores.begin(), scores.end());
  if (c.not_ours && !c.fraud) {
    result.signal = "not_ours";
    std::fill(scores.begin(), scores.end(), 0.0);
    return;
  }
  if (c.fraud && phishing_topic_ >= 0) {
    result.signal = "fraud";
    double& phishing = scores[static_cast<std::size_t>(phishing_topic_)];
    phishing = std::min(1.0, std::max({phishing, top + kFraudLead, kFraudFloor}));
    return;
  }
  // "смс с кодом приходит через час" shares words with the phishing warning's
  // examples but is no fraud report: without the cues that topic counts less.
  if (phishing_topic_ >= 0 && !c.reported) scores[static_cast<std::size_t>(phishing_topic_)] *= kNotReported;
  // A long story that says it asks nothing ("никаких вопросов, просто
  // поделиться") is courtesy too.
  if (((c.courtesy || c.rant) && !c.question && c.content_words <= kCourtesyWords) || c.no_request) {
    result.signal = c.rant ? "rant" : "courtesy";
    for (double& s : scores) s *= kCourtesy;
    return;
  }
  // "пароль от ВКонтакте", "my Steam account": a problem with another
  // company's product, unless the message also names the portal ("вход на
  // госуслуги через Сбер ID", "уведомления госуслуг в телеграме").
  const bool other_product = c.other_service && !c.portal;
  if (c.elsewhere || other_product) {
    result.signal = "elsewhere";
    const double factor = other_product ? kOtherService : kElsewhere;
    for (double& s : scores) s *= factor;
    return;
  }
  if (!favoured.empty() && c.content_words <= kFollowUpWords) {
    for (const auto& id : favoured) {
      const auto it = std::find(topic_ids_.begin(), topic_ids_.end(), id);
      if (it != topic_ids_.end()) {
        double& s = scores[static_cast<std::size_t>(it - topic_ids_.begin())];
        s = std::min(1.0, s * kFollowUpBoost);
      }
    }
  }
}

Matcher::Candidate Matcher::best_reading(std::u32string_view text, std::string_view locale) const {
  auto home = indices_.find(locale);
  if (home == indices_.end()) home = indices_.begin();
  std::vector<Candidate> candidates;
  const auto add = [&](Reading reading, const std::string& in, const Index& index, std::u32string read, double factor) {
    Candidate c{reading, &in, {}, factor, std::move(read), {}};
    c.scores = score(index, c.text, model_ ? &c.features : nullptr);
    candidates.push_back(std::move(c));
  };
  add(Reading::as_typed, home->first, home->second, std::u32string(text), 1.0);

  const LetterMix mix = letters_of(text);
  const auto ru = indices_.find("ru");
  const auto en = indices_.find("en");
  if (ru != indices_.end() && mix.latin > mix.cyrillic) {
    std::u32string layout;
    for (char32_t c : text) {
      const char32_t k = text::latin_key_to_cyrillic(c);
      layout += k ? k : c;
    }
    add(Reading::keyboard_layout, ru->first, ru->second, std::move(layout), kAlternativeReading);
    add(Reading::transliteration, ru->first, ru->second, text::detransliterate(text), kAlternativeReading);
  }
  if (en != indices_.end() && mix.cyrillic > mix.latin && home->first != "ru") {
    std::u32string layout;
    for (char32_t c : text) {
      const char32_t k = text::cyrillic_key_to_latin(c);
      layout += k ? k : c;
    }
    add(Reading::keyboard_layout, en->first, en->second, std::move(layout), kAlternativeReading);
  }
  // The other language only for text in its script: English typed into a
  // Russian page, never Cyrillic text against English content.
  for (const auto& [locale_name, index] : indices_) {
    const bool same_script = index.script == text::Script::latin ? mix.latin > mix.cyrillic : mix.cyrillic > mix.latin;
    if (&index != &home->second && same_script) add(Reading::other_language, locale_name, index, std::u32string(text), kAlternativeReading);
  }

  std::size_t best = 0;
  double best_top = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const auto& c = candidates[i];
    const double top = *std::max_element(c.scores.begin(), c.scores.end()) * c.factor;
    if (top > best_top + 1e-9) best = i, best_top = top;
  }
  Candidate chosen = std::move(candidates[best]);
  chosen.features = distinct(std::move(chosen.features));
  return chosen;
}

std::vector<std::u32string> Matcher::learned_features(std::string_view utf8, std::string_view locale,
                                                      std::string& matched_locale) const {
  matched_locale.clear();
  if (indices_.empty()) return {};
  Candidate best = best_reading(text::to_u32(utf8, 16 * 1024), locale);
  matched_locale = *best.locale;
  if (!model_) {  // chat-train: the matcher it trains for has no model yet
    std::vector<std::u32string> features;
    resolve(indices_.at(*best.locale), best.text, &features);
    return distinct(std::move(features));
  }
  return std::move(best.features);
}

void Matcher::blend_learned(MatchResult& result, const std::string& locale, const std::vector<std::u32string>& features,
                            std::vector<double>& scores, bool follow_up) const {
  if (!model_) return;
  // A message of words the model never saw ("🙂", a URL) is not its to judge.
  if (!model_->knows_any(locale, features)) return;
  const auto p = model_->probabilities(locale, features);
  const double most = *std::max_element(p.begin(), p.end());
  const double own_top = *std::max_element(scores.begin(), scores.end());
  const double share = kLearnedShare * std::min(1.0, static_cast<double>(features.size()) / kLearnedFullFeatures);
  for (std::size_t t = 0; t < scores.size(); ++t) {
    double learned = model_class_[t] >= 0 ? p[static_cast<std::size_t>(model_class_[t])] / most : 0.0;
    if (learned < kLearnedEvidence) learned = 0;  // a topic needs some evidence to be ranked
    scores[t] = share * learned + (1 - share) * scores[t];
  }
  if (p[model_->none_class()] >= most && own_top < kKeepAgainstNone && !follow_up) {
    result.signal = "unclear";
    for (double& s : scores) s *= kUnclear;
  }
}

MatchResult Matcher::match(std::string_view utf8, std::string_view locale, std::size_t top_n,
                           const std::vector<std::string>& favoured) const {
  MatchResult result;
  if (indices_.empty()) return result;
  Candidate best = best_reading(text::to_u32(utf8, 16 * 1024), locale);
  result.reading = best.reading;
  result.matched_locale = *best.locale;
  blend_learned(result, *best.locale, best.features, best.scores,
                !favoured.empty() && split_words(best.text, kFollowUpWords + 1).size() <= kFollowUpWords);
  apply_cues(result, *best.locale, best.text, best.scores, favoured);
  std::vector<std::size_t> order(topic_ids_.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return best.scores[a] > best.scores[b]; });
  for (std::size_t i = 0; i < order.size() && result.ranked.size() < top_n; ++i) {
    const double s = best.scores[order[i]] * best.factor;
    if (s <= 0) break;
    result.ranked.push_back({topic_ids_[order[i]], std::min(1.0, s)});
  }
  return result;
}

}  // namespace support::chat
