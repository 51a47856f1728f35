#include "tm/match_text.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <unordered_map>

#include "text/normalize.h"
#include "text/utf8.h"

namespace tmalign {
namespace {

constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

uint64_t Mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h * kFnvPrime;
}

// Folded form of one code point. The full normalizer costs ~20 us a sentence (OpenCC);
// per code point with a cache it costs a lookup, which import at 50,000 units/s needs.
// Phrase-level Traditional->Simplified conversions are lost; characters map one to one.
std::u32string FoldCodePointUncached(char32_t c) {
  // The ideographic full stop has no compatibility decomposition, but "." is typed for it.
  if (c == 0x3002 || c == 0xFF61) c = '.';
  std::string utf8;
  AppendUtf8(c, &utf8);
  return ToUtf32(MatchNormalizer::Shared().Normalize(utf8));
}

// Cached: a flat table for the common case (the first three planes, folding to one code
// point), a map for the rest. A hash map alone missed the CPU cache for every Han character.
std::u32string_view FoldCodePoint(char32_t c) {
  constexpr char32_t kUnknown = 0xFFFFFFFF, kInMap = 0xFFFFFFFE;
  thread_local std::vector<char32_t> flat(0x30000, kUnknown);
  thread_local std::unordered_map<char32_t, std::u32string> map;
  char32_t* slot = c < flat.size() ? &flat[c] : nullptr;
  if (slot != nullptr && *slot != kUnknown && *slot != kInMap) return std::u32string_view(slot, 1);
  if (slot == nullptr || *slot == kInMap) {
    auto it = map.find(c);
    if (it != map.end()) return it->second;
  }
  std::u32string folded = FoldCodePointUncached(c);
  if (slot != nullptr && folded.size() == 1) {
    *slot = folded[0];
    return std::u32string_view(slot, 1);
  }
  if (slot != nullptr) *slot = kInMap;
  return map.emplace(c, std::move(folded)).first->second;
}

bool IsWordChar(char32_t c) {
  return u_isalnum(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) != 0 ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

bool IsSpace(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0x200B || c == 0xFEFF; }

// Token class of a folded code point, cached: three ICU property lookups per character
// showed up as a tenth of import time.
enum CharClass : uint8_t { kUnknown = 0, kSpaceChar, kHanChar, kWordChar, kPunctChar };

CharClass ClassOf(char32_t c) {
  thread_local std::vector<uint8_t> cache(0x30000, kUnknown);
  uint8_t* slot = c < cache.size() ? &cache[c] : nullptr;
  if (slot != nullptr && *slot != kUnknown) return static_cast<CharClass>(*slot);
  CharClass k = IsSpace(c) ? kSpaceChar : IsHan(c) ? kHanChar : IsWordChar(c) ? kWordChar : kPunctChar;
  if (slot != nullptr) *slot = k;
  return k;
}

constexpr uint64_t kFnvPrime2 = kFnvPrime * kFnvPrime;

// FNV-1a over the code point's four little-endian bytes; a zero byte only multiplies, so a
// code point of the first plane (every common Chinese character) takes three multiplications.
uint64_t HashCodePoint(uint64_t h, char32_t c) {
  h = (h ^ (c & 0xFF)) * kFnvPrime;
  h = (h ^ ((c >> 8) & 0xFF)) * kFnvPrime;
  if (c < 0x10000) return h * kFnvPrime2;
  h = (h ^ ((c >> 16) & 0xFF)) * kFnvPrime;
  return (h ^ (c >> 24)) * kFnvPrime;
}

// HashCodePoint of a code point below 0x100: its three high bytes are zero, so the four
// rounds are one xor and one multiplication.
constexpr uint64_t kFnvPrime4 = kFnvPrime2 * kFnvPrime2;
uint64_t HashLowCodePoint(uint64_t h, char32_t c) { return (h ^ c) * kFnvPrime4; }

// ASCII folded (lower case, ` as ') with its token class: the English side of a pair is mostly
// ASCII, and this table spares it the caches' thread-local lookups.
struct AsciiFold {
  char32_t folded[0x80];
  CharClass kind[0x80];
};

const AsciiFold& Ascii() {
  static const AsciiFold table = [] {
    AsciiFold t{};
    for (char32_t raw = 0; raw < 0x80; ++raw) {
      const char32_t c = (raw >= 'A' && raw <= 'Z') ? raw - 'A' + 'a' : (raw == '`' ? U'\'' : raw);
      t.folded[raw] = c;
      t.kind[raw] = ClassOf(c);
    }
    return t;
  }();
  return table;
}

// A code point's fold when it is one code point, with its class (kUnknown: not known yet, or
// folds to several): one lookup for a Chinese character instead of two.
struct FoldedClass {
  char32_t folded = 0;
  CharClass kind = kUnknown;
};
constexpr char32_t kFoldedClasses = 0x30000;

FoldedClass* FoldedClasses() {
  thread_local std::vector<FoldedClass> table(kFoldedClasses);
  return table.data();
}

// A valid three-byte UTF-8 sequence at `pos` (as U8_NEXT takes it: no overlong form, no
// surrogate) into *c; false for anything else, which NextCodePoint then decodes.
bool IsThreeByteChar(std::string_view text, size_t pos, char32_t* c) {
  const auto b0 = static_cast<unsigned char>(text[pos]), b1 = static_cast<unsigned char>(text[pos + 1]),
             b2 = static_cast<unsigned char>(text[pos + 2]);
  if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return false;
  const char32_t v = (static_cast<char32_t>(b0 & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) |
                     static_cast<char32_t>(b2 & 0x3F);
  if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) return false;
  *c = v;
  return true;
}

// The seed of a Chinese character's token hash ("HAN").
constexpr uint64_t kHanSeed = 0x48414e;

// Calls emit(token) for each token of `text` in order: the one tokenizer behind MatchTokenize
// and AppendMatchIndexTerms.
template <typename Emit>
void ForEachToken(std::string_view text, Emit&& emit) {
  const AsciiFold& ascii = Ascii();
  FoldedClass* const folded_classes = FoldedClasses();
  bool in_word = false;
  MatchToken word;
  auto close_word = [&] {
    if (in_word) emit(word);
    in_word = false;
  };
  auto add = [&](char32_t c, CharClass k, uint32_t begin, uint32_t end) {
    if (k == kSpaceChar) {
      close_word();
    } else if (k == kHanChar) {
      close_word();
      emit(MatchToken{HashCodePoint(kHanSeed, c), begin, end, MatchToken::kHan});
    } else if (k == kWordChar) {
      if (!in_word) {
        word = MatchToken{0x574f5244, begin, end, MatchToken::kWord};
        in_word = true;
      }
      word.hash = c < 0x100 ? HashLowCodePoint(word.hash, c) : HashCodePoint(word.hash, c);
      word.end = end;
    } else {
      close_word();
      emit(MatchToken{c < 0x100 ? HashLowCodePoint(0x50554e43, c) : HashCodePoint(0x50554e43, c), begin, end,
                      MatchToken::kPunct});
    }
  };
  size_t pos = 0;
  while (pos < text.size()) {
    const uint32_t begin = static_cast<uint32_t>(pos);
    const unsigned char b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      ++pos;
      // The next letter of a word, most of an English text, without the call to add(): the
      // compiler keeps that out of line, and the call cost more than the letter's work.
      if (in_word && ascii.kind[b] == kWordChar) {
        word.hash = HashLowCodePoint(word.hash, ascii.folded[b]);
        word.end = begin + 1;
        continue;
      }
      add(ascii.folded[b], ascii.kind[b], begin, begin + 1);
      continue;
    }
    char32_t raw;
    if (b >= 0xE0 && b <= 0xEF && pos + 2 < text.size() && IsThreeByteChar(text, pos, &raw)) {
      pos += 3;  // Chinese characters: decoded here, no call
    } else {
      raw = NextCodePoint(text, &pos);
    }
    const uint32_t end = static_cast<uint32_t>(pos);
    // A code point folding to one is looked up once in the table of both; the rest through
    // the cached normalizer.
    if (raw < kFoldedClasses) {
      FoldedClass& slot = folded_classes[raw];
      if (slot.kind == kUnknown) {
        const std::u32string_view folded = FoldCodePoint(raw);
        if (folded.size() == 1) slot = FoldedClass{folded[0], ClassOf(folded[0])};
      }
      if (slot.kind == kHanChar && !in_word) {  // a Chinese character: as add() does, without the call
        emit(MatchToken{HashCodePoint(kHanSeed, slot.folded), begin, end, MatchToken::kHan});
        continue;
      }
      if (slot.kind != kUnknown) {
        add(slot.folded, slot.kind, begin, end);
        continue;
      }
    }
    for (char32_t c : FoldCodePoint(raw)) add(c, ClassOf(c), begin, end);
  }
  close_word();
}

// Index terms of tokens fed in order (MatchIndexTerms' rule), appended unsorted: a word; two
// Chinese characters in a row, as a bigram; a Chinese character between two others, alone.
class IndexTermCollector {
 public:
  explicit IndexTermCollector(std::vector<uint64_t>* terms) : terms_(terms) {}
  void operator()(const MatchToken& t) {
    const bool han = t.kind == MatchToken::kHan;
    if (last_han_) {
      if (han) {
        Add(Mix(Mix(2, last_hash_), t.hash));
      } else if (!before_last_han_) {
        Add(Mix(3, last_hash_));
      }
    }
    if (t.kind == MatchToken::kWord) Add(Mix(1, t.hash));
    before_last_han_ = last_han_;
    last_han_ = han;
    last_hash_ = t.hash;
  }
  // After the last token.
  void Finish() {
    if (last_han_ && !before_last_han_) Add(Mix(3, last_hash_));
    last_han_ = before_last_han_ = false;
  }

 private:
  // 0 marks an empty slot in the index writer's table.
  void Add(uint64_t term) { terms_->push_back(term + (term == 0)); }
  std::vector<uint64_t>* terms_;
  bool last_han_ = false, before_last_han_ = false;
  uint64_t last_hash_ = 0;
};

}  // namespace

uint64_t StableHash(std::string_view bytes, uint64_t seed) {
  uint64_t h = seed;
  for (unsigned char ch : bytes) {
    h ^= ch;
    h *= kFnvPrime;
  }
  return h;
}

std::vector<MatchToken> MatchTokenize(std::string_view text) {
  std::vector<MatchToken> tokens;
  tokens.reserve(text.size() / 3 + 1);
  ForEachToken(text, [&](const MatchToken& t) { tokens.push_back(t); });
  return tokens;
}

std::vector<uint64_t> MatchIndexTerms(const std::vector<MatchToken>& tokens) {
  std::vector<uint64_t> terms;
  terms.reserve(tokens.size());
  IndexTermCollector collect(&terms);
  for (const MatchToken& t : tokens) collect(t);
  collect.Finish();
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  return terms;
}

void AppendMatchIndexTerms(std::string_view text, std::vector<uint64_t>* terms) {
  IndexTermCollector collect(terms);
  ForEachToken(text, collect);
  collect.Finish();
}

int MaxIndexTermsPerEdit(const std::vector<MatchToken>& tokens) {
  // Edit places: token i is 2i+1 (substitute or delete it), gap g before token g is 2g (insert
  // there). A term occurrence survives unless an edit hits a place it depends on.
  const size_t n = tokens.size();
  std::vector<int> hits(2 * n + 2, 0);
  auto han = [&](size_t i) { return i < n && tokens[i].kind == MatchToken::kHan; };
  for (size_t i = 0; i < n; ++i) {
    if (tokens[i].kind == MatchToken::kWord) {
      ++hits[2 * i + 1];
    } else if (han(i)) {
      const bool prev = i > 0 && han(i - 1), next = han(i + 1);
      if (next) {  // bigram (i, i+1)
        ++hits[2 * i + 1];
        ++hits[2 * i + 3];
        ++hits[2 * i + 2];
      } else if (!prev) {  // lone character: depends on its neighbours staying non-Han
        if (i > 0) ++hits[2 * i - 1];
        ++hits[2 * i + 1];
        if (i + 1 < n) ++hits[2 * i + 3];
        ++hits[2 * i];
        ++hits[2 * i + 2];
      }
    }
  }
  return hits.empty() ? 0 : *std::max_element(hits.begin(), hits.end());
}

int TokenEditDistance(const std::vector<MatchToken>& a, const std::vector<MatchToken>& b, int limit) {
  const size_t n = a.size(), m = b.size();
  if (static_cast<int>(n > m ? n - m : m - n) > limit) return limit + 1;
  thread_local std::vector<int> prev, cur;
  prev.resize(m + 1);
  cur.resize(m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    int row_min = cur[0];
    const uint64_t ai = a[i - 1].hash;
    for (size_t j = 1; j <= m; ++j) {
      int v = prev[j - 1] + (ai == b[j - 1].hash ? 0 : 1);
      v = std::min(v, prev[j] + 1);
      v = std::min(v, cur[j - 1] + 1);
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > limit) return limit + 1;  // distances never decrease down the rows
    std::swap(prev, cur);
  }
  return prev[m];
}

int MatchScore(int distance, size_t len_a, size_t len_b) {
  size_t longer = std::max(len_a, len_b);
  if (distance <= 0) return 100;
  if (longer == 0) return 100;
  int score = static_cast<int>(100.0 * (1.0 - static_cast<double>(distance) / static_cast<double>(longer)));
  return std::clamp(score, 0, 99);
}

int MaxDistanceForScore(int min_score, size_t len_a, size_t len_b) {
  size_t longer = std::max(len_a, len_b);
  if (min_score <= 0) return static_cast<int>(longer);
  // score >= min  <=>  distance <= longer * (1 - min/100)  (integer floor of the score)
  int d = static_cast<int>(static_cast<double>(longer) * (100 - min_score) / 100.0 + 1e-9);
  while (d >= 0 && MatchScore(d, len_a, len_b) < min_score) --d;
  while (MatchScore(d + 1, len_a, len_b) >= min_score && d + 1 <= static_cast<int>(longer)) ++d;
  return std::max(d, 0);
}

std::vector<DiffOp> MatchDiff(std::string_view stored, const std::vector<MatchToken>& a,
                              std::string_view query, const std::vector<MatchToken>& b) {
  const size_t n = a.size(), m = b.size();
  std::vector<int> d((n + 1) * (m + 1));
  auto at = [&](size_t i, size_t j) -> int& { return d[i * (m + 1) + j]; };
  for (size_t i = 0; i <= n; ++i) at(i, 0) = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) at(0, j) = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      at(i, j) = std::min(
          {at(i - 1, j - 1) + (a[i - 1].hash == b[j - 1].hash ? 0 : 1), at(i - 1, j) + 1, at(i, j - 1) + 1});
    }
  }
  // Trace back into per-token steps: 'e' equal, 'd' stored only, 'i' query only, 's' substituted.
  std::vector<std::pair<char, std::pair<size_t, size_t>>> steps;
  size_t i = n, j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && a[i - 1].hash == b[j - 1].hash && at(i, j) == at(i - 1, j - 1)) {
      steps.push_back({'e', {i - 1, j - 1}});
      --i, --j;
    } else if (i > 0 && j > 0 && at(i, j) == at(i - 1, j - 1) + 1) {
      steps.push_back({'s', {i - 1, j - 1}});
      --i, --j;
    } else if (i > 0 && at(i, j) == at(i - 1, j) + 1) {
      steps.push_back({'d', {i - 1, 0}});
      --i;
    } else {
      steps.push_back({'i', {0, j - 1}});
      --j;
    }
  }
  std::reverse(steps.begin(), steps.end());

  std::vector<DiffOp> ops;
  auto emit = [&](DiffOp::Kind kind, std::string_view text) {
    if (text.empty()) return;
    if (!ops.empty() && ops.back().kind == kind) {
      ops.back().text.append(text);
    } else {
      ops.push_back(DiffOp{kind, std::string(text)});
    }
  };
  size_t stored_pos = 0;  // stored text emitted so far
  size_t k = 0;
  while (k < steps.size()) {
    if (steps[k].first == 'e') {
      size_t si = steps[k].second.first;
      emit(DiffOp::kEqual, stored.substr(stored_pos, a[si].end - stored_pos));
      stored_pos = a[si].end;
      ++k;
      continue;
    }
    // A region of changes: one deletion (stored span) and one insertion (query span).
    size_t s_first = SIZE_MAX, s_last = 0, q_first = SIZE_MAX, q_last = 0;
    while (k < steps.size() && steps[k].first != 'e') {
      char c = steps[k].first;
      if (c == 'd' || c == 's') {
        s_first = std::min(s_first, steps[k].second.first);
        s_last = std::max(s_last, steps[k].second.first);
      }
      if (c == 'i' || c == 's') {
        q_first = std::min(q_first, steps[k].second.second);
        q_last = std::max(q_last, steps[k].second.second);
      }
      ++k;
    }
    if (s_first != SIZE_MAX) {
      emit(DiffOp::kEqual, stored.substr(stored_pos, a[s_first].begin - stored_pos));
      emit(DiffOp::kDelete, stored.substr(a[s_first].begin, a[s_last].end - a[s_first].begin));
      stored_pos = a[s_last].end;
    } else if (k < steps.size()) {
      // Pure insertion: put it after the whitespace that precedes the next stored token.
      size_t next = a[steps[k].second.first].begin;
      emit(DiffOp::kEqual, stored.substr(stored_pos, next - stored_pos));
      stored_pos = next;
    } else {
      emit(DiffOp::kEqual, stored.substr(stored_pos));
      stored_pos = stored.size();
    }
    if (q_first != SIZE_MAX) {
      emit(DiffOp::kInsert, query.substr(b[q_first].begin, b[q_last].end - b[q_first].begin));
    }
  }
  emit(DiffOp::kEqual, stored.substr(std::min(stored_pos, stored.size())));
  return ops;
}

std::string RenderDiff(const std::vector<DiffOp>& ops) {
  std::string out;
  for (const DiffOp& op : ops) {
    switch (op.kind) {
      case DiffOp::kEqual:
        out += op.text;
        break;
      case DiffOp::kDelete:
        out += "[-" + op.text + "-]";
        break;
      case DiffOp::kInsert:
        out += "{+" + op.text + "+}";
        break;
    }
  }
  return out;
}

bool FindTokenRun(const std::vector<MatchToken>& hay, const std::vector<MatchToken>& needle, size_t* at) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && hay[i + k].hash == needle[k].hash) ++k;
    if (k == needle.size()) {
      *at = i;
      return true;
    }
  }
  return false;
}

}  // namespace tmalign
