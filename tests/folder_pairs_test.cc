// Pairing two folders' files by name (doc/folder_pairs.h) and the --pairs file.
#include "doc/folder_pairs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "temp_dir.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;

TEST(StemWithoutLanguageTagTest, DropsExtensionAndTag) {
  EXPECT_EQ(StemWithoutLanguageTag("bulletin-07.zh.docx"), "bulletin-07");
  EXPECT_EQ(StemWithoutLanguageTag("bulletin-07_cn.pdf"), "bulletin-07");
  EXPECT_EQ(StemWithoutLanguageTag("bulletin-07-zh-CN.html"), "bulletin-07");
  EXPECT_EQ(StemWithoutLanguageTag("bulletin-07_zh_CN.odt"), "bulletin-07");
  EXPECT_EQ(StemWithoutLanguageTag("bulletin-07_en.txt"), "bulletin-07");
  EXPECT_EQ(StemWithoutLanguageTag("Bulletin-07.EN.docx"), "Bulletin-07");
  EXPECT_EQ(StemWithoutLanguageTag("bulletin-07-en-US.pdf"), "bulletin-07");
  EXPECT_EQ(StemWithoutLanguageTag("001"), "001");            // no extension, no tag
  EXPECT_EQ(StemWithoutLanguageTag("report.txt"), "report");  // no tag
  EXPECT_EQ(StemWithoutLanguageTag("token.docx"), "token");   // "en" inside a word is no tag
  EXPECT_EQ(StemWithoutLanguageTag("zh.txt"), "zh");          // a tag alone is the name
}

class FolderPairsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::tmalign::testing::MakeTempDir("tmalign_folder_pairs");
    ASSERT_FALSE(dir_.empty());
    fs::create_directories(dir_ + "/zh");
    fs::create_directories(dir_ + "/en");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Touch(const std::string& rel) { std::ofstream(dir_ + "/" + rel) << "x"; }
  std::string dir_;
};

TEST_F(FolderPairsTest, PairsByStemAcrossFormatsAndListsTheRest) {
  Touch("zh/issue-07.zh.docx");
  Touch("en/issue-07_en.pdf");
  Touch("zh/issue-08.txt");
  Touch("en/issue-08.txt");
  Touch("zh/issue-09_cn.html");  // no English
  Touch("en/notes.txt");         // no Chinese
  Touch("zh/.hidden");           // ignored
  FolderPairing p;
  ASSERT_TRUE(PairFolderFiles(dir_ + "/zh", dir_ + "/en", &p).ok());
  ASSERT_EQ(p.pairs.size(), 2u);
  EXPECT_EQ(p.pairs[0].id, "issue-07");
  EXPECT_EQ(fs::path(p.pairs[0].zh_path).filename(), "issue-07.zh.docx");
  EXPECT_EQ(fs::path(p.pairs[0].en_path).filename(), "issue-07_en.pdf");
  EXPECT_EQ(p.pairs[1].id, "issue-08");
  ASSERT_EQ(p.unpaired.size(), 2u);
  EXPECT_EQ(fs::path(p.unpaired[0]).filename(), "notes.txt");
  EXPECT_EQ(fs::path(p.unpaired[1]).filename(), "issue-09_cn.html");
}

TEST_F(FolderPairsTest, AmbiguousStemsStayUnpaired) {
  Touch("zh/a.zh.txt");
  Touch("zh/a_cn.docx");  // two Chinese files for one stem
  Touch("en/a.en.txt");
  FolderPairing p;
  ASSERT_TRUE(PairFolderFiles(dir_ + "/zh", dir_ + "/en", &p).ok());
  EXPECT_TRUE(p.pairs.empty());
  EXPECT_EQ(p.unpaired.size(), 3u);
}

TEST_F(FolderPairsTest, MissingFolderIsAnError) {
  FolderPairing p;
  Status s = PairFolderFiles(dir_ + "/nope", dir_ + "/en", &p);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("nope"), std::string::npos);
}

TEST_F(FolderPairsTest, PairsFileResolvesRelativePathsAndRejectsBadLines) {
  std::ofstream(dir_ + "/pairs.tsv") << "# zh\ten\tid\n\nzh/x.txt\t/abs/y.txt\tdoc-1\n";
  std::vector<FilePair> pairs;
  ASSERT_TRUE(ReadPairsFile(dir_ + "/pairs.tsv", &pairs).ok());
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].zh_path, dir_ + "/zh/x.txt");
  EXPECT_EQ(pairs[0].en_path, "/abs/y.txt");
  EXPECT_EQ(pairs[0].id, "doc-1");

  std::ofstream(dir_ + "/bad.tsv") << "a\tb\tdoc\na\tb\n";
  pairs.clear();
  Status s = ReadPairsFile(dir_ + "/bad.tsv", &pairs);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("bad.tsv:2:"), std::string::npos) << s.message();
  std::ofstream(dir_ + "/twice.tsv") << "a\tb\tdoc\nc\td\tdoc\n";
  s = ReadPairsFile(dir_ + "/twice.tsv", &pairs);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("twice"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace tmalign
