// tmalign review: a local web page to see and correct the alignment of one TM document.
#include <boost/program_options.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "review/review_server.h"
#include "terms/glossary_files.h"
#include "tm/translation_memory.h"

namespace tmalign::cli {

namespace {

namespace po = boost::program_options;

int Fail(const std::string& message) {
  std::fprintf(stderr, "tmalign review: %s\n", message.c_str());
  return kExitError;
}

int RunReview(const std::vector<std::string>& args) {
  po::options_description desc(
      "usage: tmalign review --tm FILE --doc ID [--glossary FILE ...] [--port N]\n\n"
      "Serves a review page for one document of a translation memory on 127.0.0.1 and prints\n"
      "its URL (with a random token; requests without it are refused). The page shows the beads\n"
      "side by side with their confidence, filters and steps through weak beads, and merges,\n"
      "splits, moves sentences, fixes text, marks reviewed and undoes; each edit is saved to the\n"
      "TM at once. Stop with Ctrl+C.\n\noptions");
  std::string tm_path, doc;
  std::vector<std::string> glossaries;
  int port = 0;
  desc.add_options()
      ("help,h", "show this help")
      ("tm", po::value(&tm_path), "translation memory (default $TMALIGN_TM, else ./tm.sqlite)")
      ("doc", po::value(&doc), "document id")
      ("glossary,g", po::value(&glossaries), "glossary (.tsv, .csv, .tbx): mark terms, show check findings; repeatable")
      ("port", po::value(&port), "port on 127.0.0.1 (default: a free port)");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(desc).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return Fail(std::string(e.what()) + " (see tmalign review --help)");
  }
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return kExitOk;
  }
  if (doc.empty()) return Fail("--doc is required");
  if (port < 0 || port > 65535) return Fail("--port must be between 0 and 65535");
  if (tm_path.empty()) tm_path = DefaultTmPath();

  Glossary glossary;
  if (Status s = LoadGlossaryFiles(glossaries, &glossary); !s.ok()) return Fail(s.message());
  std::unique_ptr<TermMatcher> matcher;
  if (!glossaries.empty()) matcher = std::make_unique<TermMatcher>(glossary);

  std::unique_ptr<TranslationMemory> tm;
  if (Status s = TranslationMemory::OpenExisting(tm_path, &tm); !s.ok()) return Fail(s.message());
  TmDocument d;
  bool found = false;
  if (Status s = tm->GetDocument(doc, &d, &found); !s.ok()) return Fail(s.message());
  if (!found) return Fail(tm_path + ": no document '" + doc + "'");

  ReviewServer server(tm.get(), doc, matcher.get());
  if (Status s = server.Bind(port); !s.ok()) return Fail(s.message());
  std::printf("%s\n", server.url().c_str());
  std::fflush(stdout);
  std::fprintf(stderr, "tmalign review: serving document '%s' of %s on 127.0.0.1:%d; Ctrl+C stops\n", doc.c_str(),
               tm_path.c_str(), server.port());
  if (Status s = server.Run(); !s.ok()) return Fail(s.message());
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("review", "serve a local page to review and correct a document's alignment", RunReview);

}  // namespace tmalign::cli
