// BeadScorer: how well a span of Chinese sentences and a span of English
// sentences translate each other. Lexical coverage of each side by the other
// (from per-sentence-pair match masks, computed once), against the pair's own
// length ratio.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "align/sentence_features.h"

namespace tmalign {

struct BeadScore {
  double zh_coverage = 0;  // weighted share of Chinese units matched by the English span
  double en_coverage = 0;  // the same the other way round
  double similarity = 0;   // harmonic mean of the two coverages
  double length_z = 0;     // log length ratio against the expected, in standard deviations
  // Each sentence's own coverage by the other side, summed over the sentences of the side:
  // a sentence that nothing in the bead translates adds nothing, however well its
  // neighbours match, and a many-to-many bead earns what each of its sentences earns.
  double zh_sentence_coverage = 0;
  double en_sentence_coverage = 0;
};

// What the banded search weighs of a bead: BeadScore's sentence coverages and length_z. The
// scorer's all-at-once sweeps (ScoreSpansEndingAt, ScoreGrowingChinese) give only these, as
// their pooled coverages would cost a third of the sweep and nothing reads them.
struct SpanScore {
  double zh_sentence_coverage = 0;
  double en_sentence_coverage = 0;
  double length_z = 0;
};

inline SpanScore SpanScoreOf(const BeadScore& s) {
  return SpanScore{s.zh_sentence_coverage, s.en_sentence_coverage, s.length_z};
}

class BeadScorer {
 public:
  // A sentence's units beyond this many are ignored (coverage, masks, chance).
  static constexpr int kMaxUnits = 256;

  explicit BeadScorer(const DocumentPairFeatures& features);

  // Computes match masks for zh sentence i against en sentences [j0, j1).
  void PrepareRow(int i, int j0, int j1);
  // PrepareRow for every zh sentence i with ranges[i] = {j0, j1}, on `threads` threads.
  void PrepareRows(const std::vector<std::pair<int, int>>& ranges, int threads);
  // After keys numbered from first_new_key up were added at the end of units' keys
  // (align/realign.h): adds what they match to the prepared masks of every Chinese sentence
  // with zh_touched[i] against every English one with en_touched[j], on `threads` threads;
  // the other masks cannot have changed. With `columns`, only the masks of Chinese sentence i
  // against English sentences in [columns[i].first, columns[i].second) are refreshed: the
  // caller reads no other.
  void RefreshMasks(int first_new_key, const std::vector<char>& zh_touched,
                    const std::vector<char>& en_touched, int threads,
                    const std::vector<std::pair<int, int>>* columns = nullptr);
  // Scores zh [i0, i1) against en [j0, j1); every pair must have been prepared
  // (or the span be empty on one side).
  BeadScore Score(int i0, int i1, int j0, int j1) const;
  // Every bead ending at (i_end, j_end) with up to kMaxSpanZh Chinese sentences:
  // out->scores[a][b - 1] scores zh [i_end - a, i_end) against en [j_end - b, j_end) for
  // a in 1..max_a and b in 1..out->count[a] <= max_b[a]; the English span grows one
  // sentence at a time and stops early once it is implausibly long (length_z >
  // max_length_z). Each Chinese sentence's coverage by the English spans ending at j_end is
  // kept in `out` for every bead that holds it (the cells of rows just below, when the same
  // SpanScores scores them), each English sentence's coverage by the Chinese spans ending at
  // i_end for the next cells of the row (one SpanScores a thread, a row's cells in order).
  // The SpanScore is SpanScoreOf(Score(...)) but for rounding (a side's shares are summed
  // from the bead's last sentence back). Masks must not change while `out` is in use.
  static constexpr int kMaxSpanZh = 8, kMaxSpanEn = 16;
  struct SpanScores {
    int count[kMaxSpanZh + 1];
    SpanScore scores[kMaxSpanZh + 1][kMaxSpanEn];
    // English sentence cache_base + k against zh [cache_row - a, cache_row), for a <= a_done.
    struct EnglishCoverage {
      int a_done = 0;
      uint64_t mask[4] = {0, 0, 0, 0};
      double share[kMaxSpanZh + 1];
    };
    int cache_row = -1, cache_base = 0;
    std::vector<EnglishCoverage> cache;
    // Chinese sentence `row` against en [j_end - b, j_end) for b <= b_done, by j_end - base: the
    // same for every bead that holds the sentence, so rows row + 1 .. row + kMaxSpanZh that
    // this SpanScores scores share it. One slot a sentence, row % (kMaxSpanZh + 1).
    struct ChineseCoverage {
      int b_done = 0;
      uint64_t mask[4] = {0, 0, 0, 0};
      double matched = 0;
      double share[kMaxSpanEn + 1];
    };
    struct ChineseRow {
      int row = -1, base = 0;
      std::vector<ChineseCoverage> at;
    };
    ChineseRow zh_rows[kMaxSpanZh + 1];
  };
  void ScoreSpansEndingAt(int i_end, int j_end, int max_a, const int* max_b, double max_length_z,
                          SpanScores* out) const;
  // The mirror image: zh [i_end - a, i_end) against en [j0, j1) for every a in 1..max_a.
  // Stops early once the Chinese side is implausibly long (length_z < -max_length_z). As
  // above, each SpanScore is SpanScoreOf(Score(...)) but for rounding.
  void ScoreGrowingChinese(int i_end, int j0, int j1, int max_a, double max_length_z,
                           std::vector<SpanScore>* out) const;
  // Scratch for scoring pairs without prepared masks; one per thread.
  struct Scratch {
    std::vector<uint32_t> seen;
    uint32_t tick = 0;
    // slot[key], valid where seen[key] == tick: an index for whoever stamped the tick (a row's
    // mask of the Chinese units that carry the key; the last English unit with the key in a
    // PositionAgreement's stretch).
    std::vector<uint32_t> slot;
    std::vector<std::array<uint64_t, 4>> unit_masks;
  };
  Scratch NewScratch() const {
    return Scratch{
        std::vector<uint32_t>(std::max(stamp_.seen.size(), static_cast<size_t>(f_.key_count)), 0), 0, {}, {}};
  }
  // PrepareRow with the caller's scratch (NewScratch(), made after any keys were added): safe on
  // several threads at once for different rows.
  void PrepareRow(int i, int j0, int j1, Scratch* scratch);
  // Scores one sentence pair directly, without prepared masks.
  BeadScore ScorePair(int i, int j) { return ScorePair(i, j, &stamp_); }
  // The same with the caller's scratch: safe on several threads at once.
  BeadScore ScorePair(int i, int j, Scratch* scratch) const;
  // Scores a pair of spans directly, without prepared masks (slower).
  BeadScore ScoreUnprepared(int i0, int i1, int j0, int j1);

  // The features it scores (keys added since included).
  const DocumentPairFeatures& features() const { return f_; }
  double LengthZ(int zh_chars, int en_chars) const;
  // LengthZ of the spans zh [i0, i1) and en [j0, j1).
  double SpanLengthZ(int i0, int i1, int j0, int j1) const {
    return LengthZ(zh_chars_[static_cast<size_t>(i1)] - zh_chars_[static_cast<size_t>(i0)],
                   en_chars_[static_cast<size_t>(j1)] - en_chars_[static_cast<size_t>(j0)]);
  }

 private:
  static constexpr int kMaskWords = kMaxUnits / 64;
  struct PairMasks {
    uint64_t zh[kMaskWords];
    uint64_t en[kMaskWords];
  };
  // A row's masks: for each English sentence j in [j0, j1), `words` words of Chinese units
  // then `words` of English ones. `words` is the most any sentence of the row needs (one for
  // up to 64 units, nearly always), so the search reads a quarter of what PairMasks would take.
  struct Row {
    int j0 = 0, j1 = 0;
    int words = 1;
    std::vector<uint64_t> bits;
    bool empty() const { return bits.empty(); }
    const uint64_t* zh(int j) const {
      return bits.data() + static_cast<size_t>(j - j0) * 2 * static_cast<size_t>(words);
    }
    const uint64_t* en(int j) const { return zh(j) + words; }
    uint64_t* zh(int j) { return bits.data() + static_cast<size_t>(j - j0) * 2 * static_cast<size_t>(words); }
    uint64_t* en(int j) { return zh(j) + words; }
  };

  using Stamp = Scratch;  // marks keys: one per thread
  void ComputeMasks(int i, int j, Stamp* stamp, PairMasks* out) const;
  void FillRow(int i, int j0, int j1, Stamp* stamp);
  // The weight of the units set in the first `words` words of `mask`, `weights` the units'.
  static double WeightedCount(const float* weights, const uint64_t* mask, int words = kMaskWords);
  // LengthZ's two logarithms: of the English length, and of the length expected from the Chinese.
  double LogEn(int en_chars) const;
  double LogExpected(int zh_chars) const;
  const float* ZhUnitWeights(int i) const {
    return unit_weights_.data() + zh_units_at_[static_cast<size_t>(i)];
  }
  const float* EnUnitWeights(int j) const {
    return unit_weights_.data() + en_units_at_[static_cast<size_t>(j)];
  }

  const DocumentPairFeatures& f_;
  std::vector<Row> rows_;
  Stamp stamp_;
  std::vector<float> zh_weight_, en_weight_;  // capped total weight per sentence
  std::vector<int8_t> zh_words_, en_words_;   // mask words each sentence's units need (1..kMaskWords)
  // Every sentence's unit weights (its first kMaxUnits), packed: the coverage sums read them
  // for each bead, and a FeatureUnit is four times the size of its weight.
  std::vector<float> unit_weights_;
  std::vector<size_t> zh_units_at_, en_units_at_;
  std::vector<int> zh_chars_, en_chars_;       // prefix sums of sentence lengths
  std::vector<double> log_en_, log_expected_;  // log(n + smoothing), log(ratio * n + smoothing) by length
};

}  // namespace tmalign
