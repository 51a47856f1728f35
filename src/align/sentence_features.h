// SentenceFeatures: what the bead scorer compares. Each sentence becomes
// weighted "units" (a Chinese word, an English word, a number, a name); a unit
// carries keys, and two sides match where a unit's key appears on the other
// side: an English stem from the dictionary, toneless pinyin (叶文洁 / "Ye
// Wenjie"), a number value (二十八 / 28), a Latin token kept in Chinese text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dict/bilingual_lexicon.h"

namespace tmalign {

struct FeatureUnit {
  float weight = 0;        // inverse document frequency of the unit's word
  uint32_t key_begin = 0;  // [key_begin, key_end) in SentenceFeatures::keys
  uint32_t key_end = 0;
  int word_id = 0;  // per-side id of the word, for document frequency
};

struct SentenceFeatures {
  std::vector<FeatureUnit> units;
  std::vector<int> keys;     // dense document-pair key ids, grouped by unit
  std::vector<int> key_set;  // the unique keys of all units, in the order first met
  float total_weight = 0;
  int length = 0;  // characters without spaces (Chinese) / letters and digits (English)
  int paragraph = 0;
};

struct DocumentPairFeatures {
  std::vector<SentenceFeatures> zh, en;
  int key_count = 0;
  double en_per_zh_chars = 3.0;  // the pair's own length ratio
};

// How many word ids `side` uses (one more than the largest; ids are dense per side).
int WordIdCount(const std::vector<SentenceFeatures>& side);

// Extracts features for both sides with one shared key space.
// `zh_paragraphs` / `en_paragraphs` may be empty (presplit input: no paragraphs). Both
// sides are extracted in chunks (one a thread and side, at least `chunk_sentences`) on
// `threads` threads; what the aligner sees does not depend on either (key and word ids
// are numbered differently, nothing else).
class FeatureExtractor {
 public:
  explicit FeatureExtractor(const BilingualLexicon& lexicon) : lexicon_(lexicon) {}
  void Extract(const std::vector<std::string>& zh, const std::vector<int>& zh_paragraphs,
               const std::vector<std::string>& en, const std::vector<int>& en_paragraphs,
               DocumentPairFeatures* out, int threads = 1, int chunk_sentences = 1500) const;

 private:
  const BilingualLexicon& lexicon_;
};

}  // namespace tmalign
