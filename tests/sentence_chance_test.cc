// SentenceChance (align/sentence_chance.h): each sentence's expected coverage by spans of
// unrelated sentences, from how many sentences of the other side carry its units' keys.
#include "align/sentence_chance.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "made_sentence.h"

namespace tmalign {
namespace {

// A sentence whose unit u is word u, with keys unit_keys[u] and weight weights[u].
SentenceFeatures Sentence(const std::vector<std::vector<int>>& unit_keys, const std::vector<float>& weights) {
  std::vector<int> words(unit_keys.size());
  std::iota(words.begin(), words.end(), 0);
  return ::tmalign::testing::MadeSentence(words, unit_keys, weights);
}

TEST(SentenceChanceTest, ExpectedCoverageFromTheOtherSidesSentenceShares) {
  DocumentPairFeatures f;
  f.key_count = 10;
  // English: key 1 in two sentences of four, key 2 in one, key 3 in none.
  f.en = {Sentence({{1}}, {1}), Sentence({{1}, {2}}, {1, 1}), Sentence({{4}}, {1}), Sentence({{5}}, {1})};
  // Chinese 0: a unit with key 1 (weight 3) and one with key 3 (weight 1): 3/4 of the
  // sentence is covered by one unrelated English sentence half the time.
  // Chinese 1: a unit whose keys 1 and 2 are in 3 of 4 sentences (counted apart).
  // Chinese 2: nothing the English has: never covered by chance.
  f.zh = {Sentence({{1}, {3}}, {3, 1}), Sentence({{1, 2}}, {1}), Sentence({{3}, {6}}, {1, 2})};
  const SentenceChance chance(f);
  EXPECT_DOUBLE_EQ(chance.Zh(0, 1, 1), 0.75 * 0.5);
  EXPECT_DOUBLE_EQ(chance.Zh(0, 1, 2), 0.75 * (1 - 0.25));
  EXPECT_DOUBLE_EQ(chance.Zh(1, 2, 1), 0.75);
  EXPECT_DOUBLE_EQ(chance.Zh(1, 2, 3), 1 - std::pow(0.25, 3));
  EXPECT_DOUBLE_EQ(chance.Zh(2, 3, 5), 0.0);
  EXPECT_DOUBLE_EQ(chance.Zh(0, 3, 1), 0.375 + 0.75 + 0.0);  // sums over sentences
  EXPECT_DOUBLE_EQ(chance.Zh(0, 3, 100), chance.Zh(0, 3, SentenceChance::kMaxSpan));
  // English 2 (key 4) and 3 (key 5): no Chinese sentence has them; English 0 (key 1): two
  // of three Chinese sentences.
  EXPECT_DOUBLE_EQ(chance.En(2, 4, 6), 0.0);
  EXPECT_DOUBLE_EQ(chance.En(0, 1, 1), 2.0 / 3.0);
}

TEST(SentenceChanceTest, AppliesOnlyPastSmallDocuments) {
  DocumentPairFeatures f;
  f.en.resize(SentenceChance::kSmallDocument);
  EXPECT_FALSE(SentenceChance::Applies(f));
  f.en.resize(SentenceChance::kSmallDocument + 1);
  EXPECT_TRUE(SentenceChance::Applies(f));
}

}  // namespace
}  // namespace tmalign
