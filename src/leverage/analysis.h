// Leverage of a new document against the TM: each sentence's best match and its band, the
// numbers a CAT tool's analysis prints (analyze), and what pretranslate fills in.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "leverage/leverage_match.h"
#include "leverage/new_document.h"
#include "tm/tm_search.h"
#include "tm/translation_memory.h"
#include "util/status.h"

namespace tmalign {

// The bands, in the order analyze prints them.
enum class Band { kContext, k100, k95to99, k85to94, k75to84, k50to74, kNew, kRepetition };
inline constexpr int kBandCount = 8;
// "context", "100", "95-99", "85-94", "75-84", "50-74", "new", "repetition" (the JSON keys).
const char* BandName(Band band);
// The band of a match score that is neither context nor repetition (below 50: kNew).
Band BandOfScore(int score);

struct SegmentLeverage {
  NewSentence sentence;
  Band band = Band::kNew;
  int64_t chars = 0;          // Chinese characters of a Chinese sentence, words of an English one
  bool has_match = false;     // a match of at least 50 (the lowest band)
  LeverageMatch best;         // valid when has_match
  int first_occurrence = -1;  // a repetition: the index of the sentence's first occurrence
};

// Matches every sentence of `doc`, each distinct sentence once, in one snapshot of `tm`, and
// assigns the bands:
// - context: a 100% match whose pair was stored at (document D, position p) where the new
//   sentence's neighbours are 100% matches of D's units p-1 and p+1 (a document's start or
//   end counts as matching the start or end of D);
// - repetition: the second and later occurrences of a sentence (same text after match
//   normalization) in the new document, unless it is a context match. So context beats
//   repetition, which beats 100% and every fuzzy band, as in Trados Studio's analysis;
// - else by the number-aware score: 100, 95-99, 85-94, 75-84, 50-74; new below 50.
// The sentences are matched on `threads` threads (0: the machine's, at most 4; one for a short
// document): `searcher` (over `tm`) on the calling thread, and on each other thread a
// connection to tm's file of its own, all in one snapshot (tm/shared_snapshot.h). The result
// does not depend on the number of threads. `tm` must not be inside a transaction for more
// than one thread to be used (then the call joins it on one thread).
Status LeverageDocument(const NewDocument& doc, TranslationMemory* tm, TmSearcher* searcher,
                        std::vector<SegmentLeverage>* out, unsigned threads = 0);

struct BandCount {
  int64_t segments = 0;
  int64_t chars = 0;
};

struct Analysis {
  std::string file;
  Language lang = Language::kUnknown;
  int64_t segments = 0;
  std::array<BandCount, kBandCount> bands{};  // indexed by Band
  BandCount total;
};

Analysis AnalyzeLeverage(const NewDocument& doc, const std::vector<SegmentLeverage>& segments);

// {"file", "segments", "bands": {"context": {"segments", "chars"}, "100": …, …}}.
std::string AnalysisJson(const Analysis& analysis);
// The terminal table: one row a band with segments, chars (or words) and their percentages.
std::string AnalysisTable(const Analysis& analysis);

}  // namespace tmalign
