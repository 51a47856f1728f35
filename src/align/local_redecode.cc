#include "align/local_redecode.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <optional>
#include <thread>

#include "align/position_agreement.h"

namespace tmalign {
namespace {

constexpr double kNone = -std::numeric_limits<double>::infinity();
constexpr double kMaxLengthZ = 5.0;  // as the search: beads this far off are never scored

size_t At(int i) { return static_cast<size_t>(i); }

// The best segmentation of zh [i0, i1) x en [j0, j1) into beads, its value, and the value of the
// path's own beads `own` over the same stretch. Rows i0..i1-1 must be prepared for [j0, j1).
struct Segmentation {
  double value = kNone;
  std::vector<Bead> beads;
};

// What the bead ending at (i, j) with a Chinese and b English sentences owes for where its words
// stand: the weighted position penalty, 0 without `positions` (weight 0).
double PositionCost(const AlignOptions& options, const PositionAgreement* positions, int a, int b, int i,
                    int j) {
  return positions == nullptr ? 0 : options.redecode_position_weight * positions->Penalty(i - a, i, j - b, j);
}

Segmentation BestSegmentation(const BandedSearch& valuer, const AlignOptions& options,
                              const BeadScorer& scorer, const PositionAgreement* positions, int i0, int i1,
                              int j0, int j1) {
  const int w = j1 - j0 + 1;
  const size_t cells = At((i1 - i0 + 1) * w);
  auto cell = [&](int i, int j) { return At((i - i0) * w + (j - j0)); };
  std::vector<double> best(cells, kNone);
  std::vector<int8_t> from_a(cells, 0), from_b(cells, 0);
  std::vector<double> bead_value(cells, 0);
  best[cell(i0, j0)] = 0;
  for (int i = i0; i <= i1; ++i) {
    for (int j = j0; j <= j1; ++j) {
      if (i == i0 && j == j0) continue;
      const size_t here = cell(i, j);
      for (int a = 0; a <= std::min(i - i0, options.redecode_max_a); ++a) {
        for (int b = 0; b <= std::min(j - j0, options.redecode_max_b); ++b) {
          if (!valuer.Allows(a, b)) continue;
          const double prev = best[cell(i - a, j - b)];
          if (prev == kNone) continue;
          const BeadScore sc = scorer.Score(i - a, i, j - b, j);
          if (a > 0 && b > 0 && std::abs(sc.length_z) > kMaxLengthZ) continue;
          double v = valuer.ShapeValue(a, b, i, j, SpanScoreOf(sc));
          if (v == kNone || prev + v <= best[here]) continue;
          // The cost only lowers a value: asked only of a bead that would win without it.
          v -= PositionCost(options, positions, a, b, i, j);
          if (prev + v <= best[here]) continue;
          best[here] = prev + v;
          from_a[here] = static_cast<int8_t>(a);
          from_b[here] = static_cast<int8_t>(b);
          bead_value[here] = v;
        }
      }
    }
  }
  Segmentation out;
  out.value = best[cell(i1, j1)];
  if (out.value == kNone) return out;
  for (int i = i1, j = j1; i > i0 || j > j0;) {
    const size_t here = cell(i, j);
    const int a = from_a[here], b = from_b[here];
    Bead bead;
    for (int x = i - a; x < i; ++x) bead.src.push_back(x);
    for (int x = j - b; x < j; ++x) bead.tgt.push_back(x);
    bead.confidence = BandedSearch::Confidence(a, b, bead_value[here]);
    out.beads.push_back(std::move(bead));
    i -= a;
    j -= b;
  }
  std::reverse(out.beads.begin(), out.beads.end());
  return out;
}

}  // namespace

std::vector<std::pair<int, int>> DoubtfulStretches(const std::vector<Bead>& beads,
                                                   const AlignOptions& options) {
  const int n = static_cast<int>(beads.size());
  std::vector<int> zh(At(n) + 1, 0), en(At(n) + 1, 0);  // sentences before each bead
  for (int k = 0; k < n; ++k) {
    zh[At(k + 1)] = zh[At(k)] + static_cast<int>(beads[At(k)].src.size());
    en[At(k + 1)] = en[At(k)] + static_cast<int>(beads[At(k)].tgt.size());
  }
  std::vector<std::pair<int, int>> stretches;
  for (int k = 0; k < n; ++k) {
    const Bead& b = beads[At(k)];
    const bool merged = b.src.size() >= 2 || b.tgt.size() >= 2;
    if (b.confidence >= (merged ? options.redecode_merged_doubt : options.redecode_doubt)) continue;
    int first = std::max(0, k - 1);
    const int last = std::min(n, k + 2);
    if (!stretches.empty() && stretches.back().second >= last) continue;  // already inside one
    if (!stretches.empty() && stretches.back().second >= first) {
      const int joined = stretches.back().first;
      if (zh[At(last)] - zh[At(joined)] <= options.redecode_max_zh &&
          en[At(last)] - en[At(joined)] <= options.redecode_max_en) {
        stretches.back().second = last;
        continue;
      }
      first = stretches.back().second;
    }
    stretches.emplace_back(first, last);
  }
  return stretches;
}

RedecodeStats Redecode(const BandedSearch& valuer, const AlignOptions& options, int threads,
                       BeadScorer* scorer, std::vector<Bead>* beads) {
  RedecodeStats stats;
  const std::vector<std::pair<int, int>> stretches = DoubtfulStretches(*beads, options);
  if (stretches.empty()) return stats;
  const int n = static_cast<int>(beads->size());
  std::vector<int> zh(At(n) + 1, 0), en(At(n) + 1, 0);
  for (int k = 0; k < n; ++k) {
    zh[At(k + 1)] = zh[At(k)] + static_cast<int>((*beads)[At(k)].src.size());
    en[At(k + 1)] = en[At(k)] + static_cast<int>((*beads)[At(k)].tgt.size());
  }
  // Each stretch on its own (their rows are disjoint): the replacement, if any.
  std::vector<std::vector<Bead>> replacement(stretches.size());
  std::vector<char> replaced(stretches.size(), 0);
  std::atomic<size_t> next{0};
  auto work = [&] {
    BeadScorer::Scratch scratch = scorer->NewScratch();
    for (size_t s; (s = next.fetch_add(1)) < stretches.size();) {
      const auto [first, last] = stretches[s];
      const int i0 = zh[At(first)], i1 = zh[At(last)], j0 = en[At(first)], j1 = en[At(last)];
      for (int i = i0; i < i1; ++i) scorer->PrepareRow(i, j0, j1, &scratch);
      std::optional<PositionAgreement> positions;
      if (options.redecode_position_weight != 0)
        positions.emplace(scorer->features(), i0, i1, j0, j1, &scratch);
      const PositionAgreement* where = positions ? &*positions : nullptr;
      double own = 0;
      for (int k = first; k < last && own != kNone; ++k) {
        const int a = zh[At(k + 1)] - zh[At(k)], b = en[At(k + 1)] - en[At(k)];
        const BeadScore sc = scorer->Score(zh[At(k)], zh[At(k + 1)], en[At(k)], en[At(k + 1)]);
        const double v = valuer.ShapeValue(a, b, zh[At(k + 1)], en[At(k + 1)], SpanScoreOf(sc));
        own =
            v == kNone ? kNone : own + (v - PositionCost(options, where, a, b, zh[At(k + 1)], en[At(k + 1)]));
      }
      Segmentation best = BestSegmentation(valuer, options, *scorer, where, i0, i1, j0, j1);
      if (best.value != kNone && best.value > own + 1e-9) {
        replacement[s] = std::move(best.beads);
        replaced[s] = 1;
      }
    }
  };
  const int workers = std::clamp(threads, 1, static_cast<int>(stretches.size() / 32) + 1);
  std::vector<std::thread> pool;
  for (int t = 1; t < workers; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();

  std::vector<Bead> out;
  out.reserve(beads->size());
  int k = 0;
  for (size_t s = 0; s < stretches.size(); ++s) {
    const auto [first, last] = stretches[s];
    for (; k < first; ++k) out.push_back(std::move((*beads)[At(k)]));
    ++stats.stretches;
    if (replaced[s]) {
      ++stats.changed;
      for (Bead& b : replacement[s]) out.push_back(std::move(b));
      k = last;
    }
  }
  for (; k < n; ++k) out.push_back(std::move((*beads)[At(k)]));
  *beads = std::move(out);
  return stats;
}

}  // namespace tmalign
