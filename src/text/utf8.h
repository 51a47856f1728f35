// Small UTF-8 helpers for hot loops (ICU's U8_NEXT underneath).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tmalign {

// Decodes the code point at `*pos` and advances; invalid bytes yield U+FFFD.
char32_t NextCodePoint(std::string_view s, size_t* pos);
// Appends the UTF-8 encoding of `c`.
void AppendUtf8(char32_t c, std::string* out);
std::u32string ToUtf32(std::string_view s);

// CJK unified ideographs (with extensions and compatibility forms) and 〇.
bool IsHan(char32_t c);

}  // namespace tmalign
