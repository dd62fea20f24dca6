// A linear model of which topic a message is about, learned offline by
// chat-train (chat/train/) from the knowledge base's phrasings and the
// development sets (chat/eval/dev/), where people write long, messy messages
// the examples do not cover. The matcher blends its probabilities with its
// own scores (matcher.cpp). The build writes chat/kb/model.json; a
// knowledge base without one matches by its phrasings alone.
//
// model.json: {"format": 1, "scale": S, "classes": [topic ids..., "none"],
//              "<locale>": {"bias": [n per class], "weights": "<feature>\t<class> <n> <class> <n>...\n..."}}
// where every weight is n * S (small integers keep the file small). The
// weights are one string of lines, not a JSON object of arrays: the page
// parses it in a quarter of the time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "chat/text_analyzer.hpp"
#include "common/config.hpp"

namespace support::chat {

class LearnedModel {
 public:
  static constexpr std::string_view kNoneClass = "none";

  struct Language {
    std::vector<float> bias;  // per class
    std::unordered_map<std::u32string, std::vector<std::pair<std::uint32_t, float>>> weights;  // feature -> (class, weight)
  };

  // `topics`: the knowledge base's ids; every class must be one of them or "none".
  static Loaded<LearnedModel> load(std::string_view json, const std::vector<std::string>& locales,
                                   const std::vector<std::string>& topics, const std::string& file = "chat/kb/model.json");

  // The model's input: each distinct feature of the analysed message once.
  static std::vector<std::u32string> features_of(const std::vector<Term>& terms);

  const std::vector<std::string>& classes() const { return classes_; }
  std::size_t none_class() const { return none_; }
  bool has(std::string_view locale) const { return languages_.count(std::string(locale)) > 0; }

  // Whether any of the features has a weight in the locale's model.
  bool knows_any(std::string_view locale, const std::vector<std::u32string>& features) const;

  // Probability per class (softmax over the features' summed weights, each
  // feature counting 1/sqrt(n) of n); empty when the locale has no model.
  std::vector<double> probabilities(std::string_view locale, const std::vector<std::u32string>& features) const;

 private:
  std::vector<std::string> classes_;
  std::size_t none_ = 0;
  std::unordered_map<std::string, Language> languages_;
};

}  // namespace support::chat
