#include "align/realign.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>

#include "align/banded_search.h"
#include "align/translation_model.h"
#include "util/parallel_for.h"

namespace tmalign {
namespace {

size_t At(int i) { return static_cast<size_t>(i); }

// The distinct word ids of the units of `side`'s sentences `ids` that no key of `other_keys`
// (stamped with `tick` in `seen`) matches.
void UncoveredWords(const std::vector<SentenceFeatures>& side, const std::vector<int>& ids,
                    const std::vector<uint32_t>& seen, uint32_t tick, std::vector<int>* out) {
  out->clear();
  for (int id : ids) {
    const SentenceFeatures& s = side[At(id)];
    for (const FeatureUnit& u : s.units) {
      bool covered = false;
      for (uint32_t k = u.key_begin; k < u.key_end && !covered; ++k) covered = seen[At(s.keys[k])] == tick;
      if (!covered) out->push_back(u.word_id);
    }
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

// Adds the new keys of each word (extra[offset[w]] .. extra[offset[w + 1]]) to every unit of
// that word in `side`, after the unit's own keys (BeadScorer::RefreshMasks relies on it), and
// marks the sentences that took one in *touched_out (marks of earlier calls stay).
void AddKeys(const std::vector<int>& offset, const std::vector<int>& extra,
             std::vector<SentenceFeatures>* side, std::vector<char>* touched_out) {
  touched_out->resize(side->size(), 0);
  auto added = [&](int word) { return static_cast<size_t>(offset[At(word) + 1] - offset[At(word)]); };
  std::vector<int> added_keys;  // reused from sentence to sentence
  for (size_t id = 0; id < side->size(); ++id) {
    SentenceFeatures& s = (*side)[id];
    size_t growth = 0;
    for (const FeatureUnit& u : s.units) growth += added(u.word_id);
    if (growth == 0) continue;
    (*touched_out)[id] = 1;
    // The units' keys tile s.keys in unit order: grown in place from the last unit back, each
    // unit's keys moved up by what the units before it take, its new keys after them.
    added_keys.clear();
    s.keys.resize(s.keys.size() + growth);
    uint32_t end = static_cast<uint32_t>(s.keys.size());
    for (size_t ui = s.units.size(); ui-- > 0;) {
      FeatureUnit& u = s.units[ui];
      const int* first_new = extra.data() + offset[At(u.word_id)];
      const uint32_t n_new = static_cast<uint32_t>(added(u.word_id));
      const uint32_t n_own = u.key_end - u.key_begin;
      std::copy(first_new, first_new + n_new, s.keys.begin() + (end - n_new));
      added_keys.insert(added_keys.end(), first_new, first_new + n_new);
      const uint32_t begin = end - n_new - n_own;
      std::memmove(s.keys.data() + begin, s.keys.data() + u.key_begin, n_own * sizeof(int));
      u.key_begin = begin;
      u.key_end = end;
      end = begin;
    }
    // The new keys are numbered after every old one: the set grows at its end.
    std::sort(added_keys.begin(), added_keys.end());
    added_keys.erase(std::unique(added_keys.begin(), added_keys.end()), added_keys.end());
    s.key_set.insert(s.key_set.end(), added_keys.begin(), added_keys.end());
  }
}

// offset/extra (as AddKeys reads them) from (word, key) pairs.
void GroupKeys(int words, std::vector<std::pair<int, int>> word_keys, std::vector<int>* offset,
               std::vector<int>* extra) {
  std::sort(word_keys.begin(), word_keys.end());
  offset->assign(At(words) + 1, 0);
  for (const auto& [w, k] : word_keys) ++(*offset)[At(w) + 1];
  for (int w = 0; w < words; ++w) (*offset)[At(w) + 1] += (*offset)[At(w)];
  extra->clear();
  for (const auto& [w, k] : word_keys) extra->push_back(k);
}

// Calls fn(part) for every part in [0, parts), on as many threads (util/parallel_for.h), and
// returns when all have returned. Each part writes only its own results.
template <typename Fn>
void OnThreads(int parts, const Fn& fn) {
  ParallelFor(At(parts), static_cast<unsigned>(parts), [&](unsigned, size_t begin, size_t end) {
    for (size_t p = begin; p < end; ++p) fn(static_cast<int>(p));
  });
}

// The confident beads of one part of the alignment: each one's uncovered words of both sides,
// one after the other (words[begin[b] .. split[b]) Chinese, then .. begin[b + 1]) English),
// how many of the part's beads each word is uncovered in, and the (zh word, en word) pairs
// that may pass the thresholds, one entry a bead they meet in, sorted.
struct LearningPart {
  std::vector<int> words, begin, split;
  std::vector<int> zh_count, en_count;
  std::vector<uint64_t> pairs;
};

void CollectUncovered(const std::vector<Bead>& beads, size_t first, size_t last, const AlignOptions& options,
                      const DocumentPairFeatures& f, LearningPart* part) {
  std::vector<uint32_t> seen(At(f.key_count) + 1, 0);
  uint32_t tick = 0;
  std::vector<int> zh_words, en_words;
  for (size_t at = first; at < last; ++at) {
    const Bead& b = beads[at];
    if (b.src.empty() || b.tgt.empty() || b.confidence < options.realign_confidence) continue;
    ++tick;
    for (int j : b.tgt)
      for (int k : f.en[At(j)].key_set) seen[At(k)] = tick;
    UncoveredWords(f.zh, b.src, seen, tick, &zh_words);
    ++tick;
    for (int i : b.src)
      for (int k : f.zh[At(i)].key_set) seen[At(k)] = tick;
    UncoveredWords(f.en, b.tgt, seen, tick, &en_words);
    for (int z : zh_words) ++part->zh_count[At(z)];
    for (int e : en_words) ++part->en_count[At(e)];
    part->begin.push_back(static_cast<int>(part->words.size()));
    part->words.insert(part->words.end(), zh_words.begin(), zh_words.end());
    part->split.push_back(static_cast<int>(part->words.size()));
    part->words.insert(part->words.end(), en_words.begin(), en_words.end());
  }
  part->begin.push_back(static_cast<int>(part->words.size()));
}

// Gives each (Chinese word, English word) of `pairs` a new key (f->key_count on, in order)
// and adds it to every unit of its two words, the two sides on up to two threads; counts
// the pairs and marks the sentences that took a key in *learned.
void AddPairKeys(const std::vector<std::pair<int, int>>& pairs, int zh_words, int en_words, int threads,
                 DocumentPairFeatures* f, LearnedAssociations* learned) {
  if (pairs.empty()) {  // nothing to add: only the marks are sized
    learned->zh_touched.resize(f->zh.size(), 0);
    learned->en_touched.resize(f->en.size(), 0);
    return;
  }
  std::vector<std::pair<int, int>> zh_keys, en_keys;
  for (const auto& [z, e] : pairs) {
    const int key = f->key_count++;
    zh_keys.emplace_back(z, key);
    en_keys.emplace_back(e, key);
  }
  learned->pairs += static_cast<int>(pairs.size());
  const int sides = std::clamp(threads, 1, 2);
  OnThreads(sides, [&](int p) {
    std::vector<int> offset, extra;
    if (p == 0 || sides == 1) {
      GroupKeys(zh_words, std::move(zh_keys), &offset, &extra);
      AddKeys(offset, extra, &f->zh, &learned->zh_touched);
    }
    if (p == 1 || sides == 1) {
      GroupKeys(en_words, std::move(en_keys), &offset, &extra);
      AddKeys(offset, extra, &f->en, &learned->en_touched);
    }
  });
}

}  // namespace

LearnedAssociations AddLearnedAssociations(const std::vector<Bead>& beads, const AlignOptions& options,
                                           DocumentPairFeatures* f) {
  // The beads are learned from in parts on the threads (a part a thread, in order); counts
  // are sums and the pairs one sorted list, so what is learned does not depend on them.
  const int parts = std::clamp(options.threads, 1, std::max(1, static_cast<int>(beads.size() / 512)));
  int zh_words_n = 0, en_words_n = 0;
  OnThreads(std::min(parts, 2), [&](int p) {
    if (p == 0 || parts == 1) zh_words_n = WordIdCount(f->zh);
    if (p == 1 || parts == 1) en_words_n = WordIdCount(f->en);
  });
  std::vector<LearningPart> part(At(parts));
  auto bead_range = [&](int p) { return beads.size() * At(p) / At(parts); };
  OnThreads(parts, [&](int p) {
    part[At(p)].zh_count.assign(At(zh_words_n), 0);
    part[At(p)].en_count.assign(At(en_words_n), 0);
    CollectUncovered(beads, bead_range(p), bead_range(p + 1), options, *f, &part[At(p)]);
  });
  std::vector<int> zh_count = std::move(part[0].zh_count), en_count = std::move(part[0].en_count);
  for (int p = 1; p < parts; ++p) {
    for (size_t w = 0; w < zh_count.size(); ++w) zh_count[w] += part[At(p)].zh_count[w];
    for (size_t w = 0; w < en_count.size(); ++w) en_count[w] += part[At(p)].en_count[w];
  }
  // A pair meets in at most min(zh count, en count) beads: pairs whose counts already rule
  // out the thresholds are not listed (the same pairs pass; the sort below was the cost).
  auto may_pass = [&](int z, int e) {
    const int most = std::min(zh_count[At(z)], en_count[At(e)]);
    return most >= options.realign_min_count &&
           2.0 * most / (zh_count[At(z)] + en_count[At(e)]) >= options.realign_min_dice;
  };
  OnThreads(parts, [&](int p) {
    const LearningPart& q = part[At(p)];
    std::vector<uint64_t>& pairs = part[At(p)].pairs;
    for (size_t b = 0; b + 1 < q.begin.size(); ++b) {
      for (int zi = q.begin[b]; zi < q.split[b]; ++zi) {
        const int z = q.words[At(zi)];
        for (int ei = q.split[b]; ei < q.begin[b + 1]; ++ei) {
          const int e = q.words[At(ei)];
          if (may_pass(z, e)) pairs.push_back((static_cast<uint64_t>(z) << 32) | static_cast<uint32_t>(e));
        }
      }
    }
    std::sort(pairs.begin(), pairs.end());
  });
  std::vector<uint64_t> pairs = std::move(part[0].pairs);
  for (int p = 1; p < parts; ++p) {
    std::vector<uint64_t> merged(pairs.size() + part[At(p)].pairs.size());
    std::merge(pairs.begin(), pairs.end(), part[At(p)].pairs.begin(), part[At(p)].pairs.end(),
               merged.begin());
    pairs = std::move(merged);
  }
  // Thresholds only (no ranking), so the pairs kept do not depend on how words are numbered.
  LearnedAssociations learned;
  learned.first_key = f->key_count;
  std::vector<std::pair<int, int>> kept;
  for (size_t p = 0; p < pairs.size();) {
    size_t q = p;
    while (q < pairs.size() && pairs[q] == pairs[p]) ++q;
    const int n = static_cast<int>(q - p);
    const int z = static_cast<int>(pairs[p] >> 32), e = static_cast<int>(pairs[p] & 0xffffffffu);
    p = q;
    if (n < options.realign_min_count) continue;
    if (2.0 * n / (zh_count[At(z)] + en_count[At(e)]) < options.realign_min_dice) continue;
    kept.emplace_back(z, e);
  }
  // The two sides take their new keys at once.
  AddPairKeys(kept, zh_words_n, en_words_n, std::min(parts, 2), f, &learned);
  return learned;
}

void BandAroundPath(const std::vector<Bead>& beads, const LearnedAssociations& learned, int half_width,
                    double confident, const std::vector<int>& band_lo, const std::vector<int>& band_hi,
                    std::vector<int>* lo, std::vector<int>* hi, std::vector<char>* open_rows) {
  const int n_zh = static_cast<int>(learned.zh_touched.size());
  const int n_en = static_cast<int>(learned.en_touched.size());
  // The path's cells: after each bead, (zh sentences so far, en sentences so far); the rows a
  // bead passes over get its whole English span.
  std::vector<int> path_lo(At(n_zh) + 1, n_en), path_hi(At(n_zh) + 1, 0);
  std::vector<int> doubt_sum(At(n_zh) + 2, 0);  // rows of doubtful beads, then prefix sums
  int i = 0, j = 0;
  path_lo[0] = path_hi[0] = 0;
  for (const Bead& b : beads) {
    const int a = static_cast<int>(b.src.size()), e = static_cast<int>(b.tgt.size());
    if (b.confidence < confident)
      for (int r = i; r <= i + a; ++r) doubt_sum[At(r + 1)] = 1;
    for (int r = 1; r <= a; ++r) {
      path_lo[At(i + r)] = std::min(path_lo[At(i + r)], r == a ? j + e : j);
      path_hi[At(i + r)] = std::max(path_hi[At(i + r)], j + e);
    }
    if (a == 0) path_hi[At(i)] = std::max(path_hi[At(i)], j + e);
    i += a;
    j += e;
  }
  // Prefix sums of touched sentences, to ask "any touched in [x, y)" in constant time.
  std::vector<int> zh_sum(At(n_zh) + 1, 0), en_sum(At(n_en) + 1, 0);
  for (int k = 0; k < n_zh; ++k) zh_sum[At(k + 1)] = zh_sum[At(k)] + learned.zh_touched[At(k)];
  for (int r = 0; r <= n_zh; ++r) doubt_sum[At(r + 1)] += doubt_sum[At(r)];
  for (int k = 0; k < n_en; ++k) en_sum[At(k + 1)] = en_sum[At(k)] + learned.en_touched[At(k)];
  auto any = [](const std::vector<int>& sum, int x, int y) {
    const int n = static_cast<int>(sum.size()) - 1;
    x = std::clamp(x, 0, n);
    y = std::clamp(y, 0, n);
    return x < y && sum[At(y)] > sum[At(x)];
  };
  lo->assign(At(n_zh) + 1, 0);
  hi->assign(At(n_zh) + 1, n_en);
  open_rows->assign(At(n_zh) + 1, 0);
  for (int r = 0; r <= n_zh; ++r) {
    const bool open = any(doubt_sum, r - half_width, r + half_width + 1) &&
                      (any(zh_sum, r - half_width, r + half_width) ||
                       any(en_sum, path_lo[At(r)] - half_width, path_hi[At(r)] + half_width));
    (*open_rows)[At(r)] = open;
    const int w = open ? half_width : 0;
    (*lo)[At(r)] = std::max(path_lo[At(r)] - w, band_lo[At(r)]);
    (*hi)[At(r)] = std::min(path_hi[At(r)] + w, band_hi[At(r)]);
  }
  (*lo)[0] = 0;
  (*hi)[At(n_zh)] = n_en;
  for (int r = 1; r <= n_zh; ++r) (*lo)[At(r)] = std::max((*lo)[At(r)], (*lo)[At(r - 1)]);
  for (int r = n_zh; r-- > 0;) (*hi)[At(r)] = std::min((*hi)[At(r)], (*hi)[At(r + 1)]);
}

Status Realign(const AlignOptions& options, const std::vector<int>& band_lo, const std::vector<int>& band_hi,
               const std::vector<double>& first_chance, bool zh_paragraphs, bool en_paragraphs,
               DocumentPairFeatures* f, BeadScorer* scorer, std::vector<Bead>* beads,
               std::optional<SentenceChance>* sentence_chance) {
  LearnedAssociations learned = AddLearnedAssociations(*beads, options, f);
  // Then the translation model's pairs (align/translation_model.h; the Dice pairs' keys
  // already link theirs), as keys of their own too.
  TranslationModelOptions model;
  model.threads = options.threads;
  AddPairKeys(LearnTranslationPairs(*beads, *f, model), WordIdCount(f->zh), WordIdCount(f->en),
              options.threads, f, &learned);
  if (learned.pairs == 0) return Status::Ok();
  // Chance per sentence (where it applies) is cheap and counts the new keys.
  std::optional<SentenceChance> own_chance;
  std::optional<SentenceChance>& chance = sentence_chance != nullptr ? *sentence_chance : own_chance;
  if (SentenceChance::Applies(*f))
    chance.emplace(*f, options.threads);
  else
    chance.reset();
  std::vector<int> lo, hi;
  std::vector<char> open;
  BandAroundPath(*beads, learned, options.realign_band, options.realign_confidence, band_lo, band_hi, &lo,
                 &hi, &open);
  // Only masks of a touched Chinese sentence against a touched English one can change, and
  // only those a bead reaching an open row can use are refreshed (elsewhere the path stays).
  const int n_zh = static_cast<int>(f->zh.size());
  const int reach = std::max(options.max_side, options.max_fan);
  std::vector<int> open_sum(At(n_zh) + 2, 0);
  for (int r = 0; r <= n_zh; ++r) open_sum[At(r + 1)] = open_sum[At(r)] + open[At(r)];
  std::vector<char> refresh(At(n_zh), 0);
  bool any_open = false;
  for (int i = 0; i < n_zh; ++i) {
    const int from = std::max(0, i - reach), to = std::min(n_zh + 1, i + reach + 2);
    refresh[At(i)] = learned.zh_touched[At(i)] && open_sum[At(to)] > open_sum[At(from)];
    any_open = any_open || open[At(i)];
  }
  if (!any_open && !open[At(n_zh)]) return Status::Ok();  // nothing doubtful near what was learned
  // A mask of row i is read only by beads ending in rows i + 1 .. i + reach, at most reach
  // English sentences before a cell of their band: the others are left as they were.
  std::vector<std::pair<int, int>> columns(At(n_zh));
  for (int i = 0; i < n_zh; ++i) columns[At(i)] = {lo[At(i + 1)] - reach, hi[At(std::min(n_zh, i + reach))]};
  scorer->RefreshMasks(learned.first_key, refresh, learned.en_touched, options.threads, &columns);
  // The banded search's chance coverage per shape is kept: the new keys were learned where the
  // text is aligned, and measuring it again would cost as much as the search here.
  BandedSearch search(options, BeadShapes(options), first_chance, *f, zh_paragraphs, en_paragraphs, scorer,
                      std::move(lo), std::move(hi));
  if (chance) search.UseSentenceChance(&*chance, options.sentence_chance_weight);
  TMALIGN_RETURN_IF_ERROR(search.Run());
  *beads = search.TraceBack();
  return Status::Ok();
}

}  // namespace tmalign
