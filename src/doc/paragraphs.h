// The readers' common output: paragraphs in reading order, and how they become
// DocumentText::utf8 (one a line).
#pragma once

#include <string>
#include <vector>

namespace tmalign {

struct Paragraph {
  std::string text;  // UTF-8; may hold line breaks and runs of white space (folded later)
  int page = 0;      // PDF: 1-based page; else 0
};

// Joins paragraphs one a line: white space inside a paragraph (line breaks, tabs, runs of
// spaces, no-break spaces) becomes one space, soft hyphens (U+00AD) go, the paragraph is
// trimmed, and empty paragraphs are dropped. Sets *pages when any paragraph has a page.
void JoinParagraphs(const std::vector<Paragraph>& paragraphs, std::string* utf8, std::vector<int>* pages);

}  // namespace tmalign
