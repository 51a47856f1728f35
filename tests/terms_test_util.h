// Helpers shared by the terminology CLI tests: their data files and scratch inputs.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <string>

namespace tmalign {

inline std::string Data(const std::string& name) { return std::string(TMALIGN_TEST_DATA) + "/terms/" + name; }

inline std::string WriteTemp(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

}  // namespace tmalign
