// The default data files (schemas, policies, catalogs, knowledge base),
// compiled in by the build. Paths are relative to the repository root, e.g.
// "forms/schemas/feedback.json". A portal team edits the files; the build
// carries them to the CLI, the server and the WASM module.
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace support::bundle {

const std::vector<std::pair<std::string_view, std::string_view>>& all_files();

// Content of a bundled file, or nullopt.
std::optional<std::string_view> file(std::string_view path);

}  // namespace support::bundle
