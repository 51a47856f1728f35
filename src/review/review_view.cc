#include "review/review_view.h"

#include <algorithm>
#include <map>

#include "align/bead.h"
#include "check/checker.h"
#include "check/unit_sources.h"

namespace tmalign {
namespace {

struct Mark {
  size_t begin, end;
  std::string kind, title;
};

// Cuts `text` into plain and marked stretches; overlapping marks after the first are dropped.
nlohmann::json Segments(const std::string& text, std::vector<Mark> marks) {
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.begin < b.begin; });
  nlohmann::json segs = nlohmann::json::array();
  size_t at = 0;
  for (const Mark& m : marks) {
    if (m.begin < at || m.end <= m.begin || m.end > text.size()) continue;
    if (m.begin > at) segs.push_back({{"t", text.substr(at, m.begin - at)}});
    segs.push_back({{"t", text.substr(m.begin, m.end - m.begin)}, {"k", m.kind}, {"title", m.title}});
    at = m.end;
  }
  if (at < text.size() || segs.empty()) segs.push_back({{"t", text.substr(at)}});
  return segs;
}

std::vector<Mark> ZhMarks(const TermMatcher& matcher, const std::string& text) {
  std::vector<Mark> marks;
  for (const ZhHit& h : matcher.FindZh(text)) {
    const TermEntry& e = matcher.glossary().entries()[h.term];
    marks.push_back(Mark{h.begin, h.end, "term", e.zh + " = " + e.en});
  }
  return marks;
}

std::vector<Mark> EnMarks(const TermMatcher& matcher, const std::string& text) {
  std::vector<Mark> marks;
  for (const EnHit& h : matcher.FindEn(text)) {
    const TermEntry& e = matcher.glossary().entries()[h.term];
    switch (h.kind) {
      case RenderingKind::kApproved:
        if (e.case_sensitive && !h.case_exact) {
          marks.push_back(
              Mark{h.begin, h.end, "case", e.zh + " = " + e.en + " (write it with this capitalization)"});
        } else {
          marks.push_back(Mark{h.begin, h.end, "approved", e.zh + " = " + e.en});
        }
        break;
      case RenderingKind::kVariant:
        marks.push_back(
            Mark{h.begin, h.end, "variant", "accepted variant for " + e.zh + " (approved: " + e.en + ")"});
        break;
      case RenderingKind::kForbidden:
        marks.push_back(
            Mark{h.begin, h.end, "forbidden", "deprecated rendering of " + e.zh + "; use " + e.en});
        break;
    }
  }
  return marks;
}

}  // namespace

BeadSide ChineseSide(const TmDocument& doc) {
  return ParseLanguageCode(doc.src_lang) == Language::kEn ? BeadSide::kTarget : BeadSide::kSource;
}

Status BuildReviewView(BeadEditor* editor, const TermMatcher* matcher, nlohmann::json* view) {
  TmDocument doc;
  std::vector<TmUnit> units;
  int undo_depth = 0;
  {
    // The document, its units and its undo depth as of one moment, for this request only.
    TmSnapshot snapshot(editor->tm());
    TMALIGN_RETURN_IF_ERROR(snapshot.Begin());
    TMALIGN_RETURN_IF_ERROR(editor->Load(&doc, &units));
    TMALIGN_RETURN_IF_ERROR(editor->UndoDepth(&undo_depth));
    TMALIGN_RETURN_IF_ERROR(snapshot.End());
  }

  const BeadSide zh_side = ChineseSide(doc);
  const BeadSide en_side = zh_side == BeadSide::kSource ? BeadSide::kTarget : BeadSide::kSource;
  auto lang_of = [&](BeadSide side) {
    return ParseLanguageCode(side == BeadSide::kSource ? doc.src_lang : doc.tgt_lang);
  };

  // Findings from the checker, by unit position (unit ids are "doc:position").
  std::map<int, nlohmann::json> findings_by_position;
  if (matcher != nullptr) {
    std::vector<CheckUnit> check_units;
    AppendTmDocumentUnits(editor->tm()->path(), doc, units, &check_units);
    for (const Finding& f : CheckUnits(*matcher, check_units)) {
      const size_t colon = f.unit_id.rfind(':');
      if (colon == std::string::npos) continue;
      const int position = std::atoi(f.unit_id.c_str() + colon + 1);
      nlohmann::json& list = findings_by_position[position];
      if (list.is_null()) list = nlohmann::json::array();
      list.push_back({{"kind", FindingKindName(f.kind)},
                      {"severity", f.is_warning() ? "warning" : "error"},
                      {"term_zh", f.term_zh},
                      {"expected", f.expected},
                      {"found", f.found},
                      {"suggestion", f.suggestion}});
    }
  }

  nlohmann::json beads = nlohmann::json::array();
  for (const TmUnit& u : units) {
    nlohmann::json sides[2];
    const BeadSide order[2] = {zh_side, en_side};
    for (int s = 0; s < 2; ++s) {
      sides[s] = nlohmann::json::array();
      for (const SentencePiece& p : UnitSentences(u, order[s], lang_of(order[s]))) {
        std::vector<Mark> marks;
        if (matcher != nullptr) marks = s == 0 ? ZhMarks(*matcher, p.text) : EnMarks(*matcher, p.text);
        sides[s].push_back({{"ids", p.ids}, {"segs", Segments(p.text, std::move(marks))}});
      }
    }
    const auto& zh_ids = zh_side == BeadSide::kSource ? u.src_ids : u.tgt_ids;
    const auto& en_ids = zh_side == BeadSide::kSource ? u.tgt_ids : u.src_ids;
    auto found = findings_by_position.find(u.position);
    beads.push_back(
        {{"position", u.position},
         {"type", BeadType(Bead{zh_ids, en_ids, 0})},
         {"confidence", u.confidence},
         {"reviewed", u.reviewed},
         {"zh", std::move(sides[0])},
         {"en", std::move(sides[1])},
         {"findings", found == findings_by_position.end() ? nlohmann::json::array() : found->second}});
  }
  *view = {{"doc",
            {{"id", doc.id},
             {"title", doc.title},
             {"version", doc.version},
             {"src_lang", doc.src_lang},
             {"tgt_lang", doc.tgt_lang},
             {"updated_at", doc.updated_at}}},
           {"zh_side", zh_side == BeadSide::kSource ? "source" : "target"},
           {"glossary", matcher != nullptr},
           {"undo_depth", undo_depth},
           {"beads", std::move(beads)}};
  return Status::Ok();
}

}  // namespace tmalign
