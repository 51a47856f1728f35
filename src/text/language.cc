#include "text/language.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace tmalign {

const char* LanguageCode(Language lang) {
  switch (lang) {
    case Language::kZh:
      return "zh";
    case Language::kEn:
      return "en";
    default:
      return "unknown";
  }
}

Language ParseLanguageCode(std::string_view code) {
  std::string lower(code);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  std::string primary = lower.substr(0, lower.find_first_of("-_"));
  if (primary == "zh" || primary == "cmn" || primary == "chi" || primary == "zho") return Language::kZh;
  if (primary == "en" || primary == "eng") return Language::kEn;
  return Language::kUnknown;
}

Language DetectLanguage(std::string_view utf8) {
  // Count letters by script; a Chinese text has some Latin (names, acronyms)
  // and an English text may quote some Han, so compare weighted shares.
  long han = 0, latin = 0;
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(std::min<size_t>(utf8.size(), 1 << 20));
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;
    // The two common cases without ICU's property lookups (the same answers): ASCII, and the
    // CJK Unified Ideographs block (all of it assigned letters of the Han script).
    if (c < 0x80) {
      latin += (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
      continue;
    }
    if (c >= 0x4E00 && c <= 0x9FFF) {
      ++han;
      continue;
    }
    if (!u_isalpha(c)) continue;
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &err);
    if (script == USCRIPT_HAN)
      ++han;
    else if (script == USCRIPT_LATIN)
      ++latin;
  }
  if (han == 0 && latin == 0) return Language::kUnknown;
  // One Han character carries about as much as 3-4 Latin letters.
  if (han * 4 >= latin) return han > 0 ? Language::kZh : Language::kEn;
  return Language::kEn;
}

}  // namespace tmalign
