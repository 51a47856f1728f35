// Aligner: pairs Chinese and English sentences into beads (1-1, 1-2, 2-1,
// 1-0 ... up to 6 sentences a side), with a confidence per bead.
// Two passes: anchors from rare shared evidence fix a band (anchor_search.h),
// then a dynamic programme over bead types runs inside it, so time and memory
// grow about linearly with the texts.
#pragma once

#include <string>
#include <vector>

#include "align/bead.h"
#include "dict/bilingual_lexicon.h"
#include "util/status.h"

namespace tmalign {

struct AlignOptions {
  int max_side = 6;          // most sentences on one side of a bead
  int max_total = 7;         // most sentences in one bead, both sides
  int max_fan = 12;          // 1-n and n-1 beads may grow this far (a list rendered as one sentence); at most 16
  int band_half_width = 12;  // sentences either side of the anchor line
  double skip_cost = 0.6;    // value of a 1-0 / 0-1 bead, negated
  double merge_cost = 0.3;   // per sentence beyond a 1-1, for the first few
  int merge_cost_cap = 5;    // sentences after which a merge costs nothing more
  double many_to_many_cost = 0.5;  // per sentence beyond one on the smaller side (2-2, 2-3 ...): rare in translation
  double length_weight = 0.15;
  // Sentences beyond the first pair earn this share of a bead's credit: at full
  // credit, merging an untranslated sentence into a strong bead pays better than
  // marking it 1-0.
  double size_credit = 0.5;
  double paragraph_cost = 1.5;  // for a bead that crosses a paragraph break on one side
};

struct AlignInput {
  std::vector<std::string> zh, en;
  // Paragraph index per sentence; empty when the input was presplit (no paragraphs known).
  std::vector<int> zh_paragraphs, en_paragraphs;
};

class Aligner {
 public:
  // Bead sizes are clamped to what the scorer handles: max_side <= 8, max_fan <= 16.
  Aligner(const BilingualLexicon& lexicon, AlignOptions options = {});
  // Beads in order; src ids are Chinese sentence ids, tgt ids English. Every
  // sentence appears in exactly one bead. Either side may be empty (all skips).
  Status Align(const AlignInput& input, std::vector<Bead>* beads) const;

 private:
  const BilingualLexicon& lexicon_;
  AlignOptions options_;
};

}  // namespace tmalign
