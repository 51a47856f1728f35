#include "align/bead_scorer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <thread>

#include "util/parallel_for.h"

namespace tmalign {
namespace {

// Spread of log(en_chars / expected) for true translations; literary and
// bulletin texts both sit near 0.3-0.4 (Gale & Church's variance, log form).
constexpr double kLengthSigma = 0.35;
// Smoothing (English characters) so short sentences are judged leniently.
constexpr double kLengthSmoothing = 20.0;
// Spans up to this many characters take their logarithms from a table.
constexpr int kLogTableSize = 1 << 16;

// Coverages of both sides and their harmonic mean.
BeadScore Combine(double zh_matched, double zh_total, double en_matched, double en_total, double length_z,
                  double zh_sentence_coverage, double en_sentence_coverage) {
  BeadScore score;
  score.zh_sentence_coverage = zh_sentence_coverage;
  score.en_sentence_coverage = en_sentence_coverage;
  score.length_z = length_z;
  score.zh_coverage = zh_total > 0 ? zh_matched / zh_total : 0;
  score.en_coverage = en_total > 0 ? en_matched / en_total : 0;
  double sum = score.zh_coverage + score.en_coverage;
  score.similarity = sum > 0 ? 2 * score.zh_coverage * score.en_coverage / sum : 0;
  return score;
}

double Share(double matched, double total) { return total > 0 ? matched / total : 0; }

int8_t MaskWordsOf(const SentenceFeatures& s) {
  const size_t units = std::min(s.units.size(), static_cast<size_t>(BeadScorer::kMaxUnits));
  return static_cast<int8_t>(std::max<size_t>(1, (units + 63) / 64));
}

float CappedWeight(const SentenceFeatures& s) {
  float w = 0;
  for (size_t u = 0; u < s.units.size() && u < static_cast<size_t>(BeadScorer::kMaxUnits); ++u)
    w += s.units[u].weight;
  return w;
}

}  // namespace

BeadScorer::BeadScorer(const DocumentPairFeatures& features) : f_(features), rows_(features.zh.size()) {
  stamp_.seen.assign(static_cast<size_t>(features.key_count) + 1, 0);
  zh_chars_.push_back(0);
  en_chars_.push_back(0);
  auto pack_weights = [this](const SentenceFeatures& s, std::vector<size_t>* at) {
    at->push_back(unit_weights_.size());
    for (size_t u = 0; u < s.units.size() && u < static_cast<size_t>(kMaxUnits); ++u)
      unit_weights_.push_back(s.units[u].weight);
  };
  for (const auto& s : f_.zh) {
    zh_weight_.push_back(CappedWeight(s));
    zh_words_.push_back(MaskWordsOf(s));
    pack_weights(s, &zh_units_at_);
    zh_chars_.push_back(zh_chars_.back() + s.length);
  }
  for (const auto& s : f_.en) {
    en_weight_.push_back(CappedWeight(s));
    en_words_.push_back(MaskWordsOf(s));
    pack_weights(s, &en_units_at_);
    en_chars_.push_back(en_chars_.back() + s.length);
  }
  const int en_table = std::min(en_chars_.back(), kLogTableSize) + 1;
  const int zh_table = std::min(zh_chars_.back(), kLogTableSize) + 1;
  for (int n = 0; n < en_table; ++n) log_en_.push_back(std::log(n + kLengthSmoothing));
  for (int n = 0; n < zh_table; ++n)
    log_expected_.push_back(std::log(f_.en_per_zh_chars * n + kLengthSmoothing));
}

void BeadScorer::ComputeMasks(int i, int j, Stamp* stamp, PairMasks* out) const {
  std::memset(out, 0, sizeof(*out));
  const SentenceFeatures& z = f_.zh[static_cast<size_t>(i)];
  const SentenceFeatures& e = f_.en[static_cast<size_t>(j)];
  // Chinese units matched by the English sentence's keys.
  uint32_t tick = ++stamp->tick;
  std::vector<uint32_t>& seen = stamp->seen;
  for (int k : e.key_set) seen[static_cast<size_t>(k)] = tick;
  for (size_t u = 0; u < z.units.size() && u < static_cast<size_t>(kMaxUnits); ++u) {
    const FeatureUnit& unit = z.units[u];
    for (uint32_t k = unit.key_begin; k < unit.key_end; ++k) {
      if (seen[static_cast<size_t>(z.keys[k])] == tick) {
        out->zh[u / 64] |= 1ULL << (u % 64);
        break;
      }
    }
  }
  tick = ++stamp->tick;
  for (int k : z.key_set) seen[static_cast<size_t>(k)] = tick;
  for (size_t u = 0; u < e.units.size() && u < static_cast<size_t>(kMaxUnits); ++u) {
    const FeatureUnit& unit = e.units[u];
    for (uint32_t k = unit.key_begin; k < unit.key_end; ++k) {
      if (seen[static_cast<size_t>(e.keys[k])] == tick) {
        out->en[u / 64] |= 1ULL << (u % 64);
        break;
      }
    }
  }
}

void BeadScorer::PrepareRow(int i, int j0, int j1) {
  // Keys may have been added since the scorer was made (align/realign.h).
  if (stamp_.seen.size() < static_cast<size_t>(f_.key_count))
    stamp_.seen.resize(static_cast<size_t>(f_.key_count), 0);
  FillRow(i, j0, j1, &stamp_);
}

void BeadScorer::PrepareRow(int i, int j0, int j1, Scratch* scratch) { FillRow(i, j0, j1, scratch); }

void BeadScorer::FillRow(int i, int j0, int j1, Stamp* stamp) {
  j0 = std::max(j0, 0);
  j1 = std::min(j1, static_cast<int>(f_.en.size()));
  Row& row = rows_[static_cast<size_t>(i)];
  if (j1 <= j0) {
    row = Row{};
    return;
  }
  row.j0 = j0;
  row.j1 = j1;
  int words = zh_words_[static_cast<size_t>(i)];
  for (int j = j0; j < j1; ++j) words = std::max<int>(words, en_words_[static_cast<size_t>(j)]);
  row.words = words;
  row.bits.assign(static_cast<size_t>(j1 - j0) * 2 * static_cast<size_t>(words), 0);
  // The Chinese sentence's keys once for the whole row: which of its units each key
  // matches. Each English sentence then looks up only its own keys; the masks are those
  // ComputeMasks gives.
  const SentenceFeatures& z = f_.zh[static_cast<size_t>(i)];
  const uint32_t tick = ++stamp->tick;
  std::vector<uint32_t>& seen = stamp->seen;
  std::vector<uint32_t>& slot = stamp->slot;
  auto& unit_masks = stamp->unit_masks;
  if (slot.size() < seen.size()) slot.resize(seen.size());
  unit_masks.clear();
  for (size_t u = 0; u < z.units.size(); ++u) {
    const FeatureUnit& unit = z.units[u];
    for (uint32_t k = unit.key_begin; k < unit.key_end; ++k) {
      const size_t key = static_cast<size_t>(z.keys[k]);
      if (seen[key] != tick) {
        seen[key] = tick;
        slot[key] = static_cast<uint32_t>(unit_masks.size());
        unit_masks.push_back({0, 0, 0, 0});
      }
      if (u < static_cast<size_t>(kMaxUnits)) unit_masks[slot[key]][u / 64] |= 1ULL << (u % 64);
    }
  }
  for (int j = j0; j < j1; ++j) {
    uint64_t* out_zh = row.zh(j);
    uint64_t* out_en = row.en(j);
    const SentenceFeatures& e = f_.en[static_cast<size_t>(j)];
    // Chinese units matched by the English sentence's keys.
    for (int k : e.key_set) {
      if (seen[static_cast<size_t>(k)] != tick) continue;
      const std::array<uint64_t, 4>& m = unit_masks[slot[static_cast<size_t>(k)]];
      for (int w = 0; w < words; ++w) out_zh[w] |= m[static_cast<size_t>(w)];
    }
    // English units with a key of the Chinese sentence.
    for (size_t u = 0; u < e.units.size() && u < static_cast<size_t>(kMaxUnits); ++u) {
      const FeatureUnit& unit = e.units[u];
      for (uint32_t k = unit.key_begin; k < unit.key_end; ++k) {
        if (seen[static_cast<size_t>(e.keys[k])] == tick) {
          out_en[u / 64] |= 1ULL << (u % 64);
          break;
        }
      }
    }
  }
}

void BeadScorer::PrepareRows(const std::vector<std::pair<int, int>>& ranges, int threads) {
  const int n = static_cast<int>(ranges.size());
  threads = std::clamp(threads, 1, std::max(1, n / 256));  // small documents: not worth a thread
  std::vector<std::thread> workers;
  std::vector<Stamp> stamps(static_cast<size_t>(threads));
  for (int t = 0; t < threads; ++t) {
    stamps[static_cast<size_t>(t)].seen.assign(stamp_.seen.size(), 0);
    // Rows are independent; each thread takes every threads-th row.
    auto work = [this, &ranges, &stamps, t, threads, n] {
      for (int i = t; i < n; i += threads) {
        FillRow(i, ranges[static_cast<size_t>(i)].first, ranges[static_cast<size_t>(i)].second,
                &stamps[static_cast<size_t>(t)]);
      }
    };
    if (t + 1 < threads)
      workers.emplace_back(work);
    else
      work();
  }
  for (auto& w : workers) w.join();
}

namespace {

// A sentence's units with keys from first_new_key up (they end the unit's keys): one entry
// (unit, key) for each such key, units beyond kMaxUnits left out.
struct NewKeyEntries {
  std::vector<uint32_t> unit;
  std::vector<int> key;
};

NewKeyEntries NewEntries(const SentenceFeatures& s, int first_new_key) {
  NewKeyEntries out;
  for (size_t u = 0; u < s.units.size() && u < static_cast<size_t>(BeadScorer::kMaxUnits); ++u) {
    const FeatureUnit& unit = s.units[u];
    for (uint32_t k = unit.key_end; k > unit.key_begin && s.keys[k - 1] >= first_new_key; --k) {
      out.unit.push_back(static_cast<uint32_t>(u));
      out.key.push_back(s.keys[k - 1]);
    }
  }
  return out;
}

}  // namespace

void BeadScorer::RefreshMasks(int first_new_key, const std::vector<char>& zh_touched,
                              const std::vector<char>& en_touched, int threads,
                              const std::vector<std::pair<int, int>>* columns) {
  stamp_.seen.assign(static_cast<size_t>(f_.key_count) + 1, 0);
  stamp_.tick = 0;
  std::vector<int> rows;
  for (size_t i = 0; i < zh_touched.size(); ++i)
    if (zh_touched[i] && !rows_[i].empty()) rows.push_back(static_cast<int>(i));
  const int n = static_cast<int>(rows.size());
  threads = std::clamp(threads, 1, std::max(1, n / 256));
  // The English sentences' new keys first, on the threads too.
  std::vector<NewKeyEntries> en_entries(f_.en.size());
  ParallelFor(f_.en.size(), static_cast<unsigned>(threads), [&](unsigned, size_t begin, size_t end) {
    for (size_t j = begin; j < end; ++j)
      if (en_touched[j]) en_entries[j] = NewEntries(f_.en[j], first_new_key);
  });
  // Only units that share a new key gain a bit; new keys never remove one. Two stamps a
  // thread: the row's Chinese keys (once a row) and each English sentence's (once a pair).
  std::vector<Stamp> zh_stamps(static_cast<size_t>(threads)), en_stamps(static_cast<size_t>(threads));
  for (int t = 0; t < threads; ++t) {
    zh_stamps[static_cast<size_t>(t)].seen.assign(stamp_.seen.size(), 0);
    en_stamps[static_cast<size_t>(t)].seen.assign(stamp_.seen.size(), 0);
  }
  auto work = [&](unsigned worker, size_t begin, size_t end) {
    Stamp& zs = zh_stamps[worker];
    Stamp& es = en_stamps[worker];
    for (size_t r = begin; r < end; ++r) {
      const int i = rows[r];
      const NewKeyEntries z = NewEntries(f_.zh[static_cast<size_t>(i)], first_new_key);
      const uint32_t row_tick = ++zs.tick;
      for (int k : z.key) zs.seen[static_cast<size_t>(k)] = row_tick;
      Row& row = rows_[static_cast<size_t>(i)];
      int j0 = row.j0, j1 = row.j1;
      if (columns != nullptr) {
        j0 = std::max(j0, (*columns)[static_cast<size_t>(i)].first);
        j1 = std::min(j1, (*columns)[static_cast<size_t>(i)].second);
      }
      for (int j = j0; j < j1; ++j) {
        const NewKeyEntries& e = en_entries[static_cast<size_t>(j)];
        if (e.key.empty()) continue;
        uint64_t* m_zh = row.zh(j);
        uint64_t* m_en = row.en(j);
        const uint32_t tick = ++es.tick;
        for (size_t b = 0; b < e.key.size(); ++b) {
          es.seen[static_cast<size_t>(e.key[b])] = tick;
          if (zs.seen[static_cast<size_t>(e.key[b])] == row_tick)
            m_en[e.unit[b] / 64] |= 1ULL << (e.unit[b] % 64);
        }
        for (size_t a = 0; a < z.key.size(); ++a)
          if (es.seen[static_cast<size_t>(z.key[a])] == tick)
            m_zh[z.unit[a] / 64] |= 1ULL << (z.unit[a] % 64);
      }
    }
  };
  ParallelFor(rows.size(), static_cast<unsigned>(threads), work);
}

double BeadScorer::WeightedCount(const float* weights, const uint64_t* mask, int words) {
  double total = 0;
  for (int w = 0; w < words; ++w) {
    uint64_t bits = mask[w];
    while (bits) {
      int b = __builtin_ctzll(bits);
      total += weights[w * 64 + b];
      bits &= bits - 1;
    }
  }
  return total;
}

// The search asks these for every cell and span: logarithms come from tables.
double BeadScorer::LogEn(int en_chars) const {
  return en_chars < static_cast<int>(log_en_.size()) ? log_en_[static_cast<size_t>(en_chars)]
                                                     : std::log(en_chars + kLengthSmoothing);
}

double BeadScorer::LogExpected(int zh_chars) const {
  return zh_chars < static_cast<int>(log_expected_.size())
             ? log_expected_[static_cast<size_t>(zh_chars)]
             : std::log(f_.en_per_zh_chars * zh_chars + kLengthSmoothing);
}

double BeadScorer::LengthZ(int zh_chars, int en_chars) const {
  return (LogEn(en_chars) - LogExpected(zh_chars)) / kLengthSigma;
}

BeadScore BeadScorer::Score(int i0, int i1, int j0, int j1) const {
  BeadScore score;
  score.length_z = LengthZ(zh_chars_[static_cast<size_t>(i1)] - zh_chars_[static_cast<size_t>(i0)],
                           en_chars_[static_cast<size_t>(j1)] - en_chars_[static_cast<size_t>(j0)]);
  if (i0 == i1 || j0 == j1) return score;

  double zh_total = 0, zh_matched = 0, zh_cov = 0;
  for (int i = i0; i < i1; ++i) {
    const Row& row = rows_[static_cast<size_t>(i)];
    uint64_t mask[kMaskWords] = {0, 0, 0, 0};
    for (int j = j0; j < j1; ++j) {
      if (j < row.j0 || j >= row.j1) continue;
      const uint64_t* m = row.zh(j);
      for (int w = 0; w < row.words; ++w) mask[w] |= m[w];
    }
    const double matched = WeightedCount(ZhUnitWeights(i), mask);
    zh_matched += matched;
    zh_total += zh_weight_[static_cast<size_t>(i)];
    zh_cov += Share(matched, zh_weight_[static_cast<size_t>(i)]);
  }
  double en_total = 0, en_matched = 0, en_cov = 0;
  for (int j = j0; j < j1; ++j) {
    uint64_t mask[kMaskWords] = {0, 0, 0, 0};
    for (int i = i0; i < i1; ++i) {
      const Row& row = rows_[static_cast<size_t>(i)];
      if (j < row.j0 || j >= row.j1) continue;
      const uint64_t* m = row.en(j);
      for (int w = 0; w < row.words; ++w) mask[w] |= m[w];
    }
    const double matched = WeightedCount(EnUnitWeights(j), mask);
    en_matched += matched;
    en_total += en_weight_[static_cast<size_t>(j)];
    en_cov += Share(matched, en_weight_[static_cast<size_t>(j)]);
  }
  return Combine(zh_matched, zh_total, en_matched, en_total, score.length_z, zh_cov, en_cov);
}

void BeadScorer::ScoreSpansEndingAt(int i_end, int j_end, int max_a, const int* max_b, double max_length_z,
                                    SpanScores* out) const {
  max_a = std::clamp(max_a, 0, std::min(i_end, kMaxSpanZh));
  // How far each a grows its English span: stop at the first implausible length (only
  // grows with b), and need[a]: the longest span any a' >= a grows, i.e. how far Chinese
  // sentence i_end - a must be followed.
  int need[kMaxSpanZh + 2] = {};
  out->count[0] = 0;
  for (int a = 1; a <= max_a; ++a) {
    const int zh_chars = zh_chars_[static_cast<size_t>(i_end)] - zh_chars_[static_cast<size_t>(i_end - a)];
    const int limit = std::min({max_b[a], kMaxSpanEn, j_end});
    const double log_expected = LogExpected(zh_chars);  // LengthZ's, once for every b
    int b = 0;
    for (; b < limit; ++b) {
      const double length_z =
          (LogEn(en_chars_[static_cast<size_t>(j_end)] - en_chars_[static_cast<size_t>(j_end - b - 1)]) -
           log_expected) /
          kLengthSigma;
      if (length_z > max_length_z) break;
      out->scores[a][b].length_z = length_z;  // the rest of the score is filled below
    }
    out->count[a] = b;
  }
  for (int a = max_a; a >= 1; --a) need[a] = std::max(need[a + 1], out->count[a]);

  // English sentence j against zh [i_end - a, i_end): the same for every cell of the row.
  if (out->cache_row != i_end || j_end - kMaxSpanEn < out->cache_base) {
    out->cache_row = i_end;
    out->cache_base = std::max(0, j_end - kMaxSpanEn);
    out->cache.clear();
  }
  auto english = [&](int j, int a) -> const SpanScores::EnglishCoverage& {
    const size_t at = static_cast<size_t>(j - out->cache_base);
    if (at >= out->cache.size()) out->cache.resize(at + 1);
    SpanScores::EnglishCoverage& c = out->cache[at];
    for (; c.a_done < a; ++c.a_done) {
      const Row& row = rows_[static_cast<size_t>(i_end - c.a_done - 1)];
      if (j >= row.j0 && j < row.j1) {
        const uint64_t* m = row.en(j);
        for (int w = 0; w < row.words; ++w) c.mask[w] |= m[w];
      }
      const double matched = WeightedCount(EnUnitWeights(j), c.mask, en_words_[static_cast<size_t>(j)]);
      c.share[c.a_done + 1] = Share(matched, en_weight_[static_cast<size_t>(j)]);
    }
    return c;
  };
  // Chinese sentence i against en [j_end - b, j_end) for b in 1..n: share[b]. Only newly
  // covered units add weight as the span grows.
  auto chinese = [&](int i, int n) -> const double* {
    SpanScores::ChineseRow& r = out->zh_rows[static_cast<size_t>(i % (kMaxSpanZh + 1))];
    if (r.row != i) {
      r.row = i;
      r.base = j_end;
      r.at.clear();
    }
    if (j_end < r.base) {  // a cell left of every one asked before: rare
      r.at.insert(r.at.begin(), static_cast<size_t>(r.base - j_end), SpanScores::ChineseCoverage{});
      r.base = j_end;
    }
    const size_t at = static_cast<size_t>(j_end - r.base);
    if (at >= r.at.size()) r.at.resize(at + 1);
    SpanScores::ChineseCoverage& c = r.at[at];
    const Row& row = rows_[static_cast<size_t>(i)];
    for (int b = c.b_done + 1; b <= n; ++b) {
      const int j = j_end - b;
      if (j >= row.j0 && j < row.j1) {  // else adds nothing, as if skipped
        const uint64_t* m = row.zh(j);
        uint64_t fresh[kMaskWords];
        for (int w = 0; w < row.words; ++w) {
          fresh[w] = m[w] & ~c.mask[w];
          c.mask[w] |= m[w];
        }
        c.matched += WeightedCount(ZhUnitWeights(i), fresh, row.words);
      }
      c.share[b] = Share(c.matched, zh_weight_[static_cast<size_t>(i)]);
    }
    c.b_done = std::max(c.b_done, n);
    return c.share;
  };
  // zh_sum[b - 1]: the shares of Chinese sentences i_end - a .. i_end - 1 against the span
  // of b. need[] falls with a, so every sentence of the bead has its share for each b read.
  double zh_sum[kMaxSpanEn] = {};
  for (int a = 1; a <= max_a; ++a) {
    const double* share = chinese(i_end - a, need[a]);
    for (int b = 1; b <= need[a]; ++b) zh_sum[b - 1] += share[b];
    for (int b = 1; b <= out->count[a]; ++b) out->scores[a][b - 1].zh_sentence_coverage = zh_sum[b - 1];
  }
  // en_cov[a]: the shares of English sentences j_end - b .. j_end - 1 against the Chinese span
  // of a, summed as b grows (the same order as one a at a time): each English sentence's
  // coverages are looked up once, for every a whose spans reach it.
  double en_cov[kMaxSpanZh + 1] = {};
  for (int b = 1; b <= need[1]; ++b) {
    int reach = max_a;
    while (reach > 0 && out->count[reach] < b) --reach;
    if (reach == 0) break;
    const double* share = english(j_end - b, reach).share;
    for (int a = 1; a <= reach; ++a) {
      if (out->count[a] < b) continue;
      en_cov[a] += share[a];
      out->scores[a][b - 1].en_sentence_coverage = en_cov[a];
    }
  }
}

void BeadScorer::ScoreGrowingChinese(int i_end, int j0, int j1, int max_a, double max_length_z,
                                     std::vector<SpanScore>* out) const {
  out->clear();
  const int b = j1 - j0;
  uint64_t en_masks[16][kMaskWords];
  std::memset(en_masks, 0, sizeof(en_masks[0]) * static_cast<size_t>(std::clamp(b, 0, 16)));
  double zh_cov = 0, en_cov = 0;
  for (int a = 1; a <= max_a && i_end - a >= 0; ++a) {
    const int i = i_end - a;
    const double length_z = LengthZ(zh_chars_[static_cast<size_t>(i_end)] - zh_chars_[static_cast<size_t>(i)],
                                    en_chars_[static_cast<size_t>(j1)] - en_chars_[static_cast<size_t>(j0)]);
    if (length_z < -max_length_z) break;  // only falls as a grows
    const Row& row = rows_[static_cast<size_t>(i)];
    uint64_t zh_mask[kMaskWords] = {0, 0, 0, 0};
    for (int j = j0; j < j1 && j - j0 < 16; ++j) {
      if (j < row.j0 || j >= row.j1) continue;
      uint64_t* em = en_masks[j - j0];
      const uint64_t* m_zh = row.zh(j);
      const uint64_t* m_en = row.en(j);
      uint64_t fresh[kMaskWords];
      for (int w = 0; w < row.words; ++w) {
        fresh[w] = m_en[w] & ~em[w];  // only newly covered English units add weight
        em[w] |= m_en[w];
        zh_mask[w] |= m_zh[w];
      }
      en_cov += Share(WeightedCount(EnUnitWeights(j), fresh, row.words), en_weight_[static_cast<size_t>(j)]);
    }
    zh_cov += Share(WeightedCount(ZhUnitWeights(i), zh_mask), zh_weight_[static_cast<size_t>(i)]);
    out->push_back(b > 0 ? SpanScore{zh_cov, en_cov, length_z} : SpanScore{0, 0, length_z});
  }
}

BeadScore BeadScorer::ScorePair(int i, int j, Scratch* scratch) const {
  PairMasks m;
  ComputeMasks(i, j, scratch, &m);
  const double zh_matched = WeightedCount(ZhUnitWeights(i), m.zh);
  const double en_matched = WeightedCount(EnUnitWeights(j), m.en);
  const double zh_total = zh_weight_[static_cast<size_t>(i)], en_total = en_weight_[static_cast<size_t>(j)];
  return Combine(zh_matched, zh_total, en_matched, en_total,
                 LengthZ(f_.zh[static_cast<size_t>(i)].length, f_.en[static_cast<size_t>(j)].length),
                 Share(zh_matched, zh_total), Share(en_matched, en_total));
}

BeadScore BeadScorer::ScoreUnprepared(int i0, int i1, int j0, int j1) {
  // Temporarily prepare the rows we need, then restore them.
  std::vector<Row> saved;
  for (int i = i0; i < i1; ++i) {
    saved.push_back(std::move(rows_[static_cast<size_t>(i)]));
    PrepareRow(i, j0, j1);
  }
  BeadScore score = Score(i0, i1, j0, j1);
  for (int i = i0; i < i1; ++i) rows_[static_cast<size_t>(i)] = std::move(saved[static_cast<size_t>(i - i0)]);
  return score;
}

}  // namespace tmalign
