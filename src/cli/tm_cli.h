// Shared pieces of the translation-memory commands (match, search, import, export, docs,
// delete, stats): option parsing, opening the TM, JSON of pairs.
#pragma once

#include <boost/program_options.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tm/tm_search.h"
#include "tm/translation_memory.h"
#include "util/status.h"

namespace tmalign::cli {

// Prints "tmalign CMD: message" on stderr; returns kExitError.
int TmFail(const std::string& command, const std::string& message);

// Parses args with --help and --tm added; returns -1 to go on, else the exit code.
int ParseTmOptions(const std::string& command, const std::string& usage, const std::vector<std::string>& args,
                   boost::program_options::options_description& desc,
                   const boost::program_options::positional_options_description& pos,
                   boost::program_options::variables_map* vm);

// Opens the TM named by --tm (default DefaultTmPath()); `must_exist`: a missing file is an error.
Status OpenTmFromOptions(const boost::program_options::variables_map& vm, bool must_exist,
                         std::unique_ptr<TranslationMemory>* tm);

// {"source", "target", "doc", "unit", "usage", "origins": [{"doc", "unit"}], "reversed"}.
nlohmann::json PairJson(const TmPair& pair);

// "DOC unit N" of the pair's first origin ("no origin" for a pair without one).
std::string OriginText(const TmPair& pair);

// Reads one query a line (UTF-8, blank lines skipped); "-" is standard input.
Status ReadQueries(const std::string& path, std::vector<std::string>* queries);

}  // namespace tmalign::cli
