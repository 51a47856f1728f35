// The length weight's scale per document (align/length_spread.h): the anchors' length
// deviations decide it, a translation that strays from its length ratio weighs length less,
// and too few anchors or a reference of 0 leave the weight alone.
#include "align/length_spread.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "made_sentence.h"

namespace tmalign {
namespace {

using ::tmalign::testing::MadeSentence;

// n sentence pairs; pair k has a Chinese sentence of 20 characters and an English one of
// 60 characters times stray^(+1 or -1, alternately), at the document ratio of 3.
DocumentPairFeatures Pairs(int n, double stray) {
  DocumentPairFeatures f;
  f.en_per_zh_chars = 3.0;
  for (int k = 0; k < n; ++k) {
    SentenceFeatures zh = MadeSentence({1}, {{1}}), en = MadeSentence({2}, {{1}});
    zh.length = 20;
    en.length = static_cast<int>(std::lround(60 * std::pow(stray, k % 2 == 0 ? 1 : -1)));
    f.zh.push_back(zh);
    f.en.push_back(en);
  }
  f.key_count = 2;
  return f;
}

std::vector<Anchor> Diagonal(int n) {
  std::vector<Anchor> anchors;
  for (int k = 0; k < n; ++k) anchors.push_back(Anchor{k, k, 1.0});
  return anchors;
}

double RmsZ(const BeadScorer& scorer, int n) {
  double sum = 0;
  for (int k = 0; k < n; ++k) {
    const double z = scorer.SpanLengthZ(k, k + 1, k, k + 1);
    sum += z * z;
  }
  return std::sqrt(sum / n);
}

TEST(LengthSpreadTest, AStrayingTranslationWeighsLengthLessThanAClose) {
  const int n = 40;
  const DocumentPairFeatures close = Pairs(n, 1.2), loose = Pairs(n, 1.3);
  const BeadScorer close_scorer(close), loose_scorer(loose);
  // A reference between the two documents' spreads.
  const double reference = std::sqrt(RmsZ(close_scorer, n) * RmsZ(loose_scorer, n));
  const LengthSpread c = MeasureLengthSpread(Diagonal(n), close_scorer, reference);
  const LengthSpread l = MeasureLengthSpread(Diagonal(n), loose_scorer, reference);
  EXPECT_EQ(c.anchors, n);
  EXPECT_NEAR(c.rms_z, RmsZ(close_scorer, n), 1e-9);
  EXPECT_NEAR(l.rms_z, RmsZ(loose_scorer, n), 1e-9);
  EXPECT_GT(l.rms_z, c.rms_z);
  EXPECT_GT(c.scale, 1.0);
  EXPECT_LT(l.scale, 1.0);
  // Within the bounds, the squared deviation is weighed as a Gaussian of the measured spread
  // would weigh it.
  for (const LengthSpread& s : {c, l}) {
    const double gaussian = std::pow(reference / s.rms_z, 2);
    ASSERT_GT(gaussian, kMinLengthScale);
    ASSERT_LT(gaussian, kMaxLengthScale);
    EXPECT_NEAR(s.scale, gaussian, 1e-9);
  }
}

TEST(LengthSpreadTest, TheScaleStaysWithinItsBounds) {
  const int n = 30;
  const DocumentPairFeatures exact = Pairs(n, 1.0), wild = Pairs(n, 4.0);
  const BeadScorer exact_scorer(exact), wild_scorer(wild);
  // Every anchor exactly at the ratio: length may count twice as much, not more.
  EXPECT_EQ(MeasureLengthSpread(Diagonal(n), exact_scorer, 0.69).scale, kMaxLengthScale);
  // Lengths anywhere: the words decide, but length still counts half.
  const LengthSpread w = MeasureLengthSpread(Diagonal(n), wild_scorer, 0.69);
  ASSERT_GT(w.rms_z, 0.69 / std::sqrt(kMinLengthScale));
  EXPECT_EQ(w.scale, kMinLengthScale);
}

TEST(LengthSpreadTest, TooFewAnchorsOrNoReferenceLeaveTheWeight) {
  const DocumentPairFeatures wild = Pairs(kMinSpreadAnchors, 4.0);
  const BeadScorer scorer(wild);
  const LengthSpread few = MeasureLengthSpread(Diagonal(kMinSpreadAnchors - 1), scorer, 0.69);
  EXPECT_EQ(few.anchors, kMinSpreadAnchors - 1);
  EXPECT_EQ(few.scale, 1.0);
  EXPECT_EQ(MeasureLengthSpread(Diagonal(kMinSpreadAnchors), scorer, 0.0).scale, 1.0);
  EXPECT_LT(MeasureLengthSpread(Diagonal(kMinSpreadAnchors), scorer, 0.69).scale, 1.0);
}

}  // namespace
}  // namespace tmalign
