// Whole-form validation of untrusted JSON text. Input: one byte choosing the
// schema, then the form's JSON. The values of a valid form validate again.
#include "forms/form_validator.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "tests/support/bundled.hpp"
#include "text/utf8.hpp"

using namespace support;

// The fixtures are built before fuzzing starts, so the time limit goes to inputs.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)test::forms_config();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto& schemas = test::forms_config().schemas;
  const forms::FormSchema& schema = schemas[data[0] % schemas.size()];
  const forms::FormContext context{DateTime{{2026, 12, 2}, 8, 0}};
  const forms::FormResult r = forms::validate_form_json(schema, fuzz::whole(data + 1, size - 1), context);
  for (const auto& issue : r.issues) FUZZ_CHECK(text::is_valid_utf8(issue.path));
  if (!r.valid()) return 0;
  const forms::FormResult again = forms::validate_form(schema, r.values, context);
  FUZZ_CHECK(again.valid() && again.values == r.values);
  return 0;
}
