// The fuzz targets' entry points (tests/fuzz/targets.def) in the normal suite: every input
// a fuzzer once crashed on (tests/data/fuzz/<target>/) must now give a clean error, and
// every seed (tests/fuzz/corpus/<target>/) must go through. Under the ASan build of CI this
// also replays them under the sanitizers.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/fuzz_target.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;

struct Target {
  const char* name;
  Status (*run)(std::string_view input);
};

const std::vector<Target>& Targets() {
  static const std::vector<Target> targets = {
#define FUZZ_TARGET(name, dictionary) {#name, &fuzz::name::Run},
#include "fuzz/targets.def"
#undef FUZZ_TARGET
  };
  return targets;
}

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The files of `folder`, sorted; none when it does not exist.
std::vector<fs::path> FilesIn(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(FuzzRegressionTest, EveryTargetHasSeeds) {
  for (const Target& target : Targets()) {
    EXPECT_FALSE(FilesIn(fs::path(TMALIGN_SOURCE_DIR) / "tests/fuzz/corpus" / target.name).empty())
        << target.name;
  }
}

TEST(FuzzRegressionTest, SeedsGoThrough) {
  for (const Target& target : Targets()) {
    for (const fs::path& seed : FilesIn(fs::path(TMALIGN_SOURCE_DIR) / "tests/fuzz/corpus" / target.name)) {
      SCOPED_TRACE(seed.string());
      Status s = target.run(ReadBytes(seed));
      if (!s.ok()) {
        EXPECT_FALSE(s.message().empty());
      }
    }
  }
}

// Each input once crashed, hung or leaked in its target; now it is refused with a message
// (or, for a name starting "ok-", read without error).
TEST(FuzzRegressionTest, CrashInputsGiveCleanErrors) {
  int inputs = 0;
  for (const Target& target : Targets()) {
    for (const fs::path& input : FilesIn(fs::path(TMALIGN_TEST_DATA) / "fuzz" / target.name)) {
      SCOPED_TRACE(input.string());
      ++inputs;
      Status s = target.run(ReadBytes(input));
      if (input.filename().string().rfind("ok-", 0) == 0) {
        EXPECT_TRUE(s.ok()) << s.message();
      } else {
        ASSERT_FALSE(s.ok());
        EXPECT_FALSE(s.message().empty());
        EXPECT_NE(s.code(), Status::Code::kInternal) << s.message();
      }
    }
  }
  RecordProperty("inputs", inputs);
}

}  // namespace
}  // namespace tmalign
