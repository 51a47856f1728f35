// Aligning many document pairs at once (a folder of back issues): the dictionary is
// loaded once by the caller and shared, pairs align in parallel, results come back in
// the order of the pairs, whatever the number of threads.
#pragma once

#include <functional>
#include <vector>

#include "align/document_alignment.h"
#include "dict/bilingual_lexicon.h"
#include "doc/folder_pairs.h"
#include "util/status.h"

namespace tmalign {

struct PairAlignment {
  Status status;             // why the pair failed, or Ok
  AlignedDocument document;  // the alignment, when status is Ok
};

// Aligns pairs[i].zh_path (source) with pairs[i].en_path (target) for every i on `jobs`
// threads (at least 1) and calls `on_done(i, result)` on the calling thread for i = 0, 1, 2 ...
// in order, as soon as pair i and all before it are done. `lexicon` is only read. A pair
// that fails does not stop the others. `stop` (optional; called from every thread) is asked
// before a pair starts and while waiting for a result: once it says true, no pair starts,
// the pairs under way are finished and dropped, and AlignPairs returns without calling
// on_done again.
void AlignPairs(const std::vector<FilePair>& pairs, const BilingualLexicon& lexicon,
                const DocumentAlignmentOptions& options, int jobs,
                const std::function<void(size_t index, PairAlignment&& result)>& on_done,
                const std::function<bool()>& stop = {});

}  // namespace tmalign
