// What a file really is, decided from its bytes, never from its name: a
// renamed executable, an HTML or SVG page (script), a truncated upload are
// each recognised.
#pragma once

#include <optional>
#include <string_view>

namespace support::forms::attachment {

enum class FileType {
  unknown,
  pdf,
  jpeg,
  png,
  docx,
  docm,          // Word document with macros
  office_other,  // xlsx, pptx
  zip,
  archive,       // rar, 7z, gzip
  gif,
  bmp,
  webp,
  tiff,
  heic,
  executable,    // PE, ELF, Mach-O, Java class, scripts with #!
  html,
  svg,
};

std::string_view type_name(FileType type);
std::optional<FileType> type_from_name(std::string_view name);  // "pdf" -> pdf

struct Sniffed {
  FileType type = FileType::unknown;
  bool truncated = false;  // the format's end marker is missing
};

// Looks at the signature, the end marker and, for ZIP containers, the
// central directory. Bounds-checked throughout: any bytes are safe.
Sniffed sniff(std::string_view bytes);

// The type a file name's extension claims ("Скан.JPG" -> jpeg), if known.
std::optional<FileType> type_from_extension(std::string_view file_name);
// The type a MIME type claims; nullopt for empty or generic types.
std::optional<FileType> type_from_mime(std::string_view mime);

}  // namespace support::forms::attachment
