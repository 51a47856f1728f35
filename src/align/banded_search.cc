#include "align/banded_search.h"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <cmath>
#include <limits>
#include <random>
#include <thread>

#include "util/parallel_for.h"

namespace tmalign {
namespace {

// Beads whose length ratio is this many deviations off are never worth
// scoring: their length cost alone outweighs any lexical evidence.
constexpr double kMaxLengthZ = 5.0;
constexpr double kNone = -std::numeric_limits<double>::infinity();

double Logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

size_t At(int i) { return static_cast<size_t>(i); }

}  // namespace

std::vector<BeadShape> BeadShapes(const AlignOptions& o) {
  std::vector<BeadShape> shapes = {{1, 0}, {0, 1}};
  for (int a = 1; a <= o.max_side; ++a)
    for (int b = 1; b <= o.max_side; ++b)
      if (a + b <= o.max_total) shapes.push_back({a, b});
  for (int n = o.max_side + 1; n <= o.max_fan; ++n) {
    shapes.push_back({1, n});
    shapes.push_back({n, 1});
  }
  return shapes;
}

std::vector<double> ChanceCoverage(const std::vector<BeadShape>& shapes, const DocumentPairFeatures& f,
                                   BeadScorer* scorer) {
  const int n_zh = static_cast<int>(f.zh.size()), n_en = static_cast<int>(f.en.size());
  std::vector<double> chance(shapes.size(), 0.0);
  std::mt19937 rng(12345);
  for (size_t s = 0; s < shapes.size(); ++s) {
    const auto [a, b] = shapes[s];
    if (a == 0 || b == 0 || a > n_zh || b > n_en) continue;
    const int samples = 48;
    double coverage = 0;
    int count = 0;
    for (int k = 0; k < samples; ++k) {
      int i0 = std::uniform_int_distribution<int>(0, n_zh - a)(rng);
      int j0 = std::uniform_int_distribution<int>(0, n_en - b)(rng);
      // Stay off the diagonal region where real translations live.
      double expected_j = static_cast<double>(i0) * n_en / std::max(1, n_zh);
      if (n_en > 40 && std::abs(j0 - expected_j) < 10) continue;
      const BeadScore score = scorer->ScoreUnprepared(i0, i0 + a, j0, j0 + b);
      coverage += (score.zh_sentence_coverage + score.en_sentence_coverage) / (a + b);
      ++count;
    }
    chance[s] = count ? coverage / count : 0.05;
  }
  return chance;
}

BandedSearch::BandedSearch(const AlignOptions& options, std::vector<BeadShape> shapes,
                           const std::vector<double>& chance, const DocumentPairFeatures& features,
                           bool zh_paragraphs, bool en_paragraphs, BeadScorer* scorer, std::vector<int> lo,
                           std::vector<int> hi)
    : options_(options),
      shapes_(std::move(shapes)),
      chance_(chance),
      features_(features),
      zh_paragraphs_(zh_paragraphs),
      en_paragraphs_(en_paragraphs),
      scorer_(scorer),
      lo_(std::move(lo)),
      hi_(std::move(hi)),
      n_zh_(static_cast<int>(features.zh.size())),
      n_en_(static_cast<int>(features.en.size())),
      threads_(std::max(1, options.threads)) {
  best_.resize(At(n_zh_) + 1);
  from_.resize(At(n_zh_) + 1);
  for (int i = 0; i <= n_zh_; ++i) {
    const size_t width = static_cast<size_t>(hi_[At(i)] - lo_[At(i)] + 1);
    best_[At(i)].assign(width, kNone);
    from_[At(i)].assign(width, -1);
  }
  const int max_a = std::max(options_.max_side, options_.max_fan);
  shape_of_.assign(At(max_a) + 1, std::vector<int>(At(max_a) + 1, -1));
  max_en_.assign(At(max_a) + 1, -1);
  for (size_t s = 0; s < shapes_.size(); ++s) {
    shape_of_[At(shapes_[s].zh)][At(shapes_[s].en)] = static_cast<int>(s);
    max_en_[At(shapes_[s].zh)] = std::max(max_en_[At(shapes_[s].zh)], shapes_[s].en);
  }
  // The order in which a cell weighs its bead shapes (the first of equal totals wins): 0-1,
  // the long n-1 fans, then for each a: a-0, a-1, a-2 ...
  order_.push_back(shape_of_[0][1]);
  for (int a = options_.max_side + 1; a <= max_a; ++a) order_.push_back(shape_of_[At(a)][1]);
  for (int a = 1; a <= options_.max_side; ++a)
    for (int b = 0; b <= max_a; ++b) order_.push_back(shape_of_[At(a)][At(b)]);
  std::erase(order_, -1);
  for (const auto [a, b] : shapes_) {
    merge_part_.push_back(options_.merge_cost * std::min(a + b - 2, options_.merge_cost_cap));
    many_part_.push_back(options_.many_to_many_cost * (std::min(a, b) - 1));
  }
}

double* BandedSearch::Cell(int i, int j) {
  if (i < 0 || j < lo_[At(i)] || j > hi_[At(i)]) return nullptr;
  return &best_[At(i)][At(j - lo_[At(i)])];
}

int BandedSearch::ParagraphCrossings(const std::vector<SentenceFeatures>& side, int begin, int end) const {
  return begin < end ? side[At(end - 1)].paragraph - side[At(begin)].paragraph : 0;
}

double BandedSearch::SpanValue(size_t s, int a, int b, int i, int j, const SpanScore& sc) const {
  // Each sentence earns its own coverage above what unrelated text gets (its own chance
  // coverage, or in small documents that of the bead's shape).
  const double chance =
      sentence_chance_ != nullptr
          ? sentence_chance_weight_ * (sentence_chance_->Zh(i - a, i, b) + sentence_chance_->En(j - b, j, a))
          : (a + b) * chance_[s];
  const double lexical = sc.zh_sentence_coverage + sc.en_sentence_coverage - chance;
  double length_weight = options_.length_weight;
  if (length_beta_ != 0) {
    const double c = std::clamp(std::min(sc.zh_sentence_coverage / a, sc.en_sentence_coverage / b), 0.0, 1.0);
    length_weight *= std::max(0.0, 1.0 - length_beta_ * (c - length_center_));
  }
  double value = lexical - merge_part_[s] - many_part_[s] - length_weight * sc.length_z * sc.length_z;
  if (zh_paragraphs_ || en_paragraphs_) value -= ParagraphCost(a, b, i, j);
  return value;
}

double BandedSearch::ParagraphCost(int a, int b, int i, int j) const {
  const int cross = (zh_paragraphs_ ? ParagraphCrossings(features_.zh, i - a, i) : 0) +
                    (en_paragraphs_ ? ParagraphCrossings(features_.en, j - b, j) : 0);
  return options_.paragraph_cost * cross;
}

double BandedSearch::Value(size_t s, int i, int j, const SpanScore& sc) const {
  const auto [a, b] = shapes_[s];
  if (a != 0 && b != 0) return SpanValue(s, a, b, i, j, sc);
  double value = -options_.skip_cost;
  if (zh_paragraphs_ || en_paragraphs_) value -= ParagraphCost(a, b, i, j);
  return value;
}

double BandedSearch::ShapeValue(int a, int b, int i, int j, const SpanScore& score) const {
  return Allows(a, b) ? Value(At(shape_of_[At(a)][At(b)]), i, j, score) : kNone;
}

double BandedSearch::Confidence(int a, int b, double value) {
  return (a == 0 || b == 0) ? Logistic(-2.0) : Logistic(6.0 * (value / (a + b)) + 0.5);
}

double BandedSearch::BeadValue(size_t s, int i, int j) {
  const auto [a, b] = shapes_[s];
  return Value(s, i, j, SpanScoreOf(scorer_->Score(i - a, i, j - b, j)));
}

void BandedSearch::ScoreCell(int i, int j, std::vector<SpanScore>* grown, BeadScorer::SpanScores* spans,
                             double* values) const {
  std::fill(values, values + shapes_.size(), kNone);
  auto set = [&](int s, const SpanScore& sc) {
    if (s >= 0) values[s] = Value(static_cast<size_t>(s), i, j, sc);
  };
  // A 1-0 or 0-1 bead's value is its skip cost alone: nothing of it is scored.
  if (j >= 1) set(shape_of_[0][1], SpanScore{});
  // Long n-1 fans (a list rendered as one sentence) all at once, growing the Chinese side.
  // A fan needs more than max_side Chinese sentences against one English one; when that many
  // are already implausibly long, the growing stops before any fan (the length only worsens).
  // Only beads that start inside the band are scored: FillRow could not use the others.
  // Rows above end the band no later (hi never decreases), so a fan starting beyond row
  // i - a's band is not grown, nor any longer one.
  if (j >= 1 && i > options_.max_side &&
      scorer_->SpanLengthZ(i - options_.max_side - 1, i, j - 1, j) >= -kMaxLengthZ) {
    int fan_a = std::min(i, std::max(options_.max_side, options_.max_fan));
    while (fan_a > options_.max_side && hi_[At(i - fan_a)] < j - 1) --fan_a;
    if (fan_a > options_.max_side) {
      scorer_->ScoreGrowingChinese(i, j - 1, j, fan_a, kMaxLengthZ, grown);
      for (int a = options_.max_side + 1; a <= static_cast<int>(grown->size()); ++a)
        set(shape_of_[At(a)][1], (*grown)[At(a - 1)]);
    }
  }
  int b_limit[BeadScorer::kMaxSpanZh + 1] = {};
  int b_in_band[BeadScorer::kMaxSpanZh + 1] = {};  // b_limit, cut where the bead's start leaves the band
  int grow_a = 0;                                  // English spans are grown for a in 1..grow_a
  for (int a = 1; a <= std::min(i, options_.max_side); ++a) {
    if (shape_of_[At(a)][0] >= 0) set(shape_of_[At(a)][0], SpanScore{});
    b_limit[a] = std::max(0, std::min(max_en_[At(a)], j));
    if (b_limit[a] < 1) continue;
    // Pruned by length: when even the longest English span is far too short for these
    // Chinese sentences, so is every span, and more Chinese sentences only make it worse.
    if (scorer_->SpanLengthZ(i - a, i, j - b_limit[a], j) < -kMaxLengthZ) break;
    grow_a = a;
    b_in_band[a] = std::max(0, std::min(b_limit[a], j - lo_[At(i - a)]));
  }
  // All English spans ending at j at once, grown one sentence at a time (a span's score
  // does not depend on how far the longer ones grow).
  scorer_->ScoreSpansEndingAt(i, j, grow_a, b_in_band, kMaxLengthZ, spans);
  for (int a = 1; a <= grow_a; ++a) {
    const int* shape_of_b = shape_of_[At(a)].data();
    for (int b = std::max(1, j - hi_[At(i - a)]); b <= spans->count[a]; ++b) {
      const int s = shape_of_b[b];
      if (s >= 0) values[s] = SpanValue(static_cast<size_t>(s), a, b, i, j, spans->scores[a][b - 1]);
    }
  }
}

void BandedSearch::FillRow(int i, const double* values) {
  // Each shape's source row, looked up once for the row in the order the cell weighs the
  // shapes: where its beads start (their row's band and best totals; a row above the first
  // has an empty band) and how many English sentences back.
  std::vector<FillStep>& steps = fill_steps_;
  steps.clear();
  for (int s : order_) {
    const int a = shapes_[At(s)].zh;
    steps.push_back(
        i - a >= 0 ? FillStep{s, shapes_[At(s)].en, lo_[At(i - a)], hi_[At(i - a)], best_[At(i - a)].data()}
                   : FillStep{s, shapes_[At(s)].en, 1, 0, nullptr});
  }
  const size_t n_shapes = shapes_.size();
  for (int j = lo_[At(i)]; j <= hi_[At(i)]; ++j, values += n_shapes) {
    if (i == 0 && j == 0) continue;
    double best = kNone;
    int8_t arg = -1;
    for (const FillStep& step : steps) {
      const double value = values[step.shape];
      if (value == kNone) continue;
      const int from = j - step.en;
      if (from < step.lo || from > step.hi) continue;
      const double prev = step.best[At(from - step.lo)];
      if (prev == kNone) continue;
      const double v = prev + value;
      if (v > best) {
        best = v;
        arg = static_cast<int8_t>(step.shape);
      }
    }
    best_[At(i)][At(j - lo_[At(i)])] = best;
    from_[At(i)][At(j - lo_[At(i)])] = arg;
  }
}

Status BandedSearch::Run() {
  // Bead values do not depend on the table, so blocks of rows are scored on all the threads
  // (rows handed out a few at a time) into one of two buffers, and the table filled from a
  // block's values while the next block is being scored: the values are the same whatever
  // the threads, and so is the path. Filling is serial; overlapping it keeps both cores busy.
  // A block is at least 64 rows and about 1,700 cells (64 rows of the first band): the narrow
  // band of the realign pass takes longer blocks, so the threads meet at fewer barriers.
  constexpr int kBlockRows = 64;
  constexpr size_t kBlockCells = 1700;
  const size_t n_shapes = shapes_.size();
  const int threads = std::max(1, threads_);
  std::vector<std::vector<SpanScore>> grown(static_cast<size_t>(threads));
  std::vector<BeadScorer::SpanScores> spans(static_cast<size_t>(threads));
  struct Block {
    int first = 0, last = 0;
    std::vector<size_t> row_start;  // offset of each row's values
    std::vector<double> values;
  };
  Block blocks[2];
  auto prepare = [&](Block& block, int first) {
    block.first = first;
    block.row_start.assign(1, 0);
    size_t cells = 0;
    for (block.last = first; block.last <= n_zh_ && (block.last - first < kBlockRows || cells < kBlockCells);
         ++block.last) {
      const size_t width = static_cast<size_t>(hi_[At(block.last)] - lo_[At(block.last)] + 1);
      cells += width;
      block.row_start.push_back(block.row_start.back() + width * n_shapes);
    }
    block.values.resize(block.row_start.back());
  };
  // Rows go out eight at a time: a thread's SpanScores keeps each Chinese sentence's coverage
  // for the rows after it, which rows handed out one at a time to alternating threads would
  // each measure again (a quarter of that work at 5,000 x 6,300).
  // Near a block's end the rows go out fewer at a time, so that the threads finish it
  // together (the one that took the last eight rows kept the others waiting).
  constexpr int kChunkRows = 8;
  std::atomic<int> next_row{0};
  auto take_rows = [&](const Block& block, int* first, int* last) {
    int at = next_row.load(std::memory_order_relaxed);
    for (;;) {
      if (at >= block.last) return false;
      const int size = std::clamp((block.last - at) / (2 * threads), 1, kChunkRows);
      if (next_row.compare_exchange_weak(at, at + size, std::memory_order_relaxed)) {
        *first = at;
        *last = at + size;
        return true;
      }
    }
  };
  auto score_rows = [&](Block& block, int t) {
    for (int first, last; take_rows(block, &first, &last);) {
      for (int i = first; i < last; ++i) {
        double* row = block.values.data() + block.row_start[At(i - block.first)];
        for (int j = lo_[At(i)]; j <= hi_[At(i)]; ++j)
          ScoreCell(i, j, &grown[At(t)], &spans[At(t)], row + static_cast<size_t>(j - lo_[At(i)]) * n_shapes);
      }
    }
  };
  auto fill = [&](const Block& block) {
    for (int i = block.first; i < block.last; ++i)
      FillRow(i, block.values.data() + block.row_start[At(i - block.first)]);
  };
  // The other threads live for the whole search (a search has dozens of blocks): each block
  // is scored between two barriers, and the main thread fills the block before it meanwhile.
  std::barrier sync(threads);
  Block* job = nullptr;
  bool stop = false;
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (;;) {
        sync.arrive_and_wait();  // a block to score, or the end
        if (stop) return;
        score_rows(*job, t);
        sync.arrive_and_wait();
      }
    });
  }
  auto score_block = [&](Block& block, const Block* to_fill) {
    job = &block;
    next_row = block.first;
    sync.arrive_and_wait();
    if (to_fill != nullptr) fill(*to_fill);
    score_rows(block, 0);
    sync.arrive_and_wait();
  };
  *Cell(0, 0) = 0;
  prepare(blocks[0], 0);
  score_block(blocks[0], nullptr);
  for (int k = 0;; ++k) {
    Block& current = blocks[k % 2];
    Block& next = blocks[(k + 1) % 2];
    if (current.last > n_zh_) {
      fill(current);
      break;
    }
    prepare(next, current.last);
    score_block(next, &current);
  }
  stop = true;
  sync.arrive_and_wait();
  for (std::thread& w : workers) w.join();
  if (*Cell(n_zh_, n_en_) == kNone)
    return Status::Internal("alignment search found no path (band too narrow)");
  return Status::Ok();
}

std::vector<Bead> BandedSearch::TraceBack() {
  struct Step {
    int8_t shape;
    int i, j;  // where the bead ends
  };
  std::vector<Step> path;
  for (int i = n_zh_, j = n_en_; i > 0 || j > 0;) {
    const int8_t s = from_[At(i)][At(j - lo_[At(i)])];
    path.push_back(Step{s, i, j});
    i -= shapes_[static_cast<size_t>(s)].zh;
    j -= shapes_[static_cast<size_t>(s)].en;
  }
  std::reverse(path.begin(), path.end());
  std::vector<Bead> beads(path.size());
  // Each bead is scored again for its confidence (about a microsecond a bead): on the threads
  // for a long path, each bead written by its index.
  constexpr size_t kParallelBeads = 512;
  const unsigned threads = path.size() >= kParallelBeads ? static_cast<unsigned>(std::max(1, threads_)) : 1;
  ParallelFor(path.size(), threads, [&](unsigned, size_t begin, size_t end) {
    for (size_t k = begin; k < end; ++k) {
      const auto [s, i, j] = path[k];
      const auto [a, b] = shapes_[static_cast<size_t>(s)];
      Bead& bead = beads[k];
      for (int x = i - a; x < i; ++x) bead.src.push_back(x);
      for (int y = j - b; y < j; ++y) bead.tgt.push_back(y);
      // Confidence: how far the bead beats chance, squashed to (0,1).
      bead.confidence = Confidence(a, b, BeadValue(static_cast<size_t>(s), i, j));
    }
  });
  return beads;
}

}  // namespace tmalign
