// PositionAgreement: whether a bead's words meet where they stand. A translation keeps the
// order of its sentences' content at the scale of a bead: the words of a bead's first English
// sentence translate words near the start of its Chinese span, those of its last sentence words
// near the end. Coverage is a bag of words and cannot tell which of two neighbouring beads an
// English sentence at their boundary belongs to when both hold its words (a name, a recurring
// noun); where the matched words stand can.
//
// For a bead, each unit's position is its place in the span (characters of the sentences before
// it plus its share of its own sentence, over the span's characters: units are in text order),
// and a matched unit's distance is the gap to the nearest unit of the other side that shares a
// key with it. The penalty is the sum over the bead's sentences, both sides, of the weighted
// distances of its matched units over the sentence's whole weight (its coverage times their
// mean distance): 0 when nothing is matched, growing when a sentence's words are matched only
// far from where the sentence stands.
#pragma once

#include <cstdint>
#include <vector>

#include "align/bead_scorer.h"
#include "align/sentence_features.h"

namespace tmalign {

class PositionAgreement {
 public:
  // For beads inside zh [i0, i1) x en [j0, j1): the unit pairs that share a key, per sentence
  // pair, found once with the thread's key tables (`scratch`, BeadScorer::NewScratch(), made
  // after any keys were added). Units beyond BeadScorer::kMaxUnits are left out, as the scorer
  // does.
  PositionAgreement(const DocumentPairFeatures& f, int i0, int i1, int j0, int j1,
                    BeadScorer::Scratch* scratch);

  // The penalty of the bead zh [a0, a1) x en [b0, b1), inside the stretch; 0 for a bead with an
  // empty side. Uses scratch of the object: one thread at a time.
  double Penalty(int a0, int a1, int b0, int b1) const;

 private:
  struct Sentence {
    int length = 1;              // characters, at least 1
    double weight = 0;           // its units' total weight
    std::vector<float> weights;  // per unit
    std::vector<float> place;    // per unit: (u + 0.5) / units, its share of the sentence
  };
  struct Link {
    uint16_t zh_unit, en_unit;
  };

  int i0_, j0_, j1_;
  std::vector<Sentence> zh_, en_;
  // The links of each (zh, en) sentence pair of the stretch, pair (i - i0) * (j1 - j0) + (j - j0)
  // at [link_start_[pair], link_start_[pair + 1]).
  std::vector<Link> links_;
  std::vector<uint32_t> link_start_;
  // Scratch for Penalty (so one object serves one thread): the nearest distance found per unit,
  // per sentence of the stretch, and where the bead's sentences start.
  mutable std::vector<std::vector<float>> zh_best_, en_best_;
  mutable std::vector<double> zh_start_, en_start_;
};

}  // namespace tmalign
