// End-to-end tests of `tmalign check` (run through the built binary).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "run_binary.h"
#include "terms_test_util.h"

namespace tmalign {

using testing::RunResult;
using testing::RunTmalign;

namespace {

// "kind line:column" for each finding, in output order.
std::vector<std::string> Summaries(const nlohmann::json& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) {
    out.push_back(f["kind"].get<std::string>() + " " + std::to_string(f["line"].get<int>()) + ":" +
                  std::to_string(f["column"].get<int>()));
  }
  return out;
}

}  // namespace

TEST(CheckCliTest, TsvFindsEachPlantedMistakeAtItsPosition) {
  RunResult r = RunTmalign("check --json -g " + Data("glossary.tsv") + " --tsv " + Data("planted.tsv"));
  ASSERT_EQ(r.exit_code, 1) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(Summaries(j),
            (std::vector<std::string>{"forbidden 1:15", "missing 2:11", "case 4:17", "inconsistent 6:14"}));
  EXPECT_EQ(j[0]["term_zh"], "联盟链");
  EXPECT_EQ(j[0]["expected"], "alliance chain");
  EXPECT_EQ(j[0]["found"], "union chain");
  EXPECT_EQ(j[0]["source_line"], 1);
  EXPECT_EQ(j[0]["source_column"], 1);
  EXPECT_EQ(j[1]["term_zh"], "去中心化");
  EXPECT_EQ(j[1]["found"], "");
  EXPECT_EQ(j[1]["source_column"], 5);
  EXPECT_EQ(j[2]["found"], "digital china");
  EXPECT_EQ(j[2]["expected"], "Digital China");
  EXPECT_EQ(j[3]["found"], "Consortium chains");
  EXPECT_EQ(j[3]["severity"], "warning");
  EXPECT_EQ(j[3]["file"], Data("planted.tsv"));
  // Line 7 (联盟链接, "affiliate link") must not be reported as a missing 联盟链.
  for (const auto& f : j) EXPECT_NE(f["line"], 7);
}

TEST(CheckCliTest, TargetOnlyFindsForbiddenAndCaseAcrossLineBreaks) {
  RunResult r = RunTmalign("check --json -g " + Data("glossary.tsv") + " --target " + Data("planted_en.txt"));
  ASSERT_EQ(r.exit_code, 1) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(Summaries(j),
            (std::vector<std::string>{"forbidden 4:5", "forbidden 5:1", "case 5:23", "case 6:29"}));
  EXPECT_EQ(j[3]["found"], "MoST");
  EXPECT_TRUE(j[0]["source_line"].is_null());
}

TEST(CheckCliTest, CleanRealTextHasNoFalseAlarm) {
  RunResult r = RunTmalign("check --json -g " + Data("glossary.tsv") + " --tsv " + Data("clean.tsv"));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out).size(), 0u) << r.out;
}

TEST(CheckCliTest, TextOutputIsPlainWhenNotATerminal) {
  RunResult r = RunTmalign("check -g " + Data("glossary.tsv") + " --tsv " + Data("planted.tsv"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.find('\033'), std::string::npos);
  EXPECT_NE(
      r.out.find(Data("planted.tsv") + ":1:15: forbidden: deprecated rendering \"union chain\" for 联盟链"),
      std::string::npos)
      << r.out;
  RunResult colored =
      RunTmalign("check --color always -g " + Data("glossary.tsv") + " --tsv " + Data("planted.tsv"));
  EXPECT_NE(colored.out.find('\033'), std::string::npos);
}

TEST(CheckCliTest, WarningsAloneExitZeroUnlessStrict) {
  const std::string tsv = WriteTemp("warn_only.tsv",
                                    "联盟链很重要。\tThe alliance chain matters.\n"
                                    "联盟链很重要。\tThe consortium chain matters.\n");
  RunResult r = RunTmalign("check --json -g " + Data("glossary.tsv") + " --tsv " + tsv);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(Summaries(nlohmann::json::parse(r.out)), std::vector<std::string>{"inconsistent 2:13"});
  EXPECT_EQ(RunTmalign("check --strict -g " + Data("glossary.tsv") + " --tsv " + tsv).exit_code, 1);
}

TEST(CheckCliTest, UsageAndInputErrorsExitTwo) {
  EXPECT_EQ(RunTmalign("check --tsv " + Data("planted.tsv")).exit_code, 2);  // no glossary
  EXPECT_EQ(RunTmalign("check -g " + Data("glossary.tsv")).exit_code, 2);    // no input
  EXPECT_EQ(RunTmalign("check -g " + Data("glossary.tsv") + " --bogus").exit_code, 2);
  const std::string bad = WriteTemp("bad.tsv", "联盟链 no tab here\n");
  RunResult r = RunTmalign("check -g " + Data("glossary.tsv") + " --tsv " + bad);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.tsv:1: expected source TAB target"), std::string::npos) << r.err;
  const std::string bad_glossary =
      WriteTemp("bad_glossary.tsv", "zh\ten\tcase\n联盟链\talliance chain\tsometimes\n");
  r = RunTmalign("check -g " + bad_glossary + " --tsv " + Data("planted.tsv"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad_glossary.tsv:2: invalid case value"), std::string::npos) << r.err;
}

TEST(CheckCliTest, HelpExitsZero) {
  RunResult r = RunTmalign("check --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--glossary"), std::string::npos);
}

}  // namespace tmalign

namespace tmalign {

TEST(CheckCliTest, Xliff12And20UnitsAtTheirPositions) {
  RunResult r = RunTmalign("check --json -g " + Data("glossary.tsv") + " --xliff " + Data("planted12.xlf"));
  ASSERT_EQ(r.exit_code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(Summaries(j), (std::vector<std::string>{"forbidden 7:21", "missing 11:17"}));
  EXPECT_EQ(j[0]["unit"], "u1");
  EXPECT_EQ(j[1]["source_line"], 10);
  EXPECT_EQ(j[1]["source_column"], 31);  // 去中心化 sits inside <g id="1">
  r = RunTmalign("check --json -g " + Data("glossary.tsv") + " --xliff " + Data("planted20.xlf"));
  ASSERT_EQ(r.exit_code, 1) << r.err;
  j = nlohmann::json::parse(r.out);
  EXPECT_EQ(Summaries(j), (std::vector<std::string>{"case 7:21", "forbidden 12:56"}));
  EXPECT_EQ(j[1]["unit"], "b");
  EXPECT_EQ(j[1]["found"], "league chain");
}

TEST(CheckCliTest, XliffLockedUnitsAreNotCheckedMarkedSentencesAre) {
  // A locked unit keeps its Chinese as the target (as some filters write it): not a
  // translation, so no finding. A paragraph of two marked sentences (Trados Studio, Okapi): the
  // finding is at the second sentence's own position.
  const std::string xlf = WriteTemp(
      "locked.xlf",
      "<xliff version=\"1.2\">\n<file source-language=\"zh-CN\" target-language=\"en\"><body>\n"
      "<trans-unit id=\"lock\" translate=\"no\"><source>联盟链</source><target>联盟链</target></trans-unit>\n"
      "<trans-unit id=\"p1\"><source>区块链。联盟链。</source>\n"
      "<seg-source><mrk mtype=\"seg\" mid=\"1\">区块链。</mrk><mrk mtype=\"seg\" "
      "mid=\"2\">联盟链。</mrk></seg-source>\n"
      "<target><mrk mtype=\"seg\" mid=\"1\">Blockchain.</mrk> <mrk mtype=\"seg\" mid=\"2\">The union "
      "chain.</mrk></target></trans-unit>\n"
      "</body></file></xliff>\n");
  RunResult r = RunTmalign("check --json -g " + Data("glossary.tsv") + " --xliff " + xlf);
  ASSERT_EQ(r.exit_code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(Summaries(j), (std::vector<std::string>{"forbidden 6:81"})) << r.out;
  EXPECT_EQ(j[0]["unit"], "p1");
  EXPECT_EQ(j[0]["source_line"], 5);
  EXPECT_EQ(j[0]["source_column"], 73);
}

TEST(CheckCliTest, TmxUnits) {
  RunResult r = RunTmalign("check --json -g " + Data("glossary.tsv") + " --tmx " + Data("planted.tmx"));
  ASSERT_EQ(r.exit_code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 2u) << r.out;
  EXPECT_EQ(j[0]["kind"], "case");
  EXPECT_EQ(j[0]["line"], 7);
  EXPECT_EQ(j[0]["column"], 38);
  EXPECT_EQ(j[1]["kind"], "forbidden");
  EXPECT_EQ(j[1]["found"], "block chain");
  EXPECT_EQ(j[1]["unit"], "t1");
  EXPECT_EQ(j[1]["line"], 7);
  EXPECT_EQ(j[1]["column"], 78);  // the file's column, after the inline <bpt> markup
}

TEST(CheckCliTest, XmlInputsRejectEntitiesWithPosition) {
  const std::string xxe =
      WriteTemp("xxe.xlf",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n"
                "<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>联盟链</source>"
                "<target>&x;</target></trans-unit></body></file></xliff>\n");
  RunResult r = RunTmalign("check -g " + Data("glossary.tsv") + " --xliff " + xxe);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("xxe.xlf:3:"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("root"), std::string::npos);
  const std::string broken =
      WriteTemp("broken.xlf", "<xliff version=\"1.2\">\n<file>\n<body>\n</file>\n</xliff>\n");
  r = RunTmalign("check -g " + Data("glossary.tsv") + " --xliff " + broken);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("broken.xlf:4:3: mismatched tag"), std::string::npos) << r.err;
  const std::string laughs = Data("billion_laughs.tbx");
  r = RunTmalign("check -g " + laughs + " --tsv " + Data("clean.tsv"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("entity declarations are not allowed"), std::string::npos) << r.err;
}

}  // namespace tmalign
