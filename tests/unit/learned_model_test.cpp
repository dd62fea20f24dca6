#define BOOST_TEST_MODULE learned_model
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

#include <nlohmann/json.hpp>

#include "chat/learned_model.hpp"
#include "chat/matcher.hpp"
#include "chat/same_bits_math.hpp"
#include "chat/text_analyzer.hpp"
#include "tests/support/chat_fixture.hpp"
#include "text/utf8.hpp"

// The chat's learned model (chat/learned_model.hpp): what the file says is
// what is scored, a broken or tampered file is refused with its JSON path, and
// the shipped model (trained by the build) is in the knowledge base.

using namespace support;
using chat::LearnedModel;
namespace same_bits = chat::same_bits;
using nlohmann::json;

namespace {

const std::vector<std::string> kTopics = {"access.password_reset", "access.sms_code"};

json small_model() {
  return json{{"format", 1},
              {"scale", 0.5},
              {"classes", {"access.password_reset", "access.sms_code", "none"}},
              {"ru", {{"bias", {0, 0, 2}}, {"weights", "парол\t0 8\nкод\t1 6 2 -2\n"}}}};
}

Loaded<LearnedModel> load(const json& j, const std::vector<std::string>& locales = {"ru"}) {
  return LearnedModel::load(j.dump(), locales, kTopics);
}

std::string error_of(const json& j) {
  const auto m = load(j);
  BOOST_TEST(!m);
  return m.error;
}

}  // namespace

BOOST_AUTO_TEST_CASE(scores_what_the_file_says) {
  const auto m = load(small_model());
  BOOST_TEST_REQUIRE(bool(m));
  BOOST_TEST(m.value->classes().size() == 3u);
  BOOST_TEST(m.value->none_class() == 2u);
  // No known feature: the bias alone, where "none" leads.
  const auto nothing = m.value->probabilities("ru", {U"погод"});
  BOOST_TEST_REQUIRE(nothing.size() == 3u);
  BOOST_TEST(nothing[2] > nothing[0]);
  BOOST_TEST(std::accumulate(nothing.begin(), nothing.end(), 0.0) == 1.0, boost::test_tools::tolerance(1e-9));
  // One feature of two counts 1/sqrt(2) of its weight (8 * 0.5 = 4).
  const auto p = m.value->probabilities("ru", {U"парол", U"погод"});
  BOOST_TEST(p[0] > 0.5);
  BOOST_TEST(std::log(p[0] / p[2]) == 4 / std::sqrt(2.0) - 1, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(m.value->knows_any("ru", {U"погод", U"код"}));
  BOOST_TEST(!m.value->knows_any("ru", {U"погод"}));
  // A locale without a model: nothing to say.
  BOOST_TEST(m.value->probabilities("en", {U"парол"}).empty());
  BOOST_TEST(!m.value->knows_any("en", {U"парол"}));
}

BOOST_AUTO_TEST_CASE(features_are_each_distinct_feature_once) {
  const std::vector<chat::Term> terms = {{U"пароль", U"парол"}, {U"паролем", U"парол"}, {U"код", U"код"}};
  BOOST_TEST((LearnedModel::features_of(terms) == std::vector<std::u32string>{U"парол", U"код"}));
}

BOOST_AUTO_TEST_CASE(a_locale_the_page_does_not_load_is_skipped) {
  auto j = small_model();
  j["en"] = j["ru"];
  const auto m = load(j, {"ru"});
  BOOST_TEST_REQUIRE(bool(m));
  BOOST_TEST(m.value->probabilities("en", {U"парол"}).empty());
}

BOOST_AUTO_TEST_CASE(broken_files_are_refused_with_their_path) {
  BOOST_TEST(LearnedModel::load("{\"format\": 1,", {"ru"}, kTopics).error.find("chat/kb/model.json") == 0u);
  auto j = small_model();
  j["format"] = 2;
  BOOST_TEST(error_of(j).find("/format") != std::string::npos);
  j = small_model();
  j["scale"] = 0;
  BOOST_TEST(error_of(j).find("/scale") != std::string::npos);
  j = small_model();
  j["classes"][1] = "access.no_such_topic";
  BOOST_TEST(error_of(j).find("/classes/1: no such topic") != std::string::npos);
  j = small_model();
  j["classes"] = {"access.password_reset", "access.sms_code", "access.sms_code"};
  BOOST_TEST(error_of(j).find("/classes") != std::string::npos);
  j = small_model();
  j["ru"]["bias"] = {0, 0};
  BOOST_TEST(error_of(j).find("/ru/bias: expected one integer per class") != std::string::npos);
  j = small_model();
  j["ru"]["bias"][1] = "1";
  BOOST_TEST(error_of(j).find("/ru/bias/1") != std::string::npos);
  const auto weights_error = [&](const std::string& weights) {
    auto broken = small_model();
    broken["ru"]["weights"] = weights;
    return error_of(broken);
  };
  BOOST_TEST(weights_error("код\t1\n").find("/ru/weights: line 1: expected pairs") != std::string::npos);
  BOOST_TEST(weights_error("парол\t0 8\nкод\t3 1\n").find("/ru/weights: line 2: no such class index 3") != std::string::npos);
  BOOST_TEST(weights_error("код\t1 99999999\n").find("/ru/weights: line 1: expected a weight within") != std::string::npos);
  BOOST_TEST(weights_error("код\t1 x\n").find("/ru/weights: line 1: expected pairs") != std::string::npos);
  BOOST_TEST(weights_error("код 1 2\n").find("/ru/weights: line 1: expected a feature, a tab") != std::string::npos);
  BOOST_TEST(weights_error("\t1 2\n").find("/ru/weights: line 1: expected a feature, a tab") != std::string::npos);
  BOOST_TEST(weights_error("код\t\n").find("/ru/weights: line 1: a feature without weights") != std::string::npos);
  BOOST_TEST(weights_error("код\t1 2\nкод\t0 1\n").find("/ru/weights: line 2: the feature is listed twice") != std::string::npos);
  j = small_model();
  j["ru"]["weights"] = json::object();
  BOOST_TEST(error_of(j).find("/ru/weights: expected a string") != std::string::npos);
  j = small_model();
  j["ru"]["extra"] = 1;
  BOOST_TEST(error_of(j).find("/ru/extra: unknown key") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_knowledge_base_refuses_a_tampered_model) {
  auto j = json::parse(test::bundled("chat/kb/model.json"));
  j["classes"][0] = "access.renamed";
  const auto kb = test::load_kb_with("chat/kb/model.json", j.dump());
  BOOST_TEST(!kb);
  BOOST_TEST(kb.error.find("chat/kb/model.json: /classes/0: no such topic \"access.renamed\"") == 0u, kb.error);
}

BOOST_AUTO_TEST_CASE(the_shipped_model_knows_every_topic) {
  const auto* model = test::knowledge_base().model();
  BOOST_TEST_REQUIRE(model != nullptr);
  BOOST_TEST(model->classes().size() == test::knowledge_base().topics().size() + 1);
  for (const auto& t : test::knowledge_base().topics()) {
    BOOST_TEST(std::count(model->classes().begin(), model->classes().end(), t.id) == 1, t.id);
  }
  BOOST_TEST(model->has("ru"));
  BOOST_TEST(model->has("en"));
}

namespace {

// The shipped model's classes with every weight replaced: `bias` for "none"
// and `weights` (feature -> {class id, units}) in Russian.
std::string model_with(double none_bias, const std::vector<std::tuple<std::u32string, std::string, int>>& weights) {
  const auto& classes = test::knowledge_base().model()->classes();
  const auto index = [&](const std::string& id) { return std::find(classes.begin(), classes.end(), id) - classes.begin(); };
  json bias = json::array();
  for (const auto& c : classes) bias.push_back(c == "none" ? static_cast<int>(none_bias / 0.05) : 0);
  std::string w;
  for (const auto& [feature, topic, units] : weights) {
    w += text::to_utf8(feature) + "\t" + std::to_string(index(topic)) + " " + std::to_string(units) + "\n";
  }
  return json{{"format", 1}, {"scale", 0.05}, {"classes", classes}, {"ru", {{"bias", bias}, {"weights", w}}}}.dump();
}

std::u32string feature(const std::string& word) {
  const auto terms = chat::analyze(text::to_u32(word), test::knowledge_base().lexicon().language("ru"));
  BOOST_TEST_REQUIRE(terms.size() == 1u);
  return terms.front().feature;
}

}  // namespace

BOOST_AUTO_TEST_CASE(what_the_model_learned_carries_a_message_the_phrasings_miss) {
  const std::string message = "сколько стоит ремонт холодильника у мастера";
  const double threshold = test::knowledge_base().dialogue().min_confidence;
  BOOST_TEST(test::matcher().match(message, "ru").top() < threshold);
  const auto kb = test::load_kb_with("chat/kb/model.json", model_with(0, {{feature("холодильника"), "access.sms_code", 400}}));
  BOOST_TEST_REQUIRE(bool(kb));
  const chat::Matcher m(*kb.value);
  const auto r = m.match(message, "ru");
  BOOST_TEST_REQUIRE(!r.ranked.empty());
  BOOST_TEST(r.ranked.front().topic == "access.sms_code");
  BOOST_TEST(r.top() >= threshold);
  // Topics the model gives (almost) nothing get nothing from it.
  BOOST_TEST(r.ranked.size() <= 5u);
  // One word alone is thin evidence: the model counts for less.
  BOOST_TEST(m.match("холодильника", "ru").top() < r.top());
}

BOOST_AUTO_TEST_CASE(none_from_the_model_weakens_every_topic) {
  const std::string message = "смс приходит но я сейчас на даче и тут плохая связь";
  const auto kb = test::load_kb_with("chat/kb/model.json", model_with(2, {{feature("даче"), "none", 100}}));
  BOOST_TEST_REQUIRE(bool(kb));
  const chat::Matcher m(*kb.value);
  const auto r = m.match(message, "ru");
  BOOST_TEST(r.signal == "unclear");
  BOOST_TEST(r.top() < test::knowledge_base().dialogue().min_confidence);
  // A short follow-up in a conversation is the dialogue's to read with its topic.
  const auto follow_up = m.match("а если смс не приходит?", "ru", 5, {"access.sms_code"});
  BOOST_TEST(follow_up.signal != "unclear");
}

BOOST_AUTO_TEST_CASE(same_bits_exp_and_log_are_libms_values_to_a_few_ulps) {
  // The model's softmax and the matcher's rarity weights use these so that
  // native and WASM builds print the same confidences (tests/node/parity).
  double worst_exp = 0, worst_log = 0;
  for (double x = -60; x <= 60; x += 0.0137) {
    worst_exp = std::max(worst_exp, std::abs(same_bits::exp(x) - std::exp(x)) / std::exp(x));
    const double y = std::exp(x);
    worst_log = std::max(worst_log, std::abs(same_bits::log(y) - std::log(y)) / std::max(1.0, std::abs(std::log(y))));
  }
  BOOST_TEST(worst_exp < 1e-15);
  BOOST_TEST(worst_log < 1e-15);
  BOOST_TEST(same_bits::exp(0) == 1.0);
  BOOST_TEST(same_bits::log(1) == 0.0);
  BOOST_TEST(same_bits::exp(-1000) == 0.0);
  BOOST_TEST(std::isinf(same_bits::exp(1000)));
  BOOST_TEST(std::isnan(same_bits::exp(std::nan(""))));
  BOOST_TEST(std::isinf(same_bits::log(0)));
  BOOST_TEST(std::isnan(same_bits::log(-1)));
  BOOST_TEST(std::abs(same_bits::log(1e-300) - std::log(1e-300)) < 1e-12);
}
