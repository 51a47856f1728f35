#include "dict/word_prefix_limits.h"

#include <algorithm>

#include "dict/lexicon_hash.h"
#include "text/utf8.h"

namespace tmalign {

size_t WordPrefixBucket(std::string_view first_two_chars) {
  return static_cast<size_t>(LexiconHash(first_two_chars) & (kWordPrefixBuckets - 1));
}

void AddWordPrefix(std::string_view word, uint8_t* limits) {
  size_t pos = 0, second_end = 0;
  int chars = 0;
  while (pos < word.size()) {
    NextCodePoint(word, &pos);
    if (++chars == 2) second_end = pos;
  }
  if (chars < 2) return;
  uint8_t& limit = limits[WordPrefixBucket(word.substr(0, second_end))];
  limit = static_cast<uint8_t>(std::max<int>(limit, std::min(chars, 255)));
}

}  // namespace tmalign
