// Fuzz target: the HTML reader (doc/html_reader, doc/html_markup): charset, flattening of
// deep markup, gumbo, paragraphs.
#include "doc/readers.h"
#include "fuzz_target.h"

namespace tmalign::fuzz::html {

Status Run(std::string_view input) {
  DocumentReadOptions options;
  std::vector<Paragraph> paragraphs;
  std::string encoding;
  return ReadHtml("fuzz-input.html", input, options, &paragraphs, &encoding);
}

}  // namespace tmalign::fuzz::html
