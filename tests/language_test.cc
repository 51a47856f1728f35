#include "text/language.h"

#include <gtest/gtest.h>

namespace tmalign {

TEST(LanguageTest, DetectsChineseDespiteLatinNames) {
  EXPECT_EQ(DetectLanguage("梅建平认为，MOST将继续支持上海的区块链研发。"), Language::kZh);
}

TEST(LanguageTest, DetectsEnglishDespiteQuotedHan) {
  EXPECT_EQ(DetectLanguage("The term 联盟链 is rendered as alliance chain in this bulletin."), Language::kEn);
}

TEST(LanguageTest, NoLettersIsUnknown) { EXPECT_EQ(DetectLanguage("2021 — 3.14 ……"), Language::kUnknown); }

TEST(LanguageTest, ParsesRegionalCodes) {
  EXPECT_EQ(ParseLanguageCode("zh-Hant-TW"), Language::kZh);
  EXPECT_EQ(ParseLanguageCode("EN_gb"), Language::kEn);
  EXPECT_EQ(ParseLanguageCode("fr"), Language::kUnknown);
}

}  // namespace tmalign
