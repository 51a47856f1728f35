#include "align/position_agreement.h"

#include <algorithm>
#include <cmath>

#include "align/bead_scorer.h"

namespace tmalign {
namespace {

size_t At(int i) { return static_cast<size_t>(i); }

size_t UnitCount(const SentenceFeatures& s) {
  return std::min(s.units.size(), static_cast<size_t>(BeadScorer::kMaxUnits));
}

}  // namespace

PositionAgreement::PositionAgreement(const DocumentPairFeatures& f, int i0, int i1, int j0, int j1,
                                     BeadScorer::Scratch* scratch)
    : i0_(i0), j0_(j0), j1_(j1) {
  auto describe = [](const SentenceFeatures& s) {
    Sentence out;
    out.length = std::max(1, s.length);
    const size_t n = UnitCount(s);
    for (size_t u = 0; u < n; ++u) {
      out.weights.push_back(s.units[u].weight);
      out.place.push_back(static_cast<float>((static_cast<double>(u) + 0.5) / static_cast<double>(n)));
      out.weight += s.units[u].weight;
    }
    return out;
  };
  for (int i = i0; i < i1; ++i) zh_.push_back(describe(f.zh[At(i)]));
  for (int j = j0; j < j1; ++j) en_.push_back(describe(f.en[At(j)]));
  zh_best_.resize(zh_.size());
  en_best_.resize(en_.size());
  for (size_t k = 0; k < zh_.size(); ++k) zh_best_[k].resize(zh_[k].weights.size());
  for (size_t k = 0; k < en_.size(); ++k) en_best_[k].resize(en_[k].weights.size());

  // Unit pairs sharing a key: the stretch's English units listed per key (chained through
  // `next`, the last one's index in the scratch's slot table stamped for this stretch), each
  // Chinese unit's keys looked up there.
  struct EnglishUnit {
    int sentence;
    uint16_t unit;
    uint32_t next;  // the previous entry of the same key, kEnd for none
  };
  constexpr uint32_t kEnd = ~uint32_t{0};
  if (scratch->slot.size() < scratch->seen.size()) scratch->slot.resize(scratch->seen.size());
  const uint32_t tick = ++scratch->tick;
  std::vector<EnglishUnit> en_units;
  for (int j = j0; j < j1; ++j) {
    const SentenceFeatures& e = f.en[At(j)];
    for (size_t v = 0; v < UnitCount(e); ++v) {
      for (uint32_t k = e.units[v].key_begin; k < e.units[v].key_end; ++k) {
        const size_t key = At(e.keys[k]);
        if (scratch->seen[key] != tick) {
          scratch->seen[key] = tick;
          scratch->slot[key] = kEnd;
        }
        en_units.push_back(EnglishUnit{j - j0, static_cast<uint16_t>(v), scratch->slot[key]});
        scratch->slot[key] = static_cast<uint32_t>(en_units.size() - 1);
      }
    }
  }
  const int width = j1 - j0;
  std::vector<std::pair<int, Link>> found;  // (sentence pair, link)
  for (int i = i0; i < i1; ++i) {
    const SentenceFeatures& z = f.zh[At(i)];
    for (size_t u = 0; u < UnitCount(z); ++u) {
      for (uint32_t k = z.units[u].key_begin; k < z.units[u].key_end; ++k) {
        const size_t key = At(z.keys[k]);
        if (scratch->seen[key] != tick) continue;
        for (uint32_t x = scratch->slot[key]; x != kEnd; x = en_units[x].next)
          found.emplace_back((i - i0) * width + en_units[x].sentence,
                             Link{static_cast<uint16_t>(u), en_units[x].unit});
      }
    }
  }
  link_start_.assign(zh_.size() * en_.size() + 1, 0);
  for (const auto& [pair, link] : found) ++link_start_[At(pair) + 1];
  for (size_t p = 1; p < link_start_.size(); ++p) link_start_[p] += link_start_[p - 1];
  links_.resize(found.size());
  std::vector<uint32_t> at(link_start_.begin(), link_start_.end() - 1);
  for (const auto& [pair, link] : found) links_[at[At(pair)]++] = link;
}

double PositionAgreement::Penalty(int a0, int a1, int b0, int b1) const {
  if (a0 == a1 || b0 == b1) return 0;
  // Where each sentence starts in the bead's span, and the span's length, per side.
  zh_start_.clear();
  en_start_.clear();
  double zh_total = 0, en_total = 0;
  for (int i = a0; i < a1; ++i) {
    zh_start_.push_back(zh_total);
    zh_total += zh_[At(i - i0_)].length;
  }
  for (int j = b0; j < b1; ++j) {
    en_start_.push_back(en_total);
    en_total += en_[At(j - j0_)].length;
  }
  for (int i = a0; i < a1; ++i) std::fill(zh_best_[At(i - i0_)].begin(), zh_best_[At(i - i0_)].end(), 2.0f);
  for (int j = b0; j < b1; ++j) std::fill(en_best_[At(j - j0_)].begin(), en_best_[At(j - j0_)].end(), 2.0f);
  for (int i = a0; i < a1; ++i) {
    const Sentence& z = zh_[At(i - i0_)];
    std::vector<float>& zh_best = zh_best_[At(i - i0_)];
    for (int j = b0; j < b1; ++j) {
      const Sentence& e = en_[At(j - j0_)];
      std::vector<float>& en_best = en_best_[At(j - j0_)];
      const size_t pair = At((i - i0_) * (j1_ - j0_) + (j - j0_));
      for (uint32_t n = link_start_[pair]; n < link_start_[pair + 1]; ++n) {
        const Link& l = links_[n];
        const double zp = (zh_start_[At(i - a0)] + z.place[l.zh_unit] * z.length) / zh_total;
        const double ep = (en_start_[At(j - b0)] + e.place[l.en_unit] * e.length) / en_total;
        const float d = static_cast<float>(std::abs(zp - ep));
        zh_best[l.zh_unit] = std::min(zh_best[l.zh_unit], d);
        en_best[l.en_unit] = std::min(en_best[l.en_unit], d);
      }
    }
  }
  // Per sentence: its matched units' weighted distances over its whole weight.
  auto side = [](const Sentence& s, const std::vector<float>& best) {
    if (s.weight <= 0) return 0.0;
    double sum = 0;
    for (size_t u = 0; u < best.size(); ++u)
      if (best[u] <= 1) sum += s.weights[u] * best[u];
    return sum / s.weight;
  };
  double penalty = 0;
  for (int i = a0; i < a1; ++i) penalty += side(zh_[At(i - i0_)], zh_best_[At(i - i0_)]);
  for (int j = b0; j < b1; ++j) penalty += side(en_[At(j - j0_)], en_best_[At(j - j0_)]);
  return penalty;
}

}  // namespace tmalign
