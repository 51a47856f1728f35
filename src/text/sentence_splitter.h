// Sentence splitting for Chinese and English bulletins.
// Line breaks are hard boundaries: every non-blank input line is a paragraph,
// and no sentence spans two lines.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/language.h"

namespace tmalign {

struct Sentence {
  std::string text;  // verbatim, trimmed of surrounding whitespace; never empty
  int paragraph;     // 0-based index among the non-blank input lines
  int line;          // 1-based input line where the sentence starts
  int column;        // 1-based column (in code points) where the sentence starts
};

// Splits UTF-8 text ("\n" line ends) into sentences, in order. Nothing but
// whitespace between sentences is dropped. kZh uses Chinese punctuation rules;
// kEn (and kUnknown) uses ICU sentence breaks plus abbreviation repairs.
// Linear in the input size.
std::vector<Sentence> SplitSentences(std::string_view utf8, Language lang);

}  // namespace tmalign
