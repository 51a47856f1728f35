#include "tm/tm_search.h"

#include <algorithm>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "text/number_tokens.h"
#include "tm/tm_connection.h"

namespace tmalign {
namespace {

// Posting ids read per query at most (beyond the rarest term): common terms ("the", "的")
// add little to ranking and would cost milliseconds at a million units.
constexpr int64_t kPostingBudget = 60'000;
// A second list is intersected in search only when it is at most this long.
constexpr int64_t kIntersectLimit = 200'000;

struct Scored {
  int64_t pair_id;
  int score;
  bool reversed;
  std::string source, target;
  std::vector<MatchToken> tokens;  // of the side compared
};

bool Better(const Scored& a, const Scored& b) {
  if (a.score != b.score) return a.score > b.score;
  return a.pair_id < b.pair_id;
}

// Shared terms are counted window by window of this many pair ids, in a table of as many
// 16-bit counters that stays in the CPU's cache (128 KB; see CandidatesByIndex). Fewer,
// larger windows: each window visits every list read, which at 10M pairs cost as much as
// the counting when windows were 16K ids.
constexpr int64_t kCountWindow = int64_t{1} << 16;

}  // namespace

int MatchScoreUpperBound(int terms_read, int shared, size_t query_len, int max_terms_per_edit) {
  if (max_terms_per_edit <= 0 || shared >= terms_read) return 100;
  // At least this many edits; each also allows one token more in the longer text.
  const int64_t d = (terms_read - shared + max_terms_per_edit - 1) / max_terms_per_edit;
  const double q = static_cast<double>(query_len);
  const int bound = static_cast<int>(100.0 * q / (q + static_cast<double>(d)) + 1e-9);
  return std::min(bound, 99);
}

Status TmSearcher::Create(TranslationMemory* tm, std::unique_ptr<TmSearcher>* out) {
  std::unique_ptr<TmSearcher> s(new TmSearcher(tm));
  TMALIGN_RETURN_IF_ERROR(PostingsReader::Create(TmConnection(tm), &s->postings_));
  // Queries read posting blobs and units all over the file: map it instead of copying pages
  // through read(), and keep more of it cached between queries. Debian's SQLite maps at most
  // 2 GB; past that (a TM of millions of units keeps its posting lists there) every page
  // missing from the cache is a read() of 32 KB: 256 MB of cache cut a third of the system
  // time of analyze at 10M units (and cost nothing below: pages are cached as read).
  TMALIGN_RETURN_IF_ERROR(TmConnection(tm)->Exec("PRAGMA mmap_size = 4294967296"));
  TMALIGN_RETURN_IF_ERROR(TmConnection(tm)->Exec("PRAGMA cache_size = -262144"));
  TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(TmConnection(tm),
                                                   "SELECT tm_text(source), tm_text(target), doc_id, "
                                                   "position FROM units WHERE segment_id = ?1 ORDER BY id",
                                                   &s->pair_));
  *out = std::move(s);
  return Status::Ok();
}

Status TmSearcher::LoadPair(int64_t pair_id, bool* found, std::string* source, std::string* target,
                            std::vector<TmOrigin>* origins) {
  pair_.Reset();
  pair_.BindInt64(1, pair_id);
  *found = false;
  bool has_row = false;
  while (true) {
    TMALIGN_RETURN_IF_ERROR(pair_.Step(&has_row));
    if (!has_row) break;
    if (!*found) {
      *source = pair_.ColumnText(0);
      *target = pair_.ColumnText(1);
      *found = true;
    }
    if (origins == nullptr) break;
    origins->push_back(TmOrigin{pair_.ColumnText(2), pair_.ColumnInt64(3)});
  }
  pair_.Reset();
  return Status::Ok();
}

Status TmSearcher::TermsByFrequency(const std::vector<uint64_t>& terms, int64_t cap,
                                    std::vector<std::pair<int64_t, uint64_t>>* by_freq) {
  by_freq->clear();
  for (uint64_t t : terms) {
    int64_t f = 0;
    TMALIGN_RETURN_IF_ERROR(postings_->Frequency(t, cap, &f));
    by_freq->push_back({f, t});  // a term listed nowhere is read at no cost and counts as read
  }
  std::sort(by_freq->begin(), by_freq->end());
  // Counts above `cap` are lower bounds, so only the order of the terms at or below it is
  // exact. When even the rarest is above `cap` (every term common), count them in full.
  if (!by_freq->empty() && by_freq->front().first > cap) {
    for (auto& [f, t] : *by_freq) TMALIGN_RETURN_IF_ERROR(postings_->Frequency(t, &f));
    std::sort(by_freq->begin(), by_freq->end());
  }
  return Status::Ok();
}

Status TmSearcher::CandidatesByIndex(const std::vector<uint64_t>& terms, size_t want,
                                     std::vector<std::pair<int64_t, int>>* out, int* terms_read) {
  std::vector<std::pair<int64_t, uint64_t>> by_freq;
  TMALIGN_RETURN_IF_ERROR(TermsByFrequency(terms, kPostingBudget, &by_freq));
  int64_t read = 0;
  *terms_read = 0;
  ids_.clear();
  for (size_t k = 0; k < by_freq.size(); ++k) {
    if (read > 0 && read + by_freq[k].first > kPostingBudget) break;
    ++*terms_read;
    if (by_freq[k].first == 0) continue;
    const size_t before = ids_.size();
    TMALIGN_RETURN_IF_ERROR(postings_->Read(by_freq[k].second, &ids_));
    read += static_cast<int64_t>(ids_.size() - before);
  }
  // Shared terms per pair. A counter per pair id costs a cache miss an id once the TM has
  // millions of pairs, and sorting the ids read costs passes that scatter them; instead each
  // run of ascending ids (a list read, cut where a list with stale ids descends) is walked
  // with a cursor, window by window of kCountWindow ids: a window's ids are counted in a
  // table that fits the cache, then each distinct id is taken once with its count.
  ids_.erase(std::remove_if(ids_.begin(), ids_.end(), [](int64_t id) { return id < 0; }), ids_.end());
  runs_.clear();
  for (size_t i = 0; i < ids_.size();) {
    size_t j = i + 1;
    while (j < ids_.size() && ids_[j] >= ids_[j - 1]) ++j;
    runs_.push_back({i, j});
    i = j;
  }
  counts_.resize(static_cast<size_t>(kCountWindow), 0);  // zero between windows
  marks_.resize(runs_.size());
  std::vector<std::pair<int, int64_t>>& ranked = ranked_;  // (shared terms, pair id)
  ranked.clear();
  while (true) {
    int64_t low = std::numeric_limits<int64_t>::max();
    for (const auto& [at, end] : runs_) {
      if (at < end) low = std::min(low, ids_[at]);
    }
    if (low == std::numeric_limits<int64_t>::max()) break;
    const int64_t base = low - low % kCountWindow, limit = base + kCountWindow;
    for (size_t r = 0; r < runs_.size(); ++r) {
      size_t at = marks_[r] = runs_[r].first;
      for (const size_t end = runs_[r].second; at < end && ids_[at] < limit; ++at) {
        // A pair shares at most one term a list read (60,001 lists at most within the budget);
        // saturating keeps a pathological list of repeated stale ids from wrapping round.
        uint16_t& count = counts_[static_cast<size_t>(ids_[at] - base)];
        count += count != UINT16_MAX;
      }
      runs_[r].first = at;
    }
    for (size_t r = 0; r < runs_.size(); ++r) {
      for (size_t at = marks_[r]; at < runs_[r].first; ++at) {
        uint16_t& count = counts_[static_cast<size_t>(ids_[at] - base)];
        if (count == 0) continue;  // taken already
        ranked.push_back({static_cast<int>(count), ids_[at]});
        count = 0;
      }
    }
  }
  // Only the `want` pairs sharing the most terms are kept: find the smallest count that still
  // gives `want` of them (counts are at most the terms read), then keep those pairs.
  std::vector<size_t> with_count(static_cast<size_t>(*terms_read) + 2, 0);
  for (const auto& [count, id] : ranked) {
    if (static_cast<size_t>(count) >= with_count.size()) with_count.resize(static_cast<size_t>(count) + 1, 0);
    ++with_count[static_cast<size_t>(count)];
  }
  size_t threshold = with_count.size() - 1, at_least = with_count[threshold];
  while (threshold > 1 && at_least < want) at_least += with_count[--threshold];
  ranked.erase(std::remove_if(ranked.begin(), ranked.end(),
                              [&](const auto& r) { return static_cast<size_t>(r.first) < threshold; }),
               ranked.end());
  const size_t n = std::min(want, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n), ranked.end(),
                    [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first > b.first : a.second < b.second;
                    });
  out->clear();
  for (size_t i = 0; i < n; ++i) out->push_back({ranked[i].second, ranked[i].first});
  return Status::Ok();
}

Status TmSearcher::Match(const std::string& query, const TmMatchOptions& options,
                         std::vector<TmMatch>* matches) {
  matches->clear();
  const std::vector<MatchToken> q = MatchTokenize(query);
  if (q.empty() || options.top <= 0) return Status::Ok();

  // One snapshot for the query: candidates, scores and origins all come from one state of
  // the TM, whatever other processes commit meanwhile.
  SqliteReadTransaction snapshot(TmConnection(tm_));
  TMALIGN_RETURN_IF_ERROR(snapshot.Begin());

  std::vector<Scored> best;  // kept sorted, at most options.top
  auto consider = [&](int64_t pair_id, std::string source, std::string target) {
    std::vector<MatchToken> sides[2] = {MatchTokenize(source), MatchTokenize(target)};
    int best_side = -1, best_score = -1;
    for (int side = 0; side < 2; ++side) {
      const int limit = MaxDistanceForScore(options.min_score, q.size(), sides[side].size());
      const int d = TokenEditDistance(sides[side], q, limit);
      if (d > limit) continue;
      const int score = MatchScore(d, sides[side].size(), q.size());
      if (score > best_score) best_side = side, best_score = score;
    }
    if (best_side < 0 || best_score < options.min_score) return;
    // Text equal after normalization but another number (a superscript, a circled digit): never 100.
    if (best_score == 100 && NumberValuesDiffer(best_side == 0 ? source : target, query)) best_score = 99;
    Scored s{pair_id,           best_score,        best_side == 1,
             std::move(source), std::move(target), std::move(sides[best_side])};
    if (s.reversed) std::swap(s.source, s.target);
    if (static_cast<int>(best.size()) == options.top && !Better(s, best.back())) return;
    best.insert(std::upper_bound(best.begin(), best.end(), s, Better), std::move(s));
    if (static_cast<int>(best.size()) > options.top) best.pop_back();
  };

  if (options.full_scan) {
    SqliteStatement scan;
    TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
        TmConnection(tm_),
        "SELECT segment_id, tm_text(source), tm_text(target) FROM units WHERE segment_id IS NOT NULL",
        &scan));
    std::unordered_set<int64_t> seen;
    bool has_row = false;
    while (true) {
      TMALIGN_RETURN_IF_ERROR(scan.Step(&has_row));
      if (!has_row) break;
      int64_t id = scan.ColumnInt64(0);
      if (!seen.insert(id).second) continue;
      consider(id, scan.ColumnText(1), scan.ColumnText(2));
    }
  } else {
    std::vector<std::pair<int64_t, int>> candidates;
    const size_t want = std::max<size_t>(64, static_cast<size_t>(options.top) * 16);
    int terms_read = 0;
    TMALIGN_RETURN_IF_ERROR(CandidatesByIndex(MatchIndexTerms(q), want, &candidates, &terms_read));
    const int per_edit = MaxIndexTermsPerEdit(q);
    for (const auto& [id, shared] : candidates) {
      // Candidates come most shared terms first, so their score bounds only fall: stop at the
      // first that can neither reach --min nor beat the worst match kept.
      const int bound = MatchScoreUpperBound(terms_read, shared, q.size(), per_edit);
      if (bound < options.min_score) break;
      if (static_cast<int>(best.size()) == options.top && bound < best.back().score) break;
      bool found = false;
      std::string source, target;
      TMALIGN_RETURN_IF_ERROR(LoadPair(id, &found, &source, &target, nullptr));
      if (found) consider(id, std::move(source), std::move(target));  // else: a deleted pair
    }
  }

  if (before_origins_) before_origins_();
  for (Scored& s : best) {
    TmMatch m;
    m.score = s.score;
    m.pair.pair_id = s.pair_id;
    m.pair.reversed = s.reversed;
    bool found = false;
    std::string source, target;
    TMALIGN_RETURN_IF_ERROR(LoadPair(s.pair_id, &found, &source, &target, &m.pair.origins));
    if (!found) continue;  // cannot happen inside the snapshot; a pair without units is no match
    m.pair.source = std::move(s.source);
    m.pair.target = std::move(s.target);
    m.diff = MatchDiff(m.pair.source, s.tokens, query, q);
    matches->push_back(std::move(m));
  }
  return snapshot.End();
}

Status TmSearcher::Search(const std::string& words, int limit, std::vector<TmHit>* hits) {
  hits->clear();
  const std::vector<MatchToken> needle = MatchTokenize(words);
  if (needle.empty() || limit <= 0) return Status::Ok();

  // Terms every containing text must have indexed: words, and bigrams of adjacent Chinese
  // characters (a lone character is indexed only where it stands alone, so it cannot be required).
  std::vector<uint64_t> terms;
  for (size_t i = 0; i < needle.size(); ++i) {
    std::vector<MatchToken> piece;
    if (needle[i].kind == MatchToken::kWord) {
      piece = {needle[i]};
    } else if (needle[i].kind == MatchToken::kHan && i + 1 < needle.size() &&
               needle[i + 1].kind == MatchToken::kHan) {
      piece = {needle[i], needle[i + 1]};
    } else {
      continue;
    }
    for (uint64_t t : MatchIndexTerms(piece)) terms.push_back(t);
  }

  SqliteReadTransaction snapshot(TmConnection(tm_));  // as in Match
  TMALIGN_RETURN_IF_ERROR(snapshot.Begin());

  auto verify = [&](int64_t pair_id, std::string source, std::string target) {
    std::vector<MatchToken> sides[2] = {MatchTokenize(source), MatchTokenize(target)};
    for (int side = 0; side < 2; ++side) {
      size_t at = 0;
      if (!FindTokenRun(sides[side], needle, &at)) continue;
      TmHit h;
      h.pair.pair_id = pair_id;
      h.pair.reversed = side == 1;
      h.pair.source = side == 0 ? std::move(source) : std::move(target);
      h.pair.target = side == 0 ? std::move(target) : std::move(source);
      h.begin = sides[side][at].begin;
      h.end = sides[side][at + needle.size() - 1].end;
      hits->push_back(std::move(h));
      return;
    }
  };

  if (terms.empty()) {
    // Nothing indexed to require (a single Chinese character, punctuation): scan until enough hits.
    SqliteStatement scan;
    TMALIGN_RETURN_IF_ERROR(SqliteStatement::Prepare(
        TmConnection(tm_),
        "SELECT segment_id, tm_text(source), tm_text(target) FROM units WHERE segment_id IS NOT NULL"
        " ORDER BY segment_id",
        &scan));
    int64_t last = -1;
    bool has_row = false;
    while (static_cast<int>(hits->size()) < limit) {
      TMALIGN_RETURN_IF_ERROR(scan.Step(&has_row));
      if (!has_row) break;
      int64_t id = scan.ColumnInt64(0);
      if (id == last) continue;
      last = id;
      verify(id, scan.ColumnText(1), scan.ColumnText(2));
    }
  } else {
    std::vector<std::pair<int64_t, uint64_t>> by_freq;
    TMALIGN_RETURN_IF_ERROR(TermsByFrequency(terms, kIntersectLimit, &by_freq));
    if (by_freq[0].first == 0) return snapshot.End();  // a required term occurs nowhere
    std::vector<int64_t> candidates;
    TMALIGN_RETURN_IF_ERROR(postings_->Read(by_freq[0].second, &candidates));
    for (size_t k = 1; k < by_freq.size() && by_freq[k].first <= kIntersectLimit; ++k) {
      if (by_freq[k].second == by_freq[0].second) continue;
      std::vector<int64_t> other, both;
      TMALIGN_RETURN_IF_ERROR(postings_->Read(by_freq[k].second, &other));
      std::set_intersection(candidates.begin(), candidates.end(), other.begin(), other.end(),
                            std::back_inserter(both));
      candidates.swap(both);
    }
    for (int64_t id : candidates) {
      if (static_cast<int>(hits->size()) >= limit) break;
      bool found = false;
      std::string source, target;
      TMALIGN_RETURN_IF_ERROR(LoadPair(id, &found, &source, &target, nullptr));
      if (found) verify(id, std::move(source), std::move(target));
    }
  }
  if (before_origins_) before_origins_();
  for (TmHit& h : *hits) {
    bool found = false;
    std::string source, target;
    TMALIGN_RETURN_IF_ERROR(LoadPair(h.pair.pair_id, &found, &source, &target, &h.pair.origins));
  }
  // As in Match: a pair without units is no hit.
  hits->erase(
      std::remove_if(hits->begin(), hits->end(), [](const TmHit& h) { return h.pair.origins.empty(); }),
      hits->end());
  return snapshot.End();
}

}  // namespace tmalign
