// Anchor search: the first, coarse pass. Finds 1-1 sentence pairs that share
// rare evidence (names, numbers, rare words) anywhere in the two texts, keeps
// the heaviest monotone chain of them, and turns it into a band that the
// bead search then explores. Time about linear in the text length.
#pragma once

#include <vector>

#include "align/bead_scorer.h"
#include "align/sentence_features.h"

namespace tmalign {

struct Anchor {
  int zh;
  int en;
  double weight;
};

// The chain of anchors, increasing on both sides. Candidates are looked for on `threads`
// threads; the chain does not depend on their number.
std::vector<Anchor> FindAnchors(const DocumentPairFeatures& f, const BeadScorer& scorer, int threads = 1);

// For each zh prefix length i in [0, N]: the allowed en prefix lengths
// [lo[i], hi[i]], a band of half-width `half_width` around the line through
// the anchors; lo and hi never decrease.
void BandFromAnchors(const std::vector<Anchor>& anchors, int n_zh, int n_en, int half_width,
                     std::vector<int>* lo, std::vector<int>* hi);

}  // namespace tmalign
