// The password check with the person's own data. Input: full name, birth
// date, phone, e-mail and the password, NUL-separated (the password last).
#include "forms/password.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "tests/support/bundled.hpp"

using namespace support;

// The fixtures are built before fuzzing starts, so the time limit goes to inputs.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)test::forms_config();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto p = fuzz::parts(data, size, 5);
  const forms::password::UserInfo user{std::string(p[0]), std::string(p[1]), std::string(p[2]), std::string(p[3])};
  const forms::password::Checker& checker = test::forms_config().passwords;
  const forms::password::Check with_user = checker.check(p[4], user);
  const forms::password::Check alone = checker.check(p[4]);
  for (const auto* c : {&with_user, &alone}) {
    FUZZ_CHECK(c->score >= 0 && c->score <= 4);
    FUZZ_CHECK(c->valid == c->errors.empty());
  }
  // Knowing the person can only lower the estimate.
  FUZZ_CHECK(with_user.score <= alone.score);
  return 0;
}
