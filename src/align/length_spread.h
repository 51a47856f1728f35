// How freely a translation's lengths follow the original, measured on the document itself.
// A close translation (a bulletin, most novels) keeps each sentence's length near the
// document's ratio and the length term can be trusted; a freely restructured one (a
// translator who splits, joins and retells) does not, and there the length term should give
// way to the words. The anchors (align/anchor_search.h) are 1-1 pairs found by rare shared
// words before any bead is scored, so their length deviations sample how far this translation
// strays. Their choice leans a little toward plausible lengths (a term in the anchor weight),
// so the spread is read against a reference measured the same way, never in absolute terms.
#pragma once

#include <vector>

#include "align/anchor_search.h"
#include "align/bead_scorer.h"

namespace tmalign {

struct LengthSpread {
  int anchors = 0;     // anchors measured
  double rms_z = 0;    // root mean square of their length_z (0 when too few)
  double scale = 1.0;  // factor on the length weight: (reference / rms_z)^2, clamped
};

// Fewer anchors than this say too little: the scale stays 1.
inline constexpr int kMinSpreadAnchors = 20;
// The scale never leaves [kMinLengthScale, kMaxLengthScale]: a document whose anchors all
// agree exactly is still not allowed to let length overrule the words, nor the reverse.
inline constexpr double kMinLengthScale = 0.5;
inline constexpr double kMaxLengthScale = 2.0;

// The spread of the anchors' length_z and the length weight's scale for a document whose
// anchors spread like `reference_rms_z` (scale 1 there). reference_rms_z <= 0: scale 1.
LengthSpread MeasureLengthSpread(const std::vector<Anchor>& anchors, const BeadScorer& scorer,
                                 double reference_rms_z);

}  // namespace tmalign
