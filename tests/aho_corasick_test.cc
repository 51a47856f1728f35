#include "terms/aho_corasick.h"

#include <gtest/gtest.h>

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

}  // namespace tmalign
