// BilingualLexicon: what the aligner knows of Chinese words, built from
// CC-CEDICT: English stems per headword (simplified and traditional forms),
// toneless pinyin per character, and word frequencies for segmentation.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dict/cedict.h"
#include "util/status.h"

namespace tmalign {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

class BilingualLexicon {
 public:
  struct Word {
    std::vector<int> translations;  // English stem ids, most common sense first
    float log_prob = 0;             // unigram log-probability for segmentation
  };

  // Builds from a CEDICT file and, when `frequency_path` is not empty, a
  // jieba-format word list ("word freq [tag]") that sharpens segmentation.
  static Status Load(const std::string& cedict_path, const std::string& frequency_path,
                     std::unique_ptr<BilingualLexicon>* out);
  static std::unique_ptr<BilingualLexicon> FromCedict(const Cedict& cedict);
  Status AddWordFrequencies(const std::string& path);

  // nullptr when `word` (simplified or traditional) is unknown.
  const Word* FindWord(std::string_view word) const;
  int max_word_bytes() const { return max_word_bytes_; }

  // Toneless lowercase pinyin readings of one character ("wen", "lv"); nullptr if none.
  const std::vector<std::string>* Readings(char32_t c) const;

  // English stems are interned; ids are dense from 0.
  int FindStem(std::string_view stem) const;
  int InternStem(std::string_view stem);
  const std::string& StemText(int id) const { return stems_[static_cast<size_t>(id)]; }
  int stem_count() const { return static_cast<int>(stems_.size()); }

  size_t word_count() const { return words_.size(); }
  std::string_view source() const { return source_; }

 private:
  void AddEntry(const CedictEntry& e);
  Word& WordFor(std::string_view headword);

  StringMap<Word> words_;
  std::unordered_map<char32_t, std::vector<std::string>> readings_;
  StringMap<int> stem_ids_;
  std::vector<std::string> stems_;
  int max_word_bytes_ = 0;
  std::string source_;
};

// Words that carry no translation evidence ("the", "of", "he"); input lowercase.
bool IsEnglishStopword(std::string_view word);

// Splits English text into lowercase words (letters, digits, inner apostrophes;
// hyphens separate, so "alliance-chain" gives two words).
// Calls fn(word) for each.
template <typename Fn>
void ForEachEnglishWord(std::string_view text, Fn fn) {
  std::string word;
  auto flush = [&] {
    while (!word.empty() && word.back() == '\'') word.pop_back();
    if (!word.empty()) fn(std::string_view(word));
    word.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word.push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      word.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == '\'' && !word.empty()) {
      word.push_back(static_cast<char>(c));
    } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
               static_cast<unsigned char>(text[i + 2]) == 0x99 && !word.empty()) {
      word.push_back('\'');  // ’ inside a word ("it’s")
      i += 2;
    } else {
      flush();
    }
  }
  flush();
}

}  // namespace tmalign
