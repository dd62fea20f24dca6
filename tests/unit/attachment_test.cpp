#define BOOST_TEST_MODULE attachments
#include <boost/test/unit_test.hpp>

#include "tests/support/results.hpp"
#include "forms/attachment.hpp"
#include "tests/support/bundled.hpp"
#include "tests/support/fixtures.hpp"

using namespace support;
using namespace support::forms;
using support::test::code_of;
using support::test::value_of;
using namespace support::forms::attachment;

namespace {

const Profile& form_profile() { return *test::forms_config().attachments.profile("portal_form"); }
const Profile& email_profile() { return *test::forms_config().attachments.profile("email"); }


std::string truncated(const std::string& file) { return file.substr(0, file.size() * 2 / 3); }

}  // namespace

BOOST_AUTO_TEST_SUITE(content_detection)

BOOST_AUTO_TEST_CASE(real_files_are_recognised) {
  BOOST_TEST(type_name(sniff(test::make_pdf()).type) == "pdf");
  BOOST_TEST(type_name(sniff(test::make_jpeg()).type) == "jpeg");
  BOOST_TEST(type_name(sniff(test::make_png()).type) == "png");
  BOOST_TEST(type_name(sniff(test::make_docx()).type) == "docx");
  BOOST_TEST(type_name(sniff(test::make_docx(true)).type) == "docm");
  BOOST_TEST(type_name(sniff(test::make_xlsx()).type) == "office");
  BOOST_TEST(type_name(sniff(test::make_zip({{"a.txt", "hello"}})).type) == "zip");
  for (const auto& f : {test::make_pdf(), test::make_jpeg(), test::make_png(), test::make_docx()}) {
    BOOST_TEST(!sniff(f).truncated);
  }
}

BOOST_AUTO_TEST_CASE(dangerous_content_is_recognised) {
  BOOST_TEST(type_name(sniff(test::make_pe()).type) == "executable");
  BOOST_TEST(type_name(sniff(test::make_elf()).type) == "executable");
  BOOST_TEST(type_name(sniff("#!/bin/sh\nrm -rf /\n").type) == "executable");
  BOOST_TEST(type_name(sniff(test::make_html()).type) == "html");
  BOOST_TEST(type_name(sniff("<script>alert(1)</script>").type) == "html");
  BOOST_TEST(type_name(sniff(test::make_svg()).type) == "svg");
}

BOOST_AUTO_TEST_CASE(truncated_uploads) {
  BOOST_TEST(sniff(truncated(test::make_pdf())).truncated);
  BOOST_TEST(sniff(truncated(test::make_jpeg())).truncated);
  BOOST_TEST(sniff(truncated(test::make_png())).truncated);
  BOOST_TEST(sniff(truncated(test::make_docx())).truncated);
  BOOST_TEST(sniff(std::string("\x89PNG\r\n\x1a\n", 8)).truncated);  // signature only
}

BOOST_AUTO_TEST_CASE(corrupt_zip_directories_are_safe) {
  std::string docx = test::make_docx();
  // Point the central directory past the end: must be reported, never read.
  const std::size_t eocd = docx.rfind(std::string("PK\x05\x06", 4));
  docx[eocd + 16] = '\xff';
  docx[eocd + 17] = '\xff';
  BOOST_TEST(sniff(docx).truncated);
  std::string many = test::make_docx();
  const std::size_t e2 = many.rfind(std::string("PK\x05\x06", 4));
  many[e2 + 10] = '\xff';  // claims 0xff03 entries
  many[e2 + 11] = '\xff';
  BOOST_TEST(sniff(many).truncated);
}

BOOST_AUTO_TEST_CASE(arbitrary_bytes_are_safe) {
  std::string noise;
  for (int i = 0; i < 5000; ++i) noise += static_cast<char>((i * 7919) % 251);
  for (std::size_t n = 0; n < 64; ++n) {
    BOOST_TEST((sniff(noise.substr(0, n)).type != FileType::pdf));
    sniff("PK\x03\x04" + noise.substr(0, n));
    sniff("%PDF-" + noise.substr(0, n));
  }
  BOOST_TEST(type_name(sniff("").type) == "unknown");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(file_checks)

BOOST_AUTO_TEST_CASE(accepted_files) {
  BOOST_TEST(check_file(test::make_pdf(), "заявление.pdf", "application/pdf", form_profile()).value == "pdf");
  BOOST_TEST(check_file(test::make_jpeg(), "Скан.JPG", "image/jpeg", form_profile()).value == "jpeg");
  BOOST_TEST(check_file(test::make_png(), "screenshot.png", "", form_profile()).value == "png");
  BOOST_TEST(check_file(test::make_png(), "screenshot.png", "application/octet-stream", form_profile()).ok());
  BOOST_TEST(check_file(test::make_docx(), "письмо.docx", "", email_profile()).value == "docx");
}

BOOST_AUTO_TEST_CASE(spoofs_each_get_their_own_error) {
  BOOST_TEST(code_of(check_file(test::make_pe(), "invoice.pdf", "application/pdf", form_profile())) ==
             "attachment.executable");
  BOOST_TEST(code_of(check_file(test::make_elf(), "photo.png", "image/png", form_profile())) == "attachment.executable");
  const auto html = check_file(test::make_html(), "scan.pdf", "application/pdf", form_profile());
  BOOST_TEST(code_of(html) == "attachment.active_content");
  BOOST_TEST(html.issue->params == Params({{"type", "html"}}));
  const auto svg = check_file(test::make_svg(), "image.png", "image/png", form_profile());
  BOOST_TEST(code_of(svg) == "attachment.active_content");
  BOOST_TEST(svg.issue->params == Params({{"type", "svg"}}));
  BOOST_TEST(code_of(check_file(test::make_docx(true), "letter.docx", "", email_profile())) ==
             "attachment.active_content");
}

BOOST_AUTO_TEST_CASE(empty_truncated_unknown) {
  BOOST_TEST(code_of(check_file("", "scan.pdf", "", form_profile())) == "attachment.empty");
  const auto t = check_file(truncated(test::make_pdf()), "scan.pdf", "", form_profile());
  BOOST_TEST(code_of(t) == "attachment.truncated");
  BOOST_TEST(t.issue->params == Params({{"type", "pdf"}}));
  BOOST_TEST(code_of(check_file("just some text", "notes.pdf", "", form_profile())) == "attachment.unknown_type");
}

BOOST_AUTO_TEST_CASE(content_name_and_mime_must_agree) {
  const auto ext = check_file(test::make_jpeg(), "photo.png", "", form_profile());
  BOOST_TEST(code_of(ext) == "attachment.extension_mismatch");
  BOOST_TEST(ext.issue->params == Params({{"type", "jpeg"}, {"extension", "png"}}));
  const auto mime = check_file(test::make_png(), "photo.png", "image/jpeg", form_profile());
  BOOST_TEST(code_of(mime) == "attachment.mime_mismatch");
  BOOST_TEST(code_of(check_file(test::make_pdf(), "scan.pdf.exe", "", form_profile())) ==
             "attachment.extension_not_allowed");
}

BOOST_AUTO_TEST_CASE(types_per_channel) {
  const auto docx = check_file(test::make_docx(), "letter.docx", "", form_profile());
  BOOST_TEST(code_of(docx) == "attachment.extension_not_allowed");
  BOOST_TEST(docx.issue->params == Params({{"extension", "docx"}, {"allowed", "PDF, JPEG, PNG"}}));
  // A real Word file named .pdf: not allowed on the form, whatever its name says.
  const auto renamed = check_file(test::make_docx(), "letter.pdf", "", form_profile());
  BOOST_TEST(code_of(renamed) == "attachment.type_not_allowed");
  BOOST_TEST(renamed.issue->params == Params({{"type", "docx"}, {"allowed", "PDF, JPEG, PNG"}}));
  BOOST_TEST(code_of(check_file("GIF89a\x01\x00\x01\x00", "a.jpg", "", form_profile())) == "attachment.type_not_allowed");
}

BOOST_AUTO_TEST_CASE(file_names) {
  const std::string pdf = test::make_pdf();
  BOOST_TEST(code_of(check_file(pdf, "", "", form_profile())) == "attachment.name_invalid");
  BOOST_TEST(code_of(check_file(pdf, "../../etc/passwd.pdf", "", form_profile())) == "attachment.name_invalid");
  BOOST_TEST(code_of(check_file(pdf, "scan\u202efdp.exe", "", form_profile())) == "attachment.name_invalid");
  BOOST_TEST(code_of(check_file(pdf, std::string("scan\0.pdf", 9), "", form_profile())) == "attachment.name_invalid");
  BOOST_TEST(code_of(check_file(pdf, std::string(300, 'a') + ".pdf", "", form_profile())) == "attachment.name_invalid");
  BOOST_TEST(code_of(check_file(pdf, "scan", "", form_profile())) == "attachment.extension_missing");
}

BOOST_AUTO_TEST_CASE(size_limits) {
  const std::uint64_t mb5 = 5ull * 1024 * 1024;
  BOOST_TEST(!check_metadata("scan.pdf", mb5, form_profile()).has_value());
  const auto big = check_metadata("scan.pdf", mb5 + 1, form_profile());
  BOOST_TEST(big->code == "attachment.too_large");
  BOOST_TEST(big->params == Params({{"size", std::to_string(mb5 + 1)}, {"max", std::to_string(mb5)}}));
  BOOST_TEST(!check_metadata("scan.pdf", 10ull * 1024 * 1024, email_profile()).has_value());
  // A real PDF padded past the limit.
  std::string large = test::make_pdf();
  large.insert(10, std::string(mb5, ' '));
  BOOST_TEST(code_of(check_file(large, "scan.pdf", "", form_profile())) == "attachment.too_large");
}

BOOST_AUTO_TEST_CASE(count_and_total) {
  BOOST_TEST(!check_set(5, 20ull * 1024 * 1024, form_profile()).has_value());
  BOOST_TEST(check_set(6, 100, form_profile())->code == "attachment.too_many");
  BOOST_TEST(check_set(5, 20ull * 1024 * 1024 + 1, form_profile())->code == "attachment.total_too_large");
}

BOOST_AUTO_TEST_CASE(profiles_are_validated_on_load) {
  BOOST_TEST(Rules::load(R"({"profiles": {"x": {"allowed_types": ["exe"], "max_file_bytes": 1, "max_files": 1,
              "max_total_bytes": 1}}})", "a.json").error == "a.json: /profiles/x/allowed_types/0: not an acceptable file type: exe");
  BOOST_TEST(Rules::load(R"({"profiles": {"x": {"allowed_types": ["svg"], "max_file_bytes": 1, "max_files": 1,
              "max_total_bytes": 1}}})", "a.json").error.find("not an acceptable file type: svg") != std::string::npos);
  BOOST_TEST(Rules::load(R"({"profiles": {"x": {"allowed_types": ["pdf"], "max_file_bytes": 0, "max_files": 1,
              "max_total_bytes": 1}}})", "a.json").error == "a.json: /profiles/x/max_file_bytes: must be between 1 and 4294967296");
  BOOST_TEST(Rules::load(R"({"profile": {}})", "a.json").error == "a.json: /profiles: missing required key");
}

BOOST_AUTO_TEST_SUITE_END()
