// Shared pieces of the translation-memory commands (match, search, import, export, docs,
// delete, stats): opening the TM, JSON and text of pairs.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/command_line.h"
#include "tm/tm_search.h"
#include "tm/translation_memory.h"
#include "util/status.h"

namespace tmalign::cli {

// Opens the TM named by --tm (default DefaultTmPath()); `must_exist`: a missing file is an error.
Status OpenTmFromOptions(const CommandLine& cl, bool must_exist, std::unique_ptr<TranslationMemory>* tm);
// The same for a command that only reads: the TM must exist and may be on a read-only file
// or folder (TranslationMemory::OpenForReading).
Status OpenTmForReading(const CommandLine& cl, std::unique_ptr<TranslationMemory>* tm);

// For commands that read the whole TM at once (terms usage, terms extract): opens the TM
// named by --tm for reading, begins *snapshot on it, and checks that `doc`, when not
// empty, names a document.
Status OpenTmSnapshot(const CommandLine& cl, const std::string& doc, std::unique_ptr<TranslationMemory>* tm,
                      std::unique_ptr<TmSnapshot>* snapshot);

// {"source", "target", "doc", "unit", "usage", "origins": [{"doc", "unit"}], "reversed"}.
nlohmann::json PairJson(const TmPair& pair);

// "DOC unit N" of the pair's first origin ("no origin" for a pair without one).
std::string OriginText(const TmPair& pair);

}  // namespace tmalign::cli
