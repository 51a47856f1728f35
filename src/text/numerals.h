// Numbers as translation anchors: 二〇二一 / 2021, 二十八 / twenty-eight.
#pragma once

#include <cstdint>
#include <string_view>

namespace tmalign {

// Value of a run of Chinese numeral characters (一二三…十百千万亿两零〇 and
// digit-by-digit years like 二〇二一); false if `run` is not a number.
bool ParseChineseNumeral(std::u32string_view run, int64_t* value);
bool IsChineseNumeralChar(char32_t c);
// 十四五 (the 14th Five-Year Plan) -> 14: a numeral followed by 五 that is not itself a number.
bool ParsePlanNumber(std::u32string_view run, int64_t* value);
// "14th", "1st", "22nd" -> the number.
bool ParseEnglishOrdinal(std::string_view lowercase_word, int64_t* value);
// "II", "XIV" (upper case, up to XX) -> the number; the caller decides whether "I" is a numeral.
bool ParseRomanNumeral(std::string_view upper, int64_t* value);
// Value of an English number word ("twelve", "forty", "hundred"); false otherwise.
bool ParseEnglishNumberWord(std::string_view lowercase_word, int64_t* value);

}  // namespace tmalign
