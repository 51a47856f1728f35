// Number-aware matching: TmSearcher's matches rescored so that a TM unit differing from the new
// sentence only in numbers scores high (100 minus one a changed number, never 100), with its
// target adapted to the new numbers (text/number_tokens.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/number_tokens.h"
#include "tm/tm_search.h"
#include "util/status.h"

namespace tmalign {

struct LeverageMatch {
  TmMatch match;       // match.score is the number-aware score
  int text_score = 0;  // the score of the texts alone (TmSearcher's)
  NumberAdaptation numbers;
  // The target for the new sentence: adapted when the numbers differ and adaptation succeeded,
  // else the TM's.
  const std::string& target() const {
    return numbers.numbers_differ && numbers.adapted ? numbers.target : match.pair.target;
  }
  // Whether target() differs from the TM's target.
  bool adapted() const {
    return numbers.numbers_differ && numbers.adapted && numbers.target != match.pair.target;
  }
};

// The number-aware score of a stored source against a query whose texts score `text_score`:
// - 100 stays 100 unless the numbers' values differ (then 99: never 100 with other numbers);
// - when both have the same count of numbers and some are written differently: the score of
//   the texts with each number as one placeholder token, minus one per changed number, at
//   most 99, and never below `text_score`. 2021年6月16日 against 2021年7月2日: 98.
int NumberAwareScore(std::string_view stored, std::string_view query, int text_score);

// Matches through one TmSearcher, rescored with NumberAwareScore. A query with numbers is
// looked up with a lower threshold and more candidates (a date differing in every number
// shares few index terms), then filtered by options.min_score and cut to options.top.
class LeverageMatcher {
 public:
  explicit LeverageMatcher(TmSearcher* searcher) : searcher_(searcher) {}
  // Best first (score, then text score, then TmSearcher's order).
  Status Match(const std::string& sentence, const TmMatchOptions& options, std::vector<LeverageMatch>* out);

 private:
  TmSearcher* searcher_;
  std::vector<TmMatch> found_;
};

}  // namespace tmalign
