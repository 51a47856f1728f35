// SentenceChance: how much of each sentence unrelated text covers by chance, from the
// document's own statistics. A unit whose keys occur in a share p of the other side's
// sentences (the keys' shares summed, at most 1) is covered by n unrelated sentences with
// probability 1 - (1 - p)^n; a sentence's chance coverage is the weighted mean over its
// units, in the scorer's units (the first 256). A sentence of common words is covered
// anywhere, so its coverage proves less than that of a sentence of rare ones; a sentence
// whose words the other side never has cannot be covered by chance at all.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "align/sentence_features.h"

namespace tmalign {

class SentenceChance {
 public:
  // Spans of the other side longer than this count as this long.
  static constexpr int kMaxSpan = 16;
  // Up to this many English sentences, document frequencies say little (each content word
  // is in one sentence or two): the search keeps chance per bead shape there (ChanceCoverage).
  static constexpr int kSmallDocument = 40;
  static bool Applies(const DocumentPairFeatures& f) {
    return f.en.size() > static_cast<size_t>(kSmallDocument);
  }

  // With threads > 1, the two sides are measured at once.
  explicit SentenceChance(const DocumentPairFeatures& f, int threads = 1);
  // Chance coverage summed over Chinese sentences [i0, i1), each by `en_span` English
  // sentences, and the mirror image.
  double Zh(int i0, int i1, int en_span) const { return Sum(zh_, i0, i1, en_span); }
  double En(int j0, int j1, int zh_span) const { return Sum(en_, j0, j1, zh_span); }

 private:
  struct Side {
    int n = 0;
    // [i * kMaxSpan + span - 1]: sum over sentences [0, i). A bead's spans of one sentence are
    // side by side: the search reads them for every shape of a cell.
    std::vector<double> prefix;
  };
  static Side Build(const std::vector<SentenceFeatures>& side, const std::vector<SentenceFeatures>& other,
                    int key_count);
  // Inline: the search asks it twice for every bead it weighs.
  static double Sum(const Side& s, int begin, int end, int span) {
    const size_t column = static_cast<size_t>(std::clamp(span, 1, kMaxSpan) - 1);
    return s.prefix[static_cast<size_t>(end) * kMaxSpan + column] -
           s.prefix[static_cast<size_t>(begin) * kMaxSpan + column];
  }

  Side zh_, en_;
};

}  // namespace tmalign
