// tmalign import: TMX or TSV files into the translation memory, one transaction per file.
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/interrupt.h"
#include "cli/tm_cli.h"
#include "tm/tm_import.h"

namespace tmalign::cli {
namespace {

namespace po = boost::program_options;

const char* kUsage =
    "usage: tmalign import FILE.tmx|FILE.tsv [FILE ...] [--tm FILE] [--doc ID]\n"
    "TMX 1.4b (streamed; zh*/en* variants, other languages skipped and counted) or TSV\n"
    "(source<TAB>target a line). Each file is one transaction: on any error nothing of it is\n"
    "stored. Units go to the document named by their x-tmalign-doc prop, else --doc, else the\n"
    "file name without extension; a document imported again is replaced.";

int RunImport(const std::vector<std::string>& args) {
  CommandLine cl("import", kUsage);
  cl.Add()("file", po::value<std::vector<std::string>>(), "TMX or TSV file")(
      "doc", po::value<std::string>()->value_name("ID"), "document for units without an x-tmalign-doc prop");
  cl.Positional("file", -1);
  cl.AddTm();
  if (int rc = cl.Parse(args); rc >= 0) return rc;
  if (!cl.Has("file")) return cl.Fail("no file given (see tmalign import --help)");
  CatchInterrupts("tmalign import: interrupted: nothing was imported\n");
  std::unique_ptr<TranslationMemory> tm;
  Status s = OpenTmFromOptions(cl, false, &tm);
  if (!s.ok()) return cl.Fail(s);
  // From here a signal stops the import at its next check; the file being imported is rolled back.
  DeferInterrupts defer;
  tm->RefuseCommitsWhen(InterruptedAtCommit);
  std::vector<std::string> imported;

  const bool tty = isatty(STDERR_FILENO) == 1;
  for (const std::string& path : cl.Get<std::vector<std::string>>("file")) {
    TmImportOptions options;
    if (cl.Has("doc")) options.doc_id = cl.Get<std::string>("doc");
    options.stop = [] {
      PauseForTest("import");
      return Interrupted();
    };
    auto start = std::chrono::steady_clock::now();
    if (tty) {
      options.progress = [&](int64_t units) {
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::fprintf(stderr, "\r%s: %lld units, %.0f units/s ", path.c_str(), static_cast<long long>(units),
                     secs > 0 ? static_cast<double>(units) / secs : 0.0);
      };
    }
    TmImportSummary summary;
    s = ImportTmFile(tm.get(), path, options, &summary);
    if (tty) std::fprintf(stderr, "\r\033[K");
    if (Interrupted()) {
      std::string kept;
      for (const std::string& done : imported) kept += (kept.empty() ? "" : ", ") + done;
      if (s.ok()) kept += (kept.empty() ? "" : ", ") + path;
      std::fprintf(
          stderr, "tmalign import: interrupted (%s): %s%s\n", InterruptName(),
          s.ok() ? "" : ("nothing of " + path + " was imported; ").c_str(),
          kept.empty() ? "the TM is as it was" : ("kept the files imported before: " + kept).c_str());
      return InterruptExitCode();
    }
    if (!s.ok()) return cl.Fail(s.message() + " (nothing imported from this file)");
    imported.push_back(path);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s: imported %lld units (%lld new pairs) into %zu document(s) in %.2f s (%.0f units/s)",
                path.c_str(), static_cast<long long>(summary.units),
                static_cast<long long>(summary.new_pairs), summary.documents.size(), secs,
                secs > 0 ? static_cast<double>(summary.units) / secs : 0.0);
    if (summary.skipped > 0) {
      std::printf("; skipped %lld units not in zh+en (", static_cast<long long>(summary.skipped));
      bool first = true;
      for (const auto& [langs, n] : summary.skipped_languages) {
        std::printf("%s%s: %lld", first ? "" : ", ", langs.c_str(), static_cast<long long>(n));
        first = false;
      }
      std::printf(")");
    }
    std::printf("\n");
  }
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("import", "import TMX or TSV files into the translation memory", RunImport);

}  // namespace tmalign::cli
