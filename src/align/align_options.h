// The aligner's tuning: bead sizes, the band, and the costs that set one bead shape against
// another. The defaults are what bench/align was measured with.
#pragma once

namespace tmalign {

struct AlignOptions {
  int max_side = 6;   // most sentences on one side of a bead
  int max_total = 7;  // most sentences in one bead, both sides
  int max_fan = 12;   // 1-n and n-1 beads may grow this far (a list rendered as one sentence); at most 16
  int band_half_width = 8;   // sentences either side of the anchor line, plus half the gap between anchors
  double skip_cost = 0.55;   // value of a 1-0 / 0-1 bead, negated
  double merge_cost = 0.35;  // per sentence beyond a 1-1, for the first few
  int merge_cost_cap = 5;    // sentences after which a merge costs nothing more
  // Per sentence beyond one on the smaller side (2-2, 2-3 ...): rarer in translation than
  // 1-n beads. Every sentence is credited with its own coverage, so a many-to-many bead
  // no longer needs a high cost to keep it from absorbing a neighbour.
  double many_to_many_cost = 0.25;
  double length_weight = 0.15;
  // The length weight is scaled per document by (length_spread_reference / the RMS of the
  // anchors' length_z)^2 (align/length_spread.h): a translation whose 1-1 anchors stray
  // further from the document's length ratio than a typical novel's weighs length less.
  // 0.69 is MAC-Dev's median text (0.24 in log length ratio); 0: a fixed weight.
  double length_spread_reference = 0.69;
  // The share of a sentence's own chance coverage (align/sentence_chance.h) it must beat to
  // earn credit in a bead (documents of over 40 English sentences). The expected coverage by
  // unrelated sentences is an upper bound of what neighbours that are not its translation
  // give; MAC-Dev and the drop test are best and flat from 0.4 to 0.8.
  double sentence_chance_weight = 0.6;
  double paragraph_cost = 1.5;  // for a bead that crosses a paragraph break on one side
  // The realign pass (align/realign.h): word pairs learned from the first alignment's beads of at
  // least this confidence, meeting in at least min_count of them with this Dice coefficient;
  // searched again realign_band sentences either side of the first path, near its beads
  // under that confidence.
  bool realign = true;
  double realign_confidence = 0.8;
  int realign_min_count = 2;
  double realign_min_dice = 0.5;
  int realign_band = 3;
  // Local re-decoding (align/local_redecode.h), after the search: the stretches around beads under
  // redecode_doubt and merged beads under redecode_merged_doubt (one bead either side, joined up
  // to redecode_max_zh / _en sentences) are decoded again with every segmentation into beads of
  // at most redecode_max_a Chinese and redecode_max_b English sentences, the length cost of each
  // bead weighted by its lexical evidence: length_weight * max(0, 1 - redecode_length_beta * (c -
  // redecode_length_center)), c the smaller of the two sides' mean sentence coverage.
  bool redecode = true;
  double redecode_doubt = 0.8;
  double redecode_merged_doubt = 0.9;
  int redecode_max_zh = 8;
  int redecode_max_en = 10;
  int redecode_max_a = 3;
  int redecode_max_b = 4;
  double redecode_length_beta = 1.0;
  double redecode_length_center = 0.4;
  // Weight of a bead's position penalty (align/position_agreement.h) in the re-decoding: a
  // segmentation whose beads match words far from where they stand loses to one that keeps the
  // order (0: off).
  double redecode_position_weight = 0.5;
  // Threads for the match masks (0: all cores). The beads do not depend on it; folder
  // alignment sets 1 when it already runs one pair per core.
  int threads = 0;
  // Fewest sentences in a chunk of feature extraction (chunks of both sides run on the
  // threads; a small text is one chunk a side). The beads do not depend on it.
  int feature_chunk = 1500;
};

}  // namespace tmalign
