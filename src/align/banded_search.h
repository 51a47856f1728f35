// Pass 2 of the aligner: a dynamic programme over prefixes (i Chinese and j English
// sentences aligned) restricted to a band of cells around the anchor line, choosing for
// each cell the bead shape that ends there with the best total value.
#pragma once

#include <cstdint>
#include <vector>

#include "align/align_options.h"
#include "align/bead.h"
#include "align/bead_scorer.h"
#include "align/sentence_chance.h"
#include "align/sentence_features.h"
#include "util/status.h"

namespace tmalign {

// A bead shape: `zh` Chinese and `en` English sentences.
struct BeadShape {
  int zh, en;
};

// Every shape the options allow: 1-0 and 0-1, a-b up to max_side a side and max_total in
// all, and 1-n / n-1 fans up to max_fan.
std::vector<BeadShape> BeadShapes(const AlignOptions& options);

// What unrelated text scores for each shape: the mean coverage of one sentence by the
// other side in random placements off the diagonal (fixed seed, so the same input always
// aligns the same way). Each sentence of a bead must beat this to count as translated.
std::vector<double> ChanceCoverage(const std::vector<BeadShape>& shapes, const DocumentPairFeatures& features,
                                   BeadScorer* scorer);

class BandedSearch {
 public:
  // Row i of the band holds the cells j in [lo[i], hi[i]] (n_zh + 1 rows). Bead values are
  // computed on options.threads threads (at least 1); the path does not depend on it. `scorer` must
  // have prepared every sentence pair a bead inside the band can touch; it, `features`
  // and `chance` (one value per shape) must outlive the search.
  BandedSearch(const AlignOptions& options, std::vector<BeadShape> shapes, const std::vector<double>& chance,
               const DocumentPairFeatures& features, bool zh_paragraphs, bool en_paragraphs,
               BeadScorer* scorer, std::vector<int> lo, std::vector<int> hi);

  // Each sentence of a bead must then beat its own chance coverage (SentenceChance, times
  // `weight`) instead of the shape's. `chance` must outlive the search; call before Run().
  void UseSentenceChance(const SentenceChance* chance, double weight) {
    sentence_chance_ = chance;
    sentence_chance_weight_ = weight;
  }
  // Weighs each bead's length cost by its lexical evidence (c, the smaller of the two sides'
  // mean sentence coverage): length_weight * max(0, 1 - beta * (c - center)), so a bead whose
  // both sides are well translated is not "fixed" by merging a neighbour for its length, and a
  // poorly covered one owes its length more. Used by the local re-decoding
  // (align/local_redecode.h); call before Run() or ShapeValue().
  void UseConditionedLength(double beta, double center) {
    length_beta_ = beta;
    length_center_ = center;
  }
  // Fills the table; Internal if no path reaches the last cell (band too narrow).
  Status Run();
  // The beads of the best path in order, each with its confidence. Call after Run().
  std::vector<Bead> TraceBack();
  // Whether the options allow a-b beads.
  bool Allows(int a, int b) const {
    return a >= 0 && b >= 0 && a < static_cast<int>(shape_of_.size()) &&
           b < static_cast<int>(shape_of_.size()) &&
           shape_of_[static_cast<size_t>(a)][static_cast<size_t>(b)] >= 0;
  }
  // The value of the a-b bead ending at (i, j), scored as `score`, as the search weighs it
  // (-infinity for a shape the options do not allow). Needs no table: safe on several threads.
  double ShapeValue(int a, int b, int i, int j, const SpanScore& score) const;
  // A bead's confidence from its value: how far it beats chance, squashed to (0, 1).
  static double Confidence(int a, int b, double value);

 private:
  double* Cell(int i, int j);
  const double* Cell(int i, int j) const { return const_cast<BandedSearch*>(this)->Cell(i, j); }
  // The value of bead shape s ending at (i, j), scored as `score`.
  double Value(size_t s, int i, int j, const SpanScore& score) const;
  // Value of a shape s = a-b with both sides (the search's inner loop: no shape lookup).
  double SpanValue(size_t s, int a, int b, int i, int j, const SpanScore& score) const;
  // What crossing paragraph breaks costs the bead a-b ending at (i, j).
  double ParagraphCost(int a, int b, int i, int j) const;
  double BeadValue(size_t s, int i, int j);
  // The value of every shape ending at (i, j) into values[shape] (kNone where the shape does
  // not fit or is implausible); `grown` and `spans` are the caller's scratch.
  void ScoreCell(int i, int j, std::vector<SpanScore>* grown, BeadScorer::SpanScores* spans,
                 double* values) const;
  // Chooses the best bead ending at each cell of row i, given the values of the row's cells'
  // shapes one cell after the other, and records it. Rows above must be filled.
  void FillRow(int i, const double* values);
  int ParagraphCrossings(const std::vector<SentenceFeatures>& side, int begin, int end) const;

  const AlignOptions& options_;
  const std::vector<BeadShape> shapes_;
  const std::vector<double>& chance_;
  const DocumentPairFeatures& features_;
  const bool zh_paragraphs_, en_paragraphs_;
  BeadScorer* scorer_;
  const std::vector<int> lo_, hi_;
  const int n_zh_, n_en_;
  std::vector<std::vector<double>> best_;  // per row, the best total value of each cell
  std::vector<std::vector<int8_t>> from_;  // per row, the shape of the bead ending there
  // shape_of_[a][b]: the index of shape a-b, or -1; max_en_[a]: the longest English side
  // allowed with a Chinese sentences.
  std::vector<std::vector<int>> shape_of_;
  std::vector<int> max_en_;
  std::vector<int> order_;  // shape indices in the order a cell weighs them
  // Per shape, the merge and many-to-many costs Value subtracts (fixed by the options).
  std::vector<double> merge_part_, many_part_;
  // FillRow's scratch: per shape in order_, its English length and the band and best totals
  // of the row its beads start in.
  struct FillStep {
    int shape, en, lo, hi;
    const double* best;
  };
  std::vector<FillStep> fill_steps_;
  int threads_;
  const SentenceChance* sentence_chance_ = nullptr;
  double sentence_chance_weight_ = 0;
  double length_beta_ = 0, length_center_ = 0;
};

}  // namespace tmalign
