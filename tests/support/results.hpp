// Short forms of a validator's result for assertions: "ok" or the error code,
// the value or "error: <code>".
#pragma once

#include <string>

#include "forms/issue.hpp"

namespace support::test {

inline std::string code_of(const forms::Result& r) { return r.ok() ? "ok" : r.issue->code; }
inline std::string value_of(const forms::Result& r) { return r.ok() ? r.value : "error: " + r.issue->code; }

}  // namespace support::test
