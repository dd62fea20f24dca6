// Files made by the tests themselves: real minimal PDF, JPEG, PNG and DOCX
// (valid structure, correct checksums), and the spoofs an attacker or an
// unlucky upload would produce.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace support::test {

std::string make_pdf();
std::string make_jpeg();  // 8x8 grey baseline JPEG
std::string make_png();   // 1x1 RGB PNG with correct CRCs and zlib stream
// A ZIP with stored entries, central directory and end record.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries);
std::string make_docx(bool with_macros = false);
std::string make_xlsx();
std::string make_pe();    // Windows executable header
std::string make_elf();
std::string make_html();
std::string make_svg();   // with a script, as an attacker would send it

std::string crc32_of(const std::string& data);  // 4 bytes, big-endian (PNG order)

}  // namespace support::test
