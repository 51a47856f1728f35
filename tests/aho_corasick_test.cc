#include "terms/aho_corasick.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <tuple>

namespace tmalign {

TEST(AhoCorasickTest, FindsOverlappingPatterns) {
  AhoCorasick ac;
  const int he = ac.Add("he"), she = ac.Add("she"), his = ac.Add("his"), hers = ac.Add("hers");
  EXPECT_EQ(ac.Add("he"), he);  // duplicate returns the same id
  ac.Build();
  std::set<std::tuple<int, size_t, size_t>> got;
  ac.FindAll("ushers his", [&](int id, size_t b, size_t e) { got.insert({id, b, e}); });
  std::set<std::tuple<int, size_t, size_t>> want = {{she, 1, 4}, {he, 2, 4}, {hers, 2, 6}, {his, 7, 10}};
  EXPECT_EQ(got, want);
}

TEST(AhoCorasickTest, MatchesBruteForceOnUtf8) {
  AhoCorasick ac;
  const std::vector<std::string> pats = {"区块链", "联盟链", "区块链联盟", "链", "盟链接", "a"};
  for (const auto& p : pats) ac.Add(p);
  ac.Build();
  const std::string text = "发展区块链联盟链接a区块链";
  std::set<std::tuple<int, size_t, size_t>> got, want;
  ac.FindAll(text, [&](int id, size_t b, size_t e) { got.insert({id, b, e}); });
  for (size_t i = 0; i < pats.size(); ++i) {
    for (size_t pos = text.find(pats[i]); pos != std::string::npos; pos = text.find(pats[i], pos + 1)) {
      want.insert({static_cast<int>(i), pos, pos + pats[i].size()});
    }
  }
  EXPECT_EQ(got, want);
}

// Patterns deeper than the automaton's full transition rows, over a small alphabet so
// that failure links lead from deep nodes back into shallow ones all the time.
TEST(AhoCorasickTest, MatchesBruteForceOnRandomPatternsAndTexts) {
  std::mt19937 rng(7);
  const std::vector<std::string> alphabet = {"a", "b", "链", "\xE4\xB8"};  // a lead-byte prefix too
  auto random_string = [&](size_t max_pieces) {
    std::string s;
    const size_t n = 1 + rng() % max_pieces;
    for (size_t i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
    return s;
  };
  for (int round = 0; round < 20; ++round) {
    AhoCorasick ac;
    std::vector<std::string> pats;
    for (int i = 0; i < 30; ++i) {
      std::string p = random_string(6);
      if (static_cast<size_t>(ac.Add(p)) == pats.size()) pats.push_back(p);
    }
    ac.Build();
    const std::string text = random_string(200);
    std::set<std::tuple<int, size_t, size_t>> got, want;
    ac.FindAll(text, [&](int id, size_t b, size_t e) { got.insert({id, b, e}); });
    for (size_t i = 0; i < pats.size(); ++i) {
      for (size_t pos = text.find(pats[i]); pos != std::string::npos; pos = text.find(pats[i], pos + 1))
        want.insert({static_cast<int>(i), pos, pos + pats[i].size()});
    }
    ASSERT_EQ(got, want) << "round " << round;
  }
}

}  // namespace tmalign
