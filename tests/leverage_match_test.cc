// Number-aware matching: a unit differing only in numbers scores high but never 100, and its
// target comes back adapted to the new numbers.
#include "leverage/leverage_match.h"

#include <gtest/gtest.h>

#include <memory>

#include "one_document_tm.h"
#include "temp_dir.h"
#include "tm/tm_search.h"
#include "tm/translation_memory.h"
#include "tm_test_unit.h"

namespace tmalign {
namespace {

TEST(NumberAwareScoreTest, OnlyNumbersChanged) {
  // Three of six tokens differ (33% by text), but only the numbers: 100 - 2 changed numbers.
  EXPECT_EQ(NumberAwareScore("2021年6月16日", "2021年7月2日", 66), 98);
  EXPECT_EQ(NumberAwareScore("〔第7期 总第142期〕", "〔第8期 总第143期〕", 80), 98);
  EXPECT_EQ(NumberAwareScore("第七期", "第7期", 66), 99);  // the same number written otherwise
}

TEST(NumberAwareScoreTest, NeverOneHundredWithOtherNumbers) {
  EXPECT_EQ(NumberAwareScore("共2021家", "共2021家", 100), 100);
  EXPECT_EQ(NumberAwareScore("共2021家", "共２０２１家", 100), 100);  // same value, full width
  EXPECT_EQ(NumberAwareScore("面积10m²", "面积10m2", 100), 100);      // no number in m² or m2
  // NFKC folds ① to 1, so the texts compare equal, but only 1 is read as a number: 99.
  EXPECT_EQ(NumberAwareScore("第①期", "第1期", 100), 99);
  EXPECT_EQ(NumberAwareScore("共2021家", "共2022家", 100), 99);  // a caller's 100 with other numbers
}

TEST(NumberAwareScoreTest, OtherDifferencesKeepTheirCost) {
  // A word changed as well as a number: the texts' score minus one for the number.
  const int score = NumberAwareScore("本届论坛共举办16场研讨会", "本届论坛共举办18场报告会", 83);
  EXPECT_LT(score, 95);
  EXPECT_GE(score, 83);
  // Different counts of numbers: the texts' score alone.
  EXPECT_EQ(NumberAwareScore("6月16日", "6月", 50), 50);
  EXPECT_EQ(NumberAwareScore("没有数字", "也没有数字", 80), 80);
}

class LeverageMatcherTest : public testing::OneDocumentTmTest {
 protected:
  void SetUp() override {
    BuildTm("leverage_match", "b7",
            {testing::OneToOneUnit(0, "2021年6月16日", "June.16 2021"),
             testing::OneToOneUnit(1, "上海浦江创新论坛中心", "Shanghai Center for Pujiang Innovation Forum"),
             testing::OneToOneUnit(2, "2021年报告了2021个项目。", "In 2021, 2021 projects were reported."),
             testing::OneToOneUnit(3, "总第①期", "Vol. 1")});
  }

  std::vector<LeverageMatch> Match(const std::string& q, int min_score = 75) {
    LeverageMatcher matcher(searcher_.get());
    TmMatchOptions options;
    options.min_score = min_score;
    std::vector<LeverageMatch> out;
    EXPECT_TRUE(matcher.Match(q, options, &out).ok());
    return out;
  }
};

TEST_F(LeverageMatcherTest, ChangedDateIsFoundScoredAndAdapted) {
  // Half the tokens differ: the text alone scores 50, under --min 75.
  std::vector<LeverageMatch> m = Match("2022年7月2日");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].match.score, 97);
  EXPECT_EQ(m[0].text_score, 50);
  EXPECT_TRUE(m[0].adapted());
  EXPECT_EQ(m[0].target(), "July.2 2022");
  EXPECT_EQ(m[0].match.pair.target, "June.16 2021");
}

TEST_F(LeverageMatcherTest, ExactMatchIsOneHundredAndUnchanged) {
  std::vector<LeverageMatch> m = Match("上海浦江创新论坛中心");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].match.score, 100);
  EXPECT_FALSE(m[0].adapted());
  EXPECT_EQ(m[0].target(), "Shanghai Center for Pujiang Innovation Forum");
}

TEST_F(LeverageMatcherTest, AmbiguousNumberIsNotAdapted) {
  std::vector<LeverageMatch> m = Match("2022年报告了2021个项目。");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].match.score, 99);
  EXPECT_FALSE(m[0].adapted());
  EXPECT_FALSE(m[0].numbers.reason.empty());
  EXPECT_EQ(m[0].target(), "In 2021, 2021 projects were reported.");
}

TEST_F(LeverageMatcherTest, SearcherCapsEqualTextWithOtherNumbers) {
  // NFKC makes 总第①期 and 总第1期 the same text; TmSearcher itself still scores it 99.
  std::vector<TmMatch> m;
  TmMatchOptions options;
  ASSERT_TRUE(searcher_->Match("总第1期", options, &m).ok());
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].score, 99);
}

}  // namespace
}  // namespace tmalign
