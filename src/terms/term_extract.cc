#include "terms/term_extract.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include "dict/chinese_segmenter.h"
#include "text/normalize.h"

namespace tmalign {

namespace {

// Characters that begin or end phrases only in general language.
constexpr std::string_view kFunctionChars[] = {
    "的", "了", "和", "与", "及", "或", "在",   "是",   "对",   "为",   "把",  "被", "从",
    "向", "将", "等", "中", "上", "下", "个",   "们",   "也",   "都",   "而",  "并", "且",
    "就", "以", "其", "之", "于", "由", "着",   "这",   "那",   "一",   "不",  "有", "要",
    "会", "可", "能", "到", "让", "已", "我国", "此外", "当前", "只有", "才能"};

bool IsFunctionChar(std::string_view token) {
  return std::find(std::begin(kFunctionChars), std::end(kFunctionChars), token) != std::end(kFunctionChars);
}

size_t HanChars(std::string_view s) { return s.size() / 3; }  // Han characters are 3 bytes in UTF-8

constexpr int kMaxPhraseWords = 3;

}  // namespace

struct TermMiner::Impl {
  const BilingualLexicon& lexicon;
  int min_count;
  // Candidate text -> units holding it; words -> occurrences (for termhood).
  std::unordered_map<std::string, int> units;
  std::unordered_map<std::string, int64_t> word_tokens;
  int64_t tokens = 0;
  Impl(const BilingualLexicon& l, int m) : lexicon(l), min_count(m) {}

  bool DomainWord(const std::string& word) const {
    auto w = lexicon.FindWord(word);
    if (!w) return true;
    auto it = word_tokens.find(word);
    if (it == word_tokens.end() || tokens == 0) return false;
    const double observed = static_cast<double>(it->second) / static_cast<double>(tokens);
    return observed >= kMinTermhood * std::exp(static_cast<double>(w->log_prob));
  }
};

TermMiner::TermMiner(const BilingualLexicon& lexicon, int min_count)
    : impl_(std::make_unique<Impl>(lexicon, min_count)) {}
TermMiner::~TermMiner() = default;

void TermMiner::AddSource(std::string_view source) {
  Impl& m = *impl_;
  const std::string text = MatchNormalizer::Shared().ToSimplified(source);
  const std::vector<ChineseToken> tokens = SegmentChinese(text, m.lexicon);
  std::unordered_set<std::string> seen;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].is_han) continue;
    ++m.tokens;
    ++m.word_tokens[std::string(tokens[i].text)];
    if (IsFunctionChar(tokens[i].text)) continue;
    std::string phrase;
    for (size_t j = i; j < tokens.size() && j < i + kMaxPhraseWords; ++j) {
      // Adjacent Han words only: no punctuation, space or Latin between.
      if (!tokens[j].is_han ||
          (j > i && tokens[j - 1].text.data() + tokens[j - 1].text.size() != tokens[j].text.data()))
        break;
      phrase += tokens[j].text;
      if (IsFunctionChar(tokens[j].text)) continue;
      if (HanChars(phrase) >= 2) seen.insert(phrase);
    }
  }
  for (const std::string& s : seen) ++m.units[s];
}

std::vector<std::string> TermMiner::Candidates() const {
  const Impl& m = *impl_;
  std::vector<std::pair<std::string, int>> kept;
  for (const auto& [text, count] : m.units) {
    if (count < m.min_count) continue;
    const std::vector<ChineseToken> words = SegmentChinese(text, m.lexicon);
    if (words.size() == 1) {
      if (m.DomainWord(text)) kept.emplace_back(text, count);
      continue;
    }
    bool domain = false;
    int rarest = INT32_MAX;
    for (const ChineseToken& w : words) {
      const std::string word(w.text);
      domain |= m.DomainWord(word);
      auto it = m.units.find(word);
      rarest = std::min(rarest, it == m.units.end() ? count : it->second);
    }
    if (domain && count * 4 >= rarest) kept.emplace_back(text, count);
  }
  // A candidate inside a longer one that occurs nearly as often is part of that one.
  std::unordered_map<std::string, int> by_text(kept.begin(), kept.end());
  std::vector<std::pair<std::string, int>> out;
  for (const auto& [text, count] : kept) {
    bool subsumed = false;
    for (const auto& [other, other_count] : kept) {
      if (other.size() > text.size() && other.find(text) != std::string::npos &&
          other_count * 10 >= count * 9) {
        subsumed = true;
        break;
      }
    }
    if (!subsumed) out.emplace_back(text, count);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::vector<std::string> terms;
  for (auto& [text, count] : out) terms.push_back(std::move(text));
  return terms;
}

std::vector<ExtractedTerm> RankExtractedTerms(const std::vector<TermUsage>& usage, const Glossary& glossary,
                                              int min_count, size_t top) {
  std::unordered_map<std::string, const TermEntry*> by_zh;
  for (const TermEntry& e : glossary.entries()) by_zh.emplace(MatchNormalizer::Shared().Normalize(e.zh), &e);
  std::vector<ExtractedTerm> out;
  for (const TermUsage& u : usage) {
    if (u.renderings.empty() || u.units < min_count) continue;
    const RenderingUsage& best = u.renderings.front();
    if (best.count < std::min(min_count, 2)) continue;  // a pair seen once is no evidence
    auto it = by_zh.find(MatchNormalizer::Shared().Normalize(u.term));
    if (it != by_zh.end()) {
      const TermEntry& e = *it->second;
      const std::string key = FoldEnglishPhrase(best.text);
      bool known = FoldEnglishPhrase(e.en) == key;
      for (const auto& v : e.variants) known |= FoldEnglishPhrase(v) == key;
      for (const auto& f : e.forbidden) known |= FoldEnglishPhrase(f) == key;
      if (known) continue;
    }
    ExtractedTerm t;
    t.zh = u.term;
    t.en = best.text;
    for (size_t i = 1; i < u.renderings.size(); ++i) {
      if (u.renderings[i].count >= min_count) t.variants.push_back(u.renderings[i].text);
    }
    t.count = best.count;
    t.units = u.units;
    t.docs = u.docs;
    const int target_units = std::max(best.target_units, best.count);
    t.score = 2.0 * best.count / static_cast<double>(u.units + target_units);
    out.push_back(std::move(t));
  }
  std::stable_sort(out.begin(), out.end(), [](const ExtractedTerm& a, const ExtractedTerm& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.count != b.count) return a.count > b.count;
    return a.zh < b.zh;
  });
  if (top > 0 && out.size() > top) out.resize(top);
  return out;
}

std::string ExtractedTermsTsv(const std::vector<ExtractedTerm>& terms) {
  auto clean = [](std::string s) {
    for (char& c : s) {
      if (c == '\t' || c == '\n' || c == '\r' || c == '|') c = ' ';
    }
    return s;
  };
  std::string out = "zh\ten\tvariants\tforbidden\tcase\tnote\n";
  for (const ExtractedTerm& t : terms) {
    char score[32];
    std::snprintf(score, sizeof score, "%.3f", t.score);
    out.append(clean(t.zh)).append("\t").append(clean(t.en)).append("\t");
    for (size_t i = 0; i < t.variants.size(); ++i) {
      if (i > 0) out.append("|");
      out.append(clean(t.variants[i]));
    }
    out.append("\t\tno\tscore ").append(score).append("; ");
    out.append(std::to_string(t.count)).append(" of ").append(std::to_string(t.units)).append(" units; ");
    out.append(std::to_string(t.docs)).append(t.docs == 1 ? " document\n" : " documents\n");
  }
  return out;
}

}  // namespace tmalign
