// A test of tmalign commands against one TM: a fresh temporary folder with `tm` in it,
// files written there, and commands run with `--tm` that TM.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "run_binary.h"
#include "temp_dir.h"

namespace tmalign::testing {

class TmCliFixture : public ::testing::Test {
 protected:
  explicit TmCliFixture(std::string prefix) : prefix_(std::move(prefix)) {}
  void SetUp() override {
    dir_ = MakeTempDir(prefix_);
    ASSERT_FALSE(dir_.empty());
    tm_ = dir_ + "/tm.sqlite";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  // Writes `content` to dir/NAME as bytes; returns the path.
  std::string Write(const std::string& name, const std::string& content) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  RunResult Tm(const std::string& args) { return RunTmalign(args + " --tm " + tm_); }

  std::string prefix_, dir_, tm_;
};

}  // namespace tmalign::testing
