// tmalign export: the translation memory as TMX 1.4b or TSV.
#include <cstdio>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/output_file.h"
#include "cli/tm_cli.h"
#include "tm/tm_export.h"

namespace tmalign::cli {
namespace {

namespace po = boost::program_options;

const char* kUsage =
    "usage: tmalign export --format tmx|tsv [-o FILE] [--doc ID] [--tm FILE]\n"
    "TMX keeps document, position, sentence ids, confidence and dates as <prop>s and inline\n"
    "markup, so export -> import -> export is lossless. -o is written to a temporary file and renamed.";

int RunExport(const std::vector<std::string>& args) {
  CommandLine cl("export", kUsage);
  cl.Add()("format", po::value<std::string>()->value_name("tmx|tsv"), "output format (required)");
  cl.AddOutput("output file (default: standard output)");
  cl.Add()("doc", po::value<std::string>()->value_name("ID"), "only this document");
  cl.AddTm();
  if (int rc = cl.Parse(args); rc >= 0) return rc;
  if (!cl.Has("format")) return cl.Fail("--format tmx|tsv is required");
  TmExportOptions options;
  const std::string format = cl.Get<std::string>("format");
  if (format == "tmx") {
    options.format = TmExportFormat::kTmx;
  } else if (format == "tsv") {
    options.format = TmExportFormat::kTsv;
  } else {
    return cl.Fail("unknown --format '" + format + "' (tmx or tsv)");
  }
  if (cl.Has("doc")) options.doc_id = cl.Get<std::string>("doc");
  std::unique_ptr<TranslationMemory> tm;
  Status s = OpenTmForReading(cl, &tm);
  if (!s.ok()) return cl.Fail(s);
  if (!options.doc_id.empty()) {
    TmDocument doc;
    if (s = tm->RequireDocument(options.doc_id, &doc); !s.ok()) return cl.Fail(s);
  }
  // Streamed into the output file, which is renamed into place only when complete.
  OutputFile out(cl.output());
  if (s = out.Open(); !s.ok()) return cl.Fail(s);
  int64_t units = 0;
  s = ExportTm(tm.get(), options, out.stream(), &units);
  if (!s.ok()) return cl.Fail(out.name() + ": " + s.message());
  if (s = out.Commit(); !s.ok()) return cl.Fail(s);
  if (!out.is_stdout())
    std::fprintf(stderr, "%s: %lld units\n", out.name().c_str(), static_cast<long long>(units));
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("export", "export the translation memory as TMX or TSV", RunExport);

}  // namespace tmalign::cli
