// Unit sources: the ways `tmalign check` turns its inputs into CheckUnits.
#pragma once

#include <string>
#include <vector>

#include "check/check_unit.h"
#include "doc/document.h"
#include "terms/glossary.h"
#include "tm/translation_memory.h"
#include "util/status.h"

namespace tmalign {

// Aligns a Chinese and an English file, each a text file or a document (`read`), with the
// aligner (the glossary's terms become alignment evidence when given); one unit per bead.
// In a document a position's line is its paragraph (TextPiece::paragraph, ::page).
Status UnitsFromAlignedFiles(const std::string& zh_path, const std::string& en_path, const Glossary* glossary,
                             const DocumentReadOptions& read, std::vector<CheckUnit>* units);
// Every unit of a translation memory, or of one document in it when doc_id is not empty;
// the document of each unit is its TM document.
Status UnitsFromTm(const std::string& tm_path, const std::string& doc_id, std::vector<CheckUnit>* units);

// The units of one TM document already read (as UnitsFromTm makes them; ids "doc:position").
void AppendTmDocumentUnits(const std::string& tm_path, const TmDocument& doc,
                           const std::vector<TmUnit>& tm_units, std::vector<CheckUnit>* units);

// An English text file or document alone: one target-only unit per paragraph (in a text
// file, lines separated by blank lines), so only source-free checks apply.
Status UnitsFromTargetFile(const std::string& en_path, const DocumentReadOptions& read,
                           std::vector<CheckUnit>* units);
// One unit per line "source TAB target" (no header, blank lines skipped); positions are the
// file's 1-based lines, and the target column counts from the line start.
Status UnitsFromTsvFile(const std::string& path, std::vector<CheckUnit>* units);
// XLIFF 1.2 (<trans-unit>) or 2.0 (<unit>/<segment>): one unit per unit, source/target text
// with inline markup dropped and its text kept.
Status UnitsFromXliffFile(const std::string& path, std::vector<CheckUnit>* units);
// TMX: one unit per <tu>, zh and en <tuv> by xml:lang.
Status UnitsFromTmxFile(const std::string& path, std::vector<CheckUnit>* units);

// Reads a UTF-8 text file, validating it and dropping a byte-order mark.
Status ReadUtf8File(const std::string& path, std::string* text);

}  // namespace tmalign
