// `tmalign --help` lists every command, and every command (and terms subcommand) answers
// --help with exit code 0 and its usage on standard output.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "run_binary.h"

namespace tmalign {

using testing::RunResult;
using testing::RunTmalign;
namespace {

const std::vector<std::string> kCommands = {"align",  "check",  "delete", "docs",   "eval",
                                            "export", "import", "match",  "report", "review",
                                            "search", "split",  "stats",  "terms"};

TEST(CliHelpTest, TopLevelHelpListsEveryCommand) {
  RunResult r = RunTmalign("--help");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const std::string& name : kCommands) {
    EXPECT_NE(r.out.find("\n  " + name + " "), std::string::npos) << name << " missing from\n" << r.out;
  }
}

TEST(CliHelpTest, EveryCommandAnswersHelp) {
  std::vector<std::string> commands = kCommands;
  for (const char* sub : {"terms import", "terms export", "terms lookup"}) commands.push_back(sub);
  for (const std::string& name : commands) {
    for (const char* flag : {"--help", "-h"}) {
      RunResult r = RunTmalign(name + " " + flag);
      EXPECT_EQ(r.exit_code, 0) << name << " " << flag << "\n" << r.err;
      EXPECT_TRUE(r.err.empty()) << name << " " << flag << "\n" << r.err;
      EXPECT_EQ(r.out.rfind("usage: tmalign " + name + " ", 0), 0u) << name << " " << flag << "\n" << r.out;
      if (name != "terms") {  // `terms --help` lists the subcommands
        EXPECT_NE(r.out.find("\noptions:\n"), std::string::npos) << name << "\n" << r.out;
        EXPECT_NE(r.out.find("--help"), std::string::npos) << name << "\n" << r.out;
      }
    }
  }
}

TEST(CliHelpTest, UnknownOptionIsOneErrorLine) {
  for (const std::string& name : kCommands) {
    if (name == "terms") continue;
    RunResult r = RunTmalign(name + " --no-such-option");
    EXPECT_EQ(r.exit_code, 2) << name;
    EXPECT_EQ(r.err.rfind("tmalign " + name + ": ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("(see tmalign " + name + " --help)"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
  }
}

}  // namespace
}  // namespace tmalign
