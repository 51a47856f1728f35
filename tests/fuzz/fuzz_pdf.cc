// Fuzz target: the PDF reader (doc/pdf_reader on poppler-cpp): text, reading order, running
// lines, paragraphs.
#include "doc/readers.h"
#include "fuzz_target.h"

namespace tmalign::fuzz::pdf {

Status Run(std::string_view input) {
  DocumentReadOptions options;
  std::vector<Paragraph> paragraphs;
  return ReadPdf("fuzz-input.pdf", input, options, &paragraphs);
}

}  // namespace tmalign::fuzz::pdf
