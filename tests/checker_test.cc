// The terminology checker (check/checker.h) on hand-built units: each kind of finding at
// its place, what is left alone, the order of findings, and the consistency warning.
#include "check/checker.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "terms/glossary.h"
#include "terms/term_matcher.h"

namespace tmalign {
namespace {

class CheckerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status s = glossary_.ParseTsv(
        "zh\ten\tvariants\tforbidden\tcase\n"
        "联盟链\talliance chain\tconsortium chain\tunion chain\t\n"
        "区块链\tblockchain\t\tblock chain\t\n"
        "数字中国\tDigital China\t\t\tyes\n"
        "科技部\tMOST\tMinistry of Science and Technology\t\tyes\n",
        "g.tsv");
    ASSERT_TRUE(s.ok()) << s.message();
    matcher_ = std::make_unique<TermMatcher>(glossary_);
  }

  // A unit with one piece a side, at line `line` of zh.txt and en.txt; no source if `zh` is empty.
  static CheckUnit Unit(const std::string& id, const std::string& document, const std::string& zh,
                        const std::string& en, int line = 1) {
    CheckUnit u;
    u.id = id;
    u.document = document;
    if (!zh.empty()) u.source.push_back(TextPiece{zh, "zh.txt", line, 1, {}});
    u.target.push_back(TextPiece{en, "en.txt", line, 1, {}});
    return u;
  }

  std::vector<Finding> Check(const std::vector<CheckUnit>& units) { return CheckUnits(*matcher_, units); }

  Glossary glossary_;
  std::unique_ptr<TermMatcher> matcher_;
};

// "kind file:line:column" of a location, for compact expectations.
std::string At(const TextLocation& l) {
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

std::vector<std::string> Summaries(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(std::string(FindingKindName(f.kind)) + " " + At(f.at));
  return out;
}

TEST_F(CheckerTest, ApprovedAndVariantRenderingsRaiseNothing) {
  EXPECT_TRUE(Check({Unit("1", "d", "发展联盟链。", "Develop the alliance chain.")}).empty());
  EXPECT_TRUE(Check({Unit("1", "d", "发展联盟链。", "Develop the consortium chains.")}).empty());
}

TEST_F(CheckerTest, MissingTermIsReportedAtTheTargetStartWithItsSourcePosition) {
  std::vector<Finding> f = Check({Unit("u7", "d", "发展联盟链技术。", "Develop the technology.", 3)});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, FindingKind::kMissing);
  EXPECT_FALSE(f[0].is_warning());
  EXPECT_EQ(f[0].unit_id, "u7");
  EXPECT_EQ(At(f[0].at), "en.txt:3:1");
  EXPECT_EQ(At(f[0].source_at), "zh.txt:3:3");
  EXPECT_EQ(f[0].term_zh, "联盟链");
  EXPECT_EQ(f[0].expected, "alliance chain");
  EXPECT_EQ(f[0].found, "");
  EXPECT_EQ(f[0].suggestion, "render 联盟链 as \"alliance chain\" (also accepted: \"consortium chain\")");
}

TEST_F(CheckerTest, ForbiddenRenderingIsReportedWhereItStandsAndIsNotAlsoMissing) {
  std::vector<Finding> f = Check({Unit("1", "d", "发展联盟链。", "We develop the union chain.")});
  ASSERT_EQ(f.size(), 1u) << ::testing::PrintToString(Summaries(f));
  EXPECT_EQ(f[0].kind, FindingKind::kForbidden);
  EXPECT_EQ(At(f[0].at), "en.txt:1:16");
  EXPECT_EQ(At(f[0].source_at), "zh.txt:1:3");
  EXPECT_EQ(f[0].found, "union chain");
  EXPECT_EQ(f[0].expected, "alliance chain");
  EXPECT_EQ(f[0].suggestion, "replace \"union chain\" with \"alliance chain\"");
}

TEST_F(CheckerTest, ForbiddenRenderingIsFoundWithoutASource) {
  std::vector<Finding> f = Check({Unit("1", "d", "", "A block chain.")});
  EXPECT_EQ(Summaries(f), std::vector<std::string>{"forbidden en.txt:1:3"});
  EXPECT_EQ(f[0].source_at.line, 0) << "no source, no source position";
}

TEST_F(CheckerTest, WrongCaseOfACaseSensitiveTerm) {
  std::vector<Finding> f = Check({Unit("1", "d", "建设数字中国。", "Building digital china.")});
  ASSERT_EQ(f.size(), 1u) << ::testing::PrintToString(Summaries(f));
  EXPECT_EQ(f[0].kind, FindingKind::kCase);
  EXPECT_EQ(At(f[0].at), "en.txt:1:10");
  EXPECT_EQ(f[0].found, "digital china");
  EXPECT_EQ(f[0].expected, "Digital China");
  EXPECT_EQ(f[0].suggestion, "write \"Digital China\" with this capitalization");
}

TEST_F(CheckerTest, OrdinaryWordIsNotACaseSlipUnlessItLooksLikeOne) {
  // "most" is an English word: not a slip for MOST without 科技部 in the source...
  EXPECT_TRUE(Check({Unit("1", "d", "发展。", "Most of it.")}).empty());
  EXPECT_TRUE(Check({Unit("1", "d", "", "Most of it.")}).empty());
  // ...but an inner capital is, with or without a source.
  EXPECT_EQ(Summaries(Check({Unit("1", "d", "", "The MoST said.")})),
            std::vector<std::string>{"case en.txt:1:5"});
}

TEST_F(CheckerTest, FindingsComeInUnitOrderThenByTargetPosition) {
  std::vector<Finding> f = Check({
      Unit("a", "d", "区块链和联盟链。", "The union chain and the block chain.", 1),
      Unit("b", "d", "数字中国与科技部。", "Digital china and the ministry.", 2),
  });
  // A missing term counts as position 0 of the target, after a finding that is really there.
  EXPECT_EQ(Summaries(f), (std::vector<std::string>{"forbidden en.txt:1:5", "forbidden en.txt:1:25",
                                                    "case en.txt:2:1", "missing en.txt:2:1"}));
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0].unit_id, "a");
  EXPECT_EQ(f[2].unit_id, "b");
  EXPECT_EQ(f[3].term_zh, "科技部");
}

TEST_F(CheckerTest, TwoAcceptedRenderingsInOneDocumentGetOneWarning) {
  std::vector<Finding> f = Check({
      Unit("1", "d", "联盟链。", "The alliance chain.", 1),
      Unit("2", "d", "联盟链和联盟链。", "The consortium chain and the consortium chain.", 2),
      Unit("3", "d", "联盟链。", "The alliance chain.", 3),
  });
  ASSERT_EQ(f.size(), 1u) << ::testing::PrintToString(Summaries(f));
  EXPECT_EQ(f[0].kind, FindingKind::kInconsistent);
  EXPECT_TRUE(f[0].is_warning());
  EXPECT_EQ(f[0].unit_id, "2");
  EXPECT_EQ(At(f[0].at), "en.txt:2:5");
  EXPECT_EQ(f[0].found, "consortium chain");
  EXPECT_EQ(f[0].suggestion,
            "use one rendering throughout (first rendered \"alliance chain\" at en.txt:1:5); approved: "
            "\"alliance chain\"");
}

TEST_F(CheckerTest, ConsistencyIsPerDocument) {
  EXPECT_TRUE(Check({
                        Unit("1", "d1", "联盟链。", "The alliance chain.", 1),
                        Unit("2", "d2", "联盟链。", "The consortium chain.", 2),
                    })
                  .empty());
}

TEST_F(CheckerTest, RenderingOfATermNotInTheSourceIsNotComparedForConsistency) {
  // Unit 2's "consortium chain" renders no 联盟链 of its source: no warning.
  EXPECT_TRUE(Check({
                        Unit("1", "d", "联盟链。", "The alliance chain.", 1),
                        Unit("2", "d", "区块链。", "The blockchain of the consortium chain.", 2),
                    })
                  .empty());
}

// Issue 11 §3: the false alarms and the miss measured on professional translations.
class CheckerFalseAlarmTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status s = glossary_.ParseTsv(
        "zh\ten\tvariants\tforbidden\tcase\n"
        "爆发\toutbreak\t\t\t\n"
        "疾病爆发\tdisease outbreak\t\t\t\n"
        "COVID-19\tCOVID-19\t\t\t\n"
        "新冠肺炎\tCOVID-19\t\t\t\n"
        "血压\tblood pressure\t\t\t\n"
        "湖北\tHubei\t\t\t\n"
        "联盟链\talliance chain\t\t\t\n"
        "链\tchain\t\t\t\n",
        "g.tsv");
    ASSERT_TRUE(s.ok()) << s.message();
    matcher_ = std::make_unique<TermMatcher>(glossary_);
  }
  std::vector<std::string> Check(const std::string& zh, const std::string& en) {
    CheckUnit u;
    u.id = "1";
    u.document = "d";
    u.source.push_back(TextPiece{zh, "zh.txt", 1, 1, {}});
    u.target.push_back(TextPiece{en, "en.txt", 1, 1, {}});
    std::vector<std::string> out;
    for (const Finding& f : CheckUnits(*matcher_, {u}))
      out.push_back(std::string(FindingKindName(f.kind)) + " " + f.term_zh);
    return out;
  }
  Glossary glossary_;
  std::unique_ptr<TermMatcher> matcher_;
};

TEST_F(CheckerFalseAlarmTest, RenderingInsideALongerTermsRenderingCounts) {
  // 疾病爆发 is not in the source: "disease outbreak" renders 爆发.
  EXPECT_TRUE(Check("疫情爆发后，学校停课。", "After the disease outbreak, schools closed.").empty());
  // The planted mistake is still found.
  EXPECT_EQ(Check("疫情爆发后，学校停课。", "After the disease spread, schools closed."),
            std::vector<std::string>{"missing 爆发"});
  // When the longer term is in the source, its rendering is its own: the shorter term inside
  // it does not count twice.
  EXPECT_TRUE(Check("疾病爆发", "the disease outbreak").empty());
}

TEST_F(CheckerFalseAlarmTest, LatinSourceTermMatchesCaseInsensitively) {
  EXPECT_TRUE(Check("Covid-19疫情期间", "during the Covid-19 pandemic").empty());
  EXPECT_TRUE(Check("COVID-19疫情期间", "during the covid-19 pandemic").empty());
  EXPECT_TRUE(Check("新冠肺炎疫情", "the Covid-19 epidemic").empty());
  EXPECT_EQ(Check("covid-19疫情期间", "during the pandemic"), std::vector<std::string>{"missing COVID-19"});
}

TEST_F(CheckerFalseAlarmTest, TermInsideALongerWordIsCheckedUnlessAWordCrossesIt) {
  EXPECT_EQ(Check("他患有高血压。", "He has hypertension."), std::vector<std::string>{"missing 血压"});
  EXPECT_TRUE(Check("他患有高血压。", "He has high blood pressure.").empty());
  EXPECT_EQ(Check("湖北省的疫情", "the epidemic in the province"), std::vector<std::string>{"missing 湖北"});
  EXPECT_TRUE(Check("湖北省的疫情", "the epidemic in Hubei Province").empty());
  // 联盟链接 is 联盟|链接: 链接 crosses the end of 联盟链.
  EXPECT_TRUE(Check("点击联盟链接购买", "Click the affiliate link to buy.").empty());
  // A one-character term must be a word of its own: 链 in 联盟链接's 链接 is not the term.
  EXPECT_TRUE(Check("联盟链接", "the affiliate link").empty());
}

// The matching runs on several threads; the findings, and the consistency check that
// depends on unit order, must not depend on how many.
TEST_F(CheckerTest, SameFindingsWhateverTheThreads) {
  const char* targets[] = {"the alliance chain", "a consortium chain", "the union chain", "the block chain",
                           "a blockchain",       "digital china",      "nothing at all"};
  std::vector<CheckUnit> units;
  for (int i = 0; i < 3000; ++i) {
    units.push_back(Unit(std::to_string(i), "doc" + std::to_string(i / 700),
                         i % 5 ? "发展联盟链和区块链。" : "",
                         std::string("We build ") + targets[(i * 7 + i / 3) % 7] + ".", i + 1));
  }
  auto dump = [](const std::vector<Finding>& findings) {
    std::string out;
    for (const Finding& f : findings)
      out +=
          std::string(FindingKindName(f.kind)) + " " + f.unit_id + " " + At(f.at) + " " + f.suggestion + "\n";
    return out;
  };
  const std::string one = dump(CheckUnits(*matcher_, units, 1));
  EXPECT_NE(one.find("inconsistent"), std::string::npos);
  EXPECT_NE(one.find("missing"), std::string::npos);
  EXPECT_EQ(dump(CheckUnits(*matcher_, units, 2)), one);
  EXPECT_EQ(dump(CheckUnits(*matcher_, units, 3)), one);
}

}  // namespace
}  // namespace tmalign
