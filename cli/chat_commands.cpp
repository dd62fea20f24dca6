// match and eval: the intent matcher on the command line and its measurement.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "cli/commands.hpp"

namespace support::cli {

namespace {

std::vector<std::string> split_tab(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const auto tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return out;
    start = tab + 1;
  }
}

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

  std::istringstream in(*content);
  std::string line;
  if (!std::getline(in, line)) return usage_error(p[1] + ": empty file");
  const auto header = split_tab(line);
  const auto column = [&](const char* name) {
    const auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : static_cast<int>(it - header.begin());
  };
  const int topic_col = column("topic"), locale_col = column("locale"), query_col = column("query");
  if (topic_col < 0 || locale_col < 0 || query_col < 0) return usage_error(p[1] + ": needs columns topic, locale, query");

  std::size_t real = 0, top1 = 0, top3 = 0, none_rows = 0, none_right = 0, false_none = 0;
  std::size_t fraud_rows = 0, fraud_warned = 0;  // rows labelled security.phishing, and those answered with it
  std::vector<double> latencies_us;
  Json misses = Json::array();
  const bool verbose = app.args.option("verbose") != nullptr;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto cells = split_tab(line);
    const auto cell = [&](int c) { return c < static_cast<int>(cells.size()) ? cells[static_cast<std::size_t>(c)] : std::string(); };
    const std::string expected = cell(topic_col), locale = cell(locale_col), query = cell(query_col);
    const auto start = std::chrono::steady_clock::now();
    const auto r = matcher.match(query, locale);
    latencies_us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
    const std::string answer = app.core->answer_of(r);
    bool correct;
    if (expected == "none") {
      ++none_rows;
      correct = answer == "none";
      none_right += correct;
    } else {
      ++real;
      correct = answer == expected;
      top1 += correct;
      false_none += answer == "none";
      bool in_top3 = false;
      for (std::size_t i = 0; i < r.ranked.size() && i < 3; ++i) {
        in_top3 |= r.ranked[i].topic == expected && r.ranked[i].confidence >= min_confidence;
      }
      top3 += in_top3;
      if (expected == "security.phishing") ++fraud_rows, fraud_warned += correct;
    }
    if (!correct && verbose) {
      misses.push_back(Json{{"expected", expected}, {"answer", answer}, {"query", query},
                            {"confidence", std::round(r.top() * 1000) / 1000}, {"reading", std::string(chat::reading_name(r.reading))}});
    }
  }
  const auto share = [](std::size_t a, std::size_t b) { return b ? std::round(1000.0 * static_cast<double>(a) / static_cast<double>(b)) / 1000 : 0.0; };
  Json out{{"file", p[1]},
           {"rows", real + none_rows},
           {"top1_accuracy", share(top1, real)},
           {"top3_accuracy", share(top3, real)},
           {"none_rows", none_rows},
           {"none_correct", share(none_right, none_rows)},
           {"questions_answered_none", share(false_none, real)},
           {"fraud_rows", fraud_rows},
           {"fraud_to_phishing", share(fraud_warned, fraud_rows)},
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
