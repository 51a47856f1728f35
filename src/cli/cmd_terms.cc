// tmalign terms: glossary import, export and lookup.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/fail.h"
#include "cli/output_file.h"
#include "cli/terms_from_tm.h"
#include "terms/glossary_files.h"
#include "terms/lookup.h"
#include "terms/tbx.h"
#include "terms/term_matcher.h"

namespace tmalign::cli {

namespace {

namespace po = boost::program_options;

const char* kTermsUsage =
    "usage: tmalign terms import FILE.tbx|.tsv|.csv [-o glossary.tsv]\n"
    "       tmalign terms export --glossary FILE [--glossary FILE ...] --format tbx|tsv [-o FILE]\n"
    "       tmalign terms lookup TEXT --glossary FILE [--glossary FILE ...] [--json]\n"
    "       tmalign terms usage [ZH ...] --tm TM [--glossary FILE ...] [--doc ID] [--json]\n"
    "       tmalign terms extract --tm TM [--doc ID] [--glossary FILE ...] [--min-count N] [--top N] [-o "
    "FILE]\n";

int Import(const std::vector<std::string>& args) {
  std::string input;
  CommandLine cl("terms",
                 "usage: tmalign terms import FILE [-o OUT.tsv]\n\n"
                 "Converts a TBX (TBX-Basic / TBX v3: preferred -> en, admitted -> variants,\n"
                 "deprecated/superseded -> forbidden), CSV or TSV glossary to tmalign's TSV.");
  cl.Add()("input", po::value(&input), "glossary to read");
  cl.AddOutput("TSV to write (default: stdout)");
  cl.Positional("input", 1);
  if (int rc = cl.Parse(args); rc >= 0) return rc;
  if (input.empty()) return cl.Fail("import needs a FILE");
  Glossary g;
  Status s = LoadGlossaryFile(input, &g);
  if (s.ok()) s = WriteOutput(cl.output(), g.ToTsv());
  if (!s.ok()) return cl.Fail(s);
  std::fprintf(stderr, "tmalign terms: imported %zu entries\n", g.entries().size());
  return kExitOk;
}

int Export(const std::vector<std::string>& args) {
  std::string format;
  CommandLine cl(
      "terms",
      "usage: tmalign terms export --glossary FILE [--glossary FILE ...] --format tbx|tsv [-o FILE]\n\n"
      "Writes the glossaries as TBX-Basic (readable by translate-toolkit and CAT tools) or TSV.");
  cl.AddGlossary("glossary to export (.tsv, .csv, .tbx); repeatable");
  cl.Add()("format", po::value(&format), "tbx or tsv");
  cl.AddOutput("file to write (default: stdout)");
  if (int rc = cl.Parse(args); rc >= 0) return rc;
  if (cl.glossaries().empty()) return cl.Fail("export needs --glossary");
  if (format != "tbx" && format != "tsv") return cl.Fail("--format must be tbx or tsv");
  Glossary g;
  for (const auto& path : cl.glossaries()) {
    Status s = LoadGlossaryFile(path, &g);
    if (!s.ok()) return cl.Fail(s);
  }
  Status s = WriteOutput(cl.output(), format == "tbx" ? GlossaryToTbx(g) : g.ToTsv());
  if (!s.ok()) return cl.Fail(s);
  return kExitOk;
}

int Lookup(const std::vector<std::string>& args) {
  std::string text;
  CommandLine cl("terms",
                 "usage: tmalign terms lookup TEXT --glossary FILE [--glossary FILE ...] [--json]\n\n"
                 "Prints the entries whose zh or English renderings contain TEXT, or that occur in TEXT.\n"
                 "Exit status: 0 entries found, 1 none, 2 error.");
  cl.Add()("text", po::value(&text), "Chinese or English text");
  cl.AddGlossary("glossary (.tsv, .csv, .tbx); repeatable");
  cl.AddJson("print a JSON array");
  cl.Positional("text", 1);
  if (int rc = cl.Parse(args); rc >= 0) return rc;
  if (text.empty()) return cl.Fail("lookup needs TEXT");
  if (cl.glossaries().empty()) return cl.Fail("lookup needs --glossary");
  Glossary g;
  for (const auto& path : cl.glossaries()) {
    Status s = LoadGlossaryFile(path, &g);
    if (!s.ok()) return cl.Fail(s);
  }
  TermMatcher matcher(g);
  const std::vector<size_t> hits = LookupTerms(matcher, text);
  auto join = [](const std::vector<std::string>& v) {
    std::string r;
    for (size_t i = 0; i < v.size(); ++i) r += (i ? "|" : "") + v[i];
    return r;
  };
  if (cl.json()) {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (size_t i : hits) {
      const TermEntry& e = g.entries()[i];
      arr.push_back({{"zh", e.zh},
                     {"en", e.en},
                     {"variants", e.variants},
                     {"forbidden", e.forbidden},
                     {"case", e.case_sensitive},
                     {"note", e.note},
                     {"file", e.file},
                     {"line", e.line}});
    }
    std::cout << arr.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  } else {
    for (size_t i : hits) {
      const TermEntry& e = g.entries()[i];
      std::cout << e.zh << "\t" << e.en;
      if (!e.variants.empty()) std::cout << "\taccepted: " << join(e.variants);
      if (!e.forbidden.empty()) std::cout << "\tforbidden: " << join(e.forbidden);
      if (e.case_sensitive) std::cout << "\t(case-sensitive)";
      if (!e.note.empty()) std::cout << "\tnote: " << e.note;
      std::cout << "\t(" << e.file << ":" << e.line << ")\n";
    }
  }
  return hits.empty() ? kExitFindings : kExitOk;
}

int RunTerms(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::fputs(kTermsUsage, args.empty() ? stderr : stdout);
    if (!args.empty()) std::fputs("\nRun tmalign terms SUBCOMMAND --help for details.\n", stdout);
    return args.empty() ? kExitError : kExitOk;
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "import") return Import(rest);
  if (args[0] == "export") return Export(rest);
  if (args[0] == "lookup") return Lookup(rest);
  if (args[0] == "usage") return TermsUsage(rest);
  if (args[0] == "extract") return TermsExtract(rest);
  return Fail("terms", "unknown subcommand '" + args[0] + "' (import, export, lookup, usage, extract)");
}

}  // namespace

TMALIGN_REGISTER_COMMAND("terms",
                         "glossary import (TBX/TSV/CSV), export (TBX/TSV), lookup, term usage in the TM and "
                         "term extraction from it",
                         RunTerms);

}  // namespace tmalign::cli
