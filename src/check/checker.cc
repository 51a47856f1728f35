#include "check/checker.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <set>
#include <span>
#include <unordered_map>

#include "util/parallel_for.h"

namespace tmalign {

const char* FindingKindName(FindingKind kind) {
  switch (kind) {
    case FindingKind::kMissing:
      return "missing";
    case FindingKind::kForbidden:
      return "forbidden";
    case FindingKind::kCase:
      return "case";
    case FindingKind::kInconsistent:
      return "inconsistent";
  }
  return "?";
}

namespace {

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

std::string FormatLocation(const TextLocation& l) {
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

// An uppercase letter after the first: "MoST" is a case slip, "Most" and "most" may be ordinary words.
bool HasInnerCapital(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  bool first = true;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || !u_isalpha(c)) continue;
    if (!first && u_isupper(c)) return true;
    first = false;
  }
  return false;
}

bool IsMultiWord(const std::string& form) { return form.find_first_of(" -") != std::string::npos; }

// The first accepted rendering of a term in a document: later renderings must use the same form.
struct FirstRendering {
  RenderingKind kind;
  size_t form;
  std::string found;
  TextLocation at;
};
using FirstRenderings = std::unordered_map<size_t, FirstRendering>;  // by term

// What the matcher finds in one unit: the work that only reads, done for many units at once.
struct UnitHits {
  std::vector<ZhHit> source;
  std::vector<EnHit> target, overlapped;
};

UnitHits FindUnitHits(const TermMatcher& matcher, const CheckUnit& unit) {
  UnitHits h;
  const bool has_source = !unit.source.empty();
  if (has_source) h.source = matcher.FindZh(JoinPieces(unit.source));
  h.target = matcher.FindEn(JoinPieces(unit.target), has_source ? &h.overlapped : nullptr);
  return h;
}

// The check of one unit. Walks the glossary renderings found in the target, one span of
// text at a time (a span may render several terms), then reports the source terms that
// were neither rendered nor replaced by a forbidden rendering. `firsts` is the unit's
// document's record of first renderings, read and extended for the consistency warning.
class UnitCheck {
 public:
  UnitCheck(const TermMatcher& matcher, const CheckUnit& unit, const UnitHits& hits, FirstRenderings* firsts)
      : matcher_(matcher),
        entries_(matcher.glossary().entries()),
        unit_(unit),
        hits_(hits),
        firsts_(*firsts),
        target_(JoinPieces(unit.target)),
        has_source_(!unit.source.empty()) {
    for (const ZhHit& h : hits.source) in_source_.emplace(h.term, h.begin);
  }

  // The unit's findings, by position in the target (missing terms count as position 0).
  std::vector<Finding> Run() {
    const std::vector<EnHit>& hits = hits_.target;
    for (size_t i = 0; i < hits.size();) {
      size_t j = i;
      while (j < hits.size() && hits[j].begin == hits[i].begin && hits[j].end == hits[i].end) ++j;
      CheckSpan(std::span<const EnHit>(hits).subspan(i, j - i));
      i = j;
    }
    CheckOverlapped(hits, hits_.overlapped);
    ReportMissing();
    std::stable_sort(found_.begin(), found_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Finding> out;
    out.reserve(found_.size());
    for (auto& [offset, f] : found_) out.push_back(std::move(f));
    return out;
  }

 private:
  bool InSource(size_t term) const { return in_source_.count(term) > 0; }

  TextLocation SourceLocation(size_t term) const {
    auto it = in_source_.find(term);
    return it == in_source_.end() ? TextLocation{} : LocateInPieces(unit_.source, it->second);
  }

  void Add(size_t target_offset, Finding f) {
    f.unit_id = unit_.id;
    found_.emplace_back(target_offset, std::move(f));
  }

  // Hits with the same begin and end: the same words, as renderings of one or more terms.
  void CheckSpan(std::span<const EnHit> span) {
    const std::string text = target_.substr(span.front().begin, span.front().end - span.front().begin);
    const TextLocation at = LocateInPieces(unit_.target, span.front().begin);
    bool any_accepted = false, accepted_in_source = false;
    for (const EnHit& h : span) {
      if (h.kind == RenderingKind::kForbidden) continue;
      any_accepted = true;
      accepted_in_source |= InSource(h.term);
    }
    bool case_reported = false;  // one case finding per span
    for (const EnHit& h : span) {
      Finding f = HitFinding(h, text, at);
      if (h.kind == RenderingKind::kForbidden) {
        // The same words may be an accepted rendering of another term in this unit.
        if (!any_accepted || (has_source_ && InSource(h.term) && !accepted_in_source))
          ReportForbidden(h, std::move(f));
      } else {
        CheckAccepted(h, std::move(f), &case_reported);
      }
    }
  }

  // A rendering inside the rendering of a longer term that is not in the source still
  // renders its own term: "the disease outbreak" renders 爆发 (outbreak) when 疾病爆发
  // (disease outbreak) is not in the source. Only for source terms not yet rendered, and
  // only where no term of the source claims the longer words.
  void CheckOverlapped(const std::vector<EnHit>& hits, const std::vector<EnHit>& overlapped) {
    for (const EnHit& h : overlapped) {
      if (h.kind == RenderingKind::kForbidden || !InSource(h.term) || rendered_.count(h.term)) continue;
      const bool claimed = std::any_of(hits.begin(), hits.end(), [&](const EnHit& o) {
        return o.begin < h.end && h.begin < o.end && InSource(o.term);
      });
      if (claimed) continue;
      const std::string text = target_.substr(h.begin, h.end - h.begin);
      bool case_reported = false;
      CheckAccepted(h, HitFinding(h, text, LocateInPieces(unit_.target, h.begin)), &case_reported);
    }
  }

  // The fields every finding about hit `h` shares; kind and suggestion are the caller's.
  Finding HitFinding(const EnHit& h, const std::string& text, const TextLocation& at) const {
    const TermEntry& e = entries_[h.term];
    Finding f;
    f.at = at;
    f.source_at = SourceLocation(h.term);
    f.term_zh = e.zh;
    f.expected = e.en;
    f.found = text;
    return f;
  }

  void ReportForbidden(const EnHit& h, Finding f) {
    forbidden_used_.insert(h.term);
    f.kind = FindingKind::kForbidden;
    f.suggestion = "replace " + Quote(f.found) + " with " + Quote(entries_[h.term].en);
    Add(h.begin, std::move(f));
  }

  // An approved or accepted rendering: counts as rendered, may be in the wrong case, and is
  // compared with the document's first rendering of the term.
  void CheckAccepted(const EnHit& h, Finding f, bool* case_reported) {
    const TermEntry& e = entries_[h.term];
    const std::string& form = matcher_.FormText(h);
    const bool term_in_source = InSource(h.term);
    const bool wrong_case = e.case_sensitive && !h.case_exact;
    // Without the term in the source, only a multi-word form or an inner capital makes a slip likely.
    const bool slip_likely = term_in_source || IsMultiWord(form) || HasInnerCapital(f.found);
    if (has_source_ && wrong_case && !slip_likely) {
      return;  // "most" in running text is not a slip for MOST unless the source says so
    }
    rendered_.insert(h.term);
    if (wrong_case && slip_likely && !*case_reported) {
      *case_reported = true;
      f.kind = FindingKind::kCase;
      // Left in `f`: an inconsistency finding on the same hit also names this form as expected.
      f.expected = form;
      f.suggestion = "write " + Quote(form) + " with this capitalization";
      Add(h.begin, f);
    }
    if (wrong_case && !term_in_source) return;
    if (has_source_ && !term_in_source) return;
    CheckConsistency(h, std::move(f));
  }

  // Consistency within the document, by glossary form (inflections are the same form);
  // one warning per term and unit.
  void CheckConsistency(const EnHit& h, Finding f) {
    auto [it, inserted] = firsts_.emplace(h.term, FirstRendering{h.kind, h.form, f.found, f.at});
    if (inserted || (it->second.kind == h.kind && it->second.form == h.form)) return;
    if (!inconsistent_reported_.insert(h.term).second) return;
    f.kind = FindingKind::kInconsistent;
    f.suggestion = "use one rendering throughout (first rendered " + Quote(it->second.found) + " at " +
                   FormatLocation(it->second.at) + "); approved: " + Quote(entries_[h.term].en);
    Add(h.begin, std::move(f));
  }

  // Source terms with neither an accepted nor a forbidden rendering in the target.
  void ReportMissing() {
    for (const auto& [term, offset] : in_source_) {
      if (rendered_.count(term) || forbidden_used_.count(term)) continue;
      const TermEntry& e = entries_[term];
      Finding f;
      f.kind = FindingKind::kMissing;
      f.at = unit_.target.empty() ? LocateInPieces(unit_.source, offset) : LocateInPieces(unit_.target, 0);
      f.source_at = LocateInPieces(unit_.source, offset);
      f.term_zh = e.zh;
      f.expected = e.en;
      f.suggestion = "render " + e.zh + " as " + Quote(e.en);
      if (!e.variants.empty()) {
        f.suggestion += " (also accepted:";
        for (size_t v = 0; v < e.variants.size(); ++v)
          f.suggestion += (v ? ", " : " ") + Quote(e.variants[v]);
        f.suggestion += ")";
      }
      Add(0, std::move(f));
    }
  }

  const TermMatcher& matcher_;
  const std::vector<TermEntry>& entries_;
  const CheckUnit& unit_;
  const UnitHits& hits_;
  FirstRenderings& firsts_;
  const std::string target_;
  const bool has_source_;
  std::map<size_t, size_t> in_source_;  // term -> byte offset of its first occurrence in the source
  std::set<size_t> rendered_, forbidden_used_, inconsistent_reported_;
  std::vector<std::pair<size_t, Finding>> found_;  // target offset, finding
};

}  // namespace

std::vector<Finding> CheckUnits(const TermMatcher& matcher, const std::vector<CheckUnit>& units,
                                unsigned threads) {
  // Finding terms and renderings only reads, and is most of the work: it runs on several
  // threads. The checks run in order, as consistency depends on it.
  std::vector<UnitHits> hits(units.size());
  ParallelFor(units.size(), threads > 0 ? threads : std::min(DefaultThreadCount(), 4u),
              [&](unsigned, size_t begin, size_t end) {
                for (size_t i = begin; i < end; ++i) hits[i] = FindUnitHits(matcher, units[i]);
              });
  std::vector<Finding> all;
  // Consistency spans the units of a document: document -> term -> first accepted rendering.
  std::map<std::string, FirstRenderings> first_rendering;
  for (size_t i = 0; i < units.size(); ++i) {
    std::vector<Finding> found =
        UnitCheck(matcher, units[i], hits[i], &first_rendering[units[i].document]).Run();
    all.insert(all.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  return all;
}

}  // namespace tmalign
