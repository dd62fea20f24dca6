#include "forms/file_type.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <utility>

#include "text/chars.hpp"

namespace support::forms::attachment {

namespace {

constexpr std::array<std::pair<FileType, std::string_view>, 17> kNames = {{
    {FileType::unknown, "unknown"}, {FileType::pdf, "pdf"},       {FileType::jpeg, "jpeg"},
    {FileType::png, "png"},         {FileType::docx, "docx"},     {FileType::docm, "docm"},
    {FileType::office_other, "office"}, {FileType::zip, "zip"},   {FileType::archive, "archive"},
    {FileType::gif, "gif"},         {FileType::bmp, "bmp"},       {FileType::webp, "webp"},
    {FileType::tiff, "tiff"},       {FileType::heic, "heic"},     {FileType::executable, "executable"},
    {FileType::html, "html"},       {FileType::svg, "svg"},
}};

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string_view tail(std::string_view s, std::size_t n) { return s.size() > n ? s.substr(s.size() - n) : s; }

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::uint32_t le16(std::string_view s, std::size_t at) {
  return static_cast<unsigned char>(s[at]) | static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8;
}
std::uint32_t le32(std::string_view s, std::size_t at) { return le16(s, at) | le16(s, at + 2) << 16; }

// Reads the ZIP central directory to tell a Word document from other ZIPs.
Sniffed sniff_zip(std::string_view b) {
  constexpr std::size_t kEocdSize = 22, kMaxComment = 65535, kEntrySize = 46, kMaxEntries = 20000;
  const std::string_view search = tail(b, kEocdSize + kMaxComment);
  const std::size_t found = search.rfind(std::string_view("PK\x05\x06", 4));
  if (found == std::string_view::npos || search.size() - found < kEocdSize) return {FileType::zip, true};
  const std::size_t eocd = b.size() - search.size() + found;
  const std::uint32_t entries = le16(b, eocd + 10);
  const std::uint32_t dir_size = le32(b, eocd + 12);
  const std::uint32_t dir_offset = le32(b, eocd + 16);
  if (static_cast<std::uint64_t>(dir_offset) + dir_size > eocd) return {FileType::zip, true};

  bool document = false, content_types = false, macros = false, other_office = false;
  std::size_t pos = dir_offset;
  for (std::uint32_t i = 0; i < entries && i < kMaxEntries; ++i) {
    if (pos + kEntrySize > eocd || b.substr(pos, 4) != std::string_view("PK\x01\x02", 4)) {
      return {FileType::zip, true};
    }
    const std::size_t name_len = le16(b, pos + 28), extra_len = le16(b, pos + 30), comment_len = le16(b, pos + 32);
    if (pos + kEntrySize + name_len > eocd) return {FileType::zip, true};
    const std::string_view name = b.substr(pos + kEntrySize, name_len);
    document |= name == "word/document.xml";
    content_types |= name == "[Content_Types].xml";
    macros |= name == "word/vbaProject.bin";
    other_office |= name == "xl/workbook.xml" || name == "ppt/presentation.xml";
    pos += kEntrySize + name_len + extra_len + comment_len;
  }
  if (document && content_types) return {macros ? FileType::docm : FileType::docx, false};
  if (other_office && content_types) return {FileType::office_other, false};
  return {FileType::zip, false};
}

bool looks_like_markup(std::string_view head, std::string_view tag) {
  return lower_ascii(head).find(tag) != std::string::npos;
}

}  // namespace

std::string_view type_name(FileType type) {
  for (const auto& [t, name] : kNames) {
    if (t == type) return name;
  }
  return "unknown";
}

std::optional<FileType> type_from_name(std::string_view name) {
  for (const auto& [t, n] : kNames) {
    if (n == name) return t;
  }
  return std::nullopt;
}

Sniffed sniff(std::string_view b) {
  if (b.empty()) return {};
  // Executables first: whatever else they claim to be.
  if (starts_with(b, "MZ") || starts_with(b, "\x7f" "ELF") || starts_with(b, "#!") ||
      starts_with(b, "\xfe\xed\xfa\xce") || starts_with(b, "\xfe\xed\xfa\xcf") || starts_with(b, "\xce\xfa\xed\xfe") ||
      starts_with(b, "\xcf\xfa\xed\xfe") || starts_with(b, "\xca\xfe\xba\xbe")) {
    return {FileType::executable, false};
  }
  if (starts_with(b, "%PDF-")) {
    return {FileType::pdf, tail(b, 1024).find("%%EOF") == std::string_view::npos};
  }
  if (starts_with(b, "\xff\xd8\xff")) {
    return {FileType::jpeg, tail(b, 64).find("\xff\xd9") == std::string_view::npos};
  }
  if (starts_with(b, "\x89PNG\r\n\x1a\n")) {
    const bool header = b.size() >= 16 && b.substr(12, 4) == "IHDR";
    return {FileType::png, !header || tail(b, 64).find("IEND") == std::string_view::npos};
  }
  if (starts_with(b, std::string_view("PK\x03\x04", 4)) || starts_with(b, std::string_view("PK\x05\x06", 4))) {
    return sniff_zip(b);
  }
  if (starts_with(b, "GIF87a") || starts_with(b, "GIF89a")) return {FileType::gif, false};
  if (starts_with(b, "BM") && b.size() >= 14) return {FileType::bmp, false};
  if (starts_with(b, "RIFF") && b.size() >= 12 && b.substr(8, 4) == "WEBP") return {FileType::webp, false};
  if (starts_with(b, std::string_view("II*\0", 4)) || starts_with(b, std::string_view("MM\0*", 4))) {
    return {FileType::tiff, false};
  }
  if (b.size() >= 12 && b.substr(4, 4) == "ftyp" && (b.substr(8, 4) == "heic" || b.substr(8, 4) == "mif1")) {
    return {FileType::heic, false};
  }
  if (starts_with(b, "Rar!\x1a\x07") || starts_with(b, "7z\xbc\xaf\x27\x1c") || starts_with(b, "\x1f\x8b")) {
    return {FileType::archive, false};
  }
  // Markup: skip a BOM and leading whitespace, then look at the first kilobytes.
  std::string_view text = b;
  if (starts_with(text, "\xef\xbb\xbf")) text.remove_prefix(3);
  while (!text.empty() && (text[0] == ' ' || text[0] == '\n' || text[0] == '\r' || text[0] == '\t')) {
    text.remove_prefix(1);
  }
  const std::string_view head = text.substr(0, 4096);
  if (starts_with(text, "<")) {
    if (looks_like_markup(head, "<svg")) return {FileType::svg, false};
    for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<meta"}) {
      if (looks_like_markup(head, tag)) return {FileType::html, false};
    }
  }
  return {};
}

std::optional<FileType> type_from_extension(std::string_view file_name) {
  const auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const std::string ext = lower_ascii(file_name.substr(dot + 1));
  if (ext == "pdf") return FileType::pdf;
  if (ext == "jpg" || ext == "jpeg" || ext == "jpe" || ext == "jfif") return FileType::jpeg;
  if (ext == "png") return FileType::png;
  if (ext == "docx") return FileType::docx;
  if (ext == "docm") return FileType::docm;
  if (ext == "zip") return FileType::zip;
  if (ext == "gif") return FileType::gif;
  if (ext == "bmp") return FileType::bmp;
  if (ext == "webp") return FileType::webp;
  if (ext == "tif" || ext == "tiff") return FileType::tiff;
  if (ext == "heic" || ext == "heif") return FileType::heic;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return FileType::html;
  if (ext == "svg" || ext == "svgz") return FileType::svg;
  if (ext == "exe" || ext == "dll" || ext == "scr" || ext == "bat" || ext == "cmd" || ext == "com" || ext == "msi" ||
      ext == "js" || ext == "vbs" || ext == "ps1" || ext == "sh" || ext == "jar" || ext == "apk" || ext == "elf") {
    return FileType::executable;
  }
  return FileType::unknown;
}

std::optional<FileType> type_from_mime(std::string_view mime) {
  std::string m = lower_ascii(mime.substr(0, mime.find(';')));
  while (!m.empty() && m.back() == ' ') m.pop_back();
  if (m.empty() || m == "application/octet-stream" || m == "binary/octet-stream") return std::nullopt;
  if (m == "application/pdf" || m == "application/x-pdf") return FileType::pdf;
  if (m == "image/jpeg" || m == "image/jpg" || m == "image/pjpeg") return FileType::jpeg;
  if (m == "image/png" || m == "image/x-png") return FileType::png;
  if (m == "application/vnd.openxmlformats-officedocument.wordprocessingml.document") return FileType::docx;
  if (m == "application/vnd.ms-word.document.macroenabled.12") return FileType::docm;
  if (m == "application/zip" || m == "application/x-zip-compressed") return FileType::zip;
  if (m == "image/gif") return FileType::gif;
  if (m == "image/bmp") return FileType::bmp;
  if (m == "image/webp") return FileType::webp;
  if (m == "image/tiff") return FileType::tiff;
  if (m == "image/heic" || m == "image/heif") return FileType::heic;
  if (m == "text/html" || m == "application/xhtml+xml") return FileType::html;
  if (m == "image/svg+xml") return FileType::svg;
  if (m == "application/x-msdownload" || m == "application/x-executable" || m == "application/x-sh" ||
      m == "application/javascript" || m == "text/javascript" || m == "application/java-archive") {
    return FileType::executable;
  }
  return FileType::unknown;
}

}  // namespace support::forms::attachment
