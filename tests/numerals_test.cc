// Chinese numerals and English number words as anchors.
#include "text/numerals.h"

#include <gtest/gtest.h>

namespace tmalign {
namespace {

int64_t Zh(std::u32string_view run) {
  int64_t v = -1;
  EXPECT_TRUE(ParseChineseNumeral(run, &v)) << "not parsed";
  return v;
}

TEST(NumeralsTest, ChineseDigitByDigitYear) {
  EXPECT_EQ(Zh(U"二〇二一"), 2021);
  EXPECT_EQ(Zh(U"二零二零"), 2020);
}

TEST(NumeralsTest, ChinesePositional) {
  EXPECT_EQ(Zh(U"二十八"), 28);
  EXPECT_EQ(Zh(U"三千五百二十"), 3520);
  EXPECT_EQ(Zh(U"两万"), 20000);
  EXPECT_EQ(Zh(U"十五"), 15);
  EXPECT_EQ(Zh(U"十"), 10);
  EXPECT_EQ(Zh(U"一百零五"), 105);
  EXPECT_EQ(Zh(U"三亿"), 300000000);
  EXPECT_EQ(Zh(U"五万三千"), 53000);
  EXPECT_EQ(Zh(U"一"), 1);
}

TEST(NumeralsTest, ChineseRejects) {
  int64_t v = 0;
  EXPECT_FALSE(ParseChineseNumeral(U"", &v));
  EXPECT_FALSE(ParseChineseNumeral(U"年", &v));
  EXPECT_FALSE(ParseChineseNumeral(U"二十年", &v));
  EXPECT_FALSE(ParseChineseNumeral(U"三a", &v));
}

TEST(NumeralsTest, NumeralChars) {
  for (char32_t c : std::u32string(U"一二三四五六七八九十百千万亿两零〇"))
    EXPECT_TRUE(IsChineseNumeralChar(c));
  for (char32_t c : std::u32string(U"年月日链a1")) EXPECT_FALSE(IsChineseNumeralChar(c));
}

TEST(NumeralsTest, EnglishWords) {
  int64_t v = 0;
  ASSERT_TRUE(ParseEnglishNumberWord("twelve", &v));
  EXPECT_EQ(v, 12);
  ASSERT_TRUE(ParseEnglishNumberWord("forty", &v));
  EXPECT_EQ(v, 40);
  ASSERT_TRUE(ParseEnglishNumberWord("hundred", &v));
  EXPECT_EQ(v, 100);
  ASSERT_TRUE(ParseEnglishNumberWord("three", &v));
  EXPECT_EQ(v, 3);
  ASSERT_TRUE(ParseEnglishNumberWord("thousand", &v));
  EXPECT_EQ(v, 1000);
  EXPECT_FALSE(ParseEnglishNumberWord("chain", &v));
  EXPECT_FALSE(ParseEnglishNumberWord("", &v));
}

TEST(NumeralsTest, DigitsInARowAreNotOnePositionalNumber) {
  int64_t v = 0;
  EXPECT_FALSE(ParseChineseNumeral(U"十四五", &v));   // the 14th Five-Year Plan, not 15
  ASSERT_TRUE(ParseChineseNumeral(U"一百零五", &v));  // 零 marks a gap
  EXPECT_EQ(v, 105);
}

TEST(NumeralsTest, FiveYearPlans) {
  int64_t v = 0;
  ASSERT_TRUE(ParsePlanNumber(U"十四五", &v));
  EXPECT_EQ(v, 14);
  ASSERT_TRUE(ParsePlanNumber(U"十一五", &v));
  EXPECT_EQ(v, 11);
  EXPECT_FALSE(ParsePlanNumber(U"五", &v));
  EXPECT_FALSE(ParsePlanNumber(U"二十五", &v));  // ends in 五 but is 25: too short a prefix to be a plan
}

TEST(NumeralsTest, EnglishOrdinalsAndRomanNumerals) {
  int64_t v = 0;
  ASSERT_TRUE(ParseEnglishOrdinal("14th", &v));
  EXPECT_EQ(v, 14);
  ASSERT_TRUE(ParseEnglishOrdinal("22nd", &v));
  EXPECT_EQ(v, 22);
  EXPECT_FALSE(ParseEnglishOrdinal("4x", &v));
  EXPECT_FALSE(ParseEnglishOrdinal("th", &v));
  ASSERT_TRUE(ParseRomanNumeral("III", &v));
  EXPECT_EQ(v, 3);
  ASSERT_TRUE(ParseRomanNumeral("XIV", &v));
  EXPECT_EQ(v, 14);
  EXPECT_FALSE(ParseRomanNumeral("iii", &v));  // lower case is a word, not a heading number
  EXPECT_FALSE(ParseRomanNumeral("MIX", &v));
}

}  // namespace
}  // namespace tmalign
