// `tmalign report` and `tmalign review` through the built binary, on the bundled bulletin.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "run_binary.h"
#include "temp_dir.h"

namespace tmalign {

using testing::RunResult;
using testing::RunTmalign;
namespace {

namespace fs = std::filesystem;

const std::string kSource = TMALIGN_SOURCE_DIR;
const std::string kDoc = "pujiang-2021-bulletin-07";

std::string CedictPath() {
  if (const char* env = std::getenv("TMALIGN_DICT"); env != nullptr && *env) return env;
  const char* cache = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  std::string base = cache && *cache ? cache : std::string(home ? home : "") + "/.cache";
  return base + "/tmalign/cedict_ts.u8";
}

class ReviewCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::tmalign::testing::MakeTempDir("tmalign_review_cli");
    ASSERT_FALSE(std::string(dir_).empty());
    tm_ = dir_ + "/tm.sqlite";
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  // Aligns the bulletin into tm_ (needs CC-CEDICT).
  bool AlignBulletin() {
    const std::string corpus = kSource + "/corpora/" + kDoc;
    RunResult r =
        RunTmalign("align " + corpus + "/zh.txt " + corpus + "/en.txt --tm " + tm_ + " --doc " + kDoc);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0;
  }
  std::string dir_, tm_;
};

TEST_F(ReviewCliTest, ReportOfTheBulletinIsOneSelfContainedFile) {
  if (!fs::exists(CedictPath())) GTEST_SKIP() << "CC-CEDICT not at " << CedictPath();
  ASSERT_TRUE(AlignBulletin());
  const std::string out = dir_ + "/report.html";
  RunResult r = RunTmalign("report --tm " + tm_ + " --doc " + kDoc + " --glossary " + kSource +
                           "/glossary/blockchain.tsv -o " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::ifstream in(out);
  const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("\"id\":\"" + kDoc + "\""), std::string::npos);
  EXPECT_NE(html.find("Blockchain Development Seminar"), std::string::npos);
  EXPECT_NE(html.find("\"k\":\"term\""), std::string::npos) << "glossary terms marked";
  for (const char* bad : {" src=", " href=", "http://", "https://", "url("}) {
    EXPECT_EQ(html.find(bad), std::string::npos) << bad;
  }
}

TEST_F(ReviewCliTest, ErrorsAreOneLineAndExitTwo) {
  RunResult r = RunTmalign("report --tm " + tm_ + " --doc x -o " + dir_ + "/r.html");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "tmalign report: " + tm_ +
                       ": no such translation memory (create one with tmalign import or align --tm)\n");
  EXPECT_FALSE(fs::exists(tm_)) << "a missing TM is not created";
  r = RunTmalign("review --tm " + tm_ + " --doc x");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "tmalign review: " + tm_ +
                       ": no such translation memory (create one with tmalign import or align --tm)\n");
  r = RunTmalign("report --tm " + tm_ + " --doc x");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("-o FILE.html is required"), std::string::npos);
  r = RunTmalign("review --tm " + tm_ + " --doc x --port 70000");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(RunTmalign("review --help").exit_code, 0);
  EXPECT_EQ(RunTmalign("report --help").exit_code, 0);
}

TEST_F(ReviewCliTest, UnknownDocumentIsAnError) {
  if (!fs::exists(CedictPath())) GTEST_SKIP() << "CC-CEDICT not at " << CedictPath();
  ASSERT_TRUE(AlignBulletin());
  RunResult r = RunTmalign("review --tm " + tm_ + " --doc nope");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "tmalign review: " + tm_ + ": no document 'nope'\n");
  r = RunTmalign("report --tm " + tm_ + " --doc nope -o " + dir_ + "/r.html");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no document 'nope'"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ + "/r.html"));
}

}  // namespace
}  // namespace tmalign
