// How well the matcher answers a labelled set of messages: one definition of
// the figures for `supportctl eval`, chat-train's cross-validation and the
// tests. A row labelled "none" is a message that is not ours.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "chat/matcher.hpp"

namespace support::chat {

// Rows of a TSV with columns topic, locale, query (any order, by the header).
struct LabelledRow {
  std::string topic, locale, query;
};
// The rows, or an error naming what is wrong ("needs columns topic, locale, query").
std::vector<LabelledRow> read_labelled_rows(std::string_view tsv, std::string& error);

struct EvalTally {
  std::size_t real = 0, top1 = 0, top3 = 0, none_rows = 0, none_right = 0, false_none = 0;
  std::size_t fraud_rows = 0, fraud_warned = 0;  // rows labelled security.phishing, and those answered with it

  // Counts one row; `answer` is the topic the dialogue would answer with, or
  // "none". True when the answer is right.
  bool add(const std::string& expected, const MatchResult& r, const std::string& answer, double min_confidence);

  // Shares rounded to 3 decimals (0 of an empty set).
  static double share(std::size_t n, std::size_t of);
  double top1_rate() const { return share(top1, real); }
  double top3_rate() const { return share(top3, real); }
  double none_rate() const { return share(none_right, none_rows); }
  double false_none_rate() const { return share(false_none, real); }
  double fraud_rate() const { return share(fraud_warned, fraud_rows); }
};

}  // namespace support::chat
