// WordNet: the English lexical knowledge CC-CEDICT's glosses lack, read from
// WordNet 3.0's database files (Debian's wordnet-base: index.*, data.*, *.exc
// under /usr/share/wordnet). Two things are used: the exception lists, which
// give the base forms of irregular inflections ("saw" -> "see", "men" -> "man"),
// and synsets, which give a gloss word's synonyms in its most frequent senses.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dict/bilingual_lexicon.h"
#include "util/status.h"

namespace tmalign {

class WordNet {
 public:
  enum Pos { kNoun, kVerb, kAdj, kAdv, kPosCount };

  // Reads the database in `dir`. NotFound when the folder or one of its files is
  // missing; InvalidInput naming FILE:LINE when a line is malformed.
  static Status Load(const std::string& dir, std::unique_ptr<WordNet>* out);

  // The base forms of an irregular form (lowercase), in the lists' order;
  // empty when `form` is in no exception list.
  std::vector<std::string_view> BaseForms(std::string_view form) const;

  // Every irregular form with its base forms, in the lists' order (nouns, verbs,
  // adjectives, adverbs).
  const std::vector<std::pair<std::string_view, std::string_view>>& irregular_forms() const {
    return irregular_;
  }

  // Appends to `out` the single-word, lowercase lemmas other than `lemma` of the
  // synsets of `lemma` as `pos` among its first `max_senses` senses (WordNet orders
  // senses by frequency), each once, in order of sense then of the synset's lemmas.
  // Only synsets in which `lemma` is among the first `max_rank` lemmas count (a
  // word far down a synset's list is a rare name for that sense).
  void Synonyms(std::string_view lemma, Pos pos, int max_senses, int max_rank,
                std::vector<std::string>* out) const;

 private:
  struct IndexEntry {
    std::vector<uint32_t> offsets;  // synsets, most frequent sense first
  };
  std::string data_[kPosCount];  // data.* files, addressed by synset offset
  StringMap<IndexEntry> index_[kPosCount];
  std::vector<std::string> exception_text_;  // owns the bytes irregular_ points into
  std::vector<std::pair<std::string_view, std::string_view>> irregular_;
  StringMap<std::vector<size_t>> irregular_index_;  // form -> positions in irregular_
};

// Where Debian's wordnet-base puts the database.
inline constexpr const char* kDefaultWordNetDir = "/usr/share/wordnet";

}  // namespace tmalign
