// Starts the built tmalign (TMALIGN_BINARY) as a child process the test can signal: its
// standard error comes through a pipe, so the test can wait for a line (e.g. the
// "tmalign: paused at ..." of $TMALIGN_TEST_PAUSE) before sending the signal.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include "run_binary.h"

namespace tmalign::testing {

class SpawnedTmalign {
 public:
  SpawnedTmalign() = default;
  ~SpawnedTmalign() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (err_fd_ >= 0) close(err_fd_);
  }
  SpawnedTmalign(const SpawnedTmalign&) = delete;
  SpawnedTmalign& operator=(const SpawnedTmalign&) = delete;

  // Runs `tmalign ARGS` in folder `cwd` with the extra environment `env` ("NAME=VALUE");
  // standard output goes to a file, read by Wait(). False if it could not be started.
  bool Start(const std::vector<std::string>& args, const std::string& cwd,
             const std::vector<std::string>& env) {
    int fds[2];
    if (pipe(fds) != 0) return false;
    out_path_ = ::testing::TempDir() + "tmalign_spawn_" + std::to_string(getpid()) + "_" +
                std::to_string(reinterpret_cast<uintptr_t>(this)) + ".out";
    std::vector<std::string> argv_s = {TMALIGN_BINARY};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_copy = env;
    pid_ = fork();
    if (pid_ < 0) return false;
    if (pid_ == 0) {
      // Only async-signal-safe calls from here on but putenv/chdir/open, which are fine
      // before exec in practice.
      close(fds[0]);
      dup2(fds[1], 2);
      int out = open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (out >= 0) dup2(out, 1);
      if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(126);
      for (std::string& e : env_copy) putenv(e.data());
      execv(TMALIGN_BINARY, argv.data());
      _exit(127);
    }
    close(fds[1]);
    err_fd_ = fds[0];
    return true;
  }

  // Reads standard error until it holds `text`; false at its end or after `seconds`.
  bool WaitForStderr(const std::string& text, int seconds = 300) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (err_.find(text) == std::string::npos) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      pollfd p{err_fd_, POLLIN, 0};
      if (poll(&p, 1, 100) <= 0) continue;
      char buf[4096];
      ssize_t n = read(err_fd_, buf, sizeof(buf));
      if (n <= 0) return false;
      err_.append(buf, static_cast<size_t>(n));
    }
    return true;
  }

  void Signal(int sig) { kill(pid_, sig); }

  // Waits for the end; returns the exit code, or -1 if a signal ended it.
  int Wait() {
    char buf[4096];
    ssize_t n;
    while ((n = read(err_fd_, buf, sizeof(buf))) > 0) err_.append(buf, static_cast<size_t>(n));
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    out_ = ReadFile(out_path_);
    std::remove(out_path_.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  const std::string& err() const { return err_; }
  const std::string& out() const { return out_; }

 private:
  pid_t pid_ = -1;
  int err_fd_ = -1;
  std::string out_path_, err_, out_;
};

}  // namespace tmalign::testing
