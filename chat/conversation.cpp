#include "chat/conversation.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "text/utf8.hpp"

namespace support::chat {

namespace {

constexpr std::array<std::pair<Stage, std::string_view>, 4> kStages = {{
    {Stage::start, "start"}, {Stage::answered, "answered"}, {Stage::clarifying, "clarifying"}, {Stage::escalated, "escalated"},
}};

bool is_short_id(const std::string& s) {
  return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  });
}

}  // namespace

std::string_view stage_name(Stage s) {
  for (const auto& [stage, name] : kStages) {
    if (stage == s) return name;
  }
  return "start";
}

void ConversationState::record(bool from_user, std::string text) {
  transcript.push_back({from_user, text::cut_utf8(text, kMaxEntryBytes)});
  if (transcript.size() > kMaxTranscript) transcript.erase(transcript.begin());
}

nlohmann::json ConversationState::to_json() const {
  nlohmann::json t = nlohmann::json::array();
  for (const auto& e : transcript) t.push_back({{"from", e.from_user ? "user" : "bot"}, {"text", e.text}});
  return {{"version", 1},         {"locale", locale},   {"stage", stage_name(stage)}, {"topic", topic},
          {"options", options},   {"transcript", t},    {"privacy_warned", privacy_warned}};
}

std::optional<ConversationState> ConversationState::from_json(const nlohmann::json& j, std::string& error) {
  auto fail = [&](std::string message) {
    error = std::move(message);
    return std::nullopt;
  };
  if (!j.is_object()) return fail("/: expected an object");
  for (const auto& [key, _] : j.items()) {
    static const std::array<std::string_view, 7> kKeys = {"version", "locale", "stage", "topic", "options", "transcript", "privacy_warned"};
    if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) return fail("/" + key + ": unknown key");
  }
  ConversationState s;
  if (!j.contains("version") || j["version"] != 1) return fail("/version: expected 1");
  const auto string_at = [&](const char* key, std::string& out) {
    if (!j.contains(key) || !j[key].is_string()) return false;
    out = j[key].get<std::string>();
    return true;
  };
  if (!string_at("locale", s.locale) || s.locale.size() > 8) return fail("/locale: expected a locale");
  std::string stage;
  if (!string_at("stage", stage)) return fail("/stage: expected a string");
  const auto it = std::find_if(kStages.begin(), kStages.end(), [&](const auto& p) { return p.second == stage; });
  if (it == kStages.end()) return fail("/stage: unknown stage \"" + text::cut_utf8(stage, 32) + "\"");
  s.stage = it->first;
  if (!string_at("topic", s.topic) || (!s.topic.empty() && !is_short_id(s.topic))) return fail("/topic: expected a topic id");
  if (!j.contains("options") || !j["options"].is_array() || j["options"].size() > 5) return fail("/options: expected up to 5 topic ids");
  for (std::size_t i = 0; i < j["options"].size(); ++i) {
    const auto& o = j["options"][i];
    if (!o.is_string() || !is_short_id(o.get<std::string>())) return fail("/options/" + std::to_string(i) + ": expected a topic id");
    s.options.push_back(o.get<std::string>());
  }
  if (!j.contains("transcript") || !j["transcript"].is_array() || j["transcript"].size() > kMaxTranscript) {
    return fail("/transcript: expected at most " + std::to_string(kMaxTranscript) + " entries");
  }
  for (std::size_t i = 0; i < j["transcript"].size(); ++i) {
    const auto& e = j["transcript"][i];
    const std::string at = "/transcript/" + std::to_string(i);
    if (!e.is_object() || e.size() != 2 || !e.contains("from") || !e.contains("text")) return fail(at + ": expected {from, text}");
    if (!e["text"].is_string()) return fail(at + "/text: expected a string");
    if (e["from"] != "user" && e["from"] != "bot") return fail(at + "/from: expected user or bot");
    s.record(e["from"] == "user", e["text"].get<std::string>());
  }
  if (!j.contains("privacy_warned") || !j["privacy_warned"].is_boolean()) return fail("/privacy_warned: expected true or false");
  s.privacy_warned = j["privacy_warned"].get<bool>();
  return s;
}

}  // namespace support::chat
