// SentenceChance (align/sentence_chance.h): each sentence's expected coverage by spans of
// unrelated sentences, from how many sentences of the other side carry its units' keys.
#include "align/sentence_chance.h"

#include <gtest/gtest.h>

#include <cmath>

namespace tmalign {
namespace {

// A sentence with one unit a key list (weights given), keys as listed.
SentenceFeatures Sentence(const std::vector<std::vector<int>>& unit_keys, const std::vector<float>& weights) {
  SentenceFeatures s;
  for (size_t u = 0; u < unit_keys.size(); ++u) {
    FeatureUnit unit;
    unit.word_id = static_cast<int>(u);
    unit.weight = weights[u];
    unit.key_begin = static_cast<uint32_t>(s.keys.size());
    s.keys.insert(s.keys.end(), unit_keys[u].begin(), unit_keys[u].end());
    unit.key_end = static_cast<uint32_t>(s.keys.size());
    s.units.push_back(unit);
  }
  s.key_set = s.keys;
  std::sort(s.key_set.begin(), s.key_set.end());
  s.key_set.erase(std::unique(s.key_set.begin(), s.key_set.end()), s.key_set.end());
  return s;
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
