// The review view of one TM document as JSON: what the review page and the static
// report render (beads side by side, Chinese | English, with confidence, type, position,
// reviewed mark, glossary terms marked in the text and terminology findings per bead).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "review/bead_editor.h"
#include "terms/term_matcher.h"
#include "util/status.h"

namespace tmalign {

// Which TM side holds the Chinese: the target when the document's source language is
// English, else the source.
BeadSide ChineseSide(const TmDocument& doc);

// Builds the view of document `doc_id`. With a `matcher`, terms are marked and `tmalign
// check` findings attached to their bead. Text stays plain text in the JSON (the page puts
// it in the DOM as text, never as markup). Shape:
// {"doc": {id, title, version, src_lang, tgt_lang, updated_at}, "zh_side": "source"|"target",
//  "glossary": bool, "undo_depth": n, "beads": [{"position", "type" ("zh-en" counts, e.g. "1-2"),
//  "confidence", "reviewed", "zh": [sentence], "en": [sentence], "findings": [...]}]}
// where a sentence is {"ids": [..], "segs": [{"t": text} | {"t": text, "k": kind, "title": tip}]}
// (kind: "term" in Chinese; "approved", "variant", "forbidden", "case" (wrong capitalization) in English) and
// a finding is
// {"kind", "severity", "term_zh", "expected", "found", "suggestion"}.
Status BuildReviewView(BeadEditor* editor, const TermMatcher* matcher, nlohmann::json* view);

}  // namespace tmalign
