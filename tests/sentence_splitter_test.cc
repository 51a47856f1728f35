#include "text/sentence_splitter.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace tmalign {
namespace {

std::vector<std::string> Texts(std::string_view text, Language lang) {
  std::vector<std::string> out;
  for (const Sentence& s : SplitSentences(text, lang)) out.push_back(s.text);
  return out;
}

using V = std::vector<std::string>;

std::string WithoutWhitespace(std::string_view s) {
  std::string out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (!u_isUWhiteSpace(c)) out.append(s.substr(start, i - start));
  }
  return out;
}

// Nothing but whitespace is lost or reordered, and no sentence is empty or has edge spaces.
void ExpectLossless(std::string_view text, Language lang) {
  std::string joined;
  for (const Sentence& s : SplitSentences(text, lang)) {
    ASSERT_FALSE(s.text.empty());
    EXPECT_EQ(WithoutWhitespace(s.text.substr(0, 1)).size(), 1u) << s.text;
    EXPECT_NE(s.text.back(), ' ') << s.text;
    joined += s.text;
  }
  EXPECT_EQ(WithoutWhitespace(joined), WithoutWhitespace(text));
}

// ------------------------------------------------------------------ English traps

TEST(EnglishSplitTest, IssueNumberAndVolume) {
  EXPECT_EQ(Texts("{No.7 Vol. 142}", Language::kEn), V{"{No.7 Vol. 142}"});
  EXPECT_EQ(Texts("See Fig. 3 and pp. 12-14 for details. Then stop.", Language::kEn),
            (V{"See Fig. 3 and pp. 12-14 for details.", "Then stop."}));
}

TEST(EnglishSplitTest, DateWithGluedDot) {
  EXPECT_EQ(Texts("June.16 2021", Language::kEn), V{"June.16 2021"});
  EXPECT_EQ(Texts("It opened on Jan. 5 2021 in Shanghai.", Language::kEn),
            V{"It opened on Jan. 5 2021 in Shanghai."});
}

TEST(EnglishSplitTest, TitlesDoNotEndSentences) {
  EXPECT_EQ(Texts("Dr. Smith arrived. He spoke.", Language::kEn), (V{"Dr. Smith arrived.", "He spoke."}));
  EXPECT_EQ(Texts("Prof. Li and Mr. Wang met Ms. Zhao. They talked.", Language::kEn),
            (V{"Prof. Li and Mr. Wang met Ms. Zhao.", "They talked."}));
}

TEST(EnglishSplitTest, CountryAbbreviations) {
  EXPECT_EQ(Texts("Trade between the U.S. and China grew.", Language::kEn),
            V{"Trade between the U.S. and China grew."});
  EXPECT_EQ(Texts("The U.K. Government agreed.", Language::kEn), V{"The U.K. Government agreed."});
  EXPECT_EQ(Texts("He moved to the U.S. The move was hard.", Language::kEn),
            (V{"He moved to the U.S.", "The move was hard."}));
}

TEST(EnglishSplitTest, Initials) {
  EXPECT_EQ(Texts("J. R. R. Tolkien wrote it.", Language::kEn), V{"J. R. R. Tolkien wrote it."});
}

TEST(EnglishSplitTest, RomanNumeralHeading) {
  EXPECT_EQ(Texts("I. The Status Quo and Development Trend of Blockchain Technology", Language::kEn),
            V{"I. The Status Quo and Development Trend of Blockchain Technology"});
  EXPECT_EQ(Texts("III. Uphold the Four Reinforcements", Language::kEn),
            V{"III. Uphold the Four Reinforcements"});
  EXPECT_EQ(Texts("2. Strengthen Talent Training", Language::kEn), V{"2. Strengthen Talent Training"});
  // Mid-line, "World War II." does end a sentence.
  EXPECT_EQ(Texts("It began after World War II. Then it grew.", Language::kEn),
            (V{"It began after World War II.", "Then it grew."}));
}

TEST(EnglishSplitTest, MarkdownBold) {
  EXPECT_EQ(Texts("It grew in China. In the opinion of **MEI Jianping**, with the decision, it will grow.",
                  Language::kEn),
            (V{"It grew in China.", "In the opinion of **MEI Jianping**, with the decision, it will grow."}));
  EXPECT_EQ(Texts("**Note.** Then we start.", Language::kEn), (V{"**Note.**", "Then we start."}));
}

TEST(EnglishSplitTest, QuotedSentence) {
  EXPECT_EQ(Texts("He said: \u201cIt works.\u201d Then he left.", Language::kEn),
            (V{"He said: \u201cIt works.\u201d", "Then he left."}));
  EXPECT_EQ(Texts("\u201cWhy?\u201d he asked. Nobody knew.", Language::kEn),
            (V{"\u201cWhy?\u201d he asked.", "Nobody knew."}));
}

TEST(EnglishSplitTest, DecimalNumbers) {
  EXPECT_EQ(Texts("Revenue reached 3.5 billion yuan. Costs fell by 2.25%.", Language::kEn),
            (V{"Revenue reached 3.5 billion yuan.", "Costs fell by 2.25%."}));
}

TEST(EnglishSplitTest, Ellipsis) {
  EXPECT_EQ(Texts("Wait... what happened? He hesitated... Then he spoke.", Language::kEn),
            (V{"Wait... what happened?", "He hesitated...", "Then he spoke."}));
}

TEST(EnglishSplitTest, ColonAndSemicolonDoNotSplit) {
  EXPECT_EQ(Texts("Three points matter: speed; cost; trust. Next topic.", Language::kEn),
            (V{"Three points matter: speed; cost; trust.", "Next topic."}));
}

TEST(EnglishSplitTest, AmbiguousAbbreviationsAtSentenceEnd) {
  EXPECT_EQ(Texts("The meeting ended at 5 p.m. The guests left.", Language::kEn),
            (V{"The meeting ended at 5 p.m.", "The guests left."}));
  EXPECT_EQ(Texts("They met at 5 p.m. Beijing time.", Language::kEn), V{"They met at 5 p.m. Beijing time."});
  EXPECT_EQ(Texts("It was founded by Apple Inc. The company grew.", Language::kEn),
            (V{"It was founded by Apple Inc.", "The company grew."}));
  EXPECT_EQ(Texts("Shares of Tree-Graph Co. Ltd. Shanghai rose.", Language::kEn),
            V{"Shares of Tree-Graph Co. Ltd. Shanghai rose."});
  EXPECT_EQ(Texts("Banks, insurers, etc. Also startups.", Language::kEn),
            (V{"Banks, insurers, etc.", "Also startups."}));
}

TEST(EnglishSplitTest, QuestionsAndExclamationsSplit) {
  EXPECT_EQ(Texts("Is it safe? Yes! It is.", Language::kEn), (V{"Is it safe?", "Yes!", "It is."}));
}

TEST(SplitTest, LineBreaksAreHardBoundariesAndPositionsAreReported) {
  const std::string text = "Dr. Smith arrived. He spoke of\n\n  the future.  It is near.\n";
  std::vector<Sentence> s = SplitSentences(text, Language::kEn);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].text, "Dr. Smith arrived.");
  EXPECT_EQ(s[1].text, "He spoke of");
  EXPECT_EQ(s[2].text, "the future.");
  EXPECT_EQ(s[3].text, "It is near.");
  EXPECT_EQ(s[0].paragraph, 0);
  EXPECT_EQ(s[1].paragraph, 0);
  EXPECT_EQ(s[2].paragraph, 1);  // the blank line is not a paragraph
  EXPECT_EQ(s[3].paragraph, 1);
  EXPECT_EQ(s[0].line, 1);
  EXPECT_EQ(s[2].line, 3);
  EXPECT_EQ(s[0].column, 1);
  EXPECT_EQ(s[1].column, 20);
  EXPECT_EQ(s[2].column, 3);
  EXPECT_EQ(s[3].column, 16);
}

TEST(SplitTest, EmptyAndBlankInputGiveNothing) {
  EXPECT_TRUE(SplitSentences("", Language::kEn).empty());
  EXPECT_TRUE(SplitSentences(" \n\t\n\u3000\n", Language::kZh).empty());
  EXPECT_TRUE(SplitSentences("\n\n", Language::kEn).empty());
}

TEST(EnglishSplitTest, LosslessOnMixedTraps) {
  ExpectLossless(
      "  {No.7 Vol. 142}  Dr. Smith arrived.\tHe spoke of the U.S. and China\u3000\n\n"
      "**Note.** Wait... what? \u201cIt works.\u201d J. R. R. Tolkien. 3.5 billion!\r\n"
      "I. Heading\n \n",
      Language::kEn);
}

// ------------------------------------------------------------------ the real bulletin

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(BulletinTest, EnglishBulletinSplitsAtKnownBoundaries) {
  const std::string text = ReadFile(TMALIGN_TEST_DATA "/bulletin-en.txt");
  ASSERT_FALSE(text.empty());
  ExpectLossless(text, Language::kEn);
  std::vector<Sentence> s = SplitSentences(text, Language::kEn);
  ASSERT_EQ(s.size(), 72u);
  EXPECT_EQ(s[0].text, "{No.7 Vol. 142}");
  EXPECT_EQ(s[2].text, "June.16 2021");
  EXPECT_EQ(s[2].line, 5);
  EXPECT_EQ(s[2].paragraph, 2);
  EXPECT_EQ(s[5].text.substr(0, 18), "Editor's Note: In ");
  EXPECT_EQ(s[5].text.substr(s[5].text.size() - 12), "suggestions.");
  EXPECT_EQ(s[6].text,
            "This bulletin is a summary based on the reports from the participating guests\u00B9, and is "
            "intended for reference.");
  EXPECT_EQ(s[11].text, "I. The Status Quo and Development Trend of Blockchain Technology");
  EXPECT_EQ(s[12].text,
            "Firstly, blockchain technology has become the new development trend of the digital economy "
            "in China.");
  EXPECT_EQ(s[13].text.substr(0, 37), "In the opinion of **MEI Jianping**, w");
  EXPECT_EQ(s[25].text.substr(0, 4), "II. ");
  EXPECT_EQ(s[47].text.substr(0, 5), "III. ");
  EXPECT_EQ(s[71].text, "Summarized by Fan Xing");
  // The sentence cut by a stray line break stays cut.
  EXPECT_EQ(s[51].text.substr(0, 13), "to integrate ");
}

// ------------------------------------------------------------------ Chinese

TEST(ChineseSplitTest, BulletinParagraph) {
  const std::string text =
      "一、区块链技术发展现状与趋势\n"
      "\n"
      "（一）区块链成为数字经济发展新趋势\n"
      "梅建平认为，随着“数字中国”建设的重大战略部署，数字产业化、产业数字化已成为我国经济发展的新趋势和新动能"
      "；"
      "区块链作为社会治理的新基础、新手段，为实体经济转型升级提供了重要技术支撑。"
      "斯雪明指出：“区块链为数字社会构建信任奠定了基础。”他还表示，区块链的发展前景广阔！"
      "这是否意味着监管可以放松？并非如此……监管仍需加强。\n"
      "1. 加强人才培养\n"
      "应用场景包括物流、供应链、金融保险……等领域，前景广阔\n";
  ExpectLossless(text, Language::kZh);
  std::vector<Sentence> s = SplitSentences(text, Language::kZh);
  const V expected = {
      "一、区块链技术发展现状与趋势",
      "（一）区块链成为数字经济发展新趋势",
      "梅建平认为，随着“数字中国”建设的重大战略部署，数字产业化、产业数字化已成为我国经济发展的新趋势和新动能"
      "；",
      "区块链作为社会治理的新基础、新手段，为实体经济转型升级提供了重要技术支撑。",
      "斯雪明指出：“区块链为数字社会构建信任奠定了基础。”",
      "他还表示，区块链的发展前景广阔！",
      "这是否意味着监管可以放松？",
      "并非如此……",
      "监管仍需加强。",
      "1. 加强人才培养",
      "应用场景包括物流、供应链、金融保险……等领域，前景广阔",
  };
  EXPECT_EQ(Texts(text, Language::kZh), expected);
  ASSERT_EQ(s.size(), expected.size());
  EXPECT_EQ(s[0].paragraph, 0);
  EXPECT_EQ(s[1].paragraph, 1);
  EXPECT_EQ(s[1].line, 3);
  EXPECT_EQ(s[2].paragraph, 2);
  EXPECT_EQ(s[2].line, 4);
  EXPECT_EQ(s[2].column, 1);
  EXPECT_EQ(s[3].column, 1 + 53);  // columns count characters, not bytes
  EXPECT_EQ(s[8].paragraph, 2);
  EXPECT_EQ(s[9].paragraph, 3);
  EXPECT_EQ(s[10].line, 6);
}

TEST(ChineseSplitTest, PunctuationClustersAndClosers) {
  EXPECT_EQ(Texts("真的吗？！（他问。）我们走吧。", Language::kZh),
            (V{"真的吗？！", "（他问。）", "我们走吧。"}));
  EXPECT_EQ(Texts("他说：\"好。\"然后离开了……。下一句", Language::kZh),
            (V{"他说：\"好。\"", "然后离开了……。", "下一句"}));
  EXPECT_EQ(Texts("《区块链》！』下一句", Language::kZh), (V{"《区块链》！』", "下一句"}));
}

TEST(ChineseSplitTest, NoSplitOnCommaColonOrInsideUrls) {
  EXPECT_EQ(Texts("包括金融、物流，以及：供应链", Language::kZh), V{"包括金融、物流，以及：供应链"});
  EXPECT_EQ(Texts("详见https://example.org/a?b=1网站。", Language::kZh),
            V{"详见https://example.org/a?b=1网站。"});
  EXPECT_EQ(Texts("比例为3.5%。增长了", Language::kZh), (V{"比例为3.5%。", "增长了"}));
  EXPECT_EQ(Texts("等等...然后呢", Language::kZh), (V{"等等...", "然后呢"}));
}

TEST(ChineseSplitTest, Lossless) { ExpectLossless(" 甲。 乙！\t丙？丁；戊\u3000\n\n己……庚", Language::kZh); }

}  // namespace
}  // namespace tmalign
