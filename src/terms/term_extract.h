// Term extraction: bilingual term candidates mined from the units of a TM, for an editor
// to review as a glossary.
//
// Chinese candidates (TermMiner): the units' sources segmented with the lexicon; words of
// two characters or more, and phrases of two or three adjacent words (not starting or
// ending with a function character such as 的 or 和) that recur in at least min_count
// units. Domain terms are told from general language by the lexicon's frequencies: a word
// qualifies when the TM uses it at least kMinTermhood times as often as general text does
// (words the frequency list lacks always do); a phrase when one of its words qualifies
// and it is cohesive (it makes up at least a quarter of the units of its rarer word).
// Phrases contained in a longer candidate that occurs nearly as often (90%) are dropped.
//
// Their renderings come from TermUsageCollector (terms/term_usage.h); a pair is scored by
// Dice across units: 2·units with both / (units with the term + units with the
// rendering).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dict/bilingual_lexicon.h"
#include "terms/glossary.h"
#include "terms/term_usage.h"

namespace tmalign {

inline constexpr double kMinTermhood = 20.0;

class TermMiner {
 public:
  TermMiner(const BilingualLexicon& lexicon, int min_count);
  ~TermMiner();
  TermMiner(const TermMiner&) = delete;
  TermMiner& operator=(const TermMiner&) = delete;

  void AddSource(std::string_view source);
  // The recurring domain terms, most units first.
  std::vector<std::string> Candidates() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct ExtractedTerm {
  std::string zh, en;
  std::vector<std::string> variants;  // other renderings used in at least min_count units
  double score = 0;                   // Dice of the pair across units
  int count = 0;                      // units with the pair
  int units = 0, docs = 0;            // units and documents with the term
};

// The pairs of `usage` worth an entry, best first: the term's most used rendering when it
// occurs in at least min_count units, leaving out pairs the glossary already has (the
// rendering, folded, is one of the entry's forms). `top` > 0 keeps only the best `top`.
std::vector<ExtractedTerm> RankExtractedTerms(const std::vector<TermUsage>& usage, const Glossary& glossary,
                                              int min_count, size_t top);

// The glossary TSV (header zh, en, variants, forbidden, case, note; the note holds the
// score, units and documents) that Glossary::LoadTsv reads back.
std::string ExtractedTermsTsv(const std::vector<ExtractedTerm>& terms);

}  // namespace tmalign
