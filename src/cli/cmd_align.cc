// tmalign align SRC TGT: sentence-align a Chinese text and its English
// translation; print the beads and/or store them in the translation memory.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "align/document_alignment.h"
#include "cli/align_folder.h"
#include "cli/align_job.h"
#include "cli/alignment_output.h"
#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/interrupt.h"
#include "cli/one_line.h"
#include "cli/output_file.h"
#include "dict/lexicon_loader.h"
#include "terms/glossary_files.h"
#include "terms/glossary_terms.h"
#include "tm/alignment_units.h"
#include "tm/tmx_writer.h"
#include "tm/translation_memory.h"

namespace tmalign::cli {

Status LoadDictionary(const AlignJob& job, std::unique_ptr<BilingualLexicon>* lexicon) {
  TMALIGN_RETURN_IF_ERROR(LoadLexicon(job.dict, job.lexicon_path, lexicon));
  if (!job.glossaries.empty()) {
    Glossary glossary;
    TMALIGN_RETURN_IF_ERROR(LoadGlossaryFiles(job.glossaries, &glossary));
    AddGlossaryTerms(glossary, lexicon->get());
  }
  return Status::Ok();
}

namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

const char* kUsage =
    "usage: tmalign align SRC TGT [options]\n"
    "       tmalign align ZH_DIR EN_DIR (--tm FILE | -o OUT_DIR) [--jobs N] [--pairs FILE] [--force] "
    "[options]\n\n"
    "Splits SRC and TGT (text files or documents: DOCX, ODT, HTML, PDF; one Chinese, one\n"
    "English, detected from the text) into sentences, pairs them into beads (1-1, 1-2, 2-1,\n"
    "1-0 ... up to 6 a side, 12 for 1-n lists) and prints the beads, or stores them in a\n"
    "translation memory. Given two folders, aligns every pair of files whose names match once\n"
    "a language tag is dropped (bulletin-07.zh.docx with bulletin-07_en.pdf), one document\n"
    "each (id = that name), in parallel: one line a pair; unchanged pairs already in the TM\n"
    "are skipped; with -o, OUT_DIR/<id>.align (.tsv, .json, .tmx by --format).";

const char* kExamples =
    "examples:\n"
    "  tmalign align zh.txt en.txt --tm tm.sqlite --doc bulletin-07 --glossary glossary/blockchain.tsv\n"
    "  tmalign align --presplit zh.split en.split > test.align\n"
    "  tmalign align zh.txt en.txt --format tsv -o pairs.tsv\n"
    "  tmalign align issues/zh issues/en --tm tm.sqlite           # a back catalogue, one document a pair\n"
    "  tmalign align --presplit mac-dev/zh mac-dev/en -o out/ && tmalign eval mac-dev/gold out/\n";

// Default document id: the folder both files share ("pujiang-2021-bulletin-07"), else SRC's name.
std::string DefaultDocId(const std::string& src, const std::string& tgt) {
  fs::path s = fs::absolute(src).lexically_normal(), t = fs::absolute(tgt).lexically_normal();
  if (s.parent_path() == t.parent_path() && s.parent_path().has_filename())
    return s.parent_path().filename().string();
  return s.stem().string();
}

// The options of align, bound to the fields of `job`.
void DeclareAlignOptions(CommandLine* cl, AlignJob* job) {
  DocumentAlignmentOptions& options = job->options;
  cl->Add()("presplit", "inputs are already one sentence per line; line i is sentence i")(
      "format,f", po::value(&job->format)->default_value("beads"), "beads | tsv | json | tmx");
  cl->AddOutput("write to FILE instead of standard output (-: standard output); for folders, OUT_DIR",
                /*check_on_parse=*/false);
  cl->AddTm("store the alignment in this SQLite TM (default with --doc: $TMALIGN_TM or ./tm.sqlite)");
  cl->Add()("doc", po::value(&job->doc_id),
            "document id in the TM (default: the folder of the inputs); re-aligning replaces it")(
      "title", po::value(&job->title), "document title stored in the TM")(
      "src-lang", po::value(&job->src_lang), "language of SRC: zh or en (default: detect)")(
      "tgt-lang", po::value(&job->tgt_lang), "language of TGT: zh or en (default: detect)")(
      "encoding,e", po::value(&options.read.encoding)->default_value("auto"),
      "input encoding: auto, utf-8, utf-16, gb18030, big5 ...");
  cl->AddDocumentOptions();
  cl->AddGlossary("glossary (.tsv, .csv, .tbx) whose terms count as translation evidence; repeatable");
  cl->Add()("dict", po::value(&job->dict),
            "CC-CEDICT file (default: $TMALIGN_DICT or ~/.cache/tmalign/cedict_ts.u8)")(
      "lexicon", po::value(&job->lexicon_path),
      "word-frequency list for segmentation, jieba format (default: Debian's python3-jieba dict.txt; 'none' "
      "to disable)")("verbose,v", "report languages, encodings, counts and timings on stderr")(
      "jobs,j", po::value(&job->jobs)->default_value(0), "folders: pairs aligned at once (0: all cores)")(
      "pairs", po::value(&job->pairs_file), "folders: TSV of ZH_PATH, EN_PATH, ID for names that don't pair")(
      "force", "folders: re-align pairs the TM already holds unchanged")(
      "no-realign",
      "skip the realign pass (word pairs learned from the confident beads, the search again "
      "near the doubtful ones): about a fifth faster on long documents, slightly less accurate");
  cl->AddHidden()("src", po::value(&job->src))("tgt", po::value(&job->tgt));  // the positional arguments
  cl->Positional("src", 1);
  cl->Positional("tgt", 1);
}

// Completes `job` from the parsed command line and checks it, the TM's folder included, before any work.
// Returns -1 to go on, else the exit code.
int CheckAlignOptions(const CommandLine& cl, AlignJob* job) {
  DocumentAlignmentOptions& options = job->options;
  if (!cl.Has("src") || !cl.Has("tgt")) return cl.Fail("needs SRC and TGT (see tmalign align --help)");
  const std::string& format = job->format;
  if (!IsAlignmentFormat(format)) {
    return cl.Fail("unknown --format '" + format + "' (beads, tsv, json or tmx)");
  }
  job->format_given = !cl.vm()["format"].defaulted();
  std::error_code ec;
  const bool src_dir = fs::is_directory(job->src, ec), tgt_dir = fs::is_directory(job->tgt, ec);
  if (src_dir != tgt_dir) return cl.Fail("give two files or two folders (ZH_DIR EN_DIR), not one of each");
  job->folders = src_dir;
  job->force = cl.Has("force");
  if (!job->folders && (cl.Has("pairs") || cl.Has("force") || !cl.vm()["jobs"].defaulted())) {
    return cl.Fail("--jobs, --pairs and --force are for aligning two folders");
  }
  if (job->jobs < 0) return cl.Fail("--jobs must be 0 (all cores) or more");
  job->output = cl.output();
  job->glossaries = cl.glossaries();
  job->verbose = cl.Has("verbose");
  options.presplit = cl.Has("presplit");
  options.align.realign = !cl.Has("no-realign");
  options.read.format = cl.read_options().format;
  options.read.notes = cl.read_options().notes;
  for (auto [code, lang] :
       {std::pair{&job->src_lang, &options.src_lang}, std::pair{&job->tgt_lang, &options.tgt_lang}}) {
    if (code->empty()) continue;
    *lang = ParseLanguageCode(*code);
    if (*lang == Language::kUnknown) return cl.Fail("unsupported language '" + *code + "' (zh or en)");
  }
  if (job->folders) {
    if (cl.Has("doc") || cl.Has("title"))
      return cl.Fail("--doc and --title name one document: a folder pair's id is its name");
    job->store = cl.HasTm();
    if (job->store) job->tm_path = cl.TmPath();
    if (!job->store && job->output.empty()) return cl.Fail("aligning folders needs --tm FILE or -o OUT_DIR");
    if (job->store) {
      if (Status st = TranslationMemory::CheckWritable(job->tm_path); !st.ok()) return cl.Fail(st);
    }
    return -1;
  }
  if (Status st = CheckOutputWritable(job->output); !st.ok()) return cl.Fail(st);
  job->store = cl.HasTm() || cl.Has("doc");
  // The files' SHA-256 go into the TM only; beads written to a file do not need them.
  options.read.hash = job->store;
  if (job->store) {
    job->tm_path = cl.TmPath();
    if (job->doc_id.empty()) job->doc_id = DefaultDocId(job->src, job->tgt);
    // Ids appear in one-line messages, TMX props and URLs: no control characters.
    if (std::any_of(job->doc_id.begin(), job->doc_id.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
      return cl.Fail("--doc must not contain control characters (tabs, newlines)");
    }
    // Fail before the work, not after it.
    if (Status st = TranslationMemory::CheckWritable(job->tm_path); !st.ok()) return cl.Fail(st);
  }
  return -1;
}

// Returns -1 to go on, else the exit code (after --help or an error).
int ParseAlignOptions(const std::vector<std::string>& args, CommandLine* cl, AlignJob* job) {
  DeclareAlignOptions(cl, job);
  if (int rc = cl->Parse(args); rc >= 0) return rc;
  return CheckAlignOptions(*cl, job);
}

void ReportVerbose(const AlignJob& job, const AlignedDocument& doc, double dict_secs, double align_secs) {
  for (const AlignedSide* side : {&doc.src, &doc.tgt}) {
    if (!side->note.empty()) std::fprintf(stderr, "tmalign align: %s\n", side->note.c_str());
    const std::string& path = side == &doc.src ? job.src : job.tgt;
    if (side->format == DocumentFormat::kText) {
      std::fprintf(stderr, "tmalign align: %s: %s, %s, %zu sentences\n", path.c_str(),
                   LanguageCode(side->lang), side->encoding.c_str(), side->sentences.size());
    } else {
      std::fprintf(stderr, "tmalign align: %s: %s, %s document, %zu sentences\n", path.c_str(),
                   LanguageCode(side->lang), DocumentFormatName(side->format), side->sentences.size());
    }
  }
  std::fprintf(stderr, "tmalign align: %zu beads; dictionary %.3fs, alignment %.3fs\n", doc.beads.size(),
               dict_secs, align_secs);
}

// The aligner's phase timings on stderr (TMALIGN_PROFILE=1).
void PrintProfile(const AlignProfile& profile) {
  for (const AlignProfile::Phase& phase : profile.phases)
    std::fprintf(stderr, "  %-9s %.3fs (%.3fs CPU)\n", phase.name.c_str(), phase.seconds, phase.cpu_seconds);
  std::fprintf(stderr, "  %zu anchors, %lld band cells\n", profile.anchors,
               static_cast<long long>(profile.band_cells));
  std::fprintf(stderr, "  %d stretches decoded again, %d changed\n", profile.redecode_stretches,
               profile.redecode_changed);
  std::fprintf(stderr, "  anchors' length spread %.2f (RMS length_z), length weight x%.2f\n",
               profile.length_rms_z, profile.length_scale);
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  std::fprintf(stderr, "  allocator GLIBC_TUNABLES=%s\n", tunables != nullptr ? tunables : "(not set)");
}

// Loads the dictionary and the two inputs and aligns them. The dictionary loads on a thread
// of its own while the files are read; its error, if any, is reported first, as when it
// loaded first.
Status AlignInputs(const AlignJob& job, AlignedDocument* doc) {
  std::unique_ptr<BilingualLexicon> lexicon;
  Status dict_status = Status::Ok();
  double dict_secs = 0;
  std::thread loader([&] {
    const auto start = std::chrono::steady_clock::now();
    dict_status = LoadDictionary(job, &lexicon);
    dict_secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  });
  AlignInput input;
  const auto t0 = std::chrono::steady_clock::now();
  const Status read_status = ReadDocumentFiles(job.src, job.tgt, job.options, doc, &input);
  const double read_secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  loader.join();
  TMALIGN_RETURN_IF_ERROR(dict_status);
  TMALIGN_RETURN_IF_ERROR(read_status);
  auto t1 = std::chrono::steady_clock::now();
  TMALIGN_RETURN_IF_ERROR(AlignReadDocument(input, *lexicon, job.options, doc));
  auto t2 = std::chrono::steady_clock::now();
  if (const char* env = std::getenv("TMALIGN_PROFILE"); env != nullptr && *env != '\0')
    PrintProfile(doc->profile);
  if (job.verbose) {
    ReportVerbose(job, *doc, dict_secs, read_secs + std::chrono::duration<double>(t2 - t1).count());
  }
  return Status::Ok();
}

// Replaces the document --doc in the TM with the beads, in one transaction.
Status StoreInTm(const AlignJob& job, const AlignedDocument& doc) {
  const std::vector<TmUnit> units = TmUnitsOfAlignment(doc);
  std::unique_ptr<TranslationMemory> tm;
  TMALIGN_RETURN_IF_ERROR(TranslationMemory::Open(job.tm_path, &tm));
  tm->RefuseCommitsWhen(InterruptedAtCommit);  // a signal rolls the document back
  TMALIGN_RETURN_IF_ERROR(tm->ReplaceDocument(TmDocumentOfAlignment(doc, job.doc_id, job.title), units));
  std::fprintf(stderr, "tmalign align: stored %zu units of document '%s' in %s\n", units.size(),
               job.doc_id.c_str(), job.tm_path.c_str());
  return Status::Ok();
}

// Writes the beads in --format to -o (standard output without it): all of it, or on error nothing.
Status WriteAlignment(const AlignJob& job, const AlignedDocument& doc) {
  OutputFile out(job.output);
  TMALIGN_RETURN_IF_ERROR(out.Open());
  WriteAlignmentAs(job.format, doc, job.doc_id.empty() ? DefaultDocId(job.src, job.tgt) : job.doc_id,
                   out.stream());
  return out.Commit();
}

int RunAlign(const std::vector<std::string>& args) {
  CommandLine cl("align", kUsage, kExamples);
  AlignJob job;
  if (int rc = ParseAlignOptions(args, &cl, &job); rc >= 0) return rc;
  if (job.folders) return RunAlignFolder(cl, job);
  // With --tm, a signal before the TM write stops at once; during it, the write is rolled back.
  if (job.store) CatchInterrupts("tmalign align: interrupted: nothing was stored\n");
  AlignedDocument doc;
  if (Status st = AlignInputs(job, &doc); !st.ok()) return cl.Fail(st);
  if (job.store) {
    DeferInterrupts defer;
    Status st = StoreInTm(job, doc);
    if (Interrupted()) {
      std::fprintf(
          stderr, "tmalign align: interrupted (%s): %s\n", InterruptName(),
          st.ok()
              ? ("document '" + job.doc_id + "' was stored in " + job.tm_path + "; nothing else was written")
                    .c_str()
              : ("nothing was stored: document '" + job.doc_id + "' in " + job.tm_path + " is as it was")
                    .c_str());
      return InterruptExitCode();
    }
    if (!st.ok()) return cl.Fail(st);
    // Stored: an interruption from here on stops at once, and says so.
    static std::string stored_message;
    stored_message = "tmalign align: interrupted: document '" + job.doc_id + "' was stored in " +
                     job.tm_path + "; the beads were not written\n";
    CatchInterrupts(stored_message.c_str());
    // Storing was the job; print beads only when asked.
    if (!job.format_given && job.output.empty()) return kExitOk;
  }
  if (Status st = WriteAlignment(job, doc); !st.ok()) return cl.Fail(st);
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("align",
                         "align a Chinese text with its English translation (beads, TSV, JSON, TMX, TM)",
                         RunAlign);

}  // namespace tmalign::cli
