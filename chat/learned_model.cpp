#include "chat/learned_model.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_set>

#include "chat/same_bits_math.hpp"
#include "text/utf8.hpp"

namespace support::chat {

namespace {

constexpr std::int64_t kMaxUnits = 1000000;  // |n| of a weight or bias

// An integer of the weights' text at `at`, skipping spaces; false when there is none.
bool read_integer(std::string_view text, std::size_t& at, std::int64_t& out) {
  while (at < text.size() && text[at] == ' ') ++at;
  const auto [end, error] = std::from_chars(text.data() + at, text.data() + text.size(), out);
  if (error != std::errc()) return false;
  at = static_cast<std::size_t>(end - text.data());
  return true;
}

// "feature\tclass n class n\n..." into the language's weights.
template <class Fail>
void read_weights(std::string_view text, std::int64_t classes, double scale, LearnedModel::Language& lang, const Fail& fail) {
  std::size_t line = 0;
  for (std::size_t start = 0; start < text.size();) {
    ++line;
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view row = text.substr(start, end - start);
    start = end + 1;
    const std::size_t tab = row.find('\t');
    if (tab == 0 || tab == std::string_view::npos) fail(line, "expected a feature, a tab, then class and weight pairs");
    auto& pairs = lang.weights[text::to_u32(row.substr(0, tab))];
    if (!pairs.empty()) fail(line, "the feature is listed twice");
    std::size_t at = tab + 1;
    while (at < row.size()) {
      std::int64_t c = 0, n = 0;
      if (!read_integer(row, at, c) || !read_integer(row, at, n)) fail(line, "expected pairs of integers: class index, weight");
      if (c < 0 || c >= classes) fail(line, "no such class index " + std::to_string(c));
      if (n < -kMaxUnits || n > kMaxUnits) fail(line, "expected a weight within ±1000000");
      pairs.emplace_back(static_cast<std::uint32_t>(c), static_cast<float>(static_cast<double>(n) * scale));
      while (at < row.size() && row[at] == ' ') ++at;
    }
    if (pairs.empty()) fail(line, "a feature without weights");
  }
}

}  // namespace

std::vector<std::u32string> LearnedModel::features_of(const std::vector<Term>& terms) {
  std::vector<std::u32string> out;
  std::unordered_set<std::u32string> seen;
  for (const Term& t : terms) {
    if (!t.feature.empty() && seen.insert(t.feature).second) out.push_back(t.feature);
  }
  return out;
}

Loaded<LearnedModel> LearnedModel::load(std::string_view json, const std::vector<std::string>& locales,
                                        const std::vector<std::string>& topics, const std::string& file) {
  return load_config<LearnedModel>([&] {
    ConfigFile root(json, file);
    LearnedModel m;
    if (root.integer("format", 1, 1) != 1) root.fail("format", "unsupported format");
    const nlohmann::json& scale_json = root.required("scale");
    if (!scale_json.is_number() || !(scale_json.get<double>() > 0) || scale_json.get<double>() > 1) {
      root.fail("scale", "expected a number in (0, 1]");
    }
    const double scale = scale_json.get<double>();
    m.classes_ = root.strings("classes");
    bool none_seen = false;
    for (std::size_t i = 0; i < m.classes_.size(); ++i) {
      const std::string& c = m.classes_[i];
      if (c == kNoneClass) {
        m.none_ = i;
        none_seen = true;
      } else if (std::find(topics.begin(), topics.end(), c) == topics.end()) {
        root.fail_item("classes", i, "no such topic \"" + c + "\"");
      }
      if (std::count(m.classes_.begin(), m.classes_.end(), c) > 1) root.fail_item("classes", i, "duplicate class \"" + c + "\"");
    }
    if (!none_seen) root.fail("classes", "needs the class \"none\"");
    const auto k = static_cast<std::int64_t>(m.classes_.size());
    const auto units = [&](const nlohmann::json& v) -> std::int64_t {
      return v.is_number_integer() ? v.get<std::int64_t>() : kMaxUnits + 1;
    };
    for (const auto& locale : locales) {
      if (!root.has(locale)) continue;  // that locale matches by phrasings alone
      ObjectReader r = root.object(locale);
      Language& lang = m.languages_[locale];
      const nlohmann::json& bias = r.required("bias");
      if (!bias.is_array() || static_cast<std::int64_t>(bias.size()) != k) r.fail("bias", "expected one integer per class");
      for (std::size_t i = 0; i < bias.size(); ++i) {
        const std::int64_t n = units(bias[i]);
        if (n < -kMaxUnits || n > kMaxUnits) r.fail_item("bias", i, "expected an integer within ±1000000");
        lang.bias.push_back(static_cast<float>(static_cast<double>(n) * scale));
      }
      const nlohmann::json& weights = r.required("weights");
      if (!weights.is_string()) r.fail("weights", "expected a string of lines: feature, tab, class and weight pairs");
      read_weights(weights.get_ref<const std::string&>(), k, scale, lang,
                   [&](std::size_t line, const std::string& what) { r.fail("weights", "line " + std::to_string(line) + ": " + what); });
      r.finish();
    }
    for (const auto& item : root.json().items()) {
      if (item.value().is_object()) root.allow(item.key());  // a locale this page does not load
    }
    root.finish();
    return m;
  });
}

bool LearnedModel::knows_any(std::string_view locale, const std::vector<std::u32string>& features) const {
  const auto it = languages_.find(std::string(locale));
  if (it == languages_.end()) return false;
  return std::any_of(features.begin(), features.end(), [&](const std::u32string& f) { return it->second.weights.count(f) > 0; });
}

std::vector<double> LearnedModel::probabilities(std::string_view locale, const std::vector<std::u32string>& features) const {
  const auto it = languages_.find(std::string(locale));
  if (it == languages_.end()) return {};
  const Language& lang = it->second;
  std::vector<double> logits(lang.bias.begin(), lang.bias.end());
  // Longer messages carry more words, not more certainty.
  const double each = features.empty() ? 0.0 : 1.0 / std::sqrt(static_cast<double>(features.size()));
  for (const auto& f : features) {
    const auto w = lang.weights.find(f);
    if (w == lang.weights.end()) continue;
    for (const auto& [c, weight] : w->second) logits[c] += weight * each;
  }
  const double top = *std::max_element(logits.begin(), logits.end());
  double sum = 0;
  for (double& l : logits) sum += (l = same_bits::exp(l - top));
  for (double& l : logits) l /= sum;
  return logits;
}

}  // namespace support::chat
