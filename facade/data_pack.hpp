// Data packs: the data files as the browser fetches them. The build splits the
// files into packs (shared forms data, the chat's base, and each locale's
// texts) so a page downloads only what it shows; the page hands the packs to
// the module, which merges them back into the files the core loads. A pack is
//   {"format": "support-data/1", "files": {"forms/schemas/feedback.json": {...}, ...}}
// A file in two packs is merged: objects key by key, arrays element by element
// (elements with an "id" must agree), so the texts of a locale slot into the
// topics they belong to.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/config.hpp"

namespace support::facade {

class DataPacks {
 public:
  // Adds one pack; "" when done, else why not ("pack: /files/x.json/topics/3/id: …"),
  // and then nothing of that pack is kept.
  std::string add(std::string_view pack_json);

  // The merged files, serialised; valid until the next add().
  const DataFiles& files();

 private:
  std::map<std::string, nlohmann::json> merged_;
  std::map<std::string, std::string> texts_;
  DataFiles files_;
  bool dirty_ = true;
};

// Merges `overlay` into `base`; false and `error` ("/topics/3/id: …") on a conflict.
bool merge_json(nlohmann::json& base, const nlohmann::json& overlay, const std::string& pointer, std::string& error);

}  // namespace support::facade
