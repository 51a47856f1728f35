// Review edits on the units of one TM document (each stored from a bead): merge, split, move a sentence to
// the neighbour, fix a sentence's text, mark reviewed, undo. Each edit is one IMMEDIATE
// transaction that checks the document version the editor saw, applies the change, bumps
// the version and journals the replaced units (table `edits`) so undo can put them back.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "text/language.h"
#include "tm/translation_memory.h"
#include "util/status.h"

namespace tmalign {

// The two sides as the TM stores them (source = documents.src_lang).
enum class BeadSide { kSource, kTarget };

// One sentence of a side: its id and text. When a unit stored no per-sentence texts and
// its joined text does not re-split into exactly its ids, the side is one piece with all ids.
struct SentencePiece {
  std::vector<int> ids;
  std::string text;
};

// The sentences of one side of `unit`, written in `lang` (for re-splitting a joined text).
std::vector<SentencePiece> UnitSentences(const TmUnit& unit, BeadSide side, Language lang);

// The result of an edit. stale is true when the edit was refused because the document
// changed since `version` (the returned Status is then InvalidInput, asking to reload).
struct EditOutcome {
  int64_t version = 0;  // the document version after the edit (or the current one if stale)
  bool stale = false;
};

// Edits the units of document `doc_id` in `tm` (which must outlive the editor).
// Positions are unit positions (0-based); `version` is the document version the edit was
// made on. Bad input (no such unit, nothing to split...) changes nothing.
// Edited units keep the confidence of their parts (the lowest, for a merge) and lose
// the reviewed mark, except SetReviewed.
class BeadEditor {
 public:
  BeadEditor(TranslationMemory* tm, std::string doc_id) : tm_(tm), doc_id_(std::move(doc_id)) {}

  TranslationMemory* tm() const { return tm_; }
  const std::string& doc_id() const { return doc_id_; }

  // The document and its units as they are now; NotFound if there is no such document.
  Status Load(TmDocument* doc, std::vector<TmUnit>* units);
  // How many edits undo can take back.
  Status UndoDepth(int* depth);

  // Unit `position` and the next become one unit.
  Status Merge(int64_t version, int position, EditOutcome* out);
  // Unit `position` becomes two: the first keeps src_at source and tgt_at target sentences,
  // the second the rest; neither may be left without sentences.
  Status Split(int64_t version, int position, int src_at, int tgt_at, EditOutcome* out);
  // The first sentence of `side` of unit `position` moves to the end of the previous unit;
  // a unit left without sentences is removed.
  Status MoveFirstToPrevious(int64_t version, int position, BeadSide side, EditOutcome* out);
  // The last sentence of `side` moves to the start of the next unit.
  Status MoveLastToNext(int64_t version, int position, BeadSide side, EditOutcome* out);
  // Replaces the text of sentence `index` of `side`: valid UTF-8, not blank, no line break, at most 64 KiB.
  Status EditSentence(int64_t version, int position, BeadSide side, int index, const std::string& text,
                      EditOutcome* out);
  Status SetReviewed(int64_t version, int position, bool reviewed, EditOutcome* out);
  // Takes back the latest edit (an undo is not itself undoable); InvalidInput if there is none.
  Status Undo(int64_t version, EditOutcome* out);

 private:
  // Runs `change` in a transaction after the version check; it fills the replaced range.
  struct Change {
    std::string kind;
    int first = 0;
    int count = 0;              // units replaced
    std::vector<TmUnit> units;  // their replacement
  };
  template <typename MakeChange>
  Status Apply(int64_t version, MakeChange make_change, EditOutcome* out);
  Status CheckVersion(int64_t version, TmDocument* doc, EditOutcome* out);

  TranslationMemory* tm_;
  std::string doc_id_;
};

}  // namespace tmalign
