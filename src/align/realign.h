// Realign: the aligner's last pass, after the banded search (as hunalign's realign). Words that the
// dictionary does not link but that keep meeting in the confident beads of the first alignment become
// translations of each other for this document, and the search runs again near the first
// path where they occur.
#pragma once

#include <optional>
#include <vector>

#include "align/align_options.h"
#include "align/bead.h"
#include "align/bead_scorer.h"
#include "align/sentence_chance.h"
#include "align/sentence_features.h"
#include "util/status.h"

namespace tmalign {

// The word pairs learned, and the sentences that got a new key from them.
struct LearnedAssociations {
  int pairs = 0;
  int first_key = 0;                         // the pairs' keys are first_key, first_key + 1 ...
  std::vector<char> zh_touched, en_touched;  // per sentence
};

// Learns word associations from `beads` (the banded search's over `features`) and adds each as
// a key of its own to every unit of its two words. Counted per bead, among the units that
// the other side of the bead leaves uncovered, over the beads with both sides and confidence
// >= options.realign_confidence: a pair is kept when it meets in at least
// options.realign_min_count beads with a Dice coefficient of at least
// options.realign_min_dice. Thresholds only, so what is learned does not depend on how
// words and keys are numbered.
LearnedAssociations AddLearnedAssociations(const std::vector<Bead>& beads, const AlignOptions& options,
                                           DocumentPairFeatures* features);

// The band of the realign pass, inside the banded search's band [band_lo, band_hi]: the cells
// of the first path, widened by `half_width` either side in the rows that are open: near a
// bead of confidence under `confident` (within half_width rows) and near a touched
// sentence (a Chinese one within half_width rows, or an English one within half_width of
// the path); elsewhere the path alone, which the realign pass then keeps. lo and hi never
// decrease and a path always exists. open_rows[r] (n_zh + 1 rows) says which rows are open.
void BandAroundPath(const std::vector<Bead>& beads, const LearnedAssociations& learned, int half_width,
                    double confident, const std::vector<int>& band_lo, const std::vector<int>& band_hi,
                    std::vector<int>* lo, std::vector<int>* hi, std::vector<char>* open_rows);

// The realign pass: learns word pairs from `beads` (the banded search's, searched in [band_lo, band_hi]
// with `scorer`, whose masks cover that band, and `first_chance`, the chance coverage per
// shape of BeadShapes(options), unused where SentenceChance applies), refreshes the masks the
// new keys change, and searches again in BandAroundPath's band (with SentenceChance from the
// updated features where it applies); *beads is replaced when anything was learned near a
// doubtful bead. `features` and `scorer` are the banded search's, updated in place; so is
// `sentence_chance` (when given and anything was learned: the chance of the updated features,
// where SentenceChance applies), for a later pass to value beads as this one did. The pairs
// are AddLearnedAssociations's, then the translation model's (align/translation_model.h) as
// keys added the same way.
Status Realign(const AlignOptions& options, const std::vector<int>& band_lo, const std::vector<int>& band_hi,
               const std::vector<double>& first_chance, bool zh_paragraphs, bool en_paragraphs,
               DocumentPairFeatures* features, BeadScorer* scorer, std::vector<Bead>* beads,
               std::optional<SentenceChance>* sentence_chance = nullptr);

}  // namespace tmalign
