// Term usage: how the units of a TM rendered each Chinese term ("how did we render
// 四个强化 in the back issues?"), with the glossary status of each rendering.
//
// The caller streams the units twice (the TM layer owns the reading):
//   TermUsageCollector c(terms, &glossary, lexicon);
//   for each unit: c.AddUnit(doc, position, source, target);      // pass 1
//   if (c.needs_counts()) for each unit: c.CountUnit(target);      // pass 2, same units
//   std::vector<TermUsage> usage = c.Finish();
//
// How a unit's rendering of a term is found: a glossary rendering of the term in the
// target (approved, variant or forbidden, as the term matcher finds it) wins; otherwise
// the English spans of one to five words of the target (not starting or ending with a
// stopword, not across punctuation) are scored by how much of the term the dictionary
// renders in them (each word of the term's segmentation, or the whole term, with an
// English stem in the span) and by their association with the term across all units
// (Dice: 2·units with both / (units with the term + units with the span)); spans are
// counted with case and inflection folded (stems), and shown in their most frequent
// surface form. A unit where no span has dictionary support or recurs with the term is
// unrendered.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dict/bilingual_lexicon.h"
#include "terms/glossary.h"

namespace tmalign {

enum class RenderingStatus { kApproved, kVariant, kForbidden, kUnlisted };
const char* RenderingStatusName(RenderingStatus status);  // "approved", "variant", ...

struct UsageExample {
  std::string doc;
  int unit = 0;  // the unit's position in its document
};

struct RenderingUsage {
  std::string text;  // the most frequent surface form
  int count = 0;     // units that render the term this way
  int docs = 0;
  RenderingStatus status = RenderingStatus::kUnlisted;  // meaningful with a glossary
  int target_units = 0;              // units in scope whose target holds the rendering (0: not counted)
  UsageExample example;              // the first unit, in TM order
  std::vector<std::string> doc_ids;  // the documents, sorted
};

struct TermUsage {
  std::string term;
  int units = 0;                           // units whose source holds the term
  int docs = 0;                            // their documents
  int unrendered = 0;                      // units in which no rendering was found
  std::vector<RenderingUsage> renderings;  // most units first, then most documents
};

// Splits English into folded words (lowercase stems): each with its byte span and whether
// punctuation (anything but spaces and hyphens) stands between it and the word before.
struct EnglishWord {
  size_t begin = 0, end = 0;
  std::string key;
  bool break_before = false;
  bool stop = false;  // a stopword ("the", "of"): no span starts or ends with one
};
// `fold` false: the keys are the words as written and `stop` is left false.
std::vector<EnglishWord> SplitEnglishWords(std::string_view text, bool fold = true);
// The folded form of an English phrase: its word keys joined by single spaces.
std::string FoldEnglishPhrase(std::string_view text);

class TermUsageCollector {
 public:
  // `terms`: the Chinese terms, in output order. `glossary` (may be null or empty): gives
  // each rendering a status and its renderings are found directly. `lexicon` (may be
  // null): the dictionary evidence. Both must outlive the collector. `threads`: 0 for the
  // machine's (at most 4).
  TermUsageCollector(const std::vector<std::string>& terms, const Glossary* glossary,
                     const BilingualLexicon* lexicon, unsigned threads = 0);
  ~TermUsageCollector();
  TermUsageCollector(const TermUsageCollector&) = delete;
  TermUsageCollector& operator=(const TermUsageCollector&) = delete;

  // Pass 1: every unit in scope, in TM order. Units are worked on in batches, on several
  // threads; the result does not depend on their number.
  void AddUnit(std::string_view doc, int position, std::string_view source, std::string_view target);
  // Ends pass 1 and tells whether pass 2 is needed (some unit needs the association
  // statistics).
  bool needs_counts();
  // Pass 2: the target of every unit in scope again.
  void CountUnit(std::string_view target);
  std::vector<TermUsage> Finish();

 private:
  void FlushUnits();
  void FlushCounts();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tmalign
