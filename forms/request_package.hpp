// The support request as the portal API receives it: built from a validated
// form and the client's context, and read back by the server, which never
// trusts it and validates the form again. Output is deterministic (same
// input, same bytes) and holds only what the schema allows.
//
//   {"schema_version": 1, "form", "form_version", "request_type", "topic",
//    "priority", "subject", "description",
//    "contacts": {"phone", "phone_extension", "email", "email_ascii", "reply_channel"},
//    "applicant": {"full_name", "birth_date"}, "identifiers": {...},
//    "related_numbers": [...], "occurred_at", "details": {...},
//    "transcript": [{"from", "text"}], "attachments": [{"name", "size", "type", "sha256"}],
//    "client": {"locale", "widget_version", "platform", "page"},
//    "consent": {"personal_data", "given_at"}}
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "forms/form_schema.hpp"
#include "forms/issue.hpp"

namespace support::forms {

struct TranscriptLine {
  bool from_user = false;
  std::string text;  // masked by the chat's privacy guard
};

struct ClientContext {
  std::string locale;          // "ru", "en"
  std::string widget_version;  // "1.0.0"
  std::string platform;        // "web" or "webview"
  std::string page;            // URL or path of the page; only the path is kept
  std::string topic;           // knowledge-base topic when the request came from the chat
  std::vector<TranscriptLine> transcript;
  std::string consent_at;      // when the consent box was ticked: ISO 8601 with +03:00
};

// What the caller knows of each attachment's bytes: the type found by
// content and the SHA-256 (lower-case hex), in the order of the form's list.
struct AttachmentFacts {
  std::string type;
  std::string sha256;
};

// Urgent when the schema says so, or when the chat topic is urgent.
Priority priority_of(const FormSchema& schema, const nlohmann::json& values, const std::string& topic,
                     const std::set<std::string>& urgent_topics);

// `values` are FormResult::values of a valid form. Codes: package.client
// {field}, package.attachments (facts do not match the list), package.consent.
Result package_request(const FormSchema& schema, const nlohmann::json& values, const ClientContext& client,
                       const std::vector<AttachmentFacts>& attachments, const std::set<std::string>& urgent_topics);

// A request read back: the form's values to validate again, and the rest.
struct Unpackaged {
  const FormSchema* schema = nullptr;
  nlohmann::json values = nlohmann::json::object();
  ClientContext client;
  std::vector<AttachmentFacts> attachments;  // as claimed; the server checks them against the bytes
};

// Strict: unknown keys, wrong types and unknown forms are refused with a
// path ("client.platform"). Transcript lines come back cut to the 4,000
// bytes a package keeps, so nothing downstream scans more. Codes: request.malformed {path}, request.schema_version,
// request.unknown_form, request.form_version.
struct UnpackageResult {
  std::optional<Unpackaged> request;
  std::optional<Issue> issue;
};
UnpackageResult unpackage_request(const nlohmann::json& request, const std::vector<FormSchema>& schemas);

// The path of a page URL: "https://x.ru/a/b?q=1#f" -> "/a/b".
std::string page_path(std::string_view url);

}  // namespace support::forms
