// Fuzzy match and concordance over the deduplicated memory (tm/pair_index.h).
// Candidates come from the postings index; each is then scored exactly (tm/match_text.h).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "tm/match_text.h"
#include "tm/pair_index.h"
#include "tm/translation_memory.h"
#include "util/status.h"

namespace tmalign {

struct TmOrigin {
  std::string doc;
  int64_t position = 0;
};

// One stored pair. `source` is the side in the query's language, so a query in the TM's
// target language is answered in reverse (reversed = true: source is the stored target).
struct TmPair {
  int64_t pair_id = 0;
  std::string source, target;
  bool reversed = false;
  std::vector<TmOrigin> origins;  // every unit holding the pair, oldest first; size() = usage count
};

struct TmMatch {
  TmPair pair;
  int score = 0;             // 0..100, 100 = same text after normalization and the same numbers
  std::vector<DiffOp> diff;  // from pair.source to the query
};

struct TmHit {
  TmPair pair;
  size_t begin = 0, end = 0;  // byte span of the hit in pair.source
};

struct TmMatchOptions {
  int top = 5;
  int min_score = 70;
  bool full_scan = false;  // score every unit instead of the index candidates (the bench's baseline)
};

// Upper bound of the score of a pair that shares `shared` of the `terms_read` distinct query
// index terms read, for a query of `query_len` tokens whose one edit can destroy at most
// `max_terms_per_edit` of its index terms (MaxIndexTermsPerEdit). Never below the true score.
int MatchScoreUpperBound(int terms_read, int shared, size_t query_len, int max_terms_per_edit);

// Reusable query engine over one open TM (prepared statements are kept between queries).
class TmSearcher {
 public:
  static Status Create(TranslationMemory* tm, std::unique_ptr<TmSearcher>* out);

  // The best pairs for `query`, best first (score, then usage, then age). Reads one snapshot
  // (TmSnapshot) of the TM: every match returned has at least one origin.
  Status Match(const std::string& query, const TmMatchOptions& options, std::vector<TmMatch>* matches);
  // Pairs whose source or target contains `words` as a run of tokens (a Chinese string
  // anywhere, English whole words in order), oldest first, at most `limit`. One snapshot, as
  // Match; every hit has at least one origin.
  Status Search(const std::string& words, int limit, std::vector<TmHit>* hits);

  // Test seam: called in Match and Search after the pairs are chosen and before their origins
  // are read, so a test can commit a write from another connection at exactly that point.
  void set_before_origins_hook_for_testing(std::function<void()> hook) { before_origins_ = std::move(hook); }

 private:
  explicit TmSearcher(TranslationMemory* tm) : tm_(tm) {}
  Status LoadPair(int64_t pair_id, bool* found, std::string* source, std::string* target,
                  std::vector<TmOrigin>* origins);
  // `terms` with their number of pairs, rarest first (ties by term). A term's count is exact
  // when it is at most `cap` or all counts are above `cap`; otherwise it is only known to be
  // above `cap`, so such terms sort after every term at or below it.
  Status TermsByFrequency(const std::vector<uint64_t>& terms, int64_t cap,
                          std::vector<std::pair<int64_t, uint64_t>>* by_freq);
  // Segments sharing the most of the rarest query terms, most shared first, with their counts;
  // *terms_read = how many distinct query terms were read (their lists in full).
  Status CandidatesByIndex(const std::vector<uint64_t>& terms, size_t want,
                           std::vector<std::pair<int64_t, int>>* out, int* terms_read);
  TranslationMemory* tm_;
  std::unique_ptr<PostingsReader> postings_;
  SqliteStatement pair_;
  // The ids of the posting lists read for the current query, its runs of ascending ids
  // ([begin, end) in ids_), where each run's current window starts, and the window's counts.
  std::vector<int64_t> ids_;
  std::vector<std::pair<size_t, size_t>> runs_;
  std::vector<size_t> marks_;
  std::vector<uint16_t> counts_;
  std::vector<std::pair<int, int64_t>> ranked_;  // (shared terms, pair id) of the candidates
  std::function<void()> before_origins_;
};

}  // namespace tmalign
