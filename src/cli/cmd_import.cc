// tmalign import: TMX, XLIFF or TSV files, or a pair of parallel text files, into the
// translation memory, one transaction per file (per pair).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/interrupt.h"
#include "cli/tm_cli.h"
#include "tm/new_tm_file.h"
#include "tm/tm_import.h"

namespace tmalign::cli {
namespace {

namespace po = boost::program_options;

const char* kUsage =
    "usage: tmalign import FILE.tmx|FILE.xlf|FILE.tsv [FILE ...] [--tm FILE] [--doc ID]\n"
    "       tmalign import --parallel ZH_FILE EN_FILE [--tm FILE] [--doc ID]\n"
    "TMX 1.4b (streamed; zh*/en* variants, other languages skipped and counted), XLIFF 1.2 or\n"
    "2.0 (streamed; segments whose target state is translated, final, signed-off or reviewed,\n"
    "or 1.2 approved=\"yes\"; the others skipped and counted), or TSV (source<TAB>target a\n"
    "line). --parallel: plain parallel text (Moses/OPUS), line i of ZH_FILE with line i of\n"
    "EN_FILE; files of different line counts are an error; a line pair blank on one side is\n"
    "skipped and counted, blank on both sides skipped. Each file (pair) is one transaction: on\n"
    "any error nothing of it is stored. Units go to the document named by their x-tmalign-doc\n"
    "prop, else --doc, else the (Chinese) file name without extension; a document imported\n"
    "again is replaced.";

// The summary line's tail for units not stored ("" when none).
std::string SkippedText(const TmImportSummary& summary) {
  if (summary.skipped == 0) return "";
  std::string text = "; skipped " + std::to_string(summary.skipped) + " units ";
  const bool languages = !summary.skipped_languages.empty();
  text += languages ? "not in zh+en (" : "(";
  bool first = true;
  for (const auto& map : {summary.skipped_languages, summary.skipped_states}) {
    for (const auto& [why, n] : map) {
      text += (first ? "" : ", ") + why + ": " + std::to_string(n);
      first = false;
    }
  }
  return text + ")";
}

int RunImport(const std::vector<std::string>& args) {
  CommandLine cl("import", kUsage);
  cl.Add()("file", po::value<std::vector<std::string>>(), "TMX, XLIFF or TSV file")(
      "doc", po::value<std::string>()->value_name("ID"), "document for units without an x-tmalign-doc prop")(
      "parallel", "the two files are parallel text: ZH_FILE EN_FILE, line i with line i");
  cl.Positional("file", -1);
  cl.AddTm();
  if (int rc = cl.Parse(args); rc >= 0) return rc;
  if (!cl.Has("file")) return cl.Fail("no file given (see tmalign import --help)");
  const std::vector<std::string> files = cl.Get<std::vector<std::string>>("file");
  const bool parallel = cl.Has("parallel");
  if (parallel && files.size() != 2) {
    return cl.Fail("--parallel takes exactly two files, ZH_FILE EN_FILE (got " +
                   std::to_string(files.size()) + ")");
  }
  CatchInterrupts("tmalign import: interrupted: nothing was imported\n");
  // A TM that does not exist yet is built whole by the first file, in a temporary file that
  // appears at the TM's path when complete (tm/new_tm_file.h); later files go into it as
  // into any TM.
  const std::string tm_path = cl.TmPath();
  std::error_code ec;
  const bool tm_exists =
      std::filesystem::symlink_status(tm_path, ec).type() != std::filesystem::file_type::not_found;
  std::unique_ptr<NewTmFile> fresh;
  std::unique_ptr<TranslationMemory> tm;
  Status s = tm_exists ? OpenTmFromOptions(cl, false, &tm) : NewTmFile::Create(tm_path, &fresh);
  if (!s.ok()) return cl.Fail(s);
  // From here a signal stops the import at its next check; the file being imported is rolled back.
  DeferInterrupts defer;
  (fresh ? fresh->tm() : tm.get())->RefuseCommitsWhen(InterruptedAtCommit);
  std::vector<std::string> imported;

  const bool tty = isatty(STDERR_FILENO) == 1;
  for (const std::string& path : parallel ? std::vector<std::string>{files[0]} : files) {
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
    auto import_into = [&](TranslationMemory* into) {
      summary = TmImportSummary();
      return parallel ? ImportParallelFiles(into, files[0], files[1], options, &summary)
                      : ImportTmFile(into, path, options, &summary);
    };
    s = import_into(fresh ? fresh->tm() : tm.get());
    if (s.ok() && fresh) {
      bool published = false;
      s = fresh->Publish(&published);
      fresh.reset();
      if (s.ok()) s = OpenTmFromOptions(cl, false, &tm);
      if (s.ok()) tm->RefuseCommitsWhen(InterruptedAtCommit);
      // Another process created the TM meanwhile: this file goes into that one.
      if (s.ok() && !published) {
        s = Interrupted() ? Status::IoError(path + ": import stopped") : import_into(tm.get());
      }
    }
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
    if (!s.ok())
      return cl.Fail(s.message() + (parallel ? " (nothing imported)" : " (nothing imported from this file)"));
    imported.push_back(path);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const std::string name = parallel ? files[0] + " + " + files[1] : path;
    std::printf("%s: imported %lld units (%lld new pairs) into %zu document(s) in %.2f s (%.0f units/s)%s\n",
                name.c_str(), static_cast<long long>(summary.units),
                static_cast<long long>(summary.new_pairs), summary.documents.size(), secs,
                secs > 0 ? static_cast<double>(summary.units) / secs : 0.0, SkippedText(summary).c_str());
  }
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("import", "import TMX, XLIFF, TSV or parallel text into the translation memory",
                         RunImport);

}  // namespace tmalign::cli
