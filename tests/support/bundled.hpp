// The configuration built from the bundled data files, loaded once per test binary.
#pragma once

#include "forms/forms_config.hpp"

namespace support::test {

const forms::FormsConfig& forms_config();

}  // namespace support::test
