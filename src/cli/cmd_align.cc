// tmalign align SRC TGT: sentence-align a Chinese text and its English
// translation; print the beads and/or store them in the translation memory.
#include <algorithm>
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "align/document_alignment.h"
#include "cli/command.h"
#include "dict/lexicon_loader.h"
#include "terms/glossary_files.h"
#include "terms/glossary_terms.h"
#include "cli/output_file.h"
#include "tm/tmx_writer.h"
#include "tm/alignment_units.h"
#include "tm/translation_memory.h"

namespace tmalign::cli {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

int Fail(const std::string& message) {
  std::fprintf(stderr, "tmalign align: %s\n", message.c_str());
  return kExitError;
}

std::string Ids(const std::vector<int>& ids) {
  std::string out;
  for (size_t k = 0; k < ids.size(); ++k) {
    if (k) out += ',';
    out += std::to_string(ids[k]);
  }
  return out;
}

std::string NoTabs(std::string s) {
  for (char& c : s) if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

std::string Confidence(double c) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(3) << c;
  return out.str();
}

std::string LangTag(Language lang) { return lang == Language::kZh ? "zh-CN" : "en"; }

void Render(const AlignedDocument& doc, const std::string& format, const std::string& doc_id, std::ostream& out) {
  if (format == "beads") {
    for (const Bead& b : doc.beads) out << FormatBead(b) << '\n';
  } else if (format == "tsv") {
    out << "src_ids\ttgt_ids\tconfidence\tsource\ttarget\n";
    for (const Bead& b : doc.beads) {
      out << Ids(b.src) << '\t' << Ids(b.tgt) << '\t' << Confidence(b.confidence) << '\t'
          << NoTabs(JoinSentences(doc.src, b.src)) << '\t' << NoTabs(JoinSentences(doc.tgt, b.tgt)) << '\n';
    }
  } else if (format == "json") {
    nlohmann::ordered_json j;
    j["source"] = {{"file", doc.src.path}, {"lang", LanguageCode(doc.src.lang)}, {"sentences", doc.src.sentences.size()}};
    j["target"] = {{"file", doc.tgt.path}, {"lang", LanguageCode(doc.tgt.lang)}, {"sentences", doc.tgt.sentences.size()}};
    j["beads"] = nlohmann::ordered_json::array();
    for (const Bead& b : doc.beads) {
      j["beads"].push_back({{"src", b.src},
                            {"tgt", b.tgt},
                            {"type", BeadType(b)},
                            {"confidence", std::round(b.confidence * 1000) / 1000},
                            {"source", JoinSentences(doc.src, b.src)},
                            {"target", JoinSentences(doc.tgt, b.tgt)}});
    }
    out << j.dump(2) << '\n';
  } else {  // tmx: only beads with both sides are translation units
    TmxWriter tmx(out, TmxHeader{LangTag(doc.src.lang), TMALIGN_VERSION});
    for (size_t k = 0; k < doc.beads.size(); ++k) {
      const Bead& b = doc.beads[k];
      if (b.src.empty() || b.tgt.empty()) continue;
      TmxUnit unit;
      unit.props = {{"x-tmalign-doc", doc_id},
                    {"x-tmalign-position", std::to_string(k)},
                    {"x-tmalign-src-ids", Ids(b.src)},
                    {"x-tmalign-tgt-ids", Ids(b.tgt)},
                    {"x-tmalign-confidence", Confidence(b.confidence)}};
      unit.variants.resize(2);
      unit.variants[0].lang = LangTag(doc.src.lang);
      unit.variants[0].text = JoinSentences(doc.src, b.src);
      unit.variants[1].lang = LangTag(doc.tgt.lang);
      unit.variants[1].text = JoinSentences(doc.tgt, b.tgt);
      tmx.Write(unit);
    }
    tmx.Finish();
  }
}

// Default document id: the folder both files share ("pujiang-2021-bulletin-07"), else SRC's name.
std::string DefaultDocId(const std::string& src, const std::string& tgt) {
  fs::path s = fs::absolute(src).lexically_normal(), t = fs::absolute(tgt).lexically_normal();
  if (s.parent_path() == t.parent_path() && s.parent_path().has_filename()) return s.parent_path().filename().string();
  return s.stem().string();
}

// The aligner's phase timings on stderr (TMALIGN_PROFILE=1).
void PrintProfile(const AlignProfile& profile) {
  for (const auto& [phase, seconds] : profile.phases) std::fprintf(stderr, "  %-9s %.3fs\n", phase.c_str(), seconds);
  std::fprintf(stderr, "  %zu anchors, %lld band cells\n", profile.anchors, static_cast<long long>(profile.band_cells));
}

int RunAlign(const std::vector<std::string>& args) {
  po::options_description opts(
      "usage: tmalign align SRC TGT [options]\n\n"
      "Splits SRC and TGT into sentences (one Chinese, one English; detected from the\n"
      "text), pairs them into beads (1-1, 1-2, 2-1, 1-0 ... up to 6 a side, 12 for\n"
      "1-n lists) and prints the beads, or stores them in a translation memory.\n\noptions");
  std::string format, output, tm_path, doc_id, title, src_lang, tgt_lang, encoding, dict, lexicon_path;
  std::vector<std::string> glossaries;
  DocumentAlignmentOptions options;
  opts.add_options()("help,h", "show this help")(
      "presplit", "inputs are already one sentence per line; line i is sentence i")(
      "format,f", po::value(&format)->default_value("beads"), "beads | tsv | json | tmx")(
      "output,o", po::value(&output), "write to FILE instead of standard output")(
      "tm", po::value(&tm_path), "store the alignment in this SQLite TM (default with --doc: $TMALIGN_TM or ./tm.sqlite)")(
      "doc", po::value(&doc_id), "document id in the TM (default: the folder of the inputs); re-aligning replaces it")(
      "title", po::value(&title), "document title stored in the TM")(
      "src-lang", po::value(&src_lang), "language of SRC: zh or en (default: detect)")(
      "tgt-lang", po::value(&tgt_lang), "language of TGT: zh or en (default: detect)")(
      "encoding,e", po::value(&encoding)->default_value("auto"), "input encoding: auto, utf-8, utf-16, gb18030, big5 ...")(
      "glossary,g", po::value(&glossaries), "glossary (.tsv, .csv, .tbx) whose terms count as translation evidence; repeatable")(
      "dict", po::value(&dict), "CC-CEDICT file (default: $TMALIGN_DICT or ~/.cache/tmalign/cedict_ts.u8)")(
      "lexicon", po::value(&lexicon_path), "word-frequency list for segmentation, jieba format (default: Debian's python3-jieba dict.txt; 'none' to disable)")(
      "verbose,v", "report languages, encodings, counts and timings on stderr");
  po::options_description tuning;  // hidden: for benchmarking and research
  tuning.add_options()("skip-cost", po::value(&options.align.skip_cost))(
      "merge-cost", po::value(&options.align.merge_cost))("m2m-cost", po::value(&options.align.many_to_many_cost))(
      "fan", po::value(&options.align.max_fan))("merge-cap", po::value(&options.align.merge_cost_cap))(
      "length-weight", po::value(&options.align.length_weight))("size-credit", po::value(&options.align.size_credit))("band", po::value(&options.align.band_half_width))(
      "src", po::value<std::string>())("tgt", po::value<std::string>());
  po::options_description all;
  all.add(opts).add(tuning);
  po::positional_options_description pos;
  pos.add("src", 1).add("tgt", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return Fail(std::string(e.what()) + " (see tmalign align --help)");
  }
  if (vm.count("help")) {
    std::cout << opts
              << "\nexamples:\n"
                 "  tmalign align zh.txt en.txt --tm tm.sqlite --doc bulletin-07 --glossary glossary/blockchain.tsv\n"
                 "  tmalign align --presplit zh.split en.split > test.align\n"
                 "  tmalign align zh.txt en.txt --format tsv -o pairs.tsv\n";
    return kExitOk;
  }
  if (!vm.count("src") || !vm.count("tgt")) return Fail("needs SRC and TGT (see tmalign align --help)");
  if (format != "beads" && format != "tsv" && format != "json" && format != "tmx") {
    return Fail("unknown --format '" + format + "' (beads, tsv, json or tmx)");
  }
  options.presplit = vm.count("presplit") > 0;
  options.encoding = encoding;
  for (auto [code, lang] : {std::pair{&src_lang, &options.src_lang}, std::pair{&tgt_lang, &options.tgt_lang}}) {
    if (code->empty()) continue;
    *lang = ParseLanguageCode(*code);
    if (*lang == Language::kUnknown) return Fail("unsupported language '" + *code + "' (zh or en)");
  }
  const std::string src = vm["src"].as<std::string>(), tgt = vm["tgt"].as<std::string>();
  const bool store = vm.count("tm") || vm.count("doc");
  if (store) {
    if (tm_path.empty()) tm_path = DefaultTmPath();
    if (doc_id.empty()) doc_id = DefaultDocId(src, tgt);
    // Ids appear in one-line messages, TMX props and URLs: no control characters.
    if (std::any_of(doc_id.begin(), doc_id.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
      return Fail("--doc must not contain control characters (tabs, newlines)");
    }
    // Fail before the work, not after it.
    if (Status st = TranslationMemory::CheckWritable(tm_path); !st.ok()) return Fail(st.message());
  }
  if (!output.empty()) {
    if (Status st = CheckOutputWritable(output); !st.ok()) return Fail(st.message());
  }
  const bool verbose = vm.count("verbose") > 0;
  auto t0 = std::chrono::steady_clock::now();

  std::unique_ptr<BilingualLexicon> lexicon;
  if (Status st = LoadLexicon(dict, lexicon_path, &lexicon); !st.ok()) return Fail(st.message());
  if (!glossaries.empty()) {
    Glossary glossary;
    if (Status st = LoadGlossaryFiles(glossaries, &glossary); !st.ok()) return Fail(st.message());
    AddGlossaryTerms(glossary, lexicon.get());
  }
  auto t1 = std::chrono::steady_clock::now();
  AlignedDocument doc;
  if (Status st = AlignDocumentFiles(src, tgt, *lexicon, options, &doc); !st.ok()) return Fail(st.message());
  auto t2 = std::chrono::steady_clock::now();
  if (const char* env = std::getenv("TMALIGN_PROFILE"); env != nullptr && *env != '\0') PrintProfile(doc.profile);
  if (verbose) {
    std::fprintf(stderr, "tmalign align: %s: %s, %s, %zu sentences\n", src.c_str(), LanguageCode(doc.src.lang),
                 doc.src.encoding.c_str(), doc.src.sentences.size());
    std::fprintf(stderr, "tmalign align: %s: %s, %s, %zu sentences\n", tgt.c_str(), LanguageCode(doc.tgt.lang),
                 doc.tgt.encoding.c_str(), doc.tgt.sentences.size());
    std::fprintf(stderr, "tmalign align: %zu beads; dictionary %.3fs, alignment %.3fs\n", doc.beads.size(),
                 std::chrono::duration<double>(t1 - t0).count(), std::chrono::duration<double>(t2 - t1).count());
  }

  if (store) {
    const TmDocument d = TmDocumentOfAlignment(doc, doc_id, title);
    const std::vector<TmUnit> units = TmUnitsOfAlignment(doc);
    std::unique_ptr<TranslationMemory> tm;
    Status st = TranslationMemory::Open(tm_path, &tm);
    if (st.ok()) st = tm->ReplaceDocument(d, units);
    if (!st.ok()) return Fail(st.message());
    std::fprintf(stderr, "tmalign align: stored %zu units of document '%s' in %s\n", units.size(), doc_id.c_str(),
                 tm_path.c_str());
    if (!vm.count("format") || vm["format"].defaulted()) {
      if (output.empty()) return kExitOk;  // storing was the job; print beads only when asked
    }
  }

  std::ostringstream rendered;
  Render(doc, format, doc_id.empty() ? DefaultDocId(src, tgt) : doc_id, rendered);
  if (Status st = WriteOutput(output, rendered.str()); !st.ok()) return Fail(st.message());
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("align", "align a Chinese text with its English translation (beads, TSV, JSON, TMX, TM)",
                         RunAlign);

}  // namespace tmalign::cli
