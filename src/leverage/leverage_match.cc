#include "leverage/leverage_match.h"

#include <algorithm>

#include "tm/match_text.h"

namespace tmalign {
namespace {

constexpr uint64_t kNumberHash = 0x4e554d424552ULL;  // the placeholder of a number
// The lowest threshold a query with numbers is looked up with: below it, sharing the words
// around the numbers is no match.
constexpr int kLowestLookup = 30;

// The match tokens of `text` with each number's tokens replaced by one placeholder.
std::vector<MatchToken> Skeleton(std::string_view text, const std::vector<NumberToken>& numbers) {
  std::vector<MatchToken> out;
  size_t k = 0, last = SIZE_MAX;
  for (const MatchToken& t : MatchTokenize(text)) {
    while (k < numbers.size() && numbers[k].end <= t.begin) ++k;
    if (k < numbers.size() && t.begin >= numbers[k].begin) {
      if (last == k) continue;
      last = k;
      MatchToken p = t;
      p.hash = kNumberHash;
      out.push_back(p);
    } else {
      out.push_back(t);
    }
  }
  return out;
}

}  // namespace

int NumberAwareScore(std::string_view stored, std::string_view query, int text_score) {
  if (text_score >= 100) return NumberValuesDiffer(stored, query) ? 99 : 100;
  const std::vector<NumberToken> a = FindNumbers(stored), b = FindNumbers(query);
  if (a.empty() || a.size() != b.size()) return text_score;
  int changed = 0;
  for (size_t k = 0; k < a.size(); ++k) {
    changed +=
        stored.substr(a[k].begin, a[k].end - a[k].begin) != query.substr(b[k].begin, b[k].end - b[k].begin);
  }
  if (changed == 0) return text_score;
  const std::vector<MatchToken> x = Skeleton(stored, a), y = Skeleton(query, b);
  const int limit = static_cast<int>(std::max(x.size(), y.size()));
  const int d = TokenEditDistance(x, y, limit);
  const int score = (d == 0 ? 100 : MatchScore(d, x.size(), y.size())) - changed;
  return std::clamp(std::max(score, text_score), 0, 99);
}

Status LeverageMatcher::Match(const std::string& sentence, const TmMatchOptions& options,
                              std::vector<LeverageMatch>* out) {
  out->clear();
  TmMatchOptions wide = options;
  const std::vector<NumberToken> numbers = FindNumbers(sentence);
  const bool has_numbers = !numbers.empty();
  if (has_numbers) {
    // A unit differing only in these numbers differs in at most about twice their tokens (二〇二一
    // is four tokens, 2021 one); when that could fall under --min, look lower. More candidates
    // than asked for: the number-aware order is not the text order.
    const std::vector<MatchToken> tokens = MatchTokenize(sentence);
    size_t number_tokens = 0, k = 0;
    for (const MatchToken& t : tokens) {
      while (k < numbers.size() && numbers[k].end <= t.begin) ++k;
      number_tokens += k < numbers.size() && t.begin >= numbers[k].begin;
    }
    const int floor =
        tokens.empty() ? 0 : MatchScore(static_cast<int>(2 * number_tokens), tokens.size(), tokens.size());
    wide.min_score = std::clamp(std::min(options.min_score, floor - 5),
                                std::min(kLowestLookup, options.min_score), options.min_score);
    wide.top = std::max(options.top, 4);
  }
  TMALIGN_RETURN_IF_ERROR(searcher_->Match(sentence, wide, &found_));
  for (TmMatch& m : found_) {
    LeverageMatch lm;
    lm.text_score = m.score;
    lm.match = std::move(m);
    if (has_numbers || lm.text_score == 100) {
      lm.match.score = NumberAwareScore(lm.match.pair.source, sentence, lm.text_score);
    }
    if (lm.match.score < options.min_score) continue;
    lm.numbers = AdaptNumbers(lm.match.pair.source, sentence, lm.match.pair.target);
    out->push_back(std::move(lm));
  }
  std::stable_sort(out->begin(), out->end(), [](const LeverageMatch& a, const LeverageMatch& b) {
    return a.match.score != b.match.score ? a.match.score > b.match.score : a.text_score > b.text_score;
  });
  if (out->size() > static_cast<size_t>(std::max(options.top, 0)))
    out->resize(static_cast<size_t>(options.top));
  return Status::Ok();
}

}  // namespace tmalign
