// What analyze and pretranslate share: the new document's options (FILE, --presplit,
// --encoding, --input-format, --no-notes, --tm) and its leverage against the TM.
#pragma once

#include <string>
#include <vector>

#include "cli/command_line.h"
#include "leverage/analysis.h"
#include "leverage/new_document.h"

namespace tmalign::cli {

// Adds FILE (positional), --presplit, --encoding, the document options and --tm.
void AddLeverageOptions(CommandLine* cl);

// Opens the TM of --tm (it must exist: analyze and pretranslate never create one), reads and
// splits FILE, and matches every sentence in one snapshot of the TM. Errors name the file.
Status LeverageFromOptions(const CommandLine& cl, NewDocument* doc, std::vector<SegmentLeverage>* segments);

}  // namespace tmalign::cli
