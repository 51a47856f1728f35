// Helpers shared by the terminology CLI tests: run the built tmalign and capture its output.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

namespace tmalign {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline RunResult RunTmalign(const std::string& args) {
  static int counter = 0;
  const std::string err_path =
      ::testing::TempDir() + "tmalign_stderr_" + std::to_string(getpid()) + "_" + std::to_string(++counter) + ".txt";
  const std::string cmd = std::string(TMALIGN_BINARY) + " " + args + " 2>" + err_path;
  RunResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_path);
  r.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
  std::remove(err_path.c_str());
  return r;
}

inline std::string Data(const std::string& name) { return std::string(TMALIGN_TEST_DATA) + "/terms/" + name; }

inline std::string WriteTemp(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

}  // namespace tmalign
