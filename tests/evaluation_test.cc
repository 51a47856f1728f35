// Strict / lax precision, recall and F1 as Vecalign and Bertalign compute them.
#include "align/evaluation.h"

#include <gtest/gtest.h>

namespace tmalign {
namespace {

std::vector<Bead> B(std::initializer_list<std::pair<std::vector<int>, std::vector<int>>> list) {
  std::vector<Bead> out;
  for (const auto& [s, t] : list) out.push_back(Bead{s, t, 0});
  return out;
}

TEST(EvaluationTest, IdenticalIsPerfect) {
  auto gold = B({{{0}, {0}}, {{1}, {1, 2}}, {{2}, {}}, {{3, 4}, {3}}});
  AlignmentScores s = ScoreCounts(CountAlignment(gold, gold));
  EXPECT_DOUBLE_EQ(s.strict_precision, 1.0);
  EXPECT_DOUBLE_EQ(s.strict_recall, 1.0);
  EXPECT_DOUBLE_EQ(s.strict_f1, 1.0);
  EXPECT_DOUBLE_EQ(s.lax_precision, 1.0);
  EXPECT_DOUBLE_EQ(s.lax_recall, 1.0);
  EXPECT_DOUBLE_EQ(s.lax_f1, 1.0);
}

// Gold 1-2 predicted as a 1-1 plus a 0-1.
TEST(EvaluationTest, OneTwoSplitIntoOneOneAndInsertion) {
  auto gold = B({{{0}, {0, 1}}});
  auto test = B({{{0}, {0}}, {{}, {1}}});
  AlignmentCounts c = CountAlignment(gold, test);
  // Precision over both test beads; [0]:[0] overlaps the gold bead on both
  // sides (lax hit), []:[1] has no source so cannot overlap.
  EXPECT_EQ(c.strict_tp, 0);
  EXPECT_EQ(c.strict_fp, 2);
  EXPECT_EQ(c.lax_tp, 1);
  EXPECT_EQ(c.lax_fp, 1);
  // Recall over the gold bead, against test beads with both sides.
  EXPECT_EQ(c.rstrict_tp, 0);
  EXPECT_EQ(c.rstrict_fn, 1);
  EXPECT_EQ(c.rlax_tp, 1);
  EXPECT_EQ(c.rlax_fn, 0);
  AlignmentScores s = ScoreCounts(c);
  EXPECT_DOUBLE_EQ(s.strict_precision, 0.0);
  EXPECT_DOUBLE_EQ(s.strict_recall, 0.0);
  EXPECT_DOUBLE_EQ(s.strict_f1, 0.0);
  EXPECT_DOUBLE_EQ(s.lax_precision, 0.5);
  EXPECT_DOUBLE_EQ(s.lax_recall, 1.0);
  EXPECT_NEAR(s.lax_f1, 2.0 / 3.0, 1e-12);
}

// The same mistake among correct beads: every number by hand.
TEST(EvaluationTest, MixedDocument) {
  auto gold = B({{{0}, {0}}, {{1}, {1, 2}}, {{2}, {3}}});
  auto test = B({{{0}, {0}}, {{1}, {1}}, {{}, {2}}, {{2}, {3}}});
  AlignmentScores s = ScoreCounts(CountAlignment(gold, test));
  EXPECT_DOUBLE_EQ(s.strict_precision, 2.0 / 4.0);
  EXPECT_DOUBLE_EQ(s.strict_recall, 2.0 / 3.0);
  EXPECT_NEAR(s.strict_f1, 4.0 / 7.0, 1e-12);  // 2*(1/2)(2/3)/(1/2+2/3)
  EXPECT_DOUBLE_EQ(s.lax_precision, 3.0 / 4.0);
  EXPECT_DOUBLE_EQ(s.lax_recall, 1.0);
  EXPECT_NEAR(s.lax_f1, 6.0 / 7.0, 1e-12);
}

// Gold deletions count in precision (a matched 1-0 is a hit) but not in recall.
TEST(EvaluationTest, DeletionsInPrecisionNotRecall) {
  auto gold = B({{{0}, {0}}, {{1}, {}}, {{2}, {1}}});
  auto test = B({{{0}, {0}}, {{1}, {}}, {{2}, {1}}});
  AlignmentCounts c = CountAlignment(gold, test);
  EXPECT_EQ(c.strict_tp, 3);
  EXPECT_EQ(c.rstrict_tp + c.rstrict_fn, 2);
  // Missing the deletion (merging it into a 2-1) costs precision and recall.
  auto merged = B({{{0}, {0}}, {{1, 2}, {1}}});
  AlignmentCounts m = CountAlignment(gold, merged);
  EXPECT_EQ(m.strict_tp, 1);
  EXPECT_EQ(m.strict_fp, 1);
  EXPECT_EQ(m.lax_tp, 2);
  EXPECT_EQ(m.rstrict_tp, 1);
  EXPECT_EQ(m.rstrict_fn, 1);
  EXPECT_EQ(m.rlax_tp, 2);
}

TEST(EvaluationTest, DisjointBeadsAreLaxMisses) {
  auto gold = B({{{0}, {0}}, {{1}, {1}}});
  auto test = B({{{0}, {1}}, {{1}, {0}}});
  AlignmentScores s = ScoreCounts(CountAlignment(gold, test));
  EXPECT_DOUBLE_EQ(s.strict_f1, 0.0);
  EXPECT_DOUBLE_EQ(s.lax_f1, 0.0);
}

TEST(EvaluationTest, EmptyTestScoresZeroNotNan) {
  auto gold = B({{{0}, {0}}});
  AlignmentScores s = ScoreCounts(CountAlignment(gold, {}));
  EXPECT_DOUBLE_EQ(s.strict_precision, 0.0);
  EXPECT_DOUBLE_EQ(s.strict_recall, 0.0);
  EXPECT_DOUBLE_EQ(s.strict_f1, 0.0);
}

// Two documents: counts are summed, then scored (micro), which differs from
// averaging the per-document scores (macro).
TEST(EvaluationTest, MicroAverageOverDocuments) {
  // Doc 1: 1 of 1 right.  Doc 2: 1 of 3 test beads right, 1 of 2 gold found.
  auto gold1 = B({{{0}, {0}}});
  auto test1 = B({{{0}, {0}}});
  auto gold2 = B({{{0}, {0}}, {{1}, {1, 2}}});
  auto test2 = B({{{0}, {0}}, {{1}, {1}}, {{}, {2}}});
  AlignmentCounts total;
  total.Add(CountAlignment(gold1, test1));
  total.Add(CountAlignment(gold2, test2));
  EXPECT_EQ(total.strict_tp, 2);
  EXPECT_EQ(total.strict_fp, 2);
  EXPECT_EQ(total.rstrict_tp, 2);
  EXPECT_EQ(total.rstrict_fn, 1);
  AlignmentScores s = ScoreCounts(total);
  EXPECT_DOUBLE_EQ(s.strict_precision, 2.0 / 4.0);
  EXPECT_DOUBLE_EQ(s.strict_recall, 2.0 / 3.0);
  EXPECT_NEAR(s.strict_f1, 4.0 / 7.0, 1e-12);
  // Macro precision would be (1 + 1/3) / 2 = 2/3, not 1/2.
  AlignmentScores s2 = ScoreCounts(CountAlignment(gold2, test2));
  EXPECT_NEAR(s2.strict_precision, 1.0 / 3.0, 1e-12);
  EXPECT_NE(s.strict_precision, (1.0 + s2.strict_precision) / 2);
}

}  // namespace
}  // namespace tmalign
