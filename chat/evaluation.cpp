#include "chat/evaluation.hpp"

#include <algorithm>
#include <cmath>

namespace support::chat {

namespace {

std::vector<std::string> split_tab(std::string_view line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == '\t') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

}  // namespace

std::vector<LabelledRow> read_labelled_rows(std::string_view tsv, std::string& error) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < tsv.size();) {
    auto end = tsv.find('\n', start);
    if (end == std::string_view::npos) end = tsv.size();
    auto line = tsv.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  if (lines.empty()) {
    error = "empty file";
    return {};
  }
  const auto header = split_tab(lines.front());
  const auto column = [&](const char* name) {
    const auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : static_cast<int>(it - header.begin());
  };
  const int topic = column("topic"), locale = column("locale"), query = column("query");
  if (topic < 0 || locale < 0 || query < 0) {
    error = "needs columns topic, locale, query";
    return {};
  }
  std::vector<LabelledRow> rows;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    const auto cells = split_tab(lines[i]);
    const auto cell = [&](int c) { return c < static_cast<int>(cells.size()) ? cells[static_cast<std::size_t>(c)] : std::string(); };
    rows.push_back({cell(topic), cell(locale), cell(query)});
  }
  return rows;
}

bool EvalTally::add(const std::string& expected, const MatchResult& r, const std::string& answer, double min_confidence) {
  if (expected == "none") {
    ++none_rows;
    none_right += answer == "none";
    return answer == "none";
  }
  ++real;
  const bool correct = answer == expected;
  top1 += correct;
  false_none += answer == "none";
  bool in_top3 = false;
  for (std::size_t i = 0; i < r.ranked.size() && i < 3; ++i) {
    in_top3 |= r.ranked[i].topic == expected && r.ranked[i].confidence >= min_confidence;
  }
  top3 += in_top3;
  if (expected == "security.phishing") ++fraud_rows, fraud_warned += correct;
  return correct;
}

double EvalTally::share(std::size_t n, std::size_t of) {
  return of ? std::round(1000.0 * static_cast<double>(n) / static_cast<double>(of)) / 1000 : 0.0;
}

}  // namespace support::chat
