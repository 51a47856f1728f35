// BilingualLexicon: what the aligner knows of Chinese words, built from
// CC-CEDICT: English stems per headword (simplified and traditional forms),
// toneless pinyin per character, and word frequencies for segmentation.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
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

class LexiconImage;
struct LexiconSourceKey;
class WordNet;

class BilingualLexicon {
 public:
  // A view of one headword; valid as long as the lexicon.
  struct Word {
    std::span<const int> translations;  // English stem ids, most common sense first
    // Stem ids of WordNet synonyms of the glosses ("to shout" -> "yell"), none of them
    // among `translations`; empty when the lexicon was built without WordNet.
    std::span<const int> synonyms;
    float log_prob = 0;  // unigram log-probability for segmentation
  };

  // Toneless readings of one character, as views valid as long as the lexicon.
  class ReadingList {
   public:
    static constexpr size_t kMax = 6;
    const std::string_view* begin() const { return items_.data(); }
    const std::string_view* end() const { return items_.data() + size_; }
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    std::string_view operator[](size_t i) const { return items_[i]; }

   private:
    friend class BilingualLexicon;
    std::array<std::string_view, kMax> items_;
    size_t size_ = 0;
  };

  BilingualLexicon();
  ~BilingualLexicon();

  // Builds from a CEDICT file and, when `frequency_path` is not empty, a
  // jieba-format word list ("word freq [tag]") that sharpens segmentation, and,
  // when `wordnet_dir` is not empty, WordNet's synonyms and irregular forms
  // (dict/wordnet.h; a WordNet that cannot be read is an error).
  // The result is compiled into CachePath(cedict_path) (when that folder is
  // writable) and later Loads map that cache instead of parsing, as long as
  // the sources keep their sizes and mtimes. TMALIGN_NO_LEXICON_CACHE=1
  // disables reading and writing it.
  static Status Load(const std::string& cedict_path, const std::string& frequency_path,
                     std::unique_ptr<BilingualLexicon>* out, const std::string& wordnet_dir = "");
  // `wordnet` may be null: no synonyms and no irregular forms.
  static std::unique_ptr<BilingualLexicon> FromCedict(const Cedict& cedict, const WordNet* wordnet = nullptr);
  // Only for a lexicon built by FromCedict (a cached one is immutable): Internal otherwise.
  Status AddWordFrequencies(const std::string& path);

  // Adds a glossary term (联盟链 -> "alliance chain") as a word of its own, so
  // segmentation keeps it whole and its rendering counts as a translation.
  // Works on a cached lexicon too (terms live beside the image).
  void AddTerm(std::string_view zh, std::string_view english);

  // Where Load keeps the compiled form of `cedict_path`.
  static std::string CachePath(const std::string& cedict_path);
  // True when this lexicon was mapped from the cache rather than parsed.
  bool from_cache() const { return image_ != nullptr; }

  // nullopt when `word` (simplified or traditional) is unknown.
  std::optional<Word> FindWord(std::string_view word) const;
  // A hint that FindWord(word) comes soon (a mapped lexicon starts loading its memory).
  void PrefetchWord(std::string_view word) const;
  int max_word_bytes() const;
  // The most characters a word (or term) starting with `first_two_chars` (exactly two
  // characters) may have; 0 when none of two or more characters does. Never too small, so
  // a segmenter may skip longer substrings (dict/word_prefix_limits.h).
  int MaxWordCharsFrom(std::string_view first_two_chars) const;

  // Toneless lowercase pinyin readings of one character ("wen", "lv"); empty if none.
  ReadingList Readings(char32_t c) const;

  // Stem ids of the base forms of an irregular English form ("saw" -> the stem of
  // "see"); empty when `form` (lowercase) is regular or WordNet was not loaded.
  std::span<const int> IrregularBaseStems(std::string_view form) const;

  // English stems are interned; ids are dense from 0.
  int FindStem(std::string_view stem) const;
  // Adds a stem (building only; ids of a cached lexicon's stems never change).
  int InternStem(std::string_view stem);
  std::string_view StemText(int id) const;
  int stem_count() const;

  size_t word_count() const;
  std::string_view source() const { return source_; }

 private:
  struct Entry {
    std::vector<int> translations;
    std::vector<int> synonyms;
    float log_prob = 0;
  };
  std::optional<Word> FindWordOutsideTerms(std::string_view word) const;
  void AddEntry(const CedictEntry& e, const WordNet* wordnet);
  Entry& WordFor(std::string_view headword);
  // Compiles the maps into `path`; failures only mean no cache.
  void WriteCache(const std::string& path, const LexiconSourceKey& key) const;

  // Either image_ (a mapped cache) or the maps below hold the words and readings.
  std::unique_ptr<LexiconImage> image_;
  StringMap<Entry> words_;
  StringMap<Entry> terms_;                 // glossary terms, looked up before everything else
  StringMap<std::vector<int>> irregular_;  // irregular English form -> base form stems (not in image_)
  std::unordered_map<char32_t, std::vector<std::string>> readings_;
  // Stems: ids below image_stem_count_ live in image_, the rest here.
  int image_stem_count_ = 0;
  StringMap<int> stem_ids_;
  std::vector<std::string> stems_;
  int max_word_bytes_ = 0;
  // Prefix limits of words_ and terms_ (the image has its own); empty until one is added.
  std::vector<uint8_t> prefix_limits_;
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
