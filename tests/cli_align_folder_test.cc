// `tmalign align ZH_DIR EN_DIR`: pairs by name, one line a pair, TM writes that skip
// unchanged pairs, an output folder that `eval` can score, and one bad pair stopping nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "dict/cedict.h"
#include "run_binary.h"
#include "temp_dir.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunResult;

const std::string kBulletin = std::string(TMALIGN_SOURCE_DIR) + "/corpora/pujiang-2021-bulletin-07";

class CliAlignFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::error_code ec;
    if (!fs::exists(DefaultCedictPath(), ec))
      GTEST_SKIP() << "CC-CEDICT not found (run scripts/fetch-cedict)";
    dir_ = ::tmalign::testing::MakeTempDir("tmalign_align_folder");
    ASSERT_FALSE(dir_.empty());
    fs::create_directories(dir_ + "/zh");
    fs::create_directories(dir_ + "/en");
    // Two pairs, named as editors name them: the bulletin, and its presplit copy.
    fs::copy_file(kBulletin + "/zh.txt", dir_ + "/zh/bulletin-07.zh.txt");
    fs::copy_file(kBulletin + "/en.txt", dir_ + "/en/bulletin-07_en.txt");
    fs::copy_file(kBulletin + "/zh.split", dir_ + "/zh/split-07_cn.txt");
    fs::copy_file(kBulletin + "/en.split", dir_ + "/en/split-07-en.txt");
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  RunResult Align(const std::string& args) { return testing::RunTmalign("align zh en " + args, dir_); }
  static int Lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }
  std::string dir_;
};

TEST_F(CliAlignFolderTest, StoresEachPairThenSkipsUnchangedAndRealignsChanged) {
  RunResult r = Align("--tm tm.sqlite");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out), 2) << r.out;
  EXPECT_EQ(r.out.rfind("bulletin-07\t", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("\nsplit-07\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" beads\t"), std::string::npos) << r.out;
  RunResult docs = testing::RunTmalign("docs --tm tm.sqlite", dir_);
  EXPECT_NE(docs.out.find("bulletin-07\t"), std::string::npos) << docs.out;
  EXPECT_NE(docs.out.find("split-07\t"), std::string::npos) << docs.out;

  r = Align("--tm tm.sqlite");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out), 2);
  EXPECT_NE(r.out.find("bulletin-07\tunchanged"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("split-07\tunchanged"), std::string::npos) << r.out;

  std::ofstream(dir_ + "/en/split-07-en.txt", std::ios::app) << "One more sentence for the record.\n";
  r = Align("--tm tm.sqlite");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("bulletin-07\tunchanged"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("split-07\t"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("split-07\tunchanged"), std::string::npos) << r.out;

  r = Align("--tm tm.sqlite --force");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("unchanged"), std::string::npos) << r.out;
}

TEST_F(CliAlignFolderTest, OutputFolderEqualsSingleCallsWhateverTheJobs) {
  RunResult one = Align("--presplit -o out1 -j 1");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  RunResult two = Align("--presplit -o out2 -j 2");
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_EQ(one.out, two.out);
  for (const char* id : {"bulletin-07", "split-07"}) {
    const std::string a = ReadFile(dir_ + "/out1/" + id + ".align");
    EXPECT_FALSE(a.empty()) << id;
    EXPECT_EQ(a, ReadFile(dir_ + "/out2/" + id + ".align")) << id;
  }
  RunResult single = testing::RunTmalign("align --presplit zh/split-07_cn.txt en/split-07-en.txt", dir_);
  ASSERT_EQ(single.exit_code, 0) << single.err;
  EXPECT_EQ(single.out, ReadFile(dir_ + "/out1/split-07.align"));
  // eval scores a folder against a folder: the presplit copy against the bulletin's gold.
  fs::create_directories(dir_ + "/gold");
  fs::copy_file(kBulletin + "/gold.align", dir_ + "/gold/split-07.align");
  fs::remove(dir_ + "/out1/bulletin-07.align");
  RunResult eval = testing::RunTmalign("eval gold out1", dir_);
  ASSERT_EQ(eval.exit_code, 0) << eval.err;
  EXPECT_NE(eval.out.find("strict\t1.000\t1.000\t1.000"), std::string::npos) << eval.out;

  RunResult tsv = Align("-o out3 --format tsv");
  ASSERT_EQ(tsv.exit_code, 0) << tsv.err;
  EXPECT_TRUE(fs::exists(dir_ + "/out3/bulletin-07.tsv"));
}

TEST_F(CliAlignFolderTest, ABadPairStopsNothingAndIsNamed) {
  std::ofstream(dir_ + "/zh/broken.zh.txt") << "";  // empty
  std::ofstream(dir_ + "/en/broken.en.txt") << "Some text.\n";
  std::ofstream(dir_ + "/zh/lonely.zh.txt") << "只有中文。\n";
  RunResult r = Align("--tm tm.sqlite");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("broken\tfailed: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("bulletin-07\t"), std::string::npos) << r.out;  // the others went on
  EXPECT_NE(r.out.find("split-07\t"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("unpaired: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("lonely.zh.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 of 3 pairs failed: broken"), std::string::npos) << r.err;
  RunResult docs = testing::RunTmalign("docs --tm tm.sqlite", dir_);
  EXPECT_EQ(Lines(docs.out), 2) << docs.out;
}

TEST_F(CliAlignFolderTest, SwappedFoldersAndBadArgumentsAreRefused) {
  RunResult swapped = testing::RunTmalign("align en zh -o out", dir_);
  EXPECT_EQ(swapped.exit_code, 2);
  EXPECT_NE(swapped.out.find("reads as English"), std::string::npos) << swapped.out;
  RunResult mixed = testing::RunTmalign("align zh en/bulletin-07_en.txt", dir_);
  EXPECT_EQ(mixed.exit_code, 2);
  EXPECT_NE(mixed.err.find("two files or two folders"), std::string::npos) << mixed.err;
  RunResult nowhere = Align("");
  EXPECT_EQ(nowhere.exit_code, 2);
  EXPECT_NE(nowhere.err.find("--tm FILE or -o OUT_DIR"), std::string::npos) << nowhere.err;
  RunResult jobs = testing::RunTmalign("align zh/bulletin-07.zh.txt en/bulletin-07_en.txt --jobs 2", dir_);
  EXPECT_EQ(jobs.exit_code, 2);
}

}  // namespace
}  // namespace tmalign
