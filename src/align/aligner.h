// Aligner: pairs Chinese and English sentences into beads (1-1, 1-2, 2-1,
// 1-0 ... up to 6 sentences a side), with a confidence per bead.
// Two passes: anchors from rare shared evidence fix a band (anchor_search.h),
// then a dynamic programme over bead types runs inside it, so time and memory
// grow about linearly with the texts; then, unless options.realign is off, the
// programme runs again near the doubtful beads with word pairs learned from the
// confident ones (realign.h).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "align/align_options.h"
#include "align/bead.h"
#include "dict/bilingual_lexicon.h"
#include "util/status.h"

namespace tmalign {

// Where the time of one Align call went (TMALIGN_PROFILE prints it, bench/align reads it).
struct AlignProfile {
  struct Phase {
    std::string name;
    double seconds = 0;      // wall
    double cpu_seconds = 0;  // of the whole process, all threads: cpu / wall shows how parallel it ran
  };
  std::vector<Phase> phases;  // in order
  size_t anchors = 0;
  int64_t band_cells = 0;                            // dynamic-programming cells searched
  int redecode_stretches = 0, redecode_changed = 0;  // the local re-decoding's (align/local_redecode.h)
  double length_rms_z = 0, length_scale = 1;         // the anchors' length spread (align/length_spread.h)
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
  // `profile`, when given, receives the time of each phase.
  Status Align(const AlignInput& input, std::vector<Bead>* beads, AlignProfile* profile = nullptr) const;

 private:
  const BilingualLexicon& lexicon_;
  AlignOptions options_;
};

}  // namespace tmalign
