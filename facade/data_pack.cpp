#include "facade/data_pack.hpp"

namespace support::facade {

using nlohmann::json;

bool merge_json(json& base, const json& overlay, const std::string& pointer, std::string& error) {
  if (base.is_object() && overlay.is_object()) {
    for (const auto& [key, value] : overlay.items()) {
      if (!base.contains(key)) {
        base[key] = value;
      } else if (!merge_json(base[key], value, pointer + "/" + key, error)) {
        return false;
      }
    }
    return true;
  }
  if (base.is_array() && overlay.is_array()) {
    if (base.size() != overlay.size()) {
      error = pointer + ": " + std::to_string(overlay.size()) + " elements, the file has " + std::to_string(base.size());
      return false;
    }
    for (std::size_t i = 0; i < base.size(); ++i) {
      if (!merge_json(base[i], overlay[i], pointer + "/" + std::to_string(i), error)) return false;
    }
    return true;
  }
  if (base == overlay) return true;
  error = pointer + ": differs between packs";
  return false;
}

std::string DataPacks::add(std::string_view pack_json) {
  json pack = json::parse(pack_json, nullptr, false);
  if (pack.is_discarded()) return "pack: not JSON";
  if (!pack.is_object() || pack.value("format", json()) != "support-data/1") return "pack: /format: expected \"support-data/1\"";
  if (!pack.contains("files") || !pack["files"].is_object()) return "pack: /files: expected an object";
  // Merge into copies of only the files the pack touches, so a bad pack
  // leaves the loaded ones as they were, without copying all of them.
  std::map<std::string, json> staged;
  for (auto& [path, content] : pack["files"].items()) {
    std::string error;
    auto it = merged_.find(path);
    if (it == merged_.end()) {
      staged.emplace(path, std::move(content));
      continue;
    }
    json copy = it->second;
    if (!merge_json(copy, content, "", error)) return path + ": " + error;
    staged.emplace(path, std::move(copy));
  }
  for (auto& [path, content] : staged) {
    texts_.erase(path);  // serialised again by files()
    merged_[path] = std::move(content);
  }
  dirty_ = true;
  return {};
}

const DataFiles& DataPacks::files() {
  if (!dirty_) return files_;
  files_.clear();
  for (const auto& [path, content] : merged_) {
    auto text = texts_.find(path);
    if (text == texts_.end()) text = texts_.emplace(path, content.dump()).first;
    files_.emplace_back(path, text->second);
  }
  dirty_ = false;
  return files_;
}

}  // namespace support::facade
