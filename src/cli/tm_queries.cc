#include "cli/tm_queries.h"

#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "cli/tm_cli.h"

namespace tmalign::cli {

namespace po = boost::program_options;

void AddQueryOptions(CommandLine* cl, const char* words, const char* words_help, const char* queries_help) {
  cl->Add()(words, po::value<std::vector<std::string>>(), words_help)(
      "queries", po::value<std::string>()->value_name("FILE"), queries_help);
  cl->Positional(words, -1);
}

Status ReadQueries(const std::string& path, std::vector<std::string>* queries) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return Status::IoError(path + ": cannot open file");
    in = &file;
  }
  std::string line;
  while (std::getline(*in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (queries->empty() && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    queries->push_back(line);
  }
  return Status::Ok();
}

int RunQueries(const CommandLine& cl, const char* words, const char* words_name,
               const QueryHandler& handler) {
  const bool has_words = cl.Has(words), has_queries = cl.Has("queries");
  if (has_words == has_queries) {
    return cl.Fail(std::string("give either ") + words_name + " or --queries FILE (see tmalign " +
                   cl.command() + " --help)");
  }
  std::vector<std::string> queries;
  if (has_queries) {
    if (Status s = ReadQueries(cl.Get<std::string>("queries"), &queries); !s.ok()) return cl.Fail(s);
  } else {
    std::string text;
    for (const std::string& w : cl.Get<std::vector<std::string>>(words))
      text += (text.empty() ? "" : " ") + w;
    queries.push_back(text);
  }
  std::unique_ptr<TranslationMemory> tm;
  if (Status s = OpenTmForReading(cl, &tm); !s.ok()) return cl.Fail(s);
  std::unique_ptr<TmSearcher> searcher;
  if (Status s = TmSearcher::Create(tm.get(), &searcher); !s.ok()) return cl.Fail(s);
  const bool json = has_queries || cl.json();
  for (const std::string& q : queries) {
    auto start = std::chrono::steady_clock::now();
    Status s = handler.look_up(searcher.get(), q);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!s.ok()) return cl.Fail(s);
    handler.print(q, ms, json);
  }
  std::cout.flush();
  return kExitOk;
}

}  // namespace tmalign::cli
