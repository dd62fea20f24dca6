// The privacy guard on long inputs, as the server meets them in transcripts:
// the first byte repeats the rest (1 to 256 times, up to about 1 MiB with
// the campaign's -max_len), so a scan that is quadratic in the text length
// shows up as a timeout. Spans are in order, inside the text, not overlapping,
// and masking replaces exactly them.
#include <string>

#include "chat/privacy_guard.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace support;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t repeat = std::size_t{data[0]} + 1;
  const std::string_view unit = fuzz::whole(data + 1, size - 1);
  std::string text;
  text.reserve(unit.size() * repeat);
  for (std::size_t i = 0; i < repeat; ++i) text += unit;

  const auto spans = chat::find_secrets(text);
  std::size_t previous_end = 0, masked_bytes = 0;
  for (const auto& s : spans) {
    FUZZ_CHECK(s.begin >= previous_end && s.begin < s.end && s.end <= text.size());
    previous_end = s.end;
    masked_bytes += s.end - s.begin;
    (void)chat::secret_kind_name(s.kind);
  }
  const std::string masked = chat::mask_secrets(text, spans);
  FUZZ_CHECK(masked.size() == text.size() - masked_bytes + 3 * spans.size());
  return 0;
}
