// tmalign check: terminology QA of a translation against one or more glossaries.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "check/checker.h"
#include "check/finding_format.h"
#include "terms/glossary_files.h"
#include "check/unit_sources.h"

namespace tmalign::cli {

namespace {

namespace po = boost::program_options;

int Fail(const std::string& message) {
  std::fprintf(stderr, "tmalign check: %s\n", message.c_str());
  return kExitError;
}

int RunCheck(const std::vector<std::string>& args) {
  po::options_description desc(
      "usage: tmalign check --glossary FILE [--glossary FILE ...] INPUT [options]\n\n"
      "Checks a translation against glossaries (TSV, CSV or TBX) and reports, at the target's\n"
      "file:line:column, each missing approved rendering, forbidden (deprecated) rendering,\n"
      "wrong case, and (as a warning) each term rendered two accepted ways in one document.\n\n"
      "INPUT is one of:\n"
      "  --source ZH --target EN   align the two files and check each bead\n"
      "  --target EN               English alone: forbidden renderings and wrong case only\n"
      "  --tsv FILE                one unit a line: source TAB target, no header\n"
      "  --xliff FILE              XLIFF 1.2 or 2.0 source/target per unit\n"
      "  --tmx FILE                TMX, zh and en variants of each <tu>\n"
      "  --tm FILE [--doc ID]      audit a translation memory (or one document of it)\n\n"
      "Exit status: 0 no errors, 1 errors found (or warnings with --strict), 2 usage or input error.\n\n"
      "options");
  std::vector<std::string> glossaries;
  std::string source, target, tsv, xliff, tmx, tm, doc, color = "auto";
  desc.add_options()
      ("help,h", "show this help")
      ("glossary,g", po::value(&glossaries), "glossary file (.tsv, .csv, .tbx); repeatable")
      ("source", po::value(&source), "Chinese source file (plain text)")
      ("target", po::value(&target), "English target file (plain text)")
      ("tsv", po::value(&tsv), "tab-separated source/target units")
      ("xliff", po::value(&xliff), "XLIFF 1.2 or 2.0 file")
      ("tmx", po::value(&tmx), "TMX file")
      ("tm", po::value(&tm), "translation memory database")
      ("doc", po::value(&doc), "with --tm: only this document")
      ("json", "print findings as one JSON array")
      ("color", po::value(&color), "auto|always|never (auto: colour when stdout is a terminal)")
      ("strict", "exit 1 on warnings (inconsistent renderings) too");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(desc).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return Fail(std::string(e.what()) + " (see tmalign check --help)");
  }
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return kExitOk;
  }
  if (glossaries.empty()) return Fail("at least one --glossary is required");
  const int inputs = (!target.empty() || !source.empty()) + !tsv.empty() + !xliff.empty() + !tmx.empty() + !tm.empty();
  if (inputs != 1) return Fail("give exactly one input: --source/--target, --target, --tsv, --xliff, --tmx or --tm");
  if (!source.empty() && target.empty()) return Fail("--source needs --target");
  if (!doc.empty() && tm.empty()) return Fail("--doc needs --tm");
  if (color != "auto" && color != "always" && color != "never") return Fail("--color must be auto, always or never");

  Glossary glossary;
  if (Status s = LoadGlossaryFiles(glossaries, &glossary); !s.ok()) return Fail(s.message());
  std::vector<CheckUnit> units;
  Status s;
  if (!source.empty()) {
    s = UnitsFromAlignedFiles(source, target, &glossary, &units);
  } else if (!target.empty()) {
    s = UnitsFromTargetFile(target, &units);
  } else if (!tsv.empty()) {
    s = UnitsFromTsvFile(tsv, &units);
  } else if (!xliff.empty()) {
    s = UnitsFromXliffFile(xliff, &units);
  } else if (!tmx.empty()) {
    s = UnitsFromTmxFile(tmx, &units);
  } else {
    s = UnitsFromTm(tm, doc, &units);
  }
  if (!s.ok()) return Fail(s.message());

  TermMatcher matcher(glossary);
  const std::vector<Finding> findings = CheckUnits(matcher, units);
  size_t errors = 0, warnings = 0;
  for (const Finding& f : findings) (f.is_warning() ? warnings : errors)++;
  if (vm.count("json")) {
    std::fputs(FormatFindingsJson(findings).c_str(), stdout);
  } else {
    const bool use_color = color == "always" || (color == "auto" && isatty(STDOUT_FILENO));
    std::fputs(FormatFindingsText(findings, use_color).c_str(), stdout);
    std::fprintf(stderr, "tmalign check: %zu units, %zu errors, %zu warnings\n", units.size(), errors, warnings);
  }
  if (errors > 0 || (warnings > 0 && vm.count("strict"))) return kExitFindings;
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("check", "check a translation against glossaries (terminology QA)", RunCheck);

}  // namespace tmalign::cli
