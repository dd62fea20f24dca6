#include "tests/support/fixtures.hpp"

#include <array>
#include <cstdint>

namespace support::test {

namespace {

std::uint32_t crc32(const std::string& data) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : data) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}
std::string le16(std::uint32_t v) { return {static_cast<char>(v), static_cast<char>(v >> 8)}; }
std::string le32(std::uint32_t v) { return le16(v & 0xFFFF) + le16(v >> 16); }

std::string png_chunk(const std::string& type, const std::string& data) {
  return be32(static_cast<std::uint32_t>(data.size())) + type + data + be32(crc32(type + data));
}

std::uint32_t adler32(const std::string& data) {
  std::uint32_t a = 1, b = 0;
  for (unsigned char c : data) {
    a = (a + c) % 65521;
    b = (b + a) % 65521;
  }
  return b << 16 | a;
}

}  // namespace

std::string crc32_of(const std::string& data) { return be32(crc32(data)); }

std::string make_pdf() {
  std::string body =
      "%PDF-1.4\n"
      "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n";
  const std::size_t xref = body.size();
  body += "xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n \n";
  body += "trailer << /Size 4 /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return body;
}

std::string make_jpeg() {
  std::string j = "\xFF\xD8";                                           // SOI
  j += std::string("\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 18);  // APP0
  j += std::string("\xFF\xDB\x00\x43\x00", 5) + std::string(64, '\x01');  // DQT: all ones
  j += std::string("\xFF\xC0\x00\x0B\x08\x00\x08\x00\x08\x01\x01\x11\x00", 13);  // SOF0 8x8 grey
  // One-symbol Huffman tables: DC category 0 and AC end-of-block, both coded "0".
  j += std::string("\xFF\xC4\x00\x14\x00\x01", 6) + std::string(15, '\x00') + std::string(1, '\x00');
  j += std::string("\xFF\xC4\x00\x14\x10\x01", 6) + std::string(15, '\x00') + std::string(1, '\x00');
  j += std::string("\xFF\xDA\x00\x08\x01\x01\x00\x00\x3F\x00", 10);  // SOS
  j += "\x3F";                                                         // "00" + padding ones
  j += "\xFF\xD9";                                                     // EOI
  return j;
}

std::string make_png() {
  const std::string ihdr = be32(1) + be32(1) + std::string("\x08\x02\x00\x00\x00", 5);  // 1x1, 8-bit RGB
  const std::string raw("\x00\xC0\x40\x20", 4);  // filter byte + one pixel
  // zlib stream with one stored (uncompressed) deflate block.
  std::string z("\x78\x01\x01", 3);
  z += le16(static_cast<std::uint32_t>(raw.size())) + le16(static_cast<std::uint32_t>(~raw.size() & 0xFFFF));
  z += raw + be32(adler32(raw));
  return "\x89PNG\r\n\x1A\n" + png_chunk("IHDR", ihdr) + png_chunk("IDAT", z) + png_chunk("IEND", "");
}

std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string local, central;
  for (const auto& [name, data] : entries) {
    const auto offset = static_cast<std::uint32_t>(local.size());
    const auto size = static_cast<std::uint32_t>(data.size());
    const auto name_len = static_cast<std::uint32_t>(name.size());
    const std::uint32_t crc = crc32(data);
    local += "PK\x03\x04" + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(crc) + le32(size) +
             le32(size) + le16(name_len) + le16(0) + name + data;
    central += "PK\x01\x02" + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(crc) +
               le32(size) + le32(size) + le16(name_len) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) +
               le32(offset) + name;
  }
  const auto count = static_cast<std::uint32_t>(entries.size());
  const std::string end = "PK\x05\x06" + le16(0) + le16(0) + le16(count) + le16(count) +
                          le32(static_cast<std::uint32_t>(central.size())) +
                          le32(static_cast<std::uint32_t>(local.size())) + le16(0);
  return local + central + end;
}

std::string make_docx(bool with_macros) {
  std::vector<std::pair<std::string, std::string>> entries = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
       "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
       "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"},
      {"_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>"},
      {"word/document.xml",
       "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
       "<w:body><w:p><w:r><w:t>Заявление</w:t></w:r></w:p></w:body></w:document>"},
  };
  if (with_macros) entries.push_back({"word/vbaProject.bin", std::string(64, '\x01')});
  return make_zip(entries);
}

std::string make_xlsx() {
  return make_zip({{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<workbook/>"}});
}

std::string make_pe() {
  std::string pe = "MZ" + std::string(58, '\x00') + le32(64);
  pe += "PE\x00\x00" + std::string(200, '\x00');
  return pe;
}

std::string make_elf() { return "\x7F" "ELF\x02\x01\x01" + std::string(120, '\x00'); }

std::string make_html() {
  return "\xEF\xBB\xBF\n  <!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>\n";
}

std::string make_svg() {
  return "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">"
         "<script>fetch('//evil')</script></svg>\n";
}

}  // namespace support::test
