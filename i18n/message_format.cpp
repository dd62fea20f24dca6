#include "i18n/message_format.hpp"

#include <algorithm>
#include <array>

#include "i18n/plural.hpp"

namespace support::i18n {

namespace {
constexpr int kMaxDepth = 6;
constexpr std::array<std::string_view, 6> kPluralKeywords = {"zero", "one", "two", "few", "many", "other"};

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
}  // namespace

class PatternParser {
 public:
  PatternParser(std::string_view s, std::set<std::string>& arguments) : s_(s), arguments_(arguments) {}

  bool parse(std::vector<MessagePattern::Node>& out, std::string& error) {
    const bool ok = message(out, 0, false) && (pos_ == s_.size() || fail("unmatched '}'"));
    if (!ok) error = "at " + std::to_string(pos_) + ": " + error_;
    return ok;
  }

 private:
  using Node = MessagePattern::Node;
  using ArgType = MessagePattern::ArgType;

  std::string_view s_;
  std::size_t pos_ = 0;
  std::string error_;
  std::set<std::string>& arguments_;

  bool fail(std::string message) {
    error_ = std::move(message);
    return false;
  }
  bool at_end() const { return pos_ >= s_.size(); }
  void skip_spaces() {
    while (!at_end() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\t')) ++pos_;
  }
  std::string word() {
    const std::size_t start = pos_;
    while (!at_end() && is_name_char(s_[pos_])) ++pos_;
    return std::string(s_.substr(start, pos_ - start));
  }
  bool expect(char c) {
    skip_spaces();
    if (at_end() || s_[pos_] != c) return fail(std::string("expected '") + c + "'");
    ++pos_;
    return true;
  }
  static void add_text(std::vector<Node>& out, std::string_view text) {
    if (out.empty() || out.back().kind != Node::Kind::text) out.push_back(Node{});
    out.back().text += text;
  }

  // Text and arguments up to an unmatched '}' (left for the caller) or the end.
  bool message(std::vector<Node>& out, int depth, bool in_plural) {
    if (depth > kMaxDepth) return fail("nesting deeper than " + std::to_string(kMaxDepth));
    while (!at_end()) {
      const char c = s_[pos_];
      if (c == '}') return true;
      if (c == '{') {
        if (!argument(out, depth)) return false;
      } else if (c == '#' && in_plural) {
        out.push_back(Node{Node::Kind::pound, {}, ArgType::none, {}});
        ++pos_;
      } else if (c == '\'') {
        quoted(out, in_plural);
      } else {
        const std::size_t start = pos_;
        while (!at_end() && s_[pos_] != '{' && s_[pos_] != '}' && s_[pos_] != '\'' && !(in_plural && s_[pos_] == '#')) ++pos_;
        add_text(out, s_.substr(start, pos_ - start));
      }
    }
    return true;
  }

  // ICU's apostrophe rule: '' is one apostrophe; an apostrophe before a
  // syntax character quotes up to the next single apostrophe; otherwise it is literal.
  void quoted(std::vector<Node>& out, bool in_plural) {
    ++pos_;
    if (!at_end() && s_[pos_] == '\'') {
      add_text(out, "'");
      ++pos_;
      return;
    }
    const bool syntax = !at_end() && (s_[pos_] == '{' || s_[pos_] == '}' || (in_plural && s_[pos_] == '#'));
    if (!syntax) {
      add_text(out, "'");
      return;
    }
    std::string text;
    while (!at_end()) {
      if (s_[pos_] == '\'') {
        if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '\'') {
          text += '\'';
          pos_ += 2;
          continue;
        }
        ++pos_;
        break;
      }
      text += s_[pos_++];
    }
    add_text(out, text);
  }

  bool argument(std::vector<Node>& out, int depth) {
    ++pos_;  // '{'
    skip_spaces();
    Node node{Node::Kind::argument, word(), ArgType::none, {}};
    if (node.text.empty()) return fail("argument name expected");
    arguments_.insert(node.text);
    skip_spaces();
    if (at_end()) return fail("unterminated argument '" + node.text + "'");
    if (s_[pos_] == '}') {
      ++pos_;
      out.push_back(std::move(node));
      return true;
    }
    if (!expect(',')) return false;
    skip_spaces();
    const std::string type = word();
    if (type == "number") node.type = ArgType::number;
    else if (type == "date") node.type = ArgType::date;
    else if (type == "datetime") node.type = ArgType::datetime;
    else if (type == "filesize") node.type = ArgType::filesize;
    else if (type == "plural") node.type = ArgType::plural;
    else if (type == "select") node.type = ArgType::select;
    else return fail("unknown argument type '" + type + "'");
    if (node.type == ArgType::plural || node.type == ArgType::select) {
      if (!expect(',') || !branches(node, depth)) return false;
    }
    if (!expect('}')) return false;
    out.push_back(std::move(node));
    return true;
  }

  bool branches(Node& node, int depth) {
    const bool plural = node.type == ArgType::plural;
    for (;;) {
      skip_spaces();
      if (at_end()) return fail("unterminated " + std::string(plural ? "plural" : "select"));
      if (s_[pos_] == '}') break;
      std::string key;
      if (plural && s_[pos_] == '=') {
        ++pos_;
        key = "=" + word();
        if (key.size() == 1 || !std::all_of(key.begin() + 1, key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          return fail("'=' must be followed by digits");
        }
      } else {
        key = word();
        if (key.empty()) return fail("branch selector expected");
        if (plural && std::find(kPluralKeywords.begin(), kPluralKeywords.end(), key) == kPluralKeywords.end()) {
          return fail("unknown plural category '" + key + "'");
        }
      }
      for (const auto& b : node.branches) {
        if (b.key == key) return fail("duplicate branch '" + key + "'");
      }
      if (!expect('{')) return false;
      MessagePattern::Branch branch{key, {}};
      if (!message(branch.nodes, depth + 1, plural)) return false;
      if (at_end()) return fail("unterminated branch '" + key + "'");
      ++pos_;  // '}'
      node.branches.push_back(std::move(branch));
    }
    const bool has_other = std::any_of(node.branches.begin(), node.branches.end(), [](const auto& b) { return b.key == "other"; });
    if (!has_other) return fail(std::string(plural ? "plural" : "select") + " needs an 'other' branch");
    return true;
  }
};

std::optional<MessagePattern> MessagePattern::parse(std::string_view pattern, std::string& error) {
  MessagePattern p;
  PatternParser parser(pattern, p.arguments_);
  if (!parser.parse(p.nodes_, error)) return std::nullopt;
  return p;
}

namespace {

using Node = MessagePattern::Node;
using ArgType = MessagePattern::ArgType;

const std::string* find_arg(const Args& args, const std::string& name) {
  for (const auto& [k, v] : args) {
    if (k == name) return &v;
  }
  return nullptr;
}

const std::vector<Node>* choose_plural(const Node& node, const std::string& value, std::string_view locale,
                                       std::vector<std::string>& problems) {
  const auto op = plural_operands(value);
  const std::vector<Node>* other = nullptr;
  const std::vector<Node>* category_branch = nullptr;
  const std::string_view category =
      op ? category_name(plural_category(locale, *op)) : std::string_view("other");
  if (!op) problems.push_back("argument '" + node.text + "' is not a number: " + value);
  for (const auto& b : node.branches) {
    if (op && b.key[0] == '=' && op->v == 0 && std::to_string(op->i) == b.key.substr(1)) return &b.nodes;
    if (b.key == category) category_branch = &b.nodes;
    if (b.key == "other") other = &b.nodes;
  }
  return category_branch ? category_branch : other;
}

void format_nodes(const std::vector<Node>& nodes, const Args& args, const ValueFormatter& f, const std::string* pound,
                  std::string& out, std::vector<std::string>& problems) {
  for (const Node& node : nodes) {
    if (node.kind == Node::Kind::text) {
      out += node.text;
      continue;
    }
    if (node.kind == Node::Kind::pound) {
      const auto n = pound ? f.number(*pound) : std::nullopt;
      out += n ? *n : (pound ? *pound : "#");
      continue;
    }
    const std::string* value = find_arg(args, node.text);
    if (!value) {
      problems.push_back("missing argument '" + node.text + "'");
      out += "{" + node.text + "}";
      continue;
    }
    std::optional<std::string> typed;
    switch (node.type) {
      case ArgType::none: out += *value; continue;
      case ArgType::number: typed = f.number(*value); break;
      case ArgType::date: typed = f.date(*value); break;
      case ArgType::datetime: typed = f.datetime(*value); break;
      case ArgType::filesize: typed = f.file_size(*value); break;
      case ArgType::plural:
        format_nodes(*choose_plural(node, *value, f.locale(), problems), args, f, value, out, problems);
        continue;
      case ArgType::select: {
        const std::vector<Node>* chosen = nullptr;
        for (const auto& b : node.branches) {
          if (b.key == *value || (!chosen && b.key == "other")) chosen = &b.nodes;
        }
        format_nodes(*chosen, args, f, pound, out, problems);
        continue;
      }
    }
    if (!typed) problems.push_back("argument '" + node.text + "' cannot be formatted: " + *value);
    out += typed ? *typed : *value;
  }
}

}  // namespace

void MessagePattern::format(const Args& args, const ValueFormatter& formatter, std::string& out,
                            std::vector<std::string>& problems) const {
  format_nodes(nodes_, args, formatter, nullptr, out, problems);
}

}  // namespace support::i18n
