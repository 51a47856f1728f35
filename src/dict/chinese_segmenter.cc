#include "dict/chinese_segmenter.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "text/utf8.h"

namespace tmalign {
namespace {

// An unknown single character: less likely than any lexicon word.
constexpr float kUnknownCharLogProb = -25.0f;
// Longer lexicon entries (idioms, titles) are rare in running text and not worth the lookups.
constexpr size_t kMaxWordChars = 8;

void SegmentHanRun(std::string_view run, const BilingualLexicon& lexicon, std::vector<ChineseToken>* out) {
  // The tables of a run, kept by the thread from run to run (a sentence has several).
  thread_local std::vector<size_t> starts, next;
  thread_local std::vector<float> best;
  // Code point boundaries of the run.
  starts.clear();
  for (size_t pos = 0; pos < run.size();) {
    starts.push_back(pos);
    NextCodePoint(run, &pos);
  }
  const size_t n = starts.size();
  starts.push_back(run.size());
  // best[i]: best log-probability of segmenting chars [i, n); next[i]: end of the first word.
  best.assign(n + 1, -std::numeric_limits<float>::infinity());
  next.assign(n + 1, n);
  best[n] = 0;
  const size_t max_bytes = static_cast<size_t>(lexicon.max_word_bytes());
  for (size_t i = n; i-- > 0;) {
    best[i] = kUnknownCharLogProb + best[i + 1];
    next[i] = i + 1;
    // Substrings longer than any word starting with these two characters are not looked up.
    const size_t max_chars = i + 2 <= n
                                 ? std::clamp<size_t>(static_cast<size_t>(lexicon.MaxWordCharsFrom(
                                                          run.substr(starts[i], starts[i + 2] - starts[i]))),
                                                      1, kMaxWordChars)
                                 : 1;
    // The lookups of one position are independent: their memory is requested at once.
    for (size_t j = i + 1; j <= n && j - i <= max_chars && starts[j] - starts[i] <= max_bytes; ++j)
      lexicon.PrefetchWord(run.substr(starts[i], starts[j] - starts[i]));
    for (size_t j = i + 1; j <= n && j - i <= max_chars && starts[j] - starts[i] <= max_bytes; ++j) {
      std::optional<BilingualLexicon::Word> word =
          lexicon.FindWord(run.substr(starts[i], starts[j] - starts[i]));
      if (!word) continue;
      float score = word->log_prob + best[j];
      if (score > best[i]) {
        best[i] = score;
        next[i] = j;
      }
    }
  }
  for (size_t i = 0; i < n; i = next[i]) {
    out->push_back(ChineseToken{run.substr(starts[i], starts[next[i]] - starts[i]), true});
  }
}

enum class CharClass { kHan, kAlnum, kOther };

CharClass Classify(char32_t c) {
  if (IsHan(c)) return CharClass::kHan;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return CharClass::kAlnum;
  if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) {
    return CharClass::kAlnum;  // full-width letters and digits
  }
  return CharClass::kOther;
}

}  // namespace

std::vector<ChineseToken> SegmentChinese(std::string_view text, const BilingualLexicon& lexicon) {
  std::vector<ChineseToken> tokens;
  SegmentChinese(text, lexicon, &tokens);
  return tokens;
}

void SegmentChinese(std::string_view text, const BilingualLexicon& lexicon, std::vector<ChineseToken>* out) {
  std::vector<ChineseToken>& tokens = *out;
  tokens.clear();
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    CharClass cls = Classify(NextCodePoint(text, &pos));
    if (cls == CharClass::kOther) continue;
    size_t end = pos;
    while (end < text.size()) {
      size_t probe = end;
      if (Classify(NextCodePoint(text, &probe)) != cls) break;
      end = probe;
    }
    std::string_view run = text.substr(start, end - start);
    if (cls == CharClass::kHan)
      SegmentHanRun(run, lexicon, &tokens);
    else
      tokens.push_back(ChineseToken{run, false});
    pos = end;
  }
}

}  // namespace tmalign
