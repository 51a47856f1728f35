// tmalign review: a local web page to see and correct the alignment of one TM document.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/command_line.h"
#include "review/review_server.h"
#include "terms/glossary_files.h"
#include "tm/translation_memory.h"

namespace tmalign::cli {

namespace {

namespace po = boost::program_options;

int RunReview(const std::vector<std::string>& args) {
  CommandLine cl("review",
                 "usage: tmalign review --tm FILE --doc ID [--glossary FILE ...] [--port N]\n\n"
                 "Serves a review page for one document of a translation memory on 127.0.0.1 and prints\n"
                 "its URL (with a random token; requests without it are refused). The page shows the beads\n"
                 "side by side with their confidence, filters and steps through weak beads, and merges,\n"
                 "splits, moves sentences, fixes text, marks reviewed and undoes; each edit is saved to the\n"
                 "TM at once. Stop with Ctrl+C.");
  std::string doc;
  int port = 0;
  cl.AddTm();
  cl.Add()("doc", po::value(&doc), "document id");
  cl.AddGlossary("glossary (.tsv, .csv, .tbx): mark terms, show check findings; repeatable");
  cl.Add()("port", po::value(&port), "port on 127.0.0.1 (default: a free port)");
  if (int rc = cl.Parse(args); rc >= 0) return rc;
  if (doc.empty()) return cl.Fail("--doc is required");
  if (port < 0 || port > 65535) return cl.Fail("--port must be between 0 and 65535");
  const std::string tm_path = cl.TmPath();

  Glossary glossary;
  if (Status s = LoadGlossaryFiles(cl.glossaries(), &glossary); !s.ok()) return cl.Fail(s);
  std::unique_ptr<TermMatcher> matcher;
  if (!cl.glossaries().empty()) matcher = std::make_unique<TermMatcher>(glossary);

  std::unique_ptr<TranslationMemory> tm;
  if (Status s = TranslationMemory::OpenExisting(tm_path, &tm); !s.ok()) return cl.Fail(s);
  TmDocument d;
  if (Status s = tm->RequireDocument(doc, &d); !s.ok()) return cl.Fail(s);

  ReviewServer server(tm.get(), doc, matcher.get());
  if (Status s = server.Bind(port); !s.ok()) return cl.Fail(s);
  std::printf("%s\n", server.url().c_str());
  std::fflush(stdout);
  std::fprintf(stderr, "tmalign review: serving document '%s' of %s on 127.0.0.1:%d; Ctrl+C stops\n",
               doc.c_str(), tm_path.c_str(), server.port());
  if (Status s = server.Run(); !s.ok()) return cl.Fail(s);
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("review", "serve a local page to review and correct a document's alignment",
                         RunReview);

}  // namespace tmalign::cli
