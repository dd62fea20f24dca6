// The labelled evaluation sets (chat/eval/dev/*.tsv: development sets, tuned
// against; chat/eval/heldout/*.tsv: blind sets, measured once and frozen), read
// for the tests. Header-only: a few lines shared by two test binaries.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace support::test {

struct EvalRow {
  std::string topic, locale, query;
  std::size_t line = 0;
};

struct EvalSet {
  std::string name;  // "dev/queries-a"
  std::vector<EvalRow> rows;
  bool header_ok = false;
};

inline EvalSet read_eval_set(const std::string& root, const std::string& name) {
  EvalSet set{name, {}, false};
  std::ifstream in(root + "/chat/eval/" + name + ".tsv");
  std::string line;
  if (!std::getline(in, line)) return set;
  set.header_ok = line == "topic\tlocale\tquery";
  for (std::size_t n = 2; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    EvalRow row;
    row.line = n;
    const auto a = line.find('\t');
    const auto b = a == std::string::npos ? a : line.find('\t', a + 1);
    if (b == std::string::npos) {
      row.query = line;  // malformed: reported by the format test
    } else {
      row.topic = line.substr(0, a);
      row.locale = line.substr(a + 1, b - a - 1);
      row.query = line.substr(b + 1);
    }
    set.rows.push_back(std::move(row));
  }
  return set;
}

// Names ("dev/queries-a", "heldout/queries-g") of every set in a folder, sorted.
inline std::vector<std::string> eval_set_names(const std::string& root, const std::string& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(root + "/chat/eval/" + folder)) {
    if (entry.path().extension() == ".tsv") names.push_back(folder + "/" + entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace support::test
