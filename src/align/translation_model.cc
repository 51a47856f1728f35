#include "align/translation_model.h"

#include <algorithm>
#include <cstdint>

#include "align/bead_scorer.h"
#include "util/parallel_for.h"

namespace tmalign {
namespace {

size_t At(int i) { return static_cast<size_t>(i); }

// Open addressing (linear probing) from a (Chinese word, English word) pair to its index in
// the pair table; doubles when half full.
class WordPairTable {
 public:
  explicit WordPairTable(size_t expected) {
    size_t capacity = 1024;
    while (capacity < 2 * expected) capacity *= 2;
    Resize(capacity);
  }
  // The index of `key`, or `fresh` (then stored and *inserted set).
  int Find(uint64_t key, int fresh, bool* inserted) {
    for (size_t at = Slot(key);; at = (at + 1) & mask_) {
      if (keys_[at] == key) {
        *inserted = false;
        return values_[at];
      }
      if (keys_[at] == kEmpty) {
        keys_[at] = key;
        values_[at] = fresh;
        *inserted = true;
        if (2 * ++size_ > keys_.size()) Grow();
        return fresh;
      }
    }
  }

 private:
  static constexpr uint64_t kEmpty = ~0ull;
  size_t Slot(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask_; }
  void Resize(size_t capacity) {
    keys_.assign(capacity, kEmpty);
    values_.resize(capacity);
    mask_ = capacity - 1;
  }
  void Grow() {
    std::vector<uint64_t> keys = std::move(keys_);
    std::vector<int> values = std::move(values_);
    Resize(keys.size() * 2);
    for (size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == kEmpty) continue;
      size_t at = Slot(keys[i]);
      while (keys_[at] != kEmpty) at = (at + 1) & mask_;
      keys_[at] = keys[i];
      values_[at] = values[i];
    }
  }
  std::vector<uint64_t> keys_;
  std::vector<int> values_;
  size_t mask_ = 0, size_ = 0;
};

// The beads learned from: each one's distinct words of both sides in the text's order, and
// the pair table's index of each (Chinese word, English word) of the bead, Chinese-major.
struct Corpus {
  std::vector<int> zh_begin{0}, en_begin{0};
  std::vector<size_t> pair_begin{0};
  std::vector<int> zh, en, pair;
  std::vector<double> weight;
  std::vector<int> pair_zh, pair_en, pair_beads, pair_linked;  // per pair of the table
  int beads() const { return static_cast<int>(weight.size()); }
};

// Appends the distinct words of sentences `ids` of `side` (first kMaxUnits units each) to
// *words in the order met; `mark` is per word.
void DistinctWords(const std::vector<SentenceFeatures>& side, const std::vector<int>& ids,
                   std::vector<uint32_t>* mark, uint32_t tick, std::vector<int>* words) {
  for (int id : ids) {
    const SentenceFeatures& s = side[At(id)];
    const size_t n = std::min(s.units.size(), static_cast<size_t>(BeadScorer::kMaxUnits));
    for (size_t u = 0; u < n; ++u) {
      const int w = s.units[u].word_id;
      if ((*mark)[At(w)] == tick) continue;
      (*mark)[At(w)] = tick;
      words->push_back(w);
    }
  }
}

Corpus Collect(const std::vector<Bead>& beads, const DocumentPairFeatures& f, int zh_words, int en_words,
               int max_beads) {
  Corpus c;
  // The beads' words, every step-th bead.
  std::vector<uint32_t> zh_mark(At(zh_words), 0), en_mark(At(en_words), 0);
  uint32_t tick = 0;
  std::vector<const Bead*> used;
  const double step = std::max(1.0, static_cast<double>(beads.size()) / std::max(1, max_beads));
  double next = 0;
  for (size_t at = 0; at < beads.size(); ++at) {
    if (static_cast<double>(at) < next) continue;
    next += step;
    const Bead& b = beads[at];
    if (b.src.empty() || b.tgt.empty() || b.confidence <= 0) continue;
    ++tick;
    DistinctWords(f.zh, b.src, &zh_mark, tick, &c.zh);
    DistinctWords(f.en, b.tgt, &en_mark, tick, &c.en);
    c.zh_begin.push_back(static_cast<int>(c.zh.size()));
    c.en_begin.push_back(static_cast<int>(c.en.size()));
    const size_t nz = At(c.zh_begin.back() - c.zh_begin[c.zh_begin.size() - 2]);
    const size_t ne = At(c.en_begin.back() - c.en_begin[c.en_begin.size() - 2]);
    c.pair_begin.push_back(c.pair_begin.back() + nz * ne);
    c.weight.push_back(b.confidence);
    used.push_back(&b);
  }
  c.pair.resize(c.pair_begin.back());
  // A word in one bead only meets each partner once: those pairs get an index of their own
  // without a lookup.
  std::vector<int> zh_count(At(zh_words), 0), en_count(At(en_words), 0);
  for (int w : c.zh) ++zh_count[At(w)];
  for (int w : c.en) ++en_count[At(w)];
  WordPairTable index(c.pair.size() / 4);
  std::vector<int> zh_local(At(zh_words), 0), en_local(At(en_words), 0);
  std::vector<uint32_t> key_tick(At(f.key_count) + 1, 0);
  std::vector<int> key_head(At(f.key_count) + 1, -1);
  std::vector<std::pair<int, int>> chain;  // (local English word, next) per key of the bead
  std::vector<char> linked;
  tick = 0;
  for (int bead = 0; bead < c.beads(); ++bead) {
    const Bead& b = *used[At(bead)];
    const int z0 = c.zh_begin[At(bead)], e0 = c.en_begin[At(bead)];
    const int nz = c.zh_begin[At(bead + 1)] - z0, ne = c.en_begin[At(bead + 1)] - e0;
    for (int k = 0; k < nz; ++k) zh_local[At(c.zh[At(z0 + k)])] = k;
    for (int k = 0; k < ne; ++k) en_local[At(c.en[At(e0 + k)])] = k;
    // Which of the bead's word pairs a shared key (the dictionary, or the same token) links.
    ++tick;
    chain.clear();
    for (int j : b.tgt) {
      const SentenceFeatures& s = f.en[At(j)];
      const size_t n = std::min(s.units.size(), static_cast<size_t>(BeadScorer::kMaxUnits));
      for (size_t u = 0; u < n; ++u)
        for (uint32_t k = s.units[u].key_begin; k < s.units[u].key_end; ++k) {
          const size_t key = At(s.keys[k]);
          if (key_tick[key] != tick) {
            key_tick[key] = tick;
            key_head[key] = -1;
          }
          chain.emplace_back(en_local[At(s.units[u].word_id)], key_head[key]);
          key_head[key] = static_cast<int>(chain.size()) - 1;
        }
    }
    linked.assign(At(nz) * At(ne), 0);
    for (int i : b.src) {
      const SentenceFeatures& s = f.zh[At(i)];
      const size_t n = std::min(s.units.size(), static_cast<size_t>(BeadScorer::kMaxUnits));
      for (size_t u = 0; u < n; ++u) {
        const int zl = zh_local[At(s.units[u].word_id)];
        for (uint32_t k = s.units[u].key_begin; k < s.units[u].key_end; ++k) {
          const size_t key = At(s.keys[k]);
          if (key_tick[key] != tick) continue;
          for (int at = key_head[key]; at >= 0; at = chain[At(at)].second)
            linked[At(zl * ne + chain[At(at)].first)] = 1;
        }
      }
    }
    int* out = c.pair.data() + c.pair_begin[At(bead)];
    for (int zl = 0; zl < nz; ++zl) {
      const int z = c.zh[At(z0 + zl)];
      const bool zh_once = zh_count[At(z)] == 1;
      for (int el = 0; el < ne; ++el) {
        const int e = c.en[At(e0 + el)];
        const int fresh = static_cast<int>(c.pair_zh.size());
        bool inserted = true;
        const int p =
            zh_once || en_count[At(e)] == 1
                ? fresh
                : index.Find((static_cast<uint64_t>(z) << 32) | static_cast<uint32_t>(e), fresh, &inserted);
        if (inserted) {
          c.pair_zh.push_back(z);
          c.pair_en.push_back(e);
          c.pair_beads.push_back(0);
          c.pair_linked.push_back(0);
        }
        ++c.pair_beads[At(p)];
        c.pair_linked[At(p)] += linked[At(zl * ne + el)];
        *out++ = p;
      }
    }
  }
  return c;
}

// IBM Model 1 in one direction: the words of one side (the target) generated by the other's
// (the source) or by an empty word, t starting uniform. Returns each pair's mean posterior,
// over the beads with both, that the target word was generated by the source word.
std::vector<double> Model1(const Corpus& c, bool zh_generates_en, int zh_words, int en_words,
                           int iterations) {
  const size_t n_pairs = c.pair_zh.size();
  const int n_source = zh_generates_en ? zh_words : en_words;
  const int n_target = zh_generates_en ? en_words : zh_words;
  const std::vector<int>& pair_source = zh_generates_en ? c.pair_zh : c.pair_en;
  std::vector<double> t(n_pairs, 1.0), t_null(At(n_target), 1.0);
  std::vector<double> count(n_pairs), total(At(n_source)), null_count(At(n_target));
  std::vector<double> posterior(n_pairs, 0.0);
  const std::vector<int>& source_words = zh_generates_en ? c.zh : c.en;
  const std::vector<int>& target_words = zh_generates_en ? c.en : c.zh;
  const std::vector<int>& source_begin = zh_generates_en ? c.zh_begin : c.en_begin;
  const std::vector<int>& target_begin = zh_generates_en ? c.en_begin : c.zh_begin;
  for (int iteration = 0; iteration <= iterations; ++iteration) {
    const bool last = iteration == iterations;  // then only the posteriors are read
    std::fill(count.begin(), count.end(), 0.0);
    std::fill(total.begin(), total.end(), 0.0);
    std::fill(null_count.begin(), null_count.end(), 0.0);
    double null_total = 0;
    for (int b = 0; b < c.beads(); ++b) {
      const int s0 = source_begin[At(b)], ns = source_begin[At(b + 1)] - s0;
      const int t0 = target_begin[At(b)], nt = target_begin[At(b + 1)] - t0;
      const int ne = c.en_begin[At(b + 1)] - c.en_begin[At(b)];
      const int* pairs = c.pair.data() + c.pair_begin[At(b)];
      // The pair of source word sl and target word tl is row[sl * source_stride].
      const int source_stride = zh_generates_en ? ne : 1, target_stride = zh_generates_en ? 1 : ne;
      const double w = c.weight[At(b)];
      for (int tl = 0; tl < nt; ++tl) {
        const int target = target_words[At(t0 + tl)];
        const int* row = pairs + tl * target_stride;
        double denominator = t_null[At(target)];
        for (int sl = 0; sl < ns; ++sl) denominator += t[At(row[sl * source_stride])];
        const double scale = 1.0 / denominator;
        if (last) {
          for (int sl = 0; sl < ns; ++sl) {
            const int p = row[sl * source_stride];
            posterior[At(p)] += t[At(p)] * scale;
          }
          continue;
        }
        for (int sl = 0; sl < ns; ++sl) {
          const int p = row[sl * source_stride];
          const double x = w * t[At(p)] * scale;
          count[At(p)] += x;
          total[At(source_words[At(s0 + sl)])] += x;
        }
        const double x = w * t_null[At(target)] * scale;
        null_count[At(target)] += x;
        null_total += x;
      }
    }
    if (last) break;
    for (size_t p = 0; p < n_pairs; ++p) {
      const double denominator = total[At(pair_source[p])];
      t[p] = denominator > 0 ? count[p] / denominator : 0.0;
    }
    for (int e = 0; e < n_target; ++e) t_null[At(e)] = null_total > 0 ? null_count[At(e)] / null_total : 0.0;
  }
  for (size_t p = 0; p < n_pairs; ++p) posterior[p] /= std::max(1, c.pair_beads[p]);
  return posterior;
}

}  // namespace

std::vector<std::pair<int, int>> LearnTranslationPairs(const std::vector<Bead>& beads,
                                                       const DocumentPairFeatures& f,
                                                       const TranslationModelOptions& options) {
  const int zh_words = WordIdCount(f.zh), en_words = WordIdCount(f.en);
  const Corpus c = Collect(beads, f, zh_words, en_words, options.max_beads);
  std::vector<double> credit[2];  // Chinese generating English, and the reverse
  ParallelFor(2, static_cast<unsigned>(std::clamp(options.threads, 1, 2)),
              [&](unsigned, size_t begin, size_t end) {
                for (size_t d = begin; d < end; ++d)
                  credit[d] = Model1(c, d == 0, zh_words, en_words, options.iterations);
              });
  std::vector<std::pair<int, int>> out;
  for (size_t p = 0; p < c.pair_zh.size(); ++p) {
    if (c.pair_linked[p] > 0 || c.pair_beads[p] < options.min_beads) continue;
    if (credit[0][p] < options.min_credit || credit[1][p] < options.min_credit) continue;
    out.emplace_back(c.pair_zh[p], c.pair_en[p]);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace tmalign
