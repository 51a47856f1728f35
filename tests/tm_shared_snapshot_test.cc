// One snapshot read through several connections (tm/shared_snapshot.h): a commit made after
// Begin is seen by none of them until End, and a connection already inside a transaction
// cannot share (the caller then reads through it alone).
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "temp_dir.h"
#include "tm/shared_snapshot.h"
#include "tm/translation_memory.h"
#include "tm_test_unit.h"

namespace tmalign {
namespace {

class TmSharedSnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::tmalign::testing::MakeTempDir("tmalign_shared_snapshot_test");
    ASSERT_FALSE(dir_.empty());
    path_ = dir_ + "/tm.sqlite";
    ASSERT_TRUE(TranslationMemory::Open(path_, &writer_).ok());
    Store("a");
    for (auto& r : readers_) ASSERT_TRUE(TranslationMemory::OpenForReading(path_, &r).ok());
  }
  void TearDown() override {
    for (auto& r : readers_) r.reset();
    writer_.reset();
    std::filesystem::remove_all(dir_);
  }
  // The writer's connection stores document `id` and commits.
  void Store(const std::string& id) {
    TmDocument doc;
    doc.id = id;
    ASSERT_TRUE(
        writer_->ReplaceDocument(doc, {::tmalign::testing::OneToOneUnit(0, "甲方同意。", "A agrees.")}).ok());
  }
  size_t Documents(TranslationMemory* tm) {
    std::vector<TmDocumentSummary> docs;
    EXPECT_TRUE(tm->ListDocuments(&docs).ok());
    return docs.size();
  }
  std::string dir_, path_;
  std::unique_ptr<TranslationMemory> writer_, readers_[3];
};

TEST_F(TmSharedSnapshotTest, EveryConnectionReadsTheStateOfBegin) {
  TmSharedSnapshot snapshot;
  bool shared = false;
  ASSERT_TRUE(snapshot.Begin(readers_[0].get(), {readers_[1].get(), readers_[2].get()}, &shared).ok());
  EXPECT_TRUE(shared);
  Store("b");
  for (auto& r : readers_) EXPECT_EQ(Documents(r.get()), 1u);
  ASSERT_TRUE(snapshot.End().ok());
  for (auto& r : readers_) EXPECT_EQ(Documents(r.get()), 2u);
  // Begun again: the new state, on every connection.
  ASSERT_TRUE(snapshot.Begin(readers_[0].get(), {readers_[1].get(), readers_[2].get()}, &shared).ok());
  EXPECT_TRUE(shared);
  Store("c");
  for (auto& r : readers_) EXPECT_EQ(Documents(r.get()), 2u);
}

TEST_F(TmSharedSnapshotTest, AConnectionInsideATransactionDoesNotShare) {
  TmSnapshot earlier(readers_[1].get());
  ASSERT_TRUE(earlier.Begin().ok());
  EXPECT_EQ(Documents(readers_[1].get()), 1u);
  Store("b");
  TmSharedSnapshot snapshot;
  bool shared = true;
  ASSERT_TRUE(snapshot.Begin(readers_[0].get(), {readers_[1].get(), readers_[2].get()}, &shared).ok());
  EXPECT_FALSE(shared);
  EXPECT_EQ(Documents(readers_[0].get()), 2u);  // its own snapshot, of the state now
  Store("c");
  EXPECT_EQ(Documents(readers_[0].get()), 2u);
  EXPECT_EQ(Documents(readers_[2].get()), 3u);  // not in a snapshot
  ASSERT_TRUE(snapshot.End().ok());
  EXPECT_EQ(Documents(readers_[0].get()), 3u);
}

}  // namespace
}  // namespace tmalign
