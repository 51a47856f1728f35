// tmalign report: the review view of one TM document as one self-contained HTML file.
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/output_file.h"
#include "review/review_page.h"
#include "review/review_view.h"
#include "terms/glossary_files.h"
#include "tm/translation_memory.h"

namespace tmalign::cli {

namespace {

namespace po = boost::program_options;

int RunReport(const std::vector<std::string>& args) {
  CommandLine cl("report",
                 "usage: tmalign report --tm FILE --doc ID [--glossary FILE ...] -o FILE.html\n\n"
                 "Writes the review view of one document (beads side by side, confidence, type, position,\n"
                 "reviewed marks, glossary terms and findings) as one static HTML file with no external\n"
                 "script, font or style, to mail or archive.");
  std::string doc;
  cl.AddTm();
  cl.Add()("doc", po::value(&doc), "document id");
  cl.AddGlossary("glossary (.tsv, .csv, .tbx): mark terms, show check findings; repeatable");
  cl.AddOutput("the HTML file to write (- for standard output)");
  if (int rc = cl.Parse(args); rc >= 0) return rc;
  if (doc.empty()) return cl.Fail("--doc is required");
  if (cl.output().empty()) return cl.Fail("-o FILE.html is required");
  const std::string tm_path = cl.TmPath();

  Glossary glossary;
  if (Status s = LoadGlossaryFiles(cl.glossaries(), &glossary); !s.ok()) return cl.Fail(s);
  std::unique_ptr<TermMatcher> matcher;
  if (!cl.glossaries().empty()) matcher = std::make_unique<TermMatcher>(glossary);

  std::unique_ptr<TranslationMemory> tm;
  if (Status s = TranslationMemory::OpenForReading(tm_path, &tm); !s.ok()) return cl.Fail(s);
  BeadEditor editor(tm.get(), doc);
  nlohmann::json view;
  if (Status s = BuildReviewView(&editor, matcher.get(), &view); !s.ok()) return cl.Fail(s);
  if (Status s = WriteOutput(cl.output(), ReviewReportHtml(view)); !s.ok()) return cl.Fail(s);
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("report", "write a document's alignment review as one static HTML file", RunReport);

}  // namespace tmalign::cli
