// SentenceFeatures made by hand for the aligner's tests: unit u is word words[u] with keys
// keys[u] and weight weights[u] (1 when no weights are given); key_set holds the distinct
// keys, total_weight the weights' sum, and each word counts 10 characters of length.
#pragma once

#include <algorithm>
#include <vector>

#include "align/sentence_features.h"

namespace tmalign::testing {

inline SentenceFeatures MadeSentence(const std::vector<int>& words, const std::vector<std::vector<int>>& keys,
                                     const std::vector<float>& weights = {}) {
  SentenceFeatures s;
  for (size_t u = 0; u < words.size(); ++u) {
    FeatureUnit unit;
    unit.word_id = words[u];
    unit.weight = weights.empty() ? 1.0f : weights[u];
    unit.key_begin = static_cast<uint32_t>(s.keys.size());
    s.keys.insert(s.keys.end(), keys[u].begin(), keys[u].end());
    unit.key_end = static_cast<uint32_t>(s.keys.size());
    s.units.push_back(unit);
    s.total_weight += unit.weight;
  }
  s.key_set = s.keys;
  std::sort(s.key_set.begin(), s.key_set.end());
  s.key_set.erase(std::unique(s.key_set.begin(), s.key_set.end()), s.key_set.end());
  s.length = 10 * static_cast<int>(words.size());
  return s;
}

}  // namespace tmalign::testing
