// Chinese segmentation with the real lexicon: domain words stay whole.
#include "dict/chinese_segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "shared_lexicon.h"

namespace tmalign {
namespace {

std::vector<std::string> Tokens(std::string_view text, const BilingualLexicon& lexicon) {
  std::vector<std::string> out;
  for (const ChineseToken& t : SegmentChinese(text, lexicon)) out.emplace_back(t.text);
  return out;
}

bool Contains(const std::vector<std::string>& tokens, const std::string& word) {
  return std::find(tokens.begin(), tokens.end(), word) != tokens.end();
}

std::string Join(const std::vector<std::string>& tokens) {
  std::string out;
  for (const auto& t : tokens) out += t + "|";
  return out;
}

TEST(ChineseSegmenterTest, BlockchainStaysWhole) {
  TMALIGN_REQUIRE_LEXICON(lexicon);
  auto a = Tokens("发展联盟链技术", *lexicon);
  EXPECT_TRUE(Contains(a, "发展")) << Join(a);
  EXPECT_TRUE(Contains(a, "技术")) << Join(a);
  auto b = Tokens("区块链技术", *lexicon);
  EXPECT_TRUE(Contains(b, "区块链")) << Join(b);
  EXPECT_TRUE(Contains(b, "技术")) << Join(b);
  EXPECT_FALSE(Contains(b, "区块")) << Join(b);
}

// 联盟链 is in neither CC-CEDICT nor jieba's dict.txt: the real lexicon alone
// gives 联盟|链; a glossary term keeps it whole (glossary_terms_test.cc).
TEST(ChineseSegmenterTest, AllianceChainSplitsWithoutAGlossary) {
  TMALIGN_REQUIRE_LEXICON(lexicon);
  EXPECT_FALSE(Contains(Tokens("发展联盟链技术", *lexicon), "联盟链"));
}

// The mechanism itself: a word the lexicon knows beats its parts.
TEST(ChineseSegmenterTest, KnownLongWordBeatsItsParts) {
  Cedict cedict;
  ASSERT_TRUE(Cedict::Parse("發展 发展 [fa1 zhan3] /to develop/\n"
                            "聯盟 联盟 [lian2 meng2] /alliance/\n"
                            "鏈 链 [lian4] /chain/\n"
                            "聯盟鏈 联盟链 [lian2 meng2 lian4] /consortium blockchain/\n"
                            "技術 技术 [ji4 shu4] /technology/\n",
                            "mini.u8", &cedict)
                  .ok());
  auto lexicon = BilingualLexicon::FromCedict(cedict);
  EXPECT_EQ(Join(Tokens("发展联盟链技术", *lexicon)), "发展|联盟链|技术|");
  // Traditional headwords are known too.
  EXPECT_EQ(Join(Tokens("發展聯盟鏈技術", *lexicon)), "發展|聯盟鏈|技術|");
}

TEST(ChineseSegmenterTest, TokensCoverTheHanText) {
  TMALIGN_REQUIRE_LEXICON(lexicon);
  const std::string text = "上海浦江创新论坛中心发布区块链技术报告";
  std::string joined;
  for (const ChineseToken& t : SegmentChinese(text, *lexicon)) {
    EXPECT_TRUE(t.is_han);
    joined += std::string(t.text);
  }
  EXPECT_EQ(joined, text);
}

TEST(ChineseSegmenterTest, LatinRunsAndDigitsAreTokens) {
  TMALIGN_REQUIRE_LEXICON(lexicon);
  auto segs = SegmentChinese("2021年FISCO BCOS开源社区有5G应用", *lexicon);
  std::vector<std::string> toks;
  for (const auto& t : segs) toks.emplace_back(t.text);
  EXPECT_TRUE(Contains(toks, "2021")) << Join(toks);
  EXPECT_TRUE(Contains(toks, "FISCO")) << Join(toks);
  EXPECT_TRUE(Contains(toks, "BCOS")) << Join(toks);
  EXPECT_TRUE(Contains(toks, "开源")) << Join(toks);
  for (const auto& t : segs) {
    if (t.text == "2021" || t.text == "FISCO" || t.text == "BCOS") {
      EXPECT_FALSE(t.is_han) << t.text;
    }
  }
  EXPECT_TRUE(Contains(toks, "5G") || (Contains(toks, "5") && Contains(toks, "G"))) << Join(toks);
}

TEST(ChineseSegmenterTest, PunctuationAndSpacesDropped) {
  TMALIGN_REQUIRE_LEXICON(lexicon);
  auto toks = Tokens("区块链，技术。 “联盟链”（试点）、发展！", *lexicon);
  for (const auto& t : toks) {
    for (const char* p : {"，", "。", "“", "”", "（", "）", "、", "！", " "}) {
      EXPECT_EQ(t.find(p), std::string::npos) << "punctuation kept in token '" << t << "': " << Join(toks);
    }
  }
  EXPECT_TRUE(Contains(toks, "区块链")) << Join(toks);
  EXPECT_TRUE(Contains(toks, "试点")) << Join(toks);
  EXPECT_TRUE(Tokens("。，！？；：", *lexicon).empty());
  EXPECT_TRUE(Tokens("", *lexicon).empty());
}

}  // namespace
}  // namespace tmalign
