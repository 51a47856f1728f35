// The queries of `match` and `search`: the words given on the command line joined by
// spaces, or --queries FILE, one a line; each answered against the one TM and timed.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "cli/command_line.h"
#include "tm/tm_search.h"
#include "util/status.h"

namespace tmalign::cli {

// Adds the option `words` (the positional words; `words_help`) and --queries FILE.
void AddQueryOptions(CommandLine* cl, const char* words, const char* words_help, const char* queries_help);

// Reads one query a line (UTF-8, blank lines skipped); "-" is standard input.
Status ReadQueries(const std::string& path, std::vector<std::string>* queries);

// Answers each query: `look_up` searches it, `print` prints what it found, given the
// time the look-up took and whether to print one JSON object a line (--queries or --json).
struct QueryHandler {
  std::function<Status(TmSearcher* searcher, const std::string& query)> look_up;
  std::function<void(const std::string& query, double elapsed_ms, bool json)> print;
};

// Runs the queries of `cl` (`words` or --queries; `words_name` names the words in the
// error when neither or both are given) against the TM of --tm; returns the exit code.
int RunQueries(const CommandLine& cl, const char* words, const char* words_name, const QueryHandler& handler);

}  // namespace tmalign::cli
