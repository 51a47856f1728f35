// The realign pass's translation model (align/translation_model.h): which word pairs IBM
// Model 1, learned from the beads, chooses.
#include "align/translation_model.h"

#include <gtest/gtest.h>

#include "made_sentence.h"

namespace tmalign {
namespace {

using ::tmalign::testing::DiagonalBeads;
using ::tmalign::testing::MadePairs;
using ::tmalign::testing::MadeSentence;
using ::tmalign::testing::MadeSide;
using Pairs = std::vector<std::pair<int, int>>;

// Nine 1-1 pairs whose words k and 1000 + k share key k. Chinese word 100 and English word
// 200 (keys 500 and 600, shared by nothing) meet in pairs 0-2; Chinese word 102 and English
// word 202 (keys 502, 602) only in pair 5; Chinese word 103 and English word 203 in pairs 6-8,
// linked there by their shared key 503.
DocumentPairFeatures NinePairs() {
  return MadePairs(9, [](int k, MadeSide* zh, MadeSide* en) {
    if (k <= 2) zh->Add(100, {500}), en->Add(200, {600});
    if (k == 5) zh->Add(102, {502}), en->Add(202, {602});
    if (k >= 6) zh->Add(103, {503}), en->Add(203, {503});
  });
}

TEST(TranslationModelTest, ChoosesUnlinkedPairsThatKeepMeetingAndNoOthers) {
  // Not 102-202 (one bead), not 103-203 (a shared key links them), not k-1000k (linked).
  EXPECT_EQ(LearnTranslationPairs(DiagonalBeads(9, 0.9), NinePairs(), TranslationModelOptions{}),
            (Pairs{{100, 200}}));
  // Met in one bead is enough when asked; one bead cannot tell 102-202 from the pairs of
  // either with the other side's linked word (5-202, 102-1005), so all three are taken.
  TranslationModelOptions once;
  once.min_beads = 1;
  EXPECT_EQ(LearnTranslationPairs(DiagonalBeads(9, 0.9), NinePairs(), once),
            (Pairs{{5, 202}, {100, 200}, {102, 202}, {102, 1005}}));
}

TEST(TranslationModelTest, PairsThatShareTheirBeadsWithAnEqualRivalAreNotChosen) {
  // Chinese word 100 now meets English 200 and 201 in the same three beads: the model cannot
  // tell which of the two it generates, and a credit threshold over 0.5 keeps neither.
  DocumentPairFeatures f = NinePairs();
  for (int k = 0; k <= 2; ++k) {
    SentenceFeatures& s = f.en[static_cast<size_t>(k)];
    s = MadeSentence({1000 + k, 200, 201}, {{k}, {600}, {601}});
  }
  TranslationModelOptions options;
  options.min_credit = 0.6;
  EXPECT_TRUE(LearnTranslationPairs(DiagonalBeads(9, 0.9), f, options).empty());
  options.min_credit = 0.3;
  EXPECT_EQ(LearnTranslationPairs(DiagonalBeads(9, 0.9), f, options), (Pairs{{100, 200}, {100, 201}}));
}

TEST(TranslationModelTest, SkipsEmptySidesAndZeroConfidenceAndCapsTheBeads) {
  const DocumentPairFeatures f = NinePairs();
  EXPECT_TRUE(LearnTranslationPairs(DiagonalBeads(9, 0.0), f, TranslationModelOptions{}).empty());
  std::vector<Bead> split;  // each sentence in a bead of its own side
  for (int k = 0; k < 9; ++k) split.push_back(Bead{{k}, {}, 0.9}), split.push_back(Bead{{}, {k}, 0.9});
  EXPECT_TRUE(LearnTranslationPairs(split, f, TranslationModelOptions{}).empty());
  // Every third bead (0, 3, 6): 100 and 200 meet once only.
  TranslationModelOptions capped;
  capped.max_beads = 3;
  EXPECT_TRUE(LearnTranslationPairs(DiagonalBeads(9, 0.9), f, capped).empty());
  capped.max_beads = 9;
  EXPECT_EQ(LearnTranslationPairs(DiagonalBeads(9, 0.9), f, capped), (Pairs{{100, 200}}));
}

TEST(TranslationModelTest, ThreadsDoNotChangeTheResult) {
  const DocumentPairFeatures f = NinePairs();
  TranslationModelOptions one, two;
  two.threads = 2;
  one.min_beads = two.min_beads = 1;
  EXPECT_EQ(LearnTranslationPairs(DiagonalBeads(9, 0.9), f, one),
            LearnTranslationPairs(DiagonalBeads(9, 0.9), f, two));
}

}  // namespace
}  // namespace tmalign
