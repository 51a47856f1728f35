// Alignment scoring as defined by Sennrich & Volk (2010) and implemented by
// Vecalign and Bertalign: strict (bead identical to a gold bead) and lax (the
// bead overlaps a gold bead on both sides); precision over test beads, recall
// over gold beads, beads with an empty side left out of recall.
#pragma once

#include <vector>

#include "align/bead.h"

namespace tmalign {

struct AlignmentCounts {
  long strict_tp = 0, strict_fp = 0, lax_tp = 0, lax_fp = 0;      // precision side
  long rstrict_tp = 0, rstrict_fn = 0, rlax_tp = 0, rlax_fn = 0;  // recall side
  void Add(const AlignmentCounts& o);
};

struct AlignmentScores {
  double strict_precision = 0, strict_recall = 0, strict_f1 = 0;
  double lax_precision = 0, lax_recall = 0, lax_f1 = 0;
};

// Counts for one document; accumulate with Add() and score the sum (micro-average).
AlignmentCounts CountAlignment(const std::vector<Bead>& gold, const std::vector<Bead>& test);
AlignmentScores ScoreCounts(const AlignmentCounts& counts);

}  // namespace tmalign
