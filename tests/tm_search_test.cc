#include "tm/tm_search.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>

#include "temp_dir.h"
#include "tm/sqlite_handle.h"
#include "tm/tm_connection.h"
#include "tm/translation_memory.h"
#include "tm_test_unit.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;

TmUnit Unit(int position, const std::string& source, const std::string& target) {
  return ::tmalign::testing::OneToOneUnit(position, source, target);
}

class TmSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::tmalign::testing::MakeTempDir("tmalign_search_test");
    ASSERT_FALSE(std::string(dir_).empty());
    path_ = dir_ + "/tm.sqlite";
    Reopen();
    TmDocument a, b;
    a.id = "bulletin-07";
    b.id = "bulletin-08";
    ASSERT_TRUE(
        tm_->ReplaceDocument(
               a, {Unit(0, "在监管方面，要探索友好的联盟链监管基础框架。",
                        "In terms of regulation, we shall explore a friendly framework."),
                   Unit(1, "区块链技术在监管和安全方面仍存在潜在风险。",
                        "Blockchain technology still has potential risks in regulation and security."),
                   Unit(2, "我们要积极发展联盟链。", "We shall actively develop the alliance chain.")})
            .ok());
    // Unit 0 again in another document: stored once, two origins.
    ASSERT_TRUE(
        tm_->ReplaceDocument(
               b, {Unit(0, "第一季度经济平稳增长。", "The economy grew steadily in the first quarter."),
                   Unit(1, "在监管方面，要探索友好的联盟链监管基础框架。",
                        "In terms of regulation, we shall explore a friendly framework.")})
            .ok());
  }
  void TearDown() override {
    searcher_.reset();
    tm_.reset();
    fs::remove_all(dir_);
  }
  void Reopen() {
    searcher_.reset();
    tm_.reset();
    ASSERT_TRUE(TranslationMemory::Open(path_, &tm_).ok());
    ASSERT_TRUE(TmSearcher::Create(tm_.get(), &searcher_).ok());
  }
  std::vector<TmMatch> Match(const std::string& q, int min = 70) {
    std::vector<TmMatch> m;
    TmMatchOptions o;
    o.min_score = min;
    Status s = searcher_->Match(q, o, &m);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return m;
  }
  std::vector<TmHit> Search(const std::string& q) {
    std::vector<TmHit> h;
    Status s = searcher_->Search(q, 20, &h);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return h;
  }
  int64_t Count(const char* sql) {
    int64_t v = -1;
    EXPECT_TRUE(TmConnection(tm_.get())->QueryInt(sql, &v).ok());
    return v;
  }
  std::string dir_, path_;
  std::unique_ptr<TranslationMemory> tm_;
  std::unique_ptr<TmSearcher> searcher_;
};

TEST_F(TmSearchTest, IdenticalPairsAreStoredOnceWithAllOrigins) {
  EXPECT_EQ(Count("SELECT count(*) FROM units"), 5);
  EXPECT_EQ(Count("SELECT count(*) FROM segments"), 4);
  auto m = Match("在监管方面，要探索友好的联盟链监管基础框架。");
  ASSERT_EQ(m.size(), 1u);  // returned once, not once per document
  EXPECT_EQ(m[0].score, 100);
  ASSERT_EQ(m[0].pair.origins.size(), 2u);
  EXPECT_EQ(m[0].pair.origins[0].doc, "bulletin-07");
  EXPECT_EQ(m[0].pair.origins[0].position, 0);
  EXPECT_EQ(m[0].pair.origins[1].doc, "bulletin-08");
  EXPECT_EQ(m[0].pair.origins[1].position, 1);
}

TEST_F(TmSearchTest, ExactMatchAcrossScriptsWidthsAndCase) {
  // Traditional characters and full-width/ASCII punctuation swapped: still 100%.
  auto m = Match("在監管方面,要探索友好的聯盟鏈監管基礎框架.");
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m[0].score, 100);
  EXPECT_EQ(m[0].pair.target, "In terms of regulation, we shall explore a friendly framework.");
  auto e = Match("IN TERMS OF REGULATION, WE SHALL EXPLORE A FRIENDLY FRAMEWORK.");
  ASSERT_FALSE(e.empty());
  EXPECT_EQ(e[0].score, 100);
  EXPECT_TRUE(e[0].pair.reversed);  // English query: answered with the Chinese side as target
  EXPECT_EQ(e[0].pair.target, "在监管方面，要探索友好的联盟链监管基础框架。");
}

TEST_F(TmSearchTest, FuzzyMatchScoresAndMarksDifferences) {
  auto m = Match("在监管方面，要探索友好的公有链监管框架。");
  ASSERT_FALSE(m.empty());
  // 22 characters stored, 2 replaced + 2 deleted: 1 - 4/22 = 81%
  EXPECT_EQ(m[0].score, 81);
  EXPECT_EQ(RenderDiff(m[0].diff), "在监管方面，要探索友好的[-联盟-]{+公有+}链监管[-基础-]框架。");
  auto e = Match("We shall actively develop the consortium chain.");
  ASSERT_FALSE(e.empty());
  EXPECT_EQ(e[0].score, 87);  // 8 tokens (7 words and the full stop), one replaced
  EXPECT_TRUE(Match("完全不同的一句话，没有任何关系。").empty());
  EXPECT_TRUE(Match("在监管方面，要探索友好的公有链监管框架。", 90).empty());  // below --min
}

TEST_F(TmSearchTest, ConcordanceFindsChineseInsideWordsAndEnglishWords) {
  auto h = Search("联盟链");
  ASSERT_EQ(h.size(), 2u);  // …框架 and …发展联盟链…, each pair once
  EXPECT_EQ(h[1].pair.source.substr(h[1].begin, h[1].end - h[1].begin), "联盟链");
  EXPECT_EQ(h[1].pair.source.substr(0, h[1].begin), "我们要积极发展");
  EXPECT_EQ(h[1].pair.target, "We shall actively develop the alliance chain.");
  auto t = Search("聯盟鏈");  // Traditional query
  EXPECT_EQ(t.size(), 2u);
  auto e = Search("Alliance Chain");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_TRUE(e[0].pair.reversed);
  EXPECT_EQ(e[0].pair.source.substr(e[0].begin, e[0].end - e[0].begin), "alliance chain");
  EXPECT_EQ(Search("链").size(), 3u);  // a single character: no bigram, found by scanning
  EXPECT_TRUE(Search("consortium").empty());
}

TEST_F(TmSearchTest, DeletingADocumentKeepsPairsOthersUse) {
  bool found = false;
  ASSERT_TRUE(tm_->DeleteDocument("bulletin-07", &found).ok());
  EXPECT_TRUE(found);
  EXPECT_EQ(Count("SELECT count(*) FROM segments"), 2);
  auto m = Match("在监管方面，要探索友好的联盟链监管基础框架。");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].pair.origins.size(), 1u);
  EXPECT_TRUE(Search("积极发展").empty());
}

// A term's posting list can descend: a row keeps the stale ids of deleted pairs, and a later
// row (ordered by its first id) starts below them. Candidates are still counted once a row.
TEST_F(TmSearchTest, APostingListThatDescendsStillCounts) {
  const std::vector<uint64_t> terms = MatchIndexTerms(MatchTokenize("积极"));
  ASSERT_EQ(terms.size(), 1u);
  EXPECT_EQ(Count("SELECT max(id) FROM segments"), 4);
  const int64_t pair = Count("SELECT segment_id FROM units WHERE doc_id = 'bulletin-07' AND position = 2");
  ASSERT_EQ(pair, 3);
  // 积极's row (pair 3) gets stale id 65536 after it (delta-varint 65533 = FD FF 03); a second
  // row holds stale id 65535, just below it and in the window of ids before (ids are counted by
  // windows of 65536: read as one ascending run, it would be counted before its window's table).
  SqliteStatement update, insert;
  ASSERT_TRUE(SqliteStatement::Prepare(
                  TmConnection(tm_.get()),
                  "UPDATE postings SET n = 2, ids = X'03FDFF03' WHERE term = ?1 AND first = 3", &update)
                  .ok());
  update.BindInt64(1, static_cast<int64_t>(terms[0]));
  ASSERT_TRUE(update.Run().ok());
  EXPECT_EQ(sqlite3_changes(TmConnection(tm_.get())->get()), 1);
  ASSERT_TRUE(SqliteStatement::Prepare(
                  TmConnection(tm_.get()),
                  "INSERT INTO postings (term, first, n, ids) VALUES (?1, 65535, 1, X'FFFF03')", &insert)
                  .ok());
  insert.BindInt64(1, static_cast<int64_t>(terms[0]));
  ASSERT_TRUE(insert.Run().ok());
  auto m = Match("我们要积极发展联盟链。");
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m[0].pair.pair_id, 3);
  EXPECT_EQ(m[0].score, 100);
  m = Match("我们要积极发展。", 50);
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m[0].pair.pair_id, 3);
}

TEST_F(TmSearchTest, UnlinkedAndEditedUnitsAreLinkedOnOpen) {
  // As after a migration from schema 1 or an edit of a unit's text.
  ASSERT_TRUE(TmConnection(tm_.get())
                  ->Exec("UPDATE units SET target = 'We must develop alliance chains.' WHERE position = 2")
                  .ok());
  EXPECT_EQ(Count("SELECT count(*) FROM units WHERE segment_id IS NULL"), 1);
  Reopen();
  EXPECT_EQ(Count("SELECT count(*) FROM units WHERE segment_id IS NULL"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM segments"), 4);
  auto h = Search("alliance chains");
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].pair.target, "我们要积极发展联盟链。");
}

}  // namespace
}  // namespace tmalign
