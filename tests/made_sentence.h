// SentenceFeatures (and beads) made by hand for the aligner's tests: unit u is word words[u] with keys
// keys[u] and weight weights[u] (1 when no weights are given); key_set holds the distinct
// keys, total_weight the weights' sum, and each word counts 10 characters of length.
#pragma once

#include <algorithm>
#include <functional>
#include <vector>

#include "align/bead.h"
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

// One side of a sentence pair being made: its words and each word's keys.
struct MadeSide {
  std::vector<int> words;
  std::vector<std::vector<int>> keys;
  void Add(int word, std::vector<int> word_keys) {
    words.push_back(word);
    keys.push_back(std::move(word_keys));
  }
};

// n sentence pairs in which Chinese word k and English word 1000 + k share key k (pair k);
// `extra` adds words to pair k's sides. key_count is 700 (keys under it are free for the
// extras), and the length ratio 1.
inline DocumentPairFeatures MadePairs(int n,
                                      const std::function<void(int k, MadeSide* zh, MadeSide* en)>& extra) {
  DocumentPairFeatures f;
  for (int k = 0; k < n; ++k) {
    MadeSide zh, en;
    zh.Add(k, {k});
    en.Add(1000 + k, {k});
    extra(k, &zh, &en);
    f.zh.push_back(MadeSentence(zh.words, zh.keys));
    f.en.push_back(MadeSentence(en.words, en.keys));
  }
  f.key_count = 700;
  f.en_per_zh_chars = 1.0;
  return f;
}

// The beads 0-0, 1-1, … (n of them), each with `confidence`.
inline std::vector<Bead> DiagonalBeads(int n, double confidence) {
  std::vector<Bead> beads;
  for (int k = 0; k < n; ++k) beads.push_back(Bead{{k}, {k}, confidence});
  return beads;
}

}  // namespace tmalign::testing
