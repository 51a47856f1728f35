// Chinese word segmentation with a real lexicon: ICU's dictionary breaker
// splits 区块链 into 区块|链; the lexicon (CC-CEDICT headwords, weighted by
// jieba's word frequencies when available) keeps such words whole.
#pragma once

#include <string_view>
#include <vector>

#include "dict/bilingual_lexicon.h"

namespace tmalign {

struct ChineseToken {
  std::string_view text;  // view into the input
  bool is_han;            // a run of Han characters from the lexicon, or a single unknown one
};

// Segments `text`: Han runs by the most probable word sequence (unigram
// model), Latin letters and digits as whole runs; spaces and punctuation dropped.
std::vector<ChineseToken> SegmentChinese(std::string_view text, const BilingualLexicon& lexicon);
// The same into *out (cleared first): a caller segmenting many sentences keeps its memory.
void SegmentChinese(std::string_view text, const BilingualLexicon& lexicon, std::vector<ChineseToken>* out);

}  // namespace tmalign
