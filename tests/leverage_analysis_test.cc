// The analysis of a new document against the TM: bands, context matches, repetitions, and the
// bulletin-like new issue (tests/data/leverage/bulletin-08-zh.txt) against the bundled bulletin.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "bulletin_tm.h"
#include "leverage/analysis.h"
#include "one_document_tm.h"
#include "temp_dir.h"
#include "tm/tm_search.h"
#include "tm_test_unit.h"

namespace tmalign {
namespace {

NewDocument Doc(const std::vector<std::string>& sentences) {
  NewDocument d;
  d.path = "new.txt";
  d.lang = Language::kZh;
  for (size_t i = 0; i < sentences.size(); ++i) d.sentences.push_back({sentences[i], static_cast<int>(i), 0});
  return d;
}

class LeverageAnalysisTest : public testing::OneDocumentTmTest {
 protected:
  void SetUp() override {
    BuildTm("leverage_analysis", "d",
            {testing::OneToOneUnit(0, "甲方同意。", "A agrees."),
             testing::OneToOneUnit(1, "乙方反对。", "B objects."),
             testing::OneToOneUnit(2, "丙方弃权。", "C abstains.")});
  }
  std::string Bands(const std::vector<std::string>& sentences) {
    std::vector<SegmentLeverage> segs;
    EXPECT_TRUE(LeverageDocument(Doc(sentences), tm_.get(), searcher_.get(), &segs).ok());
    std::string out;
    for (const SegmentLeverage& s : segs) out += std::string(out.empty() ? "" : " ") + BandName(s.band);
    return out;
  }
};

TEST_F(LeverageAnalysisTest, ContextNeedsBothNeighboursFromTheSameDocument) {
  EXPECT_EQ(Bands({"甲方同意。", "乙方反对。", "丙方弃权。"}), "context context context");
  // A new first sentence: the TM's first unit no longer has the document start before it.
  EXPECT_EQ(Bands({"丁方缺席。", "乙方反对。", "丙方弃权。"}), "new 100 context");
  // Out of order: each is a 100% match, none in context.
  EXPECT_EQ(Bands({"丙方弃权。", "甲方同意。", "乙方反对。"}), "100 100 100");
}

TEST_F(LeverageAnalysisTest, RepetitionsAfterTheFirstOccurrenceUnlessInContext) {
  // The second 甲方 is a repetition (its neighbours are not the TM's), the second 乙方 is
  // in context again (after 甲方, before 丙方), which is cheaper than a repetition.
  EXPECT_EQ(Bands({"甲方同意。", "乙方反对。", "丙方弃权。", "甲方同意。", "乙方反对。", "丙方弃权。"}),
            "context context 100 repetition context context");
  EXPECT_EQ(Bands({"丁方缺席。", "丁方缺席。", "乙方  反对。"}), "new repetition 100");
}

TEST_F(LeverageAnalysisTest, CountsAndJson) {
  std::vector<SegmentLeverage> segs;
  NewDocument doc = Doc({"甲方同意。", "丁方缺席。", "丁方缺席。", "乙方弃权。"});
  ASSERT_TRUE(LeverageDocument(doc, tm_.get(), searcher_.get(), &segs).ok());
  const Analysis a = AnalyzeLeverage(doc, segs);
  const nlohmann::ordered_json j = nlohmann::ordered_json::parse(AnalysisJson(a));
  EXPECT_EQ(j["file"], "new.txt");
  EXPECT_EQ(j["segments"], 4);
  ASSERT_EQ(j["bands"].size(), 8u);
  const std::vector<std::string> keys = {"context", "100",   "95-99", "85-94",
                                         "75-84",   "50-74", "new",   "repetition"};
  size_t k = 0;
  for (const auto& [key, value] : j["bands"].items()) EXPECT_EQ(key, keys[k++]);  // in this order
  EXPECT_EQ(j["bands"]["100"]["segments"], 1);
  EXPECT_EQ(j["bands"]["100"]["chars"], 4);  // Chinese characters, not punctuation
  EXPECT_EQ(j["bands"]["new"]["segments"], 1);
  EXPECT_EQ(j["bands"]["repetition"]["segments"], 1);
  EXPECT_EQ(j["bands"]["repetition"]["chars"], 4);
  EXPECT_EQ(j["bands"]["75-84"]["segments"], 1);  // 乙方弃权 against 丙方弃权: 80
  EXPECT_NE(AnalysisTable(a).find("repetition"), std::string::npos);
}

TEST(LeverageBulletinTest, NewIssueAgainstTheBundledBulletin) {
  const std::string dir = testing::MakeTempDir("leverage_bulletin");
  testing::BuildBulletinTm(dir + "/tm.sqlite");
  std::unique_ptr<TranslationMemory> tm;
  ASSERT_TRUE(TranslationMemory::OpenExisting(dir + "/tm.sqlite", &tm).ok());
  std::unique_ptr<TmSearcher> searcher;
  ASSERT_TRUE(TmSearcher::Create(tm.get(), &searcher).ok());
  NewDocument doc;
  ASSERT_TRUE(ReadNewDocument(std::string(TMALIGN_TEST_DATA) + "/leverage/bulletin-08-zh.txt", {}, false,
                              Language::kUnknown, &doc)
                  .ok());
  ASSERT_EQ(doc.lang, Language::kZh);
  std::vector<SegmentLeverage> segs;
  ASSERT_TRUE(LeverageDocument(doc, tm.get(), searcher.get(), &segs).ok());
  ASSERT_EQ(segs.size(), 16u);
  auto at = [&](const std::string& id) -> const SegmentLeverage& {
    for (const SegmentLeverage& s : segs) {
      if (SentenceId(s.sentence) == id) return s;
    }
    ADD_FAILURE() << "no sentence " << id;
    return segs[0];
  };
  // The masthead and the seminar's name: 100%.
  EXPECT_EQ(at("p2-s1").band, Band::k100);
  EXPECT_EQ(at("p2-s1").best.target(), "Shanghai Center for Pujiang Innovation Forum");
  EXPECT_EQ(at("p5-s1").band, Band::k100);
  // Issue number and date changed: 95-99 with the English adapted.
  EXPECT_EQ(at("p1-s1").band, Band::k95to99);
  EXPECT_EQ(at("p1-s1").best.target(), "{No.8 Vol. 143}");
  EXPECT_EQ(at("p3-s1").band, Band::k95to99);
  EXPECT_EQ(at("p3-s1").best.match.score, 98);
  EXPECT_EQ(at("p3-s1").best.target(), "July.2 2021");
  EXPECT_EQ(at("p4-s1").best.target(), "2021 Pujiang Innovation Forum Bulletin VIII");
  // An unchanged paragraph: its inner sentence is in context.
  EXPECT_EQ(at("p6-s2").band, Band::kContext);
  // The new sentence, and the masthead repeated at the end.
  EXPECT_EQ(at("p8-s1").band, Band::kNew);
  EXPECT_EQ(at("p9-s1").band, Band::kRepetition);
  EXPECT_EQ(at("p9-s1").first_occurrence, 1);
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

}  // namespace
}  // namespace tmalign
