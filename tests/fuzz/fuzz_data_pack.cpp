// Data packs as a page hands them to the WASM module: any bytes, any JSON.
// A refused pack leaves the packs added before it as they were; the merged
// files are valid JSON; loading the core from them never crashes.
#include <nlohmann/json.hpp>

#include "facade/data_pack.hpp"
#include "facade/facade.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace support;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto p = fuzz::parts(data, size, 3);
  facade::DataPacks packs;
  for (const auto& pack : p) {
    std::vector<std::string> before;
    for (const auto& [path, text] : packs.files()) before.emplace_back(text);
    const std::string error = packs.add(pack);
    if (!error.empty()) {
      std::vector<std::string> after;
      for (const auto& [path, text] : packs.files()) after.emplace_back(text);
      FUZZ_CHECK(before == after);
    }
  }
  for (const auto& [path, text] : packs.files()) FUZZ_CHECK(!nlohmann::json::parse(text, nullptr, false).is_discarded());
  std::string error;
  (void)facade::Facade::load(packs.files(), error);
  return 0;
}
