// The realign pass's translation model (align/translation_model.h): which word pairs IBM
// Model 1, learned from the beads, chooses.
#include "align/translation_model.h"

#include <gtest/gtest.h>

#include "made_sentence.h"

namespace tmalign {
namespace {

using ::tmalign::testing::MadeSentence;
using Pairs = std::vector<std::pair<int, int>>;

// Nine 1-1 pairs whose words k and 1000 + k share key k. Chinese word 100 and English word
// 200 (keys 500 and 600, shared by nothing) meet in pairs 0-2; Chinese word 102 and English
// word 202 (keys 502, 602) only in pair 5; Chinese word 103 and English word 203 in pairs 6-8,
// linked there by their shared key 503.
DocumentPairFeatures NinePairs() {
  DocumentPairFeatures f;
  for (int k = 0; k < 9; ++k) {
    std::vector<int> zw = {k}, ew = {1000 + k};
    std::vector<std::vector<int>> zk = {{k}}, ek = {{k}};
    if (k <= 2) zw.push_back(100), zk.push_back({500}), ew.push_back(200), ek.push_back({600});
    if (k == 5) zw.push_back(102), zk.push_back({502}), ew.push_back(202), ek.push_back({602});
    if (k >= 6) zw.push_back(103), zk.push_back({503}), ew.push_back(203), ek.push_back({503});
    f.zh.push_back(MadeSentence(zw, zk));
    f.en.push_back(MadeSentence(ew, ek));
  }
  f.key_count = 700;
  f.en_per_zh_chars = 1.0;
  return f;
}

std::vector<Bead> Diagonal(int n, double confidence) {
  std::vector<Bead> beads;
  for (int k = 0; k < n; ++k) beads.push_back(Bead{{k}, {k}, confidence});
  return beads;
}

TEST(TranslationModelTest, ChoosesUnlinkedPairsThatKeepMeetingAndNoOthers) {
  // Not 102-202 (one bead), not 103-203 (a shared key links them), not k-1000k (linked).
  EXPECT_EQ(LearnTranslationPairs(Diagonal(9, 0.9), NinePairs(), TranslationModelOptions{}),
            (Pairs{{100, 200}}));
  // Met in one bead is enough when asked; one bead cannot tell 102-202 from the pairs of
  // either with the other side's linked word (5-202, 102-1005), so all three are taken.
  TranslationModelOptions once;
  once.min_beads = 1;
  EXPECT_EQ(LearnTranslationPairs(Diagonal(9, 0.9), NinePairs(), once),
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
  EXPECT_TRUE(LearnTranslationPairs(Diagonal(9, 0.9), f, options).empty());
  options.min_credit = 0.3;
  EXPECT_EQ(LearnTranslationPairs(Diagonal(9, 0.9), f, options), (Pairs{{100, 200}, {100, 201}}));
}

TEST(TranslationModelTest, SkipsEmptySidesAndZeroConfidenceAndCapsTheBeads) {
  const DocumentPairFeatures f = NinePairs();
  EXPECT_TRUE(LearnTranslationPairs(Diagonal(9, 0.0), f, TranslationModelOptions{}).empty());
  std::vector<Bead> split;  // each sentence in a bead of its own side
  for (int k = 0; k < 9; ++k) split.push_back(Bead{{k}, {}, 0.9}), split.push_back(Bead{{}, {k}, 0.9});
  EXPECT_TRUE(LearnTranslationPairs(split, f, TranslationModelOptions{}).empty());
  // Every third bead (0, 3, 6): 100 and 200 meet once only.
  TranslationModelOptions capped;
  capped.max_beads = 3;
  EXPECT_TRUE(LearnTranslationPairs(Diagonal(9, 0.9), f, capped).empty());
  capped.max_beads = 9;
  EXPECT_EQ(LearnTranslationPairs(Diagonal(9, 0.9), f, capped), (Pairs{{100, 200}}));
}

TEST(TranslationModelTest, ThreadsDoNotChangeTheResult) {
  const DocumentPairFeatures f = NinePairs();
  TranslationModelOptions one, two;
  two.threads = 2;
  one.min_beads = two.min_beads = 1;
  EXPECT_EQ(LearnTranslationPairs(Diagonal(9, 0.9), f, one), LearnTranslationPairs(Diagonal(9, 0.9), f, two));
}

}  // namespace
}  // namespace tmalign
