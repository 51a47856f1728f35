// Lines of texts and files, for the tests that compare what a document reader extracted
// with the text file it was made from.
#pragma once

#include <string>
#include <vector>

#include "run_binary.h"

namespace tmalign::testing {

// The lines of `text` ("\n" ends a line; no empty last line for a final "\n").
inline std::vector<std::string> TextLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// A text file's lines that are not blank, trimmed as a reader trims a paragraph.
inline std::vector<std::string> NonBlankLines(const std::string& path) {
  std::vector<std::string> lines;
  for (const std::string& line : TextLines(ReadFile(path))) {
    const size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    lines.push_back(line.substr(first, line.find_last_not_of(" \t\r") + 1 - first));
  }
  return lines;
}

}  // namespace tmalign::testing
