#include "text/keyboard.hpp"

#include <array>
#include <unordered_map>
#include <utility>

#include "text/utf8.hpp"

namespace support::text {

namespace {

// Same index = same key. Lower row, then upper (shifted) row of each layout.
constexpr std::u32string_view kLatinKeys =
    U"`qwertyuiop[]asdfghjkl;'zxcvbnm,./~QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>?@#$^&";
constexpr std::u32string_view kCyrillicKeys =
    U"ёйцукенгшщзхъфывапролджэячсмитьбю.ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,\"№;:?";
static_assert(kLatinKeys.size() == kCyrillicKeys.size());

struct Rows {
  Layout layout;
  std::array<std::u32string_view, 4> plain;
  std::array<std::u32string_view, 4> shifted;
};

constexpr std::array<Rows, 2> kKeyboards = {{
    {Layout::qwerty,
     {U"`1234567890-=", U"qwertyuiop[]\\", U"asdfghjkl;'", U"zxcvbnm,./"},
     {U"~!@#$%^&*()_+", U"QWERTYUIOP{}|", U"ASDFGHJKL:\"", U"ZXCVBNM<>?"}},
    {Layout::jcuken,
     {U"ё1234567890-=", U"йцукенгшщзхъ\\", U"фывапролджэ", U"ячсмитьбю."},
     {U"Ё!\"№;%:?*()_+", U"ЙЦУКЕНГШЩЗХЪ/", U"ФЫВАПРОЛДЖЭ", U"ЯЧСМИТЬБЮ,"}},
}};

struct Tables {
  std::unordered_map<char32_t, char32_t> to_cyrillic, to_latin;
  // Per layout, since digits and some symbols sit on both keyboards.
  std::array<std::unordered_map<char32_t, KeyPosition>, 2> positions;
};

const Tables& tables() {
  static const Tables t = [] {
    Tables out;
    for (std::size_t i = 0; i < kLatinKeys.size(); ++i) {
      out.to_cyrillic.emplace(kLatinKeys[i], kCyrillicKeys[i]);
      out.to_latin.emplace(kCyrillicKeys[i], kLatinKeys[i]);
    }
    for (std::size_t k = 0; k < kKeyboards.size(); ++k) {
      const Rows& rows = kKeyboards[k];
      for (int r = 0; r < 4; ++r) {
        const int first_col = r == 0 ? 0 : 1;
        for (std::size_t c = 0; c < rows.plain[r].size(); ++c) {
          const int col = first_col + static_cast<int>(c);
          out.positions[k].emplace(rows.plain[r][c], KeyPosition{rows.layout, r, col, false});
          out.positions[k].emplace(rows.shifted[r][c], KeyPosition{rows.layout, r, col, true});
        }
      }
    }
    return out;
  }();
  return t;
}

char32_t lookup(const std::unordered_map<char32_t, char32_t>& map, char32_t cp) {
  const auto it = map.find(cp);
  return it == map.end() ? 0 : it->second;
}

std::string convert(std::string_view text, const std::unordered_map<char32_t, char32_t>& map) {
  std::string out;
  out.reserve(text.size() * 2);
  for_each_code_point(text, [&](char32_t cp, std::size_t, std::size_t) {
    const char32_t mapped = lookup(map, cp);
    append_utf8(out, mapped ? mapped : cp);
  });
  return out;
}

}  // namespace

char32_t latin_key_to_cyrillic(char32_t cp) { return lookup(tables().to_cyrillic, cp); }
char32_t cyrillic_key_to_latin(char32_t cp) { return lookup(tables().to_latin, cp); }

std::string latin_layout_to_cyrillic(std::string_view text) { return convert(text, tables().to_cyrillic); }
std::string cyrillic_layout_to_latin(std::string_view text) { return convert(text, tables().to_latin); }

std::optional<KeyPosition> key_position(char32_t cp) {
  for (const auto& layout : tables().positions) {
    const auto it = layout.find(cp);
    if (it != layout.end()) return it->second;
  }
  return std::nullopt;
}

int key_step_direction(char32_t a, char32_t b) {
  // Neighbours on a staggered keyboard: left, right, up-left, up-right, down-left, down-right.
  static constexpr std::array<std::pair<int, int>, 6> kSteps = {{{0, -1}, {0, 1}, {-1, 0}, {-1, 1}, {1, -1}, {1, 0}}};
  for (const auto& layout : tables().positions) {
    const auto ia = layout.find(a);
    const auto ib = layout.find(b);
    if (ia == layout.end() || ib == layout.end()) continue;
    const int dr = ib->second.row - ia->second.row;
    const int dc = ib->second.col - ia->second.col;
    for (std::size_t d = 0; d < kSteps.size(); ++d) {
      if (kSteps[d].first == dr && kSteps[d].second == dc) return static_cast<int>(d) + 1;
    }
  }
  return 0;
}

}  // namespace support::text
