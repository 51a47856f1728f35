#include "align/aligner.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <limits>
#include <random>
#include <thread>

#include "align/anchor_search.h"
#include "align/bead_scorer.h"
#include "align/sentence_features.h"

namespace tmalign {
namespace {

struct BeadShape {
  int zh, en;
};

std::vector<BeadShape> Shapes(const AlignOptions& o) {
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

// What unrelated text scores for each bead shape: the mean similarity of
// random placements. A bead must beat this to count as a translation.
std::vector<double> ChanceSimilarity(const std::vector<BeadShape>& shapes, const DocumentPairFeatures& f,
                                     BeadScorer* scorer) {
  const int n_zh = static_cast<int>(f.zh.size()), n_en = static_cast<int>(f.en.size());
  std::vector<double> chance(shapes.size(), 0.0);
  std::mt19937 rng(12345);  // fixed seed: the same input always aligns the same way
  for (size_t s = 0; s < shapes.size(); ++s) {
    const auto [a, b] = shapes[s];
    if (a == 0 || b == 0 || a > n_zh || b > n_en) continue;
    const int samples = 48;
    double sum = 0;
    int count = 0;
    for (int k = 0; k < samples; ++k) {
      int i0 = std::uniform_int_distribution<int>(0, n_zh - a)(rng);
      int j0 = std::uniform_int_distribution<int>(0, n_en - b)(rng);
      // Stay off the diagonal region where real translations live.
      double expected_j = static_cast<double>(i0) * n_en / std::max(1, n_zh);
      if (n_en > 40 && std::abs(j0 - expected_j) < 10) continue;
      sum += scorer->ScoreUnprepared(i0, i0 + a, j0, j0 + b).similarity;
      ++count;
    }
    chance[s] = count ? sum / count : 0.05;
  }
  return chance;
}

// Phase timings on stderr when TMALIGN_PROFILE is set.
class Timer {
 public:
  Timer() : on_(std::getenv("TMALIGN_PROFILE") != nullptr), last_(std::chrono::steady_clock::now()) {}
  void Mark(const char* phase) {
    if (!on_) return;
    auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "  %-9s %.3fs\n", phase, std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }

 private:
  bool on_;
  std::chrono::steady_clock::time_point last_;
};

// Beads whose length ratio is this many deviations off are never worth
// scoring: their length cost alone outweighs any lexical evidence.
constexpr double kMaxLengthZ = 5.0;

double Logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace

Aligner::Aligner(const BilingualLexicon& lexicon, AlignOptions options) : lexicon_(lexicon), options_(options) {
  options_.max_side = std::clamp(options_.max_side, 1, 8);
  options_.max_fan = std::clamp(options_.max_fan, options_.max_side, 16);
  options_.max_total = std::clamp(options_.max_total, 2, 2 * options_.max_side);
  options_.band_half_width = std::max(options_.band_half_width, 2);
}

Status Aligner::Align(const AlignInput& input, std::vector<Bead>* beads) const {
  beads->clear();
  const int n_zh = static_cast<int>(input.zh.size());
  const int n_en = static_cast<int>(input.en.size());
  if (n_zh == 0 || n_en == 0) {
    for (int i = 0; i < n_zh; ++i) beads->push_back(Bead{{i}, {}, 0.0});
    for (int j = 0; j < n_en; ++j) beads->push_back(Bead{{}, {j}, 0.0});
    return Status::Ok();
  }

  Timer timer;
  DocumentPairFeatures f;
  FeatureExtractor(lexicon_).Extract(input.zh, input.zh_paragraphs, input.en, input.en_paragraphs, &f);
  BeadScorer scorer(f);
  timer.Mark("features");

  // Pass 1: anchors and the band.
  std::vector<Anchor> anchors = FindAnchors(f, &scorer);
  std::vector<int> lo, hi;
  BandFromAnchors(anchors, n_zh, n_en, options_.band_half_width, &lo, &hi);
  if (std::getenv("TMALIGN_PROFILE")) {
    long cells = 0;
    for (int i = 0; i <= n_zh; ++i) cells += hi[static_cast<size_t>(i)] - lo[static_cast<size_t>(i)] + 1;
    std::fprintf(stderr, "  %zu anchors, %ld band cells (%.1f per row)\n", anchors.size(), cells, double(cells) / (n_zh + 1));
  }
  timer.Mark("anchors");

  // Match masks for every pair a bead inside the band can touch.
  std::vector<std::pair<int, int>> ranges(static_cast<size_t>(n_zh));
  const int reach = std::max(options_.max_side, options_.max_fan);
  for (int i = 0; i < n_zh; ++i) {
    ranges[static_cast<size_t>(i)] = {std::min(lo[static_cast<size_t>(i)], lo[static_cast<size_t>(i + 1)]) - reach,
                                      std::max(hi[static_cast<size_t>(i)], hi[static_cast<size_t>(i + 1)]) + reach};
  }
  scorer.PrepareRows(ranges, static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  const std::vector<BeadShape> shapes = Shapes(options_);
  timer.Mark("masks");
  const std::vector<double> chance = ChanceSimilarity(shapes, f, &scorer);
  timer.Mark("chance");

  // Pass 2: dynamic programme over prefixes (i zh, j en sentences aligned).
  const double kNone = -std::numeric_limits<double>::infinity();
  std::vector<std::vector<double>> best(static_cast<size_t>(n_zh) + 1);
  std::vector<std::vector<int8_t>> from(static_cast<size_t>(n_zh) + 1);
  for (int i = 0; i <= n_zh; ++i) {
    size_t width = static_cast<size_t>(hi[static_cast<size_t>(i)] - lo[static_cast<size_t>(i)] + 1);
    best[static_cast<size_t>(i)].assign(width, kNone);
    from[static_cast<size_t>(i)].assign(width, -1);
  }
  auto cell = [&](int i, int j) -> double* {
    if (i < 0 || j < lo[static_cast<size_t>(i)] || j > hi[static_cast<size_t>(i)]) return nullptr;
    return &best[static_cast<size_t>(i)][static_cast<size_t>(j - lo[static_cast<size_t>(i)])];
  };
  auto crossings = [&](const std::vector<SentenceFeatures>& side, int begin, int end) {
    return begin < end ? side[static_cast<size_t>(end - 1)].paragraph - side[static_cast<size_t>(begin)].paragraph : 0;
  };
  const bool paragraphs = !input.zh_paragraphs.empty() || !input.en_paragraphs.empty();
  auto value_of = [&](size_t s, int i, int j, const BeadScore& sc) {
    const auto [a, b] = shapes[s];
    double value;
    if (a == 0 || b == 0) {
      value = -options_.skip_cost;
    } else {
      value = (2 + options_.size_credit * (a + b - 2)) * (sc.similarity - chance[s]) - options_.merge_cost * std::min(a + b - 2, options_.merge_cost_cap) -
              options_.many_to_many_cost * (std::min(a, b) - 1) -
              options_.length_weight * sc.length_z * sc.length_z;
    }
    if (paragraphs) {
      int cross = (input.zh_paragraphs.empty() ? 0 : crossings(f.zh, i - a, i)) +
                  (input.en_paragraphs.empty() ? 0 : crossings(f.en, j - b, j));
      value -= options_.paragraph_cost * cross;
    }
    return value;
  };
  auto bead_value = [&](size_t s, int i, int j) {
    const auto [a, b] = shapes[s];
    return value_of(s, i, j, scorer.Score(i - a, i, j - b, j));
  };

  // Shapes by size; for each Chinese side, the longest English side allowed.
  const int max_a = std::max(options_.max_side, options_.max_fan);
  std::vector<std::vector<int>> shape_of(static_cast<size_t>(max_a) + 1, std::vector<int>(static_cast<size_t>(max_a) + 1, -1));
  std::vector<int> max_b(static_cast<size_t>(max_a) + 1, -1);
  for (size_t s = 0; s < shapes.size(); ++s) {
    shape_of[static_cast<size_t>(shapes[s].zh)][static_cast<size_t>(shapes[s].en)] = static_cast<int>(s);
    max_b[static_cast<size_t>(shapes[s].zh)] = std::max(max_b[static_cast<size_t>(shapes[s].zh)], shapes[s].en);
  }

  *cell(0, 0) = 0;
  std::vector<BeadScore> grown;
  for (int i = 0; i <= n_zh; ++i) {
    for (int j = lo[static_cast<size_t>(i)]; j <= hi[static_cast<size_t>(i)]; ++j) {
      if (i == 0 && j == 0) continue;
      double* here = cell(i, j);
      int8_t arg = -1;
      auto consider = [&](int s, int a, int b, const BeadScore* sc) {
        if (s < 0) return;
        double* prev = cell(i - a, j - b);
        if (!prev || *prev == kNone) return;
        double v = *prev + (sc ? value_of(static_cast<size_t>(s), i, j, *sc) : bead_value(static_cast<size_t>(s), i, j));
        if (v > *here) {
          *here = v;
          arg = static_cast<int8_t>(s);
        }
      };
      if (j >= 1) consider(shape_of[0][1], 0, 1, nullptr);
      // Long n-1 fans (a list rendered as one sentence) all at once, growing the Chinese side.
      if (j >= 1 && i > options_.max_side) {
        int a_limit = std::min(i, max_a);
        scorer.ScoreGrowingChinese(i, j - 1, j, a_limit, kMaxLengthZ, &grown);
        for (int a = options_.max_side + 1; a <= static_cast<int>(grown.size()); ++a) {
          consider(shape_of[static_cast<size_t>(a)][1], a, 1, &grown[static_cast<size_t>(a - 1)]);
        }
      }
      for (int a = 1; a <= std::min(i, options_.max_side); ++a) {
        consider(shape_of[static_cast<size_t>(a)][0], a, 0, nullptr);
        int b_limit = std::min(max_b[static_cast<size_t>(a)], j);
        if (b_limit < 1) continue;
        // All English spans ending at j at once, grown one sentence at a time.
        scorer.ScoreGrowingEnglish(i - a, i, j, b_limit, kMaxLengthZ, &grown);
        for (int b = 1; b <= static_cast<int>(grown.size()); ++b) {
          consider(shape_of[static_cast<size_t>(a)][static_cast<size_t>(b)], a, b, &grown[static_cast<size_t>(b - 1)]);
        }
      }
      from[static_cast<size_t>(i)][static_cast<size_t>(j - lo[static_cast<size_t>(i)])] = arg;
    }
  }
  if (*cell(n_zh, n_en) == kNone) return Status::Internal("alignment search found no path (band too narrow)");

  timer.Mark("search");
  // Trace back.
  int i = n_zh, j = n_en;
  while (i > 0 || j > 0) {
    int8_t s = from[static_cast<size_t>(i)][static_cast<size_t>(j - lo[static_cast<size_t>(i)])];
    const auto [a, b] = shapes[static_cast<size_t>(s)];
    Bead bead;
    for (int k = i - a; k < i; ++k) bead.src.push_back(k);
    for (int k = j - b; k < j; ++k) bead.tgt.push_back(k);
    double value = bead_value(static_cast<size_t>(s), i, j);
    // Confidence: how far the bead beats chance, squashed to (0,1).
    bead.confidence = (a == 0 || b == 0) ? Logistic(-2.0) : Logistic(6.0 * (value / (a + b)) + 0.5);
    beads->push_back(std::move(bead));
    i -= a;
    j -= b;
  }
  std::reverse(beads->begin(), beads->end());
  return Status::Ok();
}

}  // namespace tmalign
