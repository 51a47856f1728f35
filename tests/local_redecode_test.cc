// The local re-decoding (align/local_redecode.h): which stretches of a path it decodes again, the
// length cost weighed by a bead's evidence, a short untranslated sentence that the search
// merges into a well-translated neighbour (whose English is too long for it) split off again as
// a 1-0 bead, an English sentence at a beads' boundary placed by where its words stand, the same
// whatever the threads.
#include "align/local_redecode.h"

#include <gtest/gtest.h>

#include "align/banded_search.h"
#include "align/bead.h"
#include "align/bead_scorer.h"
#include "made_sentence.h"

namespace tmalign {
namespace {

using ::tmalign::testing::MadeSentence;

// `blocks` times: ten 1-1 pairs sharing a key each (10 characters a side), except that pair 5's
// English has six words, all translating its one Chinese word (60 characters against 10), and
// after pair 5's Chinese comes a two-character Chinese sentence that nothing translates, which
// ends a paragraph on both sides (so it cannot join pair 6 for nothing).
DocumentPairFeatures PairsWithOrphans(int blocks) {
  DocumentPairFeatures f;
  int key = 0;
  for (int block = 0; block < blocks; ++block) {
    for (int k = 0; k < 10; ++k, ++key) {
      const int paragraph = 2 * block + (k > 5);
      f.zh.push_back(MadeSentence({key}, {{key}}));
      f.zh.back().paragraph = paragraph;
      if (k == 5) {
        f.en.push_back(
            MadeSentence({key, key, key, key, key, key}, {{key}, {key}, {key}, {key}, {key}, {key}}));
        f.zh.push_back(MadeSentence({100000 + block}, {{100000 + block}}));
        f.zh.back().length = 2;
        f.zh.back().paragraph = paragraph;
      } else {
        f.en.push_back(MadeSentence({key}, {{key}}));
      }
      f.en.back().paragraph = paragraph;
    }
  }
  f.key_count = 100000 + blocks;
  f.en_per_zh_chars = 1.0;
  return f;
}

std::vector<std::string> Format(const std::vector<Bead>& beads) {
  std::vector<std::string> out;
  for (const Bead& b : beads) out.push_back(FormatBead(b));
  return out;
}

// The search's path through the whole table (no chance coverage), then the local re-decoding.
struct Aligned {
  std::vector<Bead> searched, redecoded;
  RedecodeStats stats;
};

Aligned SearchAndRedecode(const DocumentPairFeatures& f, int threads, AlignOptions options = AlignOptions()) {
  const int n_zh = static_cast<int>(f.zh.size()), n_en = static_cast<int>(f.en.size());
  // A band of 15 sentences either side of the diagonal, and the masks a bead inside it reads.
  std::vector<int> lo(static_cast<size_t>(n_zh) + 1), hi(static_cast<size_t>(n_zh) + 1);
  for (int i = 0; i <= n_zh; ++i) {
    lo[static_cast<size_t>(i)] = i == n_zh ? n_en : std::max(0, i * n_en / n_zh - 15);
    hi[static_cast<size_t>(i)] = i == 0 ? 0 : std::min(n_en, i * n_en / n_zh + 15);
  }
  std::vector<std::pair<int, int>> rows;
  for (int i = 0; i < n_zh; ++i)
    rows.emplace_back(lo[static_cast<size_t>(i)] - 16, hi[static_cast<size_t>(i) + 1] + 16);
  BeadScorer scorer(f);
  scorer.PrepareRows(rows, 1);
  const std::vector<BeadShape> shapes = BeadShapes(options);
  const std::vector<double> chance(shapes.size(), 0.0);
  BandedSearch search(options, shapes, chance, f, true, true, &scorer, lo, hi);
  Aligned out;
  EXPECT_TRUE(search.Run().ok());
  out.searched = search.TraceBack();
  out.redecoded = out.searched;
  const std::vector<int> none(static_cast<size_t>(n_zh) + 1, 0);
  BandedSearch valuer(options, shapes, chance, f, true, true, &scorer, none, none);
  valuer.UseConditionedLength(options.redecode_length_beta, options.redecode_length_center);
  out.stats = Redecode(valuer, options, threads, &scorer, &out.redecoded);
  return out;
}

TEST(LocalRedecodeTest, StretchesAroundDoubtfulAndDoubtfulMergedBeads) {
  AlignOptions options;  // doubtful under 0.8, merged under 0.9; at most 8 x 10 sentences
  std::vector<Bead> beads;
  for (int k = 0; k < 12; ++k) beads.push_back(Bead{{k}, {k}, 0.95});
  beads[2].confidence = 0.7;           // doubtful: beads 1-3
  beads[3].confidence = 0.7;           // joins: beads 1-4
  beads[7] = Bead{{7}, {7, 8}, 0.85};  // merged under 0.9: beads 6-8 (English numbering aside)
  beads[10].confidence = 0.85;         // a 1-1 bead at 0.85 is not doubtful
  EXPECT_EQ(DoubtfulStretches(beads, options), (std::vector<std::pair<int, int>>{{1, 5}, {6, 9}}));
  // Too long to join: the next stretch starts where the last one ends.
  options.redecode_max_zh = 3;
  EXPECT_EQ(DoubtfulStretches(beads, options), (std::vector<std::pair<int, int>>{{1, 4}, {4, 5}, {6, 9}}));
  // Nothing doubtful: nothing to decode.
  for (Bead& b : beads) b.confidence = 0.95;
  EXPECT_TRUE(DoubtfulStretches(beads, options).empty());
}

TEST(LocalRedecodeTest, LengthCostWeighedByEvidence) {
  const DocumentPairFeatures f = PairsWithOrphans(1);
  const int n_zh = static_cast<int>(f.zh.size());
  BeadScorer scorer(f);
  AlignOptions options;
  const std::vector<BeadShape> shapes = BeadShapes(options);
  const std::vector<double> chance(shapes.size(), 0.0);
  const std::vector<int> none(static_cast<size_t>(n_zh) + 1, 0);
  BandedSearch plain(options, shapes, chance, f, true, true, &scorer, none, none);
  BandedSearch weighed(options, shapes, chance, f, true, true, &scorer, none, none);
  weighed.UseConditionedLength(1.0, 0.4);
  const double z = 2.0;
  // Both sides fully covered: the length costs 0.4 of its weight; half covered: 0.9; a side not
  // covered at all: 1.4; without the weighing, 1.
  const double full = plain.ShapeValue(1, 1, 1, 1, SpanScore{1.0, 1.0, z});
  EXPECT_NEAR(weighed.ShapeValue(1, 1, 1, 1, SpanScore{1.0, 1.0, z}) - full,
              0.6 * options.length_weight * z * z, 1e-9);
  EXPECT_NEAR(weighed.ShapeValue(1, 1, 1, 1, SpanScore{0.5, 1.0, z}) -
                  plain.ShapeValue(1, 1, 1, 1, SpanScore{0.5, 1.0, z}),
              0.1 * options.length_weight * z * z, 1e-9);
  EXPECT_NEAR(weighed.ShapeValue(1, 1, 1, 1, SpanScore{0.0, 1.0, z}) -
                  plain.ShapeValue(1, 1, 1, 1, SpanScore{0.0, 1.0, z}),
              -0.4 * options.length_weight * z * z, 1e-9);
  // A 2-1 bead's Chinese coverage is the mean of its two sentences'.
  EXPECT_NEAR(weighed.ShapeValue(2, 1, 2, 1, SpanScore{1.0, 1.0, z}) -
                  plain.ShapeValue(2, 1, 2, 1, SpanScore{1.0, 1.0, z}),
              0.1 * options.length_weight * z * z, 1e-9);
  // Omissions have no length.
  EXPECT_EQ(weighed.ShapeValue(1, 0, 1, 0, SpanScore{}), -options.skip_cost);
}

TEST(LocalRedecodeTest, SplitsAnUntranslatedSentenceOffAWellTranslatedBead) {
  const Aligned a = SearchAndRedecode(PairsWithOrphans(1), 1);
  // The search merges the orphan (sentence 6): skipping it costs more than merging it, and the
  // merge shortens the English's excess a little.
  std::vector<std::string> searched = Format(a.searched);
  ASSERT_EQ(searched.size(), 10u);
  EXPECT_EQ(searched[5], "[5,6]:[5]");
  // Weighed by evidence, pair 5's length costs less, and the orphan stands alone.
  std::vector<std::string> want;
  for (int k = 0; k < 10; ++k) {
    want.push_back(FormatBead(Bead{{k < 6 ? k : k + 1}, {k}, 0}));
    if (k == 5) want.push_back(FormatBead(Bead{{6}, {}, 0}));
  }
  EXPECT_EQ(Format(a.redecoded), want);
  EXPECT_EQ(a.stats.stretches, 1);
  EXPECT_EQ(a.stats.changed, 1);
  // Confident stretches are left alone: the other beads are the search's own.
  for (size_t k = 0; k < 5; ++k) EXPECT_EQ(a.redecoded[k].confidence, a.searched[k].confidence);
}

TEST(LocalRedecodeTest, SameBeadsWhateverTheThreads) {
  const DocumentPairFeatures f = PairsWithOrphans(100);  // 100 stretches: decoded on up to 4 threads
  const Aligned one = SearchAndRedecode(f, 1);
  EXPECT_EQ(one.stats.stretches, 100);
  EXPECT_EQ(one.stats.changed, 100);
  EXPECT_EQ(one.redecoded.size(), 1100u);
  for (int threads : {2, 3, 4}) {
    const Aligned many = SearchAndRedecode(f, threads);
    EXPECT_EQ(Format(many.redecoded), Format(one.redecoded)) << threads << " threads";
  }
}

// Eight 1-1 pairs sharing a key each, then Chinese A and B, each a name (key 600) and two words
// of its own, against English X (A's two words), Y (the name alone) and Z (B's two words), each
// sentence with `untranslated` words besides, then eight more pairs. Y's name is in A and in B,
// and A + [X, Y], B + [Z] has the same coverage and lengths as A + [X], B + [Y, Z]: only where
// the name stands (at the start of B, where Y starts B's bead) tells them apart.
DocumentPairFeatures BoundarySentence(int untranslated) {
  DocumentPairFeatures f = ::tmalign::testing::MadePairs(8, [](int, auto*, auto*) {});
  auto sentence = [&](std::vector<int> keys) {
    std::vector<int> words;
    std::vector<std::vector<int>> word_keys;
    for (int k : keys) {
      words.push_back(k);
      word_keys.push_back({k});
    }
    for (int u = 0; u < untranslated; ++u) {
      words.push_back(900 + static_cast<int>(f.zh.size() + f.en.size()) * 10 + u);
      word_keys.push_back({});
    }
    return MadeSentence(words, word_keys);
  };
  f.zh.push_back(sentence({600, 601, 602}));  // A
  f.zh.push_back(sentence({600, 611, 612}));  // B
  f.en.push_back(sentence({601, 602}));       // X
  f.en.push_back(sentence({600}));            // Y
  f.en.push_back(sentence({611, 612}));       // Z
  const DocumentPairFeatures tail = ::tmalign::testing::MadePairs(16, [](int, auto*, auto*) {});
  for (int k = 8; k < 16; ++k) {
    f.zh.push_back(tail.zh[static_cast<size_t>(k)]);
    f.en.push_back(tail.en[static_cast<size_t>(k)]);
  }
  return f;
}

TEST(LocalRedecodeTest, ABoundarySentenceGoesWhereItsWordsStand) {
  // Three untranslated words a sentence make the merged bead doubtful (under 0.9), so its
  // stretch is decoded again.
  const DocumentPairFeatures f = BoundarySentence(3);
  AlignOptions without;
  without.redecode_position_weight = 0;
  const Aligned bag = SearchAndRedecode(f, 1, without);
  std::vector<std::string> got = Format(bag.redecoded);
  ASSERT_EQ(got.size(), 18u);
  // Coverage and lengths tie: the name's sentence stays with A, where the search put it.
  EXPECT_EQ(got[8], "[8]:[8,9]");
  EXPECT_EQ(got[9], "[9]:[10]");
  // Where the matched words stand breaks the tie: Y opens B's bead, as its name opens B.
  got = Format(SearchAndRedecode(f, 1).redecoded);
  ASSERT_EQ(got.size(), 18u);
  EXPECT_EQ(got[8], "[8]:[8]");
  EXPECT_EQ(got[9], "[9]:[9,10]");
  for (size_t k = 0; k < 8; ++k)
    EXPECT_EQ(got[k], FormatBead(Bead{{static_cast<int>(k)}, {static_cast<int>(k)}, 0}));
}

}  // namespace
}  // namespace tmalign
