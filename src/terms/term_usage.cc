#include "terms/term_usage.h"

#include <algorithm>
#include <bit>
#include <future>
#include <map>
#include <set>
#include <unordered_map>

#include "dict/chinese_segmenter.h"
#include "terms/term_matcher.h"
#include "text/english_stemmer.h"
#include "text/normalize.h"
#include "util/parallel_for.h"

namespace tmalign {

const char* RenderingStatusName(RenderingStatus status) {
  switch (status) {
    case RenderingStatus::kApproved:
      return "approved";
    case RenderingStatus::kVariant:
      return "variant";
    case RenderingStatus::kForbidden:
      return "forbidden";
    case RenderingStatus::kUnlisted:
      return "unlisted";
  }
  return "?";
}

namespace {

bool IsAsciiWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The length of an apostrophe at i (' or ’), 0 if none.
size_t ApostropheAt(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == '\'') return 1;
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 && static_cast<unsigned char>(s[i + 2]) == 0x99)
    return 3;
  return 0;
}

// Lowercase, apostrophes dropped, a possessive 's removed.
std::string LowerWord(std::string_view surface) {
  std::string lower;
  lower.reserve(surface.size());
  for (size_t i = 0; i < surface.size();) {
    if (size_t a = ApostropheAt(surface, i)) {
      lower.push_back('\'');
      i += a;
      continue;
    }
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(surface[i]))));
    ++i;
  }
  if (lower.size() > 2 && lower.compare(lower.size() - 2, 2, "'s") == 0) lower.resize(lower.size() - 2);
  std::erase(lower, '\'');
  return lower;
}

// The same word up to derivation: equal, or sharing a prefix of five letters or more that
// leaves at most two letters of the shorter ("regulate"/"regulation", "reinforce"/"reinforcement").
bool StemsMeet(std::string_view word, std::string_view translation) {
  if (word == translation) return true;
  const size_t shorter = std::min(word.size(), translation.size());
  size_t common = 0;
  while (common < shorter && word[common] == translation[common]) ++common;
  return common >= 5 && common + 2 >= shorter;
}

constexpr int kMaxWords = 5;

// The trie's edges, (parent node, word id) -> child node, in one open-addressing table:
// pass 2 looks up every word of every target, and a node-based map is the cost there.
class EdgeTable {
 public:
  EdgeTable() { Resize(1 << 16); }
  // 0 when absent (node 0, the root, is never a child).
  uint32_t Find(uint64_t key) const {
    for (size_t i = Slot(key);; i = (i + 1) & mask_) {
      if (values_[i] == 0) return 0;
      if (keys_[i] == key) return values_[i];
    }
  }
  // Asks for the memory Find(key) reads first, so that several lookups wait at once.
  void Prefetch(uint64_t key) const {
    const size_t i = Slot(key);
    __builtin_prefetch(&keys_[i]);
    __builtin_prefetch(&values_[i]);
  }
  void Insert(uint64_t key, uint32_t value) {
    if ((size_ + 1) * 2 > keys_.size()) Grow();
    size_t i = Slot(key);
    while (values_[i] != 0) i = (i + 1) & mask_;
    keys_[i] = key;
    values_[i] = value;
    ++size_;
  }

 private:
  size_t Slot(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_); }
  void Resize(size_t capacity) {
    keys_.assign(capacity, 0);
    values_.assign(capacity, 0);
    mask_ = capacity - 1;
    shift_ = 64 - std::countr_zero(capacity);
    size_ = 0;
  }
  void Grow() {
    std::vector<uint64_t> keys = std::move(keys_);
    std::vector<uint32_t> values = std::move(values_);
    Resize(keys.size() * 2);
    for (size_t i = 0; i < keys.size(); ++i) {
      if (values[i] != 0) Insert(keys[i], values[i]);
    }
  }
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> values_;
  size_t mask_ = 0, size_ = 0;
  int shift_ = 0;
};

// Opening and closing quotation marks (ASCII, curly, corner brackets, guillemets, 《》).
constexpr std::string_view kOpenQuotes[] = {"\"",           "\xE2\x80\x9C", "\xE2\x80\x98", "\xE3\x80\x8C",
                                            "\xE3\x80\x8E", "\xE3\x80\x8A", "\xC2\xAB",     "'"};
constexpr std::string_view kCloseQuotes[] = {"\"",           "\xE2\x80\x9D", "\xE2\x80\x99", "\xE3\x80\x8D",
                                             "\xE3\x80\x8F", "\xE3\x80\x8B", "\xC2\xBB",     "'"};

bool QuoteBefore(std::string_view s, size_t i) {
  for (std::string_view q : kOpenQuotes) {
    if (i >= q.size() && s.substr(i - q.size(), q.size()) == q) return true;
  }
  return false;
}
bool QuoteAfter(std::string_view s, size_t i) {
  for (std::string_view q : kCloseQuotes) {
    if (s.substr(i, q.size()) == q) return true;
  }
  return false;
}

bool IsCapitalized(std::string_view text, const EnglishWord& w) {
  const unsigned char c = static_cast<unsigned char>(text[w.begin]);
  return c >= 'A' && c <= 'Z';
}

}  // namespace

namespace {

// Calls fn(begin, end, break_before) for each English word of `text` as SplitEnglishWords
// finds it, before folding; break_before is true for the first word.
template <typename Fn>
void ForEachWordSpan(std::string_view text, Fn fn) {
  bool pending_break = false, first = true;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (!IsAsciiWordByte(c)) {
      if (c != ' ' && c != '-' && c != '\t') pending_break = true;
      ++i;
      continue;
    }
    const size_t begin = i;
    while (i < text.size()) {
      if (IsAsciiWordByte(static_cast<unsigned char>(text[i]))) {
        ++i;
      } else if (size_t a = ApostropheAt(text, i);
                 a && i + a < text.size() && IsAsciiWordByte(static_cast<unsigned char>(text[i + a]))) {
        i += a;
      } else {
        break;
      }
    }
    fn(begin, i, pending_break || first);
    pending_break = false;
    first = false;
  }
}

}  // namespace

std::vector<EnglishWord> SplitEnglishWords(std::string_view text, bool fold) {
  std::vector<EnglishWord> words;
  ForEachWordSpan(text, [&](size_t begin, size_t end, bool break_before) {
    EnglishWord w;
    w.begin = begin;
    w.end = end;
    if (fold) {
      const std::string lower = LowerWord(text.substr(begin, end - begin));
      w.stop = IsEnglishStopword(lower);
      w.key = StemEnglishWord(lower);
    } else {
      w.key = std::string(text.substr(begin, end - begin));
    }
    w.break_before = break_before || words.empty();
    if (!w.key.empty()) words.push_back(std::move(w));
  });
  return words;
}

std::string FoldEnglishPhrase(std::string_view text) {
  std::string out;
  for (const EnglishWord& w : SplitEnglishWords(text)) out += (out.empty() ? "" : " ") + w.key;
  return out;
}

namespace {

// What pass 1 found in one unit, before the tables see it.
struct FoundUnit {
  std::vector<size_t> terms;             // the terms its source holds, in term order
  std::vector<bool> quoted;              // per term: quoted in the source (“四个强化”)
  std::vector<std::string> found, keys;  // per term: the glossary rendering found, folded ("" if none)
  std::vector<EnglishWord> words;        // the target's words, when a term is left to statistics
};

}  // namespace

struct TermUsageCollector::Impl {
  // The terms as a glossary of their own: the glossary's entry when it lists the term,
  // otherwise a stand-in whose rendering (the term itself) is never looked for.
  Glossary query;
  std::vector<bool> listed;
  const BilingualLexicon* lexicon = nullptr;

  std::unique_ptr<TermMatcher> matcher;

  // Both passes work in batches: what a unit's work only reads (finding terms and
  // renderings, splitting and folding words) runs on several threads; what updates the
  // tables below runs in TM order, so the result does not depend on the number of threads.
  static constexpr size_t kBatch = 4096;
  unsigned threads = 1;
  struct BufferedUnit {
    std::string doc;
    int position = 0;
    std::string source, target;
  };
  // Each pass keeps one batch filling (the caller's thread reads the TM into it) and one being
  // worked on by the threads (`search`); the tables take a batch's results while the next
  // batch is worked on. The work on a unit reads none of the tables, so the two overlap.
  std::vector<BufferedUnit> batch, searching;   // pass 1
  std::vector<FoundUnit> found;                 // what the search of `searching` found
  std::vector<std::string> to_count, counting;  // pass 2
  std::vector<std::vector<uint32_t>> counted;   // the candidate spans (nodes) of `counting`
  // Per worker: a word as written -> its word id (-1: in no candidate span) and whether it
  // is a stopword. Most words of most targets are in no candidate span, and stemming them
  // is the cost of pass 2.
  std::vector<StringMap<std::pair<int32_t, bool>>> count_caches;

  // Dictionary evidence per term: English stems of each segment of the term (at most 31),
  // and of the whole term.
  struct Evidence {
    std::vector<std::vector<std::string>> segments;
    std::vector<std::string> whole;
  };
  std::vector<Evidence> evidence;
  // Per term: folded glossary form -> status.
  std::vector<std::unordered_map<std::string, RenderingStatus>> form_status;

  // Interned documents and words; n-grams as a trie over word ids (node 0 is the root).
  std::vector<std::string> doc_names;
  std::unordered_map<std::string, int> doc_ids;
  StringMap<int32_t> word_ids;
  EdgeTable trie;
  std::vector<uint32_t> node_units;  // units in scope holding the n-gram (pass 2)
  std::vector<uint8_t> node_length;
  std::vector<int32_t> node_word;  // last word of the n-gram
  uint32_t units_counted = 0;

  // A unit holding a term.
  struct TermUnit {
    size_t term;
    int doc;
    int position;
    size_t text;          // index into targets (when the rendering is left to statistics)
    std::string found;    // the glossary rendering's surface, if one was found
    std::string key;      // its folded form
    bool quoted = false;  // the term stands in quotes in the source (“四个强化”)
  };
  std::vector<TermUnit> term_units;
  std::vector<std::string> targets;
  std::vector<size_t> term_unit_count;
  std::vector<size_t> pending_count;  // units of the term no glossary rendering settles
  std::vector<std::unordered_map<uint32_t, uint32_t>> cooc;  // per term: node -> units with both
  bool any_pending = false;

  class SpanChooser;  // Finish's choice of a span, defined below

  // The batch being worked on in each pass; last, so that it ends before the rest goes.
  std::future<void> search, count;
  ~Impl() {
    if (search.valid()) search.wait();
    if (count.valid()) count.wait();
  }

  void ApplyFound(std::vector<BufferedUnit>* units, std::vector<FoundUnit>* results);

  int32_t WordId(const std::string& key, bool add) {
    auto it = word_ids.find(key);
    if (it != word_ids.end()) return it->second;
    if (!add) return -1;
    const int32_t id = static_cast<int32_t>(word_ids.size());
    word_ids.emplace(key, id);
    return id;
  }
  uint32_t Child(uint32_t node, int32_t word, bool add) {
    const uint64_t k = (static_cast<uint64_t>(node) << 32) | static_cast<uint32_t>(word);
    if (const uint32_t found = trie.Find(k)) return found;
    if (!add) return 0;
    const uint32_t id = static_cast<uint32_t>(node_units.size());
    trie.Insert(k, id);
    node_units.push_back(0);
    node_length.push_back(static_cast<uint8_t>(node == 0 ? 1 : node_length[node] + 1));
    node_word.push_back(word);
    return id;
  }

  // Calls fn(first word, last word, node) for each candidate span of `words` that the trie
  // holds (adding them when `add`).
  // A word of pass 2: no text, only what spans need.
  struct CountedWord {
    bool stop = false, break_before = false;
  };

  template <typename Word, typename Fn>
  void ForEachSpan(const std::vector<Word>& words, const std::vector<int32_t>& ids, bool add, Fn fn) {
    for (size_t i = 0; i < words.size(); ++i) {
      if (ids[i] < 0 || words[i].stop) continue;
      uint32_t node = 0;
      for (size_t j = i; j < words.size() && j < i + kMaxWords; ++j) {
        if (ids[j] < 0 || (j > i && words[j].break_before)) break;
        node = Child(node, ids[j], add);
        if (node == 0) break;
        if (!words[j].stop) fn(i, j, node);
      }
    }
  }

  // The nodes of the candidate spans of `words` the trie holds, as ForEachSpan(words, ids,
  // false, ...) finds them, but one span length at a time: the lookups of one length do not
  // depend on each other, so their memory is asked for at once (pass 2 looks up every span of
  // every target in a table of millions of edges, and each lookup alone is a cache miss).
  template <typename Word>
  void SpanNodes(const std::vector<Word>& words, const std::vector<int32_t>& ids,
                 std::vector<std::pair<uint32_t, uint32_t>>* walks, std::vector<uint32_t>* out) const {
    walks->clear();  // (first word, node so far)
    for (size_t i = 0; i < words.size(); ++i) {
      if (ids[i] >= 0 && !words[i].stop) walks->emplace_back(static_cast<uint32_t>(i), 0);
    }
    auto key = [&](uint32_t node, size_t j) {
      return (static_cast<uint64_t>(node) << 32) | static_cast<uint32_t>(ids[j]);
    };
    for (size_t length = 0; length < static_cast<size_t>(kMaxWords) && !walks->empty(); ++length) {
      size_t kept = 0;
      for (size_t w = 0; w < walks->size(); ++w) {
        const auto [first, node] = (*walks)[w];
        const size_t j = first + length;
        if (j >= words.size() || ids[j] < 0 || (length > 0 && words[j].break_before)) continue;
        trie.Prefetch(key(node, j));
        (*walks)[kept++] = {first, node};
      }
      walks->resize(kept);
      kept = 0;
      for (size_t w = 0; w < walks->size(); ++w) {
        const auto [first, node] = (*walks)[w];
        const size_t j = first + length;
        const uint32_t child = trie.Find(key(node, j));
        if (child == 0) continue;
        if (!words[j].stop) out->push_back(child);
        (*walks)[kept++] = {first, child};
      }
      walks->resize(kept);
    }
  }

  void BuildEvidence(size_t t) {
    Evidence& ev = evidence[t];
    if (lexicon == nullptr) return;
    auto stems_of = [&](std::string_view zh, std::vector<std::string>* out) {
      if (auto w = lexicon->FindWord(zh)) {
        for (int id : w->translations) {
          const std::string_view stem = lexicon->StemText(id);
          if (!IsEnglishStopword(stem)) out->emplace_back(stem);
        }
      }
    };
    const std::string zh = MatchNormalizer::Shared().ToSimplified(query.entries()[t].zh);
    stems_of(zh, &ev.whole);
    for (const ChineseToken& tok : SegmentChinese(zh, *lexicon)) {
      if (ev.segments.size() >= 31) break;
      std::vector<std::string> stems;
      if (tok.is_han) {
        stems_of(tok.text, &stems);
        // A word the dictionary lacks: its characters' translations.
        if (stems.empty()) {
          for (size_t i = 0; i < tok.text.size(); i += 3) stems_of(tok.text.substr(i, 3), &stems);
        }
      } else {
        stems.push_back(FoldEnglishPhrase(tok.text));
      }
      ev.segments.push_back(std::move(stems));
    }
  }
};

TermUsageCollector::TermUsageCollector(const std::vector<std::string>& terms, const Glossary* glossary,
                                       const BilingualLexicon* lexicon, unsigned threads)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.lexicon = lexicon;
  std::unordered_map<std::string, const TermEntry*> by_zh;
  if (glossary != nullptr) {
    for (const TermEntry& e : glossary->entries())
      by_zh.emplace(MatchNormalizer::Shared().Normalize(e.zh), &e);
  }
  for (const std::string& term : terms) {
    auto it = by_zh.find(MatchNormalizer::Shared().Normalize(term));
    TermEntry entry;
    if (it != by_zh.end()) {
      entry = *it->second;
      entry.zh = term;
    } else {
      entry.zh = term;
      entry.en = term;
    }
    if (m.query.Add(entry).ok()) m.listed.push_back(it != by_zh.end());  // duplicates are dropped
  }
  const size_t n = m.query.entries().size();
  m.threads = threads > 0 ? threads : std::min(DefaultThreadCount(), 4u);
  m.matcher = std::make_unique<TermMatcher>(m.query);
  m.count_caches.resize(m.threads);
  m.evidence.resize(n);
  m.form_status.resize(n);
  m.term_unit_count.assign(n, 0);
  m.pending_count.assign(n, 0);
  m.cooc.resize(n);
  m.node_units.push_back(0);
  m.node_length.push_back(0);
  m.node_word.push_back(-1);
  for (size_t t = 0; t < n; ++t) {
    m.BuildEvidence(t);
    if (!m.listed[t]) continue;
    const TermEntry& e = m.query.entries()[t];
    // An approved form listed again as forbidden keeps its first status.
    m.form_status[t].emplace(FoldEnglishPhrase(e.en), RenderingStatus::kApproved);
    for (const auto& v : e.variants)
      m.form_status[t].emplace(FoldEnglishPhrase(v), RenderingStatus::kVariant);
    for (const auto& f : e.forbidden)
      m.form_status[t].emplace(FoldEnglishPhrase(f), RenderingStatus::kForbidden);
  }
}

TermUsageCollector::~TermUsageCollector() = default;

// Pass 1's work on one unit that reads only the terms and the matcher.
static FoundUnit FindInUnit(const TermMatcher& matcher, const Glossary& query,
                            const std::vector<bool>& listed, std::string_view source,
                            std::string_view target) {
  FoundUnit f;
  const std::vector<ZhHit> zh = matcher.FindZh(source);
  if (zh.empty()) return f;
  std::set<size_t> quoted;
  for (const ZhHit& h : zh) {
    f.terms.push_back(h.term);
    if (QuoteBefore(source, h.begin) && QuoteAfter(source, h.end)) quoted.insert(h.term);
  }
  std::sort(f.terms.begin(), f.terms.end());
  f.terms.erase(std::unique(f.terms.begin(), f.terms.end()), f.terms.end());

  // Glossary renderings in the target: a forbidden one first (it is what a report must
  // show), else the first by position.
  std::vector<EnHit> en;
  if (std::any_of(f.terms.begin(), f.terms.end(), [&](size_t t) { return listed[t]; })) {
    std::vector<EnHit> overlapped;
    en = matcher.FindEn(target, &overlapped);
    en.insert(en.end(), overlapped.begin(), overlapped.end());
  }
  bool pending = false;
  for (size_t t : f.terms) {
    f.quoted.push_back(quoted.count(t) > 0);
    std::string found, key;
    if (listed[t]) {
      const EnHit* best = nullptr;
      for (const EnHit& h : en) {
        if (h.term != t) continue;
        const bool forbidden = h.kind == RenderingKind::kForbidden;
        if (best == nullptr || (forbidden && best->kind != RenderingKind::kForbidden) ||
            (forbidden == (best->kind == RenderingKind::kForbidden) && h.begin < best->begin))
          best = &h;
      }
      if (best != nullptr) {
        found = std::string(target.substr(best->begin, best->end - best->begin));
        key = FoldEnglishPhrase(matcher.FormText(*best));
        // A term whose case matters ("Digital China"): the wrong case is a rendering of its
        // own, which no glossary form lists.
        if (query.entries()[t].case_sensitive && !best->case_exact) key += " (case)";
      }
    }
    pending = pending || key.empty();
    f.found.push_back(std::move(found));
    f.keys.push_back(std::move(key));
  }
  // Association statistics come from the units a glossary rendering does not settle: there
  // the question is which words render the term, and a rendering that recurs in them is the
  // one translators used instead of the glossary's.
  if (pending) f.words = SplitEnglishWords(target);
  return f;
}

void TermUsageCollector::AddUnit(std::string_view doc, int position, std::string_view source,
                                 std::string_view target) {
  Impl& m = *impl_;
  m.batch.push_back(Impl::BufferedUnit{std::string(doc), position, std::string(source), std::string(target)});
  if (m.batch.size() >= Impl::kBatch) FlushUnits();
}

void TermUsageCollector::FlushUnits() {
  Impl& m = *impl_;
  // The batch before must be done: its results are applied below, and it holds the threads.
  std::vector<Impl::BufferedUnit> done;
  std::vector<FoundUnit> done_found;
  if (m.search.valid()) {
    m.search.get();
    done = std::move(m.searching);
    done_found = std::move(m.found);
  }
  if (!m.batch.empty()) {
    m.searching = std::move(m.batch);
    m.batch.clear();
    m.found.assign(m.searching.size(), FoundUnit{});
    m.search = std::async(std::launch::async, [&m] {
      ParallelFor(m.searching.size(), m.threads, [&m](unsigned, size_t begin, size_t end) {
        for (size_t i = begin; i < end; ++i)
          m.found[i] =
              FindInUnit(*m.matcher, m.query, m.listed, m.searching[i].source, m.searching[i].target);
      });
    });
  }
  m.ApplyFound(&done, &done_found);
}

// The tables take one batch's results, in TM order.
void TermUsageCollector::Impl::ApplyFound(std::vector<BufferedUnit>* units, std::vector<FoundUnit>* results) {
  for (size_t i = 0; i < units->size(); ++i) {
    FoundUnit& f = (*results)[i];
    BufferedUnit& u = (*units)[i];
    if (f.terms.empty()) continue;
    auto [doc_it, new_doc] = doc_ids.emplace(u.doc, static_cast<int>(doc_names.size()));
    if (new_doc) doc_names.push_back(u.doc);
    std::vector<uint32_t> nodes;
    if (!f.words.empty()) {
      std::vector<int32_t> ids;
      ids.reserve(f.words.size());
      for (const EnglishWord& w : f.words) ids.push_back(WordId(w.key, true));
      ForEachSpan(f.words, ids, true, [&](size_t, size_t, uint32_t node) { nodes.push_back(node); });
      std::sort(nodes.begin(), nodes.end());
      nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
    }
    size_t text_index = SIZE_MAX;
    for (size_t k = 0; k < f.terms.size(); ++k) {
      const size_t t = f.terms[k];
      ++term_unit_count[t];
      TermUnit tu{
          t, doc_it->second, u.position, SIZE_MAX, std::move(f.found[k]), std::move(f.keys[k]), f.quoted[k]};
      if (tu.key.empty()) {
        ++pending_count[t];
        for (uint32_t node : nodes) ++cooc[t][node];
        if (text_index == SIZE_MAX) {
          text_index = targets.size();
          targets.push_back(std::move(u.target));
        }
        tu.text = text_index;
        any_pending = true;
      }
      term_units.push_back(std::move(tu));
    }
  }
}

bool TermUsageCollector::needs_counts() {
  FlushUnits();  // the last batch starts
  FlushUnits();  // and is applied
  return impl_->any_pending;
}

void TermUsageCollector::CountUnit(std::string_view target) {
  Impl& m = *impl_;
  m.to_count.emplace_back(target);
  if (m.to_count.size() >= Impl::kBatch) FlushCounts();
}

void TermUsageCollector::FlushCounts() {
  Impl& m = *impl_;
  // As FlushUnits: the batch before ends and is counted while this one is worked on.
  std::vector<std::vector<uint32_t>> done;
  if (m.count.valid()) {
    m.count.get();
    done = std::move(m.counted);
  }
  if (!m.to_count.empty()) {
    m.units_counted += static_cast<uint32_t>(m.to_count.size());
    if (m.word_ids.empty()) {
      m.to_count.clear();
    } else {
      m.counting = std::move(m.to_count);
      m.to_count.clear();
      m.counted.assign(m.counting.size(), {});
      // The candidate spans of each target (the tables are only read in pass 2).
      m.count = std::async(std::launch::async, [&m] {
        ParallelFor(m.counting.size(), m.threads, [&m](unsigned worker, size_t begin, size_t end) {
          auto& cache = m.count_caches[worker];
          std::vector<int32_t> ids;
          std::vector<Impl::CountedWord> words;
          std::vector<std::pair<uint32_t, uint32_t>> walks;
          for (size_t i = begin; i < end; ++i) {
            // Words as SplitEnglishWords finds them, folded through the cache of surfaces.
            const std::string_view text = m.counting[i];
            ids.clear();
            words.clear();
            ForEachWordSpan(text, [&](size_t b, size_t e, bool break_before) {
              const std::string_view surface = text.substr(b, e - b);
              auto it = cache.find(surface);
              if (it == cache.end()) {
                const std::string lower = LowerWord(surface);
                it =
                    cache
                        .emplace(std::string(surface), std::make_pair(m.WordId(StemEnglishWord(lower), false),
                                                                      IsEnglishStopword(lower)))
                        .first;
              }
              ids.push_back(it->second.first);
              words.push_back(Impl::CountedWord{it->second.second, break_before || words.empty()});
            });
            std::vector<uint32_t>& unit_nodes = m.counted[i];
            m.SpanNodes(words, ids, &walks, &unit_nodes);
            std::sort(unit_nodes.begin(), unit_nodes.end());
            unit_nodes.erase(std::unique(unit_nodes.begin(), unit_nodes.end()), unit_nodes.end());
          }
        });
      });
    }
  }
  for (const std::vector<uint32_t>& unit_nodes : done) {
    for (uint32_t node : unit_nodes) ++m.node_units[node];
  }
}

// The best span of a unit's target for a term that no glossary rendering settled: dictionary
// coverage of the term's parts, association across the TM (Dice), and the spans a translator
// marks (quotes, capitals). Reads the collector's tables only, so several run at once; the
// terms of one unit come one after the other, and share the target's words and spans.
class TermUsageCollector::Impl::SpanChooser {
 public:
  // Reads the tables only (no word or span is added), as the counting pass does on its threads.
  explicit SpanChooser(Impl& m) : m_(m) {}

  // Sets *key and *surface to the best span's folded form and text; leaves them empty if none.
  void Choose(const TermUnit& tu, std::string* key_out, std::string* surface_out) {
    const size_t t = tu.term;
    std::string key, surface;
    const std::string& target = m_.targets[tu.text];
    if (cached_text != tu.text) {
      cached_text = tu.text;
      words = SplitEnglishWords(target);
      ids.clear();
      for (const EnglishWord& w : words) ids.push_back(m_.WordId(w.key, false));
      spans.clear();
      m_.ForEachSpan(words, ids, false, [&](size_t i, size_t j, uint32_t node) {
        spans.push_back({i, j, node});
      });
    }
    const Impl::Evidence& ev = m_.evidence[t];
    const size_t segs = ev.segments.size();
    // Which parts of the term each word renders: bit s for segment s, bit 31 for the whole term.
    std::vector<uint32_t> bits(words.size(), 0);
    for (size_t i = 0; i < words.size(); ++i) {
      for (size_t s = 0; s < segs; ++s) {
        for (const std::string& stem : ev.segments[s]) {
          if (StemsMeet(words[i].key, stem)) bits[i] |= 1u << s;
        }
      }
      for (const std::string& stem : ev.whole) {
        if (StemsMeet(words[i].key, stem)) bits[i] |= 1u << 31;
      }
    }
    // Spans a translator marks as one: the words inside a pair of quotes (when the source
    // quotes the term too) and runs of capitalized words (titles, names).
    std::set<std::pair<size_t, size_t>> marked;
    if (tu.quoted) {
      for (size_t i = 0; i < words.size(); ++i) {
        if (!QuoteBefore(target, words[i].begin)) continue;
        for (size_t j = i; j < words.size() && j < i + kMaxWords; ++j) {
          if (j > i && words[j].break_before) break;
          if (QuoteAfter(target, words[j].end)) {
            marked.emplace(i, j);
            break;
          }
        }
      }
    }
    const bool only_quote = marked.size() == 1;
    for (size_t i = 0; i < words.size(); ++i) {
      if (!IsCapitalized(target, words[i]) ||
          (i > 0 && !words[i].break_before && IsCapitalized(target, words[i - 1])))
        continue;
      size_t j = i;
      while (j + 1 < words.size() && !words[j + 1].break_before && IsCapitalized(target, words[j + 1])) ++j;
      if (j > i && j - i < kMaxWords) marked.emplace(i, j);
    }
    const double n_t = static_cast<double>(m_.pending_count[t]);
    double best_score = -1;
    uint32_t best_cooc = 0;
    size_t best_i = 0, best_j = 0;
    bool found = false;
    for (const auto& [i, j, node] : spans) {
      uint32_t mask = 0;
      int extra = 0;
      for (size_t k = i; k <= j; ++k) {
        mask |= bits[k];
        if (bits[k] == 0 && !words[k].stop) ++extra;
      }
      double cov =
          segs ? static_cast<double>(std::popcount(mask & 0x7FFFFFFFu)) / static_cast<double>(segs) : 0;
      if (mask & (1u << 31)) cov = 1;
      auto it = m_.cooc[t].find(node);
      const uint32_t both = it == m_.cooc[t].end() ? 0 : it->second;
      const double dice = 2.0 * both / (n_t + std::max<double>(m_.node_units[node], both));
      const bool is_marked = marked.count({i, j}) > 0;
      const bool lone_quote = only_quote && is_marked && tu.quoted;
      if (cov == 0 && !lone_quote && (both < 2 || dice < 0.2)) continue;
      double score = cov > 0 ? 0.6 * cov + 0.4 * dice - 0.1 * extra : dice - 1.0;
      if (is_marked) score += cov > 0 ? 0.1 * (extra + 1) : 0.5;
      const size_t len = j - i, best_len = best_j - best_i;
      if (!found || score > best_score + 1e-9 ||
          (score > best_score - 1e-9 && (both > best_cooc || (both == best_cooc && len > best_len)))) {
        found = true;
        best_score = score;
        best_cooc = both;
        best_i = i;
        best_j = j;
      }
    }
    if (found) {
      surface = target.substr(words[best_i].begin, words[best_j].end - words[best_i].begin);
      for (size_t k = best_i; k <= best_j; ++k) key += (k > best_i ? " " : "") + words[k].key;
    }
    *key_out = std::move(key);
    *surface_out = std::move(surface);
  }

 private:
  struct CandidateSpan {
    size_t i, j;
    uint32_t node;
  };
  Impl& m_;
  size_t cached_text = SIZE_MAX;
  std::vector<EnglishWord> words;
  std::vector<int32_t> ids;
  std::vector<CandidateSpan> spans;
};

std::vector<TermUsage> TermUsageCollector::Finish() {
  FlushUnits();  // the last batches of each pass start and are applied
  FlushUnits();
  FlushCounts();
  FlushCounts();
  Impl& m = *impl_;
  const size_t n = m.query.entries().size();
  struct Tally {
    int count = 0;
    std::set<int> docs;
    std::map<std::string, int> surfaces;
    std::string first_surface;
    int example_doc = -1, example_unit = 0;
  };
  std::vector<std::map<std::string, Tally>> tallies(n);
  std::vector<std::set<int>> term_docs(n);
  std::vector<int> unrendered(n, 0);

  // The spans of the units left to statistics, chosen on several threads and written in
  // place (each unit by one thread).
  ParallelFor(m.term_units.size(), m.threads, [&](unsigned, size_t begin, size_t end) {
    Impl::SpanChooser chooser(m);
    for (size_t k = begin; k < end; ++k) {
      Impl::TermUnit& tu = m.term_units[k];
      if (tu.key.empty() && tu.text != SIZE_MAX) chooser.Choose(tu, &tu.key, &tu.found);
    }
  });

  for (const Impl::TermUnit& tu : m.term_units) {
    const size_t t = tu.term;
    term_docs[t].insert(tu.doc);
    const std::string& key = tu.key;
    const std::string& surface = tu.found;
    if (key.empty()) {
      ++unrendered[t];
      continue;
    }
    Tally& tally = tallies[t][key];
    ++tally.count;
    tally.docs.insert(tu.doc);
    if (++tally.surfaces[surface] == 1 && tally.first_surface.empty()) tally.first_surface = surface;
    if (tally.example_doc < 0) {
      tally.example_doc = tu.doc;
      tally.example_unit = tu.position;
    }
  }

  std::vector<TermUsage> out;
  for (size_t t = 0; t < n; ++t) {
    TermUsage u;
    u.term = m.query.entries()[t].zh;
    u.units = static_cast<int>(m.term_unit_count[t]);
    u.docs = static_cast<int>(term_docs[t].size());
    u.unrendered = unrendered[t];
    for (auto& [key, tally] : tallies[t]) {
      RenderingUsage r;
      // The most frequent surface form; the first seen among equals.
      r.text = tally.first_surface;
      int best = tally.surfaces[r.text];
      for (const auto& [s, c] : tally.surfaces) {
        if (c > best) {
          best = c;
          r.text = s;
        }
      }
      r.count = tally.count;
      if (m.units_counted > 0) {
        uint32_t node = 0;
        size_t start = 0;
        while (start <= key.size()) {
          const size_t space = std::min(key.find(' ', start), key.size());
          const int32_t word = m.WordId(key.substr(start, space - start), false);
          node = word < 0 ? 0 : m.Child(node, word, false);
          if (node == 0) break;
          start = space + 1;
        }
        if (node != 0) r.target_units = static_cast<int>(m.node_units[node]);
      }
      r.docs = static_cast<int>(tally.docs.size());
      auto st = m.form_status[t].find(key);
      r.status = st == m.form_status[t].end() ? RenderingStatus::kUnlisted : st->second;
      r.example = UsageExample{m.doc_names[static_cast<size_t>(tally.example_doc)], tally.example_unit};
      for (int d : tally.docs) r.doc_ids.push_back(m.doc_names[static_cast<size_t>(d)]);
      std::sort(r.doc_ids.begin(), r.doc_ids.end());
      u.renderings.push_back(std::move(r));
    }
    std::stable_sort(u.renderings.begin(), u.renderings.end(),
                     [](const RenderingUsage& a, const RenderingUsage& b) {
                       if (a.count != b.count) return a.count > b.count;
                       if (a.docs != b.docs) return a.docs > b.docs;
                       return a.text < b.text;
                     });
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace tmalign
