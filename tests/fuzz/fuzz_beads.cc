// Fuzz target: the bead files `tmalign eval` reads (align/bead ReadBeadFile) and the scoring
// of one against the other (align/evaluation). The input is the gold file, a line "#", then
// the test file (no "#" line: the input is both).
#include "align/bead.h"
#include "align/evaluation.h"
#include "fuzz_target.h"

namespace tmalign::fuzz::beads {

Status Run(std::string_view input) {
  std::string_view gold_text = input, test_text = input;
  if (size_t cut = input.find("\n#\n"); cut != std::string_view::npos) {
    gold_text = input.substr(0, cut + 1);
    test_text = input.substr(cut + 3);
  }
  InputFile gold_file("beads-gold", "align");
  InputFile test_file("beads-test", "align");
  TMALIGN_RETURN_IF_ERROR(gold_file.Write(gold_text));
  TMALIGN_RETURN_IF_ERROR(test_file.Write(test_text));
  std::vector<Bead> gold, test;
  TMALIGN_RETURN_IF_ERROR(ReadBeadFile(gold_file.path(), &gold));
  TMALIGN_RETURN_IF_ERROR(ReadBeadFile(test_file.path(), &test));
  AlignmentCounts counts = CountAlignment(gold, test);
  counts.Add(CountAlignment(test, gold));
  AlignmentScores scores = ScoreCounts(counts);
  (void)scores;
  return Status::Ok();
}

}  // namespace tmalign::fuzz::beads
