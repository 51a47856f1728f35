// tmalign terms: glossary import, export and lookup.
#include <boost/program_options.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/command.h"
#include "terms/glossary_files.h"
#include "terms/lookup.h"
#include "terms/tbx.h"
#include "terms/term_matcher.h"

namespace tmalign::cli {

namespace {

namespace po = boost::program_options;

int Fail(const std::string& message) {
  std::fprintf(stderr, "tmalign terms: %s\n", message.c_str());
  return kExitError;
}

const char* kTermsUsage =
    "usage: tmalign terms import FILE.tbx|.tsv|.csv [-o glossary.tsv]\n"
    "       tmalign terms export --glossary FILE [--glossary FILE ...] --format tbx|tsv [-o FILE]\n"
    "       tmalign terms lookup TEXT --glossary FILE [--glossary FILE ...] [--json]\n";

// Parses args; returns -1 to continue, or an exit code (help shown or error).
int Parse(const std::vector<std::string>& args, po::options_description& desc,
          const po::positional_options_description& pos, po::variables_map* vm) {
  desc.add_options()("help,h", "show this help");
  try {
    po::store(po::command_line_parser(args).options(desc).positional(pos).run(), *vm);
    po::notify(*vm);
  } catch (const po::error& e) {
    return Fail(std::string(e.what()) + " (see tmalign terms --help)");
  }
  if (vm->count("help")) {
    std::cout << desc << "\n";
    return kExitOk;
  }
  return -1;
}

Status WriteOutput(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return Status::Ok();
  }
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) return Status::IoError(path + ": cannot write file");
  return Status::Ok();
}

int Import(const std::vector<std::string>& args) {
  std::string input, output;
  po::options_description desc(
      "usage: tmalign terms import FILE [-o OUT.tsv]\n\n"
      "Converts a TBX (TBX-Basic / TBX v3: preferred -> en, admitted -> variants,\n"
      "deprecated/superseded -> forbidden), CSV or TSV glossary to tmalign's TSV.\n\noptions");
  desc.add_options()("input", po::value(&input), "glossary to read")("output,o", po::value(&output),
                                                                      "TSV to write (default: stdout)");
  po::positional_options_description pos;
  pos.add("input", 1);
  po::variables_map vm;
  if (int rc = Parse(args, desc, pos, &vm); rc >= 0) return rc;
  if (input.empty()) return Fail("import needs a FILE");
  Glossary g;
  Status s = LoadGlossaryFile(input, &g);
  if (s.ok()) s = WriteOutput(output, g.ToTsv());
  if (!s.ok()) return Fail(s.message());
  std::fprintf(stderr, "tmalign terms: imported %zu entries\n", g.entries().size());
  return kExitOk;
}

int Export(const std::vector<std::string>& args) {
  std::vector<std::string> glossaries;
  std::string format, output;
  po::options_description desc(
      "usage: tmalign terms export --glossary FILE [--glossary FILE ...] --format tbx|tsv [-o FILE]\n\n"
      "Writes the glossaries as TBX-Basic (readable by translate-toolkit and CAT tools) or TSV.\n\noptions");
  desc.add_options()("glossary,g", po::value(&glossaries), "glossary to export (.tsv, .csv, .tbx); repeatable")(
      "format", po::value(&format), "tbx or tsv")("output,o", po::value(&output), "file to write (default: stdout)");
  po::variables_map vm;
  if (int rc = Parse(args, desc, {}, &vm); rc >= 0) return rc;
  if (glossaries.empty()) return Fail("export needs --glossary");
  if (format != "tbx" && format != "tsv") return Fail("--format must be tbx or tsv");
  Glossary g;
  for (const auto& path : glossaries) {
    Status s = LoadGlossaryFile(path, &g);
    if (!s.ok()) return Fail(s.message());
  }
  Status s = WriteOutput(output, format == "tbx" ? GlossaryToTbx(g) : g.ToTsv());
  if (!s.ok()) return Fail(s.message());
  return kExitOk;
}

int Lookup(const std::vector<std::string>& args) {
  std::vector<std::string> glossaries;
  std::string text;
  po::options_description desc(
      "usage: tmalign terms lookup TEXT --glossary FILE [--glossary FILE ...] [--json]\n\n"
      "Prints the entries whose zh or English renderings contain TEXT, or that occur in TEXT.\n"
      "Exit status: 0 entries found, 1 none, 2 error.\n\noptions");
  desc.add_options()("text", po::value(&text), "Chinese or English text")(
      "glossary,g", po::value(&glossaries), "glossary (.tsv, .csv, .tbx); repeatable")("json", "print a JSON array");
  po::positional_options_description pos;
  pos.add("text", 1);
  po::variables_map vm;
  if (int rc = Parse(args, desc, pos, &vm); rc >= 0) return rc;
  if (text.empty()) return Fail("lookup needs TEXT");
  if (glossaries.empty()) return Fail("lookup needs --glossary");
  Glossary g;
  for (const auto& path : glossaries) {
    Status s = LoadGlossaryFile(path, &g);
    if (!s.ok()) return Fail(s.message());
  }
  TermMatcher matcher(g);
  const std::vector<size_t> hits = LookupTerms(matcher, text);
  auto join = [](const std::vector<std::string>& v) {
    std::string r;
    for (size_t i = 0; i < v.size(); ++i) r += (i ? "|" : "") + v[i];
    return r;
  };
  if (vm.count("json")) {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (size_t i : hits) {
      const TermEntry& e = g.entries()[i];
      arr.push_back({{"zh", e.zh}, {"en", e.en}, {"variants", e.variants}, {"forbidden", e.forbidden},
                     {"case", e.case_sensitive}, {"note", e.note}, {"file", e.file}, {"line", e.line}});
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
  return Fail("unknown subcommand '" + args[0] + "' (import, export, lookup)");
}

}  // namespace

TMALIGN_REGISTER_COMMAND("terms", "glossary import (TBX/TSV/CSV), export (TBX/TSV) and lookup", RunTerms);

}  // namespace tmalign::cli
