// The hash of the lexicon image's tables (its word slots and its word prefix limits).
#pragma once

#include <cstdint>
#include <string_view>

namespace tmalign {

// FNV-1a with a final avalanche, so the low bits index a power-of-two table well. It is part
// of the image format: a change here needs a new format version.
inline uint64_t LexiconHash(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

}  // namespace tmalign
