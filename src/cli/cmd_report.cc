// tmalign report: the review view of one TM document as one self-contained HTML file.
#include <boost/program_options.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/output_file.h"
#include "review/review_page.h"
#include "review/review_view.h"
#include "terms/glossary_files.h"
#include "tm/translation_memory.h"

namespace tmalign::cli {

namespace {

namespace po = boost::program_options;

int Fail(const std::string& message) {
  std::fprintf(stderr, "tmalign report: %s\n", message.c_str());
  return kExitError;
}

int RunReport(const std::vector<std::string>& args) {
  po::options_description desc(
      "usage: tmalign report --tm FILE --doc ID [--glossary FILE ...] -o FILE.html\n\n"
      "Writes the review view of one document (beads side by side, confidence, type, position,\n"
      "reviewed marks, glossary terms and findings) as one static HTML file with no external\n"
      "script, font or style, to mail or archive.\n\noptions");
  std::string tm_path, doc, output;
  std::vector<std::string> glossaries;
  desc.add_options()
      ("help,h", "show this help")
      ("tm", po::value(&tm_path), "translation memory (default $TMALIGN_TM, else ./tm.sqlite)")
      ("doc", po::value(&doc), "document id")
      ("glossary,g", po::value(&glossaries), "glossary (.tsv, .csv, .tbx): mark terms, show check findings; repeatable")
      ("output,o", po::value(&output), "the HTML file to write (- for standard output)");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(desc).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return Fail(std::string(e.what()) + " (see tmalign report --help)");
  }
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return kExitOk;
  }
  if (doc.empty()) return Fail("--doc is required");
  if (output.empty()) return Fail("-o FILE.html is required");
  if (output == "-") output.clear();
  if (!output.empty()) {
    if (Status s = CheckOutputWritable(output); !s.ok()) return Fail(s.message());
  }
  if (tm_path.empty()) tm_path = DefaultTmPath();

  Glossary glossary;
  if (Status s = LoadGlossaryFiles(glossaries, &glossary); !s.ok()) return Fail(s.message());
  std::unique_ptr<TermMatcher> matcher;
  if (!glossaries.empty()) matcher = std::make_unique<TermMatcher>(glossary);

  std::unique_ptr<TranslationMemory> tm;
  if (Status s = TranslationMemory::OpenExisting(tm_path, &tm); !s.ok()) return Fail(s.message());
  BeadEditor editor(tm.get(), doc);
  nlohmann::json view;
  if (Status s = BuildReviewView(&editor, matcher.get(), &view); !s.ok()) return Fail(s.message());
  if (Status s = WriteOutput(output, ReviewReportHtml(view)); !s.ok()) return Fail(s.message());
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("report", "write a document's alignment review as one static HTML file", RunReport);

}  // namespace tmalign::cli
