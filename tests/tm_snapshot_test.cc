// Reads racing writers: every read of the TM sees one snapshot (TmSnapshot, and one per
// Match/Search call), a pair that vanished is never handed out, writers wait for each
// other, and a stress run of readers against a re-aligning writer ends without an error.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "temp_dir.h"
#include "tm/sqlite_handle.h"
#include "tm/tm_connection.h"
#include "tm/tm_search.h"
#include "tm/translation_memory.h"
#include "tm_test_unit.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;

TmUnit Unit(int position, const std::string& source, const std::string& target) {
  return ::tmalign::testing::OneToOneUnit(position, source, target);
}

// A bulletin-like document: sentence i differs from the others in its numbers and a word.
std::vector<TmUnit> Bulletin(int n, const std::string& tag) {
  std::vector<TmUnit> units;
  for (int i = 0; i < n; ++i) {
    const std::string k = std::to_string(i);
    units.push_back(Unit(
        i, "第" + k + "届浦江创新论坛在上海举行，区块链分论坛讨论了联盟链的监管" + tag + "。",
        "The " + k + "th Pujiang Innovation Forum discussed the regulation of alliance chains " + tag + "."));
  }
  return units;
}

class TmSnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::tmalign::testing::MakeTempDir("tmalign_snapshot_test");
    ASSERT_FALSE(dir_.empty());
    path_ = dir_ + "/tm.sqlite";
    ASSERT_TRUE(TranslationMemory::Open(path_, &writer_).ok());
    TmDocument doc;
    doc.id = "bulletin-07";
    ASSERT_TRUE(writer_->ReplaceDocument(doc, Bulletin(3, "a")).ok());
    ASSERT_TRUE(TranslationMemory::Open(path_, &reader_).ok());
    ASSERT_TRUE(TmSearcher::Create(reader_.get(), &searcher_).ok());
  }
  void TearDown() override {
    searcher_.reset();
    reader_.reset();
    writer_.reset();
    fs::remove_all(dir_);
  }
  // The writer's connection deletes the document and commits.
  void DeleteFromOtherConnection() {
    bool found = false;
    Status s = writer_->DeleteDocument("bulletin-07", &found);
    EXPECT_TRUE(s.ok()) << s.ToString();
    EXPECT_TRUE(found);
  }
  std::string dir_, path_;
  std::unique_ptr<TranslationMemory> writer_, reader_;
  std::unique_ptr<TmSearcher> searcher_;
};

TEST_F(TmSnapshotTest, MatchWhileTheDocumentIsDeletedGivesTheOldAnswerThenNone) {
  const std::string query = Bulletin(3, "a")[1].source;
  int calls = 0;
  searcher_->set_before_origins_hook_for_testing([&] {
    if (calls++ == 0) DeleteFromOtherConnection();
  });
  std::vector<TmMatch> matches;
  Status s = searcher_->Match(query, TmMatchOptions(), &matches);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(calls, 1);  // the delete committed between scoring and reading the origins
  // The query's snapshot predates the delete: the stored pair, with the unit that held it.
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0].score, 100);
  ASSERT_EQ(matches[0].pair.origins.size(), 1u);
  EXPECT_EQ(matches[0].pair.origins[0].doc, "bulletin-07");
  EXPECT_EQ(matches[0].pair.origins[0].position, 1);
  // The next query takes a new snapshot: the snapshot was not held past the call.
  s = searcher_->Match(query, TmMatchOptions(), &matches);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(matches.empty());
}

TEST_F(TmSnapshotTest, SearchWhileTheDocumentIsDeletedGivesTheOldHitsThenNone) {
  int calls = 0;
  searcher_->set_before_origins_hook_for_testing([&] {
    if (calls++ == 0) DeleteFromOtherConnection();
  });
  std::vector<TmHit> hits;
  Status s = searcher_->Search("联盟链", 20, &hits);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(calls, 1);
  ASSERT_EQ(hits.size(), 3u);
  for (const TmHit& h : hits) {
    ASSERT_EQ(h.pair.origins.size(), 1u);
    EXPECT_EQ(h.pair.origins[0].doc, "bulletin-07");
  }
  s = searcher_->Search("联盟链", 20, &hits);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(hits.empty());
}

TEST_F(TmSnapshotTest, SnapshotSpansSeveralCallsAndEndsWhenAsked) {
  TmSnapshot snapshot(reader_.get());
  ASSERT_TRUE(snapshot.Begin().ok());
  std::vector<TmDocumentSummary> docs;
  ASSERT_TRUE(reader_->ListDocuments(&docs).ok());
  ASSERT_EQ(docs.size(), 1u);
  DeleteFromOtherConnection();
  // Still the state of the first read, for every call, Match included (it joins).
  std::vector<TmUnit> units;
  ASSERT_TRUE(reader_->GetUnits("bulletin-07", &units).ok());
  EXPECT_EQ(units.size(), 3u);
  std::vector<TmMatch> matches;
  ASSERT_TRUE(searcher_->Match(Bulletin(3, "a")[0].source, TmMatchOptions(), &matches).ok());
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0].score, 100);
  EXPECT_EQ(matches[0].pair.origins.size(), 1u);
  ASSERT_TRUE(snapshot.End().ok());
  ASSERT_TRUE(reader_->ListDocuments(&docs).ok());
  EXPECT_TRUE(docs.empty());
  ASSERT_TRUE(reader_->GetUnits("bulletin-07", &units).ok());
  EXPECT_TRUE(units.empty());
}

TEST_F(TmSnapshotTest, StatsAreReadInOneSnapshot) {
  TmStats stats;
  ASSERT_TRUE(reader_->GetStats(&stats).ok());
  EXPECT_EQ(stats.documents, 1);
  EXPECT_EQ(stats.units, 3);
  EXPECT_EQ(stats.pairs, 3);
  EXPECT_GT(stats.file_bytes, 0);
}

TEST_F(TmSnapshotTest, EditedUnitsAreIndexedInTheEditsTransaction) {
  // As the review editor does: replace a range inside a write transaction.
  {
    TmTransaction txn(writer_.get());
    ASSERT_TRUE(txn.Begin().ok());
    ASSERT_TRUE(
        writer_
            ->ReplaceUnitRange("bulletin-07", 1, 1,
                               {Unit(0, "区块链技术在监管方面仍存在潜在风险。",
                                     "Blockchain technology still has potential risks in regulation.")})
            .ok());
    ASSERT_TRUE(txn.Commit().ok());
  }
  int64_t unlinked = -1;
  ASSERT_TRUE(TmConnection(writer_.get())
                  ->QueryInt("SELECT count(*) FROM units WHERE segment_id IS NULL", &unlinked)
                  .ok());
  EXPECT_EQ(unlinked, 0);  // so no reader's Open has to write
  std::vector<TmHit> hits;
  ASSERT_TRUE(searcher_->Search("potential risks", 20, &hits).ok());  // without reopening
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].pair.origins[0].position, 1);
}

TEST_F(TmSnapshotTest, AWriterWaitsForAnotherInsteadOfFailing) {
  std::atomic<bool> locked{false};
  std::thread holder([&] {
    std::unique_ptr<TranslationMemory> other;
    ASSERT_TRUE(TranslationMemory::Open(path_, &other).ok());
    TmTransaction txn(other.get());
    ASSERT_TRUE(txn.Begin().ok());
    locked = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    ASSERT_TRUE(txn.Commit().ok());
  });
  while (!locked) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  TmDocument doc;
  doc.id = "bulletin-08";
  Status s = writer_->ReplaceDocument(doc, Bulletin(2, "b"));
  holder.join();
  EXPECT_TRUE(s.ok()) << s.ToString();
  // A reader is not held up by the writer's lock meanwhile: it was answered above too.
  std::vector<TmDocumentSummary> docs;
  ASSERT_TRUE(reader_->ListDocuments(&docs).ok());
  EXPECT_EQ(docs.size(), 2u);
}

// One writer deletes and re-aligns a document over and over while two readers match and
// search (each reopening the TM now and then): no error, every answer consistent, and the
// file passes integrity_check. Runs a few seconds (also under the sanitizers in CI).
TEST_F(TmSnapshotTest, StressReadersAgainstARealigningWriter) {
  constexpr auto kDuration = std::chrono::seconds(6);
  const std::vector<TmUnit> units = Bulletin(40, "a");
  std::atomic<bool> stop{false};
  std::atomic<int> rounds{0}, writes{0};
  std::vector<std::string> errors[3];
  TmDocument doc;
  doc.id = "bulletin-07";
  // From here on the document has all 40 units or none (between a delete and its re-insert).
  ASSERT_TRUE(writer_->ReplaceDocument(doc, units).ok());

  std::thread writer([&] {
    while (!stop) {
      bool found = false;
      Status s = writer_->DeleteDocument(doc.id, &found);
      if (s.ok()) s = writer_->ReplaceDocument(doc, units);
      if (!s.ok()) {
        errors[0].push_back(s.ToString());
        return;
      }
      ++writes;
    }
  });
  auto reader = [&](int r) {
    std::unique_ptr<TranslationMemory> tm;
    std::unique_ptr<TmSearcher> searcher;
    for (int round = 0; !stop; ++round) {
      if (round % 20 == 0) {  // reopen: Open itself must not fail while the writer works
        searcher.reset();
        tm.reset();
        Status s = TranslationMemory::OpenExisting(path_, &tm);
        if (s.ok()) s = TmSearcher::Create(tm.get(), &searcher);
        if (!s.ok()) {
          errors[r].push_back("open: " + s.ToString());
          return;
        }
      }
      const TmUnit& u = units[static_cast<size_t>(round) % units.size()];
      std::vector<TmMatch> matches;
      Status s = searcher->Match(u.source, TmMatchOptions(), &matches);
      if (!s.ok()) {
        errors[r].push_back("match: " + s.ToString());
        return;
      }
      for (const TmMatch& m : matches) {
        if (m.pair.origins.empty()) errors[r].push_back("match without origin: " + m.pair.source);
        if (m.score == 100 && m.pair.target != u.target)
          errors[r].push_back("wrong target: " + m.pair.target);
      }
      // Found or not (between the delete and the re-insert), never half.
      if (!matches.empty() && matches[0].score != 100) errors[r].push_back("best match not exact");
      std::vector<TmHit> hits;
      s = searcher->Search("alliance chains", 50, &hits);
      if (!s.ok()) {
        errors[r].push_back("search: " + s.ToString());
        return;
      }
      if (!hits.empty() && hits.size() != units.size()) {
        errors[r].push_back("search saw " + std::to_string(hits.size()) + " of " +
                            std::to_string(units.size()));
      }
      for (const TmHit& h : hits) {
        if (h.pair.origins.empty()) errors[r].push_back("hit without origin");
      }
      ++rounds;
    }
  };
  std::thread r1(reader, 1), r2(reader, 2);
  std::this_thread::sleep_for(kDuration);
  stop = true;
  writer.join();
  r1.join();
  r2.join();
  for (const auto& list : errors) {
    for (const std::string& e : list) ADD_FAILURE() << e;
  }
  EXPECT_GT(writes.load(), 5);
  EXPECT_GT(rounds.load(), 20);

  SqliteStatement check;
  ASSERT_TRUE(SqliteStatement::Prepare(TmConnection(writer_.get()), "PRAGMA integrity_check", &check).ok());
  bool has_row = false;
  ASSERT_TRUE(check.Step(&has_row).ok());
  ASSERT_TRUE(has_row);
  EXPECT_EQ(check.ColumnText(0), "ok");
  std::vector<TmUnit> stored;
  ASSERT_TRUE(writer_->GetUnits("bulletin-07", &stored).ok());
  EXPECT_EQ(stored.size(), units.size());
}

}  // namespace
}  // namespace tmalign
