// tmalign export: the translation memory as TMX 1.4b or TSV.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/command.h"
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
  po::options_description desc("options");
  desc.add_options()
      ("format", po::value<std::string>()->value_name("tmx|tsv"), "output format (required)")
      ("output,o", po::value<std::string>()->value_name("FILE"), "output file (default: standard output)")
      ("doc", po::value<std::string>()->value_name("ID"), "only this document");
  po::positional_options_description pos;
  po::variables_map vm;
  int rc = ParseTmOptions("export", kUsage, args, desc, pos, &vm);
  if (rc >= 0) return rc;
  if (!vm.count("format")) return TmFail("export", "--format tmx|tsv is required");
  TmExportOptions options;
  const std::string format = vm["format"].as<std::string>();
  if (format == "tmx") {
    options.format = TmExportFormat::kTmx;
  } else if (format == "tsv") {
    options.format = TmExportFormat::kTsv;
  } else {
    return TmFail("export", "unknown --format '" + format + "' (tmx or tsv)");
  }
  if (vm.count("doc")) options.doc_id = vm["doc"].as<std::string>();
  const std::string output = vm.count("output") ? vm["output"].as<std::string>() : "";
  if (!output.empty() && output != "-") {
    Status s = CheckOutputWritable(output);
    if (!s.ok()) return TmFail("export", s.message());
  }
  std::unique_ptr<TranslationMemory> tm;
  Status s = OpenTmFromOptions(vm, true, &tm);
  if (!s.ok()) return TmFail("export", s.message());
  if (!options.doc_id.empty()) {
    TmDocument doc;
    bool found = false;
    s = tm->GetDocument(options.doc_id, &doc, &found);
    if (!s.ok()) return TmFail("export", s.message());
    if (!found) return TmFail("export", tm->path() + ": no document '" + options.doc_id + "'");
  }
  int64_t units = 0;
  if (output.empty() || output == "-") {
    s = ExportTm(tm.get(), options, std::cout, &units);
    std::cout.flush();
    if (!s.ok()) return TmFail("export", "standard output: " + s.message());
    return kExitOk;
  }
  // Streamed into a temporary file beside the output, renamed when complete.
  std::string tmp = output + ".tmp-" + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary);
    if (!out) return TmFail("export", tmp + ": cannot create file");
    s = ExportTm(tm.get(), options, out, &units);
    out.close();
    if (s.ok() && !out) s = Status::IoError("write error");
  }
  std::error_code ec;
  if (!s.ok()) {
    std::filesystem::remove(tmp, ec);
    return TmFail("export", output + ": " + s.message());
  }
  std::filesystem::rename(tmp, output, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return TmFail("export", output + ": cannot rename temporary file: " + ec.message());
  }
  std::fprintf(stderr, "%s: %lld units\n", output.c_str(), static_cast<long long>(units));
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("export", "export the translation memory as TMX or TSV", RunExport);

}  // namespace tmalign::cli
