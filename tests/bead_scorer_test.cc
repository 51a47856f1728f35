// BeadScorer's all-at-once sweeps (align/bead_scorer.h) against scoring each bead alone: the
// same sentence coverages and length (but for rounding: the sweeps add a sentence's share up
// piece by piece), for every bead shape the banded search asks for.
#include "align/bead_scorer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "align/sentence_features.h"
#include "shared_lexicon.h"

namespace tmalign {
namespace {

std::vector<std::string> Lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void ExpectSame(const SpanScore& got, const BeadScore& alone, int i0, int i1, int j0, int j1) {
  constexpr double kRounding = 1e-12;
  EXPECT_NEAR(got.zh_sentence_coverage, alone.zh_sentence_coverage, kRounding)
      << i0 << "-" << i1 << " " << j0 << "-" << j1;
  EXPECT_NEAR(got.en_sentence_coverage, alone.en_sentence_coverage, kRounding)
      << i0 << "-" << i1 << " " << j0 << "-" << j1;
  EXPECT_EQ(got.length_z, alone.length_z) << i0 << "-" << i1 << " " << j0 << "-" << j1;
}

TEST(BeadScorerTest, SweepsScoreEveryBeadAsScoringItAlone) {
  TMALIGN_REQUIRE_LEXICON(lexicon);
  const std::string corpus = std::string(TMALIGN_SOURCE_DIR) + "/corpora/pujiang-2021-bulletin-07/";
  const std::vector<std::string> zh = Lines(corpus + "zh.split"), en = Lines(corpus + "en.split");
  ASSERT_GT(zh.size(), 20u);
  DocumentPairFeatures f;
  FeatureExtractor(*lexicon).Extract(zh, {}, en, {}, &f);
  const int n_zh = static_cast<int>(f.zh.size()), n_en = static_cast<int>(f.en.size());
  BeadScorer scorer(f);
  // Every pair within 20 sentences of the diagonal, so the sweeps meet rows' ends too.
  std::vector<std::pair<int, int>> ranges;
  for (int i = 0; i < n_zh; ++i) {
    const int mid = i * n_en / n_zh;
    ranges.emplace_back(std::max(0, mid - 20), std::min(n_en, mid + 20));
  }
  scorer.PrepareRows(ranges, 1);
  int compared = 0;
  BeadScorer::SpanScores spans;
  std::vector<SpanScore> grown;
  for (int i = 1; i <= n_zh; ++i) {
    for (int j = 1; j <= n_en; ++j) {  // a row's cells in order, as the search asks
      const int max_a = std::min(i, 6);
      int max_b[BeadScorer::kMaxSpanZh + 1] = {};
      for (int a = 1; a <= max_a; ++a) max_b[a] = a == 1 ? 12 : 7 - a;
      scorer.ScoreSpansEndingAt(i, j, max_a, max_b, 5.0, &spans);
      for (int a = 1; a <= max_a; ++a)
        for (int b = 1; b <= spans.count[a]; ++b, ++compared)
          ExpectSame(spans.scores[a][b - 1], scorer.Score(i - a, i, j - b, j), i - a, i, j - b, j);
      for (int b = 1; b <= std::min(j, 2); ++b) {
        scorer.ScoreGrowingChinese(i, j - b, j, std::min(i, 12), 5.0, &grown);
        for (int a = 1; a <= static_cast<int>(grown.size()); ++a, ++compared)
          ExpectSame(grown[static_cast<size_t>(a - 1)], scorer.Score(i - a, i, j - b, j), i - a, i, j - b, j);
      }
    }
  }
  EXPECT_GT(compared, 10000);
}

}  // namespace
}  // namespace tmalign
