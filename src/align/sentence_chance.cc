#include "align/sentence_chance.h"

#include <algorithm>
#include <thread>

#include "align/bead_scorer.h"

namespace tmalign {

SentenceChance::SentenceChance(const DocumentPairFeatures& f, int threads) {
  if (threads > 1) {
    std::thread zh([&] { zh_ = Build(f.zh, f.en, f.key_count); });
    en_ = Build(f.en, f.zh, f.key_count);
    zh.join();
  } else {
    zh_ = Build(f.zh, f.en, f.key_count);
    en_ = Build(f.en, f.zh, f.key_count);
  }
}

SentenceChance::Side SentenceChance::Build(const std::vector<SentenceFeatures>& side,
                                           const std::vector<SentenceFeatures>& other, int key_count) {
  std::vector<int> df(static_cast<size_t>(key_count) + 1, 0);  // other-side sentences with the key
  for (const SentenceFeatures& s : other)
    for (int k : s.key_set) ++df[static_cast<size_t>(k)];
  const double n_other = static_cast<double>(std::max<size_t>(1, other.size()));
  Side out;
  out.n = static_cast<int>(side.size());
  out.prefix.assign((side.size() + 1) * kMaxSpan, 0.0);
  double covered[kMaxSpan];
  for (size_t i = 0; i < side.size(); ++i) {
    const SentenceFeatures& s = side[i];
    std::fill(covered, covered + kMaxSpan, 0.0);
    double total = 0;
    for (size_t u = 0; u < s.units.size() && u < static_cast<size_t>(BeadScorer::kMaxUnits); ++u) {
      const FeatureUnit& unit = s.units[u];
      double p = 0;
      for (uint32_t k = unit.key_begin; k < unit.key_end; ++k)
        p += df[static_cast<size_t>(s.keys[k])] / n_other;
      const double miss = 1.0 - std::min(1.0, p);
      double all_miss = 1.0;  // (1 - p)^span
      for (int span = 1; span <= kMaxSpan; ++span) {
        all_miss *= miss;
        covered[span - 1] += unit.weight * (1.0 - all_miss);
      }
      total += unit.weight;
    }
    for (size_t c = 0; c < static_cast<size_t>(kMaxSpan); ++c) {
      out.prefix[(i + 1) * kMaxSpan + c] =
          out.prefix[i * kMaxSpan + c] + (total > 0 ? covered[c] / total : 0.0);
    }
  }
  return out;
}

}  // namespace tmalign
