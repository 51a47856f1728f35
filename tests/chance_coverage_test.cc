// Chance coverage (align/banded_search.h) and the scorer's corner scoring it uses
// (BeadScorer::ScoreUnpreparedCorner): every size scored at one corner equals scoring its
// spans alone, spans that would pass the end start earlier, and prepared rows are kept.
#include <gtest/gtest.h>

#include <algorithm>

#include "align/banded_search.h"
#include "align/bead_scorer.h"

namespace tmalign {
namespace {

// n pairs; sentence k of each side has its own key k and, every third sentence, key 900 + k % 7
// (so unrelated sentences share something now and then). One unit a key, weight 1.
DocumentPairFeatures Pairs(int n) {
  DocumentPairFeatures f;
  auto sentence = [](std::vector<int> keys) {
    SentenceFeatures s;
    for (size_t u = 0; u < keys.size(); ++u) {
      FeatureUnit unit;
      unit.word_id = keys[u];
      unit.weight = 1.0f;
      unit.key_begin = static_cast<uint32_t>(u);
      unit.key_end = static_cast<uint32_t>(u + 1);
      s.units.push_back(unit);
    }
    s.keys = keys;
    std::sort(keys.begin(), keys.end());
    s.key_set = keys;
    s.total_weight = static_cast<float>(keys.size());
    s.length = 20;
    return s;
  };
  for (int k = 0; k < n; ++k) {
    std::vector<int> zh = {k}, en = {k};
    if (k % 3 == 0) zh.push_back(900 + k % 7);
    if (k % 3 == 1) en.push_back(900 + (k + 2) % 7);
    f.zh.push_back(sentence(zh));
    f.en.push_back(sentence(en));
  }
  f.key_count = 1000;
  f.en_per_zh_chars = 1.0;
  return f;
}

void ExpectSameScore(const BeadScore& a, const BeadScore& b) {
  EXPECT_EQ(a.zh_sentence_coverage, b.zh_sentence_coverage);
  EXPECT_EQ(a.en_sentence_coverage, b.en_sentence_coverage);
  EXPECT_EQ(a.length_z, b.length_z);
}

TEST(ChanceCoverageTest, CornerScoresEqualSpansScoredAlone) {
  const DocumentPairFeatures f = Pairs(30);
  BeadScorer scorer(f);
  std::vector<std::pair<int, int>> ranges(30, {0, 5});
  scorer.PrepareRows(ranges, 1);
  const BeadScore prepared = scorer.Score(0, 2, 0, 3);
  const std::vector<std::pair<int, int>> sizes = {{1, 0}, {1, 1}, {2, 3}, {3, 1}, {1, 6}, {6, 1}, {4, 4}};
  for (const auto& [i0, j0] :
       std::vector<std::pair<int, int>>{{3, 17}, {0, 0}, {27, 12}, {10, 28}, {29, 29}}) {
    std::vector<BeadScore> scores;
    scorer.ScoreUnpreparedCorner(i0, j0, 6, 6, sizes, &scores);
    ASSERT_EQ(scores.size(), sizes.size());
    for (size_t k = 1; k < sizes.size(); ++k) {  // sizes[0] has an empty side
      const auto [a, b] = sizes[k];
      const int i = std::min(i0, 30 - a), j = std::min(j0, 30 - b);  // moved back to end at the end
      SCOPED_TRACE(testing::Message() << i0 << "," << j0 << " size " << a << "-" << b);
      ExpectSameScore(scores[k], scorer.ScoreUnprepared(i, i + a, j, j + b));
    }
  }
  ExpectSameScore(scorer.Score(0, 2, 0, 3), prepared);  // the prepared rows are back
}

TEST(ChanceCoverageTest, SameInputSameChanceAndOffTheDiagonal) {
  const DocumentPairFeatures f = Pairs(120);
  BeadScorer first(f), second(f);
  const std::vector<BeadShape> shapes = BeadShapes(AlignOptions{});
  const std::vector<double> a = ChanceCoverage(shapes, f, &first), b = ChanceCoverage(shapes, f, &second);
  EXPECT_EQ(a, b);
  // Here only the occasional shared key 900.. is covered off the diagonal: chance stays far
  // under a true pair's coverage (1.0 for each sentence of a 1-1 pair).
  for (size_t s = 0; s < shapes.size(); ++s) {
    EXPECT_GE(a[s], 0.0);
    if (shapes[s].zh == 1 && shapes[s].en == 1) {
      EXPECT_LT(a[s], 0.3);
    }
  }
}

}  // namespace
}  // namespace tmalign
