// What `align --tm` stores: the TM document and units of an alignment.
#pragma once

#include <string>
#include <vector>

#include "align/document_alignment.h"
#include "tm/translation_memory.h"

namespace tmalign {

// The document record of `doc` under `id` (title defaults to the id): languages, paths and
// the files' SHA-256.
TmDocument TmDocumentOfAlignment(const AlignedDocument& doc, const std::string& id, const std::string& title);

// One unit per bead, in order (position = bead index), with the joined text of each side
// and the text of each sentence, so review can split a bead at a sentence boundary.
std::vector<TmUnit> TmUnitsOfAlignment(const AlignedDocument& doc);

}  // namespace tmalign
