#include "align/anchor_search.h"

#include <gtest/gtest.h>

namespace tmalign {
namespace {

// The properties the bead search relies on: the band starts at (0,0), ends at
// (N,M), never narrows backwards, and every row can be entered from the one before.
void ExpectUsableBand(const std::vector<int>& lo, const std::vector<int>& hi, int n_zh, int n_en) {
  ASSERT_EQ(lo.size(), static_cast<size_t>(n_zh) + 1);
  ASSERT_EQ(hi.size(), static_cast<size_t>(n_zh) + 1);
  EXPECT_EQ(lo[0], 0);
  EXPECT_EQ(hi[static_cast<size_t>(n_zh)], n_en);
  for (int i = 0; i <= n_zh; ++i) {
    const size_t k = static_cast<size_t>(i);
    EXPECT_LE(lo[k], hi[k]) << "row " << i;
    EXPECT_GE(lo[k], 0);
    EXPECT_LE(hi[k], n_en);
    if (i > 0) {
      EXPECT_GE(lo[k], lo[k - 1]) << "row " << i;
      EXPECT_GE(hi[k], hi[k - 1]) << "row " << i;
      EXPECT_LE(lo[k], hi[k - 1]) << "row " << i << " cannot be entered from row " << i - 1;
    }
  }
}

TEST(AnchorSearchTest, BandWithoutAnchorsFollowsTheDiagonal) {
  std::vector<int> lo, hi;
  BandFromAnchors({}, 100, 130, 5, &lo, &hi);
  ExpectUsableBand(lo, hi, 100, 130);
  EXPECT_LE(lo[50], 65);
  EXPECT_GE(hi[50], 65);
}

TEST(AnchorSearchTest, BandStaysConnectedAcrossAJumpBetweenAnchors) {
  // Anchors that jump 5,000 sentences in one row (a wrong chain, or a huge insertion).
  std::vector<Anchor> anchors = {{10, 10, 1.0}, {11, 5000, 1.0}, {5000, 9000, 1.0}};
  std::vector<int> lo, hi;
  BandFromAnchors(anchors, 6000, 10000, 12, &lo, &hi);
  ExpectUsableBand(lo, hi, 6000, 10000);
}

TEST(AnchorSearchTest, BandPassesThroughItsAnchors) {
  std::vector<Anchor> anchors = {{100, 140, 1.0}, {200, 260, 1.0}};
  std::vector<int> lo, hi;
  BandFromAnchors(anchors, 300, 400, 4, &lo, &hi);
  ExpectUsableBand(lo, hi, 300, 400);
  EXPECT_LE(lo[100], 140);
  EXPECT_GE(hi[101], 141);
  EXPECT_LE(lo[200], 260);
  EXPECT_GE(hi[201], 261);
}

}  // namespace
}  // namespace tmalign
