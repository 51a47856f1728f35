#include "check/checker.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace tmalign {

const char* FindingKindName(FindingKind kind) {
  switch (kind) {
    case FindingKind::kMissing: return "missing";
    case FindingKind::kForbidden: return "forbidden";
    case FindingKind::kCase: return "case";
    case FindingKind::kInconsistent: return "inconsistent";
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

struct FirstRendering {
  RenderingKind kind;
  size_t form;
  std::string found;
  TextLocation at;
};

}  // namespace

std::vector<Finding> CheckUnits(const TermMatcher& matcher, const std::vector<CheckUnit>& units) {
  const auto& entries = matcher.glossary().entries();
  std::vector<Finding> all;
  // document -> term -> first accepted rendering seen
  std::map<std::string, std::unordered_map<size_t, FirstRendering>> first_rendering;

  for (const CheckUnit& unit : units) {
    const std::string src = JoinPieces(unit.source);
    const std::string tgt = JoinPieces(unit.target);
    const bool has_source = !unit.source.empty();
    std::map<size_t, size_t> in_source;  // term -> byte offset of its first occurrence in src
    if (has_source) {
      for (const ZhHit& h : matcher.FindZh(src)) in_source.emplace(h.term, h.begin);
    }
    auto source_location = [&](size_t term) {
      auto it = in_source.find(term);
      return it == in_source.end() ? TextLocation{} : LocateInPieces(unit.source, it->second);
    };

    std::vector<std::pair<size_t, Finding>> found;  // target offset, finding
    auto add = [&](size_t offset, Finding f) {
      f.unit_id = unit.id;
      found.emplace_back(offset, std::move(f));
    };

    const std::vector<EnHit> hits = matcher.FindEn(tgt);
    std::set<size_t> rendered, forbidden_used;
    auto& firsts = first_rendering[unit.document];
    std::set<size_t> inconsistent_reported;
    for (size_t i = 0; i < hits.size();) {
      size_t j = i;
      while (j < hits.size() && hits[j].begin == hits[i].begin && hits[j].end == hits[i].end) ++j;
      const std::string text = tgt.substr(hits[i].begin, hits[i].end - hits[i].begin);
      const TextLocation at = LocateInPieces(unit.target, hits[i].begin);
      bool any_accepted = false, accepted_in_source = false;
      for (size_t k = i; k < j; ++k) {
        if (hits[k].kind == RenderingKind::kForbidden) continue;
        any_accepted = true;
        accepted_in_source |= in_source.count(hits[k].term) > 0;
      }
      bool case_reported = false;
      for (size_t k = i; k < j; ++k) {
        const EnHit& h = hits[k];
        const TermEntry& e = entries[h.term];
        const bool term_in_source = in_source.count(h.term) > 0;
        Finding f;
        f.at = at;
        f.source_at = source_location(h.term);
        f.term_zh = e.zh;
        f.expected = e.en;
        f.found = text;
        if (h.kind == RenderingKind::kForbidden) {
          // The same words may be an accepted rendering of another term in this unit.
          const bool report = !any_accepted || (has_source && term_in_source && !accepted_in_source);
          if (!report) continue;
          forbidden_used.insert(h.term);
          f.kind = FindingKind::kForbidden;
          f.suggestion = "replace " + Quote(text) + " with " + Quote(e.en);
          add(h.begin, std::move(f));
          continue;
        }
        if (has_source && !term_in_source && e.case_sensitive && !h.case_exact && !IsMultiWord(matcher.FormText(h)) &&
            !HasInnerCapital(text)) {
          continue;  // "most" in running text is not a slip for MOST unless the source says so
        }
        rendered.insert(h.term);
        if (e.case_sensitive && !h.case_exact && !case_reported &&
            (term_in_source || IsMultiWord(matcher.FormText(h)) || HasInnerCapital(text))) {
          case_reported = true;
          f.kind = FindingKind::kCase;
          f.expected = matcher.FormText(h);
          f.suggestion = "write " + Quote(matcher.FormText(h)) + " with this capitalization";
          add(h.begin, f);
        }
        if (e.case_sensitive && !h.case_exact && !term_in_source) continue;
        if (has_source && !term_in_source) continue;
        // Consistency within the document, by glossary form (inflections are the same form).
        auto [it, inserted] = firsts.emplace(h.term, FirstRendering{h.kind, h.form, text, at});
        if (!inserted && (it->second.kind != h.kind || it->second.form != h.form) &&
            inconsistent_reported.insert(h.term).second) {
          f.kind = FindingKind::kInconsistent;
          f.suggestion = "use one rendering throughout (first rendered " + Quote(it->second.found) + " at " +
                         FormatLocation(it->second.at) + "); approved: " + Quote(e.en);
          add(h.begin, std::move(f));
        }
      }
      i = j;
    }

    for (const auto& [term, offset] : in_source) {
      if (rendered.count(term) || forbidden_used.count(term)) continue;
      const TermEntry& e = entries[term];
      Finding f;
      f.kind = FindingKind::kMissing;
      f.at = unit.target.empty() ? LocateInPieces(unit.source, offset) : LocateInPieces(unit.target, 0);
      f.source_at = LocateInPieces(unit.source, offset);
      f.term_zh = e.zh;
      f.expected = e.en;
      f.suggestion = "render " + e.zh + " as " + Quote(e.en);
      if (!e.variants.empty()) {
        f.suggestion += " (also accepted:";
        for (size_t v = 0; v < e.variants.size(); ++v) f.suggestion += (v ? ", " : " ") + Quote(e.variants[v]);
        f.suggestion += ")";
      }
      add(0, std::move(f));
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [offset, f] : found) all.push_back(std::move(f));
  }
  return all;
}

}  // namespace tmalign
