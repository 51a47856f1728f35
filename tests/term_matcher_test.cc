#include "terms/term_matcher.h"

#include <gtest/gtest.h>

namespace tmalign {

namespace {

Glossary MakeGlossary() {
  Glossary g;
  Status s = g.ParseTsv(
      "zh\ten\tvariants\tforbidden\tcase\n"
      "联盟链\talliance chain\tconsortium chain\tunion chain\t\n"
      "区块链\tblockchain\t\tblock chain\t\n"
      "区块链联盟\tblockchain alliance\t\t\t\n"
      "链\tchain\t\t\t\n"
      "数字中国\tDigital China\t\t\tyes\n"
      "科技部\tMOST\tMinistry of Science and Technology\t\tyes\n"
      "监管政策\tregulatory policy\t\t\t\n",
      "g.tsv");
  EXPECT_TRUE(s.ok()) << s.message();
  return g;
}

std::vector<std::string> ZhTerms(const TermMatcher& m, const std::string& text) {
  std::vector<std::string> out;
  for (const ZhHit& h : m.FindZh(text))
    out.push_back(m.glossary().entries()[h.term].zh + "@" + std::to_string(h.begin));
  return out;
}

std::vector<std::string> EnFound(const TermMatcher& m, const std::string& text) {
  std::vector<std::string> out;
  for (const EnHit& h : m.FindEn(text)) out.push_back(text.substr(h.begin, h.end - h.begin));
  return out;
}

}  // namespace

TEST(TermMatcherTest, ChineseLongestMatchFirst) {
  Glossary g = MakeGlossary();
  TermMatcher m(g);
  EXPECT_EQ(ZhTerms(m, "建设区块链联盟。"), std::vector<std::string>{"区块链联盟@6"});
  EXPECT_EQ(ZhTerms(m, "区块链和联盟链"), (std::vector<std::string>{"区块链@0", "联盟链@12"}));
}

TEST(TermMatcherTest, ChineseRejectsMatchInsideIcuWord) {
  Glossary g = MakeGlossary();
  TermMatcher m(g);
  // ICU segments 联盟|链接: 联盟链 ends strictly inside 链接, so it is not the term.
  EXPECT_TRUE(ZhTerms(m, "点击联盟链接购买").empty())
      << ::testing::PrintToString(ZhTerms(m, "点击联盟链接购买"));
  EXPECT_EQ(ZhTerms(m, "发展联盟链"), std::vector<std::string>{"联盟链@6"});
}

TEST(TermMatcherTest, ChineseMatchesTraditionalAndFullWidth) {
  Glossary g = MakeGlossary();
  TermMatcher m(g);
  EXPECT_EQ(ZhTerms(m, "發展聯盟鏈"), std::vector<std::string>{"联盟链@6"});  // offsets into the original
}

TEST(TermMatcherTest, EnglishWordBoundariesAndInflection) {
  Glossary g = MakeGlossary();
  TermMatcher m(g);
  EXPECT_EQ(EnFound(m, "a blockchain"), std::vector<std::string>{"blockchain"});  // no "chain" inside
  EXPECT_EQ(EnFound(m, "Two alliance chains' rules and the alliance chain's."),
            (std::vector<std::string>{"alliance chains'", "alliance chain's"}));
  EXPECT_EQ(EnFound(m, "alliance-chain, alliance\nchain, alliance — chain"),
            (std::vector<std::string>{"alliance-chain", "alliance\nchain", "alliance — chain"}));
  EXPECT_EQ(EnFound(m, "new regulatory policies"), std::vector<std::string>{"regulatory policies"});
  EXPECT_TRUE(EnFound(m, "chainsaw alliancechain").empty());
  EXPECT_EQ(EnFound(m, "blockchain alliances"), std::vector<std::string>{"blockchain alliances"});
}

TEST(TermMatcherTest, EnglishCurlyQuotesAndFullWidth) {
  Glossary g;
  ASSERT_TRUE(g.ParseTsv("zh\ten\n中国的\tChina's way\n", "g.tsv").ok());
  TermMatcher m(g);
  EXPECT_EQ(EnFound(m, "China’s way"), std::vector<std::string>{"China’s way"});
  EXPECT_EQ(EnFound(m, "ＣＨＩＮＡ'S WAY"), std::vector<std::string>{"ＣＨＩＮＡ'S WAY"});
}

TEST(TermMatcherTest, InvisibleFormatCharactersInsideWords) {
  Glossary g = MakeGlossary();
  TermMatcher m(g);
  // A soft hyphen (a hyphenation hint from a word processor) and a zero-width space inside
  // a word are not there for matching; the hit's offsets still span the original bytes.
  EXPECT_EQ(EnFound(m,
                    "the alli\xC2\xAD"
                    "ance chain"),
            std::vector<std::string>{"alli\xC2\xAD"
                                     "ance chain"});
  EXPECT_EQ(EnFound(m,
                    "the alli\xE2\x80\x8B"
                    "ance chain."),
            std::vector<std::string>{"alli\xE2\x80\x8B"
                                     "ance chain"});
  EXPECT_EQ(EnFound(m,
                    "block\xE2\x81\xA0"
                    "chain"),
            std::vector<std::string>{"block\xE2\x81\xA0"
                                     "chain"});
  EXPECT_EQ(ZhTerms(m, "发展联\xE2\x80\x8B盟链"), std::vector<std::string>{"联盟链@6"});
  EXPECT_EQ(ZhTerms(m, "\xEF\xBB\xBF联盟链"), std::vector<std::string>{"联盟链@3"});
}

TEST(TermMatcherTest, EnglishCaseExactness) {
  Glossary g = MakeGlossary();
  TermMatcher m(g);
  auto hits = m.FindEn("digital china and Digital China and MOST and most");
  ASSERT_EQ(hits.size(), 4u);
  EXPECT_FALSE(hits[0].case_exact);
  EXPECT_TRUE(hits[1].case_exact);
  EXPECT_TRUE(hits[2].case_exact);
  EXPECT_FALSE(hits[3].case_exact);
  EXPECT_EQ(hits[0].kind, RenderingKind::kApproved);
}

TEST(TermMatcherTest, ForbiddenAndVariantKinds) {
  Glossary g = MakeGlossary();
  TermMatcher m(g);
  auto hits = m.FindEn("the union chain and the consortium chain and a block chain");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].kind, RenderingKind::kForbidden);
  EXPECT_EQ(m.FormText(hits[0]), "union chain");
  EXPECT_EQ(hits[1].kind, RenderingKind::kVariant);
  EXPECT_EQ(hits[2].kind, RenderingKind::kForbidden);
  EXPECT_EQ(g.entries()[hits[2].term].zh, "区块链");
}

TEST(TermMatcherTest, TermInsideAWordThatHoldsItWhole) {
  Glossary g;
  ASSERT_TRUE(
      g.ParseTsv("zh\ten\n血压\tblood pressure\n湖北\tHubei\n联盟链\talliance chain\n链\tchain\n", "g.tsv")
          .ok());
  TermMatcher m(g);
  EXPECT_EQ(ZhTerms(m, "高血压"), std::vector<std::string>{"血压@3"});
  EXPECT_EQ(ZhTerms(m, "湖北省"), std::vector<std::string>{"湖北@0"});
  EXPECT_TRUE(ZhTerms(m, "联盟链接").empty());  // 链接 crosses the end of 联盟链
  // Only the stretch between separators around a hit is segmented; the words are the same.
  EXPECT_TRUE(ZhTerms(m, "你好，点击联盟链接购买。再见").empty());
  EXPECT_EQ(ZhTerms(m, "你好，发展联盟链。再见"), std::vector<std::string>{"联盟链@15"});
  EXPECT_EQ(ZhTerms(m, "A.联盟链 B"), std::vector<std::string>{"联盟链@2"});
}

TEST(TermMatcherTest, OverlappedRenderingsOnRequest) {
  Glossary g;
  ASSERT_TRUE(g.ParseTsv("zh\ten\n爆发\toutbreak\n疾病爆发\tdisease outbreak\n", "g.tsv").ok());
  TermMatcher m(g);
  std::vector<EnHit> overlapped;
  const std::vector<EnHit> hits = m.FindEn("the disease outbreak", &overlapped);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(g.entries()[hits[0].term].zh, "疾病爆发");
  ASSERT_EQ(overlapped.size(), 1u);
  EXPECT_EQ(g.entries()[overlapped[0].term].zh, "爆发");
  EXPECT_EQ(overlapped[0].begin, 12u);
}

}  // namespace tmalign
