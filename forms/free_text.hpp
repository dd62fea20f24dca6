// Free text such as a request's subject and description: any printable
// Unicode (emoji included), line breaks only where the field is multi-line,
// no control or bidi-override characters, and something to read in it.
#pragma once

#include <cstddef>
#include <string_view>

#include "forms/issue.hpp"

namespace support::forms::free_text {

struct Rules {
  std::size_t min_length = 0;     // code points, after trimming
  std::size_t max_length = 1000;  // code points
  bool multiline = false;
};

// Value: trimmed, CRLF turned into LF. Codes: input.*, text.too_short {min},
// text.too_long {max}, text.no_letters.
Result validate(std::string_view text, const Rules& rules);

}  // namespace support::forms::free_text
