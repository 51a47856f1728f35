// Numbers in Chinese and English sentences, for number-aware matching and for adapting a
// translation memory's target to a new source whose numbers changed (2021 -> 2022,
// 第7期 -> 第8期, 六月 -> 七月 as June -> July).
//
// What counts as a number:
// - ASCII or full-width digits, with a decimal part (3.5) and thousands separators (1,000),
//   not glued to letters (5G, A4 are words); an English ordinal (7th) is one number;
// - a run of Chinese numerals (二〇二一, 十六, 一百零五, 三点五) where Chinese writes a number:
//   after 第 or 之 (第七期, 简报之七, 百分之三点五), before a measure or date word (年 月 日 期 届 个
//   项 ...), or as a heading's number at the start (一、); 一 in 统一 or 一是 is not a number;
// - an English month name (June; Jun, Sept or May only next to a number) as its month number;
// - an upper-case Roman numeral of two or more letters (VII).
// The span of a number never includes its unit or prefix: 16 of 16日, 7 of 第7期 or No.7.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tmalign {

enum class NumberForm {
  kDigits,           // 2021, 3.5, 1,000
  kFullWidthDigits,  // ２０２１
  kChineseDigits,    // 二〇二一: digit by digit
  kChineseNumeral,   // 十六, 一百零五, 七, 三点五
  kOrdinal,          // 7th
  kMonthName,        // June, Jun
  kRoman,            // VII
};

struct NumberToken {
  size_t begin = 0, end = 0;  // byte span in the text, the number as written
  std::string value;          // canonical decimal: "2021", "3.5", "1000" (no leading or trailing zeros)
  NumberForm form = NumberForm::kDigits;
  bool grouped = false;  // written with thousands separators (1,000)
  int pad = 0;           // integer digits written with leading zeros (07 -> 2), else 0
  bool month = false;    // a month: N月 in Chinese, a month name in English
};

// The numbers of `text` (UTF-8), in order.
std::vector<NumberToken> FindNumbers(std::string_view text);

// `value` (canonical, as NumberToken::value) written the way `like` is written; false when that
// form cannot express it (a month 13, a decimal as an ordinal).
bool RenderNumberLike(const std::string& value, const NumberToken& like, std::string_view like_text,
                      std::string* out);

// How a TM target follows a new source whose numbers differ from the TM source's.
struct NumberAdaptation {
  bool numbers_differ = false;  // some number of the two sources differs (in value or in writing)
  int changed = 0;              // numbers whose writing differs (the first count when the counts differ)
  bool adapted = false;         // `target` is right for the new source's numbers
  std::string target;           // the adapted target (when adapted)
  std::string reason;           // why not adapted (when numbers_differ and not adapted)
};

// Pairs the numbers of `tm_source` and `new_source` in order (their counts must be equal) and
// replaces, in `tm_target`, each number whose value changed: where the old value occurs in the
// target exactly once, in a form that maps (2021 <-> 2021, 16日 <-> 16, 3.5% <-> 3.5%, 第7期 <->
// No.7, 6月 <-> June), written as the target wrote it. Any changed number that cannot be placed
// so makes the whole adaptation fail (adapted false, reason set): a half-adapted target would
// look right and be wrong. Numbers written differently with the same value (第七期 / 第7期) need
// no change in the target.
NumberAdaptation AdaptNumbers(std::string_view tm_source, std::string_view new_source,
                              std::string_view tm_target);

// Whether the numbers of `a` and `b` differ in count or in value (not in writing: ２０２１ and
// 2021 are the same number).
bool NumberValuesDiffer(std::string_view a, std::string_view b);

}  // namespace tmalign
