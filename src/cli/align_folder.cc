#include "cli/align_folder.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <thread>

#include "align/folder_alignment.h"
#include "cli/alignment_output.h"
#include "cli/command.h"
#include "cli/interrupt.h"
#include "cli/output_file.h"
#include "doc/folder_pairs.h"
#include "text/encoding.h"
#include "tm/alignment_units.h"
#include "tm/translation_memory.h"
#include "util/sha256.h"

namespace tmalign::cli {
namespace {

namespace fs = std::filesystem;

// SHA-256 of a file's bytes, as DocumentText::sha256 has it; "" when unreadable (the
// alignment then reports why).
std::string FileSha256(const std::string& path) {
  std::string bytes;
  return ReadFileBytes(path, &bytes).ok() ? Sha256Hex(bytes) : std::string();
}

// One line a pair: id, sentences each side, beads, weak beads, mean confidence.
std::string Summary(const FilePair& pair, const AlignedDocument& doc) {
  size_t weak = 0;
  double sum = 0;
  for (const Bead& b : doc.beads) {
    weak += b.confidence < 0.5;
    sum += b.confidence;
  }
  char line[512];
  std::snprintf(line, sizeof(line), "%s\t%zu zh\t%zu en\t%zu beads\t%zu weak\tmean %.2f", pair.id.c_str(),
                doc.src.sentences.size(), doc.tgt.sentences.size(), doc.beads.size(), weak,
                doc.beads.empty() ? 0.0 : sum / static_cast<double>(doc.beads.size()));
  return line;
}

// "[12/100] id" on a terminal's stderr, overwritten in place.
class Progress {
 public:
  explicit Progress(size_t total) : total_(total), on_(isatty(STDERR_FILENO) == 1 && total > 1) {}
  void Show(size_t done, const std::string& id) {
    if (on_) std::fprintf(stderr, "\r\033[K[%zu/%zu] %s", done, total_, id.c_str());
  }
  void Clear() {
    if (on_) std::fprintf(stderr, "\r\033[K");
  }

 private:
  size_t total_;
  bool on_;
};

// The pairs to align: by name, or from --pairs; unpaired files are reported on stderr.
Status CollectPairs(const AlignJob& job, std::vector<FilePair>* pairs) {
  if (!job.pairs_file.empty()) return ReadPairsFile(job.pairs_file, pairs);
  FolderPairing pairing;
  TMALIGN_RETURN_IF_ERROR(PairFolderFiles(job.src, job.tgt, &pairing));
  for (const std::string& path : pairing.unpaired) {
    std::fprintf(stderr, "tmalign align: unpaired: %s\n", path.c_str());
  }
  *pairs = std::move(pairing.pairs);
  if (pairs->empty()) return Status::InvalidInput(job.src + " and " + job.tgt + ": no files pair by name");
  return Status::Ok();
}

}  // namespace

int RunAlignFolder(const CommandLine& cl, const AlignJob& job) {
  std::vector<FilePair> pairs;
  if (Status s = CollectPairs(job, &pairs); !s.ok()) return cl.Fail(s);

  CatchInterrupts("tmalign align: interrupted: nothing was stored\n");
  std::unique_ptr<TranslationMemory> tm;
  if (job.store) {
    if (Status s = TranslationMemory::Open(job.tm_path, &tm); !s.ok()) return cl.Fail(s);
    tm->RefuseCommitsWhen(InterruptedAtCommit);  // a signal rolls back the document being stored
  }
  if (!job.output.empty()) {
    std::error_code ec;
    fs::create_directories(job.output, ec);
    if (!fs::is_directory(job.output, ec)) return cl.Fail(job.output + ": cannot create the output folder");
  }

  // Pairs the TM holds with the same two files are done already.
  std::vector<FilePair> todo;
  for (const FilePair& p : pairs) {
    if (tm && !job.force) {
      const std::pair<std::string, std::string> h{FileSha256(p.zh_path), FileSha256(p.en_path)};
      TmDocument stored;
      bool found = false;
      if (Status s = tm->GetDocument(p.id, &stored, &found); !s.ok()) return cl.Fail(s);
      if (found && !h.first.empty() && stored.src_sha256 == h.first && stored.tgt_sha256 == h.second) {
        std::printf("%s\tunchanged: skipped (--force aligns it again)\n", p.id.c_str());
        continue;
      }
    }
    todo.push_back(p);
  }

  if (todo.empty()) return kExitOk;  // all unchanged: no dictionary needed
  std::unique_ptr<BilingualLexicon> lexicon;
  if (Status s = LoadDictionary(job, &lexicon); !s.ok()) return cl.Fail(s);
  const int jobs =
      job.jobs > 0 ? job.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::string> failed, kept;
  Progress progress(todo.size());
  // From here a signal stops the run after the pair being stored: the documents stored
  // before it are kept (each is its own transaction) and listed.
  DeferInterrupts defer;
  AlignPairs(
      todo, *lexicon, job.options, jobs,
      [&](size_t i, PairAlignment&& r) {
        const FilePair& p = todo[i];
        if (Interrupted()) return;
        progress.Show(i + 1, p.id);
        Status s = r.status;
        const AlignedDocument& doc = r.document;
        if (s.ok() && doc.src.lang != Language::kZh) {
          s = Status::InvalidInput(p.zh_path + ": reads as English, but it is in the Chinese folder");
        }
        if (s.ok() && tm)
          s = tm->ReplaceDocument(TmDocumentOfAlignment(doc, p.id, ""), TmUnitsOfAlignment(doc));
        if (s.ok() && !job.output.empty()) {
          OutputFile out((fs::path(job.output) / (p.id + AlignmentFileExtension(job.format))).string());
          s = out.Open();
          if (s.ok()) {
            WriteAlignmentAs(job.format, doc, p.id, out.stream());
            s = out.Commit();
          }
        }
        progress.Clear();
        if (Interrupted() && !s.ok()) return;  // its TM commit was refused: not stored
        if (!s.ok()) {
          std::printf("%s\tfailed: %s\n", p.id.c_str(), s.message().c_str());
          failed.push_back(p.id);
        } else {
          std::printf("%s\n", Summary(p, doc).c_str());
          kept.push_back(p.id);
        }
        std::fflush(stdout);
      },
      Interrupted);
  if (Interrupted()) {
    std::string names;
    for (const std::string& id : kept) names += (names.empty() ? "" : ", ") + id;
    std::fprintf(
        stderr,
        "tmalign align: interrupted (%s): %s; %zu of %zu pairs not done (align the folders again for them)\n",
        InterruptName(),
        kept.empty() ? "no document was stored or written"
                     : ("kept the documents done before it: " + names).c_str(),
        todo.size() - kept.size() - failed.size(), todo.size());
    return InterruptExitCode();
  }
  if (!failed.empty()) {
    std::string names;
    for (const std::string& id : failed) names += (names.empty() ? "" : ", ") + id;
    return cl.Fail(std::to_string(failed.size()) + " of " + std::to_string(pairs.size()) +
                   " pairs failed: " + names);
  }
  return kExitOk;
}

}  // namespace tmalign::cli
