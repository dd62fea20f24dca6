// Attachment sniffing and checking by content. Input: file name, MIME type,
// then the file's bytes (NUL-separated; the bytes last, any value).
#include "forms/attachment.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "tests/support/bundled.hpp"

using namespace support;
using namespace support::forms::attachment;

// The fixtures are built before fuzzing starts, so the time limit goes to inputs.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)test::forms_config();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto p = fuzz::parts(data, size, 3);
  const Sniffed s = sniff(p[2]);
  if (s.type != FileType::unknown) FUZZ_CHECK(type_from_name(type_name(s.type)) == s.type);
  (void)type_from_extension(p[0]);
  (void)type_from_mime(p[1]);
  for (const char* id : {"portal_form", "email"}) {
    const Profile* profile = test::forms_config().attachments.profile(id);
    if (!profile) continue;
    const forms::Result r = check_file(p[2], p[0], p[1], *profile);
    if (r.ok()) {
      // A file accepted is of an allowed type, sniffed as such.
      FUZZ_CHECK(r.value == type_name(s.type) && profile->allows(s.type) && !s.truncated);
    }
    (void)check_metadata(p[0], p[2].size(), *profile);
  }
  return 0;
}
