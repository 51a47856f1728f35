// tmalign analyze: how much of a new document the TM already covers, in match bands.
#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/leverage_cli.h"
#include "cli/output_file.h"

namespace tmalign::cli {
namespace {

int RunAnalyze(const std::vector<std::string>& args) {
  CommandLine cl("analyze",
                 "usage: tmalign analyze FILE --tm TM [--presplit] [--json] [-o OUT]\n\n"
                 "Splits FILE (any format split reads) and counts its segments and source characters\n"
                 "(Chinese) or words (English) per match band against the TM: context, 100, 95-99,\n"
                 "85-94, 75-84, 50-74, new, and repetition (second and later occurrences in FILE).\n"
                 "A unit differing only in numbers scores at most 99.",
                 "examples:\n  tmalign analyze bulletin-08.docx --tm tm.sqlite\n"
                 "  tmalign analyze new.txt --tm tm.sqlite --json\n");
  AddLeverageOptions(&cl);
  cl.AddJson("print one JSON object: {\"file\", \"segments\", \"bands\": {BAND: {\"segments\", \"chars\"}}}");
  cl.AddOutput("write the table or JSON to FILE (default: standard output)");
  if (int rc = cl.Parse(args); rc >= 0) return rc;
  NewDocument doc;
  std::vector<SegmentLeverage> segments;
  if (Status s = LeverageFromOptions(cl, &doc, &segments); !s.ok()) return cl.Fail(s);
  const Analysis analysis = AnalyzeLeverage(doc, segments);
  const std::string out = cl.json() ? AnalysisJson(analysis) + "\n"
                                    : doc.path + ": " + std::to_string(analysis.segments) + " segments (" +
                                          LanguageCode(doc.lang) + ")\n" + AnalysisTable(analysis);
  if (Status s = WriteOutput(cl.output(), out); !s.ok()) return cl.Fail(s);
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("analyze", "count a new document's matches in the TM by match band", RunAnalyze);

}  // namespace tmalign::cli
