#include "leverage/analysis.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "tm/match_text.h"
#include "tm/shared_snapshot.h"
#include "util/parallel_for.h"

namespace tmalign {
namespace {

constexpr int kLowestBand = 50;
// Threads at most: each costs a connection and its page cache; the TM's reads share the disk.
constexpr unsigned kMaxThreads = 4;
// Fewer distinct sentences than this are matched on one thread: a connection of its own
// costs about as much to open as matching a few sentences.
constexpr size_t kSentencesPerExtraThread = 16;

// Whether `pair` was stored at position `position` of document `doc`.
bool HasOrigin(const TmPair& pair, const std::string& doc, int64_t position) {
  for (const TmOrigin& o : pair.origins) {
    if (o.doc == doc && o.position == position) return true;
  }
  return false;
}

bool IsExact(const SegmentLeverage& s) { return s.has_match && s.best.match.score == 100; }

}  // namespace

const char* BandName(Band band) {
  switch (band) {
    case Band::kContext:
      return "context";
    case Band::k100:
      return "100";
    case Band::k95to99:
      return "95-99";
    case Band::k85to94:
      return "85-94";
    case Band::k75to84:
      return "75-84";
    case Band::k50to74:
      return "50-74";
    case Band::kNew:
      return "new";
    case Band::kRepetition:
      return "repetition";
  }
  return "new";
}

Band BandOfScore(int score) {
  if (score >= 100) return Band::k100;
  if (score >= 95) return Band::k95to99;
  if (score >= 85) return Band::k85to94;
  if (score >= 75) return Band::k75to84;
  if (score >= 50) return Band::k50to74;
  return Band::kNew;
}

Status LeverageDocument(const NewDocument& doc, TranslationMemory* tm, TmSearcher* searcher,
                        std::vector<SegmentLeverage>* out, unsigned threads) {
  out->clear();
  // The segments in document order, each repetition pointing at its first occurrence; only
  // first occurrences are matched.
  std::unordered_map<std::string, size_t> first;  // normalized text -> first sentence
  std::vector<size_t> to_match;                   // first occurrences, in document order
  out->reserve(doc.sentences.size());
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    SegmentLeverage s;
    s.sentence = doc.sentences[i];
    const std::vector<MatchToken> tokens = MatchTokenize(s.sentence.text);
    std::string key;
    key.reserve(tokens.size() * sizeof(uint64_t));
    for (const MatchToken& t : tokens) {
      key.append(reinterpret_cast<const char*>(&t.hash), sizeof t.hash);
      const bool counted =
          doc.lang == Language::kZh ? t.kind == MatchToken::kHan : t.kind == MatchToken::kWord;
      s.chars += counted;
    }
    auto [it, inserted] = first.emplace(std::move(key), i);
    if (inserted) {
      to_match.push_back(i);
    } else {
      s.first_occurrence = static_cast<int>(it->second);
    }
    out->push_back(std::move(s));
  }

  // Matching runs on several threads, each but the first through a connection and searcher
  // of its own, all reading one snapshot of the TM (TmSharedSnapshot); each result goes to
  // its sentence's index, so nothing below depends on the number of threads.
  if (threads == 0) threads = std::min(DefaultThreadCount(), kMaxThreads);
  threads = static_cast<unsigned>(
      std::clamp<size_t>(to_match.size() / kSentencesPerExtraThread, 1, std::max(threads, 1u)));
  std::vector<std::unique_ptr<TranslationMemory>> connections;
  std::vector<std::unique_ptr<TmSearcher>> searchers;
  std::vector<TranslationMemory*> others;
  for (unsigned w = 1; w < threads; ++w) {
    connections.emplace_back();
    searchers.emplace_back();
    TMALIGN_RETURN_IF_ERROR(TranslationMemory::OpenForReading(tm->path(), &connections.back()));
    TMALIGN_RETURN_IF_ERROR(TmSearcher::Create(connections.back().get(), &searchers.back()));
    others.push_back(connections.back().get());
  }
  // One state of the TM for the whole document: every query joins this snapshot.
  TmSharedSnapshot snapshot;
  bool shared = false;
  TMALIGN_RETURN_IF_ERROR(snapshot.Begin(tm, others, &shared));
  if (!shared) threads = 1;  // another process kept committing: read through `tm` alone
  std::vector<TmDocumentSummary> docs;
  TMALIGN_RETURN_IF_ERROR(tm->ListDocuments(&docs));
  std::unordered_map<std::string, int64_t> unit_counts;
  for (const TmDocumentSummary& d : docs) unit_counts[d.doc.id] = d.unit_count;

  TmMatchOptions options;
  options.top = 1;
  options.min_score = kLowestBand;
  std::vector<Status> failed(threads);  // each worker's first error
  std::atomic<bool> stop{false};
  ParallelFor(to_match.size(), threads, [&](unsigned worker, size_t begin, size_t end) {
    LeverageMatcher matcher(worker == 0 ? searcher : searchers[worker - 1].get());
    std::vector<LeverageMatch> matches;
    for (size_t k = begin; k < end && !stop.load(std::memory_order_relaxed); ++k) {
      SegmentLeverage& s = (*out)[to_match[k]];
      if (Status m = matcher.Match(s.sentence.text, options, &matches); !m.ok()) {
        if (failed[worker].ok()) failed[worker] = std::move(m);
        stop = true;
        return;
      }
      if (!matches.empty()) {
        s.has_match = true;
        s.best = std::move(matches.front());
      }
    }
  });
  for (const Status& f : failed) TMALIGN_RETURN_IF_ERROR(f);
  // Matched once: the first occurrence's match serves every repetition.
  for (SegmentLeverage& s : *out) {
    if (s.first_occurrence < 0) continue;
    const SegmentLeverage& f = (*out)[static_cast<size_t>(s.first_occurrence)];
    s.has_match = f.has_match;
    s.best = f.best;
  }

  const size_t n = out->size();
  for (size_t i = 0; i < n; ++i) {
    SegmentLeverage& s = (*out)[i];
    bool context = false;
    if (IsExact(s)) {
      for (const TmOrigin& o : s.best.match.pair.origins) {
        const int64_t last = unit_counts.count(o.doc) ? unit_counts[o.doc] - 1 : -1;
        const bool before = i == 0 ? o.position == 0
                                   : IsExact((*out)[i - 1]) &&
                                         HasOrigin((*out)[i - 1].best.match.pair, o.doc, o.position - 1);
        const bool after = i + 1 == n ? o.position == last
                                      : IsExact((*out)[i + 1]) &&
                                            HasOrigin((*out)[i + 1].best.match.pair, o.doc, o.position + 1);
        if (before && after) {
          context = true;
          break;
        }
      }
    }
    if (context) {
      s.band = Band::kContext;
    } else if (s.first_occurrence >= 0) {
      s.band = Band::kRepetition;
    } else {
      s.band = s.has_match ? BandOfScore(s.best.match.score) : Band::kNew;
    }
  }
  return snapshot.End();
}

Analysis AnalyzeLeverage(const NewDocument& doc, const std::vector<SegmentLeverage>& segments) {
  Analysis a;
  a.file = doc.path;
  a.lang = doc.lang;
  a.segments = static_cast<int64_t>(segments.size());
  for (const SegmentLeverage& s : segments) {
    BandCount& b = a.bands[static_cast<size_t>(s.band)];
    ++b.segments;
    b.chars += s.chars;
    ++a.total.segments;
    a.total.chars += s.chars;
  }
  return a;
}

std::string AnalysisJson(const Analysis& a) {
  nlohmann::ordered_json j;
  j["file"] = a.file;
  j["segments"] = a.segments;
  nlohmann::ordered_json bands;
  for (int b = 0; b < kBandCount; ++b) {
    const BandCount& c = a.bands[static_cast<size_t>(b)];
    bands[BandName(static_cast<Band>(b))] = {{"segments", c.segments}, {"chars", c.chars}};
  }
  j["bands"] = std::move(bands);
  return j.dump();
}

std::string AnalysisTable(const Analysis& a) {
  const char* unit = a.lang == Language::kZh ? "characters" : "words";
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "%-12s %9s %7s %11s %7s\n", "band", "segments", "%", unit, "%");
  out += line;
  auto percent = [](int64_t part, int64_t whole) {
    return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
  };
  for (int b = 0; b < kBandCount; ++b) {
    const BandCount& c = a.bands[static_cast<size_t>(b)];
    std::snprintf(line, sizeof line, "%-12s %9lld %6.1f%% %11lld %6.1f%%\n", BandName(static_cast<Band>(b)),
                  static_cast<long long>(c.segments), percent(c.segments, a.total.segments),
                  static_cast<long long>(c.chars), percent(c.chars, a.total.chars));
    out += line;
  }
  std::snprintf(line, sizeof line, "%-12s %9lld %6.1f%% %11lld %6.1f%%\n", "total",
                static_cast<long long>(a.total.segments), 100.0, static_cast<long long>(a.total.chars),
                100.0);
  out += line;
  return out;
}

}  // namespace tmalign
