// The output of every command that writes one (align, export, report, terms import,
// terms export, run as the built binary): `-o -` is standard output, `-o FILE` is all or
// nothing (a failed run leaves no file, and an existing one untouched), and a folder that
// cannot be written is one error line "tmalign CMD: FILE: ..." with exit code 2.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "dict/cedict.h"
#include "run_binary.h"
#include "temp_dir.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunResult;

const std::string kTerms = std::string(TMALIGN_TEST_DATA) + "/terms/";

// One writing command: its arguments before -o, and what its output starts with.
struct Writer {
  std::string name;     // for messages: "align", "terms import" ...
  std::string args;     // shell words after `tmalign`, without -o
  std::string starts;   // the output's first bytes
  std::string failing;  // the same command made to fail after its options are checked
};

class CliOutputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::tmalign::testing::MakeTempDir("tmalign_cli_output");
    ASSERT_FALSE(dir_.empty());
    Write("zh.txt", "区块链技术发展迅速。联盟链是重要方向。\n");
    Write("en.txt",
          "Blockchain technology is developing fast. Alliance chains are an important direction.\n");
    Write("pairs.tsv", "联盟链\talliance chain\n区块链\tblockchain\n");
    Write("bad.txt", "caf\xC3 au lait\n");  // invalid UTF-8
    RunResult r = Run("import pairs.tsv --tm tm.sqlite --doc d");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& name, const std::string& bytes) {
    std::ofstream(fs::path(dir_) / name, std::ios::binary) << bytes;
  }

  // Runs `tmalign ARGS` in the test's folder; `args` are shell words.
  RunResult Run(const std::string& args) { return testing::RunTmalign(args, dir_); }

  // The names in the test's folder.
  std::set<std::string> Files() const {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_)) names.insert(e.path().filename().string());
    return names;
  }

  static bool HaveDictionary() {
    std::error_code ec;
    return fs::exists(DefaultCedictPath(), ec);
  }

  // The writing commands; align only where CC-CEDICT is installed.
  std::vector<Writer> Writers() const {
    std::vector<Writer> w = {
        {"export", "export --tm tm.sqlite --format tsv", "联盟链\talliance chain",
         "export --tm tm.sqlite --format tsv --doc nope"},
        {"report", "report --tm tm.sqlite --doc d", "<!DOCTYPE html>", "report --tm tm.sqlite --doc nope"},
        {"terms", "terms import '" + kTerms + "glossary.tsv'", "zh\ten",
         "terms import '" + kTerms + "xxe.tbx'"},
        {"terms", "terms export --format tsv -g '" + kTerms + "glossary.tsv'", "zh\ten",
         "terms export --format tsv -g '" + kTerms + "glossary.tsv' -g missing.tsv"},
    };
    if (HaveDictionary())
      w.insert(w.begin(), {"align", "align zh.txt en.txt --format tsv", "src_ids\t",
                           "align zh.txt bad.txt --format tsv"});
    return w;
  }

  // One line "tmalign CMD: PATH...", exit code 2, nothing on stdout.
  static void ExpectError(const RunResult& r, const Writer& w, const std::string& path) {
    EXPECT_EQ(r.exit_code, 2) << w.args << "\n" << r.err;
    EXPECT_EQ(r.err.rfind("tmalign " + w.name + ": " + path + ": ", 0), 0u) << w.args << "\n" << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "not one line: " << r.err;
    EXPECT_TRUE(r.out.empty()) << w.args << "\n" << r.out;
  }

  std::string dir_;
};

TEST_F(CliOutputTest, DashIsStandardOutput) {
  for (const Writer& w : Writers()) {
    const std::set<std::string> before = Files();
    RunResult dash = Run(w.args + " -o -");
    ASSERT_EQ(dash.exit_code, 0) << w.args << "\n" << dash.err;
    EXPECT_EQ(dash.out.rfind(w.starts, 0), 0u) << w.args << "\n" << dash.out.substr(0, 200);
    EXPECT_EQ(Files(), before) << w.args << " -o - wrote a file";
    RunResult file = Run(w.args + " -o out.txt");
    ASSERT_EQ(file.exit_code, 0) << w.args << "\n" << file.err;
    const std::string written = ReadFile(fs::path(dir_) / "out.txt");
    EXPECT_EQ(written.size(), dash.out.size()) << w.args;
    if (w.name != "report") {  // a report has a random nonce
      EXPECT_EQ(written, dash.out) << w.args;
    }
    fs::remove(fs::path(dir_) / "out.txt");
  }
}

TEST_F(CliOutputTest, FailedRunLeavesNoFileAndAnExistingOneUntouched) {
  for (const Writer& w : Writers()) {
    const std::set<std::string> before = Files();
    RunResult r = Run(w.failing + " -o new.txt");
    EXPECT_EQ(r.exit_code, 2) << w.failing << "\n" << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    EXPECT_EQ(Files(), before) << w.failing << " left a file";

    Write("old.txt", "previous output\n");
    r = Run(w.failing + " -o old.txt");
    EXPECT_EQ(r.exit_code, 2) << w.failing << "\n" << r.err;
    EXPECT_EQ(ReadFile(fs::path(dir_) / "old.txt"), "previous output\n") << w.failing;
    fs::remove(fs::path(dir_) / "old.txt");
    EXPECT_EQ(Files(), before) << w.failing << " left a file";
  }
}

TEST_F(CliOutputTest, MissingFolder) {
  for (const Writer& w : Writers()) {
    RunResult r = Run(w.args + " -o nodir/out.txt");
    ExpectError(r, w, "nodir/out.txt");
    EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
  }
}

TEST_F(CliOutputTest, UnwritableFolder) {
  if (geteuid() == 0) GTEST_SKIP() << "root ignores permission bits (see UnwritableFolderEvenForRoot)";
  const std::string ro = dir_ + "/ro";
  ASSERT_TRUE(fs::create_directory(ro));
  ASSERT_EQ(chmod(ro.c_str(), 0555), 0);
  for (const Writer& w : Writers()) {
    RunResult r = Run(w.args + " -o ro/out.txt");
    ExpectError(r, w, "ro/out.txt");
    EXPECT_TRUE(fs::is_empty(ro)) << w.args;
  }
  chmod(ro.c_str(), 0755);
}

// /proc refuses new files to root too.
TEST_F(CliOutputTest, UnwritableFolderEvenForRoot) {
  const std::string path = "/proc/tmalign-cli-output-test.txt";
  for (const Writer& w : Writers()) {
    RunResult r = Run(w.args + " -o " + path);
    ExpectError(r, w, path);
    EXPECT_FALSE(fs::exists(path));
  }
}

}  // namespace
}  // namespace tmalign
