// chat-train: learns chat/kb/model.json (chat/learned_model.hpp) from the
// knowledge base's phrasings and the development sets. The build runs it;
// the same data gives the same file byte for byte.
//
//   chat-train --root REPO --files LIST --out model.json [--dev-set FILE.tsv]... [--report 1]
//              [--evaluate FILE.tsv]... [--show-misses 1]
//
// LIST names the data files (the bundle's list, one path per line); every
// --dev-set is a TSV with columns topic, locale, query ("none" for a message
// that is not ours). The held-out sets (chat/eval/heldout/) are never given
// here: they measure the model. --evaluate prints the figures of `supportctl
// eval` for a set with the model just trained: given a development set that
// was left out of the training, an honest estimate (bench/chat_model_cv.sh).
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "chat/evaluation.hpp"
#include "chat/knowledge_base.hpp"
#include "chat/learned_model.hpp"
#include "chat/matcher.hpp"
#include "chat/same_bits_math.hpp"
#include "chat/text_analyzer.hpp"
#include "forms/forms_config.hpp"
#include "text/utf8.hpp"

namespace {

using namespace support;

// Measured by leaving each development set out in turn (DESIGN.md, "Learned model").
constexpr int kEpochs = 60;
constexpr double kLearningRate = 0.3;
constexpr double kL1 = 2e-5;      // drives most weights to zero: a small file (3e-5: 7,300 weights, 2e-5: 9,900 and +1 to +2 points)
constexpr double kScale = 0.1;    // the file's weight unit (0.05 measured the same within a row, 1.8 KB gzip more)

struct Row {
  std::string locale;
  std::vector<std::u32string> features;
  std::size_t label;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == sep) out.emplace_back();
    else out.back() += c;
  }
  return out;
}

// Deterministic shuffling (xorshift32): the same rows give the same model.
struct Shuffler {
  std::uint32_t state = 2463534242u;
  std::uint32_t next() {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
  }
};

// Multinomial logistic regression by SGD with a cumulative L1 penalty
// (Tsuruoka et al., 2009), over features keyed by locale.
struct Trainer {
  std::size_t classes;
  std::map<std::pair<std::string, std::u32string>, std::size_t> ids;  // ordered: a stable file
  std::vector<double> w, q, bias;

  void train(std::vector<Row>& rows) {
    std::vector<std::vector<std::size_t>> x(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
      for (const auto& f : rows[r].features) {
        const auto [it, _] = ids.emplace(std::make_pair(rows[r].locale, f), ids.size());
        x[r].push_back(it->second);
      }
    }
    w.assign(ids.size() * classes, 0.0);
    q.assign(w.size(), 0.0);
    bias.assign(classes, 0.0);
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    Shuffler shuffle;
    std::vector<double> p(classes);
    double penalty = 0;
    for (int e = 0; e < kEpochs; ++e) {
      for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[shuffle.next() % i]);
      const double rate = kLearningRate / (1 + 0.1 * e);
      for (std::size_t r : order) {
        penalty += rate * kL1;
        const auto& xs = x[r];
        const double each = xs.empty() ? 0.0 : 1.0 / std::sqrt(static_cast<double>(xs.size()));
        double top = -1e300;
        for (std::size_t k = 0; k < classes; ++k) {
          double s = bias[k];
          for (std::size_t f : xs) s += w[f * classes + k] * each;
          p[k] = s;
          top = std::max(top, s);
        }
        double sum = 0;
        for (double& v : p) sum += (v = chat::same_bits::exp(v - top));
        for (std::size_t k = 0; k < classes; ++k) {
          const double g = p[k] / sum - (k == rows[r].label ? 1.0 : 0.0);
          bias[k] -= rate * g;
          for (std::size_t f : xs) {
            double& weight = w[f * classes + k];
            const double before = weight - rate * g * each;
            double after = before;
            if (after > 0) after = std::max(0.0, after - (penalty + q[f * classes + k]));
            else if (after < 0) after = std::min(0.0, after + (penalty - q[f * classes + k]));
            q[f * classes + k] += after - before;
            weight = after;
          }
        }
      }
    }
  }
};

long units(double v) { return std::lround(v / kScale); }

int run(int argc, char** argv) {
  std::string root = ".", list, out;
  std::vector<std::string> dev_sets, evaluate;
  bool report = false, show_misses = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i], value = argv[i + 1];
    if (key == "--root") root = value;
    else if (key == "--files") list = value;
    else if (key == "--out") out = value;
    else if (key == "--dev-set") dev_sets.push_back(value);
    else if (key == "--report") report = value == "1";
    else if (key == "--evaluate") evaluate.push_back(value);
    else if (key == "--show-misses") show_misses = value == "1";
    else throw std::runtime_error("unknown option " + key);
  }
  if (list.empty() || out.empty()) throw std::runtime_error("usage: chat-train --root REPO --files LIST --out model.json [--dev-set FILE.tsv]...");

  std::vector<std::string> paths, contents;
  for (const auto& line : split(read_file(list), '\n')) {
    if (!line.empty() && line != "chat/kb/model.json") paths.push_back(line);
  }
  for (const auto& p : paths) contents.push_back(read_file(root + "/" + p));
  DataFiles files;
  for (std::size_t i = 0; i < paths.size(); ++i) files.emplace_back(paths[i], contents[i]);
  const auto forms = forms::FormsConfig::load(files);
  if (!forms) throw std::runtime_error(forms.error);
  const auto kb = chat::KnowledgeBase::load(files, *forms.value, {"ru", "en"});
  if (!kb) throw std::runtime_error(kb.error);
  const chat::Matcher matcher(*kb.value);

  std::vector<std::string> classes;
  for (const auto& t : kb.value->topics()) classes.push_back(t.id);
  classes.emplace_back(chat::LearnedModel::kNoneClass);
  const auto class_of = [&](const std::string& id) -> std::size_t {
    for (std::size_t k = 0; k < classes.size(); ++k) {
      if (classes[k] == id) return k;
    }
    throw std::runtime_error("unknown topic \"" + id + "\"");
  };

  std::vector<Row> rows;
  for (std::size_t t = 0; t < kb.value->topics().size(); ++t) {
    const auto& topic = kb.value->topics()[t];
    for (const auto& locale : kb.value->locales()) {
      const auto& language = kb.value->lexicon().language(locale);
      const auto& text = topic.in(locale);
      const auto add = [&](const std::string& s) {
        rows.push_back({locale, chat::LearnedModel::features_of(chat::analyze(text::to_u32(s), language)), t});
      };
      add(text.title);
      for (const auto& e : text.examples) add(e);
      std::string keywords;
      for (const auto& k : text.keywords) keywords += k + " ";
      if (!keywords.empty()) add(keywords);
    }
  }
  const std::size_t kb_rows = rows.size();
  for (const auto& set : dev_sets) {
    std::string error;
    for (const auto& row : chat::read_labelled_rows(read_file(set), error)) {
      std::string matched;
      auto features = matcher.learned_features(row.query, row.locale, matched);
      rows.push_back({matched, std::move(features), class_of(row.topic)});
    }
    if (!error.empty()) throw std::runtime_error(set + ": " + error);
  }

  Trainer trainer{classes.size(), {}, {}, {}, {}};
  trainer.train(rows);

  nlohmann::json model{{"about", "Generated by chat-train (chat/train/chat_train.cpp) from the knowledge base and the "
                                 "development sets; rebuilt by the build, never edited. See chat/learned_model.hpp."},
                       {"format", 1}, {"scale", kScale}, {"classes", classes}};
  std::vector<long> bias;
  for (double b : trainer.bias) bias.push_back(units(b));
  std::size_t kept = 0;
  for (const auto& locale : kb.value->locales()) {
    std::string weights;
    for (const auto& [key, id] : trainer.ids) {
      if (key.first != locale) continue;
      std::string pairs;
      for (std::size_t k = 0; k < classes.size(); ++k) {
        const long n = units(trainer.w[id * classes.size() + k]);
        if (n != 0) pairs += (pairs.empty() ? "" : " ") + std::to_string(k) + " " + std::to_string(n), ++kept;
      }
      if (!pairs.empty()) weights += text::to_utf8(key.second) + "\t" + pairs + "\n";
    }
    model[locale] = {{"bias", bias}, {"weights", std::move(weights)}};
  }
  const std::string model_text = model.dump() + "\n";
  std::ofstream(out, std::ios::binary) << model_text;
  if (report) {
    std::printf("chat-train: %zu rows (%zu from the knowledge base), %zu features, %zu weights kept\n", rows.size(), kb_rows,
                trainer.ids.size(), kept);
  }
  if (!evaluate.empty()) {
    files.emplace_back("chat/kb/model.json", model_text);
    const auto learned = chat::KnowledgeBase::load(files, *forms.value, {"ru", "en"});
    if (!learned) throw std::runtime_error(learned.error);
    const chat::Matcher with_model(*learned.value);
    const double min_confidence = learned.value->dialogue().min_confidence;
    for (const auto& set : evaluate) {
      std::string error;
      chat::EvalTally tally;
      for (const auto& row : chat::read_labelled_rows(read_file(set), error)) {
        const auto r = with_model.match(row.query, row.locale);
        const bool confident = !r.ranked.empty() && r.top() >= min_confidence;
        const std::string answered = confident ? r.ranked.front().topic : "none";
        tally.add(row.topic, r, answered, min_confidence);
        // What a left-out set's misses are: the honest failures to learn from.
        if (show_misses && answered != row.topic) {
          std::fprintf(stderr, "miss\t%s\t%s\t%.2f\t%s\n", row.topic.c_str(), answered.c_str(), r.ranked.empty() ? 0.0 : r.top(),
                       row.query.c_str());
        }
      }
      if (!error.empty()) throw std::runtime_error(set + ": " + error);
      std::printf("{\"file\":\"%s\",\"rows\":%zu,\"top1_accuracy\":%.3f,\"top3_accuracy\":%.3f,\"none_correct\":%.3f,"
                  "\"questions_answered_none\":%.3f,\"fraud_to_phishing\":%.3f}\n",
                  set.c_str(), tally.real + tally.none_rows, tally.top1_rate(), tally.top3_rate(), tally.none_rate(),
                  tally.false_none_rate(), tally.fraud_rate());
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "chat-train: %s\n", e.what());
    return 1;
  }
}
