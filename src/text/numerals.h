// Numbers as translation anchors: 二〇二一 / 2021, 二十八 / twenty-eight.
#pragma once

#include <cstdint>
#include <string_view>

namespace tmalign {

// Value of a run of Chinese numeral characters (一二三…十百千万亿两零〇 and
// digit-by-digit years like 二〇二一); false if `run` is not a number.
bool ParseChineseNumeral(std::u32string_view run, int64_t* value);
bool IsChineseNumeralChar(char32_t c);
// Value of an English number word ("twelve", "forty", "hundred"); false otherwise.
bool ParseEnglishNumberWord(std::string_view lowercase_word, int64_t* value);

}  // namespace tmalign
