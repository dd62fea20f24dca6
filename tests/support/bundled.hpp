// The configuration built from the bundled data files, loaded once per test binary.
#pragma once

#include "forms/forms_config.hpp"
#include "i18n/messages.hpp"

#include <string>

namespace support::test {

const forms::FormsConfig& forms_config();
const i18n::Messages& messages();

// The content of a bundled data file.
std::string bundled_text(const std::string& path);

}  // namespace support::test
