// SIGINT and SIGTERM during the commands that write a TM (import, align --tm, a folder
// alignment): the transaction under way is rolled back, what was committed before stays
// and is named, and the exit code is 130 (SIGINT) or 143 (SIGTERM). The binary pauses at a
// known point ($TMALIGN_TEST_PAUSE, cli/interrupt.h), the test sends the signal there.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "dict/cedict.h"
#include "spawn_binary.h"
#include "temp_dir.h"
#include "tm/translation_memory.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;
using testing::SpawnedTmalign;

const std::string kBulletin = std::string(TMALIGN_SOURCE_DIR) + "/corpora/pujiang-2021-bulletin-07";

class InterruptCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::tmalign::testing::MakeTempDir("tmalign_interrupt");
    ASSERT_FALSE(dir_.empty());
    tm_ = dir_ + "/tm.sqlite";
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ + "/" + name, std::ios::binary) << text;
    return dir_ + "/" + name;
  }
  static std::string Tsv(int lines) {
    std::string s;
    for (int i = 0; i < lines; ++i)
      s += "第" + std::to_string(i) + "句测试文本。\tTest sentence " + std::to_string(i) + ".\n";
    return s;
  }
  // Document id -> units, as the TM holds them now.
  std::map<std::string, int64_t> Documents() {
    std::unique_ptr<TranslationMemory> tm;
    EXPECT_TRUE(TranslationMemory::OpenExisting(tm_, &tm).ok());
    std::vector<TmDocumentSummary> docs;
    EXPECT_TRUE(tm->ListDocuments(&docs).ok());
    std::map<std::string, int64_t> out;
    for (const TmDocumentSummary& d : docs) out[d.doc.id] = d.unit_count;
    return out;
  }
  // Runs `args` paused at `point`, sends `sig` there; returns the exit code.
  int Interrupt(SpawnedTmalign* run, const std::vector<std::string>& args, const std::string& point,
                int sig) {
    EXPECT_TRUE(run->Start(args, dir_, {"TMALIGN_TEST_PAUSE=" + point}));
    const bool paused = run->WaitForStderr("tmalign: paused at " + point);
    EXPECT_TRUE(paused) << run->err();
    if (paused) run->Signal(sig);
    return run->Wait();
  }
  static bool HaveCedict() {
    std::error_code ec;
    return fs::exists(DefaultCedictPath(), ec);
  }

  std::string dir_, tm_;
};

TEST_F(InterruptCliTest, SigintInsideAnImportRollsTheFileBackAndKeepsTheFilesBefore) {
  Write("first.tsv", Tsv(3));
  Write("big.tsv", Tsv(6000));
  SpawnedTmalign run;
  // Call 1 of the "import" point is first.tsv's check before its commit; call 2 is big.tsv's
  // at 4096 units, inside its transaction.
  EXPECT_EQ(Interrupt(&run, {"import", "first.tsv", "big.tsv", "--tm", "tm.sqlite"}, "import:2", SIGINT),
            130);
  EXPECT_NE(run.err().find("tmalign import: interrupted (SIGINT): nothing of big.tsv was imported; kept the "
                           "files imported before: first.tsv"),
            std::string::npos)
      << run.err();
  EXPECT_EQ(Documents(), (std::map<std::string, int64_t>{{"first", 3}}));
  EXPECT_FALSE(fs::exists(tm_ + "-wal"));  // closed cleanly
}

TEST_F(InterruptCliTest, SigtermAtTheCommitOfAnImportLeavesTheTmAsItWas) {
  Write("before.tsv", Tsv(2));
  testing::RunResult before = testing::RunTmalign("import before.tsv --tm tm.sqlite", dir_);
  ASSERT_EQ(before.exit_code, 0) << before.err;
  Write("new.tsv", Tsv(50));
  SpawnedTmalign run;
  EXPECT_EQ(Interrupt(&run, {"import", "new.tsv", "--tm", "tm.sqlite"}, "commit", SIGTERM), 143);
  EXPECT_NE(
      run.err().find("tmalign import: interrupted (SIGTERM): nothing of new.tsv was imported; the TM is "
                     "as it was"),
      std::string::npos)
      << run.err();
  EXPECT_EQ(Documents(), (std::map<std::string, int64_t>{{"before", 2}}));
  // The next import of the same file is whole.
  testing::RunResult again = testing::RunTmalign("import new.tsv --tm tm.sqlite", dir_);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(Documents(), (std::map<std::string, int64_t>{{"before", 2}, {"new", 50}}));
}

TEST_F(InterruptCliTest, SigintAtTheCommitOfAlignTmKeepsTheStoredDocument) {
  if (!HaveCedict()) GTEST_SKIP() << "CC-CEDICT not found (run scripts/fetch-cedict)";
  const std::string zh = kBulletin + "/zh.txt", en = kBulletin + "/en.txt";
  testing::RunResult first =
      testing::RunTmalign("align '" + zh + "' '" + en + "' --tm tm.sqlite --doc b07", dir_);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::map<std::string, int64_t> stored = Documents();
  TmDocument doc;
  {
    std::unique_ptr<TranslationMemory> tm;
    ASSERT_TRUE(TranslationMemory::OpenExisting(tm_, &tm).ok());
    ASSERT_TRUE(tm->RequireDocument("b07", &doc).ok());
  }
  // Aligned again with the sides swapped into presplit copies: a different document, never stored.
  SpawnedTmalign run;
  EXPECT_EQ(Interrupt(&run,
                      {"align", kBulletin + "/zh.split", kBulletin + "/en.split", "--presplit", "--tm",
                       "tm.sqlite", "--doc", "b07"},
                      "commit", SIGINT),
            130);
  EXPECT_NE(
      run.err().find("tmalign align: interrupted (SIGINT): nothing was stored: document 'b07' in tm.sqlite "
                     "is as it was"),
      std::string::npos)
      << run.err();
  EXPECT_EQ(Documents(), stored);
  std::unique_ptr<TranslationMemory> tm;
  ASSERT_TRUE(TranslationMemory::OpenExisting(tm_, &tm).ok());
  TmDocument after;
  ASSERT_TRUE(tm->RequireDocument("b07", &after).ok());
  EXPECT_EQ(after.version, doc.version);
  EXPECT_EQ(after.src_path, doc.src_path);
}

TEST_F(InterruptCliTest, SigtermDuringAFolderAlignmentKeepsAndListsTheDocumentsStoredBefore) {
  if (!HaveCedict()) GTEST_SKIP() << "CC-CEDICT not found (run scripts/fetch-cedict)";
  fs::create_directories(dir_ + "/zh");
  fs::create_directories(dir_ + "/en");
  for (const char* name : {"a-07", "b-07", "c-07"}) {
    fs::copy_file(kBulletin + "/zh.txt", dir_ + "/zh/" + name + ".zh.txt");
    fs::copy_file(kBulletin + "/en.txt", dir_ + "/en/" + name + ".en.txt");
  }
  SpawnedTmalign run;
  // The second document's commit: the first is stored, the second rolled back, the third never aligned.
  EXPECT_EQ(Interrupt(&run, {"align", "zh", "en", "--tm", "tm.sqlite", "--jobs", "1"}, "commit:2", SIGTERM),
            143);
  const std::map<std::string, int64_t> docs = Documents();
  ASSERT_EQ(docs.size(), 1u);
  const std::string kept = docs.begin()->first;
  EXPECT_GT(docs.begin()->second, 0);
  EXPECT_NE(run.err().find("tmalign align: interrupted (SIGTERM): kept the documents done before it: " +
                           kept + "; 2 of 3 pairs not done"),
            std::string::npos)
      << run.err();
  EXPECT_NE(run.out().find(kept + "\t"), std::string::npos) << run.out();
  // Aligning the folders again does the rest and skips the kept one.
  testing::RunResult again = testing::RunTmalign("align zh en --tm tm.sqlite", dir_);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find(kept + "\tunchanged"), std::string::npos) << again.out;
  EXPECT_EQ(Documents().size(), 3u);
}

}  // namespace
}  // namespace tmalign
