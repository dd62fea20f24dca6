// The state of one conversation: a plain value the JS side stores between
// page loads (JSON). Restoring treats the JSON as untrusted: wrong types,
// unknown stages or oversize transcripts give an error, never a crash.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace support::chat {

enum class Stage { start, answered, clarifying, escalated };
std::string_view stage_name(Stage s);

struct TranscriptEntry {
  bool from_user = false;
  std::string text;  // secrets masked
};

struct ConversationState {
  static constexpr std::size_t kMaxTranscript = 60;        // entries kept, oldest dropped
  static constexpr std::size_t kMaxEntryBytes = 4000;      // longer texts are cut

  std::string locale = "ru";
  Stage stage = Stage::start;
  std::string topic;                  // the topic last answered
  std::vector<std::string> options;   // topics offered by a clarifying question
  std::vector<TranscriptEntry> transcript;
  bool privacy_warned = false;

  void record(bool from_user, std::string text);

  nlohmann::json to_json() const;
  // nullopt and `error` ("/transcript/3/text: expected a string") when malformed.
  static std::optional<ConversationState> from_json(const nlohmann::json& j, std::string& error);
};

}  // namespace support::chat
