// Which runs of tmalign start again with glibc's allocator tuned (cli/allocator_tuning.h); that
// a run does is checked through the binary in cli_align_test.cc.
#include "cli/allocator_tuning.h"

#include <gtest/gtest.h>

namespace tmalign::cli {
namespace {

TEST(AllocatorTuningTest, CommandsThatAlignOrReadATmAreTunedWhenTheUserSetNothing) {
  for (const char* command : {"align", "import", "export", "match", "search", "analyze", "pretranslate",
                              "stats", "docs", "delete", "terms", "review", "report"})
    EXPECT_TRUE(ShouldTuneAllocator(command, nullptr)) << command;
}

TEST(AllocatorTuningTest, QuickCommandsAreNotStartedTwice) {
  for (const char* command : {"split", "eval", "check"})
    EXPECT_FALSE(ShouldTuneAllocator(command, nullptr)) << command;
}

TEST(AllocatorTuningTest, TheUsersTunablesEvenEmptyAreLeftAlone) {
  EXPECT_FALSE(ShouldTuneAllocator("align", ""));
  EXPECT_FALSE(ShouldTuneAllocator("align", "glibc.malloc.top_pad=0"));
  EXPECT_FALSE(ShouldTuneAllocator("import", kAllocatorTunables));
}

}  // namespace
}  // namespace tmalign::cli
