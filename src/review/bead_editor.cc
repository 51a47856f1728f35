#include "review/bead_editor.h"

#include <algorithm>

#include "terms/glossary.h"
#include "text/sentence_splitter.h"

namespace tmalign {
namespace {

using Pieces = std::vector<SentencePiece>;

constexpr size_t kMaxSentenceBytes = 64 * 1024;
constexpr int kJournalDepth = 200;  // undo history kept per document

Language SideLanguage(const TmDocument& doc, BeadSide side) {
  return ParseLanguageCode(side == BeadSide::kSource ? doc.src_lang : doc.tgt_lang);
}

std::string JoinPieceTexts(const Pieces& pieces, Language lang) {
  std::string out;
  for (const SentencePiece& p : pieces) {
    if (p.text.empty()) continue;
    if (!out.empty() && lang != Language::kZh) out += ' ';  // as JoinSentences writes a side
    out += p.text;
  }
  return out;
}

// Writes one side of `unit` from pieces: ids, joined text, and per-sentence texts when
// every piece is exactly one sentence.
void SetSide(const Pieces& pieces, Language lang, std::vector<int>* ids, std::string* text,
             std::vector<std::string>* sentences) {
  ids->clear();
  sentences->clear();
  bool one_each = true;
  for (const SentencePiece& p : pieces) {
    ids->insert(ids->end(), p.ids.begin(), p.ids.end());
    one_each = one_each && p.ids.size() == 1;
  }
  *text = JoinPieceTexts(pieces, lang);
  if (one_each) {
    for (const SentencePiece& p : pieces) sentences->push_back(p.text);
  }
}

// A unit as lists of sentences (pieces), for edits that move sentences around.
struct EditableUnit {
  Pieces side[2];
  double confidence = 0;
  bool empty() const { return side[0].empty() && side[1].empty(); }
};

EditableUnit ToPieces(const TmDocument& doc, const TmUnit& u) {
  EditableUnit p;
  p.side[0] = UnitSentences(u, BeadSide::kSource, SideLanguage(doc, BeadSide::kSource));
  p.side[1] = UnitSentences(u, BeadSide::kTarget, SideLanguage(doc, BeadSide::kTarget));
  p.confidence = u.confidence;
  return p;
}

TmUnit FromPieces(const TmDocument& doc, const EditableUnit& p) {
  TmUnit u;
  SetSide(p.side[0], SideLanguage(doc, BeadSide::kSource), &u.src_ids, &u.source, &u.src_sentences);
  SetSide(p.side[1], SideLanguage(doc, BeadSide::kTarget), &u.tgt_ids, &u.target, &u.tgt_sentences);
  u.confidence = p.confidence;
  u.reviewed = false;  // an edited unit needs a fresh look
  return u;
}

int SideIndex(BeadSide side) { return side == BeadSide::kSource ? 0 : 1; }

// Index of the unit at `position`, or -1.
int FindUnit(const std::vector<TmUnit>& units, int position) {
  auto it = std::lower_bound(units.begin(), units.end(), position,
                             [](const TmUnit& u, int p) { return u.position < p; });
  if (it == units.end() || it->position != position) return -1;
  return static_cast<int>(it - units.begin());
}

}  // namespace

std::vector<SentencePiece> UnitSentences(const TmUnit& unit, BeadSide side, Language lang) {
  const bool src = side == BeadSide::kSource;
  const std::vector<int>& ids = src ? unit.src_ids : unit.tgt_ids;
  const std::vector<std::string>& sentences = src ? unit.src_sentences : unit.tgt_sentences;
  const std::string& text = src ? unit.source : unit.target;
  std::vector<SentencePiece> out;
  if (!sentences.empty() && sentences.size() == ids.size()) {
    for (size_t i = 0; i < ids.size(); ++i) out.push_back(SentencePiece{{ids[i]}, sentences[i]});
    return out;
  }
  if (ids.empty() && text.empty()) return out;
  if (ids.size() > 1 && lang != Language::kUnknown) {
    // A TM written before per-sentence texts were stored: the splitter usually gives them back.
    std::vector<Sentence> split = SplitSentences(text, lang);
    if (split.size() == ids.size()) {
      for (size_t i = 0; i < ids.size(); ++i) out.push_back(SentencePiece{{ids[i]}, split[i].text});
      return out;
    }
  }
  out.push_back(SentencePiece{ids, text});
  return out;
}

Status BeadEditor::Load(TmDocument* doc, std::vector<TmUnit>* units) {
  TmSnapshot snapshot(tm_);  // the document and its units as of one moment
  TMALIGN_RETURN_IF_ERROR(snapshot.Begin());
  TMALIGN_RETURN_IF_ERROR(tm_->RequireDocument(doc_id_, doc));
  return tm_->GetUnits(doc_id_, units);
}

Status BeadEditor::UndoDepth(int* depth) { return tm_->CountEdits(doc_id_, depth); }

Status BeadEditor::CheckVersion(int64_t version, TmDocument* doc, EditOutcome* out) {
  TMALIGN_RETURN_IF_ERROR(tm_->RequireDocument(doc_id_, doc));
  out->version = doc->version;
  if (doc->version != version) {
    out->stale = true;
    return Status::InvalidInput("document '" + doc_id_ + "' was changed elsewhere (now version " +
                                std::to_string(doc->version) + ", this edit was made on version " +
                                std::to_string(version) + "); reload to see the current state");
  }
  return Status::Ok();
}

template <typename MakeChange>
Status BeadEditor::Apply(int64_t version, MakeChange make_change, EditOutcome* out) {
  *out = EditOutcome();
  TmTransaction txn(tm_);
  TMALIGN_RETURN_IF_ERROR(txn.Begin());
  TmDocument doc;
  TMALIGN_RETURN_IF_ERROR(CheckVersion(version, &doc, out));
  std::vector<TmUnit> units;
  TMALIGN_RETURN_IF_ERROR(tm_->GetUnits(doc_id_, &units));
  Change change;
  TMALIGN_RETURN_IF_ERROR(make_change(doc, units, &change));

  // Journal what the change replaces, then replace it.
  TmEdit edit;
  edit.kind = change.kind;
  edit.first = units[change.first].position;
  edit.new_count = static_cast<int>(change.units.size());
  edit.before.assign(units.begin() + change.first, units.begin() + change.first + change.count);
  const int span = units[change.first + change.count - 1].position + 1 - edit.first;
  TMALIGN_RETURN_IF_ERROR(tm_->AppendEdit(doc_id_, edit, kJournalDepth));
  TMALIGN_RETURN_IF_ERROR(tm_->ReplaceUnitRange(doc_id_, edit.first, span, change.units));
  TMALIGN_RETURN_IF_ERROR(tm_->BumpVersion(doc_id_, &out->version));
  return txn.Commit();
}

namespace {

Status NoUnit(int position) {
  return Status::InvalidInput("no unit at position " + std::to_string(position));
}

}  // namespace

Status BeadEditor::Merge(int64_t version, int position, EditOutcome* out) {
  return Apply(
      version,
      [&](const TmDocument& doc, const std::vector<TmUnit>& units, Change* c) {
        const int i = FindUnit(units, position);
        if (i < 0) return NoUnit(position);
        if (i + 1 >= static_cast<int>(units.size()))
          return Status::InvalidInput("the last unit has no next unit to merge with");
        EditableUnit a = ToPieces(doc, units[i]), b = ToPieces(doc, units[i + 1]);
        for (int s = 0; s < 2; ++s) a.side[s].insert(a.side[s].end(), b.side[s].begin(), b.side[s].end());
        a.confidence = std::min(a.confidence, b.confidence);
        *c = Change{"merge", i, 2, {FromPieces(doc, a)}};
        return Status::Ok();
      },
      out);
}

Status BeadEditor::Split(int64_t version, int position, int src_at, int tgt_at, EditOutcome* out) {
  return Apply(
      version,
      [&](const TmDocument& doc, const std::vector<TmUnit>& units, Change* c) {
        const int i = FindUnit(units, position);
        if (i < 0) return NoUnit(position);
        EditableUnit whole = ToPieces(doc, units[i]);
        const int n[2] = {static_cast<int>(whole.side[0].size()), static_cast<int>(whole.side[1].size())};
        const int at[2] = {src_at, tgt_at};
        for (int s = 0; s < 2; ++s) {
          if (at[s] < 0 || at[s] > n[s]) {
            return Status::InvalidInput("split point " + std::to_string(at[s]) + " is outside the " +
                                        std::to_string(n[s]) + " sentence(s) of the " +
                                        (s == 0 ? "source" : "target"));
          }
        }
        if (at[0] + at[1] == 0 || at[0] + at[1] == n[0] + n[1]) {
          return Status::InvalidInput("a split must leave sentences in both units");
        }
        EditableUnit first, second;
        first.confidence = second.confidence = whole.confidence;
        for (int s = 0; s < 2; ++s) {
          first.side[s].assign(whole.side[s].begin(), whole.side[s].begin() + at[s]);
          second.side[s].assign(whole.side[s].begin() + at[s], whole.side[s].end());
        }
        *c = Change{"split", i, 1, {FromPieces(doc, first), FromPieces(doc, second)}};
        return Status::Ok();
      },
      out);
}

Status BeadEditor::MoveFirstToPrevious(int64_t version, int position, BeadSide side, EditOutcome* out) {
  return Apply(
      version,
      [&](const TmDocument& doc, const std::vector<TmUnit>& units, Change* c) {
        const int i = FindUnit(units, position);
        if (i < 0) return NoUnit(position);
        if (i == 0) return Status::InvalidInput("the first unit has no previous unit");
        const int s = SideIndex(side);
        EditableUnit prev = ToPieces(doc, units[i - 1]), cur = ToPieces(doc, units[i]);
        if (cur.side[s].empty()) return Status::InvalidInput("that side of the unit has no sentence to move");
        prev.side[s].push_back(cur.side[s].front());
        cur.side[s].erase(cur.side[s].begin());
        std::vector<TmUnit> replacement = {FromPieces(doc, prev)};
        if (!cur.empty()) replacement.push_back(FromPieces(doc, cur));
        *c = Change{"move-first", i - 1, 2, std::move(replacement)};
        return Status::Ok();
      },
      out);
}

Status BeadEditor::MoveLastToNext(int64_t version, int position, BeadSide side, EditOutcome* out) {
  return Apply(
      version,
      [&](const TmDocument& doc, const std::vector<TmUnit>& units, Change* c) {
        const int i = FindUnit(units, position);
        if (i < 0) return NoUnit(position);
        if (i + 1 >= static_cast<int>(units.size()))
          return Status::InvalidInput("the last unit has no next unit");
        const int s = SideIndex(side);
        EditableUnit cur = ToPieces(doc, units[i]), next = ToPieces(doc, units[i + 1]);
        if (cur.side[s].empty()) return Status::InvalidInput("that side of the unit has no sentence to move");
        next.side[s].insert(next.side[s].begin(), cur.side[s].back());
        cur.side[s].pop_back();
        std::vector<TmUnit> replacement;
        if (!cur.empty()) replacement.push_back(FromPieces(doc, cur));
        replacement.push_back(FromPieces(doc, next));
        *c = Change{"move-last", i, 2, std::move(replacement)};
        return Status::Ok();
      },
      out);
}

Status BeadEditor::EditSentence(int64_t version, int position, BeadSide side, int index,
                                const std::string& text, EditOutcome* out) {
  if (text.size() > kMaxSentenceBytes) return Status::InvalidInput("the text is longer than 64 KiB");
  TMALIGN_RETURN_IF_ERROR(ValidateUtf8(text, "the text"));
  if (text.find_first_of("\r\n") != std::string::npos) {
    return Status::InvalidInput("a sentence cannot hold a line break");
  }
  const size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos)
    return Status::InvalidInput("the text is blank (merge or move sentences instead)");
  const std::string trimmed = text.substr(begin, text.find_last_not_of(" \t") + 1 - begin);
  return Apply(
      version,
      [&](const TmDocument& doc, const std::vector<TmUnit>& units, Change* c) {
        const int i = FindUnit(units, position);
        if (i < 0) return NoUnit(position);
        const int s = SideIndex(side);
        EditableUnit cur = ToPieces(doc, units[i]);
        if (index < 0 || index >= static_cast<int>(cur.side[s].size())) {
          return Status::InvalidInput("no sentence " + std::to_string(index) + " on that side of unit " +
                                      std::to_string(position));
        }
        cur.side[s][static_cast<size_t>(index)].text = trimmed;
        *c = Change{"edit-text", i, 1, {FromPieces(doc, cur)}};
        return Status::Ok();
      },
      out);
}

Status BeadEditor::SetReviewed(int64_t version, int position, bool reviewed, EditOutcome* out) {
  return Apply(
      version,
      [&](const TmDocument&, const std::vector<TmUnit>& units, Change* c) {
        const int i = FindUnit(units, position);
        if (i < 0) return NoUnit(position);
        TmUnit u = units[i];
        u.reviewed = reviewed;
        *c = Change{reviewed ? "reviewed" : "unreviewed", i, 1, {u}};
        return Status::Ok();
      },
      out);
}

Status BeadEditor::Undo(int64_t version, EditOutcome* out) {
  *out = EditOutcome();
  TmTransaction txn(tm_);
  TMALIGN_RETURN_IF_ERROR(txn.Begin());
  TmDocument doc;
  TMALIGN_RETURN_IF_ERROR(CheckVersion(version, &doc, out));
  TmEdit last;
  bool found = false;
  TMALIGN_RETURN_IF_ERROR(tm_->LastEdit(doc_id_, &last, &found));
  if (!found) return Status::InvalidInput("nothing to undo");
  TMALIGN_RETURN_IF_ERROR(tm_->ReplaceUnitRange(doc_id_, last.first, last.new_count, last.before));
  TMALIGN_RETURN_IF_ERROR(tm_->RemoveEdit(last.id));
  TMALIGN_RETURN_IF_ERROR(tm_->BumpVersion(doc_id_, &out->version));
  return txn.Commit();
}

}  // namespace tmalign
