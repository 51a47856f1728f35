// Language: which side of a zh-en pair a text is on.
#pragma once

#include <string_view>

namespace tmalign {

enum class Language { kUnknown, kZh, kEn };

// "zh" / "en" / "unknown".
const char* LanguageCode(Language lang);
// Accepts zh, zh-CN, zh-Hans, zh-TW, zh-Hant, cmn, en, en-US, en-GB ... (case-insensitive).
Language ParseLanguageCode(std::string_view code);
// Guesses from the script of the letters: mostly Han -> zh, mostly Latin -> en.
Language DetectLanguage(std::string_view utf8);

}  // namespace tmalign
