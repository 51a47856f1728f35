// The shortcuts of indexed matching (score bound from shared index terms, early stop) must
// never lose a match that comparing with every unit finds.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <random>

#include "temp_dir.h"
#include "tm/match_text.h"
#include "tm/tm_search.h"
#include "tm/translation_memory.h"

namespace tmalign {
namespace {

namespace fs = std::filesystem;

// Random text: Chinese characters from a small set, English words, punctuation, spaces.
class TextGen {
 public:
  explicit TextGen(uint32_t seed, int han_chars = 40, int punct_in_10 = 2)
      : rng_(seed), han_chars_(han_chars), punct_in_10_(punct_in_10) {}
  std::string Piece() {
    int kind = Uniform(0, 9);
    if (kind >= 10 - punct_in_10_) return kind % 2 == 0 ? "，" : ".";
    if (kind < 6) return Han(Uniform(0, han_chars_ - 1));
    return std::string(" ") + kWords[Uniform(0, 11)] + " ";
  }
  std::string Sentence(int min_pieces, int max_pieces) {
    std::vector<std::string> pieces;
    for (int n = Uniform(min_pieces, max_pieces); n > 0; --n) pieces.push_back(Piece());
    return Join(pieces);
  }
  // Up to `edits` random insertions, deletions or substitutions of pieces.
  std::string Mutate(const std::string& text, int edits) {
    std::vector<std::string> pieces = Split(text);
    for (int e = Uniform(1, edits); e > 0; --e) {
      int op = Uniform(0, 2);
      size_t at = static_cast<size_t>(Uniform(0, static_cast<int>(pieces.size())));
      if (op == 0 || pieces.empty()) {
        pieces.insert(pieces.begin() + static_cast<std::ptrdiff_t>(at), Piece());
      } else if (at < pieces.size()) {
        if (op == 1)
          pieces.erase(pieces.begin() + static_cast<std::ptrdiff_t>(at));
        else
          pieces[at] = Piece();
      }
    }
    return Join(pieces);
  }
  int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

 private:
  static constexpr const char* kWords[12] = {"the",  "chain", "alliance", "we",         "shall", "develop",
                                             "risk", "a",     "of",       "regulation", "2021",  "bank"};
  static std::string Han(int i) {
    std::string s;
    char32_t c = 0x4E00 + static_cast<char32_t>(i) * 7;
    s.push_back(static_cast<char>(0xE0 | (c >> 12)));
    s.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    return s;
  }
  static std::string Join(const std::vector<std::string>& pieces) {
    std::string out;
    for (const std::string& p : pieces) out += p + "\x1e";
    return out;
  }
  static std::vector<std::string> Split(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0, sep;
    while ((sep = text.find('\x1e', start)) != std::string::npos) {
      out.push_back(text.substr(start, sep - start));
      start = sep + 1;
    }
    return out;
  }
  std::mt19937 rng_;
  int han_chars_, punct_in_10_;
};

// The separator used to keep pieces apart is not part of the text compared.
std::string Plain(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), '\x1e'), s.end());
  return s;
}

TEST(MatchBoundsTest, OneEditRemovesAtMostThisManyIndexTerms) {
  EXPECT_EQ(MaxIndexTermsPerEdit(MatchTokenize("区块链技术")), 2);
  EXPECT_EQ(MaxIndexTermsPerEdit(MatchTokenize("the alliance chain")), 1);
  // "链" and "术" are lone characters around a word: replacing the word by a Chinese
  // character removes both unigrams and the word.
  EXPECT_EQ(MaxIndexTermsPerEdit(MatchTokenize("链 dog 术")), 3);
  EXPECT_EQ(MaxIndexTermsPerEdit({}), 0);
}

TEST(MatchBoundsTest, ScoreBoundIsNeverBelowTheTrueScore) {
  TextGen gen(7);
  int checked = 0, tight = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string stored = gen.Sentence(1, 14);
    const std::string query = gen.Mutate(stored, 6);
    const std::vector<MatchToken> s = MatchTokenize(Plain(stored)), q = MatchTokenize(Plain(query));
    if (q.empty()) continue;
    const std::vector<uint64_t> ts = MatchIndexTerms(s), tq = MatchIndexTerms(q);
    std::vector<uint64_t> both;
    std::set_intersection(ts.begin(), ts.end(), tq.begin(), tq.end(), std::back_inserter(both));
    const int d = TokenEditDistance(s, q, 1000);
    const int score = MatchScore(d, s.size(), q.size());
    const int bound = MatchScoreUpperBound(static_cast<int>(tq.size()), static_cast<int>(both.size()),
                                           q.size(), MaxIndexTermsPerEdit(q));
    ASSERT_GE(bound, score) << "stored '" << Plain(stored) << "' query '" << Plain(query) << "' distance "
                            << d;
    ++checked;
    tight += bound < 100;
  }
  EXPECT_GT(checked, 19000);
  EXPECT_GT(tight, checked / 4);  // the bound does prune
}

TEST(MatchBoundsTest, IndexedMatchFindsWhatAFullScanFinds) {
  const std::string dir = ::tmalign::testing::MakeTempDir("tmalign_bounds_test");
  ASSERT_FALSE(std::string(dir).empty());
  {
    std::unique_ptr<TranslationMemory> tm;
    ASSERT_TRUE(TranslationMemory::Open(dir + "/tm.sqlite", &tm).ok());
    // Little punctuation: it is not indexed, so a query mostly of punctuation is a known blind
    // spot of candidate retrieval (not of the shortcuts tested here).
    TextGen gen(11, 400, 1);
    std::vector<std::string> stored;  // with piece separators, for Mutate
    for (int doc = 0; doc < 6; ++doc) {
      TmDocument d;
      d.id = "doc-" + std::to_string(doc);
      std::vector<TmUnit> units;
      for (int pos = 0; pos < 500; ++pos) {
        TmUnit u;
        u.position = pos;
        const std::string raw = gen.Sentence(6, 20);
        u.source = Plain(raw);
        u.target = "unit " + std::to_string(doc) + " " + std::to_string(pos);
        u.confidence = 1;
        stored.push_back(raw);
        units.push_back(std::move(u));
      }
      ASSERT_TRUE(tm->ReplaceDocument(d, units).ok());
    }
    std::unique_ptr<TmSearcher> searcher;
    ASSERT_TRUE(TmSearcher::Create(tm.get(), &searcher).ok());
    TmMatchOptions indexed, scan;
    indexed.min_score = scan.min_score = 60;
    scan.full_scan = true;
    int with_matches = 0, missed = 0;
    for (int i = 0; i < 150; ++i) {
      // Near copies of stored sentences (the unrelated sentences that reach --min through common
      // words may lie beyond the candidate cap, a known limit of retrieval, not of the shortcuts).
      const std::string query = Plain(gen.Mutate(stored[static_cast<size_t>(i * 19)], 4));
      std::vector<TmMatch> a, b;
      ASSERT_TRUE(searcher->Match(query, indexed, &a).ok());
      ASSERT_TRUE(searcher->Match(query, scan, &b).ok());
      if (b.empty()) {
        EXPECT_TRUE(a.empty()) << query;
        continue;
      }
      ++with_matches;
      // One query of this set misses its scan match with or without the shortcuts (checked by
      // disabling them): its match lies beyond the candidate cap. Allow that one, no more.
      if (a.empty() || a[0].score != b[0].score || a[0].pair.pair_id != b[0].pair.pair_id) ++missed;
    }
    EXPECT_LE(missed, 1);
    EXPECT_GT(with_matches, 100);
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace tmalign
