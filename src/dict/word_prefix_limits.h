// Word prefix limits: for the first two characters of a word, the most characters any
// lexicon word starting with them has, so segmentation looks up only the substrings that
// can be words. A table of kWordPrefixBuckets bytes indexed by a hash of the two
// characters; a bucket shared by several prefixes keeps the largest, so a limit is never
// too small (segmentation is the same as with every lookup) and a miss costs one byte of
// a table small enough to stay in cache, not a probe of the lexicon's hash table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace tmalign {

inline constexpr size_t kWordPrefixBuckets = size_t{1} << 19;

// The bucket of a word's first two characters (UTF-8, exactly two code points).
size_t WordPrefixBucket(std::string_view first_two_chars);

// Records `word` (UTF-8) in `limits` (kWordPrefixBuckets bytes): words of fewer than two
// characters are not recorded (single characters are always looked up); lengths are
// capped at 255.
void AddWordPrefix(std::string_view word, uint8_t* limits);

}  // namespace tmalign
