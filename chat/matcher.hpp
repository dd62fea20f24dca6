// Understanding free text: ranks knowledge-base topics for a message, the way
// people really write. Each example phrasing, title and keyword list of a
// topic is a unit of weighted features (stems and concepts, weighted by how
// rare they are across topics); a message scores against a unit by how much
// of each the other explains, and a topic takes its best unit. Misspelt words
// are matched to known ones, and text typed in the wrong keyboard layout, in
// transliteration or in the other language is read that way too. When the
// knowledge base has a learned model (learned_model.hpp), its probabilities
// are blended in: it knows how people write what the phrasings do not say.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chat/fuzzy_vocabulary.hpp"
#include "chat/knowledge_base.hpp"
#include "text/chars.hpp"

namespace support::chat {

enum class Reading { as_typed, keyboard_layout, transliteration, other_language };
std::string_view reading_name(Reading r);

struct MatchResult {
  struct Scored {
    std::string topic;
    double confidence;  // 0..1
  };
  std::vector<Scored> ranked;  // best first, only topics with some evidence
  Reading reading = Reading::as_typed;
  std::string matched_locale;  // the content language that matched
  // What the lexicon's cue words say of the message as a whole: "fraud" (a
  // call or message asking for a code or a link: security.phishing first),
  // "not_ours" (a developer's integration question: nothing ranked),
  // "courtesy" (thanks or praise with no question: every topic weaker, the
  // dialogue closes politely), "rant" (a complaint with no question: every
  // topic weaker), "elsewhere" (a word of a subject that is not the portal's:
  // every topic weaker), "unclear" (the learned model finds it is about none
  // of the topics and no phrasing fits well: every topic weaker), or empty.
  std::string signal;

  double top() const { return ranked.empty() ? 0.0 : ranked.front().confidence; }
};

class Matcher {
 public:
  explicit Matcher(const KnowledgeBase& kb);

  // Never throws; a message of any size is cut to its first 256 words.
  // `favoured`: the topics of the conversation so far (the one just answered
  // and its related ones); a short follow-up leans to them unless it clearly
  // names another topic.
  MatchResult match(std::string_view text, std::string_view locale, std::size_t top_n = 5,
                    const std::vector<std::string>& favoured = {}) const;

  std::size_t feature_count(std::string_view locale) const;

  // The learned model's input for a message: the features of the reading
  // that match() would choose, and that reading's locale (chat-train).
  std::vector<std::u32string> learned_features(std::string_view text, std::string_view locale, std::string& matched_locale) const;

 private:
  struct Unit {
    std::uint32_t topic;
    float mass;  // sum of its feature weights
    float scale; // keyword lists count for less than phrasings
  };
  struct Index {
    const Lexicon::Language* language = nullptr;
    std::unordered_map<std::u32string, std::uint32_t> feature_ids;
    std::vector<float> idf;
    std::vector<bool> weak;  // feature -> a lexicon "weak" word
    std::vector<std::vector<std::uint32_t>> postings;        // feature -> units
    std::vector<std::vector<std::uint32_t>> topic_postings;  // feature -> topics that use it anywhere
    std::vector<Unit> units;
    FuzzyVocabulary vocabulary;                                    // surface words
    std::unordered_map<std::u32string, std::u32string> word_feature;  // surface word -> feature
    float unknown_weight = 1.0f;
    text::Script script = text::Script::cyrillic;  // of most of its words
  };

  std::vector<std::string> topic_ids_;
  const LearnedModel* model_ = nullptr;
  std::vector<std::int64_t> model_class_;  // topic -> the model's class, or -1
  std::int64_t phishing_topic_ = -1;  // security.phishing, where the fraud cue leads
  std::map<std::string, Index, std::less<>> indices_;

  // One word of a message, resolved against an index.
  struct Resolved {
    std::int64_t feature;  // -1 when unknown
    float weight;          // idf (reduced for a misspelling); the unknown weight, or 0 for a number
  };

  void build(const KnowledgeBase& kb, const std::string& locale);
  // `features`: when given, also each word's feature as matched (a misspelt
  // word's is the known word's), the learned model's input.
  std::vector<Resolved> resolve(const Index& index, std::u32string_view text, std::vector<std::u32string>* features = nullptr) const;
  void score_span(const Index& index, const Resolved* begin, const Resolved* end, double factor,
                  std::vector<double>& topic_scores) const;
  std::vector<double> score(const Index& index, std::u32string_view text, std::vector<std::u32string>* features = nullptr) const;
  // The cue words of the text: what kind of message it is, and how many words it has.
  struct Cues {
    bool fraud = false, not_ours = false, courtesy = false, rant = false, elsewhere = false, question = false;
    // Another company's product named (not as a comparison); the portal named;
    // the person says they ask nothing.
    bool other_service = false, portal = false, no_request = false;
    bool reported = false;  // someone reached the person, a copy of the site, or a doubt whether it is genuine
    std::size_t content_words = 0;
  };
  Cues cues_of(const Index& index, std::u32string_view text) const;
  // Fraud first, not-ours refused, courtesy weaker, follow-ups to the conversation's topics.
  void apply_cues(MatchResult& result, const std::string& locale, std::u32string_view text, std::vector<double>& scores,
                  const std::vector<std::string>& favoured) const;
  // Blends the learned model's probabilities into the scores (before the
  // cues, which then apply to the blend). `follow_up`: a short message in a
  // conversation, which the dialogue reads with the topic just answered.
  void blend_learned(MatchResult& result, const std::string& locale, const std::vector<std::u32string>& features,
                     std::vector<double>& scores, bool follow_up) const;
  // The reading of a message that scores best: as typed, in the other
  // keyboard layout, transliterated, or in the other language.
  struct Candidate {
    Reading reading;
    const std::string* locale;
    std::vector<double> scores;
    double factor;
    std::u32string text;  // as read
    std::vector<std::u32string> features;  // the learned model's input (with a model): each once
  };
  Candidate best_reading(std::u32string_view text, std::string_view locale) const;
};

}  // namespace support::chat
