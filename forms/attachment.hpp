// Attachment rules per channel (forms/data/attachment_profiles.json) and the
// checks of one file and of a set of files. Sizes are bytes; messages format
// them per locale.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/config.hpp"
#include "forms/file_type.hpp"
#include "forms/issue.hpp"

namespace support::forms::attachment {

struct Profile {
  std::string id;
  std::vector<FileType> allowed;
  std::uint64_t max_file_bytes = 0;
  std::size_t max_files = 0;
  std::uint64_t max_total_bytes = 0;

  bool allows(FileType t) const;
  std::string allowed_list() const;  // "PDF, JPEG, PNG": format names, the same in every language
};

class Rules {
 public:
  static Loaded<Rules> load(std::string_view json, const std::string& file = "attachment_profiles.json");
  const Profile* profile(std::string_view id) const;

 private:
  std::vector<Profile> profiles_;
};

// What can be checked before the bytes arrive: the name and the size.
// Codes: attachment.name_invalid, attachment.empty, attachment.too_large
// {size, max}, attachment.extension_missing {allowed},
// attachment.extension_not_allowed {extension, allowed}.
std::optional<Issue> check_metadata(std::string_view name, std::uint64_t size, const Profile& profile);

// The whole check of one file. Value: the detected type name ("pdf").
// Codes: those of check_metadata, then attachment.executable,
// attachment.active_content {type}, attachment.truncated {type},
// attachment.unknown_type, attachment.type_not_allowed {type, allowed},
// attachment.extension_mismatch {type, extension}, attachment.mime_mismatch {type, mime}.
Result check_file(std::string_view bytes, std::string_view name, std::string_view mime, const Profile& profile);

// Count and total size of all files of one request. Codes:
// attachment.too_many {max}, attachment.total_too_large {max}.
std::optional<Issue> check_set(std::size_t count, std::uint64_t total_bytes, const Profile& profile);

}  // namespace support::forms::attachment
