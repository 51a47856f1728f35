// The aligner's realign pass (align/realign.h): what it learns from the first alignment's beads,
// that refreshed masks equal masks computed from scratch, and the band it searches.
#include "align/realign.h"

#include <gtest/gtest.h>

#include "align/aligner.h"
#include "align/bead_scorer.h"
#include "made_sentence.h"
#include "shared_lexicon.h"

namespace tmalign {
namespace {

using ::tmalign::testing::DiagonalBeads;
using ::tmalign::testing::MadePairs;
using ::tmalign::testing::MadeSentence;
using ::tmalign::testing::MadeSide;

// Ten 1-1 pairs that share a dictionary key each (key k for pair k). Chinese word 100 (its
// own key 500, which no English word has) and English word 200 (key 600) meet in pairs 0-2;
// Chinese word 101 and English word 201 meet in pairs 3 and 4 but 201 is also in pairs 5-9,
// so their Dice coefficient is 2*2 / (2 + 7) < 0.5; Chinese word 102 meets English word 202
// only in pair 5.
DocumentPairFeatures TenPairs() {
  return MadePairs(10, [](int k, MadeSide* zh, MadeSide* en) {
    if (k <= 2) zh->Add(100, {500}), en->Add(200, {600});
    if (k == 3 || k == 4) zh->Add(101, {501});
    if (k >= 3) en->Add(201, {601});
    if (k == 5) zh->Add(102, {502}), en->Add(202, {602});
  });
}

TEST(RealignTest, LearnsWordPairsThatKeepMeetingInConfidentBeads) {
  DocumentPairFeatures f = TenPairs();
  AlignOptions options;  // min count 2, Dice 0.5, confidence 0.8
  const LearnedAssociations learned = AddLearnedAssociations(DiagonalBeads(10, 0.9), options, &f);
  EXPECT_EQ(learned.pairs, 1);  // 100-200 only
  EXPECT_EQ(learned.first_key, 700);
  EXPECT_EQ(f.key_count, 701);
  for (int k = 0; k < 10; ++k) {
    EXPECT_EQ(learned.zh_touched[static_cast<size_t>(k)], k <= 2) << k;
    EXPECT_EQ(learned.en_touched[static_cast<size_t>(k)], k <= 2) << k;
  }
  // The new key ends the unit's keys, on both sides, and joins the key set.
  const SentenceFeatures& z = f.zh[1];
  EXPECT_EQ(z.keys[z.units[1].key_end - 1], 700);
  EXPECT_EQ(z.keys[z.units[0].key_end - 1], 1);  // the other unit is unchanged
  EXPECT_TRUE(std::binary_search(f.en[2].key_set.begin(), f.en[2].key_set.end(), 700));
}

TEST(RealignTest, LearnsNothingFromDoubtfulBeads) {
  DocumentPairFeatures f = TenPairs();
  const LearnedAssociations learned = AddLearnedAssociations(DiagonalBeads(10, 0.7), AlignOptions{}, &f);
  EXPECT_EQ(learned.pairs, 0);
  EXPECT_EQ(f.key_count, 700);
}

TEST(RealignTest, ThresholdsDecide) {
  {
    DocumentPairFeatures f = TenPairs();
    AlignOptions options;
    options.realign_min_dice = 0.4;  // 101-201 (Dice 0.44) now passes
    EXPECT_EQ(AddLearnedAssociations(DiagonalBeads(10, 0.9), options, &f).pairs, 2);
  }
  {
    DocumentPairFeatures f = TenPairs();
    AlignOptions options;
    options.realign_min_count = 1;  // 102-202 (one bead, Dice 1) now passes
    EXPECT_EQ(AddLearnedAssociations(DiagonalBeads(10, 0.9), options, &f).pairs, 2);
  }
}

// Long alignments are learned from in parts on the threads: the same keys whatever the number.
TEST(RealignTest, LearnsTheSameOnAnyNumberOfThreads) {
  // 3,000 1-1 pairs sharing a dictionary key each; Chinese word 2000 + k % 97 and English
  // word 3000 + k % 97 (keys of their own) meet in confident beads of every part, English
  // word 4000 + k % 89 with each of them too rarely.
  DocumentPairFeatures base;
  for (int k = 0; k < 3000; ++k) {
    base.zh.push_back(MadeSentence({k % 50, 2000 + k % 97}, {{k % 50}, {5000 + k % 97}}));
    base.en.push_back(MadeSentence({1000 + k % 50, 3000 + k % 97, 4000 + k % 89},
                                   {{k % 50}, {6000 + k % 97}, {6500 + k % 89}}));
  }
  base.key_count = 7000;
  base.en_per_zh_chars = 1.0;
  std::vector<Bead> beads = DiagonalBeads(3000, 0.9);
  for (size_t k = 0; k < beads.size(); k += 7) beads[k].confidence = 0.5;
  DocumentPairFeatures one = base;
  AlignOptions options;
  options.threads = 1;
  const LearnedAssociations want = AddLearnedAssociations(beads, options, &one);
  EXPECT_EQ(want.pairs, 97);
  for (int threads : {2, 3, 4}) {
    DocumentPairFeatures f = base;
    options.threads = threads;
    const LearnedAssociations got = AddLearnedAssociations(beads, options, &f);
    EXPECT_EQ(got.pairs, want.pairs) << threads;
    EXPECT_EQ(got.zh_touched, want.zh_touched) << threads;
    EXPECT_EQ(got.en_touched, want.en_touched) << threads;
    EXPECT_EQ(f.key_count, one.key_count) << threads;
    for (size_t k = 0; k < f.zh.size(); ++k) {
      ASSERT_EQ(f.zh[k].keys, one.zh[k].keys) << threads << " zh " << k;
      ASSERT_EQ(f.zh[k].key_set, one.zh[k].key_set) << threads << " zh " << k;
      ASSERT_EQ(f.en[k].keys, one.en[k].keys) << threads << " en " << k;
      ASSERT_EQ(f.en[k].key_set, one.en[k].key_set) << threads << " en " << k;
      for (size_t u = 0; u < f.zh[k].units.size(); ++u)
        ASSERT_EQ(f.zh[k].units[u].key_end, one.zh[k].units[u].key_end) << threads << " zh " << k;
    }
  }
}

// The masks refreshed after learning score every span as a scorer built afresh does.
TEST(RealignTest, RefreshedMasksEqualMasksFromScratch) {
  DocumentPairFeatures f = TenPairs();
  std::vector<std::pair<int, int>> ranges(10, {0, 10});
  BeadScorer refreshed(f);
  refreshed.PrepareRows(ranges, 1);
  const BeadScore before = refreshed.Score(0, 1, 1, 2);  // zh 0 against en 1: word 100 not covered
  const LearnedAssociations learned = AddLearnedAssociations(DiagonalBeads(10, 0.9), AlignOptions{}, &f);
  ASSERT_EQ(learned.pairs, 1);
  refreshed.RefreshMasks(learned.first_key, learned.zh_touched, learned.en_touched, 2);
  BeadScorer fresh(f);
  fresh.PrepareRows(ranges, 1);
  for (int i0 = 0; i0 < 10; ++i0)
    for (int i1 = i0 + 1; i1 <= std::min(10, i0 + 3); ++i1)
      for (int j0 = 0; j0 < 10; ++j0)
        for (int j1 = j0 + 1; j1 <= std::min(10, j0 + 3); ++j1) {
          const BeadScore a = refreshed.Score(i0, i1, j0, j1), b = fresh.Score(i0, i1, j0, j1);
          EXPECT_EQ(a.zh_sentence_coverage, b.zh_sentence_coverage) << i0 << i1 << j0 << j1;
          EXPECT_EQ(a.en_sentence_coverage, b.en_sentence_coverage) << i0 << i1 << j0 << j1;
        }
  EXPECT_GT(refreshed.Score(0, 1, 1, 2).zh_sentence_coverage, before.zh_sentence_coverage);
}

TEST(RealignTest, BandOpensOnlyNearDoubtfulBeadsWithSomethingLearned) {
  const int n = 40;
  std::vector<Bead> beads = DiagonalBeads(n, 0.95);
  beads[10].confidence = 0.3;  // doubtful, near a touched sentence
  beads[30].confidence = 0.3;  // doubtful, nothing learned near it
  LearnedAssociations learned;
  learned.pairs = 1;
  learned.zh_touched.assign(n, 0);
  learned.en_touched.assign(n, 0);
  learned.zh_touched[11] = 1;
  std::vector<int> band_lo(n + 1, 0), band_hi(n + 1, n), lo, hi;
  std::vector<char> open;
  BandAroundPath(beads, learned, 3, 0.8, band_lo, band_hi, &lo, &hi, &open);
  ASSERT_EQ(lo.size(), static_cast<size_t>(n + 1));
  for (int r = 0; r <= n; ++r) {
    const size_t k = static_cast<size_t>(r);
    EXPECT_LE(lo[k], r);  // the first path, (r, r), stays in the band
    EXPECT_GE(hi[k], r);
    EXPECT_EQ(open[k] != 0, r >= 9 && r <= 14) << "row " << r;
  }
  EXPECT_EQ(lo[11], 8);
  EXPECT_EQ(hi[11], 14);
  EXPECT_EQ(lo[30], 30);  // closed: the path only
  EXPECT_EQ(hi[30], 30);
  // The first pass's band bounds the second's.
  band_hi.assign(n + 1, n);
  for (int r = 0; r <= n; ++r) band_hi[static_cast<size_t>(r)] = std::min(n, r + 1);
  BandAroundPath(beads, learned, 3, 0.8, band_lo, band_hi, &lo, &hi, &open);
  EXPECT_EQ(hi[11], 12);
}

// A whole alignment: a made-up name (鑫森淼, rendered "Zorblax") that no dictionary links
// meets in five confident beads; in the planted bead it is the only link between the two
// sentences, next to an English sentence the Chinese lacks. The first pass gets the bead
// right on length alone but doubts it; the realign pass, having learned the name, is sure.
TEST(RealignTest, LearnedNameConfirmsADoubtfulBead) {
  TMALIGN_REQUIRE_LEXICON(lexicon);
  AlignInput input;
  input.zh = {"鑫森淼在上海的一所大学学习经济。",
              "鑫森淼每天早上在公园里跑步。",
              "鑫森淼的父亲是一名医生，母亲是一名教师。",
              "政府支持农业和教育的发展。",
              "鑫森淼喜欢读历史书。",
              "这座桥连接了河两岸的村庄。",
              "鑫森淼没有回答。",
              "科学家在实验室研究新的电池技术。",
              "鑫森淼每年夏天去北京看望祖父。",
              "这家医院有三百名医生。"};
  input.en = {"Zorblax studied economics at a university in Shanghai.",
              "Every morning Zorblax runs in the park.",
              "Zorblax's father is a doctor and his mother is a teacher.",
              "The government supports the development of agriculture and education.",
              "Zorblax likes reading history books.",
              "This bridge connects the villages on both banks of the river.",
              "Outside, the rain kept falling on the roofs of the old town.",
              "Zorblax stayed silent.",
              "Scientists are studying new battery technology in the laboratory.",
              "Every summer Zorblax visits his grandfather in Beijing.",
              "The hospital has three hundred doctors."};
  std::vector<std::string> want;
  for (int k = 0; k < 10; ++k) {
    if (k == 6) want.push_back("[]:[6]");
    want.push_back(FormatBead(Bead{{k}, {k < 6 ? k : k + 1}}));
  }
  double confidence[2] = {0, 0};
  for (bool realign : {false, true}) {
    AlignOptions options;
    options.realign = realign;
    std::vector<Bead> beads;
    ASSERT_TRUE(Aligner(*lexicon, options).Align(input, &beads).ok());
    std::vector<std::string> got;
    for (const Bead& b : beads) {
      got.push_back(FormatBead(b));
      if (b.src == std::vector<int>{6}) confidence[realign] = b.confidence;
    }
    EXPECT_EQ(got, want) << "realign " << realign;
  }
  EXPECT_LT(confidence[0], 0.6);
  EXPECT_GT(confidence[1], 0.65);
}

}  // namespace
}  // namespace tmalign
