// What survives translation besides words (align/sentence_features.h): an ellipsis of
// trailing off or stammering, in any of its spellings, is evidence like a question mark.
#include "align/sentence_features.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "align/bead_scorer.h"
#include "shared_lexicon.h"

namespace tmalign {
namespace {

// How much of Chinese sentence 0 each English sentence covers.
std::vector<double> ZhCoverage(const BilingualLexicon& lexicon, const std::string& zh,
                               const std::vector<std::string>& en) {
  DocumentPairFeatures f;
  FeatureExtractor(lexicon).Extract({zh}, {}, en, {}, &f);
  BeadScorer scorer(f);
  std::vector<double> out;
  for (int j = 0; j < static_cast<int>(en.size()); ++j) out.push_back(scorer.ScorePair(0, j).zh_coverage);
  return out;
}

TEST(SentenceFeaturesTest, AnEllipsisOnBothSidesIsShared) {
  TMALIGN_REQUIRE_LEXICON(lexicon);
  const std::string zh = "韦小宝道：“这个…… 这个…… 我…… 我记不起了。”";
  for (const std::string trailing : {"'I... I... can't remember.'", "'I . . . I . . . can't remember.'",
                                     "'I\u2026 I\u2026 can't remember.'"}) {
    const std::vector<double> cov = ZhCoverage(*lexicon, zh, {trailing, "'I can't remember.'"});
    EXPECT_GT(cov[0], cov[1]) << trailing;
  }
}

TEST(SentenceFeaturesTest, AnEllipsisOnOneSideOnlyAddsNothing) {
  TMALIGN_REQUIRE_LEXICON(lexicon);
  // A Chinese sentence without one is covered alike by English with and without.
  const std::vector<double> cov =
      ZhCoverage(*lexicon, "韦小宝道：“我记不起了。”", {"'I... can't remember.'", "'I can't remember.'"});
  EXPECT_DOUBLE_EQ(cov[0], cov[1]);
}

}  // namespace
}  // namespace tmalign
