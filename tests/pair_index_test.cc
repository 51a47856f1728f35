// The deduplicated pair store and its match index (tm/pair_index.h): PairIndexWriter
// gives identical pairs one id, PostingsReader lists the pairs of an index term in
// ascending order, LinkPendingUnits links units that point at no pair.
// A pair row holds no text: the writer recognizes a pair by a unit that points at it, so
// the tests store a unit for each pair as the importer does.
#include "tm/pair_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "temp_dir.h"
#include "tm/match_text.h"
#include "tm/sqlite_handle.h"
#include "tm/tm_connection.h"
#include "tm/translation_memory.h"
#include "tm_test_unit.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;

struct Pair {
  std::string source, target;
};
const Pair kA{"要探索联盟链监管框架。", "Explore a regulatory framework for the alliance chain."};
const Pair kB{"建设数字中国。", "Build Digital China."};
const Pair kC{"积极发展联盟链。", "Actively develop the alliance chain."};

// PairIndexTerms, sorted.
std::vector<uint64_t> SortedTerms(const Pair& p) {
  std::vector<uint64_t> terms = PairIndexTerms(p.source, p.target);
  std::sort(terms.begin(), terms.end());
  return terms;
}

// The index terms found in every pair of `all` and in no pair of `none`.
std::vector<uint64_t> TermsOfAllAndNone(const std::vector<Pair>& all, const std::vector<Pair>& none) {
  std::vector<uint64_t> terms = SortedTerms(all[0]);
  for (const Pair& p : all) {
    std::vector<uint64_t> more = SortedTerms(p), kept;
    std::set_intersection(terms.begin(), terms.end(), more.begin(), more.end(), std::back_inserter(kept));
    terms = kept;
  }
  for (const Pair& p : none) {
    std::vector<uint64_t> other = SortedTerms(p), kept;
    std::set_difference(terms.begin(), terms.end(), other.begin(), other.end(), std::back_inserter(kept));
    terms = kept;
  }
  return terms;
}

TEST(PairIndexTermsTest, AreTheTermsOfBothSidesOnceEach) {
  for (const Pair& p : {kA, kB, kC, Pair{"链链链 链", "chain chain Chain"}, Pair{"", ""}}) {
    std::vector<uint64_t> want = MatchIndexTerms(MatchTokenize(p.source));
    for (uint64_t t : MatchIndexTerms(MatchTokenize(p.target))) want.push_back(t);
    std::sort(want.begin(), want.end());
    want.erase(std::unique(want.begin(), want.end()), want.end());
    const std::vector<uint64_t> got = PairIndexTerms(p.source, p.target);
    EXPECT_EQ(got.size(), want.size()) << p.source << " no repeats";
    EXPECT_EQ(SortedTerms(p), want) << p.source;
  }
}

class PairIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::tmalign::testing::MakeTempDir("tmalign_pair_index_test");
    ASSERT_FALSE(dir_.empty());
    ASSERT_TRUE(TranslationMemory::Open(dir_ + "/tm.sqlite", &tm_).ok());
    db_ = TmConnection(tm_.get());
    ASSERT_TRUE(
        db_->Exec("INSERT INTO documents (id, created_at, updated_at) VALUES ('d', 'now', 'now')").ok());
  }
  void TearDown() override {
    tm_.reset();
    fs::remove_all(dir_);
  }

  // A unit of document d with pair `p`, pointing at `pair_id`.
  void StoreUnit(const Pair& p, int64_t pair_id) {
    SqliteStatement insert;
    ASSERT_TRUE(SqliteStatement::Prepare(
                    db_,
                    "INSERT INTO units (doc_id, position, source, target, confidence, created_at,"
                    " segment_id) VALUES ('d', ?1, ?2, ?3, 1, 'now', ?4)",
                    &insert)
                    .ok());
    insert.BindInt64(1, next_position_++);
    insert.BindText(2, p.source);
    insert.BindText(3, p.target);
    insert.BindInt64(4, pair_id);
    Status s = insert.Run();
    ASSERT_TRUE(s.ok()) << s.message();
  }

  // Adds a unit for each of `pairs` with one writer in one transaction; their pair_id ids, in order.
  std::vector<int64_t> AddPairs(const std::vector<Pair>& pairs, int64_t* created = nullptr,
                                PostingBufferLimits limits = PostingBufferLimits()) {
    std::vector<int64_t> ids;
    SqliteTransaction txn(db_);
    EXPECT_TRUE(txn.Begin().ok());
    std::unique_ptr<PairIndexWriter> writer;
    EXPECT_TRUE(PairIndexWriter::Create(db_, &writer, limits).ok());
    for (const Pair& p : pairs) {
      int64_t id = 0;
      Status s = writer->FindOrCreate(p.source, p.target, &id);
      EXPECT_TRUE(s.ok()) << s.message();
      StoreUnit(p, id);
      ids.push_back(id);
    }
    EXPECT_TRUE(writer->Flush().ok());
    if (created) *created = writer->pairs_created();
    writer.reset();
    EXPECT_TRUE(txn.Commit().ok());
    return ids;
  }

  std::vector<int64_t> Postings(uint64_t term) {
    std::unique_ptr<PostingsReader> reader;
    EXPECT_TRUE(PostingsReader::Create(db_, &reader).ok());
    std::vector<int64_t> ids;
    EXPECT_TRUE(reader->Read(term, &ids).ok());
    int64_t frequency = -1;
    EXPECT_TRUE(reader->Frequency(term, &frequency).ok());
    EXPECT_EQ(frequency, static_cast<int64_t>(ids.size()));
    return ids;
  }

  int64_t Query(const std::string& sql) {
    int64_t v = -1;
    EXPECT_TRUE(db_->QueryInt(sql.c_str(), &v).ok()) << sql;
    return v;
  }

  std::string QueryText(const std::string& sql) {
    SqliteStatement st;
    EXPECT_TRUE(SqliteStatement::Prepare(db_, sql, &st).ok()) << sql;
    bool has_row = false;
    EXPECT_TRUE(st.Step(&has_row).ok() && has_row) << sql;
    return has_row ? st.ColumnText(0) : std::string();
  }

  std::string dir_;
  std::unique_ptr<TranslationMemory> tm_;
  SqliteDb* db_ = nullptr;
  int next_position_ = 0;
};

TEST_F(PairIndexTest, IdenticalPairsGetOneSegment) {
  int64_t created = 0;
  const std::vector<int64_t> ids = AddPairs({kA, kB, kA, kC, kB}, &created);
  EXPECT_EQ(created, 3);
  EXPECT_EQ(ids[0], ids[2]);
  EXPECT_EQ(ids[1], ids[4]);
  EXPECT_NE(ids[0], ids[1]);
  EXPECT_NE(ids[0], ids[3]);
  EXPECT_NE(ids[1], ids[3]);
  EXPECT_EQ(Query("SELECT count(*) FROM segments"), 3);
}

TEST_F(PairIndexTest, PrecomputedHashAndTermsGiveTheSameSegment) {
  SqliteTransaction txn(db_);
  ASSERT_TRUE(txn.Begin().ok());
  std::unique_ptr<PairIndexWriter> writer;
  ASSERT_TRUE(PairIndexWriter::Create(db_, &writer).ok());
  int64_t first = 0, again = 0, other = 0;
  ASSERT_TRUE(writer->FindOrCreate(kA.source, kA.target, &first).ok());
  StoreUnit(kA, first);
  ASSERT_TRUE(writer
                  ->FindOrCreate(kA.source, kA.target, PairHash(kA.source, kA.target),
                                 PairIndexTerms(kA.source, kA.target), &again)
                  .ok());
  StoreUnit(kA, again);
  // Source and target are not interchangeable.
  ASSERT_TRUE(writer->FindOrCreate(kA.target, kA.source, &other).ok());
  EXPECT_EQ(first, again);
  EXPECT_NE(first, other);
  EXPECT_EQ(writer->pairs_created(), 2);
  ASSERT_TRUE(writer->Flush().ok());
  writer.reset();
  ASSERT_TRUE(txn.Commit().ok());
}

TEST_F(PairIndexTest, PostingsListTheSegmentsOfATermInAscendingOrder) {
  const std::vector<uint64_t> shared = TermsOfAllAndNone({kA, kC}, {kB});
  ASSERT_FALSE(shared.empty()) << "A and C share an index term that B lacks";
  const std::vector<int64_t> ids = AddPairs({kC, kB, kA});
  ASSERT_LT(ids[0], ids[2]);
  for (uint64_t term : shared) EXPECT_EQ(Postings(term), (std::vector<int64_t>{ids[0], ids[2]})) << term;

  // A second writer adds to the lists: still one ascending list per term, and a pair
  // stored before is found, not created again.
  const Pair d{"联盟链发展迅速。", "The alliance chain develops fast."};
  const std::vector<uint64_t> in_d = TermsOfAllAndNone({kA, kC, d}, {kB});
  ASSERT_FALSE(in_d.empty());
  const std::vector<int64_t> more = AddPairs({d, kB});
  EXPECT_EQ(more[1], ids[1]);
  for (uint64_t term : in_d)
    EXPECT_EQ(Postings(term), (std::vector<int64_t>{ids[0], ids[2], more[0]})) << term;
}

TEST_F(PairIndexTest, ALongListIsStoredAsSeveralRowsAndReadBackWhole) {
  // 6,000 pairs share the word "forum": its list (delta-coded, thousands of bytes) is cut into
  // rows small enough to stay inside a B-tree page, each keyed by its first id.
  std::vector<Pair> pairs;
  for (int i = 0; i < 6000; ++i) {
    pairs.push_back(
        Pair{"论坛第" + std::to_string(i) + "次会议。", "Forum meeting " + std::to_string(i) + "."});
  }
  const std::vector<int64_t> ids = AddPairs(pairs);
  const std::vector<uint64_t> forum = TermsOfAllAndNone(pairs, {kB});
  ASSERT_FALSE(forum.empty());
  for (uint64_t term : forum) {
    EXPECT_EQ(Postings(term), ids);
    const std::string rows =
        "SELECT count(*) FROM postings WHERE term = " + std::to_string(static_cast<int64_t>(term));
    EXPECT_GT(Query(rows), 1);
    EXPECT_EQ(Query(rows + " AND length(ids) > 4000"), 0);
  }
}

TEST_F(PairIndexTest, ListsMovedToTheTemporaryFileStillGiveOneRowPerTerm) {
  // A buffer of a few hundred bytes: the writer moves its runs to its temporary file dozens of
  // times during this import; each term still gets one row, with every id in order.
  std::vector<Pair> pairs;
  for (int i = 0; i < 3000; ++i) {
    pairs.push_back(Pair{"第" + std::to_string(i % 7) + "次论坛会议" + std::to_string(i) + "。",
                         "Forum meeting " + std::to_string(i % 11) + " number " + std::to_string(i) + "."});
  }
  PostingBufferLimits tiny;
  tiny.run_pairs = 200;
  tiny.max_buffered_bytes = 600;
  const std::vector<int64_t> ids = AddPairs(pairs, nullptr, tiny);
  EXPECT_EQ(Query("SELECT count(*) FROM (SELECT term FROM postings GROUP BY term HAVING count(*) > 1)"), 0);
  const std::vector<uint64_t> forum = TermsOfAllAndNone(pairs, {kB});
  ASSERT_FALSE(forum.empty());
  for (uint64_t term : forum) EXPECT_EQ(Postings(term), ids);
  // The same pairs through the default buffer give the same rows.
  const std::string rows =
      "SELECT group_concat(term || ':' || first || ':' || n || ':' || hex(ids), ',')"
      " FROM (SELECT * FROM postings ORDER BY term, first)";
  const std::string spilled = QueryText(rows);
  ASSERT_TRUE(db_->Exec("DELETE FROM units; DELETE FROM segments; DELETE FROM postings").ok());
  AddPairs(pairs);
  EXPECT_EQ(spilled, QueryText(rows));
}

TEST_F(PairIndexTest, TermsAlikeInTheirHighBitsKeepListsOfTheirOwn) {
  // The writer sorts postings by the terms' high 32 bits first: terms that differ only in the
  // low bits (and terms with the sign bit set, which SQLite orders first) must still get one
  // ascending list each, across several runs and the temporary file.
  const std::vector<uint64_t> terms = {0x1234567800000002ULL, 0x1234567800000001ULL, 0x12345678FFFFFFFFULL,
                                       0x9234567800000001ULL, 0x0000000100000000ULL};
  std::vector<std::vector<int64_t>> want(terms.size());
  PostingBufferLimits small;
  small.run_pairs = 64;
  small.max_buffered_bytes = 2000;
  SqliteTransaction txn(db_);
  ASSERT_TRUE(txn.Begin().ok());
  std::unique_ptr<PairIndexWriter> writer;
  ASSERT_TRUE(PairIndexWriter::Create(db_, &writer, small).ok());
  for (int i = 0; i < 500; ++i) {
    const Pair p{"第" + std::to_string(i) + "条。", "Item " + std::to_string(i) + "."};
    // Pair i has term k when bit k of i * 7 + 3 is set: every term in many pairs, interleaved.
    std::vector<uint64_t> mine;
    for (size_t k = 0; k < terms.size(); ++k) {
      if (((i * 7 + 3) >> k) & 1) mine.push_back(terms[k]);
    }
    int64_t id = 0;
    ASSERT_TRUE(writer->FindOrCreate(p.source, p.target, PairHash(p.source, p.target), mine, &id).ok());
    StoreUnit(p, id);
    for (size_t k = 0; k < terms.size(); ++k) {
      if (((i * 7 + 3) >> k) & 1) want[k].push_back(id);
    }
  }
  ASSERT_TRUE(writer->Flush().ok());
  writer.reset();
  ASSERT_TRUE(txn.Commit().ok());
  for (size_t k = 0; k < terms.size(); ++k) {
    ASSERT_GT(want[k].size(), 100u);
    EXPECT_EQ(Postings(terms[k]), want[k]) << std::hex << terms[k];
  }
}

TEST_F(PairIndexTest, ACappedFrequencyStopsCountingPastTheCap) {
  // 6,000 pairs share "forum", stored as several rows; the capped count is exact up to the
  // cap and only known to be above it past the cap (it stops at the row that passes it).
  std::vector<Pair> pairs;
  for (int i = 0; i < 6000; ++i) {
    pairs.push_back(
        Pair{"论坛第" + std::to_string(i) + "次会议。", "Forum meeting " + std::to_string(i) + "."});
  }
  AddPairs(pairs);
  const std::vector<uint64_t> forum = TermsOfAllAndNone(pairs, {kB});
  ASSERT_FALSE(forum.empty());
  std::unique_ptr<PostingsReader> reader;
  ASSERT_TRUE(PostingsReader::Create(db_, &reader).ok());
  for (uint64_t term : forum) {
    int64_t exact = -1, capped = -1;
    ASSERT_TRUE(reader->Frequency(term, &exact).ok());
    EXPECT_EQ(exact, 6000);
    ASSERT_TRUE(reader->Frequency(term, 6000, &capped).ok());
    EXPECT_EQ(capped, 6000);
    ASSERT_TRUE(reader->Frequency(term, 100, &capped).ok());
    EXPECT_GT(capped, 100);
    EXPECT_LT(capped, 6000) << "counting went on past the cap";
  }
  const uint64_t nowhere = PairIndexTerms("无此词语", "")[0];
  int64_t none = -1;
  ASSERT_TRUE(reader->Frequency(nowhere, 10, &none).ok());
  EXPECT_EQ(none, 0);
}

class LinkPendingUnitsTest : public PairIndexTest {
 protected:
  void SetUp() override {
    PairIndexTest::SetUp();
    TmDocument doc;
    doc.id = "linked";
    ASSERT_TRUE(tm_->ReplaceDocument(doc, {::tmalign::testing::OneToOneUnit(0, kA.source, kA.target),
                                           ::tmalign::testing::OneToOneUnit(1, kB.source, kB.target),
                                           ::tmalign::testing::OneToOneUnit(2, kA.source, kA.target)})
                    .ok());
    ASSERT_EQ(Query("SELECT count(*) FROM segments"), 2);
  }

  // Runs LinkPendingUnits in a transaction of its own; *created: the pairs it made.
  int64_t Link(int64_t* created) {
    SqliteTransaction txn(db_);
    EXPECT_TRUE(txn.Begin().ok());
    std::unique_ptr<PairIndexWriter> writer;
    EXPECT_TRUE(PairIndexWriter::Create(db_, &writer).ok());
    int64_t linked = -1;
    Status s = writer->LinkPendingUnits(&linked);
    EXPECT_TRUE(s.ok()) << s.message();
    *created = writer->pairs_created();
    writer.reset();
    EXPECT_TRUE(txn.Commit().ok());
    return linked;
  }

  int64_t PairOf(int position) {
    return Query("SELECT segment_id FROM units WHERE doc_id = 'linked' AND position = " +
                 std::to_string(position));
  }
};

TEST_F(LinkPendingUnitsTest, EditedUnitsGetTheSegmentOfTheirNewPair) {
  const int64_t a_pair = PairOf(0);
  // Unit 1 edited into a pair never seen; unit 2 unlinked with its pair unchanged.
  ASSERT_TRUE(db_->Exec("UPDATE units SET target = 'Build a digital China.', segment_id = NULL"
                        " WHERE doc_id = 'linked' AND position = 1")
                  .ok());
  ASSERT_TRUE(db_->Exec("UPDATE units SET segment_id = NULL WHERE doc_id = 'linked' AND position = 2").ok());

  int64_t created = -1;
  EXPECT_EQ(Link(&created), 2);
  EXPECT_EQ(created, 1) << "only the edited pair is new";
  EXPECT_EQ(Query("SELECT count(*) FROM units WHERE segment_id IS NULL"), 0);
  EXPECT_EQ(PairOf(2), a_pair);
  const int64_t edited = PairOf(1);
  EXPECT_NE(edited, a_pair);
  EXPECT_EQ(Query("SELECT count(*) FROM segments"), 2)
      << "B's segment went with its last unit (schema trigger)";
  // The new pair_id is indexed under the terms of its text.
  const std::vector<uint64_t> terms = PairIndexTerms(kB.source, "Build a digital China.");
  ASSERT_FALSE(terms.empty());
  for (uint64_t term : terms) {
    const std::vector<int64_t> ids = Postings(term);
    EXPECT_NE(std::find(ids.begin(), ids.end(), edited), ids.end()) << term;
  }
}

TEST_F(LinkPendingUnitsTest, UnitsOfATmWithoutSegmentsGetOneSegmentPerPair) {
  // As schema version 1 left a TM: no segments, no postings, no unit linked.
  ASSERT_TRUE(
      db_->Exec("DELETE FROM segments; DELETE FROM postings; UPDATE units SET segment_id = NULL").ok());
  int64_t created = -1;
  EXPECT_EQ(Link(&created), 3);
  EXPECT_EQ(created, 2);
  EXPECT_EQ(Query("SELECT count(*) FROM units WHERE segment_id IS NULL"), 0);
  EXPECT_EQ(PairOf(0), PairOf(2));
  EXPECT_NE(PairOf(0), PairOf(1));
  for (uint64_t term : TermsOfAllAndNone({kA}, {kB})) {
    EXPECT_EQ(Postings(term), std::vector<int64_t>{PairOf(0)}) << term;
  }
  int64_t again = -1;
  EXPECT_EQ(Link(&again), 0) << "nothing left to link";
  EXPECT_EQ(again, 0);
}

}  // namespace
}  // namespace tmalign
