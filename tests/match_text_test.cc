#include "tm/match_text.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace tmalign {
namespace {

TEST(MatchTextTest, ChineseIsOneTokenPerCharacterEnglishOnePerWord) {
  std::vector<MatchToken> zh = MatchTokenize("发展联盟链。");
  ASSERT_EQ(zh.size(), 6u);
  EXPECT_EQ(zh[0].kind, MatchToken::kHan);
  EXPECT_EQ(zh[5].kind, MatchToken::kPunct);
  std::vector<MatchToken> en = MatchTokenize("The alliance-chain, v2.");
  // the | alliance | - | chain | , | v2 | .
  ASSERT_EQ(en.size(), 7u);
  EXPECT_EQ(en[1].kind, MatchToken::kWord);
  EXPECT_EQ(std::string("The alliance-chain, v2.").substr(en[1].begin, en[1].end - en[1].begin), "alliance");
}

// FNV-1a over the four little-endian bytes of each folded code point: the hash the TM's
// stored index terms were built with, so it must never change.
uint64_t ReferenceHash(uint64_t h, std::u32string_view folded) {
  for (char32_t c : folded) {
    for (int k = 0; k < 4; ++k) {
      h ^= (c >> (8 * k)) & 0xFF;
      h *= 0x100000001b3ULL;
    }
  }
  return h;
}

TEST(MatchTextTest, TokenHashesAreTheStoredOnes) {
  const std::vector<MatchToken> t = MatchTokenize("Chain 链, x");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].hash, ReferenceHash(0x574f5244, U"chain"));
  EXPECT_EQ(t[1].hash, ReferenceHash(0x48414e, U"链"));
  EXPECT_EQ(t[2].hash, ReferenceHash(0x50554e43, U","));
  EXPECT_EQ(t[3].hash, ReferenceHash(0x574f5244, U"x"));
  // A character beyond the first plane (CJK extension B) hashes all four bytes.
  EXPECT_EQ(MatchTokenize("𠀀")[0].hash, ReferenceHash(0x48414e, U"𠀀"));
  // Folded to ASCII (full-width) hashes as ASCII does.
  EXPECT_EQ(MatchTokenize("ＣＨＡＩＮ")[0].hash, t[0].hash);
  // Bytes that are no character, as ICU's decoder takes them: an encoded surrogate and an
  // overlong form, a U+FFFD token a byte; a character cut short, one U+FFFD.
  for (const auto& [bad, n] :
       {std::pair<std::string, size_t>{"\xED\xA0\x80", 3}, {"\xE0\x80\x80", 3}, {"\xE9\x93", 1}}) {
    const std::vector<MatchToken> b = MatchTokenize(bad);
    ASSERT_EQ(b.size(), n) << bad;
    for (const MatchToken& token : b) EXPECT_EQ(token.hash, ReferenceHash(0x50554e43, U"\uFFFD"));
  }
}

TEST(MatchTextTest, AppendedIndexTermsAreTheTokensTerms) {
  // Han runs at either end, lone characters between words and punctuation, folded expansions
  // (ligature, parenthesized ideograph), Traditional, full-width, invalid UTF-8, empty.
  const std::vector<std::string> texts = {"",
                                          "链",
                                          "联盟链",
                                          "a 链 b",
                                          "链a链",
                                          "要探索联盟链监管框架。",
                                          "The ﬁle ㈱ 2021 年",
                                          "發展聯盟鏈，ＡＢＣ１２３",
                                          "x\xff\xfe链\xe9",
                                          "链 链 链",
                                          "Build Digital China.",
                                          "链。链，链链"};
  for (const std::string& text : texts) {
    std::vector<uint64_t> got;
    AppendMatchIndexTerms(text, &got);
    std::sort(got.begin(), got.end());
    got.erase(std::unique(got.begin(), got.end()), got.end());
    EXPECT_EQ(got, MatchIndexTerms(MatchTokenize(text))) << text;
  }
}

TEST(MatchTextTest, NormalizedVariantsAreEqual) {
  auto same = [](const std::string& a, const std::string& b) {
    auto ta = MatchTokenize(a), tb = MatchTokenize(b);
    return TokenEditDistance(ta, tb, 100) == 0;
  };
  EXPECT_TRUE(same("发展联盟链，实现监管。", "發展聯盟鏈，實現監管。"));  // Traditional
  EXPECT_TRUE(same("发展联盟链,实现监管.", "发展联盟链，实现监管．"));    // full-width punctuation
  EXPECT_TRUE(same("Alliance Chain", "alliance  chain"));                 // case, spaces
  EXPECT_TRUE(same("ＡＢＣ 123", "abc １２３"));                          // full-width letters/digits
  EXPECT_FALSE(same("联盟链", "公有链"));
}

TEST(MatchTextTest, ScoreIsCharacterBasedForChineseAndWordBasedForEnglish) {
  auto score = [](const std::string& a, const std::string& b) {
    auto ta = MatchTokenize(a), tb = MatchTokenize(b);
    return MatchScore(TokenEditDistance(ta, tb, 1000), ta.size(), tb.size());
  };
  EXPECT_EQ(score("要探索友好的联盟链监管基础框架", "要探索友好的联盟链监管基础框架"), 100);
  // 15 characters, one replaced: 1 - 1/15 = 93.3%
  EXPECT_EQ(score("要探索友好的联盟链监管基础框架", "要探索友好的公盟链监管基础框架"), 93);
  // 10 words, one replaced: 90%, however long the word
  EXPECT_EQ(score("we shall explore a friendly basic framework for the regulation",
                  "we shall explore a friendly elementary framework for the regulation"),
            90);
  EXPECT_EQ(score("a b", "a c"), 50);
  EXPECT_LT(score("abc def", "abc deg"), 100);  // never 100 unless equal
}

TEST(MatchTextTest, EditDistanceLimitStopsEarly) {
  auto a = MatchTokenize("一二三四五六七八九十"), b = MatchTokenize("甲乙丙丁戊己庚辛壬癸");
  EXPECT_EQ(TokenEditDistance(a, b, 3), 4);
  EXPECT_EQ(TokenEditDistance(a, b, 20), 10);
  EXPECT_EQ(MaxDistanceForScore(70, 10, 10), 3);
  EXPECT_GE(MatchScore(MaxDistanceForScore(70, 17, 15), 17, 15), 70);
  EXPECT_LT(MatchScore(MaxDistanceForScore(70, 17, 15) + 1, 17, 15), 70);
}

TEST(MatchTextTest, DiffMarksDeletionsAndInsertionsOnOriginalText) {
  const std::string stored = "We shall explore a basic framework.";
  const std::string query = "we must explore a framework.";
  auto ops = MatchDiff(stored, MatchTokenize(stored), query, MatchTokenize(query));
  EXPECT_EQ(RenderDiff(ops), "We [-shall-]{+must+} explore a [-basic-] framework.");
  std::string back;
  for (const DiffOp& op : ops) {
    if (op.kind != DiffOp::kInsert) back += op.text;
  }
  EXPECT_EQ(back, stored);

  const std::string zs = "发展联盟链监管框架", zq = "發展公有鏈監管框架";
  EXPECT_EQ(RenderDiff(MatchDiff(zs, MatchTokenize(zs), zq, MatchTokenize(zq))),
            "发展[-联盟-]{+公有+}链监管框架");
}

TEST(MatchTextTest, IndexTermsAreBigramsAndWords) {
  EXPECT_EQ(MatchIndexTerms(MatchTokenize("联盟链")).size(), 2u);  // 联盟 盟链
  EXPECT_EQ(MatchIndexTerms(MatchTokenize("链")).size(), 1u);      // a lone character
  EXPECT_EQ(MatchIndexTerms(MatchTokenize("the chain, the chain")).size(), 2u);
  EXPECT_TRUE(MatchIndexTerms(MatchTokenize("，。!")).empty());
  size_t at = 0;
  EXPECT_TRUE(FindTokenRun(MatchTokenize("积极发展联盟链技术"), MatchTokenize("联盟链"), &at));
  EXPECT_EQ(at, 4u);
  EXPECT_FALSE(FindTokenRun(MatchTokenize("alliance chains"), MatchTokenize("alliance chain"), &at));
}

}  // namespace
}  // namespace tmalign
