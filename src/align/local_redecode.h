// Local re-decoding, the aligner's last pass: the doubtful stretches of the path are decoded again,
// every segmentation of each, with a bead value the whole search does not use: the length cost of
// a bead weighted by its lexical evidence (BandedSearch::UseConditionedLength). A well-translated
// bead whose length is off (a free translation) is then not "fixed" by merging a neighbouring
// sentence with no translation of its own into it, which is how omissions were lost.
#pragma once

#include <vector>

#include "align/align_options.h"
#include "align/banded_search.h"
#include "align/bead.h"
#include "align/bead_scorer.h"

namespace tmalign {

// The stretches to decode again, as ranges [first, last) of `beads`: each bead of confidence under
// options.redecode_doubt, or with two or more sentences on a side and confidence under
// options.redecode_merged_doubt, with one bead either side; stretches that meet are joined while
// they hold at most options.redecode_max_zh Chinese and redecode_max_en English sentences.
// Disjoint and in order.
std::vector<std::pair<int, int>> DoubtfulStretches(const std::vector<Bead>& beads,
                                                   const AlignOptions& options);

struct RedecodeStats {
  int stretches = 0;  // decoded again
  int changed = 0;    // of which a segmentation beat the path's own
};

// Decodes each stretch of `beads` (the search's path through the scorer's document) again: every
// segmentation of the stretch into beads of at most options.redecode_max_a Chinese and
// redecode_max_b English sentences (shapes `valuer` allows), valued as `valuer` values them less
// options.redecode_position_weight times the bead's position penalty (align/position_agreement.h),
// the stretch's ends kept. The stretch's beads are replaced when a segmentation beats their own value
// (under the same valuer); a new bead's confidence comes from that value. `valuer` should weigh
// lengths by evidence (UseConditionedLength). Stretches are independent and are decoded on
// `threads` threads; the beads do not depend on the number. The scorer's rows of each stretch are
// prepared again for the stretch's own columns: the search's masks are not read afterwards.
RedecodeStats Redecode(const BandedSearch& valuer, const AlignOptions& options, int threads,
                       BeadScorer* scorer, std::vector<Bead>* beads);

}  // namespace tmalign
