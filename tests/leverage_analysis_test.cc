// The analysis of a new document against the TM: bands, context matches, repetitions, and the
// bulletin-like new issue (tests/data/leverage/bulletin-08-zh.txt) against the bundled bulletin.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "bulletin_tm.h"
#include "leverage/analysis.h"
#include "leverage/xliff_writer.h"
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

// A TM of several documents and a new document of a few hundred sentences (runs in stored
// order, fuzzy variants, changed numbers, new text, repetitions): every thread count gives the
// same matches, bands and XLIFF as one thread.
TEST(LeverageThreadsTest, SameResultWhateverTheThreads) {
  const std::string dir = testing::MakeTempDir("leverage_threads");
  std::unique_ptr<TranslationMemory> tm;
  ASSERT_TRUE(TranslationMemory::Open(dir + "/tm.sqlite", &tm).ok());
  const char* words[] = {"发展", "合作", "创新", "论坛", "上海", "会议", "经济", "科技",
                         "中心", "国际", "举办", "主题", "城市", "企业", "研究", "政策"};
  const char* english[] = {"development", "cooperation", "innovation", "forum",         "Shanghai", "meeting",
                           "economy",     "technology",  "center",     "international", "held",     "theme",
                           "city",        "enterprise",  "research",   "policy"};
  uint32_t x = 2021;
  auto next = [&](uint32_t n) {
    x = x * 1103515245u + 12345u;
    return (x >> 16) % n;
  };
  std::vector<std::string> stored;
  for (int d = 0; d < 4; ++d) {
    std::vector<TmUnit> units;
    for (int p = 0; p < 120; ++p) {
      std::string zh, en;
      for (uint32_t k = 0, n = 4 + next(5); k < n; ++k) {
        const uint32_t w = next(16);
        zh += words[w];
        en += std::string(en.empty() ? "" : " ") + english[w];
      }
      if (next(3) == 0) {
        const std::string year = std::to_string(2000 + next(30));
        zh += year + "年";
        en += " " + year;
      }
      zh += "。";
      stored.push_back(zh);
      units.push_back(testing::OneToOneUnit(p, zh, en + "."));
    }
    TmDocument doc;
    doc.id = "bulletin-" + std::to_string(d);
    ASSERT_TRUE(tm->ReplaceDocument(doc, units).ok());
  }
  std::vector<std::string> sentences;
  while (sentences.size() < 400) {
    const uint32_t kind = next(5);
    const size_t at = next(static_cast<uint32_t>(stored.size() - 6));
    if (kind == 0) {  // a run in stored order: context matches
      for (size_t k = at; k < at + 2 + next(4); ++k) sentences.push_back(stored[k]);
    } else if (kind == 1) {  // a word changed: fuzzy
      sentences.push_back(std::string(words[next(16)]) + stored[at].substr(6));
    } else if (kind == 2) {  // another year, or a number put in
      const std::string& t = stored[at];
      const std::string year = std::to_string(1990 + next(40)) + "年。";
      const bool dated = t.size() > 10 && t.compare(t.size() - 6, 6, "年。") == 0;
      sentences.push_back(dated ? t.substr(0, t.size() - 10) + year : year + t);
    } else if (kind == 3) {  // new text
      sentences.push_back("完全不同的句子第" + std::to_string(sentences.size()) + "号。");
    } else if (!sentences.empty()) {  // a repetition
      sentences.push_back(sentences[next(static_cast<uint32_t>(sentences.size()))]);
    }
  }
  const NewDocument doc = Doc(sentences);
  std::unique_ptr<TmSearcher> searcher;
  ASSERT_TRUE(TmSearcher::Create(tm.get(), &searcher).ok());
  auto run = [&](unsigned threads) {
    std::vector<SegmentLeverage> segs;
    EXPECT_TRUE(LeverageDocument(doc, tm.get(), searcher.get(), &segs, threads).ok());
    std::string out;
    for (const SegmentLeverage& s : segs) {
      out += std::string(BandName(s.band)) + " " + std::to_string(s.chars) + " " +
             std::to_string(s.first_occurrence);
      if (s.has_match) {
        out += " " + std::to_string(s.best.match.score) + " " + std::to_string(s.best.text_score) + " " +
               std::to_string(s.best.match.pair.pair_id) + " " + s.best.match.pair.source + " " +
               s.best.target();
        for (const TmOrigin& o : s.best.match.pair.origins)
          out += " " + o.doc + ":" + std::to_string(o.position);
      }
      out += "\n";
    }
    PretranslationCounts counts;
    return out + AnalysisJson(AnalyzeLeverage(doc, segs)) +
           WritePretranslationXliff(segs, XliffOptions(), &counts);
  };
  const std::string one = run(1);
  // The document has every band but 50-74 (none of its variants scores that low).
  for (const char* band : {"context ", "100 ", "95-99 ", "new ", "repetition "})
    EXPECT_NE(one.find(std::string("\n") + band), std::string::npos) << band;
  EXPECT_EQ(run(2), one);
  EXPECT_EQ(run(3), one);
  EXPECT_EQ(run(0), one);
  tm.reset();
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

}  // namespace
}  // namespace tmalign
