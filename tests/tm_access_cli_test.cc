// A TM the command may not change: written by a newer tmalign (every command refuses it,
// naming both schema versions, and leaves its bytes alone), or on a read-only file or
// folder (read commands work, write commands fail naming the path, nothing is created).
// Tests run as root, whom permissions do not stop: the commands on read-only TMs run as
// nobody through setpriv (util-linux).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "run_binary.h"
#include "temp_dir.h"
#include "tm/schema.h"
#include "tm/sqlite_handle.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunResult;

constexpr int kNobody = 65534;

class TmAccessCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::tmalign::testing::MakeTempDir("tmalign_tm_access");
    ASSERT_FALSE(dir_.empty());
    ASSERT_EQ(chmod(dir_.c_str(), 0755), 0);  // nobody must reach the TM folder
    tm_dir_ = dir_ + "/tms";
    fs::create_directories(tm_dir_);
    tm_ = tm_dir_ + "/tm.sqlite";
    std::ofstream(dir_ + "/bulletin.tsv")
        << "联盟链很重要。\tThe alliance chain matters.\n第二句。\tThe second one.\n";
    std::ofstream(dir_ + "/more.tsv") << "第三句。\tThe third one.\n";
    RunResult r = Run("import bulletin.tsv --tm tms/tm.sqlite");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  void TearDown() override {
    chmod(tm_dir_.c_str(), 0755);
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  RunResult Run(const std::string& args) { return testing::RunTmalign(args, dir_); }
  // As nobody, so that permission bits apply.
  RunResult RunAsNobody(const std::string& args) {
    return testing::RunTmalign(args, dir_,
                               "setpriv --reuid=" + std::to_string(kNobody) +
                                   " --regid=" + std::to_string(kNobody) + " --clear-groups");
  }
  std::set<std::string> TmFolder() {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(tm_dir_)) names.insert(e.path().filename().string());
    return names;
  }
  static bool HaveSetpriv() { return access("/usr/bin/setpriv", X_OK) == 0; }

  std::string dir_, tm_dir_, tm_;
};

// The commands that only read a TM, and those that write one (with what they must print).
const std::vector<std::string> kReadCommands = {"match 联盟链 --tm tms/tm.sqlite",
                                                "search 联盟链 --tm tms/tm.sqlite",
                                                "export --format tsv --tm tms/tm.sqlite",
                                                "stats --tm tms/tm.sqlite",
                                                "docs --tm tms/tm.sqlite",
                                                "export --format tmx --doc bulletin --tm tms/tm.sqlite"};
const std::vector<std::string> kWriteCommands = {
    "import more.tsv --tm tms/tm.sqlite", "delete --doc bulletin --tm tms/tm.sqlite",
    "review --doc bulletin --tm tms/tm.sqlite", "align zh.txt en.txt --tm tms/tm.sqlite"};

TEST_F(TmAccessCliTest, ANewerSchemaIsRefusedByEveryCommandNamingBothVersionsAndLeftUnchanged) {
  const int newer = LatestTmSchemaVersion() + 1;
  {
    std::unique_ptr<SqliteDb> db;
    ASSERT_TRUE(SqliteDb::Open(tm_, SQLITE_OPEN_READWRITE, tm_, &db).ok());
    ASSERT_TRUE(db->Exec("PRAGMA user_version = " + std::to_string(newer)).ok());
  }
  const std::string bytes = ReadFile(tm_);
  const std::set<std::string> files = TmFolder();
  ASSERT_EQ(files, std::set<std::string>{"tm.sqlite"});
  std::ofstream(dir_ + "/zh.txt") << "联盟链很重要。\n";
  std::ofstream(dir_ + "/en.txt") << "The alliance chain matters.\n";
  std::vector<std::string> commands = kReadCommands;
  commands.insert(commands.end(), kWriteCommands.begin(),
                  kWriteCommands.end() - 1);  // align needs the dictionary
  for (const std::string& cmd : commands) {
    SCOPED_TRACE(cmd);
    RunResult r = Run(cmd);
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.err.find("tms/tm.sqlite: schema version " + std::to_string(newer) +
                         " is newer than this tmalign (" + std::to_string(LatestTmSchemaVersion()) +
                         "); upgrade tmalign"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(ReadFile(tm_), bytes);
    EXPECT_EQ(TmFolder(), files);
  }
}

// File 0444 in a folder its owner may write, and file 0644 in a folder 0555: the folder
// case is the harder one (SQLite cannot create the -shm file a WAL database is read through).
TEST_F(TmAccessCliTest, AReadOnlyTmIsReadAndRefusesWritesNamingThePathCreatingNothing) {
  if (!HaveSetpriv()) GTEST_SKIP() << "setpriv (util-linux) is not installed";
  std::ofstream(dir_ + "/zh.txt") << "联盟链很重要。\n";
  std::ofstream(dir_ + "/en.txt") << "The alliance chain matters.\n";
  ASSERT_EQ(chown(tm_dir_.c_str(), kNobody, kNobody), 0);
  ASSERT_EQ(chown(tm_.c_str(), kNobody, kNobody), 0);
  const RunResult writable_match = RunAsNobody("match 联盟链 --tm tms/tm.sqlite");
  ASSERT_EQ(writable_match.exit_code, 0) << writable_match.err;  // nobody can run the binary and read here
  const std::string bytes = ReadFile(tm_);
  for (const auto& [file_mode, folder_mode, why] :
       {std::tuple{0444, 0755, "file is not writable"}, std::tuple{0644, 0555, "folder is not writable"}}) {
    SCOPED_TRACE(why);
    ASSERT_EQ(chmod(tm_.c_str(), file_mode), 0);
    ASSERT_EQ(chmod(tm_dir_.c_str(), folder_mode), 0);
    for (const std::string& cmd : kReadCommands) {
      SCOPED_TRACE(cmd);
      RunResult r = RunAsNobody(cmd);
      EXPECT_EQ(r.exit_code, 0) << r.err;
      EXPECT_EQ(r.err, "");
      EXPECT_EQ(TmFolder(), std::set<std::string>{"tm.sqlite"});
    }
    EXPECT_NE(RunAsNobody("search 联盟链 --tm tms/tm.sqlite").out.find("The alliance chain matters."),
              std::string::npos);
    EXPECT_NE(RunAsNobody("docs --tm tms/tm.sqlite").out.find("bulletin"), std::string::npos);
    for (const std::string& cmd : kWriteCommands) {
      SCOPED_TRACE(cmd);
      RunResult r = RunAsNobody(cmd);
      EXPECT_EQ(r.exit_code, 2) << r.out;
      EXPECT_NE(r.err.find("tms/tm.sqlite: " + std::string(why)), std::string::npos) << r.err;
      EXPECT_EQ(TmFolder(), std::set<std::string>{"tm.sqlite"});
    }
    EXPECT_EQ(ReadFile(tm_), bytes);
  }
}

}  // namespace
}  // namespace tmalign
