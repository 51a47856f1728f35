// tmalign terms extract: bilingual term candidates mined from the TM, as a glossary TSV.
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/output_file.h"
#include "cli/terms_from_tm.h"
#include "cli/tm_cli.h"
#include "dict/lexicon_loader.h"
#include "terms/glossary_files.h"
#include "terms/term_extract.h"
#include "terms/term_usage.h"

namespace tmalign::cli {

namespace po = boost::program_options;

int TermsExtract(const std::vector<std::string>& args) {
  std::string doc, dict, lexicon_path;
  int min_count = 3;
  size_t top = 0;
  CommandLine cl(
      "terms",
      "usage: tmalign terms extract --tm TM [--doc ID] [--glossary G ...] [--min-count 3] [--top N]\n"
      "                             [-o FILE]\n\n"
      "Bilingual term candidates mined from the TM: recurring Chinese domain terms (words and\n"
      "phrases the TM uses far more often than general language does) with their English\n"
      "renderings, scored by Dice across units, best first, as a glossary TSV (zh, en, variants,\n"
      "forbidden, case, note; the note holds score, units and documents) that check loads as it\n"
      "is. Pairs the given glossaries already hold are left out.");
  cl.AddTm();
  cl.Add()("doc", po::value(&doc), "only the units of this document");
  cl.AddGlossary("glossary (.tsv, .csv, .tbx) whose pairs are left out; repeatable");
  cl.Add()("min-count", po::value(&min_count)->default_value(3),
           "units a term (and its rendering) must recur in")("top", po::value(&top)->default_value(0),
                                                             "keep only the best N (0: all)");
  cl.Add()("dict", po::value(&dict),
           "CC-CEDICT file (default: $TMALIGN_DICT or ~/.cache/tmalign/cedict_ts.u8)")(
      "lexicon", po::value(&lexicon_path),
      "word-frequency list for segmentation, jieba format ('none' to disable)");
  cl.AddOutput("TSV to write (default: stdout)");
  if (int rc = cl.Parse(args); rc >= 0) return rc;
  if (min_count < 1) return cl.Fail("--min-count must be at least 1");

  Glossary glossary;
  for (const auto& path : cl.glossaries()) {
    Status s = LoadGlossaryFile(path, &glossary);
    if (!s.ok()) return cl.Fail(s);
  }
  std::unique_ptr<TranslationMemory> tm;
  std::unique_ptr<TmSnapshot> snapshot;
  Status s = OpenTmSnapshot(cl, doc, &tm, &snapshot);
  if (!s.ok()) return cl.Fail(s);
  std::unique_ptr<BilingualLexicon> lexicon;
  s = LoadLexicon(dict, lexicon_path, &lexicon);
  if (!s.ok()) return cl.Fail(s);

  // Pass 1: the Chinese candidates.
  TermMiner miner(*lexicon, min_count);
  size_t units = 0;
  s = tm->ForEachUnitText(doc, [&](const TmUnitText& u) {
    ++units;
    miner.AddSource(u.source);
    return true;
  });
  if (!s.ok()) return cl.Fail(s);
  if (units == 0) return cl.Fail(tm->path() + ": the TM has no units");
  const std::vector<std::string> candidates = miner.Candidates();

  // Passes 2 and 3: their renderings (no glossary: every rendering is found from the units).
  TermUsageCollector collector(candidates, nullptr, lexicon.get());
  s = tm->ForEachUnitText(doc, [&](const TmUnitText& u) {
    collector.AddUnit(u.doc_id, u.position, u.source, u.target);
    return true;
  });
  if (s.ok() && collector.needs_counts()) {
    s = tm->ForEachUnitText(doc, [&](const TmUnitText& u) {
      collector.CountUnit(u.target);
      return true;
    });
  }
  if (!s.ok()) return cl.Fail(s);
  const std::vector<ExtractedTerm> terms = RankExtractedTerms(collector.Finish(), glossary, min_count, top);
  s = WriteOutput(cl.output(), ExtractedTermsTsv(terms));
  if (!s.ok()) return cl.Fail(s);
  std::fprintf(stderr, "tmalign terms: %zu candidates from %zu units\n", terms.size(), units);
  return kExitOk;
}

}  // namespace tmalign::cli
