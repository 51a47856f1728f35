// Numbers in zh/en sentences and the adaptation of a TM target to changed numbers.
#include "text/number_tokens.h"

#include <gtest/gtest.h>

namespace tmalign {
namespace {

// "text=value" for each number found, space-separated.
std::string Found(std::string_view text) {
  std::string out;
  for (const NumberToken& t : FindNumbers(text)) {
    if (!out.empty()) out += ' ';
    out += std::string(text.substr(t.begin, t.end - t.begin)) + "=" + t.value;
    if (t.month) out += "m";
  }
  return out;
}

std::string Adapted(std::string_view tm_source, std::string_view new_source, std::string_view tm_target) {
  NumberAdaptation a = AdaptNumbers(tm_source, new_source, tm_target);
  return a.adapted ? a.target : "(cannot: " + a.reason + ")";
}

TEST(NumberTokensTest, DigitsDecimalsPercentagesFullWidth) {
  EXPECT_EQ(Found("2021 Pujiang Innovation Forum"), "2021=2021");
  EXPECT_EQ(Found("growth of 3.5% and 1,000 units"), "3.5=3.5 1,000=1000");
  EXPECT_EQ(Found("增长３．５％，共２０２１家"), "３．５=3.5 ２０２１=2021");
  EXPECT_EQ(Found("版本 07 与 2.50"), "07=7 2.50=2.5");
  EXPECT_EQ(Found("5G and A4 and COVID-19"), "19=19");  // digits glued to letters are words
  EXPECT_EQ(Found("the 7th and 22nd"), "7th=7 22nd=22");
  EXPECT_EQ(Found("2021.6.16"), "2021=2021 6=6 16=16");
  EXPECT_EQ(Found("3×4 m"), "3=3 4=4");
}

TEST(NumberTokensTest, ChineseNumeralsWhereChineseWritesNumbers) {
  EXPECT_EQ(Found("二〇二一年六月十六日"), "二〇二一=2021 六=6m 十六=16");
  EXPECT_EQ(Found("〔第七期 总第一百四十二期〕"), "七=7 一百四十二=142");
  EXPECT_EQ(Found("2021浦江创新论坛简报之七"), "2021=2021 七=7");
  EXPECT_EQ(Found("增长百分之三点五"), "三点五=3.5");
  EXPECT_EQ(Found("一、区块链技术发展现状"), "一=1");
  // 一 in a word or before a verb is not a number; 十四五 (the plan) is not one either.
  EXPECT_EQ(Found("统一标准，一是发展，一带一路，十四五规划"), "");
  EXPECT_EQ(Found("2021年6月16日"), "2021=2021 6=6m 16=16");
  EXPECT_EQ(Found("一二三四五六七八九〇一二三四五六七八九〇年"), "");  // too long for a number
}

TEST(NumberTokensTest, EnglishMonthsAndRomanNumerals) {
  EXPECT_EQ(Found("June.16 2021"), "June=6m 16=16 2021=2021");
  EXPECT_EQ(Found("Bulletin VII"), "VII=7");
  EXPECT_EQ(Found("May I ask? On May 4 we met."), "May=5m 4=4");
  EXPECT_EQ(Found("march forward; I agree"), "");
}

TEST(NumberTokensTest, AdaptsTheIssueExamples) {
  // 2021 <-> 2021
  EXPECT_EQ(Adapted("2021浦江创新论坛", "2022浦江创新论坛", "2021 Pujiang Innovation Forum"),
            "2022 Pujiang Innovation Forum");
  // 16日 <-> 16, and 6月 <-> June
  EXPECT_EQ(Adapted("2021年6月16日", "2021年7月2日", "June.16 2021"), "July.2 2021");
  // 3.5% <-> 3.5%
  EXPECT_EQ(Adapted("增长3.5%。", "增长4.25%。", "It grew by 3.5%."), "It grew by 4.25%.");
  // 第7期 <-> No.7, 第一百四十二期 <-> Vol. 142 (Chinese numerals to digits)
  EXPECT_EQ(Adapted("〔第7期 总第142期〕", "〔第8期 总第143期〕", "{No.7 Vol. 142}"), "{No.8 Vol. 143}");
  EXPECT_EQ(Adapted("〔第七期 总第一百四十二期〕", "〔第八期 总第一百四十三期〕", "{No.7 Vol. 142}"),
            "{No.8 Vol. 143}");
  // Digits to Chinese numerals, written as the target writes them (reverse direction).
  EXPECT_EQ(Adapted("June.16 2021", "June.18 2022", "二〇二一年六月十六日"), "二〇二二年六月十八日");
  EXPECT_EQ(Adapted("简报之七", "简报之八", "Bulletin VII"), "Bulletin VIII");
  EXPECT_EQ(Adapted("共1,200家", "共12,500家", "1,200 companies"), "12,500 companies");
  EXPECT_EQ(Adapted("第3届", "第11届", "the 3rd session"), "the 11th session");
}

TEST(NumberTokensTest, SameValueWrittenDifferentlyNeedsNoChange) {
  NumberAdaptation a = AdaptNumbers("第七期", "第7期", "No.7");
  EXPECT_TRUE(a.numbers_differ);
  EXPECT_EQ(a.changed, 1);
  ASSERT_TRUE(a.adapted);
  EXPECT_EQ(a.target, "No.7");
  NumberAdaptation same = AdaptNumbers("第7期", "第7期", "No.7");
  EXPECT_FALSE(same.numbers_differ);
  EXPECT_TRUE(same.adapted);
}

TEST(NumberTokensTest, RefusesWhatCannotBeAdapted) {
  // The old number is not in the target (written as a word).
  EXPECT_EQ(Adapted("共3家", "共4家", "three companies"), "(cannot: 3 is not in the target)");
  // It occurs twice: which one changed is unknown.
  EXPECT_EQ(Adapted("2021年报告", "2022年报告", "The 2021 report of 2021"),
            "(cannot: 2021 occurs 2 times in the target)");
  // The sources have different numbers of numbers.
  EXPECT_EQ(Adapted("6月16日", "6月", "June 16"), "(cannot: the sources have 2 and 1 numbers)");
  // A month name cannot stand for a count.
  EXPECT_EQ(Adapted("6个项目", "7个项目", "projects in June"), "(cannot: 6 is not in the target)");
  // A month name cannot take a value that is no month.
  EXPECT_EQ(Adapted("6月", "13月", "June"), "(cannot: 13 cannot be written as June is)");
}

TEST(NumberTokensTest, ValuesDiffer) {
  EXPECT_FALSE(NumberValuesDiffer("２０２１年", "2021年"));
  EXPECT_FALSE(NumberValuesDiffer("第七期", "第7期"));
  EXPECT_TRUE(NumberValuesDiffer("第7期", "第8期"));
  EXPECT_TRUE(NumberValuesDiffer("6月16日", "6月"));
}

TEST(NumberTokensTest, RendersChineseNumerals) {
  NumberToken like;
  like.form = NumberForm::kChineseNumeral;
  std::string out;
  for (const auto& [v, want] : std::vector<std::pair<std::string, std::string>>{{"10", "十"},
                                                                                {"16", "十六"},
                                                                                {"105", "一百零五"},
                                                                                {"20000", "二万"},
                                                                                {"30010", "三万零一十"},
                                                                                {"3.5", "三点五"}}) {
    ASSERT_TRUE(RenderNumberLike(v, like, "", &out));
    EXPECT_EQ(out, want) << v;
  }
}

}  // namespace
}  // namespace tmalign
