// Runs the built tmalign (TMALIGN_BINARY) for the CLI tests and captures what it prints.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

namespace tmalign::testing {

struct RunResult {
  int exit_code = -1;  // -1: did not exit normally (killed by a signal) or could not be run
  std::string out;     // standard output
  std::string err;     // standard error
};

// The whole content of a file; empty if it cannot be read.
inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs `tmalign ARGS` through the shell: `args` are shell words, quoted by the caller where
// needed. Runs in folder `cwd` when given (relative paths in `args` are then relative to it),
// else in the test's own. `prefix` (shell words) goes before the binary, e.g. a command that
// runs it as another user. Standard input is the test's; both outputs are captured through
// files under ::testing::TempDir(), which are removed. Safe to call from several threads.
inline RunResult RunTmalign(const std::string& args, const std::string& cwd = std::string(),
                            const std::string& prefix = std::string()) {
  static std::atomic<int> counter{0};
  const std::string stem =
      ::testing::TempDir() + "tmalign_run_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
  const std::string out_path = stem + ".out", err_path = stem + ".err";
  // Appended piece by piece: GCC 12 warns wrongly (-Wrestrict) on "literal" + std::string temporaries.
  std::string cmd;
  if (!cwd.empty()) cmd.append("cd '").append(cwd).append("' && ");
  if (!prefix.empty()) cmd.append(prefix).append(" ");
  cmd.append("'").append(TMALIGN_BINARY).append("' ").append(args);
  cmd.append(" >'").append(out_path).append("' 2>'").append(err_path).append("'");
  const int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(out_path);
  r.err = ReadFile(err_path);
  std::remove(out_path.c_str());
  std::remove(err_path.c_str());
  return r;
}

}  // namespace tmalign::testing
