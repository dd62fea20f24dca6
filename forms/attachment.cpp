#include "forms/attachment.hpp"

#include <algorithm>

#include "forms/input_guard.hpp"

namespace support::forms::attachment {

namespace {

constexpr std::size_t kMaxNameBytes = 255;

std::string extension_of(std::string_view name) {
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == name.size()) return {};
  std::string ext(name.substr(dot + 1));
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return ext;
}

bool name_is_safe(std::string_view name) {
  if (check_input(name, {kMaxNameBytes})) return false;  // bidi tricks: "scan" U+202E "fdp.exe"
  if (name.find_first_of("/\\") != std::string_view::npos) return false;
  return name.find_first_not_of(" .") != std::string_view::npos;
}

}  // namespace

bool Profile::allows(FileType t) const { return std::find(allowed.begin(), allowed.end(), t) != allowed.end(); }

std::string Profile::allowed_list() const {
  std::string out;
  for (FileType t : allowed) {
    if (!out.empty()) out += ", ";
    for (char c : type_name(t)) out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  }
  return out;
}

Loaded<Rules> Rules::load(std::string_view json, const std::string& file) {
  return load_config<Rules>([&] {
    ConfigFile root(json, file);
    const nlohmann::json& doc = root.json();
    ObjectReader profiles = root.object("profiles");
    Rules rules;
    for (const auto& item : doc.at("profiles").items()) {
      ObjectReader r = profiles.object(item.key());
      Profile p;
      p.id = item.key();
      const auto types = r.strings("allowed_types");
      for (std::size_t i = 0; i < types.size(); ++i) {
        const auto t = type_from_name(types[i]);
        if (!t || *t == FileType::unknown || *t == FileType::executable || *t == FileType::html ||
            *t == FileType::svg) {
          r.fail_item("allowed_types", i, "not an acceptable file type: " + types[i]);
        }
        p.allowed.push_back(*t);
      }
      if (p.allowed.empty()) r.fail("allowed_types", "must list at least one type");
      p.max_file_bytes = static_cast<std::uint64_t>(r.integer("max_file_bytes", 1, 1LL << 32));
      p.max_files = static_cast<std::size_t>(r.integer("max_files", 1, 100));
      p.max_total_bytes = static_cast<std::uint64_t>(r.integer("max_total_bytes", 1, 1LL << 34));
      r.finish();
      rules.profiles_.push_back(std::move(p));
    }
    root.finish();
    return rules;
  });
}

const Profile* Rules::profile(std::string_view id) const {
  for (const auto& p : profiles_) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

std::optional<Issue> check_metadata(std::string_view name, std::uint64_t size, const Profile& profile) {
  if (!name_is_safe(name)) return Issue{"attachment.name_invalid", {}};
  if (size == 0) return Issue{"attachment.empty", {}};
  if (size > profile.max_file_bytes) {
    return Issue{"attachment.too_large", {{"size", std::to_string(size)}, {"max", std::to_string(profile.max_file_bytes)}}};
  }
  const std::string extension = extension_of(name);
  if (extension.empty()) return Issue{"attachment.extension_missing", {{"allowed", profile.allowed_list()}}};
  const auto claimed = type_from_extension(name);
  if (!claimed || !profile.allows(*claimed)) {
    return Issue{"attachment.extension_not_allowed", {{"extension", extension}, {"allowed", profile.allowed_list()}}};
  }
  return std::nullopt;
}

Result check_file(std::string_view bytes, std::string_view name, std::string_view mime, const Profile& profile) {
  const Sniffed s = sniff(bytes);
  // Dangerous content is named as such, whatever the name says.
  if (s.type == FileType::executable) return Result::invalid("attachment.executable");
  if (s.type == FileType::html || s.type == FileType::svg || s.type == FileType::docm) {
    return Result::invalid("attachment.active_content", {{"type", std::string(type_name(s.type))}});
  }
  if (auto issue = check_metadata(name, bytes.size(), profile)) return Result::invalid(std::move(*issue));
  const std::string type(type_name(s.type));
  if (s.truncated) return Result::invalid("attachment.truncated", {{"type", type}});
  if (s.type == FileType::unknown) return Result::invalid("attachment.unknown_type");
  if (!profile.allows(s.type)) {
    return Result::invalid("attachment.type_not_allowed", {{"type", type}, {"allowed", profile.allowed_list()}});
  }
  if (type_from_extension(name) != s.type) {
    return Result::invalid("attachment.extension_mismatch", {{"type", type}, {"extension", extension_of(name)}});
  }
  const auto claimed_mime = type_from_mime(mime);
  if (claimed_mime && *claimed_mime != s.type) {
    return Result::invalid("attachment.mime_mismatch", {{"type", type}, {"mime", std::string(mime.substr(0, 100))}});
  }
  return Result::valid(type);
}

std::optional<Issue> check_set(std::size_t count, std::uint64_t total_bytes, const Profile& profile) {
  if (count > profile.max_files) return Issue{"attachment.too_many", {{"max", std::to_string(profile.max_files)}}};
  if (total_bytes > profile.max_total_bytes) {
    return Issue{"attachment.total_too_large", {{"max", std::to_string(profile.max_total_bytes)}}};
  }
  return std::nullopt;
}

}  // namespace support::forms::attachment
