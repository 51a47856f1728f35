// The position penalty (align/position_agreement.h): nothing for a bead whose words meet where
// they stand or that shares nothing, more when a sentence's words are matched only far from its
// place, and an English sentence at the boundary of two beads placed with the Chinese sentence
// whose start it translates.
#include "align/position_agreement.h"

#include <gtest/gtest.h>

#include "made_sentence.h"

namespace tmalign {
namespace {

using ::tmalign::testing::MadeSentence;

// The per-thread key tables the constructor takes, as the re-decoding makes them.
BeadScorer::Scratch ScratchFor(const DocumentPairFeatures& f) { return BeadScorer(f).NewScratch(); }

// One Chinese sentence of four words (keys 1-4) and two English sentences of two words each,
// translating the Chinese first half then its second half, or the other way round.
DocumentPairFeatures OneToTwo(bool in_order) {
  DocumentPairFeatures f;
  f.zh.push_back(MadeSentence({1, 2, 3, 4}, {{1}, {2}, {3}, {4}}));
  SentenceFeatures first = MadeSentence({11, 12}, {{1}, {2}});
  SentenceFeatures second = MadeSentence({13, 14}, {{3}, {4}});
  f.en.push_back(in_order ? first : second);
  f.en.push_back(in_order ? second : first);
  f.key_count = 10;
  return f;
}

TEST(PositionAgreementTest, CrossedSentencesCostMoreThanSentencesInOrder) {
  const DocumentPairFeatures in_order = OneToTwo(true), crossed = OneToTwo(false);
  BeadScorer::Scratch scratch = ScratchFor(in_order);
  const double kept = PositionAgreement(in_order, 0, 1, 0, 2, &scratch).Penalty(0, 1, 0, 2);
  const double swapped = PositionAgreement(crossed, 0, 1, 0, 2, &scratch).Penalty(0, 1, 0, 2);
  // In order, each English word sits where its Chinese word does: no distance at all.
  EXPECT_NEAR(kept, 0.0, 1e-6);
  // Crossed, every matched word is half the span away: each of the three sentences pays its
  // coverage (1) times 0.5.
  EXPECT_NEAR(swapped, 1.5, 1e-6);
}

TEST(PositionAgreementTest, NothingSharedOrAnEmptySideCostsNothing) {
  DocumentPairFeatures f;
  f.zh.push_back(MadeSentence({1, 2}, {{1}, {2}}));
  f.en.push_back(MadeSentence({11, 12}, {{5}, {6}}));
  f.key_count = 10;
  BeadScorer::Scratch scratch = ScratchFor(f);
  const PositionAgreement positions(f, 0, 1, 0, 1, &scratch);
  EXPECT_EQ(positions.Penalty(0, 1, 0, 1), 0.0);
  EXPECT_EQ(positions.Penalty(0, 1, 0, 0), 0.0);
  EXPECT_EQ(positions.Penalty(0, 0, 0, 1), 0.0);
}

TEST(PositionAgreementTest, UnmatchedWordsDiluteASentencesPenalty) {
  // The crossed bead again, with four more Chinese words nothing translates: the Chinese
  // sentence pays its matched half's distances over all eight words' weight.
  DocumentPairFeatures f = OneToTwo(false);
  f.zh[0] = MadeSentence({1, 2, 3, 4, 5, 6, 7, 8}, {{1}, {2}, {3}, {4}, {50}, {60}, {70}, {80}});
  f.key_count = 100;
  BeadScorer::Scratch scratch = ScratchFor(f);
  const double penalty = PositionAgreement(f, 0, 1, 0, 2, &scratch).Penalty(0, 1, 0, 2);
  // English word k (0-3) stands at (k + 0.5) / 4 of its span; Chinese word k at (k + 0.5) / 8.
  // Crossed: English "3 4" first (places 0.125, 0.375), then "1 2" (0.625, 0.875).
  const double zh_places[4] = {0.0625, 0.1875, 0.3125, 0.4375};
  const double en_places[4] = {0.625, 0.875, 0.125, 0.375};  // of the words for keys 1-4
  double zh_sum = 0, en_first = 0, en_second = 0;
  for (int k = 0; k < 4; ++k) {
    const double d = std::abs(zh_places[k] - en_places[k]);
    zh_sum += d;
    (k < 2 ? en_second : en_first) += d;
  }
  EXPECT_NEAR(penalty, zh_sum / 8 + en_first / 2 + en_second / 2, 1e-6);
}

TEST(PositionAgreementTest, ABoundarySentenceGoesWithTheSentenceWhoseStartItTranslates) {
  // Chinese A: a name (key 1) then three words (2-4); Chinese B: the name first, then 5-6.
  // English X translates A's words 2-4; English Y holds only the name; English Z B's 5-6.
  // Y matches the name in both beads' Chinese, so coverage cannot place it; where it stands can:
  // at the end of A + [X, Y] the name it matches is at A's start, at the start of B + [Y, Z] it
  // is at B's start too.
  DocumentPairFeatures f;
  f.zh.push_back(MadeSentence({1, 2, 3, 4}, {{1}, {2}, {3}, {4}}));
  f.zh.push_back(MadeSentence({1, 5, 6}, {{1}, {5}, {6}}));
  f.en.push_back(MadeSentence({12, 13, 14}, {{2}, {3}, {4}}));
  f.en.push_back(MadeSentence({11}, {{1}}));
  f.en.push_back(MadeSentence({15, 16}, {{5}, {6}}));
  f.key_count = 10;
  BeadScorer::Scratch scratch = ScratchFor(f);
  const PositionAgreement positions(f, 0, 2, 0, 3, &scratch);
  const double y_with_a = positions.Penalty(0, 1, 0, 2) + positions.Penalty(1, 2, 2, 3);
  const double y_with_b = positions.Penalty(0, 1, 0, 1) + positions.Penalty(1, 2, 1, 3);
  EXPECT_LT(y_with_b, y_with_a);
}

TEST(PositionAgreementTest, TheSameWhateverTheStretchAroundTheBead) {
  // A bead's penalty depends on the bead alone, not on the stretch its links were found for,
  // and a scratch serves stretch after stretch.
  const DocumentPairFeatures f = OneToTwo(false);
  DocumentPairFeatures wider = f;
  wider.zh.insert(wider.zh.begin(), MadeSentence({7}, {{7}}));
  wider.en.insert(wider.en.begin(), MadeSentence({17}, {{7}}));
  BeadScorer::Scratch scratch = ScratchFor(wider);
  const double alone = PositionAgreement(f, 0, 1, 0, 2, &scratch).Penalty(0, 1, 0, 2);
  const double inside = PositionAgreement(wider, 0, 2, 0, 3, &scratch).Penalty(1, 2, 1, 3);
  EXPECT_DOUBLE_EQ(alone, inside);
  EXPECT_GT(alone, 0.0);
}

}  // namespace
}  // namespace tmalign
