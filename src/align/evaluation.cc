#include "align/evaluation.h"

#include <map>
#include <set>
#include <utility>

namespace tmalign {
namespace {

using BeadKey = std::pair<std::vector<int>, std::vector<int>>;

// Precision-style counts of `test` against `gold`: {strict tp, strict fp, lax tp, lax fp}.
void Precision(const std::vector<Bead>& gold, const std::vector<Bead>& test, long* stp, long* sfp, long* ltp,
               long* lfp) {
  std::set<BeadKey> gold_set;
  std::map<int, std::set<int>> src_to_gold_tgt;
  for (const Bead& g : gold) {
    if (g.src.empty() && g.tgt.empty()) continue;
    gold_set.emplace(g.src, g.tgt);
    for (int s : g.src)
      for (int t : g.tgt) src_to_gold_tgt[s].insert(t);
  }
  std::set<BeadKey> test_set;
  for (const Bead& t : test)
    if (!t.src.empty() || !t.tgt.empty()) test_set.emplace(t.src, t.tgt);
  for (const auto& [src, tgt] : test_set) {
    if (gold_set.count({src, tgt})) {
      ++*stp;
      ++*ltp;
      continue;
    }
    ++*sfp;
    bool overlap = false;
    for (int s : src) {
      auto it = src_to_gold_tgt.find(s);
      if (it == src_to_gold_tgt.end()) continue;
      for (int t : tgt) overlap = overlap || it->second.count(t);
    }
    if (overlap)
      ++*ltp;
    else
      ++*lfp;
  }
}

std::vector<Bead> WithoutEmptySides(const std::vector<Bead>& beads) {
  std::vector<Bead> out;
  for (const Bead& b : beads)
    if (!b.src.empty() && !b.tgt.empty()) out.push_back(b);
  return out;
}

double Ratio(long num, long den) { return den > 0 ? static_cast<double>(num) / den : 0.0; }
double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

}  // namespace

void AlignmentCounts::Add(const AlignmentCounts& o) {
  strict_tp += o.strict_tp;
  strict_fp += o.strict_fp;
  lax_tp += o.lax_tp;
  lax_fp += o.lax_fp;
  rstrict_tp += o.rstrict_tp;
  rstrict_fn += o.rstrict_fn;
  rlax_tp += o.rlax_tp;
  rlax_fn += o.rlax_fn;
}

AlignmentCounts CountAlignment(const std::vector<Bead>& gold, const std::vector<Bead>& test) {
  AlignmentCounts c;
  Precision(gold, test, &c.strict_tp, &c.strict_fp, &c.lax_tp, &c.lax_fp);
  // Recall is precision with the roles swapped and deletions left out.
  Precision(WithoutEmptySides(test), WithoutEmptySides(gold), &c.rstrict_tp, &c.rstrict_fn, &c.rlax_tp,
            &c.rlax_fn);
  return c;
}

AlignmentScores ScoreCounts(const AlignmentCounts& c) {
  AlignmentScores s;
  s.strict_precision = Ratio(c.strict_tp, c.strict_tp + c.strict_fp);
  s.strict_recall = Ratio(c.rstrict_tp, c.rstrict_tp + c.rstrict_fn);
  s.strict_f1 = F1(s.strict_precision, s.strict_recall);
  s.lax_precision = Ratio(c.lax_tp, c.lax_tp + c.lax_fp);
  s.lax_recall = Ratio(c.rlax_tp, c.rlax_tp + c.rlax_fn);
  s.lax_f1 = F1(s.lax_precision, s.lax_recall);
  return s;
}

}  // namespace tmalign
