// Term usage (terms/term_usage.h) on hand-built units, and `tmalign terms usage` end to end
// on the bundled bulletin.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "dict/cedict.h"
#include "run_binary.h"
#include "terms/term_usage.h"
#include "tm/translation_memory.h"

namespace tmalign {
namespace {

using testing::RunResult;
using testing::RunTmalign;

struct Unit {
  std::string doc;
  int position;
  std::string source, target;
};

std::vector<TermUsage> Collect(const std::vector<std::string>& terms, const Glossary* glossary,
                               const std::vector<Unit>& units, unsigned threads = 0) {
  TermUsageCollector c(terms, glossary, nullptr, threads);
  for (const Unit& u : units) c.AddUnit(u.doc, u.position, u.source, u.target);
  if (c.needs_counts()) {
    for (const Unit& u : units) c.CountUnit(u.target);
  }
  return c.Finish();
}

TEST(TermUsageTest, GlossaryRenderingsWithStatusCountsAndUnrendered) {
  Glossary g;
  ASSERT_TRUE(
      g.ParseTsv("zh\ten\tvariants\tforbidden\n联盟链\talliance chain\tconsortium chain\tunion chain\n",
                 "g.tsv")
          .ok());
  const std::vector<TermUsage> usage = Collect({"联盟链"}, &g,
                                               {{"a", 0, "发展联盟链。", "Develop alliance chains."},
                                                {"a", 1, "联盟链很好。", "The alliance chains are good."},
                                                {"a", 2, "联盟链。", "The Alliance Chain."},
                                                {"b", 0, "联盟链。", "The union chain."},
                                                {"b", 1, "联盟链技术。", "The technology."},
                                                {"b", 2, "其他。", "Other things."}});
  ASSERT_EQ(usage.size(), 1u);
  const TermUsage& u = usage[0];
  EXPECT_EQ(u.term, "联盟链");
  EXPECT_EQ(u.units, 5);
  EXPECT_EQ(u.docs, 2);
  EXPECT_EQ(u.unrendered, 1);
  ASSERT_EQ(u.renderings.size(), 2u);
  EXPECT_EQ(u.renderings[0].text, "alliance chains");  // the most frequent surface form
  EXPECT_EQ(u.renderings[0].count, 3);                 // case and inflection folded
  EXPECT_EQ(u.renderings[0].docs, 1);
  EXPECT_EQ(u.renderings[0].status, RenderingStatus::kApproved);
  EXPECT_EQ(u.renderings[0].example.doc, "a");
  EXPECT_EQ(u.renderings[0].example.unit, 0);
  EXPECT_EQ(u.renderings[1].text, "union chain");
  EXPECT_EQ(u.renderings[1].status, RenderingStatus::kForbidden);
  EXPECT_EQ(u.renderings[1].doc_ids, std::vector<std::string>{"b"});
}

// Units are worked on in batches of a few thousand on several threads: the result must not
// depend on how many, across batch edges too.
TEST(TermUsageTest, SameResultWhateverTheThreads) {
  Glossary g;
  ASSERT_TRUE(g.ParseTsv("zh\ten\tvariants\tforbidden\n联盟链\talliance chain\tconsortium chain\tunion "
                         "chain\n区块链\tblockchain\t\t\n",
                         "g.tsv")
                  .ok());
  const char* renderings[] = {"alliance chain", "consortium chain", "union chain", "league ledger", "chain"};
  const char* fillers[] = {"the", "new", "open", "rules", "for", "markets", "banks", "today"};
  std::vector<Unit> units;
  uint32_t x = 12345;
  auto next = [&](uint32_t n) {
    x = x * 1103515245u + 12345u;
    return (x >> 16) % n;
  };
  for (int i = 0; i < 9000; ++i) {
    std::string target;
    for (uint32_t k = 0, n = 3 + next(6); k < n; ++k) target += std::string(fillers[next(8)]) + " ";
    target += renderings[next(5)];
    if (next(3) == 0) target += " and blockchain";
    units.push_back({"doc" + std::to_string(i / 2500), i % 2500, next(4) ? "发展联盟链和区块链。" : "其他。",
                     target + "."});
  }
  auto dump = [](const std::vector<TermUsage>& usage) {
    std::string out;
    for (const TermUsage& u : usage) {
      out += u.term + " " + std::to_string(u.units) + " " + std::to_string(u.docs) + " " +
             std::to_string(u.unrendered) + "\n";
      for (const RenderingUsage& r : u.renderings)
        out += "  " + r.text + " " + std::to_string(r.count) + " " + std::to_string(r.docs) + " " +
               RenderingStatusName(r.status) + " " + r.example.doc + ":" + std::to_string(r.example.unit) +
               " " + std::to_string(r.target_units) + "\n";
    }
    return out;
  };
  const std::vector<TermUsage> first = Collect({"联盟链", "区块链"}, &g, units, 1);
  const std::string one = dump(first);
  EXPECT_NE(one.find("league ledger"), std::string::npos) << one;  // found by association
  // The second pass counts every unit, the last batches too: as many as hold it.
  int holding = 0;
  for (const Unit& u : units) holding += u.target.find("league ledger") != std::string::npos;
  for (const RenderingUsage& r : first[0].renderings) {
    if (r.text == "league ledger") {
      EXPECT_EQ(r.target_units, holding);
    }
  }
  EXPECT_EQ(dump(Collect({"联盟链", "区块链"}, &g, units, 2)), one);
  EXPECT_EQ(dump(Collect({"联盟链", "区块链"}, &g, units, 3)), one);
}

TEST(TermUsageTest, WrongCaseOfACaseSensitiveTermIsItsOwnRendering) {
  Glossary g;
  ASSERT_TRUE(
      g.ParseTsv("zh\ten\tvariants\tforbidden\tcase\n数字中国\tDigital China\t\t\tyes\n", "g.tsv").ok());
  const std::vector<TermUsage> usage = Collect({"数字中国"}, &g,
                                               {{"a", 0, "建设数字中国。", "Build a digital china."},
                                                {"b", 0, "建设数字中国。", "Build Digital China."},
                                                {"b", 1, "数字中国。", "Digital China."}});
  ASSERT_EQ(usage[0].renderings.size(), 2u);
  EXPECT_EQ(usage[0].renderings[0].text, "Digital China");
  EXPECT_EQ(usage[0].renderings[0].status, RenderingStatus::kApproved);
  EXPECT_EQ(usage[0].renderings[1].text, "digital china");
  EXPECT_EQ(usage[0].renderings[1].status, RenderingStatus::kUnlisted);
  EXPECT_EQ(usage[0].renderings[1].doc_ids, std::vector<std::string>{"a"});
}

TEST(TermUsageTest, UnlistedRenderingFoundByAssociation) {
  Glossary g;
  ASSERT_TRUE(g.ParseTsv("zh\ten\n联盟链\talliance chain\n", "g.tsv").ok());
  const std::vector<TermUsage> usage =
      Collect({"联盟链"}, &g,
              {{"a", 0, "联盟链很重要。", "The consortium ledgers matter."},
               {"a", 1, "发展联盟链。", "We develop consortium ledgers."},
               {"a", 2, "联盟链的未来。", "The future of the consortium ledger."},
               {"a", 3, "联盟链。", "An alliance chain."},
               {"a", 4, "未来。", "The future matters."}});
  ASSERT_EQ(usage.size(), 1u);
  ASSERT_EQ(usage[0].renderings.size(), 2u);
  EXPECT_EQ(usage[0].renderings[0].text, "consortium ledgers");
  EXPECT_EQ(usage[0].renderings[0].count, 3);
  EXPECT_EQ(usage[0].renderings[0].status, RenderingStatus::kUnlisted);
  EXPECT_EQ(usage[0].renderings[1].text, "alliance chain");
  EXPECT_EQ(usage[0].unrendered, 0);
}

TEST(TermUsageTest, EnglishWordsFoldCaseAndInflection) {
  EXPECT_EQ(FoldEnglishPhrase("Alliance-Chains’"), FoldEnglishPhrase("alliance chain"));
  EXPECT_EQ(FoldEnglishPhrase("the chain's"), FoldEnglishPhrase("the chains"));
  const std::vector<EnglishWord> words = SplitEnglishWords("a \"Four Reinforcements\", then");
  ASSERT_EQ(words.size(), 4u);
  EXPECT_TRUE(words[1].break_before);   // the opening quote
  EXPECT_FALSE(words[2].break_before);  // a space only
  EXPECT_TRUE(words[3].break_before);   // the closing quote and comma
}

const std::string kBulletin = std::string(TMALIGN_SOURCE_DIR) + "/corpora/pujiang-2021-bulletin-07/";
const std::string kGlossary = std::string(TMALIGN_SOURCE_DIR) + "/glossary/blockchain.tsv";

class TermsUsageCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(DefaultCedictPath())) return;
    tm_ = ::testing::TempDir() + "terms_usage_" + std::to_string(getpid()) + ".sqlite";
    std::filesystem::remove(tm_);
    RunResult r = RunTmalign("align " + kBulletin + "zh.txt " + kBulletin + "en.txt --tm " + tm_ +
                             " --doc pujiang-2021-bulletin-07");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    if (!tm_.empty()) std::filesystem::remove(tm_);
  }
  void SetUp() override {
    if (tm_.empty()) GTEST_SKIP() << "CC-CEDICT not found at " << DefaultCedictPath();
  }
  static nlohmann::json Usage(const std::string& args) {
    RunResult r = RunTmalign("terms usage " + args + " --tm " + tm_ + " --json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }
  static std::string tm_;
};
std::string TermsUsageCliTest::tm_;

TEST_F(TermsUsageCliTest, BulletinRenderingsComeFirst) {
  nlohmann::json j = Usage("联盟链");
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["term"], "联盟链");
  EXPECT_GE(j[0]["units"].get<int>(), 2);
  EXPECT_EQ(j[0]["docs"], 1);
  ASSERT_FALSE(j[0]["renderings"].empty());
  EXPECT_EQ(j[0]["renderings"][0]["text"], "alliance chain");
  EXPECT_EQ(j[0]["renderings"][0]["example"]["doc"], "pujiang-2021-bulletin-07");
  EXPECT_FALSE(j[0]["renderings"][0].contains("status"));  // no glossary, no status

  j = Usage("四个强化");
  ASSERT_FALSE(j[0]["renderings"].empty());
  EXPECT_EQ(j[0]["renderings"][0]["text"], "Four Reinforcements");

  j = Usage("联盟链 四个强化 --doc pujiang-2021-bulletin-07 -g " + kGlossary);
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["renderings"][0]["status"], "approved");
  EXPECT_EQ(j[1]["renderings"][0]["text"], "Four Reinforcements");
  EXPECT_EQ(j[1]["renderings"][0]["status"], "approved");
}

TEST_F(TermsUsageCliTest, WholeGlossaryAsText) {
  RunResult r = RunTmalign("terms usage --tm " + tm_ + " -g " + kGlossary);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("联盟链\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("approved\t\"alliance chain\""), std::string::npos) << r.out;
}

TEST_F(TermsUsageCliTest, BadInputExitsTwoWithAMessage) {
  RunResult r = RunTmalign("terms usage 联盟链 --tm " + tm_ + " --doc nosuch");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no document 'nosuch'"), std::string::npos) << r.err;

  r = RunTmalign("terms usage COVID --tm " + tm_);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("term 'COVID' has no Chinese in it"), std::string::npos) << r.err;

  r = RunTmalign("terms usage 联盟链 --tm " + tm_ + " -g /nonexistent/g.tsv");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/g.tsv"), std::string::npos) << r.err;

  const std::string empty =
      ::testing::TempDir() + "terms_usage_empty_" + std::to_string(getpid()) + ".sqlite";
  std::filesystem::remove(empty);
  {
    std::unique_ptr<TranslationMemory> tm;
    ASSERT_TRUE(TranslationMemory::Open(empty, &tm).ok());
  }
  r = RunTmalign("terms usage 联盟链 --tm " + empty);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("the TM has no units"), std::string::npos) << r.err;
  r = RunTmalign("terms extract --tm " + empty);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("the TM has no units"), std::string::npos) << r.err;
  std::filesystem::remove(empty);

  r = RunTmalign("terms usage 联盟链 --tm " + ::testing::TempDir() + "no_such_tm.sqlite");
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(TermsUsageCliTest, ExtractListsBulletinTermsAsAGlossary) {
  const std::string out = ::testing::TempDir() + "extracted_" + std::to_string(getpid()) + ".tsv";
  RunResult r = RunTmalign("terms extract --tm " + tm_ + " --min-count 2 -o " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string tsv = testing::ReadFile(out);
  EXPECT_EQ(tsv.rfind("zh\ten\tvariants\tforbidden\tcase\tnote\n", 0), 0u) << tsv;
  EXPECT_NE(tsv.find("\n联盟链\talliance chain\t"), std::string::npos) << tsv;
  EXPECT_NE(tsv.find("\n区块链\tblockchain\t"), std::string::npos) << tsv;
  EXPECT_NE(tsv.find("\tscore "), std::string::npos) << tsv;
  Glossary g;
  Status s = g.LoadTsv(out);  // check loads it as it is
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_GE(g.entries().size(), 10u);

  // Pairs the glossary already holds are left out.
  r = RunTmalign("terms extract --tm " + tm_ + " --min-count 2 -g " + kGlossary);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("\n联盟链\t"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\n区块链\t"), std::string::npos) << r.out;

  r = RunTmalign("terms extract --tm " + tm_ + " --min-count 2 --top 5");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 6) << r.out;

  r = RunTmalign("terms extract --tm " + tm_ + " --doc nosuch");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no document 'nosuch'"), std::string::npos) << r.err;
  r = RunTmalign("terms extract --tm " + tm_ + " -g /nonexistent/g.tsv");
  EXPECT_EQ(r.exit_code, 2);
  std::filesystem::remove(out);
}

}  // namespace
}  // namespace tmalign
