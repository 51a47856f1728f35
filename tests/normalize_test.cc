#include "text/normalize.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace tmalign {

TEST(NormalizeTest, FoldsWidthCaseQuotesDashes) {
  const auto& n = MatchNormalizer::Shared();
  EXPECT_EQ(n.Normalize("ＭＯＳＴ　２０２１"), "most 2021");
  EXPECT_EQ(n.Normalize("“Digital China’s” — e‐CNY"), "\"digital china's\" - e-cny");
}

TEST(NormalizeTest, TraditionalToSimplified) {
  const auto& n = MatchNormalizer::Shared();
  EXPECT_EQ(n.Normalize("聯盟鏈與區塊鏈"), "联盟链与区块链");
  EXPECT_EQ(n.ToSimplified("去中心化發展"), "去中心化发展");
  EXPECT_EQ(n.ToSimplified("ABC"), "ABC");  // nothing but T->S
}

// Lines without a character t2s can change skip OpenCC; its phrases whose characters are not
// in its character table (沈默 -> 沉默) must still convert.
TEST(NormalizeTest, SimplifiedPassesThroughAndEveryPhraseStillConverts) {
  const auto& n = MatchNormalizer::Shared();
  EXPECT_EQ(n.Normalize("他沈默了，沈船打捞。"), "他沉默了,沉船打捞。");
  EXPECT_EQ(n.Normalize("天氣乾燥"), "天气干燥");
  EXPECT_EQ(n.Normalize("发展联盟链，推进数字中国"), "发展联盟链,推进数字中国");
}

TEST(NormalizeTest, OriginMapsEachByteBack) {
  const std::string input = "Ａ聯盟鏈b";
  NormalizedText t = MatchNormalizer::Shared().NormalizeWithOrigin(input);
  ASSERT_EQ(t.text, "a联盟链b");
  ASSERT_EQ(t.origin.size(), t.text.size() + 1);
  EXPECT_EQ(t.origin[0], 0u);    // a <- Ａ (3 bytes)
  EXPECT_EQ(t.origin[1], 3u);    // 联 <- 聯
  EXPECT_EQ(t.origin[4], 6u);    // 盟
  EXPECT_EQ(t.origin[7], 9u);    // 链 <- 鏈
  EXPECT_EQ(t.origin[10], 12u);  // b
  EXPECT_EQ(t.origin.back(), input.size());
}

TEST(NormalizeTest, ExpansionKeepsOrigin) {
  NormalizedText t = MatchNormalizer::Shared().NormalizeWithOrigin("x\xEF\xAC\x81y");  // x ﬁ y
  ASSERT_EQ(t.text, "xfiy");
  EXPECT_EQ(t.origin[1], 1u);
  EXPECT_EQ(t.origin[2], 1u);
  EXPECT_EQ(t.origin[3], 4u);
}

// Folding copies CJK Unified Ideographs without asking ICU: this checks that ICU would
// leave every one of them unchanged (NFKC and case folding).
TEST(NormalizeTest, UnifiedIdeographsFoldToThemselves) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  ASSERT_TRUE(U_SUCCESS(err));
  for (UChar32 c = 0x4E00; c <= 0x9FFF; ++c) {
    err = U_ZERO_ERROR;
    ASSERT_TRUE(nfkc->isNormalized(icu::UnicodeString(c), err)) << std::hex << c;
    ASSERT_EQ(u_foldCase(c, U_FOLD_CASE_DEFAULT), c) << std::hex << c;
  }
  const MatchNormalizer& n = MatchNormalizer::Shared();
  EXPECT_EQ(n.FoldWidthAndCase("区块链ＡＢＣ　技术"), "区块链abc 技术");
}

}  // namespace tmalign
