#include "terms/glossary.h"

#include <gtest/gtest.h>

namespace tmalign {

TEST(GlossaryTest, ParsesColumnsInAnyOrder) {
  Glossary g;
  Status s = g.ParseTsv(
      "# comment\n"
      "en\tzh\tcase\tforbidden\tvariants\tnote\n"
      "alliance chain\t联盟链\t\tunion chain | league chain\tconsortium chain\tbulletin style\n"
      "\n"
      "Digital China\t数字中国\tTrue\t\t\t\n",
      "g.tsv");
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(g.entries().size(), 2u);
  const TermEntry& a = g.entries()[0];
  EXPECT_EQ(a.zh, "联盟链");
  EXPECT_EQ(a.en, "alliance chain");
  EXPECT_EQ(a.variants, std::vector<std::string>{"consortium chain"});
  EXPECT_EQ(a.forbidden, (std::vector<std::string>{"union chain", "league chain"}));
  EXPECT_FALSE(a.case_sensitive);
  EXPECT_EQ(a.line, 3);
  EXPECT_TRUE(g.entries()[1].case_sensitive);
  EXPECT_EQ(g.entries()[1].line, 5);
}

TEST(GlossaryTest, MalformedRowsNameFileAndLine) {
  struct Case {
    const char* text;
    const char* error;
  } cases[] = {
      {"zh\ten\tcase\n联盟链\talliance chain\tmaybe\n", "g.tsv:2: invalid case value 'maybe'"},
      {"zh\ten\n联盟链\n", "g.tsv:2: expected 2 fields, found 1"},
      {"zh\ten\n\n联盟链\t\n", "g.tsv:3: term '联盟链' has no en rendering"},
      {"zh\ten\n联盟链\ta\n聯盟鏈\tb\n", "g.tsv:3: duplicate term '聯盟鏈' (first defined at g.tsv:2)"},
      {"zh\tenglish\n", "g.tsv:1: unknown column 'english'"},
      {"en\tnote\n", "g.tsv:1: header must name the columns zh and en"},
      {"zh\ten\n联盟链\t\xff\n", "g.tsv: invalid UTF-8 at byte offset 16 (line 2)"},
  };
  for (const Case& c : cases) {
    Glossary g;
    Status s = g.ParseTsv(c.text, "g.tsv");
    ASSERT_FALSE(s.ok()) << c.text;
    EXPECT_EQ(s.message().rfind(c.error, 0), 0u) << s.message();
  }
}

TEST(GlossaryTest, CsvWithQuotesAndTsvRoundTrip) {
  Glossary g;
  Status s = g.ParseCsv(
      "zh,en,variants,forbidden,case,note\n"
      "四个强化,Four Reinforcements,,\"four strengthenings|\"\"four enhancements\"\"\",yes,\"a, b\"\n",
      "g.csv");
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(g.entries().size(), 1u);
  EXPECT_EQ(g.entries()[0].forbidden,
            (std::vector<std::string>{"four strengthenings", "\"four enhancements\""}));
  EXPECT_EQ(g.entries()[0].note, "a, b");
  Glossary back;
  ASSERT_TRUE(back.ParseTsv(g.ToTsv(), "rt.tsv").ok());
  ASSERT_EQ(back.entries().size(), 1u);
  EXPECT_EQ(back.entries()[0].en, "Four Reinforcements");
  EXPECT_EQ(back.entries()[0].forbidden, g.entries()[0].forbidden);
  EXPECT_TRUE(back.entries()[0].case_sensitive);
}

TEST(GlossaryTest, CaseFlagValues) {
  bool v = true;
  EXPECT_TRUE(ParseCaseFlag("", &v));
  EXPECT_FALSE(v);
  EXPECT_TRUE(ParseCaseFlag("YES", &v));
  EXPECT_TRUE(v);
  EXPECT_TRUE(ParseCaseFlag("0", &v));
  EXPECT_FALSE(v);
  EXPECT_FALSE(ParseCaseFlag("y", &v));
}

}  // namespace tmalign
