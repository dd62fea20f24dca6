// match and eval: the intent matcher on the command line and its measurement.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "chat/evaluation.hpp"
#include "cli/commands.hpp"

namespace support::cli {

namespace {

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int run_match(const App& app) {
  const std::string locale = app.display_locale();
  const auto& p = app.args.positional;
  if (p.size() > 2) return usage_error("match takes one TEXT (quote it)");
  if (p.size() == 2) {
    print_json(app.core->match(p[1], locale));
    return kValid;
  }
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto tab = line.find('\t');
    if (tab == std::string::npos) {
      print_json(app.core->match(line, locale));
    } else {
      const std::string row_locale = line.substr(0, tab);
      print_json(app.core->match(line.substr(tab + 1), app.core->messages().catalog(row_locale) ? row_locale : locale));
    }
  }
  return kValid;
}

int run_eval(const App& app) {
  const auto& p = app.args.positional;
  if (p.size() != 2) return usage_error("eval needs FILE.tsv");
  std::string error;
  const auto content = read_file(p[1], 64 * 1024 * 1024, error);
  if (!content) return usage_error(error);
  const chat::Matcher& matcher = *app.core->matcher();
  const double min_confidence = app.core->knowledge_base()->dialogue().min_confidence;

  std::string rows_error;
  const auto rows = chat::read_labelled_rows(*content, rows_error);
  if (!rows_error.empty()) return usage_error(p[1] + ": " + rows_error);

  chat::EvalTally tally;
  std::vector<double> latencies_us;
  Json misses = Json::array();
  const bool verbose = app.args.option("verbose") != nullptr;
  for (const auto& row : rows) {
    const auto start = std::chrono::steady_clock::now();
    const auto r = matcher.match(row.query, row.locale);
    latencies_us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
    const std::string answer = app.core->answer_of(r);
    const bool correct = tally.add(row.topic, r, answer, min_confidence);
    if (!correct && verbose) {
      misses.push_back(Json{{"expected", row.topic}, {"answer", answer}, {"query", row.query},
                            {"confidence", std::round(r.top() * 1000) / 1000}, {"reading", std::string(chat::reading_name(r.reading))}});
    }
  }
  Json out{{"file", p[1]},
           {"rows", tally.real + tally.none_rows},
           {"top1_accuracy", tally.top1_rate()},
           {"top3_accuracy", tally.top3_rate()},
           {"none_rows", tally.none_rows},
           {"none_correct", tally.none_rate()},
           {"questions_answered_none", tally.false_none_rate()},
           {"fraud_rows", tally.fraud_rows},
           {"fraud_to_phishing", tally.fraud_rate()},
           {"latency_p50_us", std::round(percentile(latencies_us, 0.5) * 10) / 10},
           {"latency_p99_us", std::round(percentile(latencies_us, 0.99) * 10) / 10}};
  if (verbose) out["misses"] = misses;
  std::cout << out.dump(verbose ? 1 : -1, ' ', false, Json::error_handler_t::replace) << '\n';
  return kValid;
}

}  // namespace support::cli

namespace support::cli {

int run_chat(const App& app) {
  if (app.args.positional.size() != 1) return usage_error("chat reads its messages from standard input");
  // The state goes through its JSON at every step, as it does between page loads.
  Json step = app.core->chat_start("", app.display_locale(), app.context());
  print_json(step["reply"]);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string state = facade::to_text(step["state"]);
    const bool button = !line.empty() && line[0] == '/';
    step = button ? app.core->chat_button(state, line.substr(1), app.context()) : app.core->chat_text(state, line, app.context());
    print_json(step["reply"]);
  }
  if (app.args.option("state")) print_json(step["state"]);
  return kValid;
}

}  // namespace support::cli
