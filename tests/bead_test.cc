// Bead text form "[3]:[4,5]": formatting, parsing, and .align files.
#include "align/bead.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "temp_dir.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;

TEST(BeadTest, FormatAndParseRoundTrip) {
  const std::vector<Bead> beads = {{{0}, {0}}, {{3}, {4, 5}}, {{7, 8, 9}, {10}}, {{7}, {}}, {{}, {12}}};
  for (const Bead& b : beads) {
    const std::string text = FormatBead(b);
    Bead parsed;
    ASSERT_TRUE(ParseBead(text, "t:1", &parsed).ok()) << text;
    EXPECT_EQ(parsed.src, b.src) << text;
    EXPECT_EQ(parsed.tgt, b.tgt) << text;
  }
  EXPECT_EQ(FormatBead({{3}, {4, 5}}), "[3]:[4,5]");
  EXPECT_EQ(FormatBead({{7}, {}}), "[7]:[]");
  EXPECT_EQ(FormatBead({{}, {2}}), "[]:[2]");
}

TEST(BeadTest, DeletionBead) {
  Bead b;
  ASSERT_TRUE(ParseBead("[7]:[]", "t:1", &b).ok());
  EXPECT_EQ(b.src, std::vector<int>{7});
  EXPECT_TRUE(b.tgt.empty());
  EXPECT_EQ(BeadType(b), "1-0");
}

TEST(BeadTest, SpacesTolerated) {
  Bead b;
  ASSERT_TRUE(ParseBead("  [ 1 , 2 ] : [3,  4,5 ]  ", "t:1", &b).ok());
  EXPECT_EQ(b.src, (std::vector<int>{1, 2}));
  EXPECT_EQ(b.tgt, (std::vector<int>{3, 4, 5}));
  EXPECT_EQ(BeadType(b), "2-3");
}

TEST(BeadTest, MalformedRejectedWithWhere) {
  for (const char* bad : {"", "[1]", "[1]:", "1:2", "[1]:[2", "[1]:[2]x", "[a]:[2]", "[1,]:[2]", "[1]:[-2]",
                          "[]:[]", "[1];[2]", "[1]:[2]:[3]"}) {
    Bead b;
    Status s = ParseBead(bad, "gold.align:12", &b);
    EXPECT_FALSE(s.ok()) << "accepted: '" << bad << "'";
    EXPECT_NE(s.message().find("gold.align:12"), std::string::npos) << s.message();
    EXPECT_EQ(s.message().find('\n'), std::string::npos) << s.message();
  }
}

class BeadFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::tmalign::testing::MakeTempDir("tmalign_bead");
    ASSERT_FALSE(std::string(dir_).empty());
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  fs::path dir_;
};

TEST_F(BeadFileTest, ReadsFileSkippingBlankLinesAndCr) {
  const std::string path = Write("a.align", "[0]:[0]\r\n\n[1,2]:[1]\n   \n[3]:[]\n[]:[2]");
  std::vector<Bead> beads;
  ASSERT_TRUE(ReadBeadFile(path, &beads).ok());
  ASSERT_EQ(beads.size(), 4u);
  EXPECT_EQ(FormatBead(beads[0]), "[0]:[0]");
  EXPECT_EQ(FormatBead(beads[1]), "[1,2]:[1]");
  EXPECT_EQ(FormatBead(beads[2]), "[3]:[]");
  EXPECT_EQ(FormatBead(beads[3]), "[]:[2]");
}

TEST_F(BeadFileTest, ErrorNamesFileAndLine) {
  const std::string path = Write("b.align", "[0]:[0]\n\n[1]-[1]\n");
  std::vector<Bead> beads;
  Status s = ReadBeadFile(path, &beads);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(path + ":3"), std::string::npos) << s.message();
}

TEST_F(BeadFileTest, MissingFile) {
  std::vector<Bead> beads;
  Status s = ReadBeadFile((dir_ / "nope.align").string(), &beads);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("nope.align"), std::string::npos) << s.message();
}

TEST(BeadTest, ReadsBundledGold) {
  std::vector<Bead> beads;
  ASSERT_TRUE(
      ReadBeadFile(std::string(TMALIGN_SOURCE_DIR) + "/corpora/pujiang-2021-bulletin-07/gold.align", &beads)
          .ok());
  EXPECT_GT(beads.size(), 50u);
}

}  // namespace
}  // namespace tmalign
