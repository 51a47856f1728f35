#include "align/aligner.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <optional>
#include <thread>

#include "align/anchor_search.h"
#include "align/banded_search.h"
#include "align/bead_scorer.h"
#include "align/length_spread.h"
#include "align/local_redecode.h"
#include "align/realign.h"
#include "align/sentence_chance.h"
#include "align/sentence_features.h"

namespace tmalign {
namespace {

// Records the time since the last mark as a phase of `profile` (nothing when null).
class PhaseTimer {
 public:
  explicit PhaseTimer(AlignProfile* profile)
      : profile_(profile), last_(std::chrono::steady_clock::now()), last_cpu_(ProcessCpuSeconds()) {}
  void Mark(const char* phase) {
    if (profile_ == nullptr) return;
    auto now = std::chrono::steady_clock::now();
    const double cpu = ProcessCpuSeconds();
    profile_->phases.push_back({phase, std::chrono::duration<double>(now - last_).count(), cpu - last_cpu_});
    last_ = now;
    last_cpu_ = cpu;
  }

 private:
  // All the process's threads (std::clock on Linux).
  static double ProcessCpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }
  AlignProfile* profile_;
  std::chrono::steady_clock::time_point last_;
  double last_cpu_;
};

}  // namespace

Aligner::Aligner(const BilingualLexicon& lexicon, AlignOptions options)
    : lexicon_(lexicon), options_(options) {
  options_.max_side = std::clamp(options_.max_side, 1, 8);
  options_.max_fan = std::clamp(options_.max_fan, options_.max_side, 16);
  options_.max_total = std::clamp(options_.max_total, 2, 2 * options_.max_side);
  options_.band_half_width = std::max(options_.band_half_width, 2);
}

Status Aligner::Align(const AlignInput& input, std::vector<Bead>* beads, AlignProfile* profile) const {
  beads->clear();
  const int n_zh = static_cast<int>(input.zh.size());
  const int n_en = static_cast<int>(input.en.size());
  if (n_zh == 0 || n_en == 0) {
    for (int i = 0; i < n_zh; ++i) beads->push_back(Bead{{i}, {}, 0.0});
    for (int j = 0; j < n_en; ++j) beads->push_back(Bead{{}, {j}, 0.0});
    return Status::Ok();
  }

  PhaseTimer timer(profile);
  const int threads = options_.threads > 0
                          ? options_.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  DocumentPairFeatures f;
  FeatureExtractor(lexicon_).Extract(input.zh, input.zh_paragraphs, input.en, input.en_paragraphs, &f,
                                     threads, options_.feature_chunk);
  BeadScorer scorer(f);
  timer.Mark("features");

  // What unrelated text scores needs only the features: on a thread of its own while the
  // anchors are found (it prepares and restores rows of the scorer, which FindAnchors does
  // not read), joined before the masks are prepared.
  // Documents of more than a few dozen sentences weigh each sentence against its own chance
  // coverage; small ones against the shape's.
  std::vector<BeadShape> shapes = BeadShapes(options_);
  std::vector<double> chance(shapes.size(), 0.0);
  std::optional<SentenceChance> sentence_chance;
  auto measure_chance = [&] {
    if (SentenceChance::Applies(f))
      sentence_chance.emplace(f);
    else
      chance = ChanceCoverage(shapes, f, &scorer);
  };
  std::thread chance_worker;
  if (threads > 1)
    chance_worker = std::thread(measure_chance);
  else
    measure_chance();

  // Pass 1: anchors and the band.
  std::vector<Anchor> anchors = FindAnchors(f, scorer, threads);
  std::vector<int> lo, hi;
  BandFromAnchors(anchors, n_zh, n_en, options_.band_half_width, &lo, &hi);
  if (profile != nullptr) {
    profile->anchors = anchors.size();
    for (int i = 0; i <= n_zh; ++i)
      profile->band_cells += hi[static_cast<size_t>(i)] - lo[static_cast<size_t>(i)] + 1;
  }
  timer.Mark("anchors");

  // Match masks for every pair a bead inside the band can touch.
  std::vector<std::pair<int, int>> ranges(static_cast<size_t>(n_zh));
  const int reach = std::max(options_.max_side, options_.max_fan);
  for (int i = 0; i < n_zh; ++i) {
    ranges[static_cast<size_t>(i)] = {
        std::min(lo[static_cast<size_t>(i)], lo[static_cast<size_t>(i + 1)]) - reach,
        std::max(hi[static_cast<size_t>(i)], hi[static_cast<size_t>(i + 1)]) + reach};
  }
  if (chance_worker.joinable()) chance_worker.join();
  timer.Mark("chance");
  scorer.PrepareRows(ranges, threads);
  timer.Mark("masks");

  // Pass 2: the best path of beads through the band.
  AlignOptions search_options = options_;
  search_options.threads = threads;
  const LengthSpread spread = MeasureLengthSpread(anchors, scorer, options_.length_spread_reference);
  search_options.length_weight *= spread.scale;
  if (profile != nullptr) {
    profile->length_rms_z = spread.rms_z;
    profile->length_scale = spread.scale;
  }
  BandedSearch search(search_options, std::move(shapes), chance, f, !input.zh_paragraphs.empty(),
                      !input.en_paragraphs.empty(), &scorer, lo, hi);
  if (sentence_chance) search.UseSentenceChance(&*sentence_chance, options_.sentence_chance_weight);
  TMALIGN_RETURN_IF_ERROR(search.Run());
  timer.Mark("search");
  *beads = search.TraceBack();

  // Pass 3: again with the word pairs the first alignment taught, near its path.
  if (options_.realign) {
    TMALIGN_RETURN_IF_ERROR(Realign(search_options, lo, hi, chance, !input.zh_paragraphs.empty(),
                                    !input.en_paragraphs.empty(), &f, &scorer, beads, &sentence_chance));
    timer.Mark("realign");
  }

  // Pass 4: the doubtful stretches decoded again, each bead's length weighed by its evidence.
  if (options_.redecode) {
    // The valuer's table is never filled: a one-cell band a row.
    const std::vector<int> none(static_cast<size_t>(n_zh) + 1, 0);
    BandedSearch valuer(search_options, BeadShapes(options_), chance, f, !input.zh_paragraphs.empty(),
                        !input.en_paragraphs.empty(), &scorer, none, none);
    valuer.UseConditionedLength(options_.redecode_length_beta, options_.redecode_length_center);
    if (sentence_chance) valuer.UseSentenceChance(&*sentence_chance, options_.sentence_chance_weight);
    const RedecodeStats stats = Redecode(valuer, options_, threads, &scorer, beads);
    if (profile != nullptr) {
      profile->redecode_stretches = stats.stretches;
      profile->redecode_changed = stats.changed;
    }
    timer.Mark("redecode");
  }
  return Status::Ok();
}

}  // namespace tmalign
