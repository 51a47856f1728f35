#include "align/anchor_search.h"

#include <algorithm>
#include <cmath>
#include <span>
#include <thread>
#include <unordered_map>

namespace tmalign {
namespace {

constexpr int kCandidatesPerSentence = 4;
// Votes lose up to this share with the candidate's distance from the diagonal (as a share of the text).
constexpr double kDiagonalPreference = 0.5;
// Between distant anchors the band widens with the gap, up to this many sentences
// either side, which keeps texts with no shared evidence at all to bounded work.
constexpr double kMaxExtraWidth = 400;
// Share of the gap between two anchors added to the half-width: where anchors are dense the
// band is narrow (less work), where they are sparse it widens faster.
constexpr double kGapShare = 0.5;

// Max-weight chain strictly increasing in zh and en (Fenwick tree of prefix maxima over en).
std::vector<Anchor> HeaviestChain(std::vector<Anchor> cands, int n_en) {
  std::sort(cands.begin(), cands.end(),
            [](const Anchor& a, const Anchor& b) { return a.zh != b.zh ? a.zh < b.zh : a.en < b.en; });
  const size_t n = cands.size();
  std::vector<double> tree(static_cast<size_t>(n_en) + 1, 0.0);
  std::vector<int> tree_arg(static_cast<size_t>(n_en) + 1, -1);
  std::vector<double> best(n);
  std::vector<int> prev(n, -1);
  auto query = [&](int j, double* value, int* arg) {  // max over en < j
    *value = 0;
    *arg = -1;
    for (int k = j; k > 0; k -= k & -k) {
      if (tree[static_cast<size_t>(k)] > *value) {
        *value = tree[static_cast<size_t>(k)];
        *arg = tree_arg[static_cast<size_t>(k)];
      }
    }
  };
  auto update = [&](int j, double value, int arg) {
    for (int k = j + 1; k <= n_en; k += k & -k) {
      if (value > tree[static_cast<size_t>(k)]) {
        tree[static_cast<size_t>(k)] = value;
        tree_arg[static_cast<size_t>(k)] = arg;
      }
    }
  };
  for (size_t start = 0; start < n;) {
    size_t end = start;
    while (end < n && cands[end].zh == cands[start].zh) ++end;
    for (size_t c = start; c < end; ++c) {  // queries before updates: zh must increase strictly
      double v;
      int arg;
      query(cands[c].en, &v, &arg);
      best[c] = v + cands[c].weight;
      prev[c] = arg;
    }
    for (size_t c = start; c < end; ++c) update(cands[c].en, best[c], static_cast<int>(c));
    start = end;
  }
  std::vector<Anchor> chain;
  int at = -1;
  double top = 0;
  for (size_t c = 0; c < n; ++c) {
    if (best[c] > top) {
      top = best[c];
      at = static_cast<int>(c);
    }
  }
  for (; at >= 0; at = prev[static_cast<size_t>(at)]) chain.push_back(cands[static_cast<size_t>(at)]);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

}  // namespace

std::vector<Anchor> FindAnchors(const DocumentPairFeatures& f, const BeadScorer& scorer, int threads) {
  const int n_zh = static_cast<int>(f.zh.size());
  const int n_en = static_cast<int>(f.en.size());
  // Inverted index over English keys, keeping only keys rare enough to be evidence.
  const size_t max_postings = static_cast<size_t>(std::max(4.0, 0.5 * std::sqrt(static_cast<double>(n_en))));
  // One flat array (key k's list at [start[k], start[k + 1])), each list cut at
  // max_postings + 1 entries: a longer list is skipped whole.
  std::vector<uint32_t> start(static_cast<size_t>(f.key_count) + 1, 0);
  for (int j = 0; j < n_en; ++j) {
    for (int k : f.en[static_cast<size_t>(j)].key_set) {
      uint32_t& count = start[static_cast<size_t>(k) + 1];
      if (count <= max_postings) ++count;
    }
  }
  // Which keys have a list worth reading, one bit a key: most keys of a Chinese sentence
  // (pinyin spellings, translations the English never uses) have none, and this table stays
  // in the cache where `start` would not.
  std::vector<uint64_t> useful((static_cast<size_t>(f.key_count) + 63) / 64, 0);
  for (size_t k = 0; k < static_cast<size_t>(f.key_count); ++k) {
    if (start[k + 1] > 0 && start[k + 1] <= max_postings) useful[k / 64] |= 1ULL << (k % 64);
  }
  for (size_t k = 0; k < static_cast<size_t>(f.key_count); ++k) start[k + 1] += start[k];
  std::vector<int> posting_ids(start.back());
  {
    std::vector<uint32_t> fill(start.begin(), start.end() - 1);
    for (int j = 0; j < n_en; ++j) {
      for (int k : f.en[static_cast<size_t>(j)].key_set) {
        uint32_t& at = fill[static_cast<size_t>(k)];
        if (at < start[static_cast<size_t>(k) + 1]) posting_ids[at++] = j;
      }
    }
  }
  auto postings = [&](int k) {
    return std::span<const int>(posting_ids.data() + start[static_cast<size_t>(k)],
                                posting_ids.data() + start[static_cast<size_t>(k) + 1]);
  };
  // Each Chinese sentence's candidates depend on it alone: contiguous ranges of sentences
  // on the threads, their candidates joined in order.
  threads = std::clamp(threads, 1, std::max(1, n_zh / 512));
  std::vector<std::vector<Anchor>> found(static_cast<size_t>(threads));
  auto work = [&](int t) {
    const int first = static_cast<int>(static_cast<int64_t>(n_zh) * t / threads);
    const int last = static_cast<int>(static_cast<int64_t>(n_zh) * (t + 1) / threads);
    std::vector<Anchor>& candidates = found[static_cast<size_t>(t)];
    BeadScorer::Scratch scratch = scorer.NewScratch();
    std::vector<double> votes(static_cast<size_t>(n_en), 0.0);
    std::vector<int> touched;
    std::vector<int> seen_stamp(static_cast<size_t>(n_en), -1);
    int stamp = 0;
    for (int i = first; i < last; ++i) {
      const SentenceFeatures& z = f.zh[static_cast<size_t>(i)];
      touched.clear();
      for (const FeatureUnit& u : z.units) {
        ++stamp;  // one vote per unit and sentence
        for (uint32_t k = u.key_begin; k < u.key_end; ++k) {
          const size_t key = static_cast<size_t>(z.keys[k]);
          if ((useful[key / 64] >> (key % 64) & 1) == 0) continue;
          const std::span<const int> list = postings(z.keys[k]);
          for (int j : list) {
            if (seen_stamp[static_cast<size_t>(j)] == stamp) continue;
            seen_stamp[static_cast<size_t>(j)] = stamp;
            if (votes[static_cast<size_t>(j)] == 0) touched.push_back(j);
            votes[static_cast<size_t>(j)] += u.weight;
          }
        }
      }
      // Repeated text (boilerplate, a refrain) gives several equally good
      // candidates: prefer the one nearer where the diagonal expects it. The best few are
      // kept in one pass over the touched sentences, which also clears their votes; of equal
      // votes the earlier sentence wins.
      const double expected = (i + 0.5) * n_en / n_zh;
      std::pair<double, int> best[kCandidatesPerSentence];
      int kept = 0;
      for (int j : touched) {
        double off = std::min(1.0, std::abs(j - expected) / n_en);
        const double vote = votes[static_cast<size_t>(j)] * (1.0 - kDiagonalPreference * off);
        votes[static_cast<size_t>(j)] = 0;
        auto better = [&](const std::pair<double, int>& other) {
          return vote > other.first || (vote == other.first && j < other.second);
        };
        if (kept == kCandidatesPerSentence && !better(best[kept - 1])) continue;
        int at = kept < kCandidatesPerSentence ? kept++ : kept - 1;
        for (; at > 0 && better(best[at - 1]); --at) best[at] = best[at - 1];
        best[at] = {vote, j};
      }
      for (int c = 0; c < kept; ++c) {
        const int j = best[c].second;
        BeadScore s = scorer.ScorePair(i, j, &scratch);
        // Sentence pairs that translate each other well and have plausible lengths.
        double w = s.similarity - 0.5 * std::min(1.0, std::abs(s.length_z) / 3.0);
        if (w > 0.15) candidates.push_back(Anchor{i, j, w});
      }
    }
  };
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t) workers.emplace_back(work, t);
  work(0);
  for (std::thread& w : workers) w.join();
  std::vector<Anchor> candidates;
  for (const std::vector<Anchor>& part : found) candidates.insert(candidates.end(), part.begin(), part.end());
  return HeaviestChain(std::move(candidates), n_en);
}

void BandFromAnchors(const std::vector<Anchor>& anchors, int n_zh, int n_en, int half_width,
                     std::vector<int>* lo, std::vector<int>* hi) {
  // Knots of the centre line in prefix coordinates: (0,0), each anchor's midpoint, (N,M).
  std::vector<std::pair<double, double>> knots = {{0.0, 0.0}};
  for (const Anchor& a : anchors) knots.emplace_back(a.zh + 0.5, a.en + 0.5);
  knots.emplace_back(n_zh, n_en);
  lo->assign(static_cast<size_t>(n_zh) + 1, 0);
  hi->assign(static_cast<size_t>(n_zh) + 1, n_en);
  size_t k = 0;
  for (int i = 0; i <= n_zh; ++i) {
    while (k + 2 < knots.size() && knots[k + 1].first <= i) ++k;
    auto [x0, y0] = knots[k];
    auto [x1, y1] = knots[k + 1];
    double center = x1 > x0 ? y0 + (y1 - y0) * (i - x0) / (x1 - x0) : y1;
    // Wider where anchors are far apart: the line is less sure there.
    double gap = std::max(x1 - x0, y1 - y0);
    double w = half_width + std::min(kGapShare * gap, kMaxExtraWidth);
    (*lo)[static_cast<size_t>(i)] = std::clamp(static_cast<int>(std::floor(center - w)), 0, n_en);
    (*hi)[static_cast<size_t>(i)] = std::clamp(static_cast<int>(std::ceil(center + w)), 0, n_en);
  }
  (*lo)[0] = 0;
  (*hi)[static_cast<size_t>(n_zh)] = n_en;
  for (int i = 1; i <= n_zh; ++i)
    (*lo)[static_cast<size_t>(i)] =
        std::max((*lo)[static_cast<size_t>(i)], (*lo)[static_cast<size_t>(i - 1)]);
  for (int i = n_zh; i-- > 0;)
    (*hi)[static_cast<size_t>(i)] =
        std::min((*hi)[static_cast<size_t>(i)], (*hi)[static_cast<size_t>(i + 1)]);
  for (int i = 0; i <= n_zh; ++i) {
    auto& l = (*lo)[static_cast<size_t>(i)];
    l = std::min(l, (*hi)[static_cast<size_t>(i)]);  // never empty
    // Connected: some cell of row i is reachable from row i-1 by a 1-0 bead, so
    // a path always exists, however far apart two anchors are.
    if (i > 0) l = std::min(l, (*hi)[static_cast<size_t>(i - 1)]);
  }
}

}  // namespace tmalign
