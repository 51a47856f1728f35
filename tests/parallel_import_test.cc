// `tmalign import --parallel ZH_FILE EN_FILE`: Moses/OPUS parallel text, line i with line i;
// blank lines, files of different lengths (an error naming both, nothing imported), the
// document name, and a Moses-style pair made with the usual tools (CRLF, BOM, tokenized text).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tm_cli_fixture.h"

namespace tmalign {
namespace {

using testing::RunResult;
using testing::RunTmalign;
namespace fs = std::filesystem;

class ParallelImportTest : public testing::TmCliFixture {
 protected:
  ParallelImportTest() : TmCliFixture("tmalign_parallel_import") {}
};

TEST_F(ParallelImportTest, LineIWithLineIBlankPairsSkipped) {
  // As OPUS ships a corpus (Moses format: corpus.zh-en.zh / corpus.zh-en.en), with a BOM and
  // CRLF line ends as a Windows editor leaves them.
  const std::string zh =
      Write("un.zh-en.zh", "\xEF\xBB\xBF联合国大会，\r\n决议 70/1 。\r\n\r\n   \r\n第七期\r\n会议结束。\r\n");
  const std::string en =
      Write("un.zh-en.en",
            "General Assembly ,\r\nResolution 70/1 .\r\n\r\nEmpty on one side\r\n\r\nThe meeting "
            "closed .\r\n");
  RunResult r = Tm("import --parallel " + zh + " " + en);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("un.zh-en.zh + " + en + ": imported 3 units"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skipped 2 units (Chinese line empty: 1, English line empty: 1)"), std::string::npos)
      << r.out;
  EXPECT_EQ(Tm("export --format tsv").out,
            "联合国大会，\tGeneral Assembly ,\n决议 70/1 。\tResolution 70/1 .\n会议结束。\tThe meeting "
            "closed .\n");
  RunResult docs = Tm("docs");
  EXPECT_NE(docs.out.find("un.zh-en"), std::string::npos) << docs.out;  // the Chinese file's name
  // --doc names the document; importing again replaces it.
  r = Tm("import --parallel " + zh + " " + en + " --doc un-2015");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(Tm("docs").out.find("un-2015"), std::string::npos);
}

TEST_F(ParallelImportTest, DifferentLineCountsAreAnErrorNamingBothFiles) {
  const std::string zh = Write("a.zh", "一\n二\n三\n");
  const std::string en = Write("a.en", "one\ntwo\n");
  RunResult r = Tm("import --parallel " + zh + " " + en);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(zh + " has 3 lines but " + en + " has 2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing imported"), std::string::npos) << r.err;
  EXPECT_EQ(Tm("export --format tsv").out, "");
  // The other way round, and a difference only at the end of a long file: still nothing.
  std::string many_zh, many_en;
  for (int i = 0; i < 10000; ++i) {
    many_zh += "第" + std::to_string(i) + "句。\n";
    many_en += "Sentence " + std::to_string(i) + ".\n";
  }
  r = Tm("import --parallel " + Write("b.zh", many_zh) + " " + Write("b.en", many_en + "extra\n"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("b.zh has 10000 lines but " + dir_ + "/b.en has 10001"), std::string::npos) << r.err;
  EXPECT_EQ(Tm("export --format tsv").out, "");
}

TEST_F(ParallelImportTest, BadUseAndBadBytes) {
  const std::string zh = Write("c.zh", "一\n");
  RunResult r = Tm("import --parallel " + zh);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--parallel takes exactly two files"), std::string::npos) << r.err;
  r = Tm("import --parallel " + zh + " " + dir_ + "/missing.en");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("missing.en: cannot open file"), std::string::npos) << r.err;
  r = Tm("import --parallel " + zh + " " +
         Write("c.en",
               "on\xFF"
               "e\n"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("c.en:1: invalid UTF-8 at byte offset 2"), std::string::npos) << r.err;
  EXPECT_EQ(Tm("export --format tsv").out, "");
  // Empty files: an error naming the file, not an import of nothing, and no TM is created.
  const std::string fresh = dir_ + "/fresh.sqlite";
  r = RunTmalign("import --parallel " + Write("e.zh", "") + " " + Write("e.en", "") + " --tm " + fresh);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("e.zh: file is empty"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(fresh));
}

}  // namespace
}  // namespace tmalign
