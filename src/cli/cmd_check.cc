// tmalign check: terminology QA of a translation against one or more glossaries.
#include <cstdio>
#include <string>
#include <vector>

#include "check/checker.h"
#include "check/finding_format.h"
#include "check/unit_sources.h"
#include "cli/command.h"
#include "cli/command_line.h"
#include "terms/glossary_files.h"

namespace tmalign::cli {

namespace {

namespace po = boost::program_options;

int RunCheck(const std::vector<std::string>& args) {
  CommandLine cl(
      "check",
      "usage: tmalign check --glossary FILE [--glossary FILE ...] INPUT [options]\n\n"
      "Checks a translation against glossaries (TSV, CSV or TBX) and reports, at the target's\n"
      "file:line:column (in a document, file:paragraph:column), each missing approved rendering, forbidden "
      "(deprecated) rendering,\n"
      "wrong case, and (as a warning) each term rendered two accepted ways in one document.\n\n"
      "INPUT is one of:\n"
      "  --source ZH --target EN   align the two files and check each bead\n"
      "  --target EN               English alone: forbidden renderings and wrong case only\n"
      "  --tsv FILE                one unit a line: source TAB target, no header\n"
      "  --xliff FILE              XLIFF 1.2 or 2.0 source/target per unit\n"
      "  --tmx FILE                TMX, zh and en variants of each <tu>\n"
      "  --tm FILE [--doc ID]      audit a translation memory (or one document of it)\n\n"
      "Exit status: 0 no errors, 1 errors found (or warnings with --strict), 2 usage or input error.");
  std::string source, target, tsv, xliff, tmx, doc;
  cl.AddGlossary("glossary file (.tsv, .csv, .tbx); repeatable");
  cl.Add()("source", po::value(&source), "Chinese source: a text file or a document (DOCX, ODT, HTML, PDF)")(
      "target", po::value(&target), "English target: a text file or a document")(
      "tsv", po::value(&tsv), "tab-separated source/target units")(
      "xliff", po::value(&xliff), "XLIFF 1.2 or 2.0 file")("tmx", po::value(&tmx), "TMX file");
  cl.AddDocumentOptions();
  cl.AddTm("translation memory database");
  cl.Add()("doc", po::value(&doc), "with --tm: only this document");
  cl.AddJson("print findings as one JSON array");
  cl.AddColor();
  cl.Add()("strict", "exit 1 on warnings (inconsistent renderings) too");
  if (int rc = cl.Parse(args); rc >= 0) return rc;
  const std::vector<std::string>& glossaries = cl.glossaries();
  const std::string tm = cl.HasTm() ? cl.TmPath() : "";
  if (glossaries.empty()) return cl.Fail("at least one --glossary is required");
  const int inputs =
      (!target.empty() || !source.empty()) + !tsv.empty() + !xliff.empty() + !tmx.empty() + !tm.empty();
  if (inputs != 1)
    return cl.Fail("give exactly one input: --source/--target, --target, --tsv, --xliff, --tmx or --tm");
  if (!source.empty() && target.empty()) return cl.Fail("--source needs --target");
  if (!doc.empty() && tm.empty()) return cl.Fail("--doc needs --tm");

  Glossary glossary;
  if (Status s = LoadGlossaryFiles(glossaries, &glossary); !s.ok()) return cl.Fail(s);
  std::vector<CheckUnit> units;
  Status s;
  if (!source.empty()) {
    s = UnitsFromAlignedFiles(source, target, &glossary, cl.read_options(), &units);
  } else if (!target.empty()) {
    s = UnitsFromTargetFile(target, cl.read_options(), &units);
  } else if (!tsv.empty()) {
    s = UnitsFromTsvFile(tsv, &units);
  } else if (!xliff.empty()) {
    s = UnitsFromXliffFile(xliff, &units);
  } else if (!tmx.empty()) {
    s = UnitsFromTmxFile(tmx, &units);
  } else {
    s = UnitsFromTm(tm, doc, &units);
  }
  if (!s.ok()) return cl.Fail(s);

  TermMatcher matcher(glossary);
  const std::vector<Finding> findings = CheckUnits(matcher, units);
  size_t errors = 0, warnings = 0;
  for (const Finding& f : findings) (f.is_warning() ? warnings : errors)++;
  if (cl.json()) {
    std::fputs(FormatFindingsJson(findings).c_str(), stdout);
  } else {
    std::fputs(FormatFindingsText(findings, cl.UseColor()).c_str(), stdout);
    std::fprintf(stderr, "tmalign check: %zu units, %zu errors, %zu warnings\n", units.size(), errors,
                 warnings);
  }
  if (errors > 0 || (warnings > 0 && cl.Has("strict"))) return kExitFindings;
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("check", "check a translation against glossaries (terminology QA)", RunCheck);

}  // namespace tmalign::cli
